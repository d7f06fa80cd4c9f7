import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { HttpCheckoutApi } from '../src/api/client.js';
import type { CompanyDraft } from '../src/checkout/validate.js';
import '../src/components/customer-details/customer-details.js';
import type { LcCustomerDetails } from '../src/components/customer-details/customer-details.js';
import type { LcStepBackEvent } from '../src/events/step-back.js';
import type { LcStepInputEvent } from '../src/events/step-input.js';
import type { LcStepNextEvent } from '../src/events/step-next.js';
import { ar } from '../src/i18n/ar.js';
import { de } from '../src/i18n/de.js';
import { createTestMock, fieldErrorsFault, type TestMock } from './helpers/mock.js';
import { changedTexts, leaveField, shownTexts } from './helpers/texts.js';
import { customerDetailsStrings } from '../src/components/customer-details/customer-details.strings.js';
import { runStepSuite } from './suites/step-suite.js';
import { loadAddressFormats } from '../src/components/customer-details/customer-details.address.js';

const HOSTILE = '<img src=x onerror=alert(1)>';

const VALID: CompanyDraft = {
  companyName: 'Northwind Traders',
  country: 'US',
  line1: '1 Microsoft Way',
  line2: '',
  city: 'Redmond',
  state: 'WA',
  postalCode: '98052',
  firstName: 'Ana',
  lastName: 'Silva',
  email: 'ana@northwind.example',
  phone: '',
};

const AUTOCOMPLETE: Record<string, string> = {
  companyName: 'organization',
  country: 'country',
  line1: 'address-line1',
  line2: 'address-line2',
  city: 'address-level2',
  state: 'address-level1',
  postalCode: 'postal-code',
  firstName: 'given-name',
  lastName: 'family-name',
  email: 'email',
  phone: 'tel',
};

function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function describeNode(node: Element | null | undefined): string {
  if (!node) return 'nothing';
  return `<${node.localName}${node.id ? ` id="${node.id}"` : ''}>`;
}

function expectAbsent(node: Element | null): void {
  expect(node === null, `${describeNode(node)} should not be rendered`).to.equal(true);
}

function expectFocused(el: HTMLElement, target: Element | null | undefined): void {
  const active = el.shadowRoot!.activeElement;
  expect(active === target, `focus is on ${describeNode(active)}, expected ${describeNode(target)}`).to.equal(true);
}

function part(el: LcCustomerDetails, name: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

function control(el: LcCustomerDetails, name: string): HTMLInputElement & HTMLSelectElement {
  const found = el.shadowRoot!.querySelector(`[name="${name}"]`);
  if (!found) throw new Error(`no field ${name}`);
  return found as HTMLInputElement & HTMLSelectElement;
}

/** The error shown for a field, read through its aria-describedby like assistive technology does. */
function errorOf(el: LcCustomerDetails, name: string): string {
  const ids = (control(el, name).getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  const errors = ids.map((id) => el.shadowRoot!.getElementById(id)).filter((node) => node?.classList.contains('error'));
  return errors.map(text).join(' ');
}

function errorCount(el: LcCustomerDetails): number {
  return el.shadowRoot!.querySelectorAll('form [part~="error"]').length;
}

function collect<E extends Event>(el: HTMLElement, type: string): E[] {
  const seen: E[] = [];
  el.addEventListener(type, (e) => seen.push(e as E));
  return seen;
}

async function typeInto(el: LcCustomerDetails, name: string, value: string): Promise<void> {
  const input = control(el, name);
  input.focus();
  input.select();
  if (value === '') await sendKeys({ press: 'Backspace' });
  else await sendKeys({ type: value });
  await el.updateComplete;
}


async function leave(el: LcCustomerDetails, name: string): Promise<void> {
  leaveField(control(el, name));
  await el.updateComplete;
}

async function chooseCountry(el: LcCustomerDetails, code: string): Promise<void> {
  const select = control(el, 'country');
  select.focus();
  select.value = code;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}


describe('<lc-customer-details>', () => {
  let mock: TestMock;
  let api: HttpCheckoutApi;

  async function mount(value?: Partial<CompanyDraft>): Promise<LcCustomerDetails> {
    return fixture<LcCustomerDetails>(html`<lc-customer-details .api=${api} .value=${value}></lc-customer-details>`);
  }

  async function mountValid(changes: Partial<CompanyDraft> = {}): Promise<LcCustomerDetails> {
    return mount({ ...VALID, ...changes });
  }

  beforeEach(async () => {
    mock = await createTestMock({ speed: 1000 });
    api = new HttpCheckoutApi({ baseUrl: mock.baseUrl, retry: 0 });
  });

  runStepSuite({
    step: 'customer-details',
    strings: customerDetailsStrings,
    alone: () => mount(),
    blockedContinue: true,
    widest: async (el) => {
      (part(el, 'next-button') as HTMLButtonElement).click();
      await el.updateComplete;
    },
  });

  it('is accessible, empty and in the error state', async () => {
    const el = await mount();
    await expect(el).to.be.accessible();
    part(el, 'next-button')!.click();
    await waitUntil(() => part(el, 'error-summary'));
    await expect(el).to.be.accessible();
  });

  it('aligns the contact row on a wide form: the names side by side on one line, the email whole on a row of its own', async () => {
    // The element itself is the fixture (a wrapping <div> waits for an animation frame, which a
    // background tab of the concurrent run may never get).
    const value = { ...VALID, email: 'dana.whitfield-longname@northwind-traders-international.example.com' };
    const el = await fixture<LcCustomerDetails>(html`<lc-customer-details style="display: block; inline-size: 720px" .api=${api} .value=${value}></lc-customer-details>`);
    const first = control(el, 'firstName').getBoundingClientRect();
    const last = control(el, 'lastName').getBoundingClientRect();
    const email = control(el, 'email');
    expect(last.top, 'first and last name on one line').to.equal(first.top);
    expect(last.left).to.be.greaterThan(first.left);
    expect(email.getBoundingClientRect().width, 'the email spans the row').to.be.at.least(last.right - first.left - 1);
    expect(email.scrollWidth, 'the email is not cut').to.be.at.most(email.clientWidth);
  });

  it('has a labelled field with its autocomplete token for every value, grouped in fieldsets', async () => {
    const el = await mountValid({ country: 'US' });
    for (const [name, token] of Object.entries(AUTOCOMPLETE)) {
      const field = control(el, name);
      expect(field.getAttribute('autocomplete'), name).to.equal(token);
      expect(field.labels?.length, `${name} has a label`).to.equal(1);
      expect(field.getAttribute('part'), name).to.match(/\b(input|select)\b/);
    }
    expect(text(control(el, 'companyName').labels![0])).to.equal('Company name');
    expect(text(control(el, 'line2').labels![0])).to.equal('Address line 2 (optional)');
    expect(text(control(el, 'phone').labels![0])).to.equal('Phone (optional)');
    expect(control(el, 'email').type).to.equal('email');
    expect(control(el, 'phone').type).to.equal('tel');
    expect(control(el, 'country').localName).to.equal('select');
    expect(control(el, 'country').options.length).to.be.greaterThan(240);
    expect(el.shadowRoot!.querySelector('form')!.noValidate).to.equal(true);
    const legends = [...el.shadowRoot!.querySelectorAll('legend')].map(text);
    expect(legends).to.deep.equal(['Company', 'Address', 'Primary contact']);
    // The exact-legal-name guidance belongs to the company name field.
    const hintId = control(el, 'companyName').getAttribute('aria-describedby')!;
    expect(text(el.shadowRoot!.getElementById(hintId))).to.equal(
      'Enter the exact legal name. If the customer already has a Microsoft 365 tenant, it must match the name registered with Microsoft character for character.',
    );
    expect(part(el, 'step-heading')!.getAttribute('tabindex')).to.equal('-1');
    el.focusHeading();
    expectFocused(el, part(el, 'step-heading'));
  });

  it('shows a field error only once the field was changed and left, and updates it as the user fixes it', async () => {
    const el = await mount();
    expect(errorCount(el)).to.equal(0);
    await typeInto(el, 'email', 'ana@');
    expect(errorOf(el, 'email')).to.equal('');
    await leave(el, 'email');
    expect(errorOf(el, 'email')).to.equal('Enter an email address like name@example.com.');
    expect(control(el, 'email').getAttribute('aria-invalid')).to.equal('true');
    await typeInto(el, 'email', 'ana@example.com');
    expect(errorOf(el, 'email')).to.equal('');
    // Other fields stay quiet until they are touched.
    expect(errorCount(el)).to.equal(0);
  });

  it('words every rule of the validator', async () => {
    const el = await mount();
    await typeInto(el, 'companyName', 'x');
    await typeInto(el, 'companyName', '');
    await leave(el, 'companyName');
    expect(errorOf(el, 'companyName')).to.equal('Company name is required.');
    control(el, 'companyName').value = 'A'.repeat(201);
    control(el, 'companyName').dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(errorOf(el, 'companyName')).to.equal('Company name must be 200 characters or fewer.');

    await typeInto(el, 'phone', 'call me');
    await leave(el, 'phone');
    expect(errorOf(el, 'phone')).to.contain('Enter a phone number');

    await chooseCountry(el, 'US');
    await leave(el, 'country');
    await typeInto(el, 'postalCode', 'ABC');
    await leave(el, 'postalCode');
    expect(errorOf(el, 'postalCode')).to.equal('ZIP code is not in the format used in United States.');

    // A country the list does not have, prefilled by the owner, shows its error at once.
    el.value = { ...el.value, country: 'XX' };
    await el.updateComplete;
    expect(errorOf(el, 'country')).to.equal('Choose a country or region from the list.');
  });

  it('asks for a state only where the country needs one, and requires it there', async () => {
    const el = await mount();
    await chooseCountry(el, 'GB');
    expectAbsent(el.shadowRoot!.querySelector('[name="state"]'));
    await chooseCountry(el, 'US');
    const state = control(el, 'state');
    expect(state.required).to.equal(true);
    expect(state.getAttribute('autocomplete')).to.equal('address-level1');
    part(el, 'next-button')!.click();
    await waitUntil(() => part(el, 'error-summary'));
    expect(errorOf(el, 'state')).to.equal('State is required for addresses in United States.');
  });

  it('blocks Continue when invalid: every error, a summary with links, focus on the first invalid field', async () => {
    const el = await mount({ ...VALID, companyName: 'Contoso', email: 'not-an-email', city: '' });
    const nexts = collect(el, 'lc-step-next');
    // Prefilled by the owner: the bad email shows at once, the empty city does not.
    expect(errorOf(el, 'email')).to.equal('Enter an email address like name@example.com.');
    expect(errorOf(el, 'city')).to.equal('');
    part(el, 'next-button')!.click();
    await waitUntil(() => part(el, 'error-summary'));
    expect(nexts).to.have.length(0);
    expect(errorOf(el, 'city')).to.equal('City is required.');
    const links = [...part(el, 'error-summary')!.querySelectorAll('a')];
    // The messages name their fields: the summary does not repeat the labels.
    expect(links.map(text)).to.deep.equal(['City is required.', 'Enter an email address like name@example.com.']);
    expectFocused(el, control(el, 'city'));
    links[1]!.click();
    expectFocused(el, control(el, 'email'));
    expect(await mock.requests({ path: '/addresses/validate' })).to.have.length(0);
  });

  it('reports what the user types with lc-step-input', async () => {
    const el = await mount();
    const inputs = collect<LcStepInputEvent<CompanyDraft>>(el, 'lc-step-input');
    await typeInto(el, 'companyName', 'Fabrikam, Inc.');
    await chooseCountry(el, 'NL');
    await typeInto(el, 'email', 'jo@fabrikam.example');
    const last = inputs.at(-1)!;
    expect(last.step).to.equal('customer-details');
    expect(last.value).to.deep.include({ companyName: 'Fabrikam, Inc.', country: 'NL', email: 'jo@fabrikam.example', city: '' });
    expect(inputs.length).to.be.greaterThan(10);
  });

  it('checks the address on Continue, busy meanwhile, then fires lc-step-next with the value', async () => {
    const el = await mountValid();
    await mock.inject({ path: '/addresses/validate', delayMs: 300 });
    const nexts = collect<LcStepNextEvent<CompanyDraft>>(el, 'lc-step-next');
    const button = part(el, 'next-button')!;
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-busy')).to.equal('true');
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(text(button)).to.equal('Checking address…');
    button.click(); // a second press while checking does nothing
    await waitUntil(() => nexts.length > 0, 'no lc-step-next');
    await aTimeout(50);
    expect(nexts).to.have.length(1);
    expect(nexts[0]!.value).to.deep.equal(VALID);
    expect(text(button)).to.equal('Continue');
    const checks = await mock.requests({ path: '/addresses/validate' });
    expect(checks).to.have.length(1);
    expect(checks[0]!.body).to.deep.equal({ country: 'US', line1: '1 Microsoft Way', city: 'Redmond', state: 'WA', postalCode: '98052' });
  });

  it('offers the suggested address for postal code 99999; picking it updates the fields', async () => {
    const el = await mountValid({ postalCode: '99999', city: 'redmond' });
    const inputs = collect<LcStepInputEvent<CompanyDraft>>(el, 'lc-step-input');
    const nexts = collect<LcStepNextEvent<CompanyDraft>>(el, 'lc-step-next');
    part(el, 'next-button')!.click();
    await waitUntil(() => part(el, 'suggestions'), 'no suggestions');
    const group = part(el, 'suggestions')!;
    expect(text(group.querySelector('legend'))).to.equal('We found a closer match');
    const radios = [...group.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios.map((r) => text(r.labels![0]))).to.deep.equal([
      '1 Microsoft Way, Redmond, WA 98052, United States',
      'Use the address as entered 1 Microsoft Way, redmond, WA 99999, United States',
    ]);
    expectFocused(el, radios[0]);
    // A suggestion is a question, not a problem: no error and no summary yet.
    expectAbsent(part(el, 'error-summary'));
    expect(errorCount(el)).to.equal(0);
    expect(text(group)).to.not.contain('Choose one of the addresses.');
    expect(radios.map((r) => r.getAttribute('aria-invalid'))).to.deep.equal(['false', 'false']);
    await expect(el).to.be.accessible();

    // Continue again without a choice: now it is an error, in the group and in the summary.
    part(el, 'next-button')!.click();
    await el.updateComplete;
    expect(nexts).to.have.length(0);
    expect(text(group)).to.contain('Choose one of the addresses.');
    expect(radios[0]!.getAttribute('aria-invalid')).to.equal('true');
    expect(text(part(el, 'error-summary'))).to.equal('There is a problem Choose one of the addresses.');

    radios[0]!.click();
    await el.updateComplete;
    expect(control(el, 'postalCode').value).to.equal('98052');
    expect(control(el, 'city').value).to.equal('Redmond');
    expect(inputs.at(-1)!.value).to.deep.include({ postalCode: '98052', city: 'Redmond' });
    // Back to the address as entered: nothing typed is lost.
    radios[1]!.click();
    await el.updateComplete;
    expect(control(el, 'postalCode').value).to.equal('99999');
    radios[0]!.click();
    await el.updateComplete;
    part(el, 'next-button')!.click();
    await waitUntil(() => nexts.length > 0);
    expect(nexts[0]!.value).to.deep.include({ postalCode: '98052', city: 'Redmond' });
    expect(await mock.requests({ path: '/addresses/validate' })).to.have.length(1);
  });

  it('shows the backend message for postal code 00000 on the field and in the summary, until the address changes', async () => {
    const el = await mountValid({ postalCode: '00000' });
    const nexts = collect(el, 'lc-step-next');
    part(el, 'next-button')!.click();
    await waitUntil(() => errorOf(el, 'postalCode'), 'no postal code error');
    expect(errorOf(el, 'postalCode')).to.contain('The postal code 00000 does not exist in US');
    expect(text(part(el, 'error-summary'))).to.contain('The postal code 00000 does not exist in US');
    expectFocused(el, control(el, 'postalCode'));
    expect(nexts).to.have.length(0);
    await typeInto(el, 'postalCode', '98052');
    expect(errorOf(el, 'postalCode')).to.equal('');
    expect(control(el, 'city').value).to.equal('Redmond');
  });

  it('when the check fails, says so and offers Retry and Continue anyway, keeping every value', async () => {
    const el = await mountValid();
    const nexts = collect<LcStepNextEvent<CompanyDraft>>(el, 'lc-step-next');
    await mock.inject({ path: '/addresses/validate', networkError: true });
    part(el, 'next-button')!.click();
    await waitUntil(() => part(el, 'check-failed'), 'no failure shown');
    expect(text(part(el, 'check-failed'))).to.contain('We could not check the address.');
    expect(nexts).to.have.length(0);
    expect(control(el, 'line1').value).to.equal('1 Microsoft Way');
    await expect(el).to.be.accessible();
    await mock.inject({ path: '/addresses/validate', status: 503 });
    part(el, 'retry-button')!.click();
    await waitUntil(async () => (await mock.requests({ path: '/addresses/validate' })).length === 2);
    await waitUntil(() => part(el, 'check-failed') && el.shadowRoot!.querySelector('[aria-busy="true"]') === null);
    part(el, 'continue-anyway-button')!.click();
    expect(nexts).to.have.length(1);
    expect(nexts[0]!.value).to.deep.equal(VALID);
  });

  it('maps a 422 of the address check to its fields', async () => {
    const el = await mountValid();
    await mock.inject(fieldErrorsFault('/addresses/validate', [{ field: 'city', message: 'Redmond is not in this postal code.' }]));
    part(el, 'next-button')!.click();
    await waitUntil(() => errorOf(el, 'city'), 'no city error');
    expect(errorOf(el, 'city')).to.equal('Redmond is not in this postal code.');
    expectFocused(el, control(el, 'city'));
  });

  it('shows the owner’s backend field errors at once and drops one when its field is edited', async () => {
    const el = await fixture<LcCustomerDetails>(
      html`<lc-customer-details
        .api=${api}
        .value=${VALID}
        .fieldErrors=${{ companyName: 'A customer with this name exists.', email: 'This address bounced.' }}
      ></lc-customer-details>`,
    );
    expect(errorOf(el, 'companyName')).to.equal('A customer with this name exists.');
    expect(errorOf(el, 'email')).to.equal('This address bounced.');
    expect(text(part(el, 'error-summary'))).to.contain('A customer with this name exists.');
    await typeInto(el, 'companyName', 'Northwind Traders Ltd');
    expect(errorOf(el, 'companyName')).to.equal('');
    expect(errorOf(el, 'email')).to.equal('This address bounced.');
    // The same messages passed again (a re-render) do not come back.
    el.fieldErrors = { companyName: 'A customer with this name exists.', email: 'This address bounced.' };
    await el.updateComplete;
    expect(errorOf(el, 'companyName')).to.equal('');
  });

  it('takes the owner’s value without events; fires lc-step-back; hides Back with no-back', async () => {
    const el = await mount();
    const inputs = collect(el, 'lc-step-input');
    el.value = VALID;
    await el.updateComplete;
    expect(control(el, 'city').value).to.equal('Redmond');
    expect(control(el, 'country').value).to.equal('US');
    expect(inputs).to.have.length(0);
    setTimeout(() => part(el, 'back-button')!.click());
    const back = (await oneEvent(el, 'lc-step-back')) as LcStepBackEvent;
    expect(back.step).to.equal('customer-details');
    el.noBack = true;
    await el.updateComplete;
    expect(part(el, 'back-button')!.hidden).to.equal(true);
  });

  it('shows markup typed by the user and returned by the backend as text', async () => {
    let ran = false;
    (window as unknown as { alert: () => void }).alert = () => {
      ran = true;
    };
    const el = await mountValid({ postalCode: '99999' });
    const inputs = collect<LcStepInputEvent<CompanyDraft>>(el, 'lc-step-input');
    await typeInto(el, 'companyName', HOSTILE);
    await typeInto(el, 'line1', HOSTILE);
    expect(inputs.at(-1)!.value.companyName).to.equal(HOSTILE);
    expect(control(el, 'companyName').value).to.equal(HOSTILE);
    // The backend echoes the address back in its suggestion.
    part(el, 'next-button')!.click();
    await waitUntil(() => part(el, 'suggestions'));
    expect(text(part(el, 'suggestions'))).to.contain(HOSTILE);
    el.fieldErrors = { companyName: `Rejected: ${HOSTILE}` };
    await el.updateComplete;
    expect(errorOf(el, 'companyName')).to.equal(`Rejected: ${HOSTILE}`);
    expectAbsent(el.shadowRoot!.querySelector('img'));
    await aTimeout(50);
    expect(ran).to.equal(false);
  });

  it('changes only the text whose key its strings override, not for other steps’ or unprefixed keys', async () => {
    const el = await mount();
    const before = shownTexts(el);
    el.strings = { 'customerDetails.email': 'E-mail' };
    await el.updateComplete;
    const after = shownTexts(el);
    expect(changedTexts(before, after)).to.deep.equal([['Email', 'E-mail']]);
    expect(control(el, 'email').labels![0]!.textContent!.trim()).to.equal('E-mail');
    // One table for every step, as <lc-checkout>.strings is: the other steps' keys and the
    // old unprefixed ones leave this step as it was.
    const shared: Record<string, string> = {
      'customerDetails.email': 'E-mail',
      email: 'Unprefixed',
      heading: 'Unprefixed',
      back: 'Unprefixed',
      next: 'Unprefixed',
      'agreement.email': 'Agreement',
      'customerType.heading': 'Customer type',
      'tenant.companyName': 'Tenant',
      'cart.heading': 'Cart',
    };
    el.strings = shared;
    await el.updateComplete;
    expect(shownTexts(el)).to.deep.equal(after);
  });

  it('fits 320 px without horizontal scrolling, also right-to-left', async () => {
    for (const dir of ['ltr', 'rtl']) {
      // The element itself, not a wrapper: a wrapper's fixture waits for an animation frame, which a background tab never gets.
      const el = await fixture<LcCustomerDetails>(
        html`<lc-customer-details
          dir=${dir}
          style="inline-size: 320px"
          .api=${api}
          .value=${{ ...VALID, postalCode: '99999' }}
        ></lc-customer-details>`,
      );
      part(el, 'next-button')!.click();
      await waitUntil(() => part(el, 'suggestions'), 'no suggestions');
      el.fieldErrors = { companyName: 'A customer with this name exists.' };
      await el.updateComplete;
      const widest = Math.max(...[...el.shadowRoot!.querySelectorAll('*')].map((node) => node.getBoundingClientRect().width));
      expect(widest, dir).to.be.at.most(320);
      expect(el.scrollWidth, dir).to.be.at.most(320);
    }
  });
});

describe('<lc-customer-details>: the address as the country writes it', () => {
  let mock: TestMock;
  let api: HttpCheckoutApi;

  beforeEach(async () => {
    mock = await createTestMock({ speed: 1000 });
    api = new HttpCheckoutApi({ baseUrl: mock.baseUrl, retry: 0 });
  });

  /** The address fields in the order shown, each as "name: label". */
  function addressFields(el: LcCustomerDetails): string[] {
    const fieldset = [...el.shadowRoot!.querySelectorAll('fieldset')].find((f) => text(f.querySelector('legend')) === 'Address')!;
    return [...fieldset.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')]
      .filter((c) => c.name !== 'country')
      .map((c) => `${c.name}: ${text(c.labels![0]).replace(/ \(optional\)$/, '')}`);
  }

  /** Mounts the form for `country` and waits for the country's format and rules. */
  async function mountIn(country: string, changes: Partial<CompanyDraft> = {}, withApi: CheckoutApiLike = api): Promise<LcCustomerDetails> {
    const el = await fixture<LcCustomerDetails>(html`<lc-customer-details .api=${withApi} .value=${{ ...VALID, country, state: '', ...changes }}></lc-customer-details>`);
    await loadAddressFormats();
    await el.updateComplete;
    return el;
  }
  type CheckoutApiLike = Partial<HttpCheckoutApi>;

  it('the United States: street, city, a State select with the states, ZIP code', async () => {
    const el = await mountIn('US');
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="state-select"]'), 'no state select');
    expect(addressFields(el)).to.deep.equal(['line1: Address line 1', 'line2: Address line 2', 'city: City', 'state: State', 'postalCode: ZIP code']);
    const state = control(el, 'state');
    expect(state.localName).to.equal('select');
    expect(state.required || state.getAttribute('aria-required') === 'true').to.equal(true);
    const options = [...state.options].map((o) => [o.value, o.textContent!.trim()]);
    expect(options).to.deep.include(['WA', 'Washington']);
    expect(options.length).to.be.greaterThan(50);
    // Picking one sends its code.
    const inputs = collect<LcStepInputEvent<CompanyDraft>>(el, 'lc-step-input');
    state.value = 'WA';
    state.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(inputs.at(-1)!.value.state).to.equal('WA');
    // The rules came from the backend.
    expect((await mock.requests({ method: 'GET' })).map((r) => r.path)).to.include('/country-rules/US');
    await expect(el).to.be.accessible();
  });

  it('Canada: a Province select; the United Kingdom: Town or city and Postcode, no state; Australia: Suburb, State, Postcode', async () => {
    const canada = await mountIn('CA');
    await waitUntil(() => canada.shadowRoot!.querySelector('[part~="state-select"]'), 'no province select');
    expect(addressFields(canada)).to.deep.equal(['line1: Address line 1', 'line2: Address line 2', 'city: City', 'state: Province', 'postalCode: Postal code']);
    expect([...control(canada, 'state').options].map((o) => o.value)).to.include.members(['ON', 'QC', 'BC']);

    const uk = await mountIn('GB');
    expect(addressFields(uk)).to.deep.equal(['line1: Address line 1', 'line2: Address line 2', 'city: Town or city', 'postalCode: Postcode']);

    const australia = await mountIn('AU');
    await waitUntil(() => australia.shadowRoot!.querySelector('[part~="state-select"]'), 'no state select');
    expect(addressFields(australia)).to.deep.equal(['line1: Address line 1', 'line2: Address line 2', 'city: Suburb', 'state: State', 'postalCode: Postcode']);
  });

  it('Germany writes the postal code before the city, and errors and focus follow that order', async () => {
    const el = await mountIn('DE', { city: '', postalCode: '' });
    await waitUntil(() => addressFields(el)[2] === 'postalCode: Postal code', 'not in the German order');
    expect(addressFields(el)).to.deep.equal(['line1: Address line 1', 'line2: Address line 2', 'postalCode: Postal code', 'city: City']);
    part(el, 'next-button')!.click();
    await waitUntil(() => part(el, 'error-summary'));
    const summary = [...part(el, 'error-summary')!.querySelectorAll('a')].map(text);
    expect(summary.findIndex((s) => s.includes('Postal code'))).to.be.lessThan(summary.findIndex((s) => s.includes('City')));
    expectFocused(el, control(el, 'postalCode'));
  });

  it('checks the postal code against the backend\'s pattern for the country', async () => {
    const el = await mountIn('BR', { postalCode: '12345', state: 'SP' });
    await waitUntil(async () => (await mock.requests({ method: 'GET' })).some((r) => r.path === '/country-rules/BR'));
    part(el, 'next-button')!.click();
    await waitUntil(() => errorOf(el, 'postalCode') !== '', 'no postal code error');
    expect(errorOf(el, 'postalCode')).to.equal('Postal code is not in the format used in Brazil.');
    await typeInto(el, 'postalCode', '01310-100');
    expect(errorOf(el, 'postalCode')).to.equal('');
  });

  it('checks the phone number against the backend\'s pattern for the country, and says the form it expects', async () => {
    // The mock's pattern takes no extension, which the widget's own rule allows.
    const el = await mountIn('US');
    await waitUntil(async () => (await mock.requests({ method: 'GET' })).some((r) => r.path === '/country-rules/US'));
    await typeInto(el, 'phone', '+1 425 555 0100 ext. 12');
    await leave(el, 'phone');
    expect(errorOf(el, 'phone')).to.equal('Enter the phone number in the format used in United States.');
    await typeInto(el, 'phone', '+1 425 555 0100');
    expect(errorOf(el, 'phone')).to.equal('');

    // A store whose rules take French numbers as written in France only.
    const rules = { country: 'FR', stateRequired: false, states: [], phonePattern: '0[1-9](?: ?\\d{2}){4}' };
    const france = await mountIn('FR', { city: 'Paris', postalCode: '75001', phone: '+33 1 23 45 67 89' }, { getCountryRules: async () => rules });
    const nexts = collect(france, 'lc-step-next');
    part(france, 'next-button')!.click();
    await waitUntil(() => errorOf(france, 'phone') !== '', 'no phone error');
    expect(errorOf(france, 'phone')).to.equal('Enter the phone number in the format used in France.');
    expectFocused(france, control(france, 'phone'));
    expect(nexts).to.have.length(0);
    await typeInto(france, 'phone', '01 23 45 67 89');
    expect(errorOf(france, 'phone')).to.equal('');

    // Without a pattern, the widget's own rule alone.
    let asked = 0;
    const getCountryRules = async () => (asked++, { ...rules, phonePattern: undefined });
    const open = await mountIn('FR', { phone: '+33 1 23 45 67 89 x2' }, { getCountryRules });
    await waitUntil(() => asked > 0, 'no rules asked for');
    part(open, 'next-button')!.click();
    await open.updateComplete;
    expect(errorOf(open, 'phone')).to.equal('');
    // The widget's own rule still holds.
    open.value = { ...open.value, phone: '+33 call me' };
    await open.updateComplete;
    expect(errorOf(open, 'phone')).to.contain('Enter a phone number with digits');
  });

  it('names the state and the postal code in its errors with the country\'s own words, overridable and translated', async () => {
    const el = await mountIn('CA', { postalCode: '12345' });
    await waitUntil(() => addressFields(el).includes('state: Province'), 'no Province field');
    part(el, 'next-button')!.click();
    await waitUntil(() => errorOf(el, 'state') !== '', 'no state error');
    expect(errorOf(el, 'state')).to.equal('Province is required for addresses in Canada.');
    expect(errorOf(el, 'postalCode')).to.equal('Postal code is not in the format used in Canada.');

    const us = await mountIn('US', { postalCode: '1234' });
    await waitUntil(() => us.shadowRoot!.querySelector('[part~="state-select"]'), 'no state select');
    part(us, 'next-button')!.click();
    await waitUntil(() => errorOf(us, 'state') !== '', 'no state error');
    expect(errorOf(us, 'state')).to.equal('State is required for addresses in United States.');
    expect(errorOf(us, 'postalCode')).to.equal('ZIP code is not in the format used in United States.');
    us.strings = { 'customerDetails.postal.zip': 'Zip' };
    await us.updateComplete;
    expect(errorOf(us, 'postalCode'), 'the label\'s override reaches the error').to.equal('Zip is not in the format used in United States.');

    us.lang = 'de';
    us.strings = de;
    await us.updateComplete;
    expect(errorOf(us, 'state')).to.equal('Bundesstaat ist für Adressen im Land „Vereinigte Staaten“ erforderlich.');
    expect(errorOf(us, 'postalCode')).to.equal('ZIP-Code hat nicht das im Land „Vereinigte Staaten“ übliche Format.');
    us.lang = 'ar';
    us.strings = ar;
    await us.updateComplete;
    expect(errorOf(us, 'state')).to.contain('«الولاية»').and.contain(new Intl.DisplayNames('ar', { type: 'region' }).of('US'));
  });

  it('keeps a state that is not on the list, and asks for the state as text without the rules endpoint', async () => {
    const kept = await mountIn('US', { state: 'Washington' });
    await waitUntil(() => kept.shadowRoot!.querySelector('[part~="state-select"]'), 'no state select');
    expect(control(kept, 'state').value).to.equal('Washington');

    // An API object written before GET /country-rules: the generic rule, a free-text state.
    const older = { validateAddress: api.validateAddress.bind(api) };
    const el = await mountIn('US', {}, older);
    expect(control(el, 'state').localName).to.equal('input');
    expect(addressFields(el)).to.include('state: State');
    part(el, 'next-button')!.click();
    await waitUntil(() => errorOf(el, 'state') !== '');
    expect(errorOf(el, 'state')).to.contain('United States');
  });
});
