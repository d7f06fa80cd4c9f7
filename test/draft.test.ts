/**
 * The checkout's draft across reloads (issue 12 item 1): what was chosen and typed before the
 * order is kept per backend in `sessionStorage` and comes back, step and all, after a reload.
 * A reload here is what the resume tests do: the element goes, a new one for the same backend
 * comes on the same storage (`sessionStorage` survives a reload; the cart, in `localStorage`,
 * is put back as this tab last wrote it, since test files in other tabs clear it).
 */
import { expect, waitUntil } from '@open-wc/testing';
import { draftStorageKey } from '../src/checkout/draft-storage.js';
import type { LcCheckout } from '../src/components/checkout/checkout.js';
import {
  check,
  chooseExisting,
  confirmedOrderId,
  continueStep,
  control,
  currentStepUpdate,
  defaultCompany,
  fill,
  fillCart,
  fillCompany,
  mountCheckout,
  placeOrderButton,
  reviewWithQuote,
  stepRoot,
  text,
  typePrefix,
  waitForStep,
  agreementRoot,
  acceptOnMockPage,
  createAcceptanceLink,
  hasControl,
  watchStoredCart,
} from './helpers/flow.js';
import { createTestMock, type TestMock } from './helpers/mock.js';

const scopeOf = (mock: TestMock) => new URL(mock.baseUrl, document.baseURI).href.replace(/\/+$/, '');
const storedDraft = (mock: TestMock) => sessionStorage.getItem(draftStorageKey(scopeOf(mock)));
const value = (el: LcCheckout, label: string | RegExp) => control<HTMLInputElement>(stepRoot(el), label).value;

describe('<lc-checkout> draft kept across reloads', () => {
  let cartWatch: ReturnType<typeof watchStoredCart> | undefined;
  let warnings: unknown[][];
  const warn = console.warn;

  beforeEach(() => {
    sessionStorage.clear();
    warnings = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
  });
  afterEach(() => {
    console.warn = warn;
    cartWatch?.restore();
    cartWatch = undefined;
    sessionStorage.clear();
  });

  /** The element goes, a new one comes for the same backend, as after a reload. */
  async function reload(el: LcCheckout, mock: TestMock): Promise<LcCheckout> {
    el.remove();
    cartWatch?.putBack();
    return mountCheckout(mock);
  }

  it('a new customer: a reload on each step before the order finds the step and every value typed', async () => {
    const mock = await createTestMock({ speed: 1000 });
    cartWatch = watchStoredCart(mock);
    let el = await mountCheckout(mock);
    await fillCart(el);

    // Recipient chosen, not yet continued.
    check(stepRoot(el), 'A customer I resell to');
    await currentStepUpdate(el);
    check(stepRoot(el), 'New customer');
    await currentStepUpdate(el);
    el = await reload(el, mock);
    await waitForStep(el, 'customer-type');
    expect(control(stepRoot(el), 'New customer').checked).to.equal(true);
    await continueStep(el);

    // The company, address and contact, typed and not continued.
    await waitForStep(el, 'customer-details');
    await fillCompany(el, { companyName: 'Reloaded Widgets Ltd' });
    el = await reload(el, mock);
    await waitForStep(el, 'customer-details');
    expect(value(el, 'Company name')).to.equal('Reloaded Widgets Ltd');
    expect(value(el, 'Address line 1')).to.equal(defaultCompany.line1);
    expect(value(el, 'City')).to.equal(defaultCompany.city);
    expect(value(el, 'ZIP code')).to.equal(defaultCompany.postalCode);
    expect(value(el, 'First name')).to.equal(defaultCompany.firstName);
    expect(value(el, 'Last name')).to.equal(defaultCompany.lastName);
    expect(value(el, 'Email')).to.equal(defaultCompany.email);
    expect(el.state.company).to.include({ country: 'US', state: 'WA' });
    await continueStep(el);

    // The new tenant's prefix, with its availability.
    const prefix = `reload${Date.now() % 100_000}`;
    await typePrefix(el, prefix);
    el = await reload(el, mock);
    const tenant = (await waitForStep(el, 'tenant-domain')).shadowRoot!;
    expect(control<HTMLInputElement>(tenant, 'Domain prefix').value).to.equal(prefix);
    await waitUntil(() => /is available/.test(text(tenant.querySelector('[part~="availability"]'))), 'the availability did not come back');
    await continueStep(el);

    // Someone else signs, typed and not continued; then the link, created and not accepted yet.
    let agreement = await agreementRoot(el);
    await waitUntil(() => hasControl(agreement, 'Someone else signs'), 'the agreement step did not show');
    check(agreement, 'Someone else signs');
    await currentStepUpdate(el);
    await fill(agreement, 'First name', 'Grace');
    await fill(agreement, 'Last name', 'Hopper');
    await fill(agreement, 'Email', 'grace@customer.example');
    await currentStepUpdate(el);
    el = await reload(el, mock);
    agreement = await agreementRoot(el);
    expect(control<HTMLInputElement>(agreement, 'Someone else signs').checked).to.equal(true);
    expect(control<HTMLInputElement>(agreement, 'First name').value).to.equal('Grace');
    expect(control<HTMLInputElement>(agreement, 'Last name').value).to.equal('Hopper');
    expect(control<HTMLInputElement>(agreement, 'Email').value).to.equal('grace@customer.example');
    const url = await createAcceptanceLink(el);
    el = await reload(el, mock);
    agreement = await agreementRoot(el);
    // The same link, still followed: the Accept on the mock's page shows without typing anything again.
    await waitUntil(() => agreement.querySelector('[part~="acceptance-url"]'), 'the link did not come back');
    expect(text(agreement.querySelector('[part~="acceptance-url"]'))).to.equal(url);
    await acceptOnMockPage(url);
    await waitUntil(() => agreement.querySelector<HTMLElement>('[part~="acceptance-status"]')?.dataset.status === 'customer-accepted', 'the acceptance was not noticed after the reload', { timeout: 4000 });
    await continueStep(el);

    // The review, with everything on it.
    await reviewWithQuote(el);
    el = await reload(el, mock);
    const review = await reviewWithQuote(el);
    expect(text(review)).to.contain('Reloaded Widgets Ltd');
    expect(text(review)).to.contain(`${prefix}.onmicrosoft.com`);
    expect(el.state.lines).to.have.length(1);

    // Placed: the draft is gone; a reload resumes the order instead.
    placeOrderButton(el).click();
    await confirmedOrderId(el);
    expect(storedDraft(mock)).to.equal(null);
    expect(warnings).to.deep.equal([]);
  }).timeout(20000);

  it('an existing customer stays picked after a reload, and a reset drops the draft', async () => {
    const mock = await createTestMock({ speed: 1000 });
    cartWatch = watchStoredCart(mock);
    let el = await mountCheckout(mock);
    await fillCart(el);
    await chooseExisting(el, 'Adatum', /Adatum/);
    await waitForStep(el, 'agreement');
    const picked = el.state.customer!;
    el = await reload(el, mock);
    await agreementRoot(el);
    expect(el.state.recipientKind).to.equal('existing');
    expect(el.state.customer).to.deep.equal(picked);
    expect(storedDraft(mock)).to.contain(picked.id);

    el.reset();
    await el.updateComplete;
    expect(el.step).to.equal('cart');
    expect(storedDraft(mock)).to.equal(null);
    el = await reload(el, mock);
    await waitForStep(el, 'cart');
    expect(el.state.recipientKind).to.equal(undefined);
  });

  it('a corrupted or outdated draft is discarded with a console warning; the checkout starts at the cart', async () => {
    const mock = await createTestMock({ speed: 1000 });
    for (const stored of ['{not json', JSON.stringify({ v: 0, step: 'review' }), JSON.stringify({ v: 1, step: 'nowhere', company: {}, tenant: {}, agreementDraft: {} })]) {
      warnings = [];
      sessionStorage.setItem(draftStorageKey(scopeOf(mock)), stored);
      const el = await mountCheckout(mock);
      await waitForStep(el, 'cart');
      expect(el.state.recipientKind, stored).to.equal(undefined);
      expect(storedDraft(mock), stored).to.equal(null);
      expect(warnings.map((w) => String(w[0])).join(' '), stored).to.contain('draft');
      el.remove();
    }
  });

  it('keeps no credential or token, only what was chosen and typed', async () => {
    const mock = await createTestMock({ speed: 1000 });
    cartWatch = watchStoredCart(mock);
    const el = await mountCheckout(mock, { retry: 0, getAccessToken: () => 'secret-token-123', headers: { 'x-api-key': 'secret-key-456' } });
    await fillCart(el);
    check(stepRoot(el), 'A customer I resell to');
    await currentStepUpdate(el);
    check(stepRoot(el), 'New customer');
    await currentStepUpdate(el);
    await continueStep(el);
    await waitForStep(el, 'customer-details');
    await fill(stepRoot(el), 'Company name', 'Token Free Inc');
    const stored = storedDraft(mock)!;
    expect(stored).to.contain('Token Free Inc');
    expect(stored).to.not.contain('secret-token-123');
    expect(stored).to.not.contain('secret-key-456');
  });
});
