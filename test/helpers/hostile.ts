/**
 * Hostile text (issue 15), shared by test/hostile-fields.test.ts and test/hostile-backend.test.ts: XSS payloads, bidi controls and 10,000-character strings, typed
 * into every text field and returned in every string the backend sends. Nothing may run
 * (no script, no handler, no element made from the text) and nothing may widen the widget
 * past its box or give the page a horizontal scrollbar.
 *
 * The backend's strings come from a `CheckoutApi` that forwards to the mock over HTTP and
 * rewrites every display string of each answer (the checkout's documented `api` property).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { CheckoutApi } from '../../src/api/api.js';
import { HttpCheckoutApi } from '../../src/api/client.js';
import type { AcceptanceRequest, CreateAcceptanceRequest, Order } from '../../src/api/schemas.js';
import type { LcCheckout } from '../../src/components/checkout/checkout.js';
import { SEARCH_MAX_LENGTH } from '../../src/components/customer-type/customer-type.js';
import {
  E3,
  agreementRoot,
  check,
  chooseNew,
  click,
  continueStep,
  control,
  currentStep,
  currentStepUpdate,
  fill,
  fillCart,
  fillCompany,
  hasControl,
  openCustomerSearch,
  placeOrderButton,
  reviewWithQuote,
  signAgreement,
  stepRoot,
  text,
  waitForOrderStatus,
  waitForStep,
} from './flow.js';
import { normalize } from './dom.js';
import { clearPageStorage, createTestMock, type TestMock } from './mock.js';

declare global {
  interface Window {
    __hostile?: unknown;
  }
}

const RUN = 'window.__hostile=1';
const XSS = [
  `<img src=x onerror="${RUN}">`,
  `<script>${RUN}</script>`,
  `"><svg onload="${RUN}">`,
  `'><iframe srcdoc="<script>parent.__hostile=1</script>"></iframe>`,
  `javascript:${RUN}`,
  `{{constructor.constructor('${RUN}')()}}`,
  '${' + RUN + '}',
  `</textarea></style></title><img src=x onerror=${RUN}>`,
  `<a href="javascript:${RUN}">click</a>`,
];
const BIDI = [
  'invoice\u202Efdp.exe\u202C',
  'a\u2066b\u2067c\u2068d\u2069e\u200F\u200E\u061C',
  'Z\u0335\u0321\u0322\u031B\u0334\u0358\u0360'.repeat(30),
  '\u0000\u0007\u001B[31m\uFEFF\uFFFD',
];
export const SHORT = [...XSS, ...BIDI];
/** All the short ones in one string: one pass of a flow carries every payload. */
export const ALL_SHORT = SHORT.join(' ');
export const LONG_WORD = 'W'.repeat(10_000);
export const LONG_TEXT = 'hostile '.repeat(1250).trim();

const WIDTH = 480;

/** Elements and attributes that only a string turned into markup could have made. */
function madeFromText(root: ShadowRoot | Element): string[] {
  const found: string[] = [];
  for (const node of root.querySelectorAll('*')) {
    if (['SCRIPT', 'IMG', 'IFRAME', 'OBJECT', 'EMBED'].includes(node.tagName)) found.push(node.tagName.toLowerCase());
    for (const attr of node.getAttributeNames()) if (attr.startsWith('on')) found.push(`${node.localName}[${attr}]`);
    if (node instanceof HTMLAnchorElement && /^\s*javascript:/i.test(node.getAttribute('href') ?? '')) found.push('a[href=javascript:]');
    if (node.shadowRoot) found.push(...madeFromText(node.shadowRoot));
  }
  return found;
}

/** Nothing ran and nothing widened: checked after every step. */
async function assertSafe(el: LcCheckout, what: string): Promise<void> {
  await el.updateComplete;
  await (currentStep(el) as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
  // Handlers of a parsed <img> run on the next tasks: give them the chance.
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(window.__hostile, `${what}: a hostile string ran`).to.equal(undefined);
  expect(madeFromText(el.shadowRoot!), `${what}: markup made from text`).to.deep.equal([]);
  expect(el.scrollWidth, `${what}: the widget is wider than its box`).to.be.at.most(el.clientWidth);
  const page = document.scrollingElement!;
  expect(page.scrollWidth, `${what}: the page scrolls sideways`).to.be.at.most(page.clientWidth);
}

/**
 * A checkout 480 px wide, as a narrow column of a host page gives it. The width is set on the
 * host itself: a wrapping <div> would make `fixture` wait for an animation frame, which never
 * comes while the runner keeps this page in the background.
 */
async function mount(mock: TestMock, api?: CheckoutApi): Promise<LcCheckout> {
  const el = await fixture<LcCheckout>(html`
    <lc-checkout
      style=${`display: block; width: ${WIDTH}px`}
      api-base=${mock.baseUrl}
      lang="en-US"
      .apiOptions=${{ retry: 0, timeout: 4000 }}
      .api=${api}
    ></lc-checkout>
  `);
  await el.updateComplete;
  return el;
}

/** Sets a field as a paste does: value, then `input` and `change` (typing 10,000 keys would take minutes). */
function paste(root: ShadowRoot, label: string | RegExp, value: string): void {
  const input = control(root, label);
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

const COMPANY_FIELDS = ['Company name', 'Address line 1', 'Address line 2', 'City', 'State or province', 'Postal code', 'First name', 'Last name', 'Email', 'Phone'];
const AGREEMENT_FIELDS = ['First name', 'Last name', 'Email', 'Phone'];

/** Every text field of the new-customer path, with each string of `corpus` in turn. */
export async function everyField(corpus: string[]): Promise<void> {
  const mock = await createTestMock({ speed: 1000 });
  const el = await mount(mock);
  await fillCart(el);
  await chooseNew(el);
  let root = stepRoot(el);
  for (const [index, value] of corpus.entries()) {
    for (const label of COMPANY_FIELDS) if (hasControl(root, label)) paste(root, label, value);
    await currentStepUpdate(el);
    await continueStep(el).catch(() => {});
    await assertSafe(el, `company fields, string ${index}`);
    for (const label of COMPANY_FIELDS) if (hasControl(root, label)) expect(control(root, label).value, label).to.equal(value);
  }
  for (const label of COMPANY_FIELDS) if (hasControl(root, label)) paste(root, label, '');
  await fillCompany(el, { companyName: 'Plain Company Ltd' });
  await continueStep(el);

  root = (await waitForStep(el, 'tenant-domain')).shadowRoot!;
  for (const [index, value] of corpus.entries()) {
    paste(root, 'Domain prefix', value);
    await currentStepUpdate(el);
    await assertSafe(el, `domain prefix, string ${index}`);
  }
  check(root, 'My customer is already using Microsoft 365');
  await currentStepUpdate(el);
  for (const [index, value] of corpus.entries()) {
    paste(root, 'Default domain', value);
    await currentStepUpdate(el);
    await assertSafe(el, `default domain, string ${index}`);
  }
  check(root, 'My customer is already using Microsoft 365');
  await currentStepUpdate(el);
  await fill(root, 'Domain prefix', `plain${Date.now() % 100000}`);
  await waitUntil(() => /is available/.test(text(root.querySelector('[part~="availability"]'))), 'the prefix is not available');
  await continueStep(el);

  root = await agreementRoot(el);
  // The primary contact signs unless someone else does: the fields show for someone else.
  await waitUntil(() => hasControl(root, 'Someone else signs'), 'the agreement step did not show');
  check(root, 'Someone else signs');
  await currentStepUpdate(el);
  await waitUntil(() => hasControl(root, 'First name'), 'the signatory fields did not show');
  for (const [index, value] of corpus.entries()) {
    for (const label of AGREEMENT_FIELDS) paste(root, label, value);
    await currentStepUpdate(el);
    await continueStep(el).catch(() => {});
    await assertSafe(el, `agreement fields, string ${index}`);
  }
}

/** The customer search, with each string: the results line repeats what was searched. */
export async function customerSearch(corpus: string[]): Promise<void> {
  const mock = await createTestMock({ speed: 1000 });
  const el = await mount(mock);
  await fillCart(el);
  const root = await openCustomerSearch(el);
  for (const [index, value] of corpus.entries()) {
    paste(root, 'Search your customers', value);
    // The search (and its echo) is this string's first SEARCH_MAX_LENGTH characters: waiting for
    // that echo, not any "No customer matches", makes sure the previous string's answer is not the one checked.
    const searched = value.trim().slice(0, SEARCH_MAX_LENGTH);
    const echo = `No customer matches “${normalize(searched)}”`;
    await waitUntil(() => text(root.querySelector('[part~="search-status"]')).includes(echo), `string ${index}: no "${echo.slice(0, 60)}…"`, { timeout: 4000 });
    const sent = (await mock.requests({ method: 'GET', path: '/customers' })).at(-1)!;
    expect(new URLSearchParams(sent.search).get('search'), `string ${index}: the search sent`).to.equal(searched);
    await assertSafe(el, `customer search, string ${index}`);
  }
}

// ---------------------------------------------------------------------------------------
// The backend's strings

/** Every string the checkout shows from this answer, replaced by `s` (ids, enums, dates and URLs kept). */
function rewrite(method: string, value: unknown, s: string): unknown {
  const order = (o: Order): Order => ({
    ...o,
    recipient: { ...o.recipient, companyName: s },
    tasks: o.tasks.map((t) => ({ ...t, label: s, ...(t.detail !== undefined || t.status !== 'pending' ? { detail: s } : {}) })),
    ...(o.credentials ? { credentials: { userName: s, temporaryPassword: s } } : {}),
  });
  const v = value as Record<string, never>;
  switch (method) {
    case 'getCatalog':
      return { ...v, products: (v.products as Array<Record<string, unknown>>).map((p) => ({ ...p, name: s, description: s, category: s })) };
    case 'searchCustomers':
      return { customers: (v.customers as Array<Record<string, unknown>>).map((c) => ({ ...c, companyName: s, defaultDomain: s })) };
    case 'checkDomain':
      return { ...v, suggestions: [s, ...(v.suggestions as string[])] };
    case 'lookupTenant':
      return (value as { exists: boolean }).exists ? { ...v, companyName: s } : v;
    case 'validateAddress':
      return {
        ...v,
        message: s,
        suggestions: (v.suggestions as Array<Record<string, unknown>>).map((a) => ({ ...a, line1: s, line2: s, city: s, state: s })),
      };
    case 'getAgreement':
      return { ...v, version: s };
    case 'createQuote':
      return { ...v, lines: (v.lines as Array<Record<string, unknown>>).map((l) => ({ ...l, name: s })) };
    case 'placeOrder':
    case 'getOrder':
      return order(value as Order);
    default:
      return value;
  }
}

/** The mock over HTTP, every answer rewritten with `s`; `only` limits it to some methods. */
function hostileApi(mock: TestMock, s: string, only?: string[]): CheckoutApi {
  const real = new HttpCheckoutApi({ baseUrl: mock.baseUrl, retry: 0, timeout: 4000 });
  const applies = (method: string) => !only || only.includes(method);
  // The acceptance request is made for the company the backend knows (the mock checks it
  // against the order), and comes back under the name the checkout sent, with a hostile signatory.
  let sentName: string | undefined;
  const known = (request: AcceptanceRequest): AcceptanceRequest => ({
    ...request,
    ...(request.company && sentName !== undefined ? { company: { ...request.company, name: sentName } } : {}),
    ...(request.signatory ? { signatory: { ...request.signatory, firstName: s, lastName: s } } : {}),
  });
  return new Proxy(real, {
    get(target, key, receiver) {
      const member = Reflect.get(target, key, receiver) as unknown;
      if (typeof member !== 'function') return member;
      if (key === 'createAgreementAcceptance') {
        return async (request: CreateAcceptanceRequest, options?: unknown) => {
          sentName = request.company.name;
          return known(await target.createAgreementAcceptance({ ...request, company: { ...request.company, name: 'Adatum Corporation' } }, options as never));
        };
      }
      if (key === 'getAgreementAcceptance' || key === 'regenerateAgreementAcceptanceLink') {
        return async (id: string, options?: unknown) => known(await (member as CheckoutApi['getAgreementAcceptance']).call(target, id, options as never));
      }
      if (key === 'watchAgreementAcceptance') {
        return (id: string, onSnapshot: (request: AcceptanceRequest) => void, options?: unknown) =>
          (member as CheckoutApi['watchAgreementAcceptance']).call(target, id, (r) => onSnapshot(known(r)), options as never);
      }
      if (key === 'watchOrder') {
        return (id: string, onSnapshot: (order: Order) => void, options?: unknown) =>
          (member as CheckoutApi['watchOrder']).call(target, id, (o) => onSnapshot(applies('getOrder') ? (rewrite('getOrder', o, s) as Order) : o), options as never);
      }
      return async (...args: unknown[]) => {
        const result = await (member as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        return applies(String(key)) ? rewrite(String(key), result, s) : result;
      };
    },
  }) as CheckoutApi;
}

/** An existing customer whose agreement is not on file: catalog, customers, agreement, quote, order, provisioning. */
export async function existingCustomerTour(s: string, opts: { only?: string[]; to: 'review' | 'completed'; refused?: boolean }): Promise<void> {
  const mock = await createTestMock({ speed: 1000 });
  const el = await mount(mock, hostileApi(mock, s, opts.only));
  await waitForStep(el, 'cart');
  await el.addProduct(E3, { quantity: 2 });
  await assertSafe(el, 'cart');
  await click(stepRoot(el), 'Checkout');
  await waitForStep(el, 'customer-type');
  const root = await openCustomerSearch(el);
  await fill(root, 'Search your customers', 'Adatum');
  // The mock has one Adatum (agreement not on file); earlier keystrokes list more.
  await waitUntil(() => root.querySelectorAll('[part~="customer-radio"]').length === 1, 'Adatum alone is not listed', { timeout: 4000 });
  await assertSafe(el, 'customer list');
  root.querySelector<HTMLInputElement>('[part~="customer-radio"]')!.click();
  await currentStepUpdate(el);
  await assertSafe(el, 'customer chosen');
  await continueStep(el);
  await signAgreement(el);
  await assertSafe(el, 'agreement');
  await continueStep(el);
  await reviewWithQuote(el);
  await assertSafe(el, 'review');
  if (opts.refused) {
    // The store refuses the first attempt, its problem's `detail` in the backend's words.
    await mock.inject({ method: 'POST', path: '/orders', status: 409, body: { type: 'about:blank', title: s, status: 409, code: 'refused', detail: s } });
    placeOrderButton(el).click();
    await waitUntil(() => stepRoot(el).querySelector('[part~="error"]') && el.state.submission?.inFlight === false, 'the refusal is not shown');
    await assertSafe(el, 'order refused');
    await waitUntil(() => placeOrderButton(el).getAttribute('aria-disabled') === 'false', 'Place order did not come back');
  }
  if (opts.to === 'review') return;
  placeOrderButton(el).click();
  await waitForOrderStatus(el, 'completed', 8000);
  await assertSafe(el, 'provisioning completed');
}

type NewCustomerPart = 'address check' | 'prefix suggestions' | 'registered name';

/** A new customer, the backend's strings in `parts`: the address check's suggestions, taken-prefix suggestions, the registered company name. */
export async function newCustomerTour(s: string, parts: NewCustomerPart[]): Promise<void> {
  const methods: Record<NewCustomerPart, string> = {
    'address check': 'validateAddress',
    'prefix suggestions': 'checkDomain',
    'registered name': 'lookupTenant',
  };
  const mock = await createTestMock({ speed: 1000 });
  const el = await mount(mock, hostileApi(mock, s, parts.map((part) => methods[part])));
  await fillCart(el);
  await chooseNew(el);
  const addressCheck = parts.includes('address check');
  // 99999: the mock suggests a corrected address.
  await fillCompany(el, { companyName: 'Plain Company Ltd', postalCode: addressCheck ? '99999' : '98052' });
  await continueStep(el);
  if (addressCheck) {
    const details = stepRoot(el);
    const choices = () => [...details.querySelectorAll<HTMLInputElement>('[part~="suggestion-radio"]')];
    await waitUntil(() => choices().length > 0, 'no address suggestions', { timeout: 4000 });
    await assertSafe(el, 'address suggestions');
    choices()[0]!.click();
    await currentStepUpdate(el);
    await assertSafe(el, 'address suggestion picked');
    // On with the address as entered (the last choice): the suggestion's text is no valid address.
    choices().at(-1)!.click();
    await currentStepUpdate(el);
    await continueStep(el);
  }
  const root = (await waitForStep(el, 'tenant-domain')).shadowRoot!;
  if (parts.includes('prefix suggestions')) {
    await fill(root, 'Domain prefix', 'contoso');
    await waitUntil(() => /is already taken/.test(text(root.querySelector('[part~="availability"]'))), 'contoso is not taken', { timeout: 4000 });
    await assertSafe(el, 'prefix suggestions');
  }
  if (parts.includes('registered name')) {
    check(root, 'My customer is already using Microsoft 365');
    await currentStepUpdate(el);
    await fill(root, 'Default domain', 'fabrikam.onmicrosoft.com');
    await waitUntil(() => root.querySelector('[part~="comparison"]'), 'no name comparison', { timeout: 4000 });
    await assertSafe(el, 'registered company name');
  }
}

/** Each test starts with nothing run and `alert` watched. */
export function watchForHostileRuns(): void {
  beforeEach(() => {
    clearPageStorage();
    window.__hostile = undefined;
    window.alert = () => {
      window.__hostile = 'alert';
    };
  });
}
