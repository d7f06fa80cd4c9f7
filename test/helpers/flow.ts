/**
 * Drives `<lc-checkout>` the way a user does: finds controls by their visible labels inside
 * the current step's shadow root, types with real key presses, clicks buttons by their text.
 * Nothing here sets a step's state directly, so a flow test fails when the UI does.
 *
 *     const el = await mountCheckout(mock);
 *     await fillCart(el);
 *     await chooseInternal(el);
 *     await waitForStep(el, 'review');
 *     placeOrderButton(el).click();
 *     await waitForOrderStatus(el, 'completed');
 */
import { fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { OrderStatus } from '../../src/api/schemas.js';
import { storageKey } from '../../src/checkout/cart-store.js';
import type { Step } from '../../src/checkout/machine.js';
// Every element, steps included, as `import 'license-checkout'` defines them (checkout.js alone loads steps when shown).
import '../../src/index.js';
import type { CheckoutApiOptions, LcCheckout } from '../../src/components/checkout/checkout.js';
import type { LcProvisioning } from '../../src/components/provisioning/provisioning.js';
import { byLabel, byRole, normalize, queryByLabel, startsWith, textOf } from './dom.js';
import type { TestMock } from './mock.js';
import { acceptOnMockPage } from './contract.js';

export const E3 = 'cfq7ttc0lfld-0001'; // Microsoft 365 E3: P1Y monthly $36.00
export const BASIC = 'cfq7ttc0lh18-0001'; // Microsoft 365 Business Basic: P1Y monthly $6.00

/** Text as rendered, spaces collapsed (hidden elements left out). */
export const text = textOf;

/** A checkout talking to `mock` over HTTP, with no client retries unless asked (tests count requests). */
export async function mountCheckout(mock: TestMock, apiOptions: CheckoutApiOptions = { retry: 0, timeout: 3000 }): Promise<LcCheckout> {
  const el = await fixture<LcCheckout>(html`<lc-checkout api-base=${mock.baseUrl} lang="en-US" .apiOptions=${apiOptions}></lc-checkout>`);
  await el.updateComplete;
  return el;
}

/** The element of the step on screen (`lc-cart`, `lc-customer-type`, …, `lc-provisioning`). */
export function currentStep(el: LcCheckout): HTMLElement {
  const step = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[data-step]')].find((node) => !node.hidden);
  if (!step) throw new Error('no step is shown');
  return step;
}

/** The shadow root of the step on screen. */
export function stepRoot(el: LcCheckout): ShadowRoot {
  const step = currentStep(el);
  if (!step.shadowRoot) throw new Error(`<${step.localName}> has no shadow root`);
  return step.shadowRoot;
}

export async function waitForStep(el: LcCheckout, step: Step, timeout = 4000): Promise<HTMLElement> {
  await waitUntil(() => el.step === step && el.shadowRoot!.querySelector(`[data-step="${step}"]:not([hidden])`), `never reached step "${step}" (now at "${el.step}")`, { timeout });
  const node = currentStep(el) as HTMLElement & { updateComplete?: Promise<unknown> };
  await node.updateComplete;
  return node;
}

/** The control a visible label names (label text starts with `label`, or matches the RegExp). */
export function control<T extends HTMLElement = HTMLInputElement>(root: ShadowRoot, label: string | RegExp): T {
  return byLabel<T>(root, startsWith(label), { hidden: true });
}

/** Whether a control with this label is there. */
export function hasControl(root: ShadowRoot, label: string | RegExp): boolean {
  return queryByLabel(root, startsWith(label), { hidden: true }) !== null;
}

/** Replaces a field's text the way a user does: focus, select all, type (real key presses). */
export async function typeInto(input: HTMLInputElement, value: string): Promise<void> {
  input.focus();
  input.select();
  if (value === '') await sendKeys({ press: 'Backspace' });
  else await sendKeys({ type: value });
}

export async function fill(root: ShadowRoot, label: string | RegExp, value: string): Promise<void> {
  await typeInto(control(root, label), value);
}

/** Picks an option of a select by its value, as a user's choice does (input + change). */
export function selectOption(root: ShadowRoot, label: string | RegExp, value: string): void {
  const select = control<HTMLSelectElement>(root, label);
  select.focus();
  select.value = value;
  select.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** Clicks a radio or checkbox by its label. */
export function check(root: ShadowRoot, label: string | RegExp): void {
  control(root, label).click();
}

/** A button by its visible text (or accessible name); either starts with `name`, or matches the RegExp. */
export function button(root: ShadowRoot, name: string | RegExp): HTMLButtonElement {
  const wanted = startsWith(name);
  return byRole<HTMLButtonElement>(root, 'button', {
    name: (accessible, node) => wanted(accessible) || wanted(textOf(node)) || wanted(normalize(node.textContent ?? '')),
  });
}

export async function click(root: ShadowRoot, name: string | RegExp): Promise<void> {
  const node = button(root, name);
  await waitUntil(() => !node.disabled, `button ${String(name)} stays disabled`);
  node.click();
}

/** Presses the step's Continue button. */
export async function continueStep(el: LcCheckout): Promise<void> {
  await click(stepRoot(el), 'Continue');
}

// ---------------------------------------------------------------------------------------
// The steps

/** Adds licences through the public API and presses the cart's Checkout. */
export async function fillCart(el: LcCheckout, lines: Array<{ productId: string; quantity?: number }> = [{ productId: E3, quantity: 3 }]): Promise<void> {
  await waitForStep(el, 'cart');
  for (const { productId, quantity } of lines) await el.addProduct(productId, { quantity });
  const cart = currentStep(el) as HTMLElement & { updateComplete: Promise<unknown> };
  await cart.updateComplete;
  await click(cart.shadowRoot!, 'Checkout');
  await waitForStep(el, 'customer-type');
}

export async function chooseInternal(el: LcCheckout): Promise<void> {
  const root = stepRoot(el);
  check(root, 'My own organization');
  await continueStep(el);
}

/** "A customer I resell to" → "Existing customer": returns the customer-type step's root, its search shown. */
export async function openCustomerSearch(el: LcCheckout): Promise<ShadowRoot> {
  const root = stepRoot(el);
  check(root, 'A customer I resell to');
  await currentStepUpdate(el);
  check(root, 'Existing customer');
  await currentStepUpdate(el);
  return root;
}

/** "A customer I resell to" → "Existing customer", searched and picked by company name. */
export async function chooseExisting(el: LcCheckout, search: string, companyName: string | RegExp): Promise<void> {
  const root = await openCustomerSearch(el);
  await fill(root, 'Search your customers', search);
  await waitUntil(() => hasControl(root, companyName), `no customer ${String(companyName)} in the results`, { timeout: 3000 });
  check(root, companyName);
  await currentStepUpdate(el);
  await continueStep(el);
}

/** "A customer I resell to" → "New customer", on to the customer-details step. */
export async function chooseNew(el: LcCheckout): Promise<void> {
  const root = stepRoot(el);
  check(root, 'A customer I resell to');
  await currentStepUpdate(el);
  check(root, 'New customer');
  await currentStepUpdate(el);
  await continueStep(el);
  await waitForStep(el, 'customer-details');
}

export interface CompanyInput {
  companyName: string;
  country?: string;
  line1?: string;
  city?: string;
  state?: string;
  postalCode?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
}

export const defaultCompany: Required<CompanyInput> = {
  companyName: 'Tailspin Toys Europe',
  country: 'US',
  line1: '1 Main Street',
  city: 'Redmond',
  state: 'WA',
  postalCode: '98052',
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@tailspin.example',
};

/** Types the new customer's company, address and contact. */
export async function fillCompany(el: LcCheckout, input: CompanyInput): Promise<void> {
  const values = { ...defaultCompany, ...input };
  const root = stepRoot(el);
  await fill(root, 'Company name', values.companyName);
  selectOption(root, 'Country or region', values.country);
  await currentStepUpdate(el);
  await fill(root, 'Address line 1', values.line1);
  await fill(root, /^(City|Suburb|Town or city)/, values.city);
  // The labels are the country's ("State", "Province", "ZIP code", "Postcode"); the mock lists
  // the states of these countries, so their field becomes a select once its rules arrive.
  const stateLabel = /^(State|Province)/;
  if (['US', 'CA', 'AU'].includes(values.country)) {
    await waitUntil(() => queryByLabel(root, startsWith(stateLabel), { hidden: true }) instanceof HTMLSelectElement, 'no list of states');
  }
  if (hasControl(root, stateLabel)) {
    const state = control<HTMLInputElement | HTMLSelectElement>(root, stateLabel);
    if (state instanceof HTMLSelectElement) selectOption(root, stateLabel, values.state);
    else await typeInto(state, values.state);
  }
  await fill(root, /^(Postal code|ZIP code|Postcode)/, values.postalCode);
  await fill(root, 'First name', values.firstName);
  await fill(root, 'Last name', values.lastName);
  await fill(root, 'Email', values.email);
}

export async function currentStepUpdate(el: LcCheckout): Promise<void> {
  await el.updateComplete;
  const step = currentStep(el) as HTMLElement & { updateComplete?: Promise<unknown> };
  await step.updateComplete;
}

/** Waits for the review with its quote shown; returns the review's shadow root. */
export async function reviewWithQuote(el: LcCheckout): Promise<ShadowRoot> {
  await waitForStep(el, 'review');
  const root = stepRoot(el);
  await waitUntil(() => root.querySelector('[part~="proration"]'), 'the quote was not shown', { timeout: 4000 });
  return root;
}

/** The review's "Place order" button. */
export function placeOrderButton(el: LcCheckout): HTMLButtonElement {
  return stepRoot(el).querySelector<HTMLButtonElement>('[part~="place-order-button"]')!;
}

/** The agreement step's form, once the checkout has loaded the agreement (a placeholder shows meanwhile). */
export async function agreementRoot(el: LcCheckout): Promise<ShadowRoot> {
  await waitForStep(el, 'agreement');
  await waitUntil(() => currentStep(el).localName === 'lc-agreement', 'the agreement did not load');
  await currentStepUpdate(el);
  return stepRoot(el);
}

/**
 * The agreement step: creates the acceptance link (the primary contact signs, or the typed
 * signatory when there is no contact), and waits until the link shows; returns its URL.
 */
export async function createAcceptanceLink(el: LcCheckout): Promise<string> {
  const root = await agreementRoot(el);
  if (hasControl(root, 'First name')) {
    await fill(root, 'First name', 'Grace');
    await fill(root, 'Last name', 'Hopper');
    await fill(root, 'Email', 'grace@customer.example');
  }
  await click(root, 'Create the acceptance link');
  await waitUntil(() => root.querySelector('[part~="acceptance-status"]'), 'the acceptance link did not show', { timeout: 4000 });
  return el.state.agreementDraft.acceptance!.url;
}

export { acceptOnMockPage };

/** The agreement step: the link created, accepted on the mock's page, the checkout notices by itself, Continue. */
export async function fillAgreement(el: LcCheckout): Promise<void> {
  await signAgreement(el);
  await continueStep(el);
}

/** The agreement step done (the link created and accepted), staying on it (Continue asks the backend for the quote). */
export async function signAgreement(el: LcCheckout): Promise<void> {
  const url = await createAcceptanceLink(el);
  await acceptOnMockPage(url);
  await waitUntil(() => el.state.agreementDraft.acceptance?.status === 'customer-accepted', 'the checkout did not notice the acceptance', { timeout: 4000 });
  await currentStepUpdate(el);
}

/** The tenant step, new tenant: types the prefix and waits for the availability answer. */
export async function typePrefix(el: LcCheckout, prefix: string): Promise<ShadowRoot> {
  const root = (await waitForStep(el, 'tenant-domain')).shadowRoot!;
  await fill(root, 'Domain prefix', prefix);
  await waitUntil(() => /is available|is already taken/.test(text(root.querySelector('[part~="availability"]'))), 'no availability answer', {
    timeout: 4000,
  });
  return root;
}

let prefixes = 0;

/**
 * A new customer with a brand-new tenant, from the customer-type step to the review with its
 * quote: the mock's test values go in `companyName` (`Fail`, `Review`, `Slow`).
 */
export async function newCustomerToReview(el: LcCheckout, companyName: string): Promise<ShadowRoot> {
  await newCustomerToAgreement(el, companyName);
  await fillAgreement(el);
  return reviewWithQuote(el);
}

/** A new customer with a brand-new tenant, from the customer-type step to the agreement step. */
export async function newCustomerToAgreement(el: LcCheckout, companyName: string): Promise<void> {
  await chooseNew(el);
  await fillCompany(el, { companyName });
  await continueStep(el);
  await typePrefix(el, `t${Date.now() % 1_000_000}${prefixes++}`);
  await continueStep(el);
}

/**
 * A new customer who already has a tenant, from the cart to the tenant step with `domain`
 * typed; returns the tenant step's root once the checkout looked the domain up.
 */
export async function newCustomerWithTenant(el: LcCheckout, companyName: string, domain: string): Promise<ShadowRoot> {
  await fillCart(el);
  await chooseNew(el);
  await fillCompany(el, { companyName });
  await continueStep(el);
  const root = (await waitForStep(el, 'tenant-domain')).shadowRoot!;
  check(root, 'My customer is already using Microsoft 365');
  await currentStepUpdate(el);
  await fill(root, 'Default domain', domain);
  await waitUntil(() => el.state.tenant.lookup, 'no tenant lookup', { timeout: 4000 });
  return root;
}

/** The `<lc-provisioning>` the checkout shows after "Place order" (or after a resume). */
export async function provisioningOf(el: LcCheckout): Promise<LcProvisioning> {
  const node = await waitForStep(el, 'provisioning');
  if (node.localName !== 'lc-provisioning') throw new Error(`the order is shown by <${node.localName}>, not <lc-provisioning>`);
  return node as LcProvisioning;
}

/** Waits for the order's progress on screen; returns the order id `<lc-provisioning>` shows. */
export async function confirmedOrderId(el: LcCheckout): Promise<string> {
  const shown = await provisioningOf(el);
  const root = shown.shadowRoot!;
  await waitUntil(() => root.querySelector('[part~="order-id"]'), 'the order id was not shown');
  return text(root.querySelector('[part~="order-id"]'));
}

/** Waits until `<lc-provisioning>` shows the order in `status`. */
export async function waitForOrderStatus(el: LcCheckout, status: OrderStatus, timeout = 5000): Promise<LcProvisioning> {
  const shown = await provisioningOf(el);
  await waitUntil(
    () => shown.order?.status === status && shown.shadowRoot!.querySelector(`section[data-status="${status}"]`),
    `the order never showed as ${status} (it is ${shown.order?.status ?? 'not loaded'})`,
    { timeout },
  );
  await shown.updateComplete;
  return shown;
}

/**
 * Follows this backend's stored cart (`<lc-cart>`'s localStorage key) through this tab's own
 * writes: `last` is the latest value written, `null` once removed. Reading localStorage itself
 * would not do: the test files running in other tabs at the same time clear it. `putBack()`
 * stores `last` again before a simulated reload, as a real reload finds it.
 */
export function watchStoredCart(mock: TestMock): { last: string | null | undefined; putBack(): void; restore(): void } {
  const key = storageKey(mock.baseUrl);
  const { setItem, removeItem } = Storage.prototype;
  const watch = {
    last: undefined as string | null | undefined,
    putBack: () => {
      if (watch.last) setItem.call(localStorage, key, watch.last);
    },
    restore: () => Object.assign(Storage.prototype, { setItem, removeItem }),
  };
  Storage.prototype.setItem = function (this: Storage, name: string, value: string) {
    if (this === localStorage && name === key) watch.last = value;
    setItem.call(this, name, value);
  };
  Storage.prototype.removeItem = function (this: Storage, name: string) {
    if (this === localStorage && name === key) watch.last = null;
    removeItem.call(this, name);
  };
  return watch;
}
/** Everything the widget could have written to storage, as text. */
export const allStorage = () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage });
