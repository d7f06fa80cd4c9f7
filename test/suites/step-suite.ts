/**
 * What every checkout step must do, written once and run by each step's test file, in the
 * way Web Awesome's `runFormControlBaseTests` and Lion's `run…Suite` share behaviour:
 *
 *     runStepSuite({ step: 'agreement', strings: agreementStrings, alone: () => mountAgreement() });
 *
 * Every check runs on the step alone with its properties; the checks that make sense in
 * any setting also run on the step inside `<lc-checkout>` when `insideCheckout` is given.
 */
import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import type { LcStepNextEvent } from '../../src/events/step-next.js';
import { shownTexts } from '../helpers/texts.js';

/** A step element as the suite sees it: its public surface only. */
export interface StepElement extends HTMLElement {
  strings?: Partial<Record<string, string>>;
  updateComplete: Promise<boolean>;
  focusHeading(): Promise<void>;
}

export interface StepSuiteOptions<E extends StepElement> {
  /** The step's name in its events (`lc-step-next`'s `step`). */
  step: string;
  /** The step's default strings: every key is overridden in turn. */
  strings: Readonly<Record<string, string>>;
  /** Renders the step alone, with its properties, ready to use (its data loaded). */
  alone: () => Promise<E>;
  /**
   * Renders the step inside `<lc-checkout>` and returns it, ready to use. When given, the
   * checks that hold in any setting (axe, heading focus, 320 px) also run there.
   */
  insideCheckout?: () => Promise<E>;
  /**
   * Continue on the fresh step is blocked (a form with required answers): pressing it shows
   * the error summary, focuses the first invalid field and fires no `lc-step-next`. Leave
   * out for steps without such a Continue (cart, review, provisioning).
   */
  blockedContinue?: boolean;
  /** Brings the step into the state the 320 px check measures too (its widest content, e.g. errors shown). */
  widest?: (el: E) => Promise<void>;
}

const root = (el: HTMLElement) => el.shadowRoot!;
const part = (el: HTMLElement, name: string) => root(el).querySelector<HTMLElement>(`[part~="${name}"]`);

function describeNode(node: Element | null | undefined): string {
  if (!node) return 'nothing';
  return `<${node.localName}${node.id ? ` id="${node.id}"` : ''}${node.getAttribute('part') ? ` part="${node.getAttribute('part')}"` : ''}>`;
}

async function pressContinue(el: StepElement): Promise<void> {
  const next = part(el, 'next-button');
  if (!next) throw new Error('the step shows no next-button');
  next.click();
  await el.updateComplete;
}

/** Horizontal overflow of the host and of the page, in pixels (0 when nothing scrolls sideways). */
function sidewaysScroll(el: HTMLElement): { host: number; document: number } {
  const page = document.scrollingElement ?? document.documentElement;
  return { host: el.scrollWidth - el.clientWidth, document: page.scrollWidth - page.clientWidth };
}

async function expectFitsAt320(el: StepElement, widest: ((el: StepElement) => Promise<void>) | undefined): Promise<void> {
  el.style.inlineSize = '320px';
  for (const dir of ['ltr', 'rtl'] as const) {
    el.dir = dir;
    await el.updateComplete;
    expect(el.clientWidth, `${dir}: the host is a block 320 px wide`).to.equal(320);
    expect(sidewaysScroll(el), dir).to.deep.equal({ host: 0, document: 0 });
  }
  if (!widest) return;
  await widest(el);
  for (const dir of ['ltr', 'rtl'] as const) {
    el.dir = dir;
    await el.updateComplete;
    expect(sidewaysScroll(el), `${dir}, widest state`).to.deep.equal({ host: 0, document: 0 });
  }
}

/**
 * Overrides each of the step's keys in turn with a marked text and checks that only that
 * key's text changed: removing the mark gives back exactly what was shown before. Keys of
 * other steps, and the step's keys without their prefix, change nothing.
 */
async function expectOverridesChangeOnlyTheirKeys(el: StepElement, strings: Readonly<Record<string, string>>): Promise<void> {
  const before = shownTexts(el).join('\n');
  const texts = Object.values(strings);
  const shown: string[] = [];
  for (const [key, text] of Object.entries(strings)) {
    const mark = `⟦${key}⟧`;
    el.strings = { [key]: `${mark}${text}` };
    await el.updateComplete;
    const after = shownTexts(el).join('\n');
    if (after.includes(mark)) shown.push(key);
    expect(after.split(mark).join(''), `overriding ${key} changed other texts`).to.equal(before);
    // A whole text shown as it is, and no other key's, must be this key's: its override shows.
    const plain = !text.includes('{') && texts.indexOf(text) === texts.lastIndexOf(text);
    if (plain && before.split('\n').includes(text)) expect(after, `overriding ${key} did not change “${text}”`).to.include(mark);
  }
  expect(shown.length, 'no overridden text was shown').to.be.above(0);

  const prefix = Object.keys(strings)[0]!.split('.')[0]!;
  const foreign: Record<string, string> = {};
  for (const key of Object.keys(strings)) {
    foreign[key.slice(prefix.length + 1)] = 'UNPREFIXED';
    foreign[`other-${key}`] = 'OTHER STEP';
  }
  el.strings = foreign;
  await el.updateComplete;
  expect(shownTexts(el).join('\n'), 'keys of other steps or without the prefix changed a text').to.equal(before);
  el.strings = undefined;
  await el.updateComplete;
}

export function runStepSuite<E extends StepElement>(options: StepSuiteOptions<E>): void {
  const settings: Array<[string, () => Promise<E>]> = [['alone', options.alone]];
  if (options.insideCheckout) settings.push(['inside <lc-checkout>', options.insideCheckout]);

  describe('the step suite', () => {
    for (const [setting, mount] of settings) {
      describe(setting, () => {
        it('passes axe', async () => {
          const el = await mount();
          await expect(el).to.be.accessible();
        });

        it('focusHeading() moves focus to its heading', async () => {
          const el = await mount();
          const heading = part(el, 'step-heading');
          expect(heading, 'a step-heading part').to.exist;
          expect(heading!.getAttribute('tabindex')).to.equal('-1');
          await el.focusHeading();
          const active = root(el).activeElement;
          expect(active === heading, `focus is on ${describeNode(active)}`).to.equal(true);
        });

        it('fits 320 px wide, left to right and right to left, without scrolling sideways', async () => {
          const el = await mount();
          await expectFitsAt320(el, options.widest as ((el: StepElement) => Promise<void>) | undefined);
        });
      });
    }

    describe('alone', () => {
      it('changes only the texts whose keys its strings override', async () => {
        const el = await options.alone();
        await expectOverridesChangeOnlyTheirKeys(el, options.strings);
      });

      if (options.blockedContinue) {
        it('blocks Continue: the error summary, focus on the first invalid field, no lc-step-next, still accessible', async () => {
          const el = await options.alone();
          const nexts: LcStepNextEvent[] = [];
          el.addEventListener('lc-step-next', (e) => nexts.push(e as LcStepNextEvent));
          await pressContinue(el);
          await waitUntil(() => part(el, 'error-summary'), 'no error summary after a blocked Continue');
          await aTimeout(0);
          expect(nexts, 'lc-step-next after a blocked Continue').to.have.length(0);

          const summary = part(el, 'error-summary')!;
          const links = [...summary.querySelectorAll('a')];
          expect(links.length, 'the summary lists the problems').to.be.above(0);
          for (const link of links) {
            const target = link.getAttribute('href')!.slice(1);
            expect(root(el).getElementById(target), `the summary links to #${target}, which is missing`).to.exist;
          }
          const firstInvalid = root(el).querySelector('[aria-invalid="true"]');
          expect(firstInvalid, 'a field marked aria-invalid').to.exist;
          const active = root(el).activeElement;
          expect(active === firstInvalid, `focus is on ${describeNode(active)}, expected ${describeNode(firstInvalid)}`).to.equal(true);
          await expect(el).to.be.accessible();

          await pressContinue(el);
          await aTimeout(0);
          expect(nexts, 'lc-step-next after a second blocked Continue').to.have.length(0);
        });
      }
    });
  });
}
