/**
 * Resume after a reload: `<lc-checkout>` keeps the placed order's id in `sessionStorage` from
 * the moment `POST /orders` answers, and a new `<lc-checkout>` for the same backend (what a
 * reload makes; `sessionStorage` survives it) goes straight back to that order's progress —
 * never a second order, never an empty cart or an error. Against the mock over HTTP.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { HttpCheckoutApi } from '../src/api/client.js';
import type { OrderRequest } from '../src/api/schemas.js';
import { orderStorageKey, saveOrderRef } from '../src/checkout/order-storage.js';
import type { LcCheckout } from '../src/components/checkout/checkout.js';
import {
  E3,
  chooseInternal,
  confirmedOrderId,
  continueStep,
  control,
  currentStep,
  fillAgreement,
  fillCompany,
  fillCart,
  mountCheckout,
  placeOrderButton,
  reviewWithQuote,
  text,
  waitForOrderStatus,
  waitForStep, allStorage, watchStoredCart } from './helpers/flow.js';
import { acceptedAgreementId } from './helpers/contract.js';
import { clearPageStorage, createTestMock, type TestMock } from './helpers/mock.js';

/** The scope `<lc-checkout api-base>` keeps its order under: the backend's absolute base URL, as the cart's storage key. */
const scopeOf = (mock: TestMock) => new URL(mock.baseUrl, document.baseURI).href.replace(/\/+$/, '');
const storedRef = (mock: TestMock) => sessionStorage.getItem(orderStorageKey(scopeOf(mock)));
const postedOrders = (mock: TestMock) => mock.requests({ method: 'POST', path: '/orders' });

function notice(el: LcCheckout): string {
  return text(el.shadowRoot!.querySelector('[part~="notice"]'));
}

function beforeUnloadPrevented(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

/** Records the public order events a checkout fires. */
function eventTypes(el: LcCheckout): string[] {
  const seen: string[] = [];
  for (const type of ['lc-order-placed', 'lc-provisioning-progress', 'lc-order-complete', 'lc-order-failed']) {
    el.addEventListener(type, (e) => seen.push(e.type));
  }
  return seen;
}

let counter = 0;
/** A new customer with a new tenant, placed straight through the API (new tenants get admin credentials). */
async function newTenantOrder(mock: TestMock, companyName: string): Promise<OrderRequest> {
  return {
    lines: [{ productId: E3, term: 'P1Y', billing: 'monthly', quantity: 5 }],
    recipient: {
      kind: 'new',
      company: {
        companyName,
        address: { country: 'US', line1: '1 Microsoft Way', city: 'Redmond', state: 'WA', postalCode: '98101' },
        contact: { firstName: 'Dana', lastName: 'Whitfield', email: 'dana@example.com' },
      },
      tenant: { kind: 'new', prefix: `r${Date.now() % 1_000_000}${counter++}` },
    },
    agreementAcceptanceId: await acceptedAgreementId(mock, companyName),
  };
}

describe('<lc-checkout> resume after a reload', () => {
  let cartWatch: ReturnType<typeof watchStoredCart> | undefined;

  beforeEach(() => {
    clearPageStorage();
  });
  afterEach(() => {
    cartWatch?.restore();
    cartWatch = undefined;
    clearPageStorage();
  });

  it('a reload mid-provisioning comes back to the same order; one POST /orders; afterwards a fresh, empty checkout', async () => {
    // Slow enough that the order still runs when the page "reloads".
    const mock = await createTestMock({ speed: 5 });
    cartWatch = watchStoredCart(mock);
    const first = await mountCheckout(mock);
    await fillCart(first);
    expect(cartWatch.last).to.contain(E3);
    await chooseInternal(first);
    await reviewWithQuote(first);
    placeOrderButton(first).click();
    const id = await confirmedOrderId(first);

    // Kept from the moment POST /orders answered: the order id, the key it was placed with and the recipient kind, nothing else.
    const ref = JSON.parse(storedRef(mock) ?? 'null') as Record<string, string> | null;
    expect(ref).to.not.equal(null);
    expect(Object.keys(ref!).sort()).to.deep.equal(['idempotencyKey', 'orderId', 'recipientKind']);
    expect(ref!.orderId).to.equal(id);
    const [posted] = await postedOrders(mock);
    expect(ref!.idempotencyKey).to.equal(posted!.headers['idempotency-key']);
    expect(first.provisioningActive).to.equal(true);

    // The reload: this element goes, a new one for the same backend comes; sessionStorage stays.
    first.remove();
    expect(beforeUnloadPrevented()).to.equal(false);
    // A reload keeps the stored cart; put it back in case a test in another tab cleared localStorage meanwhile.
    cartWatch.putBack();
    const second = await mountCheckout(mock);
    const events = eventTypes(second);
    // Straight to the order, not the cart.
    expect(second.step).to.equal('provisioning');
    expect(currentStep(second).localName).to.equal('lc-provisioning');
    expect(second.state.orderId).to.equal(id);
    expect(await confirmedOrderId(second)).to.equal(id);
    // The cart (hidden) came back from storage as it was; it is emptied only once the order completes.
    const cartElement = second.shadowRoot!.querySelector('lc-cart')!;
    expect(cartElement.lines.map((line) => line.productId)).to.deep.equal([E3]);
    // Running again: the guard is back.
    await waitUntil(() => second.provisioningActive, 'the resumed order did not hold the page');
    expect(beforeUnloadPrevented()).to.equal(true);

    await waitForOrderStatus(second, 'completed', 6000);
    expect(second.provisioningActive).to.equal(false);
    expect(beforeUnloadPrevented()).to.equal(false);
    expect(events).to.include('lc-order-complete');
    expect(events).to.not.include('lc-order-placed');
    // One order, however often the page was loaded.
    expect(await postedOrders(mock)).to.have.length(1);
    // Done: nothing to resume, and the cart (stored in localStorage) is empty.
    expect(storedRef(mock)).to.equal(null);
    await waitUntil(() => cartWatch!.last === null, 'the stored cart was not emptied');
    expect(cartElement.lines).to.deep.equal([]);

    second.remove();
    const third = await mountCheckout(mock);
    const cart = await waitForStep(third, 'cart');
    await waitUntil(() => cart.shadowRoot!.querySelector('[part~="empty"]'), 'the cart came back with lines');
    expect(third.state.orderId).to.equal(undefined);
    expect(third.state.lines).to.deep.equal([]);
    expect(await postedOrders(mock)).to.have.length(1);
  }).timeout(15000);

  it('a reload while POST /orders is in flight sends it again with the same key: the same order after the reload, one order at the mock', async () => {
    const mock = await createTestMock({ speed: 5 });
    cartWatch = watchStoredCart(mock);
    const first = await mountCheckout(mock);
    await fillCart(first);
    await chooseInternal(first);
    await reviewWithQuote(first);
    // The answer takes long enough for the page to go first.
    await mock.inject({ method: 'POST', path: '/orders', delayMs: 1500 });
    let placedBefore: string | undefined;
    first.addEventListener('lc-order-placed', (event) => (placedBefore = event.orderId));
    placeOrderButton(first).click();
    await waitUntil(() => first.provisioningActive, 'the placement did not start');
    // Kept before it left: the request and its key, nothing else (no order id yet).
    const pending = JSON.parse(storedRef(mock) ?? 'null') as Record<string, unknown> | null;
    expect(pending).to.not.equal(null);
    expect(Object.keys(pending!).sort()).to.deep.equal(['idempotencyKey', 'request']);
    let posted = await postedOrders(mock);
    for (let i = 0; posted.length === 0 && i < 50; i++) posted = await postedOrders(mock);
    expect(posted).to.have.length(1);
    expect(pending!.idempotencyKey).to.equal(posted[0]!.headers['idempotency-key']);
    expect(pending!.request).to.deep.equal(posted[0]!.body);

    // The reload, with the answer still on its way.
    first.remove();
    cartWatch.putBack();
    const second = await mountCheckout(mock);
    // Not a fresh cart: the same order being sent again, the page held meanwhile.
    expect(second.step).to.not.equal('cart');
    const id = await confirmedOrderId(second);
    expect(second.state.orderId).to.equal(id);
    await waitForOrderStatus(second, 'completed', 8000);

    // The first page's request answered too (a real reload would have dropped it): the same order.
    await waitUntil(() => placedBefore !== undefined, 'the first request never answered', { timeout: 4000 });
    expect(placedBefore).to.equal(id);
    posted = await postedOrders(mock);
    expect(posted).to.have.length(2);
    expect(new Set(posted.map((p) => p.headers['idempotency-key'])).size).to.equal(1);
    expect(posted[1]!.body).to.deep.equal(posted[0]!.body);
    // Done: nothing left to send or resume.
    expect(storedRef(mock)).to.equal(null);
  }).timeout(20000);

  it('a reload after POST /orders was refused sends nothing again', async () => {
    const mock = await createTestMock({ speed: 1000 });
    cartWatch = watchStoredCart(mock);
    const first = await mountCheckout(mock);
    await fillCart(first);
    await chooseInternal(first);
    await reviewWithQuote(first);
    await mock.inject({ method: 'POST', path: '/orders', status: 409, body: { type: 'about:blank', title: 'Conflict', status: 409, code: 'conflict' } });
    placeOrderButton(first).click();
    await waitUntil(() => !first.provisioningActive && first.step === 'review' && !placeOrderButton(first).disabled, 'the refusal did not come back to the review');
    expect(storedRef(mock)).to.equal(null);
    first.remove();
    cartWatch.putBack();
    const second = await mountCheckout(mock);
    await reviewWithQuote(second);
    expect(second.provisioningActive).to.equal(false);
    expect(await postedOrders(mock)).to.have.length(1);
  });

  it('a resumed new-tenant order shows the credentials once, never in storage or state', async () => {
    const mock = await createTestMock({ speed: 1000 });
    const order = await new HttpCheckoutApi({ baseUrl: mock.baseUrl, retry: 0 }).placeOrder(await newTenantOrder(mock, 'Northwind Traders'));
    saveOrderRef(scopeOf(mock), { orderId: order.id });
    const el = await mountCheckout(mock);
    const shown = await waitForOrderStatus(el, 'completed');
    const password = shown.order!.credentials!.temporaryPassword;
    expect(text(shown.shadowRoot!.querySelector('[part~="password"]'))).to.equal(password);
    expect(allStorage()).to.not.contain(password);
    expect(JSON.stringify(el.state)).to.not.contain(password);
    expect(storedRef(mock)).to.equal(null);
    expect(await postedOrders(mock)).to.have.length(1);
  });

  it('a resumed order that waits on Microsoft (Review) shows it waiting, without holding the page', async () => {
    const mock = await createTestMock({ speed: 1000 });
    const order = await new HttpCheckoutApi({ baseUrl: mock.baseUrl, retry: 0 }).placeOrder(await newTenantOrder(mock, 'Review Northwind'));
    saveOrderRef(scopeOf(mock), { orderId: order.id });
    const el = await mountCheckout(mock);
    const shown = await waitForOrderStatus(el, 'waiting');
    expect(text(shown.shadowRoot!.querySelector('[part~="outcome"]'))).to.contain('You can close this page safely');
    expect(el.provisioningActive).to.equal(false);
    expect(beforeUnloadPrevented()).to.equal(false);
    // Still the order to come back to.
    expect(JSON.parse(storedRef(mock)!)).to.deep.equal({ orderId: order.id });
  });

  it('a resumed failed order: Try again rebuilds its recipient from the order, and the missing details entered, places it', async () => {
    const mock = await createTestMock({ speed: 1000 });
    const request = await newTenantOrder(mock, 'Fail Northwind');
    const order = await new HttpCheckoutApi({ baseUrl: mock.baseUrl, retry: 0 }).placeOrder(request);
    saveOrderRef(scopeOf(mock), { orderId: order.id, recipientKind: 'new' });
    const el = await mountCheckout(mock);
    const shown = await waitForOrderStatus(el, 'failed');
    // A reload shows what failed until the user moves on.
    expect(storedRef(mock)).to.not.equal(null);
    const retry = [...shown.shadowRoot!.querySelectorAll('button')].find((b) => text(b) === 'Try again')!;
    retry.click();
    // The address and contact are not in the order's snapshot: the details step asks for them, the name kept.
    const details = (await waitForStep(el, 'customer-details')).shadowRoot!;
    expect(control(details, 'Company name').value).to.equal('Fail Northwind');
    expect(storedRef(mock)).to.equal(null);
    expect(el.state.lines).to.have.length(1);
    expect(el.state.lines[0]).to.include({ productId: E3, quantity: 5 });
    await fillCompany(el, { companyName: 'Fail Northwind' });
    await continueStep(el);
    // The failed order created the tenant: the retry names it, and the lookup finds it under the same name.
    const tenant = (await waitForStep(el, 'tenant-domain')).shadowRoot!;
    const domain = `${(request.recipient as { tenant: { prefix: string } }).tenant.prefix}.onmicrosoft.com`;
    expect(control(tenant, /default domain/i).value).to.equal(domain);
    await waitUntil(() => el.state.tenant.lookup?.domain === domain, 'the tenant was not looked up', { timeout: 4000 });
    await continueStep(el);
    await fillAgreement(el);
    await reviewWithQuote(el);
    placeOrderButton(el).click();
    const placedId = await confirmedOrderId(el);
    expect(placedId).to.not.equal(order.id);
    expect(await postedOrders(mock)).to.have.length(2);
    await waitUntil(() => el.state.order && el.state.order.status !== 'failed' && el.state.order.progress > 0, 'the new order did not progress', { timeout: 4000 });
    expect(el.state.order!.recipient).to.deep.include({ kind: 'new', companyName: 'Fail Northwind', domain });
  });

  it('a failed order resumed when the backend changes mid-checkout: Try again is for that order’s customer, not the recipient being entered', async () => {
    const first = await createTestMock({ speed: 1000 });
    const second = await createTestMock({ speed: 1000 });
    const order = await new HttpCheckoutApi({ baseUrl: second.baseUrl, retry: 0 }).placeOrder(await newTenantOrder(second, 'Fail Northwind'));
    saveOrderRef(scopeOf(second), { orderId: order.id, recipientKind: 'new' });
    const el = await mountCheckout(first);
    await fillCart(el);
    await chooseInternal(el);
    await reviewWithQuote(el);
    // The page points the checkout at the other backend: its stored order comes back.
    el.apiBase = second.baseUrl;
    const shown = await waitForOrderStatus(el, 'failed');
    expect(el.state.recipientKind).to.equal(undefined);
    [...shown.shadowRoot!.querySelectorAll('button')].find((b) => text(b) === 'Try again')!.click();
    // Not the internal review that was on screen: that would order Fail Northwind's licences for the reseller.
    const details = (await waitForStep(el, 'customer-details')).shadowRoot!;
    expect(control(details, 'Company name').value).to.equal('Fail Northwind');
    expect(el.state.recipientKind).to.equal('new');
    expect(await postedOrders(first)).to.have.length(0);
  });

  it('a stored order the backend does not know is dropped with a clear message; the cart shows and works', async () => {
    const mock = await createTestMock({ speed: 1000 });
    saveOrderRef(scopeOf(mock), { orderId: 'ord_00000gone', idempotencyKey: '3b0f0c2e-8f7e-4c1e-9a57-0d7c1c1f2a10' });
    const el = await mountCheckout(mock);
    await waitUntil(() => /not known to the store/.test(notice(el)), 'no message about the unknown order', { timeout: 4000 });
    expect(notice(el)).to.contain('ord_00000gone');
    expect(el.shadowRoot!.querySelector('[part~="notice"]')!.getAttribute('role')).to.equal('alert');
    await waitForStep(el, 'cart');
    expect(el.state.orderId).to.equal(undefined);
    expect(el.provisioningActive).to.equal(false);
    expect(storedRef(mock)).to.equal(null);
    await expect(el).to.be.accessible();
    // A fresh checkout from here.
    await fillCart(el);
    expect(el.step).to.equal('customer-type');
    expect(await postedOrders(mock)).to.have.length(0);
  });

  it('an order stored for another backend is neither resumed nor touched', async () => {
    const mock = await createTestMock({ speed: 1000 });
    saveOrderRef('http://elsewhere.example/api', { orderId: 'ord_elsewhere' });
    const el = await mountCheckout(mock);
    await waitForStep(el, 'cart');
    expect(el.state.orderId).to.equal(undefined);
    expect(sessionStorage.getItem(orderStorageKey('http://elsewhere.example/api'))).to.equal(JSON.stringify({ orderId: 'ord_elsewhere' }));
    expect((await mock.requests()).filter((r) => r.path.startsWith('/orders'))).to.deep.equal([]);
  });
});
