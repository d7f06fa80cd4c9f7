/**
 * `SnapshotFollower`: follows one backend resource until it reaches a final state, as a Lit
 * `ReactiveController`. It reads the resource's snapshots over server-sent events and falls
 * back to polling with backoff when the backend has no events endpoint or the stream keeps
 * breaking. `OrderFollower` follows a placed order until it is completed or failed
 * (`watchOrder` / `getOrder`); `AcceptanceFollower` an agreement acceptance request until the
 * customer accepted or its link expired.
 *
 * Failures to reach the backend are connection problems, never an order failure: they are
 * reported through `onConnectionChange` / `onError` and retried automatically. Only the
 * order's own `status` says that it failed.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CheckoutApi } from '../api/api.js';
import { isApiError } from '../api/errors.js';
import type { AcceptanceRequest, Order } from '../api/schemas.js';
import { LcOrderCompleteEvent } from '../events/order-complete.js';
import { LcOrderFailedEvent } from '../events/order-failed.js';
import { LcProvisioningProgressEvent } from '../events/provisioning-progress.js';

/**
 * How the follower reaches the backend now: `live` (an event stream delivers snapshots),
 * `polling` (snapshots are fetched with `GET /orders/{id}`), `reconnecting` (the last
 * attempt failed; retrying), `offline` (the browser is offline; paused until it is back).
 */
export type ConnectionState = 'live' | 'polling' | 'reconnecting' | 'offline';

/**
 * Delays of the polling and retry backoff, in milliseconds. See `PollPolicy` for how they
 * are used.
 */
export interface PollDelays {
  /** The first delay, and the shortest: a task status change halves the delay down to this. Default 2000. */
  initial?: number;
  /** Each snapshot without a task status change, or failure, multiplies the delay by this. Default 1.5. */
  factor?: number;
  /** The longest delay; also the delay while the order only waits on someone. Default 15000. */
  max?: number;
  /**
   * Random spread around each delay, as a share of it (0.2 = ±20%); a poll aimed at a task's
   * expected end is only ever moved later (0 to +20%). Default 0.2.
   */
  jitter?: number;
}

export interface FollowerOptions<T> {
  /** The client to talk through; read at each attempt, so a late context value is picked up. */
  api: () => CheckoutApi | undefined;
  /** Every snapshot of the followed resource, oldest first (including repeats of the same state). */
  onSnapshot(snapshot: T): void;
  /** The connection state changed (reported only on change). */
  onConnectionChange?(state: ConnectionState): void;
  /** The backend does not know the resource (`404` with its not-found code); following has stopped. */
  onNotFound?(id: string): void;
  /** A failed attempt (network error, 5xx, a body that breaks the contract); it is retried. */
  onError?(error: unknown): void;
  /** Backoff timing; tests pass short delays. */
  pollDelays?: PollDelays;
  /** Random source for the jitter, 0 ≤ x < 1; `Math.random` by default. */
  random?: () => number;
  /** The clock (ms since the epoch) that task estimates are compared with; `Date.now` by default. */
  now?: () => number;
}

export type OrderFollowerOptions = FollowerOptions<Order>;

/** How to read one kind of resource, and when it is final. */
export interface FollowedResource<T extends { id: string }> {
  watch(api: CheckoutApi, id: string, onSnapshot: (snapshot: T) => void, signal: AbortSignal): Promise<void>;
  get(api: CheckoutApi, id: string, signal: AbortSignal): Promise<T>;
  /** Nothing will change any more: no request after this snapshot. */
  isFinal(snapshot: T): boolean;
  /** The problem `code` of a 404 that means the resource is unknown (not a missing events endpoint). */
  notFoundCode: string;
  /** The next poll after `snapshot` was read at `now`. */
  plan(policy: PollPolicy, snapshot: T, now: number): PollPlan;
}

/** The events endpoint is missing: these statuses switch to polling for good. */
const NO_EVENTS_ENDPOINT = new Set([404, 405, 501]);
/** After this many stream attempts in a row that broke without any snapshot, poll instead. */
const MAX_STREAM_FAILURES = 3;

const isTerminal = (order: Order): boolean => order.status === 'completed' || order.status === 'failed';

/** What a snapshot changed, for the public progress event (progress and timestamps included). */
const fingerprint = (order: Order): string =>
  `${order.status}|${order.updatedAt}|${order.progress}|${order.tasks.map((t) => t.status).join(',')}`;

/**
 * What the polling backoff reacts to: the order's and each task's status, nothing else. A
 * running task's `progress` and the timestamps change on every poll; counting them as news
 * would keep polling at the initial delay for as long as a task runs.
 */
const statusSignature = (order: Order): string => `${order.status}|${order.tasks.map((t) => `${t.id}:${t.status}`).join(',')}`;

/** The next poll, as `PollPolicy` plans it (before jitter). */
export interface PollPlan {
  /** Milliseconds until the next poll. */
  delay: number;
  /**
   * The id of the running task whose expected end (`startedAt` + `estimatedSeconds`) the delay
   * aims at, if it does: the poll lands at or just after that moment, never before it.
   */
  aimedAt?: string;
}

/**
 * The polling fallback's schedule, a pure policy (no timers, no clock of its own):
 *
 * - A snapshot where no task and not the order changed status (only `progress` or the
 *   timestamps did) grows the delay ×`factor`, up to `max`.
 * - A status change halves the delay, down to `initial`: after a quiet stretch a change is
 *   followed up at half the pace; changes that keep coming bring it back to `initial`. (Resetting
 *   straight to `initial` costs about five requests in the next 25 s after every change: with six
 *   changes in a ten-minute provisioning that alone is about 30 requests.)
 * - A task that is `running` with `startedAt` and `estimatedSeconds` says when it should end:
 *   the next poll is planned for then, within [`initial`, `max`], whatever the backoff says
 *   (sooner, to see the end promptly; later, not to ask again and again about a task that
 *   runs for minutes). With several running tasks, the earliest end counts. An estimate
 *   that proved wrong (the task still ran at the poll aimed at its end; or the client's clock
 *   disagrees with the server's) is not used again for that task: the backoff takes over.
 * - An order that only waits on someone (`waiting`) is polled every `max`.
 * - A failed attempt waits the current delay, then grows it.
 */
export class PollPolicy {
  private readonly _delays: Required<PollDelays>;
  private _delay: number;
  private _signature?: string;
  private _aim?: string;
  private readonly _distrusted = new Set<string>();

  constructor(delays: Required<PollDelays>) {
    this._delays = delays;
    this._delay = delays.initial;
  }

  /** The backoff delay now (what a failure would wait, and what the next unhinted poll grows from). */
  get delay(): number {
    return this._delay;
  }

  /** Back to the initial delay (a new order, back online, a live stream that delivered). */
  reset(): void {
    this._delay = this._delays.initial;
  }

  /** Forgets everything about the previous order. */
  clear(): void {
    this.reset();
    this._signature = undefined;
    this._aim = undefined;
    this._distrusted.clear();
  }

  /** A failed attempt: the delay to wait before the next one; grows the backoff. */
  failed(): number {
    const wait = this._delay;
    this._aim = undefined;
    this._delay = Math.min(this._delays.max, this._delay * this._delays.factor);
    return wait;
  }

  /**
   * The backoff step after a snapshot whose status is summed up by `signature`: the first
   * keeps the delay, a change halves it (down to `initial`), no change grows it (up to `max`).
   */
  backoff(signature: string): number {
    const { initial, factor, max } = this._delays;
    const first = this._signature === undefined;
    const changed = !first && signature !== this._signature;
    this._signature = signature;
    if (changed) this._delay = Math.max(initial, this._delay / 2);
    else if (!first) this._delay = Math.min(max, this._delay * factor);
    return this._delay;
  }

  /** Plans the next poll after `order` was read at `now` (ms since the epoch). */
  next(order: Order, now: number): PollPlan {
    const { initial, max } = this._delays;
    // The previous poll aimed at this task's end and it still runs: its estimate is off.
    if (this._aim !== undefined && order.tasks.some((t) => t.id === this._aim && t.status === 'running')) {
      this._distrusted.add(this._aim);
    }
    this._aim = undefined;

    const delay = this.backoff(statusSignature(order));
    if (order.status === 'waiting') {
      // Nothing runs: someone else acts, slowly.
      this._delay = max;
      return { delay: max };
    }

    let end: { task: string; in: number } | undefined;
    for (const task of order.tasks) {
      if (task.status !== 'running' || task.estimatedSeconds === undefined || task.startedAt === undefined) continue;
      if (this._distrusted.has(task.id)) continue;
      const duration = task.estimatedSeconds * 1000;
      const left = Date.parse(task.startedAt) + duration - now;
      // Overdue, or started "in the future" (the clocks disagree): the estimate cannot be placed.
      if (!(left > 0) || left > duration) {
        this._distrusted.add(task.id);
        continue;
      }
      if (!end || left < end.in) end = { task: task.id, in: left };
    }
    if (!end) return { delay };
    if (end.in > max) return { delay: max };
    // Ending sooner than the shortest delay: the poll after it sees the end.
    this._aim = end.task;
    return { delay: Math.max(initial, end.in), aimedAt: end.task };
  }
}

export class SnapshotFollower<T extends { id: string }> implements ReactiveController {
  private readonly _host: ReactiveControllerHost;
  private readonly _options: FollowerOptions<T>;
  private readonly _resource: FollowedResource<T>;
  private _id?: string;
  private _connected = false;
  private _finished = false;
  private _connection: ConnectionState = 'live';
  /** The current attempt; aborting it cancels its request and makes its results stale. */
  private _attempt?: AbortController;
  private _timer?: ReturnType<typeof setTimeout>;
  private _useStream = true;
  private _streamFailures = 0;
  private _policy?: PollPolicy;
  /** `follow()` came before the client did (context not there yet): start once it is. */
  private _awaitingApi = false;

  constructor(host: ReactiveControllerHost, resource: FollowedResource<T>, options: FollowerOptions<T>) {
    this._host = host;
    this._resource = resource;
    this._options = options;
    host.addController(this);
  }

  /** The resource being followed, until `stop()` (kept after it reached a final state). */
  get followedId(): string | undefined {
    return this._id;
  }

  /** How the backend is reached now. */
  get connection(): ConnectionState {
    return this._connection;
  }

  /** Whether requests are being made or scheduled (false once the resource is final or following stopped). */
  get following(): boolean {
    return this._id !== undefined && !this._finished;
  }

  /**
   * Follows `id`. Following the same one again is a no-op while it is not final; another id
   * replaces the previous one. Requests start now when the host is connected, otherwise on
   * `hostConnected`.
   */
  follow(id: string): void {
    if (id === this._id && !this._finished) return;
    this._halt();
    this._id = id;
    this._finished = false;
    this._useStream = true;
    this._streamFailures = 0;
    this._policy = new PollPolicy(this._delays);
    this._start();
  }

  /** Stops following: aborts the request in flight and forgets the resource. */
  stop(): void {
    this._halt();
    this._id = undefined;
    this._finished = false;
  }

  hostConnected(): void {
    this._connected = true;
    window.addEventListener('online', this._onOnline);
    window.addEventListener('offline', this._onOffline);
    this._start();
  }

  hostUpdated(): void {
    if (this._awaitingApi) this._start();
  }

  hostDisconnected(): void {
    this._connected = false;
    window.removeEventListener('online', this._onOnline);
    window.removeEventListener('offline', this._onOffline);
    // Keeps the id: a host moved in the DOM (or re-attached) resumes where it was.
    this._halt();
  }

  private readonly _onOnline = (): void => {
    if (!this.following || !this._connected) return;
    // Back online: try at once, with a fresh backoff.
    this._halt();
    this._policy?.reset();
    this._streamFailures = 0;
    this._start();
  };

  private readonly _onOffline = (): void => {
    if (!this.following || !this._connected) return;
    this._halt();
    this._setConnection('offline');
  };

  private get _delays(): Required<PollDelays> {
    const d = this._options.pollDelays ?? {};
    return { initial: d.initial ?? 2000, factor: d.factor ?? 1.5, max: d.max ?? 15_000, jitter: d.jitter ?? 0.2 };
  }

  /** Cancels the attempt in flight and the scheduled one. */
  private _halt(): void {
    clearTimeout(this._timer);
    this._timer = undefined;
    this._attempt?.abort();
    this._attempt = undefined;
  }

  /** Starts an attempt now, if there is anything to follow and a way to do it. */
  private _start(): void {
    if (!this.following || !this._connected || this._attempt || this._timer) return;
    if (navigator.onLine === false) {
      this._setConnection('offline'); // `online` starts it again
      return;
    }
    const api = this._options.api();
    this._awaitingApi = !api;
    if (!api) return;
    const attempt = new AbortController();
    this._attempt = attempt;
    const id = this._id!;
    void (this._useStream ? this._watch(api, id, attempt) : this._poll(api, id, attempt));
  }

  private async _watch(api: CheckoutApi, id: string, attempt: AbortController): Promise<void> {
    let received = false;
    try {
      await this._resource.watch(
        api,
        id,
        (snapshot) => {
          if (attempt.signal.aborted) return;
          received = true;
          this._streamFailures = 0;
          this._policy?.reset();
          this._setConnection('live');
          this._deliver(id, snapshot);
        },
        attempt.signal,
      );
      if (!this._current(attempt)) return;
      this._attempt = undefined;
      if (this._finished) return;
      // The server closed a stream of a resource not final yet: open another.
      this._retry(received ? undefined : new Error('The event stream ended without a snapshot'), true);
    } catch (error) {
      if (!this._current(attempt)) return;
      this._attempt = undefined;
      if (isApiError(error) && NO_EVENTS_ENDPOINT.has(error.status)) {
        // No events endpoint (or the resource is unknown: the poll tells which, with one GET).
        this._useStream = false;
        this._start();
        return;
      }
      this._retry(error, !received);
    }
  }

  private async _poll(api: CheckoutApi, id: string, attempt: AbortController): Promise<void> {
    let snapshot: T;
    try {
      snapshot = await this._resource.get(api, id, attempt.signal);
    } catch (error) {
      if (!this._current(attempt)) return;
      this._attempt = undefined;
      if (isApiError(error) && error.status === 404 && error.code === this._resource.notFoundCode) {
        this._finished = true;
        this._options.onNotFound?.(id);
        return;
      }
      this._retry(error, false);
      return;
    }
    if (!this._current(attempt)) return;
    this._attempt = undefined;
    this._setConnection('polling');
    this._deliver(id, snapshot);
    if (this._finished) return;
    const plan = this._resource.plan(this._policy!, snapshot, (this._options.now ?? Date.now)());
    this._schedule(plan.delay, plan.aimedAt !== undefined);
  }

  /** A failed attempt: report it, back off, try again (the stream, or polling after repeated stream failures). */
  private _retry(error: unknown, streamFailed: boolean): void {
    if (error !== undefined) {
      this._setConnection(navigator.onLine === false ? 'offline' : 'reconnecting');
      this._options.onError?.(error);
      if (navigator.onLine === false) return; // `online` resumes
    }
    if (streamFailed && ++this._streamFailures >= MAX_STREAM_FAILURES) this._useStream = false;
    this._schedule(this._policy!.failed());
  }

  /** Waits `delay` ± jitter (only + when the poll aims at a task's expected end), then starts an attempt. */
  private _schedule(delay: number, aimed = false): void {
    const { jitter, max } = this._delays;
    const random = this._options.random ?? Math.random;
    // Spread clients out so a backend coming back is not hit by all of them at once.
    const spread = delay * jitter * (aimed ? random() : random() * 2 - 1);
    const wait = Math.max(0, Math.min(max, delay + spread));
    this._timer = setTimeout(() => {
      this._timer = undefined;
      this._start();
    }, wait);
  }

  /** Hands a snapshot on. */
  private _deliver(id: string, snapshot: T): void {
    if (snapshot.id !== id || this._finished) return;
    if (this._resource.isFinal(snapshot)) {
      // Nothing will change any more: no request after this one.
      this._finished = true;
      clearTimeout(this._timer);
      this._timer = undefined;
    }
    this._options.onSnapshot(snapshot);
    this._host.requestUpdate();
  }

  private _current(attempt: AbortController): boolean {
    return this._attempt === attempt && !attempt.signal.aborted;
  }

  private _setConnection(state: ConnectionState): void {
    if (state === this._connection) return;
    this._connection = state;
    this._options.onConnectionChange?.(state);
    this._host.requestUpdate();
  }
}

const orders: FollowedResource<Order> = {
  watch: (api, id, onSnapshot, signal) => api.watchOrder(id, onSnapshot, { signal }),
  get: (api, id, signal) => api.getOrder(id, { signal }),
  isFinal: isTerminal,
  notFoundCode: 'order-not-found',
  plan: (policy, order, now) => policy.next(order, now),
};

/** Follows a placed order until it is completed or failed. */
export class OrderFollower extends SnapshotFollower<Order> {
  constructor(host: ReactiveControllerHost, options: OrderFollowerOptions) {
    super(host, orders, options);
  }

  /** The order being followed, until `stop()` (kept after it completed or failed). */
  get orderId(): string | undefined {
    return this.followedId;
  }
}

const acceptances: FollowedResource<AcceptanceRequest> = {
  watch: (api, id, onSnapshot, signal) => api.watchAgreementAcceptance(id, onSnapshot, { signal }),
  get: (api, id, signal) => api.getAgreementAcceptance(id, { signal }),
  // An expired link changes only when a new one is asked for, which is followed anew.
  isFinal: (request) => request.status !== 'link-generated' && request.status !== 'required',
  notFoundCode: 'acceptance-not-found',
  plan: (policy, request) => ({ delay: policy.backoff(`${request.status}|${request.url}`) }),
};

/** Follows an agreement acceptance request until the customer accepted or its link expired. */
export class AcceptanceFollower extends SnapshotFollower<AcceptanceRequest> {
  constructor(host: ReactiveControllerHost, options: FollowerOptions<AcceptanceRequest>) {
    super(host, acceptances, options);
  }
}

/**
 * The public events a new snapshot calls for, given the one before it: `lc-provisioning-progress`
 * when anything changed, then `lc-order-complete` or `lc-order-failed` once, on entering that
 * state. None of them carries credentials. For whoever receives snapshots (`<lc-checkout>`).
 */
export function snapshotEvents(previous: Order | undefined, order: Order): Event[] {
  if (previous && previous.id !== order.id) previous = undefined;
  const events: Event[] = [];
  if (!previous || fingerprint(previous) !== fingerprint(order)) events.push(new LcProvisioningProgressEvent(order));
  if (previous?.status !== order.status) {
    if (order.status === 'completed') events.push(new LcOrderCompleteEvent(order));
    if (order.status === 'failed') events.push(new LcOrderFailedEvent(order));
  }
  return events;
}
