/**
 * Options set after the element exists (issue 15 item 2): nothing leaves before the host
 * page's own synchronous setup ran, and a later `apiOptions` replaces the client: what the
 * old one had in flight (the catalog, a placement, the order's follower) is abandoned and
 * asked again with the new one. Asserted on the headers the mock received, over HTTP.
 */
import { expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import type { CheckoutApiOptions, LcCheckout } from '../src/components/checkout/checkout.js';
import { saveOrderRef } from '../src/checkout/order-storage.js';
import { HttpCheckoutApi } from '../src/api/client.js';
import { E3, chooseInternal, confirmedOrderId, fillCart, mountCheckout, placeOrderButton, reviewWithQuote, waitForOrderStatus, waitForStep } from './helpers/flow.js';
import { createTestMock, type RecordedRequest, type TestMock } from './helpers/mock.js';

const scopeOf = (mock: TestMock) => new URL(mock.baseUrl, document.baseURI).href.replace(/\/+$/, '');
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Waits until the mock recorded `count` requests matching `filter`; returns them all. */
async function requestsUntil(mock: TestMock, filter: { method?: string; path?: string }, count: number): Promise<RecordedRequest[]> {
  let seen: RecordedRequest[] = [];
  await waitUntil(
    async () => {
      seen = await mock.requests(filter);
      return seen.length >= count;
    },
    `fewer than ${count} ${filter.method ?? ''} ${filter.path ?? ''} requests`,
    { timeout: 4000 },
  );
  return seen;
}

function catalogShown(el: LcCheckout): boolean {
  return Boolean(el.state.catalog) && Boolean(el.shadowRoot!.querySelector('lc-cart')?.catalog);
}

describe('<lc-checkout> options set after insertion', () => {
  const errors: Event[] = [];
  const onError = (event: Event) => errors.push(event);

  beforeEach(() => {
    sessionStorage.clear();
    errors.length = 0;
    document.addEventListener('lc-error', onError);
  });
  afterEach(() => {
    document.removeEventListener('lc-error', onError);
    fixtureCleanup();
    document.querySelectorAll('lc-checkout').forEach((el) => el.remove());
    sessionStorage.clear();
  });

  it('set in the same task after insertion: the very first request carries them', async () => {
    const mock = await createTestMock({ speed: 1000 });
    // What a host page's script does after loading the library and writing the tag.
    const el = document.createElement('lc-checkout');
    el.setAttribute('api-base', mock.baseUrl);
    document.body.append(el);
    el.apiOptions = { headers: { 'x-store': 'same-task' }, getAccessToken: () => 'token-1', retry: 0 };
    await waitUntil(() => catalogShown(el), 'the catalog did not load');
    const all = await mock.requests();
    expect(all.length).to.be.greaterThan(0);
    for (const request of all) {
      expect(request.headers['x-store'], request.path).to.equal('same-task');
      expect(request.headers.authorization, request.path).to.equal('Bearer token-1');
    }
  });

  it('set in a later task while the catalog is in flight: it is asked again with them and shown, no error', async () => {
    const mock = await createTestMock({ speed: 1000 });
    await mock.inject({ method: 'GET', path: '/catalog', delayMs: 1500 });
    const el = document.createElement('lc-checkout');
    el.setAttribute('api-base', mock.baseUrl);
    el.apiOptions = { headers: { 'x-store': 'early' }, retry: 0 };
    document.body.append(el);
    const [early] = await requestsUntil(mock, { method: 'GET', path: '/catalog' }, 1);
    expect(early!.headers['x-store']).to.equal('early');
    await nextTask();
    el.apiOptions = { headers: { 'x-store': 'late' }, getAccessToken: () => 'token-late', retry: 0 };
    const catalogs = await requestsUntil(mock, { method: 'GET', path: '/catalog' }, 2);
    expect(catalogs[1]!.headers['x-store']).to.equal('late');
    expect(catalogs[1]!.headers.authorization).to.equal('Bearer token-late');
    // Shown well before the first, delayed answer would have come.
    await waitUntil(() => catalogShown(el), 'the catalog did not load', { timeout: 1000 });
    expect(errors).to.deep.equal([]);
    // And every request after it goes with the new options.
    await el.addProduct(E3, { quantity: 2 });
    await fillCart(el, []);
    await chooseInternal(el);
    await reviewWithQuote(el);
    const [quote] = await mock.requests({ method: 'POST', path: '/quotes' });
    expect(quote!.headers['x-store']).to.equal('late');
  });

  it('getAccessToken set late is used by the very next request (a new options object, or set on the same one)', async () => {
    const mock = await createTestMock({ speed: 1000 });
    const options: CheckoutApiOptions = { retry: 0 };
    const el = await mountCheckout(mock, options);
    await waitUntil(() => catalogShown(el), 'the catalog did not load');
    const [first] = await mock.requests({ path: '/catalog' });
    expect(first!.headers.authorization).to.equal(undefined);

    // On the same object: the next call reads it.
    options.getAccessToken = () => 'token-mutated';
    await fillCart(el);
    await chooseInternal(el);
    await reviewWithQuote(el);
    const [quote] = await mock.requests({ method: 'POST', path: '/quotes' });
    expect(quote!.headers.authorization).to.equal('Bearer token-mutated');

    // A new object: a new client, used at once.
    el.apiOptions = { retry: 0, getAccessToken: async () => 'token-replaced' };
    placeOrderButton(el).click();
    await confirmedOrderId(el);
    const [order] = await mock.requests({ method: 'POST', path: '/orders' });
    expect(order!.headers.authorization).to.equal('Bearer token-replaced');
  });

  it('a placement in flight when the options change goes again with the new client, same key: one order', async () => {
    const mock = await createTestMock({ speed: 1000 });
    const el = await mountCheckout(mock, { retry: 0, headers: { 'x-store': 'old' } });
    await fillCart(el);
    await chooseInternal(el);
    await reviewWithQuote(el);
    await mock.inject({ method: 'POST', path: '/orders', delayMs: 1500 });
    let placed = 0;
    el.addEventListener('lc-order-placed', () => placed++);
    placeOrderButton(el).click();
    await requestsUntil(mock, { method: 'POST', path: '/orders' }, 1);
    el.apiOptions = { retry: 0, headers: { 'x-store': 'new' } };
    const posted = await requestsUntil(mock, { method: 'POST', path: '/orders' }, 2);
    expect(posted[1]!.headers['x-store']).to.equal('new');
    expect(posted[1]!.headers['idempotency-key']).to.equal(posted[0]!.headers['idempotency-key']);
    await waitForOrderStatus(el, 'completed');
    expect(placed).to.equal(1);
    expect(errors).to.deep.equal([]);
  });

  it('the order follower of a resumed order is restarted with the new client', async () => {
    const mock = await createTestMock({ speed: 3 });
    const order = await new HttpCheckoutApi({ baseUrl: mock.baseUrl, retry: 0 }).placeOrder({
      lines: [{ productId: E3, term: 'P1Y', billing: 'monthly', quantity: 1 }],
      recipient: { kind: 'internal' },
    });
    saveOrderRef(scopeOf(mock), { orderId: order.id });
    const el = await mountCheckout(mock, { retry: 0, headers: { 'x-store': 'old' }, timeout: 30_000 });
    await waitForStep(el, 'provisioning');
    const eventsPath = `/orders/${order.id}/events`;
    await requestsUntil(mock, { path: eventsPath }, 1);
    el.apiOptions = { retry: 0, headers: { 'x-store': 'new' }, timeout: 30_000 };
    const streams = await requestsUntil(mock, { path: eventsPath }, 2);
    expect(streams[0]!.headers['x-store']).to.equal('old');
    expect(streams.at(-1)!.headers['x-store']).to.equal('new');
    await waitForOrderStatus(el, 'completed', 8000);
    // Nothing after the switch went with the old options.
    const after = (await mock.requests()).filter((r) => r.at >= streams[1]!.at);
    expect(after.every((r) => r.headers['x-store'] === 'new')).to.equal(true);
    expect(errors).to.deep.equal([]);
  }).timeout(15000);
});
