/**
 * `OrderSession`: the order side of `<lc-checkout>`, as a `ReactiveController`. It places the
 * order (one `POST /orders` per accepted press, its idempotency key reused for a retry of the
 * same content), keeps the placed order's reference per backend so a reload resumes it,
 * follows it (`OrderFollower`), guards the page while it runs (`NavigationGuard`), retries a
 * failed order, and ends it. The checkout's state stays in the host: the session reads it and
 * feeds its actions through the host's `apply`. What the user reads about it (notices,
 * announcements) is the host's: the session tells it through `OrderSessionEvents`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CheckoutApi } from '../api/api.js';
import { HttpCheckoutApi, type HttpCheckoutApiOptions } from '../api/client.js';
import type { Order } from '../api/schemas.js';
import { LcErrorEvent, type ErrorContext } from '../events/error.js';
import { LcOrderPlacedEvent } from '../events/order-placed.js';
import type { CartController } from './cart-controller.js';
import { buildOrderRequest, isEditable, navigationGuardNeeded, orderPhase } from './machine-selectors.js';
import type { CheckoutAction, CheckoutState } from './machine-state.js';
import { NavigationGuard } from './navigation-guard.js';
import { OrderFollower, snapshotEvents, type ConnectionState } from './order-follower.js';
import { backendScope } from './cart-store.js';
import { clearOrderRef, loadOrderRef, saveOrderRef } from './order-storage.js';

/**
 * Where the placed order's reference is kept when the `api` object names no `baseUrl`; with
 * one, it is kept under the backend's URL, as the cart is (two backends on one page never
 * resume each other's orders).
 */
const CUSTOM_API_SCOPE = 'custom';

/** What the session tells its host, for the words on screen. */
export interface OrderSessionEvents {
  /** "Place order" was pressed while the order cannot be placed (a step became invalid). */
  notReady(): void;
  /** `POST /orders` is about to be sent: an earlier failure no longer applies. */
  sending(): void;
  /** `POST /orders` failed or was refused (`error` as thrown); the checkout is editable again. */
  placeFailed(error: unknown): void;
  /** The backend took the order (`lc-order-placed` is fired by the session). */
  placed(order: Order): void;
  /** An order placed before a reload is shown again; nobody acted, so focus stays put. */
  resumed(): void;
  /** The backend does not know the stored order: the checkout is back at the cart. */
  notFound(orderId: string): void;
  /** A failed order was retried after a reload: who it was for is unknown, so the cart shows it. */
  retriedFromCart(): void;
  /** Leaving the page was held back; `message` says why. */
  blocked(message: string): void;
}

export interface OrderSessionOptions {
  /** The checkout's current state. */
  state(): CheckoutState;
  /** Feeds an action through the machine; returns the new state (the same object when ignored). */
  apply(action: CheckoutAction): CheckoutState;
  /** The checkout's cart: emptied once the licences are bought, given a retried order's lines. */
  cart: CartController;
  events: OrderSessionEvents;
}

/** Reports a failed backend call as `lc-error`; a superseded or disconnected call is not a failure. */
export function reportError(target: EventTarget, error: unknown, context: ErrorContext): void {
  if (error instanceof DOMException && error.name === 'AbortError') return;
  target.dispatchEvent(new LcErrorEvent(error, context));
}

export class OrderSession implements ReactiveController {
  private _api?: CheckoutApi;
  private _scope = CUSTOM_API_SCOPE;

  /** Follows the placed (or resumed) order: server-sent events, polling as a fallback. */
  private readonly _follower: OrderFollower;

  /** Holds the user on the page while the order is being sent and while its tasks run. */
  private readonly _guard: NavigationGuard;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: OrderSessionOptions,
  ) {
    host.addController(this);
    this._follower = new OrderFollower(host, {
      api: () => this._api,
      onSnapshot: (order) => this._onSnapshot(order),
      onNotFound: (orderId) => this._onNotFound(orderId),
      onError: (error) => reportError(host, error, 'provisioning'),
    });
    this._guard = new NavigationGuard(host, { onBlocked: (message) => options.events.blocked(message) });
  }

  hostConnected(): void {
    // The follower and the guard are controllers of the host themselves.
  }

  /** The base URL the cart and the order reference are kept under; undefined for an `api` object without one. */
  get storageBase(): string | undefined {
    return this._scope === CUSTOM_API_SCOPE ? undefined : this._scope;
  }

  /** How the followed order reaches us, for `<lc-provisioning>` (`live` when nothing is followed). */
  get connection(): ConnectionState {
    return this._follower.following ? this._follower.connection : 'live';
  }

  /** What the guard says when it holds the user back. */
  set leaveMessage(message: string) {
    this._guard.message = message;
  }

  /** Whether the guard holds the page: true exactly while leaving could lose something. */
  get guarding(): boolean {
    return this._guard.active;
  }

  /**
   * The client for the host's settings, called when one of them changed: `api`, else a new
   * `HttpCheckoutApi` for `apiBase` with `apiOptions`. A new backend brings its stored cart
   * and resumes its placed order.
   */
  configure(api: CheckoutApi | undefined, apiBase: string | undefined, apiOptions: Omit<HttpCheckoutApiOptions, 'baseUrl'> | undefined): CheckoutApi | undefined {
    const client = api ?? (apiBase ? new HttpCheckoutApi({ ...apiOptions, baseUrl: apiBase }) : undefined);
    if (client === this._api) return client;
    this._api = client;
    this._scope = backendScope((client as { baseUrl?: unknown } | undefined)?.baseUrl) ?? CUSTOM_API_SCOPE;
    if (client) this._resume();
    // The cart stored for this backend (none for an api object without a base URL). Ignored
    // by the machine once a resumed order is shown: the cart keeps its lines for after it.
    this.options.cart.storeUnder(this.storageBase, true);
    this._takeCartLines();
    return client;
  }

  /** After every accepted transition: the guard follows the state. */
  stateChanged(state: CheckoutState): void {
    this._guard.active = navigationGuardNeeded(state);
  }

  /**
   * "Place order": one `POST /orders` per accepted press. The machine ignores a press while
   * one is in flight (so nothing is sent) and gives a retry of the same content the same
   * idempotency key, so the backend answers a retry with the order it already made.
   */
  async place(): Promise<void> {
    const { apply, state, events } = this.options;
    const api = this._api;
    const before = state();
    if (!api) return;
    const submitting = apply({ type: 'order-submitting' });
    if (submitting === before) {
      if (orderPhase(before) === 'editing') events.notReady();
      return;
    }
    const request = buildOrderRequest(submitting);
    const idempotencyKey = submitting.submission?.idempotencyKey;
    if (!request || !idempotencyKey) {
      apply({ type: 'order-submit-failed' });
      return;
    }
    events.sending();
    let order: Order;
    try {
      order = await api.placeOrder(request, { idempotencyKey });
    } catch (error) {
      apply({ type: 'order-submit-failed' });
      reportError(this.host, error, 'order');
      events.placeFailed(error);
      return;
    }
    const placed = apply({ type: 'order-placed', order });
    if (placed.orderId !== order.id) return;
    // From now on a reload resumes this order instead of losing it or placing another.
    saveOrderRef(this._scope, { orderId: order.id, idempotencyKey, ...(placed.recipientKind ? { recipientKind: placed.recipientKind } : {}) });
    events.placed(order);
    this.host.dispatchEvent(new LcOrderPlacedEvent(order));
    this._orderChanged(undefined, order);
    this._follower.follow(order.id);
  }

  /** "Try again" on a failed, retryable order: back to the review for a new attempt with the order's lines. */
  retry(): void {
    const { apply, state, cart, events } = this.options;
    const before = state();
    const retried = apply({ type: 'retry-order' });
    if (retried === before) return;
    this._end();
    // The cart holds what is ordered again (after a resume it may have held something else).
    cart.replace(retried.lines);
    if (!retried.recipientKind) {
      // Resumed after a reload: who the order was for is not known here. Start from the cart with its lines.
      apply({ type: 'reset' });
      events.retriedFromCart();
    }
  }

  /**
   * A fresh checkout at the cart (see `<lc-checkout>.reset()`); returns whether it applied.
   * The order is no longer followed nor resumed; bought licences leave the cart.
   */
  reset(): boolean {
    const { apply, state, cart } = this.options;
    const before = state();
    const phase = orderPhase(before);
    if (apply({ type: 'reset' }) === before) return false;
    if (before.orderId) this._end();
    if (phase === 'completed' || phase === 'waiting') cart.clear();
    else this._takeCartLines();
    return true;
  }

  /** On load: an order placed before a reload in this tab, for this backend, is followed again. */
  private _resume(): void {
    const { apply, state, events } = this.options;
    const before = state();
    if (before.orderId || !isEditable(before)) return;
    const ref = loadOrderRef(this._scope);
    if (!ref) return;
    if (apply({ type: 'order-resumed', orderId: ref.orderId, ...(ref.recipientKind ? { recipientKind: ref.recipientKind } : {}) }) === before) return;
    events.resumed();
    this._follower.follow(ref.orderId);
  }

  /** A snapshot of the followed order: into the state, then the public events it calls for. */
  private _onSnapshot(order: Order): void {
    const previous = this.options.state().order;
    const next = this.options.apply({ type: 'order-updated', order });
    // An older snapshot, or one for an order no longer shown: nothing new to tell.
    if (next.order !== order) return;
    this._orderChanged(previous, order);
  }

  /** The backend does not know the stored order (any more): drop it, say so, show the cart. */
  private _onNotFound(orderId: string): void {
    clearOrderRef(this._scope);
    const before = this.options.state();
    if (this.options.apply({ type: 'order-not-found', orderId }) === before) return;
    this.options.events.notFound(orderId);
    this._takeCartLines();
  }

  /**
   * After a new snapshot was taken into the state: the public events it calls for, and what a
   * finished order ends (its stored reference once completed; the cart once it was bought).
   */
  private _orderChanged(previous: Order | undefined, order: Order): void {
    for (const event of snapshotEvents(previous, order)) this.host.dispatchEvent(event);
    if (order.status === 'completed') clearOrderRef(this._scope);
    // Bought: emptied, in storage too, so the licences do not come back on the next visit.
    if (order.status === 'completed' || order.status === 'waiting') this.options.cart.clear();
  }

  /** The order is no longer this checkout's: not followed, not resumed after a reload. */
  private _end(): void {
    this._follower.stop();
    clearOrderRef(this._scope);
  }

  /** Back to editing: the machine takes the cart's lines (restored from storage, or kept). */
  private _takeCartLines(): void {
    this.options.apply({ type: 'set-lines', lines: this.options.cart.lines });
  }
}
