/**
 * OrderFollower against the mock backend over real HTTP: the SSE path, the polling fallback,
 * offline and back, connection errors that are never order failures, unknown orders, and
 * no traffic after the terminal state or on disconnect (counted from the mock's records).
 */
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ReactiveElement } from 'lit';
import type { CheckoutApi } from '../src/api/api.js';
import { HttpCheckoutApi } from '../src/api/client.js';
import { ApiError, isContractError, isNetworkError, isApiError } from '../src/api/errors.js';
import type { Order, OrderRequest, ProvisioningTask, TaskStatus } from '../src/api/schemas.js';
import { OrderFollower, PollPolicy, snapshotEvents, type ConnectionState, type PollDelays } from '../src/checkout/order-follower.js';
import { LcOrderCompleteEvent } from '../src/events/order-complete.js';
import { LcOrderFailedEvent } from '../src/events/order-failed.js';
import { LcProvisioningProgressEvent } from '../src/events/provisioning-progress.js';
import { acceptedAgreementId } from './helpers/contract.js';
import { createTestMock, type TestMock } from './helpers/mock.js';

class FollowerHost extends ReactiveElement {}
customElements.define('follower-test-host', FollowerHost);

const E3 = 'cfq7ttc0lfld-0001';
const BASIC = 'cfq7ttc0lh18-0001';
const FAST: PollDelays = { initial: 15, factor: 1.5, max: 60, jitter: 0.2 };

/** A new customer's order; the customer accepted the agreement on the mock's page. */
async function newTenantOrder(mock: TestMock, companyName: string, prefix: string): Promise<OrderRequest> {
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
    agreementAcceptanceId: await acceptedAgreementId(mock, companyName),
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
  // retry: 0 so an injected fault reaches the follower at once instead of the client's own retries.
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
  return new HttpCheckoutApi({ baseUrl: mock.baseUrl }).placeOrder(await newTenantOrder(mock, companyName, prefix('t')));
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
    // Slow: long enough that the stream starts before the end on a loaded machine.
    const order = await place(mock, 'Northwind Slow Traders');
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

// ---------------------------------------------------------------------------------------
// The polling policy, with scripted snapshots and an injected clock (no backend, no timers).

const DEFAULTS: Required<PollDelays> = { initial: 2000, factor: 1.5, max: 15_000, jitter: 0.2 };
const T0 = Date.parse('2026-03-02T10:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

interface TaskSpec {
  status: TaskStatus;
  /** ms since T0 */
  startedAt?: number;
  estimatedSeconds?: number;
}

/** A snapshot of a scripted order: one task per spec; `at` (ms since T0) moves the timestamps. */
function snapshot(tasks: TaskSpec[], progress: number, at = 0, status?: Order['status']): Order {
  const list: ProvisioningTask[] = tasks.map((t, i) => ({
    id: `task-${i + 1}`,
    kind: 'create-subscription',
    label: `Task ${i + 1}`,
    status: t.status,
    ...(t.startedAt !== undefined ? { startedAt: iso(T0 + t.startedAt) } : {}),
    ...(t.estimatedSeconds !== undefined ? { estimatedSeconds: t.estimatedSeconds } : {}),
  }));
  const derived = list.every((t) => t.status === 'succeeded')
    ? 'completed'
    : list.some((t) => t.status === 'failed')
      ? 'failed'
      : list.some((t) => t.status === 'running') || list.every((t) => t.status === 'pending' || t.status === 'succeeded')
        ? 'provisioning'
        : 'waiting';
  return {
    id: 'ord_scripted',
    status: status ?? derived,
    createdAt: iso(T0),
    updatedAt: iso(T0 + at),
    recipient: { kind: 'new', companyName: 'Scripted Ltd' },
    currency: 'USD',
    lines: [],
    firstInvoiceTotal: 0,
    tasks: list,
    progress,
  };
}

/** Two tasks; the first runs (no estimate), progress moves by `step` per poll. */
const onlyProgress = (n: number, step = 0.01) =>
  Array.from({ length: n }, (_, i) => snapshot([{ status: 'running', startedAt: 0 }, { status: 'pending' }], i * step, i * 1000));

describe('PollPolicy', () => {
  it('grows ×1.5 up to 15 s while only progress and timestamps change', () => {
    const policy = new PollPolicy(DEFAULTS);
    const delays = onlyProgress(9).map((order, i) => policy.next(order, T0 + i * 1000).delay);
    expect(delays).to.deep.equal([2000, 3000, 4500, 6750, 10125, 15000, 15000, 15000, 15000]);
  });

  it('halves the delay on a task status change, down to the initial 2 s', () => {
    const policy = new PollPolicy(DEFAULTS);
    for (const order of onlyProgress(7)) policy.next(order, T0);
    expect(policy.delay).to.equal(15000);
    const tasks = (a: TaskStatus, b: TaskStatus, c: TaskStatus): TaskSpec[] => [{ status: a }, { status: b }, { status: c }];
    expect(policy.next(snapshot(tasks('succeeded', 'running', 'pending'), 0.4), T0).delay, 'first change').to.equal(7500);
    expect(policy.next(snapshot(tasks('succeeded', 'succeeded', 'running'), 0.7), T0).delay, 'second').to.equal(3750);
    expect(policy.next(snapshot(tasks('succeeded', 'succeeded', 'running'), 0.8), T0).delay, 'no change: grows').to.equal(5625);
    expect(policy.next(snapshot(tasks('succeeded', 'succeeded', 'failed'), 0.8, 0, 'provisioning'), T0).delay, 'third').to.equal(2812.5);
    expect(policy.next(snapshot(tasks('succeeded', 'succeeded', 'running'), 0.8), T0).delay, 'fourth: at the initial delay').to.equal(2000);
    // From a short delay a change is back to the initial delay at once.
    const fresh = new PollPolicy(DEFAULTS);
    fresh.next(snapshot(tasks('running', 'pending', 'pending'), 0), T0);
    expect(fresh.next(snapshot(tasks('running', 'pending', 'pending'), 0.1), T0).delay).to.equal(3000);
    expect(fresh.next(snapshot(tasks('succeeded', 'running', 'pending'), 0.4), T0).delay).to.equal(2000);
  });

  it("polls at a running task's expected end, within [2 s, 15 s]", () => {
    const policy = new PollPolicy(DEFAULTS);
    // Started at T0, estimated 10 s, read 1 s in: the next poll in 9 s, aimed at its end.
    const task = (est: number, status: TaskStatus = 'running'): TaskSpec[] => [{ status, startedAt: 0, estimatedSeconds: est }, { status: 'pending' }];
    expect(policy.next(snapshot(task(10), 0.05), T0 + 1000)).to.deep.equal({ delay: 9000, aimedAt: 'task-1' });
    // A long task: no fast polls at its start, the longest delay instead (not aimed: its end is later).
    expect(new PollPolicy(DEFAULTS).next(snapshot(task(200), 0.01), T0 + 1000)).to.deep.equal({ delay: 15000 });
    // Ending within the shortest delay: the initial delay, aimed.
    expect(new PollPolicy(DEFAULTS).next(snapshot(task(1.5), 0.3), T0 + 1000)).to.deep.equal({ delay: 2000, aimedAt: 'task-1' });
    // Several running tasks: the earliest end counts.
    const two = snapshot([{ status: 'running', startedAt: 0, estimatedSeconds: 12 }, { status: 'running', startedAt: 0, estimatedSeconds: 6 }], 0.1);
    expect(new PollPolicy(DEFAULTS).next(two, T0 + 1000)).to.deep.equal({ delay: 5000, aimedAt: 'task-2' });
  });

  it('drops an estimate that proved wrong, or that the clocks cannot place, for the backoff', () => {
    const policy = new PollPolicy(DEFAULTS);
    const running = (progress: number) => snapshot([{ status: 'running', startedAt: 0, estimatedSeconds: 10 }, { status: 'pending' }], progress);
    expect(policy.next(running(0.1), T0 + 2000)).to.deep.equal({ delay: 8000, aimedAt: 'task-1' });
    // The aimed poll still finds it running: from now on the backoff decides for this task.
    const after = [running(0.45), running(0.46), running(0.47)].map((o, i) => policy.next(o, T0 + 10_500 + i * 1000));
    expect(after.map((p) => p.aimedAt)).to.deep.equal([undefined, undefined, undefined]);
    expect(after.map((p) => p.delay)).to.deep.equal([3000, 4500, 6750]);
    // The next task's estimate is used again.
    const next = snapshot([{ status: 'succeeded' }, { status: 'running', startedAt: 30_000, estimatedSeconds: 5 }], 0.5);
    expect(policy.next(next, T0 + 31_000)).to.deep.equal({ delay: 4000, aimedAt: 'task-2' });
    // Overdue by the client's clock, or started "in the future" (clock behind the server's): backoff.
    const overdue = new PollPolicy(DEFAULTS);
    expect(overdue.next(running(0.9), T0 + 60_000)).to.deep.equal({ delay: 2000 });
    const behind = new PollPolicy(DEFAULTS);
    expect(behind.next(running(0.1), T0 - 30_000)).to.deep.equal({ delay: 2000 });
  });

  it('polls every 15 s while the order only waits, and backs off on failures', () => {
    const policy = new PollPolicy(DEFAULTS);
    expect(policy.next(snapshot([{ status: 'succeeded' }, { status: 'waiting' }], 0.5), T0).delay).to.equal(15000);
    const failing = new PollPolicy(DEFAULTS);
    expect([failing.failed(), failing.failed(), failing.failed()]).to.deep.equal([2000, 3000, 4500]);
    failing.reset();
    expect(failing.failed()).to.equal(2000);
  });

  it('keeps a ten-minute provisioning of six tasks well under 60 polls, and sees each change promptly', () => {
    // The bench's order: tasks of 200, 80, 50, 120, 120 and 120 s; 200 ms per request.
    const durations = [200, 80, 50, 120, 120, 120];
    const ends = durations.map((_, i) => durations.slice(0, i + 1).reduce((a, b) => a + b, 0) * 1000);
    const at = (t: number, estimates: boolean) => {
      const done = ends.filter((end) => end <= t).length;
      const tasks: TaskSpec[] = durations.map((d, i) =>
        i < done ? { status: 'succeeded' } : i === done ? { status: 'running', startedAt: i ? ends[i - 1] : 0, ...(estimates ? { estimatedSeconds: d } : {}) } : { status: 'pending' },
      );
      return snapshot(tasks, done / durations.length, t);
    };
    for (const estimates of [false, true]) {
      const policy = new PollPolicy(DEFAULTS);
      let t = 0;
      let pollsIn10Minutes = 0;
      let seen = 0;
      const lateness: number[] = [];
      while (seen < durations.length) {
        if (t <= 600_000) pollsIn10Minutes++;
        t += 200;
        const order = at(t, estimates);
        const done = order.tasks.filter((task) => task.status === 'succeeded').length;
        if (done > seen) lateness.push(t - ends[done - 1]!);
        seen = done;
        const plan = policy.next(order, T0 + t);
        t += plan.delay * (plan.aimedAt ? 1.1 : 1); // the jitter of random() = 0.5
      }
      // The bench's figure counts the first poll too (and the failed events request): ≤ 60 with margin.
      expect(pollsIn10Minutes, `polls in 10 minutes${estimates ? ' with estimates' : ''}`).to.be.at.most(estimates ? 45 : 50);
      expect(lateness).to.have.length(durations.length);
      // Every change is seen within the longest delay (+ the request); with estimates, at the
      // expected end + the +10 % jitter of at most 15 s + the request.
      expect(Math.max(...lateness)).to.be.at.most(estimates ? 1700 : 15_200);
    }
  });
});

describe('OrderFollower polling schedule', () => {
  let host: FollowerHost;
  beforeEach(async () => {
    host = await fixture<FollowerHost>(html`<follower-test-host></follower-test-host>`);
  });

  /**
   * Follows a scripted order with the default delays; every timer the follower sets is
   * recorded and fired at once. Returns the delays scheduled, one per poll but the last.
   */
  async function scheduled(snapshots: Order[], now?: () => number): Promise<{ delays: number[]; polls: number }> {
    const delays: number[] = [];
    let polls = 0;
    const api = {
      watchOrder: () => Promise.reject(new ApiError({ status: 404, endpoint: 'GET /orders/{id}/events', title: 'Not Found' })),
      getOrder: () => Promise.resolve(snapshots[Math.min(polls++, snapshots.length - 1)]!),
    } as unknown as CheckoutApi;
    let finished!: () => void;
    const done = new Promise<void>((resolve) => (finished = resolve));
    const follower = new OrderFollower(host, {
      api: () => api,
      onSnapshot: (order) => terminal(order) && finished(),
      random: () => 0.5,
      now,
    });
    const real = window.setTimeout;
    window.setTimeout = ((fn: () => void, ms?: number) => {
      delays.push(ms ?? 0);
      return real(fn, 0);
    }) as typeof window.setTimeout;
    try {
      follower.follow('ord_scripted');
      await done;
    } finally {
      window.setTimeout = real;
      follower.stop();
    }
    return { delays, polls };
  }

  it('backs off to 15 s while only progress changes, and comes back down on a task change', async () => {
    const tasks = (a: TaskStatus, b: TaskStatus): TaskSpec[] => [{ status: a }, { status: b }];
    const script = [
      ...Array.from({ length: 8 }, (_, i) => snapshot(tasks('running', 'pending'), i * 0.05, i * 2000)),
      snapshot(tasks('succeeded', 'running'), 0.5),
      snapshot(tasks('succeeded', 'running'), 0.6),
      snapshot(tasks('succeeded', 'succeeded'), 1),
    ];
    const { delays, polls } = await scheduled(script);
    expect(polls).to.equal(script.length);
    expect(delays).to.deep.equal([2000, 3000, 4500, 6750, 10125, 15000, 15000, 15000, 7500, 11250]);
  });

  it("aims at a running task's expected end with the injected clock, jitter only later", async () => {
    let now = T0 + 1000;
    const running = (p: number) => snapshot([{ status: 'running', startedAt: 0, estimatedSeconds: 10 }], p);
    const script = [running(0.1), snapshot([{ status: 'succeeded' }], 1)];
    const { delays } = await scheduled(script, () => now);
    // 9 s left, +10 % (random() = 0.5 → half of the +20 % spread): never before the end.
    expect(delays).to.deep.equal([9900]);
    now = T0 + 5000;
    const long = [snapshot([{ status: 'running', startedAt: 0, estimatedSeconds: 300 }], 0.01), snapshot([{ status: 'succeeded' }], 1)];
    expect((await scheduled(long, () => now)).delays, 'a long task: the longest delay at once').to.deep.equal([15000]);
  });
});
