/**
 * OrderFollower against the mock backend over real HTTP: the SSE path, the polling fallback,
 * offline and back, connection errors that are never order failures, unknown orders, and
 * no traffic after the terminal state or on disconnect (counted from the mock's records).
 */
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ReactiveElement } from 'lit';
import { HttpCheckoutApi } from '../src/api/client.js';
import { isContractError, isNetworkError, isApiError } from '../src/api/errors.js';
import type { Order, OrderRequest } from '../src/api/schemas.js';
import { OrderFollower, snapshotEvents, type ConnectionState, type PollDelays } from '../src/checkout/order-follower.js';
import { LcOrderCompleteEvent } from '../src/events/order-complete.js';
import { LcOrderFailedEvent } from '../src/events/order-failed.js';
import { LcProvisioningProgressEvent } from '../src/events/provisioning-progress.js';
import { createTestMock, type TestMock } from './helpers/mock.js';

class FollowerHost extends ReactiveElement {}
customElements.define('follower-test-host', FollowerHost);

const E3 = 'cfq7ttc0lfld-0001';
const BASIC = 'cfq7ttc0lh18-0001';
const FAST: PollDelays = { initial: 15, factor: 1.5, max: 60, jitter: 0.2 };

function newTenantOrder(companyName: string, prefix: string): OrderRequest {
  return {
    lines: [
      { productId: E3, term: 'P1Y', billing: 'monthly', quantity: 25 },
      { productId: BASIC, term: 'P1M', billing: 'monthly', quantity: 3 },
    ],
    recipient: {
      kind: 'new',
      company: {
        companyName,
        address: { country: 'US', line1: '1 Microsoft Way', city: 'Redmond', state: 'WA', postalCode: '98101' },
        contact: { firstName: 'Dana', lastName: 'Whitfield', email: 'dana@example.com' },
      },
      tenant: { kind: 'new', prefix },
    },
    agreement: {
      templateId: '117a15a0-5a13-4e8d-b9c6-3b1c6c0e5b2f',
      firstName: 'Dana',
      lastName: 'Whitfield',
      email: 'dana@example.com',
      dateAccepted: '2026-01-05',
    },
  };
}

let prefixes = 0;
const prefix = (name: string) => `${name}${Date.now() % 100000}${prefixes++}`;

interface Harness {
  follower: OrderFollower;
  snapshots: Order[];
  connections: ConnectionState[];
  notFound: string[];
  errors: unknown[];
  last(): Order | undefined;
}

function harness(host: FollowerHost, mock: TestMock): Harness {
  // retry: 0 so an injected fault reaches the follower at once instead of ky's own retries.
  const api = new HttpCheckoutApi({ baseUrl: mock.baseUrl, retry: 0 });
  const snapshots: Order[] = [];
  const connections: ConnectionState[] = [];
  const notFound: string[] = [];
  const errors: unknown[] = [];
  const follower = new OrderFollower(host, {
    api: () => api,
    onSnapshot: (order) => snapshots.push(order),
    onConnectionChange: (state) => connections.push(state),
    onNotFound: (id) => notFound.push(id),
    onError: (error) => errors.push(error),
    pollDelays: FAST,
    random: () => 0.5,
  });
  return { follower, snapshots, connections, notFound, errors, last: () => snapshots.at(-1) };
}

async function place(mock: TestMock, companyName: string): Promise<Order> {
  return new HttpCheckoutApi({ baseUrl: mock.baseUrl }).placeOrder(newTenantOrder(companyName, prefix('t')));
}

const terminal = (order: Order | undefined) => order?.status === 'completed' || order?.status === 'failed';

function setOnLine(value: boolean | undefined): void {
  if (value === undefined) delete (navigator as { onLine?: boolean }).onLine;
  else Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => value });
}

describe('OrderFollower', () => {
  let host: FollowerHost;

  beforeEach(async () => {
    host = await fixture<FollowerHost>(html`<follower-test-host></follower-test-host>`);
  });
  afterEach(() => setOnLine(undefined));

  it('follows an order over one event stream, never polls, and stops at the terminal state', async () => {
    const mock = await createTestMock({ speed: 1000 });
    const order = await place(mock, 'Northwind Traders');
    const h = harness(host, mock);
    h.follower.follow(order.id);
    await waitUntil(() => terminal(h.last()), 'the order did not finish', { timeout: 5000 });
    expect(h.last()!.status).to.equal('completed');
    expect(h.follower.following).to.equal(false);
    expect(h.connections, 'live from the start: no change reported').to.deep.equal([]);
    expect(h.follower.connection).to.equal('live');
    expect(h.errors).to.have.length(0);
    const count = async () => ({
      events: (await mock.requests({ method: 'GET', path: `/orders/${order.id}/events` })).length,
      gets: (await mock.requests({ method: 'GET', path: `/orders/${order.id}` })).length,
      all: (await mock.requests()).length,
    });
    const atEnd = await count();
    expect(atEnd.events).to.equal(1);
    expect(atEnd.gets).to.equal(0);
    await aTimeout(300);
    expect(await count()).to.deep.equal(atEnd);
    // Every task was seen to progress: the stream delivered more than the final state.
    expect(h.snapshots.length).to.be.greaterThan(1);
  });

  it('falls back to polling when the backend has no events endpoint, and stops polling at the end', async () => {
    const mock = await createTestMock({ speed: 1000, sse: false });
    const order = await place(mock, 'Northwind Slow Traders');
    const h = harness(host, mock);
    h.follower.follow(order.id);
    await waitUntil(() => h.follower.connection === 'polling', 'did not poll');
    await waitUntil(() => terminal(h.last()), 'the order did not finish', { timeout: 5000 });
    expect(h.last()!.status).to.equal('completed');
    expect(h.errors, 'a missing events endpoint is no error').to.have.length(0);
    expect(h.connections).to.deep.equal(['polling']);
    const events = await mock.requests({ path: `/orders/${order.id}/events` });
    expect(events).to.have.length(1);
    const gets = (await mock.requests({ method: 'GET', path: `/orders/${order.id}` })).length;
    expect(gets).to.be.greaterThan(2);
    const all = (await mock.requests()).length;
    await aTimeout(FAST.max! * 4);
    expect((await mock.requests()).length).to.equal(all);
  });

  it('polls no faster than the backoff allows, and slowly while the order only waits', async () => {
    const mock = await createTestMock({ speed: 1000, sse: false });
    const order = await place(mock, 'Review Corp');
    const h = harness(host, mock);
    h.follower.follow(order.id);
    await waitUntil(() => h.last()?.status === 'waiting', 'never waiting', { timeout: 5000 });
    const before = (await mock.requests({ path: `/orders/${order.id}` })).length;
    await aTimeout(300);
    const during = (await mock.requests({ path: `/orders/${order.id}` })).length - before;
    // At most one poll per `max` (60 ms) while waiting: about 5 in 300 ms, never a tight loop.
    expect(during).to.be.within(2, 7);
    expect(h.follower.following, 'a waiting order is still followed').to.equal(true);
    h.follower.stop();
    const stopped = (await mock.requests()).length;
    await aTimeout(150);
    expect((await mock.requests()).length).to.equal(stopped);
  });

  it('pauses while the browser is offline and resumes at once when it is back', async () => {
    const mock = await createTestMock({ speed: 1000, sse: false });
    const order = await place(mock, 'Slow Offline Ltd');
    const h = harness(host, mock);
    h.follower.follow(order.id);
    await waitUntil(() => h.snapshots.length > 0, 'no snapshot');
    setOnLine(false);
    window.dispatchEvent(new Event('offline'));
    expect(h.follower.connection).to.equal('offline');
    await aTimeout(20);
    const paused = (await mock.requests()).length;
    await aTimeout(250);
    expect((await mock.requests()).length, 'no request while offline').to.equal(paused);
    setOnLine(true);
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => h.follower.connection === 'polling', 'did not resume');
    await waitUntil(() => terminal(h.last()), 'the order did not finish', { timeout: 5000 });
    expect(h.last()!.status).to.equal('completed');
    expect(h.connections).to.deep.equal(['polling', 'offline', 'polling']);
  });

  it('treats 503s, lost connections and nonsense answers as connection problems, retries, and never fails the order', async () => {
    const mock = await createTestMock({ speed: 1000, sse: false });
    const order = await place(mock, 'Slow Flaky Ltd');
    const path = `/orders/${order.id}`;
    await mock.inject({ method: 'GET', path, status: 503, times: 2 });
    await mock.inject({ method: 'GET', path, networkError: true, times: 1 });
    await mock.inject({ method: 'GET', path, status: 200, body: { id: order.id, status: 'exploded' }, times: 1 });
    const h = harness(host, mock);
    h.follower.follow(order.id);
    await waitUntil(() => terminal(h.last()), 'the order did not finish', { timeout: 5000 });
    expect(h.last()!.status).to.equal('completed');
    expect(h.snapshots.every((s) => s.status !== 'failed')).to.equal(true);
    expect(h.connections[0]).to.equal('reconnecting');
    expect(h.connections.at(-1)).to.equal('polling');
    expect(h.errors.some((e) => isApiError(e) && e.status === 503)).to.equal(true);
    expect(h.errors.some((e) => isNetworkError(e))).to.equal(true);
    expect(h.errors.some((e) => isContractError(e))).to.equal(true);
    expect(h.notFound).to.have.length(0);
  });

  it('reconnects a broken event stream without ever holding two open', async () => {
    const mock = await createTestMock({ speed: 1000 });
    const order = await place(mock, 'Slow Stream Ltd');
    await mock.inject({ method: 'GET', path: `/orders/${order.id}/events`, networkError: true, times: 1 });
    await mock.inject({ method: 'GET', path: `/orders/${order.id}/events`, status: 502, times: 1 });
    const h = harness(host, mock);
    h.follower.follow(order.id);
    await waitUntil(() => terminal(h.last()), 'the order did not finish', { timeout: 5000 });
    expect(h.last()!.status).to.equal('completed');
    expect(h.connections).to.deep.equal(['reconnecting', 'live']);
    expect(h.errors).to.have.length(2);
    // Two failed attempts and one stream that delivered; requests came one after another.
    expect(await mock.requests({ path: `/orders/${order.id}/events` })).to.have.length(3);
  });

  it('reports an order the backend does not know, and stops', async () => {
    const mock = await createTestMock({ speed: 1000 });
    const h = harness(host, mock);
    h.follower.follow('ord_unknown');
    await waitUntil(() => h.notFound.length > 0, 'not reported');
    expect(h.notFound).to.deep.equal(['ord_unknown']);
    expect(h.snapshots).to.have.length(0);
    expect(h.follower.following).to.equal(false);
    const count = (await mock.requests()).length;
    await aTimeout(150);
    expect((await mock.requests()).length).to.equal(count);
  });

  it('aborts on disconnect and resumes when the host is connected again', async () => {
    const mock = await createTestMock({ speed: 1000, sse: false });
    const order = await place(mock, 'Slow Moving Ltd');
    const h = harness(host, mock);
    h.follower.follow(order.id);
    await waitUntil(() => h.snapshots.length > 0, 'no snapshot');
    const parent = host.parentNode!;
    host.remove();
    await aTimeout(20);
    const gone = (await mock.requests()).length;
    await aTimeout(200);
    expect((await mock.requests()).length, 'no request while disconnected').to.equal(gone);
    parent.appendChild(host);
    await waitUntil(() => terminal(h.last()), 'did not resume', { timeout: 5000 });
    expect(h.last()!.status).to.equal('completed');
  });

  it('snapshotEvents: progress on change, complete or failed once, never credentials', async () => {
    const mock = await createTestMock({ speed: 1000 });
    const order = await place(mock, 'Northwind Traders');
    const api = new HttpCheckoutApi({ baseUrl: mock.baseUrl });
    let done = await api.getOrder(order.id);
    while (done.status !== 'completed') done = await api.getOrder(order.id);
    expect(done.credentials, 'the mock returns credentials').to.exist;
    const first = snapshotEvents(undefined, order);
    expect(first.map((e) => e.type)).to.deep.equal(['lc-provisioning-progress']);
    const events = snapshotEvents(order, done);
    expect(events.map((e) => e.type)).to.deep.equal(['lc-provisioning-progress', 'lc-order-complete']);
    const [progress, complete] = events as [LcProvisioningProgressEvent, LcOrderCompleteEvent];
    expect(progress.orderId).to.equal(order.id);
    expect(progress.progress).to.equal(1);
    expect(progress.status).to.equal('completed');
    expect(progress.bubbles && progress.composed).to.equal(true);
    expect(complete.order.id).to.equal(order.id);
    const password = done.credentials!.temporaryPassword;
    for (const event of events) {
      expect(JSON.stringify({ ...event, detail: Object.entries(event) })).not.to.contain(password);
      expect('credentials' in ((event as LcOrderCompleteEvent).order ?? {})).to.equal(false);
    }
    expect(snapshotEvents(done, done), 'nothing changed: nothing fired').to.have.length(0);
    const failed = { ...done, status: 'failed', retryable: true, tasks: done.tasks.map((t, i) => (i === 1 ? { ...t, status: 'failed' as const } : t)) } as Order;
    const failedEvents = snapshotEvents(order, failed);
    const failure = failedEvents.find((e): e is LcOrderFailedEvent => e instanceof LcOrderFailedEvent)!;
    expect(failure.task!.id).to.equal(done.tasks[1]!.id);
    expect(failure.retryable).to.equal(true);
  });
});
