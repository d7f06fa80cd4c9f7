/**
 * `<lc-agreement>` alone, against the mock backend over HTTP: the signatory (the primary
 * contact, or someone else), the acceptance link with Copy, Open and Email, its status
 * followed live, expiry and a new link, the Continue rules, the load failure, and the events.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { HttpCheckoutApi } from '../src/api/client.js';
import type { AcceptanceRequest, Agreement, Contact } from '../src/api/schemas.js';
import type { AgreementDraft } from '../src/checkout/validate.js';
import '../src/components/agreement/agreement.js';
import type { LcAgreement } from '../src/components/agreement/agreement.js';
import type { LcStepBackEvent } from '../src/events/step-back.js';
import type { LcStepInputEvent } from '../src/events/step-input.js';
import type { LcStepNextEvent } from '../src/events/step-next.js';
import { de } from '../src/i18n/de.js';
import type { MockOptions } from '../src/mock/index.js';
import { fakeClock, type FakeClock } from './helpers/clock.js';
import { acceptOnMockPage } from './helpers/contract.js';
import { createTestMock, type TestMock } from './helpers/mock.js';
import { leaveField } from './helpers/texts.js';
import { agreementStrings } from '../src/components/agreement/agreement.strings.js';
import { runStepSuite } from './suites/step-suite.js';

const HOSTILE = '<img src=x onerror=alert(1)>';
const DANA: Contact = { firstName: 'Dana', lastName: 'Whitfield', email: 'dana@fabrikam.example' };

function text(node: Element | null | undefined): string {
  return ((node as HTMLElement | null)?.innerText ?? '').replace(/\s+/g, ' ').trim();
}

const root = (el: LcAgreement) => el.shadowRoot!;
const part = (el: LcAgreement, name: string) => root(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const input = (el: LcAgreement, name: string) => root(el).getElementById(`f-${name}`) as HTMLInputElement | null;
const fieldError = (el: LcAgreement, name: string) => text(root(el).getElementById(`f-${name}-error`));

/** Types `value` into a field as one edit, then leaves the field. */
async function type(el: LcAgreement, name: string, value: string): Promise<void> {
  const target = input(el, name)!;
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

interface SetUp extends MockOptions {
  customerName?: string;
  contact?: Contact;
  inject?: Parameters<TestMock['inject']>[0];
}

async function setUp({ customerName, contact, inject, ...mockOptions }: SetUp = {}) {
  const mock = await createTestMock({ speed: 1000, ...mockOptions });
  if (inject) await mock.inject(inject);
  const api = new HttpCheckoutApi({ baseUrl: mock.baseUrl, retry: 0 });
  const el = await fixture<LcAgreement>(
    html`<lc-agreement lang="en-GB" .api=${api} .customerName=${customerName} .country=${'us'} .contact=${contact}></lc-agreement>`,
  );
  const inputs: AgreementDraft[] = [];
  el.addEventListener('lc-step-input', (e) => inputs.push((e as LcStepInputEvent<AgreementDraft>).value));
  return { mock, api, el, inputs };
}

const loaded = (el: LcAgreement) => waitUntil(() => !part(el, 'loading'), 'the agreement did not load', { timeout: 3000 });

async function clickNext(el: LcAgreement): Promise<void> {
  (part(el, 'next-button') as HTMLButtonElement).click();
  await el.updateComplete;
}

/** Presses "Create the acceptance link" and waits for the link (or a failure) to show. */
async function create(el: LcAgreement): Promise<void> {
  (part(el, 'create-button') as HTMLButtonElement).click();
  await waitUntil(() => part(el, 'acceptance') || part(el, 'failed'), 'the link did not show', { timeout: 3000 });
  await el.updateComplete;
}

/** Presses Create with the signatory incomplete: nothing is sent, the errors show. */
async function createRefused(el: LcAgreement): Promise<void> {
  (part(el, 'create-button') as HTMLButtonElement).click();
  await waitUntil(() => part(el, 'error-summary'), 'no error summary');
}

const status = (el: LcAgreement) => part(el, 'acceptance-status')?.dataset.status;
const announced = (el: LcAgreement) => text(root(el).querySelector('[role="status"].visually-hidden'));
const blockedBecause = (el: LcAgreement) => {
  const next = part(el, 'next-button')!;
  return next.getAttribute('aria-disabled') === 'true' ? text(root(el).getElementById(next.getAttribute('aria-describedby')!)) : '';
};

/** Replaces the clipboard's writeText for one test. */
function stubClipboard(): { copied: string[]; restore(): void } {
  const copied: string[] = [];
  const clipboard = navigator.clipboard as Clipboard & { writeText: Clipboard['writeText'] };
  clipboard.writeText = async (value: string) => {
    copied.push(value);
  };
  return { copied, restore: () => delete (clipboard as { writeText?: unknown }).writeText };
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

  it('is accessible: the signatory form, with errors, the link waiting, accepted and expired', async () => {
    const { el } = await setUp({ customerName: 'Fabrikam, Inc.', contact: DANA });
    await loaded(el);
    await expect(el).to.be.accessible();
    (part(el, 'someone-else-checkbox') as HTMLInputElement).click();
    await el.updateComplete;
    await createRefused(el);
    await expect(el).to.be.accessible();
    (part(el, 'someone-else-checkbox') as HTMLInputElement).click();
    await el.updateComplete;
    await create(el);
    expect(status(el)).to.equal('link-generated');
    await expect(el).to.be.accessible();
    await acceptOnMockPage(el.value.acceptance!.url);
    await waitUntil(() => status(el) === 'customer-accepted', 'not accepted', { timeout: 3000 });
    await expect(el).to.be.accessible();

    const expired = await setUp({ customerName: 'Expired Example Ltd', contact: DANA });
    await loaded(expired.el);
    await create(expired.el);
    expect(status(expired.el)).to.equal('link-expired');
    await expect(expired.el).to.be.accessible();
  });

  describe('the signatory', () => {
    it('is the primary contact by default: named, no fields, and the request carries them and the company', async () => {
      const { el, mock } = await setUp({ customerName: 'Fabrikam, Inc.', contact: DANA });
      await loaded(el);
      expect(text(part(el, 'intro'))).to.equal(
        'Someone who can sign for Fabrikam, Inc. accepts the Microsoft Customer Agreement on Microsoft’s own page, without signing in. Create the link here and send it to them.',
      );
      const link = part(el, 'agreement-link') as HTMLAnchorElement;
      expect(link.getAttribute('href')).to.equal('https://www.microsoft.com/licensing/docs/customeragreement');
      expect(link.getAttribute('target')).to.equal('_blank');
      expect(link.getAttribute('rel')).to.equal('noopener noreferrer');
      expect(text(link)).to.equal('Read the Microsoft Customer Agreement (version 2025-01) (opens in a new tab)');
      expect(text(part(el, 'fieldset'))).to.contain('Dana Whitfield (dana@fabrikam.example), the primary contact, signs.');
      expect(input(el, 'firstName'), 'no fields while the contact signs').to.equal(null);
      expect((part(el, 'someone-else-checkbox') as HTMLInputElement).checked).to.equal(false);

      await create(el);
      const [posted] = await mock.requests({ method: 'POST', path: '/agreement-acceptances' });
      expect(posted!.body).to.deep.equal({ signatory: DANA, company: { name: 'Fabrikam, Inc.', country: 'US', language: 'en-GB' } });
      expect(text(part(el, 'acceptance-status'))).to.equal('Waiting for Dana Whitfield to accept.');
      expect(announced(el)).to.equal('Waiting for Dana Whitfield to accept.');
    });

    it('someone else signs: the fields, their rules, and the request carries who was typed', async () => {
      const { el, mock, inputs } = await setUp({ customerName: 'Fabrikam, Inc.', contact: DANA });
      await loaded(el);
      (part(el, 'someone-else-checkbox') as HTMLInputElement).click();
      await el.updateComplete;
      expect(inputs.at(-1)).to.include({ someoneElse: true });
      const tokens = Object.fromEntries(['firstName', 'lastName', 'email', 'phone'].map((name) => [name, input(el, name)!.type]));
      expect(tokens).to.deep.equal({ firstName: 'text', lastName: 'text', email: 'email', phone: 'tel' });
      expect(input(el, 'phone')!.required).to.equal(false);
      expect(text(root(el).querySelector('label[for="f-phone"]'))).to.equal('Phone (optional)');

      // Create with nothing typed: the summary, the errors and focus, and no request.
      await createRefused(el);
      expect([...part(el, 'error-summary')!.querySelectorAll('a')].map(text)).to.deep.equal([
        'First name is required.',
        'Last name is required.',
        'Email is required.',
      ]);
      expect(root(el).activeElement).to.equal(input(el, 'firstName'));
      expect(input(el, 'email')!.getAttribute('aria-invalid')).to.equal('true');
      expect(await mock.requests({ method: 'POST', path: '/agreement-acceptances' })).to.have.length(0);

      await type(el, 'email', 'megan@');
      expect(fieldError(el, 'email')).to.equal('Enter an email address like name@example.com.');
      await type(el, 'phone', 'call me');
      expect(fieldError(el, 'phone')).to.match(/^Enter a phone number/);
      await type(el, 'phone', '');
      await type(el, 'firstName', 'Megan');
      await type(el, 'lastName', 'Bowen');
      await type(el, 'email', 'megan@fabrikam.example');
      await create(el);
      const [posted] = await mock.requests({ method: 'POST', path: '/agreement-acceptances' });
      expect((posted!.body as { signatory: Contact }).signatory).to.deep.equal({ firstName: 'Megan', lastName: 'Bowen', email: 'megan@fabrikam.example' });
      expect(text(part(el, 'acceptance-status'))).to.equal('Waiting for Megan Bowen to accept.');
    });

    it('without a primary contact (an existing customer), the signatory is typed in', async () => {
      const { el } = await setUp({ customerName: 'Adatum Corporation' });
      await loaded(el);
      expect(part(el, 'someone-else-checkbox')).to.equal(null);
      expect(input(el, 'firstName')).to.exist;
    });

    it('shows the backend’s field errors at once and drops one when its field is edited', async () => {
      const { el } = await setUp({ customerName: 'Fabrikam, Inc.' });
      await loaded(el);
      el.fieldErrors = { email: 'That mailbox does not accept mail from Microsoft.' };
      await el.updateComplete;
      expect(fieldError(el, 'email')).to.equal('That mailbox does not accept mail from Microsoft.');
      expect(text(part(el, 'error-summary'))).to.include('That mailbox does not accept mail from Microsoft.');
      await type(el, 'email', 'megan@fabrikam.example');
      expect(fieldError(el, 'email')).to.equal('');
    });

    it('keeps an owner’s value and fires nothing for it', async () => {
      const { el, inputs } = await setUp({ customerName: 'Fabrikam, Inc.', contact: DANA });
      await loaded(el);
      el.value = { someoneElse: true, firstName: 'Alex', lastName: '', email: 'alex@', phone: '' };
      await el.updateComplete;
      expect(inputs).to.have.length(0);
      expect(input(el, 'firstName')!.value).to.equal('Alex');
      expect((part(el, 'someone-else-checkbox') as HTMLInputElement).checked).to.equal(true);
      expect(fieldError(el, 'email'), 'a prefilled field shows its error').to.equal('Enter an email address like name@example.com.');
    });
  });

  describe('the link', () => {
    let clipboard: ReturnType<typeof stubClipboard> | undefined;
    afterEach(() => clipboard?.restore());

    it('offers Copy, Open in a new tab (said visibly) and Email, with the expiry as a date and as time left', async () => {
      const { el } = await setUp({ customerName: 'Fabrikam, Inc.', contact: DANA });
      await loaded(el);
      await create(el);
      const { url, expiresAt } = el.value.acceptance!;
      expect(text(part(el, 'acceptance-url'))).to.equal(url);

      clipboard = stubClipboard();
      (part(el, 'copy-button') as HTMLButtonElement).click();
      await waitUntil(() => announced(el) === 'Link copied.', 'the copy was not announced');
      expect(clipboard.copied).to.deep.equal([url]);

      const open = part(el, 'open-link') as HTMLAnchorElement;
      expect(open.href).to.equal(url);
      expect(open.target).to.equal('_blank');
      expect(open.rel).to.equal('noopener noreferrer');
      expect(text(open), 'the new tab is said in the visible text').to.equal('Open (new tab)');

      const mail = new URL((part(el, 'email-link') as HTMLAnchorElement).href);
      expect(mail.protocol).to.equal('mailto:');
      expect(mail.pathname).to.equal('dana@fabrikam.example');
      expect(mail.searchParams.get('subject')).to.equal('Microsoft Customer Agreement for Fabrikam, Inc.');
      const body = mail.searchParams.get('body')!;
      expect(body).to.contain('Hello Dana Whitfield,').and.contain(url).and.contain('no sign-in needed');

      // Seven days from now, as a date and as time left; the time names its zone, as the
      // checkout's other deadlines do (the customer may read it in another one).
      const date = new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(new Date(expiresAt));
      const zone = new Intl.DateTimeFormat('en-GB', { timeZoneName: 'short' }).formatToParts(new Date(expiresAt)).find((p) => p.type === 'timeZoneName')!.value;
      expect(date).to.contain(zone);
      expect(text(part(el, 'acceptance'))).to.contain(`The link works until ${date} (in 7 days)`);
      expect(body).to.contain(`The link works until ${date}.`);
    });

    it('writes the email in the page’s language', async () => {
      const { el } = await setUp({ customerName: 'Fabrikam, Inc.', contact: DANA });
      el.lang = 'de';
      el.strings = de;
      await loaded(el);
      await create(el);
      const mail = new URL((part(el, 'email-link') as HTMLAnchorElement).href);
      expect(mail.searchParams.get('subject')).to.equal(de['agreement.email.subject']!.replace('{company}', 'Fabrikam, Inc.'));
      expect(mail.searchParams.get('body')).to.contain('Guten Tag Dana Whitfield');
      expect(text(part(el, 'open-link'))).to.equal(de['agreement.open']);
    });

    it('follows the status live: the Accept on Microsoft’s page shows without a reload, and is reported', async () => {
      const { el, inputs } = await setUp({ customerName: 'Fabrikam, Inc.', contact: DANA });
      await loaded(el);
      await create(el);
      await acceptOnMockPage(el.value.acceptance!.url);
      await waitUntil(() => status(el) === 'customer-accepted', 'the acceptance did not show', { timeout: 3000 });
      expect(text(part(el, 'acceptance-status'))).to.equal('Accepted by Dana Whitfield.');
      expect(announced(el)).to.equal('Accepted by Dana Whitfield.');
      expect(inputs.at(-1)!.acceptance).to.include({ status: 'customer-accepted' });
      // Nothing left to send.
      expect(part(el, 'copy-button')).to.equal(null);
      expect(part(el, 'email-link')).to.equal(null);
    });

    it('follows by polling where the backend has no events', async () => {
      const { el, mock } = await setUp({ customerName: 'Fabrikam, Inc.', contact: DANA, sse: false });
      await loaded(el);
      await create(el);
      await acceptOnMockPage(el.value.acceptance!.url);
      await waitUntil(() => status(el) === 'customer-accepted', 'the acceptance did not show', { timeout: 5000 });
      const id = el.value.acceptance!.id;
      expect(await mock.requests({ method: 'GET', path: `/agreement-acceptances/${id}` })).to.not.be.empty;
    });

    it('says an expired link expired, blocks Continue, and generates a new one that works', async () => {
      const { el, mock } = await setUp({ customerName: 'Expired Example Ltd', contact: DANA });
      await loaded(el);
      await create(el);
      const old = el.value.acceptance!;
      expect(status(el)).to.equal('link-expired');
      expect(text(part(el, 'acceptance'))).to.contain('The link expired. Generate a new one and send it again.');
      expect(part(el, 'copy-button'), 'no expired link to send').to.equal(null);
      expect(blockedBecause(el)).to.equal('Create the acceptance link first.');

      (part(el, 'regenerate-button') as HTMLButtonElement).click();
      await waitUntil(() => status(el) === 'link-generated', 'no new link', { timeout: 3000 });
      expect(await mock.requests({ method: 'POST', path: `/agreement-acceptances/${old.id}/link` })).to.have.length(1);
      expect(el.value.acceptance!.id).to.equal(old.id);
      expect(el.value.acceptance!.url).to.not.equal(old.url);
      expect(blockedBecause(el)).to.equal('');
      await acceptOnMockPage(el.value.acceptance!.url);
      await waitUntil(() => status(el) === 'customer-accepted', 'the new link did not work', { timeout: 3000 });
    });

    describe('the time left', () => {
      let clock: FakeClock | undefined;
      afterEach(() => {
        clock?.restore();
        clock = undefined;
      });

      const AGREEMENT: Agreement = { templateId: 't-1', version: 'v9', url: 'https://example.com/mca' };
      const pending = (expiresAt: number, status: AcceptanceRequest['status'] = 'link-generated'): Partial<AgreementDraft> => ({
        acceptance: {
          id: 'mca_1',
          status,
          url: 'https://example.com/accept/1',
          expiresAt: new Date(expiresAt).toISOString(),
          signatory: DANA,
          company: { name: 'Fabrikam, Inc.', country: 'US', language: 'en-GB' },
        },
      });
      /** The step alone with a link of its own (no backend), its clock in the test's hand. */
      async function withLink(expiresIn: number) {
        const el = await fixture<LcAgreement>(
          html`<lc-agreement lang="en-GB" .agreement=${AGREEMENT} .customerName=${'Fabrikam, Inc.'} .contact=${DANA}></lc-agreement>`,
        );
        clock = fakeClock();
        const expiresAt = Date.now() + expiresIn;
        el.value = pending(expiresAt);
        await el.updateComplete;
        return { el, expiresAt };
      }
      const left = (el: LcAgreement) => /\((in [^)]+)\)/.exec(text(part(el, 'acceptance')))?.[1];
      async function tick(el: LcAgreement): Promise<number> {
        const moved = clock!.next();
        await el.updateComplete;
        return moved;
      }

      it('counts down once a minute, then by the second, and expires on time by itself, announcing only that', async () => {
        const { el, expiresAt } = await withLink(2 * 3600_000 + 10_000);
        const inputs: AgreementDraft[] = [];
        el.addEventListener('lc-step-input', (e) => inputs.push((e as LcStepInputEvent<AgreementDraft>).value));
        const region = root(el).querySelector('[role="status"]')!;
        const spoken: MutationRecord[] = [];
        new MutationObserver((records) => spoken.push(...records)).observe(region, { subtree: true, childList: true, characterData: true });

        expect(left(el)).to.equal('in 2 hours');
        expect(clock!.pending, 'one timer, a minute away').to.deep.equal([60_000]);
        expect(await tick(el)).to.equal(60_000);
        expect(left(el)).to.equal('in 119 minutes');
        // Once a minute while more than an hour is left.
        let minutes = 1;
        while (clock!.pending[0] === 60_000) {
          await tick(el);
          minutes++;
        }
        expect(minutes, 'minute ticks until an hour was left').to.equal(61);
        expect(left(el)).to.equal('in 59 minutes');
        expect(clock!.pending).to.deep.equal([1000]);

        // Near the end: by the second, and the last tick lands on the expiry.
        clock!.set(expiresAt - 1500);
        await tick(el);
        expect(left(el)).to.equal('in 2 seconds');
        expect(await tick(el)).to.equal(1000);
        expect(left(el)).to.equal('in 1 second');
        expect(clock!.pending).to.deep.equal([500]);
        expect(status(el), 'still waiting').to.equal('link-generated');
        await Promise.resolve();
        expect(spoken, 'the ticks were not announced').to.deep.equal([]);
        expect(inputs, 'the ticks were not reported').to.deep.equal([]);

        await tick(el);
        expect(Date.now()).to.equal(expiresAt);
        expect(status(el)).to.equal('link-expired');
        expect(text(part(el, 'acceptance'))).to.contain('The link expired. Generate a new one and send it again.');
        expect(part(el, 'regenerate-button'), 'a new link is offered').to.exist;
        expect(part(el, 'copy-button'), 'no expired link to send').to.equal(null);
        expect(blockedBecause(el)).to.equal('Create the acceptance link first.');
        expect(announced(el)).to.equal('The link expired. Generate a new one and send it again.');
        expect(inputs.map((draft) => draft.acceptance?.status)).to.deep.equal(['link-expired']);
        expect(clock!.pending, 'the clock stopped').to.deep.equal([]);
      });

      it('makes no new date or relative-time formatter at its ticks (one per locale, kept)', async () => {
        const { el } = await withLink(30 * 60_000);
        expect(left(el)).to.equal('in 30 minutes');
        const made: string[] = [];
        const counted = <T extends object>(name: string, real: T): T =>
          new Proxy(real as T & (new (...args: unknown[]) => object), {
            construct: (target, args) => (made.push(name), Reflect.construct(target, args)),
            apply: (target, self, args) => (made.push(name), Reflect.apply(target as unknown as () => object, self, args)),
          });
        const real = { DateTimeFormat: Intl.DateTimeFormat, RelativeTimeFormat: Intl.RelativeTimeFormat };
        Object.assign(Intl, { DateTimeFormat: counted('DateTimeFormat', real.DateTimeFormat), RelativeTimeFormat: counted('RelativeTimeFormat', real.RelativeTimeFormat) });
        try {
          for (let i = 0; i < 5; i++) await tick(el);
        } finally {
          Object.assign(Intl, real);
        }
        expect(left(el), 'still shown after five ticks').to.equal('in 30 minutes');
        expect(made).to.deep.equal([]);
      });

      it('stops while disconnected or no longer pending, and catches up on reconnect', async () => {
        const { el, expiresAt } = await withLink(5 * 60_000);
        expect(left(el)).to.equal('in 5 minutes');
        expect(clock!.pending).to.deep.equal([1000]);
        const parent = el.parentNode!;
        el.remove();
        expect(clock!.pending, 'no timer while disconnected').to.deep.equal([]);
        clock!.set(expiresAt + 1);
        parent.append(el);
        expect(clock!.pending.length, 'ticking again').to.equal(1);
        await tick(el);
        expect(status(el), 'it expired while away').to.equal('link-expired');
        expect(clock!.pending).to.deep.equal([]);

        el.value = pending(Date.now() + 3 * 3600_000);
        await el.updateComplete;
        expect(left(el)).to.equal('in 3 hours');
        expect(clock!.pending).to.deep.equal([60_000]);
        el.value = { ...pending(Date.now() + 3 * 3600_000, 'customer-accepted') };
        await el.updateComplete;
        expect(status(el)).to.equal('customer-accepted');
        expect(clock!.pending, 'nothing left to count').to.deep.equal([]);
      });
    });

    it('shows why the link could not be created, and keeps the form', async () => {
      const { el } = await setUp({ customerName: 'Fabrikam, Inc.', contact: DANA, inject: { method: 'POST', path: '/agreement-acceptances', status: 503 } });
      await loaded(el);
      await create(el);
      expect(text(part(el, 'failed'))).to.contain('The link could not be created.');
      expect(part(el, 'create-button')).to.exist;
      (part(el, 'create-button') as HTMLButtonElement).click();
      await waitUntil(() => status(el) === 'link-generated', 'the second try did not create the link', { timeout: 3000 });
      expect(part(el, 'failed'), 'the failure is gone').to.equal(null);
    });

    it('asks for a new link once the company name changed', async () => {
      const { el } = await setUp({ customerName: 'Fabrikam, Inc.', contact: DANA });
      await loaded(el);
      await create(el);
      el.customerName = 'Fabrikam Europe';
      await el.updateComplete;
      expect(part(el, 'acceptance'), 'the old link is not shown').to.equal(null);
      expect(part(el, 'create-button')).to.exist;
      expect(blockedBecause(el)).to.equal('The link was made for another company name. Create a new one.');
    });
  });

  describe('Continue', () => {
    it('is allowed while acceptance is pending, says the order will wait, and fires lc-step-next with the draft', async () => {
      const { el } = await setUp({ customerName: 'Fabrikam, Inc.', contact: DANA });
      await loaded(el);
      expect(blockedBecause(el)).to.equal('Create the acceptance link first.');
      await create(el);
      expect(text(part(el, 'notice'))).to.equal('You can continue now: the order waits for the acceptance while it is set up.');
      expect(blockedBecause(el)).to.equal('');
      setTimeout(() => (part(el, 'next-button') as HTMLButtonElement).click());
      const event = (await oneEvent(el, 'lc-step-next')) as unknown as LcStepNextEvent<AgreementDraft>;
      expect(event.step).to.equal('agreement');
      expect(event.value.acceptance).to.include({ status: 'link-generated', id: el.value.acceptance!.id });
    });

    it('waits for the acceptance where the store requires it before the order', async () => {
      const { el } = await setUp({ customerName: 'Fabrikam, Inc.', contact: DANA, acceptanceBeforeOrder: true });
      await loaded(el);
      await create(el);
      expect(text(part(el, 'notice'))).to.equal('This store requires acceptance before the order: you can continue once Dana Whitfield has accepted.');
      expect(blockedBecause(el)).to.equal('Wait until Dana Whitfield has accepted.');
      let nexts = 0;
      el.addEventListener('lc-step-next', () => nexts++);
      await clickNext(el);
      expect(nexts).to.equal(0);
      expect(announced(el)).to.equal('Wait until Dana Whitfield has accepted.');
      await acceptOnMockPage(el.value.acceptance!.url);
      await waitUntil(() => blockedBecause(el) === '', 'Continue stayed blocked after the acceptance', { timeout: 3000 });
      await clickNext(el);
      expect(nexts).to.equal(1);
    });

    it('takes an agreement given as a property without asking the backend', async () => {
      const mock = await createTestMock({ speed: 1000 });
      const api = new HttpCheckoutApi({ baseUrl: mock.baseUrl, retry: 0 });
      const agreement: Agreement = { templateId: 't-1', version: 'v9', url: 'https://example.com/mca' };
      const el = await fixture<LcAgreement>(html`<lc-agreement .api=${api} .agreement=${agreement}></lc-agreement>`);
      expect(text(part(el, 'agreement-link'))).to.include('(version v9)');
      expect(await mock.requests({ path: '/agreement' })).to.have.length(0);
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
      expect(reasons.map(text)).to.deep.equal(['The Microsoft Customer Agreement is not available yet.']);
      let nexts = 0;
      el.addEventListener('lc-step-next', () => nexts++);
      next.click();
      await el.updateComplete;
      expect(nexts).to.equal(0);
      await loaded(el);
      // Loaded, and now waiting for the link instead.
      expect(blockedBecause(el)).to.equal('Create the acceptance link first.');
    });

    it('shows a load failure with Retry, accessible', async () => {
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
        inject: { path: '/agreement', status: 200, body: { templateId: 't-1', version: HOSTILE, url: 'https://example.com/mca' } },
      });
      await loaded(el);
      expect(text(part(el, 'agreement-link'))).to.include(`(version ${HOSTILE})`);
      expect(root(el).querySelector('img')).to.equal(null);

      const scripted = await setUp({
        inject: { path: '/agreement', status: 200, body: { templateId: 't-1', version: 'v1', url: 'javascript:alert(1)' } },
      });
      await waitUntil(() => !part(scripted.el, 'loading'), 'never settled', { timeout: 3000 });
      expect(root(scripted.el).querySelector('a[href^="javascript"]')).to.equal(null);
    });
  });

  it('fits 320 px wide, left to right and right to left, with the link shown', async () => {
    const { el } = await setUp({ customerName: 'Fabrikam, Inc.', contact: DANA });
    el.style.width = '320px';
    await loaded(el);
    await create(el);
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
    await el.focusHeading();
    expect(root(el).activeElement).to.equal(part(el, 'step-heading'));
  });
});
