/**
 * `<lc-agreement>` alone, against the mock backend over HTTP: both modes of `GET /agreement`,
 * the signatory form's rules and the moment its errors show, the link, the load failure, and
 * the events.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { HttpCheckoutApi } from '../src/api/client.js';
import type { Agreement } from '../src/api/schemas.js';
import { todayIso, type AgreementDraft } from '../src/checkout/validate.js';
import '../src/components/agreement/agreement.js';
import type { LcAgreement } from '../src/components/agreement/agreement.js';
import type { LcStepBackEvent } from '../src/events/step-back.js';
import type { LcStepInputEvent } from '../src/events/step-input.js';
import type { LcStepNextEvent } from '../src/events/step-next.js';
import type { MockOptions } from '../src/mock/index.js';
import { createTestMock, type TestMock } from './helpers/mock.js';
import { leaveField } from './helpers/texts.js';
import { agreementStrings } from '../src/components/agreement/agreement.strings.js';
import { runStepSuite } from './suites/step-suite.js';

const HOSTILE = '<img src=x onerror=alert(1)>';

function text(node: Element | null | undefined): string {
  return ((node as HTMLElement | null)?.innerText ?? '').replace(/\s+/g, ' ').trim();
}

const root = (el: LcAgreement) => el.shadowRoot!;
const part = (el: LcAgreement, name: string) => root(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const input = (el: LcAgreement, name: string) => root(el).getElementById(`f-${name}`) as HTMLInputElement;
const fieldError = (el: LcAgreement, name: string) => text(root(el).getElementById(`f-${name}-error`));


/** Types `value` into a field as one edit, then leaves the field. */
async function type(el: LcAgreement, name: string, value: string): Promise<void> {
  const target = input(el, name);
  target.focus();
  target.value = value;
  target.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  leaveField(target);
  await el.updateComplete;
}


/** Elements of the shadow root that stick out of the host sideways (visually hidden text aside). */
function overflowing(el: HTMLElement): string[] {
  const host = el.getBoundingClientRect();
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('*')]
    .filter((node) => !node.closest('.visually-hidden'))
    .filter((node) => {
      const rect = node.getBoundingClientRect();
      return rect.width > 0 && (rect.left < host.left - 1 || rect.right > host.right + 1);
    })
    .map((node) => `${node.localName}.${node.className}`);
}

async function setUp(options: MockOptions & { customerName?: string; inject?: Parameters<TestMock['inject']>[0] } = {}) {
  const { customerName, inject, ...mockOptions } = options;
  const mock = await createTestMock({ speed: 1000, ...mockOptions });
  if (inject) await mock.inject(inject);
  const api = new HttpCheckoutApi({ baseUrl: mock.baseUrl, retry: 0 });
  const el = await fixture<LcAgreement>(html`<lc-agreement .api=${api} .customerName=${customerName}></lc-agreement>`);
  const inputs: AgreementDraft[] = [];
  el.addEventListener('lc-step-input', (e) => inputs.push((e as LcStepInputEvent<AgreementDraft>).value));
  return { mock, api, el, inputs };
}

const loaded = (el: LcAgreement) => waitUntil(() => !part(el, 'loading'), 'the agreement did not load', { timeout: 3000 });

async function clickNext(el: LcAgreement): Promise<void> {
  (part(el, 'next-button') as HTMLButtonElement).click();
  await el.updateComplete;
}

async function fillValid(el: LcAgreement): Promise<void> {
  await type(el, 'firstName', 'Megan');
  await type(el, 'lastName', 'Bowen');
  await type(el, 'email', 'megan@fabrikam.example');
}

describe('<lc-agreement>', () => {
  runStepSuite({
    step: 'agreement',
    strings: agreementStrings,
    alone: async () => {
      const { el } = await setUp({ customerName: 'Fabrikam, Inc.' });
      await loaded(el);
      return el;
    },
    blockedContinue: true,
    widest: clickNext,
  });

  it('is accessible: attest form, and with errors shown', async () => {
    const { el } = await setUp({ customerName: 'Fabrikam, Inc.' });
    await loaded(el);
    await expect(el).to.be.accessible();
    await clickNext(el);
    await expect(el).to.be.accessible();
  });

  describe('attest mode', () => {
    it('explains, links to the agreement text, and has each field with its autocomplete token', async () => {
      const { el } = await setUp({ customerName: 'Fabrikam, Inc.' });
      await loaded(el);
      expect(text(part(el, 'intro'))).to.equal(
        'The customer’s representative must accept the Microsoft Customer Agreement. Confirm who accepted it and when.',
      );
      const link = part(el, 'agreement-link') as HTMLAnchorElement;
      expect(link.getAttribute('href')).to.equal('https://www.microsoft.com/licensing/docs/customeragreement');
      expect(link.getAttribute('target')).to.equal('_blank');
      expect(link.getAttribute('rel')).to.equal('noopener noreferrer');
      expect(text(link)).to.equal('Read the Microsoft Customer Agreement (version 2025-01) (opens in a new tab)');
      expect(text(link.querySelector('.visually-hidden'))).to.equal('(opens in a new tab)');

      const tokens = Object.fromEntries(
        ['firstName', 'lastName', 'email', 'phone', 'dateAccepted'].map((name) => [name, input(el, name).getAttribute('autocomplete')]),
      );
      expect(tokens).to.deep.equal({ firstName: 'given-name', lastName: 'family-name', email: 'email', phone: 'tel', dateAccepted: 'off' });
      expect(input(el, 'phone').required).to.equal(false);
      expect(text(root(el).querySelector('label[for="f-phone"]'))).to.equal('Phone (optional)');
      const date = input(el, 'dateAccepted');
      expect(date.type).to.equal('date');
      expect(date.max).to.equal(todayIso());
      expect(date.value, 'prefilled with today').to.equal(todayIso());
      const accept = part(el, 'accept-checkbox') as HTMLInputElement;
      expect(accept.type).to.equal('checkbox');
      expect(accept.checked).to.equal(false);
      expect(text(root(el).querySelector(`label[for="${accept.id}"]`))).to.equal(
        'Fabrikam, Inc. has accepted the Microsoft Customer Agreement',
      );
    });

    it('blocks Continue on an empty form: summary with links, errors, focus on the first field', async () => {
      const { el } = await setUp();
      await loaded(el);
      let nexts = 0;
      el.addEventListener('lc-step-next', () => nexts++);
      expect(fieldError(el, 'firstName'), 'nothing before Continue').to.equal('');
      await clickNext(el);
      await el.updateComplete;
      expect(nexts).to.equal(0);
      const summary = part(el, 'error-summary')!;
      // A message that names its field is not prefixed with the label again; one that does not is.
      expect([...summary.querySelectorAll('a')].map((a) => text(a))).to.deep.equal([
        'First name is required.',
        'Last name is required.',
        'Email is required.',
        'Acceptance: Confirm that the customer has accepted the Microsoft Customer Agreement.',
      ]);
      expect(root(el).activeElement).to.equal(input(el, 'firstName'));
      expect(input(el, 'email').getAttribute('aria-invalid')).to.equal('true');
      (summary.querySelectorAll('a')[3] as HTMLAnchorElement).click();
      expect(root(el).activeElement).to.equal(part(el, 'accept-checkbox'));
    });

    it('shows a field’s error once it was changed and left, and rejects a future date', async () => {
      const { el } = await setUp();
      await loaded(el);
      await type(el, 'email', 'megan@');
      expect(fieldError(el, 'email')).to.equal('Enter an email address like name@example.com.');
      expect(fieldError(el, 'lastName'), 'an untouched field stays quiet').to.equal('');
      await type(el, 'dateAccepted', '2999-01-01');
      expect(fieldError(el, 'dateAccepted')).to.equal('The date cannot be in the future.');
      await type(el, 'dateAccepted', todayIso());
      expect(fieldError(el, 'dateAccepted')).to.equal('');
      await type(el, 'phone', 'call me');
      expect(fieldError(el, 'phone')).to.match(/^Enter a phone number/);
    });

    it('needs the acceptance checkbox, then fires lc-step-next with the draft', async () => {
      const { el, inputs } = await setUp();
      await loaded(el);
      await fillValid(el);
      let nexts = 0;
      el.addEventListener('lc-step-next', () => nexts++);
      await clickNext(el);
      await el.updateComplete;
      expect(nexts).to.equal(0);
      expect(fieldError(el, 'accepted')).to.equal('Confirm that the customer has accepted the Microsoft Customer Agreement.');
      expect(root(el).activeElement).to.equal(part(el, 'accept-checkbox'));

      (part(el, 'accept-checkbox') as HTMLInputElement).click();
      await el.updateComplete;
      expect(fieldError(el, 'accepted')).to.equal('');
      expect(inputs.at(-1)).to.deep.equal({
        firstName: 'Megan',
        lastName: 'Bowen',
        email: 'megan@fabrikam.example',
        phone: '',
        dateAccepted: todayIso(),
        accepted: true,
      });
      setTimeout(() => (part(el, 'next-button') as HTMLButtonElement).click());
      const event = (await oneEvent(el, 'lc-step-next')) as unknown as LcStepNextEvent<AgreementDraft>;
      expect(event.step).to.equal('agreement');
      expect(event.value).to.deep.equal(inputs.at(-1));
    });

    it('takes an agreement given as a property without asking the backend', async () => {
      const mock = await createTestMock({ speed: 1000 });
      const api = new HttpCheckoutApi({ baseUrl: mock.baseUrl, retry: 0 });
      const agreement: Agreement = { templateId: 't-1', version: 'v9', url: 'https://example.com/mca', mode: 'attest' };
      const el = await fixture<LcAgreement>(html`<lc-agreement .api=${api} .agreement=${agreement}></lc-agreement>`);
      expect(text(part(el, 'agreement-link'))).to.include('(version v9)');
      expect(await mock.requests({ path: '/agreement' })).to.have.length(0);
    });

    it('shows the backend’s field errors at once and drops one when its field is edited', async () => {
      const { el } = await setUp();
      await loaded(el);
      el.fieldErrors = { dateAccepted: 'The date accepted cannot be in the future (today is 2026-01-01).' };
      await el.updateComplete;
      expect(fieldError(el, 'dateAccepted')).to.equal('The date accepted cannot be in the future (today is 2026-01-01).');
      expect(text(part(el, 'error-summary'))).to.include('The date accepted cannot be in the future');
      expect(text(part(el, 'error-summary'))).to.not.include('Date accepted: ');
      await type(el, 'dateAccepted', todayIso());
      expect(fieldError(el, 'dateAccepted')).to.equal('');
    });

    it('keeps an owner’s value, fires nothing for it, and prefills an empty date', async () => {
      const { el, inputs } = await setUp();
      await loaded(el);
      el.value = { firstName: 'Alex', lastName: '', email: 'alex@', phone: '', dateAccepted: '', accepted: true };
      await el.updateComplete;
      expect(inputs).to.have.length(0);
      expect(input(el, 'firstName').value).to.equal('Alex');
      expect(input(el, 'dateAccepted').value).to.equal(todayIso());
      expect((part(el, 'accept-checkbox') as HTMLInputElement).checked).to.equal(true);
      expect(fieldError(el, 'email'), 'a prefilled field shows its error').to.equal('Enter an email address like name@example.com.');
    });
  });

  describe('customer-accepts mode', () => {
    it('has no form, explains what happens, and Continue fires lc-step-next', async () => {
      const { el } = await setUp({ agreementMode: 'customer-accepts', customerName: 'Fabrikam, Inc.' });
      await loaded(el);
      await waitUntil(() => part(el, 'notice'), 'no explanation');
      expect(root(el).querySelector('input, form')).to.equal(null);
      expect(text(part(el, 'notice'))).to.equal(
        'Fabrikam, Inc. accepts the Microsoft Customer Agreement on Microsoft’s own page. Nothing to fill in here. ' +
          'After you place the order, the provisioning step shows the link to send so that Fabrikam, Inc. can accept it. The subscriptions become active once the agreement is accepted.',
      );
      await expect(el).to.be.accessible();
      setTimeout(() => (part(el, 'next-button') as HTMLButtonElement).click());
      const event = (await oneEvent(el, 'lc-step-next')) as unknown as LcStepNextEvent<AgreementDraft>;
      expect(event.step).to.equal('agreement');
    });
  });

  describe('loading', () => {
    it('marks Continue unavailable while the agreement loads, says why, and fires nothing', async () => {
      const { el } = await setUp({ inject: { path: '/agreement', delayMs: 400 } });
      const loading = part(el, 'loading')!;
      expect(loading, 'still loading').to.exist;
      const next = part(el, 'next-button')!;
      expect(next.getAttribute('aria-disabled')).to.equal('true');
      const reasons = (next.getAttribute('aria-describedby') ?? '').split(' ').map((id) => root(el).getElementById(id));
      expect(reasons.map(text)).to.deep.equal(['Loading the Microsoft Customer Agreement…']);
      let nexts = 0;
      el.addEventListener('lc-step-next', () => nexts++);
      next.click();
      await el.updateComplete;
      expect(nexts).to.equal(0);
      await loaded(el);
      expect(part(el, 'next-button')!.getAttribute('aria-disabled')).to.equal('false');
      expect(part(el, 'next-button')!.hasAttribute('aria-describedby')).to.equal(false);
    });

    it('shows a load failure with Retry, accessible, and keeps what was entered', async () => {
      const { el, mock } = await setUp({ inject: { path: '/agreement', status: 503 } });
      await waitUntil(() => part(el, 'failed'), 'no failure shown', { timeout: 3000 });
      expect(text(part(el, 'failed'))).to.include('The Microsoft Customer Agreement could not be loaded.');
      // Retry is the only way on: no Continue that could do nothing.
      expect(part(el, 'next-button')).to.equal(null);
      expect(part(el, 'retry-button')).to.exist;
      await expect(el).to.be.accessible();
      (part(el, 'retry-button') as HTMLButtonElement).click();
      await waitUntil(() => part(el, 'agreement-link'), 'the retry did not load the agreement', { timeout: 3000 });
      expect(await mock.requests({ path: '/agreement' })).to.have.length(2);
    });

    it('shows a hostile version from the backend as text and never links to a script URL', async () => {
      const { el } = await setUp({
        inject: {
          path: '/agreement',
          status: 200,
          body: { templateId: 't-1', version: HOSTILE, url: 'https://example.com/mca', mode: 'attest' },
        },
      });
      await loaded(el);
      expect(text(part(el, 'agreement-link'))).to.include(`(version ${HOSTILE})`);
      expect(root(el).querySelector('img')).to.equal(null);

      const scripted = await setUp({
        inject: { path: '/agreement', status: 200, body: { templateId: 't-1', version: 'v1', url: 'javascript:alert(1)', mode: 'attest' } },
      });
      await waitUntil(() => !part(scripted.el, 'loading'), 'never settled', { timeout: 3000 });
      expect(root(scripted.el).querySelector('a[href^="javascript"]')).to.equal(null);
    });
  });

  it('fits 320 px wide, left to right and right to left', async () => {
    const { el } = await setUp({ customerName: 'Fabrikam, Inc.' });
    el.style.width = '320px';
    await loaded(el);
    await clickNext(el);
    expect(overflowing(el)).to.deep.equal([]);
    el.dir = 'rtl';
    await el.updateComplete;
    expect(overflowing(el)).to.deep.equal([]);
  });

  it('Back fires lc-step-back; no-back hides it; focusHeading() focuses the heading', async () => {
    const { el } = await setUp();
    await loaded(el);
    setTimeout(() => part(el, 'back-button')!.click());
    const event = (await oneEvent(el, 'lc-step-back')) as unknown as LcStepBackEvent;
    expect(event.step).to.equal('agreement');
    el.noBack = true;
    await el.updateComplete;
    expect(part(el, 'back-button')!.hidden).to.equal(true);
    el.focusHeading();
    expect(root(el).activeElement).to.equal(part(el, 'step-heading'));
  });
});
