/**
 * `<lc-tenant-domain>` alone, against the mock backend over HTTP: what a user sees while
 * typing a domain prefix or an existing tenant's domain, what is sent to the backend (and
 * how often), and which events fire with what.
 */
import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { HttpCheckoutApi } from '../src/api/client.js';
import type { TenantDraft } from '../src/checkout/validate.js';
import '../src/components/tenant-domain/tenant-domain.js';
import type { LcTenantDomain } from '../src/components/tenant-domain/tenant-domain.js';
import type { LcCompanyNameChangeEvent } from '../src/events/company-name-change.js';
import type { LcStepBackEvent } from '../src/events/step-back.js';
import type { LcStepInputEvent } from '../src/events/step-input.js';
import type { LcStepNextEvent } from '../src/events/step-next.js';
import { createTestMock, type TestMock } from './helpers/mock.js';
import { tenantDomainStrings } from '../src/components/tenant-domain/tenant-domain.strings.js';
import { runStepSuite } from './suites/step-suite.js';

const HOSTILE = '<img src=x onerror=alert(1)>';

/** The text as rendered (hidden elements left out, visually hidden text included), spaces collapsed. */
function text(node: Element | null | undefined): string {
  return ((node as HTMLElement | null)?.innerText ?? '').replace(/\s+/g, ' ').trim();
}

const root = (el: LcTenantDomain) => el.shadowRoot!;
const part = (el: LcTenantDomain, name: string) => root(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (el: LcTenantDomain, name: string) => [...root(el).querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
const prefixInput = (el: LcTenantDomain) => part(el, 'prefix-input') as HTMLInputElement;
const domainInput = (el: LcTenantDomain) => part(el, 'domain-input') as HTMLInputElement;
const checkbox = (el: LcTenantDomain) => part(el, 'tenant-checkbox') as HTMLInputElement;
const fieldError = (el: LcTenantDomain, name: string) => text(root(el).getElementById(`f-${name}-error`));

/** Types `value` into `input` as one edit (the browser's `input` event). */
async function type(el: LcTenantDomain, input: HTMLInputElement, value: string): Promise<void> {
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** Types `value` one character at a time, `perSecond` characters a second. */
async function typeSlowly(el: LcTenantDomain, input: HTMLInputElement, value: string, perSecond: number): Promise<void> {
  for (let i = 1; i <= value.length; i++) {
    await type(el, input, value.slice(0, i));
    if (i < value.length) await aTimeout(1000 / perSecond);
  }
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

async function setUp(options: { companyName?: string; value?: Partial<TenantDraft>; retry?: number } = {}) {
  const mock = await createTestMock({ speed: 1000 });
  const api = new HttpCheckoutApi({ baseUrl: mock.baseUrl, retry: options.retry ?? 0 });
  const el = await fixture<LcTenantDomain>(
    html`<lc-tenant-domain .api=${api} .companyName=${options.companyName ?? ''} .value=${options.value}></lc-tenant-domain>`,
  );
  const inputs: TenantDraft[] = [];
  el.addEventListener('lc-step-input', (e) => inputs.push((e as LcStepInputEvent<TenantDraft>).value));
  return { mock, api, el, inputs };
}

const domainRequests = async (mock: TestMock) => (await mock.requests({ method: 'GET' })).filter((r) => r.path.startsWith('/domains/'));
const tenantRequests = async (mock: TestMock) => (await mock.requests({ method: 'GET' })).filter((r) => r.path.startsWith('/tenants/'));

const availabilityText = (el: LcTenantDomain) => text(part(el, 'availability'));
const lookupText = (el: LcTenantDomain) => text(part(el, 'lookup'));

async function untilAvailability(el: LcTenantDomain, expected: string, timeout = 3000): Promise<void> {
  await waitUntil(() => availabilityText(el).includes(expected), `availability never said “${expected}” (it says “${availabilityText(el)}”)`, {
    timeout,
  });
}

async function untilLookup(el: LcTenantDomain, expected: string, timeout = 3000): Promise<void> {
  await waitUntil(() => lookupText(el).includes(expected), `the look-up never said “${expected}” (it says “${lookupText(el)}”)`, {
    timeout,
  });
}

async function clickNext(el: LcTenantDomain): Promise<void> {
  (part(el, 'next-button') as HTMLButtonElement).click();
  await el.updateComplete;
}

describe('<lc-tenant-domain>', () => {
  runStepSuite({
    step: 'tenant-domain',
    strings: tenantDomainStrings,
    alone: async () => (await setUp({ companyName: 'Fabrikam, Inc.' })).el,
    blockedContinue: true,
    widest: clickNext,
  });

  it('is accessible: new tenant, prefix available', async () => {
    const { el } = await setUp();
    await expect(el).to.be.accessible();
    await type(el, prefixInput(el), 'northwind7');
    await untilAvailability(el, 'northwind7.onmicrosoft.com is available');
    await expect(el).to.be.accessible();
  });

  describe('new tenant: the domain prefix', () => {
    it('shows the suffix, the permanence and the field attributes', async () => {
      const { el } = await setUp();
      expect(checkbox(el).checked).to.equal(false);
      expect(text(part(el, 'tenant-checkbox')!.closest('.checkbox-field'))).to.include(
        'My customer is already using Microsoft 365 / Office 365',
      );
      expect(text(root(el).getElementById('has-tenant-hint'))).to.equal('Check this if the customer already has a tenant, licensed or not.');
      const input = prefixInput(el);
      expect(input.getAttribute('autocomplete')).to.equal('off');
      expect(input.getAttribute('spellcheck')).to.equal('false');
      expect(input.getAttribute('dir')).to.equal('ltr');
      expect(text(root(el).querySelector(`label[for="${input.id}"]`))).to.equal('Domain prefix');
      // The suffix is seen beside the input and read with it.
      const suffix = part(el, 'suffix')!;
      expect(text(suffix)).to.equal('.onmicrosoft.com');
      expect(input.getAttribute('aria-describedby')!.split(' ')).to.include(suffix.id);
      expect(text(part(el, 'notice'))).to.equal('The domain name is permanent: it cannot be changed after the tenant is created.');
    });

    it('says which rule a prefix breaks as it is typed, and sends no request for an invalid one', async () => {
      const { el, mock } = await setUp();
      const input = prefixInput(el);
      await type(el, input, 'a');
      await type(el, input, '');
      expect(fieldError(el, 'prefix')).to.equal('Enter a domain prefix.');
      expect(input.getAttribute('aria-invalid')).to.equal('true');

      await type(el, input, 'a'.repeat(27));
      expect(fieldError(el, 'prefix')).to.equal('');
      expect(input.getAttribute('aria-invalid')).to.equal('false');

      await type(el, input, 'a'.repeat(28));
      expect(fieldError(el, 'prefix')).to.equal('Use at most 27 characters (you have 28).');
      await type(el, input, 'a'.repeat(31));
      expect(fieldError(el, 'prefix')).to.equal('Use at most 27 characters (you have 31).');

      await type(el, input, 'con-toso');
      expect(fieldError(el, 'prefix')).to.equal('Use only letters A–Z and digits 0–9. Not allowed: “-”.');
      await type(el, input, 'con-to.so-');
      expect(fieldError(el, 'prefix')).to.equal('Use only letters A–Z and digits 0–9. Not allowed: “-”, “.”.');
      await type(el, input, 'café🚀');
      expect(fieldError(el, 'prefix')).to.equal('Use only letters A–Z and digits 0–9. Not allowed: “é”, “🚀”.');
      await type(el, input, 'my shop');
      expect(fieldError(el, 'prefix')).to.equal('Use only letters A–Z and digits 0–9. Not allowed: space.');
      expect(input.value, 'what was typed stays').to.equal('my shop');

      await aTimeout(600);
      expect(await domainRequests(mock)).to.have.length(0);
      expect(availabilityText(el)).to.equal('');
    });

    it('checks availability once typing pauses: 12 characters at 8 a second send at most 3 requests', async () => {
      const { el, mock, inputs } = await setUp();
      await typeSlowly(el, prefixInput(el), 'northwind123', 8);
      expect(availabilityText(el)).to.equal('Checking availability…');
      expect(root(el).getElementById('availability-status')!.getAttribute('role')).to.equal('status');
      await untilAvailability(el, 'northwind123.onmicrosoft.com is available');
      const requests = await domainRequests(mock);
      expect(requests.length).to.be.within(1, 3);
      expect(requests.at(-1)!.path).to.equal('/domains/northwind123');
      // The answer is stored in the draft and reported.
      expect(el.value.availability).to.deep.include({ prefix: 'northwind123', available: true });
      expect(inputs.at(-1)!.availability?.available).to.equal(true);
      expect(part(el, 'availability')!.querySelector('svg.icon'), 'an icon beside the text').to.exist;
    });

    it('aborts a superseded check: its late answer never overwrites the newer one', async () => {
      const { el, mock, inputs } = await setUp();
      // The first prefix's answer comes late, and would say "taken".
      await mock.inject({
        path: '/domains/slowone',
        delayMs: 1200,
        status: 200,
        body: { prefix: 'slowone', domain: 'slowone.onmicrosoft.com', available: false, suggestions: ['slowone2'] },
      });
      await type(el, prefixInput(el), 'slowone');
      await waitUntil(async () => (await domainRequests(mock)).length === 1, 'the first check was not sent');
      await type(el, prefixInput(el), 'fastone');
      await untilAvailability(el, 'fastone.onmicrosoft.com is available');
      await aTimeout(1300);
      expect(availabilityText(el)).to.equal('fastone.onmicrosoft.com is available');
      // The domain is isolated: right to left it still reads as one domain, before "is available".
      expect(text(part(el, 'availability')!.querySelector('.status-line bdi'))).to.equal('fastone.onmicrosoft.com');
      expect(el.value.availability).to.deep.include({ prefix: 'fastone', available: true });
      expect(inputs.some((v) => v.availability?.prefix === 'slowone'), 'the stale answer was reported').to.equal(false);
    });

    it('shows a taken prefix with suggestions; a suggestion fills the prefix and is checked', async () => {
      const { el, mock } = await setUp();
      await type(el, prefixInput(el), 'contoso');
      await untilAvailability(el, 'contoso.onmicrosoft.com is already taken.');
      expect(prefixInput(el).getAttribute('aria-invalid')).to.equal('true');
      const buttons = parts(el, 'suggestion-button');
      expect(buttons.length).to.be.greaterThan(0);
      await expect(el).to.be.accessible();

      const label = text(buttons[0]);
      const suggested = /^Use (\w+)\.onmicrosoft\.com$/.exec(label)?.[1];
      expect(suggested, `a suggestion button says “${label}”`).to.be.a('string');
      buttons[0]!.click();
      await el.updateComplete;
      expect(prefixInput(el).value).to.equal(suggested);
      expect(root(el).activeElement).to.equal(prefixInput(el));
      await untilAvailability(el, `${suggested!.toLowerCase()}.onmicrosoft.com is available`, 1500);
      expect((await domainRequests(mock)).map((r) => r.path)).to.include(`/domains/${suggested}`);
    });

    it('checks again on Continue: a prefix taken meanwhile keeps the user on the step', async () => {
      const { el, mock } = await setUp();
      await type(el, prefixInput(el), 'freshname');
      await untilAvailability(el, 'freshname.onmicrosoft.com is available');
      await mock.inject({
        path: '/domains/freshname',
        status: 200,
        body: { prefix: 'freshname', domain: 'freshname.onmicrosoft.com', available: false, suggestions: ['freshname2'] },
      });
      let nexts = 0;
      el.addEventListener('lc-step-next', () => nexts++);
      await clickNext(el);
      await untilAvailability(el, 'freshname.onmicrosoft.com is already taken.');
      expect((await domainRequests(mock)).map((r) => r.path)).to.deep.equal(['/domains/freshname', '/domains/freshname']);
      expect(nexts).to.equal(0);
      expect(text(part(el, 'error-summary'))).to.include('freshname.onmicrosoft.com is already taken.');
      await el.updateComplete;
      expect(root(el).activeElement).to.equal(prefixInput(el));
      expect(text(part(el, 'availability'))).to.include('Use freshname2.onmicrosoft.com');
    });

    it('says so when the check on Continue fails, and Retry continues', async () => {
      const { el, mock } = await setUp();
      await type(el, prefixInput(el), 'offline1');
      await untilAvailability(el, 'offline1.onmicrosoft.com is available');
      await mock.inject({ path: '/domains/offline1', status: 503 });
      let nexts = 0;
      el.addEventListener('lc-step-next', () => nexts++);
      await clickNext(el);
      await untilAvailability(el, 'The availability of offline1.onmicrosoft.com could not be checked.');
      expect(availabilityText(el), 'the older answer does not hide the failure').to.not.include('is available');
      expect(nexts).to.equal(0);
      setTimeout(() => (part(el, 'retry-button') as HTMLButtonElement).click());
      const event = (await oneEvent(el, 'lc-step-next')) as unknown as LcStepNextEvent<TenantDraft>;
      expect(event.value.prefix).to.equal('offline1');
      expect(await domainRequests(mock)).to.have.length(3);
    });

    it('fires lc-step-next after a fresh check says available', async () => {
      const { el, mock } = await setUp();
      await type(el, prefixInput(el), 'brandnew1');
      await untilAvailability(el, 'is available');
      setTimeout(() => (part(el, 'next-button') as HTMLButtonElement).click());
      const event = (await oneEvent(el, 'lc-step-next')) as unknown as LcStepNextEvent<TenantDraft>;
      expect(event.step).to.equal('tenant-domain');
      expect(event.value).to.deep.include({ hasTenant: false, prefix: 'brandnew1', domain: '' });
      expect(event.value.availability).to.deep.include({ prefix: 'brandnew1', available: true });
      expect(await domainRequests(mock)).to.have.length(2);
    });

    it('blocks Continue on an invalid prefix: summary, inline error, focus, no request', async () => {
      const { el, mock } = await setUp();
      let nexts = 0;
      el.addEventListener('lc-step-next', () => nexts++);
      await clickNext(el);
      await el.updateComplete;
      expect(nexts).to.equal(0);
      expect(text(part(el, 'error-summary'))).to.include('Enter a domain prefix.');
      expect(text(part(el, 'error-summary'))).to.not.include('Domain prefix: ');
      expect(root(el).activeElement).to.equal(prefixInput(el));
      expect(await domainRequests(mock)).to.have.length(0);
    });

    it('shows a failed check with Retry', async () => {
      const { el, mock } = await setUp();
      await mock.inject({ path: '/domains/', status: 503 });
      await type(el, prefixInput(el), 'retryme');
      await untilAvailability(el, 'The availability of retryme.onmicrosoft.com could not be checked.');
      await expect(el).to.be.accessible();
      (part(el, 'retry-button') as HTMLButtonElement).click();
      await untilAvailability(el, 'retryme.onmicrosoft.com is available');
    });
  });

  describe('existing tenant: the default domain', () => {
    it('a domain typed without .onmicrosoft.com gets a hint and a button that completes it', async () => {
      const { el, inputs } = await setUp({ companyName: 'Fabrikam, Inc.' });
      checkbox(el).click();
      await el.updateComplete;
      await type(el, domainInput(el), 'fabrikam.com');
      const hint = part(el, 'suffix-hint')!;
      expect(text(hint)).to.contain('A tenant’s default domain ends in .onmicrosoft.com.');
      const use = part(el, 'use-domain-button') as HTMLButtonElement;
      expect(text(use)).to.equal('Use fabrikam.onmicrosoft.com');
      use.click();
      await el.updateComplete;
      expect(domainInput(el).value).to.equal('fabrikam.onmicrosoft.com');
      expect(inputs.at(-1)).to.deep.include({ hasTenant: true, domain: 'fabrikam.onmicrosoft.com' });
      expect(root(el).activeElement).to.equal(domainInput(el));
      expect(part(el, 'suffix-hint'), 'gone once the domain has the suffix').to.equal(null);
      await untilLookup(el, 'Tenant found.');
      // No hint for a value that cannot name a tenant ("-x" is no prefix).
      await type(el, domainInput(el), '-x.com');
      expect(part(el, 'suffix-hint')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('spaces the hint with --lc-space as the rest of the step (8 px by default, the host page’s unit when set)', async () => {
      const { el } = await setUp({ companyName: 'Fabrikam, Inc.' });
      checkbox(el).click();
      await el.updateComplete;
      await type(el, domainInput(el), 'fabrikam.com');
      const spacing = () => {
        const style = getComputedStyle(part(el, 'suffix-hint')!);
        return { gap: style.columnGap, rowGap: style.rowGap, above: style.marginBlockStart };
      };
      expect(spacing()).to.deep.equal({ gap: '8px', rowGap: '8px', above: '8px' });
      el.style.setProperty('--lc-space', '12px');
      // The step's other rows follow the unit; the hint must too.
      expect(getComputedStyle(el).getPropertyValue('--_space').trim()).to.equal('12px');
      expect(spacing()).to.deep.equal({ gap: '12px', rowGap: '12px', above: '12px' });
    });

    it('looks up fabrikam and shows both names side by side with the differences marked', async () => {
      const { el, mock } = await setUp({ companyName: 'Fabrikam Inc' });
      checkbox(el).click();
      await el.updateComplete;
      const input = domainInput(el);
      expect(input.getAttribute('autocomplete')).to.equal('off');
      expect(input.getAttribute('spellcheck')).to.equal('false');
      expect(input.getAttribute('dir')).to.equal('ltr');
      expect(text(root(el).getElementById(`${input.id}-hint`))).to.equal(
        'Find it in the Microsoft 365 admin center, e.g. contoso.onmicrosoft.com',
      );
      await type(el, input, 'fabrikam.onmicrosoft.com');
      expect(lookupText(el)).to.equal('Looking up the tenant…');
      await untilLookup(el, 'Tenant found.');
      expect(lookupText(el)).to.include('Registered company name Fabrikam, Inc.');
      expect((await tenantRequests(mock)).map((r) => r.path)).to.deep.equal(['/tenants/fabrikam.onmicrosoft.com']);

      const comparison = part(el, 'comparison')!;
      const entered = comparison.querySelector('[data-name="entered"]')!;
      const registered = comparison.querySelector('[data-name="registered"]')!;
      expect(text(entered.querySelector('.name-label'))).to.equal('You entered');
      expect(text(registered.querySelector('.name-label'))).to.equal('Registered with Microsoft');
      const markedText = (node: Element) =>
        [...node.querySelectorAll('mark')].map((m) => [...m.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join(''));
      expect(markedText(entered)).to.deep.equal([]);
      expect(markedText(registered)).to.deep.equal([',', '.']);
      // Not colour alone: each mark says so in words to screen readers.
      expect(registered.querySelector('mark')!.textContent).to.equal('[differs: ,]');
      // Where only the registered name has characters, the entered one shows a gap as wide as
      // they are (decoration: the mark opposite says it in words), so the two names line up.
      const gaps = [...entered.querySelectorAll<HTMLElement>('.gap')];
      expect(gaps).to.have.length(2);
      expect(gaps.every((gap) => gap.getAttribute('aria-hidden') === 'true')).to.equal(true);
      expect(getComputedStyle(entered.querySelector('.name-text')!).fontFamily).to.match(/mono/i);
      // Each gap sits right above the characters it stands for.
      const marks = [...registered.querySelectorAll('mark')];
      gaps.forEach((gap, i) => {
        const [g, m] = [gap.getBoundingClientRect(), marks[i]!.getBoundingClientRect()];
        expect(Math.abs(g.left - m.left), `gap ${i} starts where its mark does`).to.be.at.most(1.5);
        expect(Math.abs(g.right - m.right), `gap ${i} ends where its mark does`).to.be.at.most(1.5);
      });
      expect(registered.querySelector('mark')!.getBoundingClientRect().width, 'a marked comma is easy to see').to.be.at.least(8);
      // The status line has its icon, drawn: no empty box before "Tenant found."
      const icon = part(el, 'lookup')!.querySelector<SVGSVGElement>('.status-line svg')!;
      expect(icon.querySelector('path')!.namespaceURI).to.equal('http://www.w3.org/2000/svg');
      expect(icon.querySelector('path')!.getBBox().width).to.be.greaterThan(0);
      expect(text(part(el, 'adopt-button'))).to.equal('Use “Fabrikam, Inc.”');
      await expect(el).to.be.accessible();
    });

    it('“Use the registered name” fires lc-company-name-change and ends the mismatch', async () => {
      const { el } = await setUp({ companyName: 'Fabrikam Inc', value: { hasTenant: true, domain: 'fabrikam.onmicrosoft.com', prefix: '' } });
      await untilLookup(el, 'Tenant found.');
      setTimeout(() => part(el, 'adopt-button')!.click());
      const event = (await oneEvent(el, 'lc-company-name-change')) as unknown as LcCompanyNameChangeEvent;
      expect(event.companyName).to.equal('Fabrikam, Inc.');
      expect(event.bubbles && !event.composed).to.equal(true);
      await el.updateComplete;
      expect(el.companyName, 'alone, the element takes the name itself').to.equal('Fabrikam, Inc.');
      expect(part(el, 'comparison')).to.equal(null);
      expect(root(el).activeElement).to.equal(part(el, 'next-button'));

      setTimeout(() => (part(el, 'next-button') as HTMLButtonElement).click());
      const next = (await oneEvent(el, 'lc-step-next')) as unknown as LcStepNextEvent<TenantDraft>;
      expect(next.value).to.deep.include({ hasTenant: true, domain: 'fabrikam.onmicrosoft.com' });
      expect(next.value.lookup).to.deep.include({ exists: true, companyName: 'Fabrikam, Inc.' });
    });

    it('blocks Continue on a name mismatch and points at the comparison; “Edit company details” goes back', async () => {
      const { el } = await setUp({ companyName: 'Fabrikam Inc', value: { hasTenant: true, domain: 'fabrikam.onmicrosoft.com', prefix: '' } });
      await untilLookup(el, 'Tenant found.');
      let nexts = 0;
      el.addEventListener('lc-step-next', () => nexts++);
      await clickNext(el);
      await el.updateComplete;
      expect(nexts).to.equal(0);
      expect(text(part(el, 'error-summary'))).to.include('Company name: It differs from the name registered with Microsoft.');
      expect(root(el).activeElement).to.equal(part(el, 'adopt-button'));

      setTimeout(() => part(el, 'edit-company-button')!.click());
      const back = (await oneEvent(el, 'lc-step-back')) as unknown as LcStepBackEvent;
      expect(back.step).to.equal('tenant-domain');
    });

    it('says when no tenant uses the domain', async () => {
      const { el } = await setUp({ companyName: 'Nobody Ltd' });
      checkbox(el).click();
      await el.updateComplete;
      await type(el, domainInput(el), 'nobody.onmicrosoft.com');
      await untilLookup(el, 'No Microsoft 365 tenant uses this default domain.');
      expect(lookupText(el)).to.equal(
        'No Microsoft 365 tenant uses this default domain. Check it in the customer’s admin center, or uncheck the box to create a new tenant.',
      );
      expect(domainInput(el).getAttribute('aria-invalid')).to.equal('true');
      let nexts = 0;
      el.addEventListener('lc-step-next', () => nexts++);
      await clickNext(el);
      expect(nexts).to.equal(0);
    });

    it('shows a failed look-up with Retry, and is accessible in that state', async () => {
      const { el, mock } = await setUp({ companyName: 'Fabrikam, Inc.' });
      await mock.inject({ path: '/tenants/', status: 503 });
      checkbox(el).click();
      await el.updateComplete;
      await type(el, domainInput(el), 'fabrikam.onmicrosoft.com');
      await untilLookup(el, 'The tenant fabrikam.onmicrosoft.com could not be looked up.');
      await expect(el).to.be.accessible();
      (part(el, 'retry-button') as HTMLButtonElement).click();
      await untilLookup(el, 'Tenant found.', 1500);
      expect(part(el, 'comparison'), 'the names match').to.equal(null);
    });

    it('shows a hostile registered name from the backend as text', async () => {
      const { el, mock } = await setUp({ companyName: 'Evil Corp' });
      await mock.inject({
        path: '/tenants/',
        status: 200,
        body: { domain: 'evil.onmicrosoft.com', exists: true, companyName: HOSTILE },
      });
      checkbox(el).click();
      await el.updateComplete;
      await type(el, domainInput(el), 'evil.onmicrosoft.com');
      await untilLookup(el, 'Tenant found.');
      expect(lookupText(el)).to.include(`Registered company name ${HOSTILE}`);
      expect(text(part(el, 'adopt-button'))).to.equal(`Use “${HOSTILE}”`);
      expect(root(el).querySelector('img')).to.equal(null);
    });

    it('looks a domain up at once on Continue when typing was too quick for the debounce', async () => {
      const { el, mock } = await setUp({ companyName: 'Fabrikam, Inc.' });
      checkbox(el).click();
      await el.updateComplete;
      await type(el, domainInput(el), 'fabrikam.onmicrosoft.com');
      setTimeout(() => (part(el, 'next-button') as HTMLButtonElement).click());
      const next = (await oneEvent(el, 'lc-step-next')) as unknown as LcStepNextEvent<TenantDraft>;
      expect(next.value.lookup).to.deep.include({ exists: true });
      expect(await tenantRequests(mock)).to.have.length(1);
    });
  });

  describe('the step interface', () => {
    it('switching the checkbox keeps both typed values', async () => {
      const { el, inputs } = await setUp();
      await type(el, prefixInput(el), 'keepme');
      checkbox(el).click();
      await el.updateComplete;
      expect(inputs.at(-1)).to.deep.include({ hasTenant: true, prefix: 'keepme' });
      await type(el, domainInput(el), 'keep.onmicrosoft.com');
      checkbox(el).click();
      await el.updateComplete;
      expect(prefixInput(el).value).to.equal('keepme');
      expect(inputs.at(-1)).to.deep.include({ hasTenant: false, prefix: 'keepme', domain: 'keep.onmicrosoft.com' });
      checkbox(el).click();
      await el.updateComplete;
      expect(domainInput(el).value).to.equal('keep.onmicrosoft.com');
    });

    it('reports each edit with the whole draft, and nothing when the owner sets the value', async () => {
      const { el, inputs } = await setUp();
      await type(el, prefixInput(el), 'ab-');
      expect(inputs).to.have.length(1);
      expect(inputs[0]).to.deep.equal({ hasTenant: false, domain: '', prefix: 'ab-' });
      el.value = { hasTenant: true, domain: 'not a domain', prefix: 'x-y' };
      await el.updateComplete;
      await aTimeout(450);
      expect(inputs, 'no event for a value set by the owner').to.have.length(1);
      expect(domainInput(el).value).to.equal('not a domain');
      // A prefilled value shows its error at once.
      expect(fieldError(el, 'domain')).to.equal('Enter a domain such as contoso.onmicrosoft.com.');
    });

    it('fits 320 px wide, left to right and right to left', async () => {
      const { el } = await setUp({ companyName: 'Fabrikam Inc' });
      el.style.width = '320px';
      await type(el, prefixInput(el), 'contoso');
      await untilAvailability(el, 'is already taken.');
      expect(overflowing(el)).to.deep.equal([]);
      el.dir = 'rtl';
      checkbox(el).click();
      await el.updateComplete;
      await type(el, domainInput(el), 'fabrikam.onmicrosoft.com');
      await untilLookup(el, 'Tenant found.');
      expect(part(el, 'comparison')).to.exist;
      expect(overflowing(el)).to.deep.equal([]);
      const [entered, registered] = [...root(el).querySelectorAll('.name')].map((n) => n.getBoundingClientRect());
      expect(entered!.top, 'the names stack at 320 px').to.be.below(registered!.top);
    });

    it('Back fires lc-step-back; no-back hides it', async () => {
      const { el } = await setUp();
      setTimeout(() => part(el, 'back-button')!.click());
      const event = (await oneEvent(el, 'lc-step-back')) as unknown as LcStepBackEvent;
      expect(event.step).to.equal('tenant-domain');
      el.noBack = true;
      await el.updateComplete;
      expect(part(el, 'back-button')!.hidden).to.equal(true);
    });

    it('shows the backend’s field errors at once and drops one when its field is edited', async () => {
      const { el } = await setUp();
      el.fieldErrors = { prefix: `The backend says no ${HOSTILE}` };
      await el.updateComplete;
      expect(fieldError(el, 'prefix')).to.equal(`The backend says no ${HOSTILE}`);
      expect(text(part(el, 'error-summary'))).to.include('Domain prefix: The backend says no');
      expect(root(el).querySelector('img')).to.equal(null);
      await type(el, prefixInput(el), 'other');
      expect(fieldError(el, 'prefix')).to.equal('');
      // The owner passing the same messages again does not bring them back.
      el.fieldErrors = { prefix: `The backend says no ${HOSTILE}` };
      await el.updateComplete;
      expect(fieldError(el, 'prefix')).to.equal('');
    });

    it('takes its texts from strings, and focusHeading() focuses the heading', async () => {
      const { el } = await setUp();
      el.strings = { 'tenant.heading': 'Domaine', 'tenant.error.prefix.required': 'Préfixe requis.' };
      await el.updateComplete;
      await type(el, prefixInput(el), 'a');
      await type(el, prefixInput(el), '');
      expect(text(part(el, 'step-heading'))).to.equal('Domaine');
      expect(fieldError(el, 'prefix')).to.equal('Préfixe requis.');
      el.focusHeading();
      expect(root(el).activeElement).to.equal(part(el, 'step-heading'));
    });
  });
});
