/**
 * `OrderSession`: the order side of `<lc-checkout>`, as a `ReactiveController`. It places the
 * order (one `POST /orders` per accepted press, its idempotency key reused for a retry of the
 * same content), keeps the placed order's reference per backend so a reload resumes it,
 * follows it (`OrderFollower`), guards the page while it runs (`NavigationGuard`), retries a
 * failed order, and ends it. Before `POST /orders` leaves, the request and its key are kept
 * too, so a reload while it is in flight sends it again with the same key and lands on the
 * same order; before the order, the checkout's draft is kept (`draft-storage.ts`) and restored,
 * step and all, after a reload. The checkout's state stays in the host: the session reads it and
 * feeds its actions through the host's `apply`. What the user reads about it (notices,
 * announcements) is the host's: the session tells it through `OrderSessionEvents`.
 */
import type { ReactiveControllerHost } from 'lit';
import type { CheckoutApi } from '../api/api.js';
import type { Order, OrderRequest } from '../api/schemas.js';
import { LcOrderPlacedEvent } from '../events/order-placed.js';
import type { CartController } from './cart-controller.js';
import { buildOrderRequest, isEditable, navigationGuardNeeded, orderPhase } from './machine-selectors.js';
import type { CheckoutAction, CheckoutState } from './machine-state.js';
import { NavigationGuard } from './navigation-guard.js';
import { OrderFollower, snapshotEvents, type ConnectionState } from './order-follower.js';
import { clearOrderRef, loadOrderRef, loadPendingOrder, saveOrderRef, savePendingOrder } from './order-storage.js';
import { clearDraft, draftOf, hasDraft, loadDraft, restoreDraft, saveDraft, type CheckoutDraft } from './draft-storage.js';
import { isNetworkError } from '../api/errors.js';
import { reportError } from './report-error.js';

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
  /** An order placed before a reload (or a draft) is shown again; nobody acted, so focus stays put. */
  resumed(): void;
  /** The backend does not know the stored order: the checkout is back at the cart. */
  notFound(orderId: string): void;
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

export class OrderSession {
  private _api?: CheckoutApi;
  /** What the draft and the order's reference are kept under (the backend's URL, or `custom`). */
  private _scope = '';
  /** The scope a client was configured for last (its draft and pending order are restored once). */
  private _configuredScope?: string;

  /** Follows the placed (or resumed) order: server-sent events, polling as a fallback. */
  private readonly _follower: OrderFollower;

  /** Holds the user on the page while the order is being sent and while its tasks run. */
  private readonly _guard: NavigationGuard;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: OrderSessionOptions,
  ) {
    // The follower and the guard are controllers of the host themselves; the session needs no hooks.
    this._follower = new OrderFollower(host, {
      api: () => this._api,
      onSnapshot: (order) => this._onSnapshot(order),
      onNotFound: (orderId) => this._onNotFound(orderId),
      onError: (error) => reportError(host, error, 'provisioning'),
    });
    this._guard = new NavigationGuard(host, { onBlocked: (message) => options.events.blocked(message) });
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
   * The host's client changed (or the session just started with one): `scope` names the
   * backend's storage. A new backend brings its stored draft, and resumes its order (placed,
   * or still being sent when the page went); the host has already restored its stored cart.
   * A new client for the same checkout takes over what the one it replaces had in flight (the
   * order's follower, a placement); the host closes the replaced one afterwards.
   */
  configure(client: CheckoutApi | undefined, scope: string): void {
    if (client === this._api) return;
    this._api = client;
    this._scope = scope;
    const first = client !== undefined && this._scope !== this._configuredScope;
    if (client) this._configuredScope = this._scope;
    // Read before the cart's lines go in: a fresh checkout at the cart would clear it.
    const draft = first ? loadDraft(this._scope) : undefined;
    if (client) this._resume();
    // Ignored by the machine once a resumed order is shown: the cart keeps its lines for after it.
    this._takeCartLines();
    if (first) {
      if (draft) this._restore(draft);
      this._resumePending();
    }
    if (client && this._follower.following) {
      // Followed with the old client so far: again, now, with this one.
      const id = this._follower.orderId!;
      this._follower.stop();
      this._follower.follow(id);
    }
  }

  /** After every accepted transition: the guard follows the state, the stored draft too. */
  stateChanged(state: CheckoutState): void {
    this._guard.active = navigationGuardNeeded(state);
    // Nothing is stored before a backend is known (its scope names the storage).
    if (!this._api) return;
    if (state.orderId) clearDraft(this._scope);
    else if (isEditable(state)) {
      if (hasDraft(state)) saveDraft(this._scope, draftOf(state));
      else clearDraft(this._scope);
    }
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
    // Before it leaves: a reload from now on sends it again with the same key.
    savePendingOrder(this._scope, { idempotencyKey, request });
    await this._send(request, idempotencyKey);
  }

  /**
   * Sends `POST /orders` (the machine is `submitting`) and takes the answer. A client replaced
   * meanwhile (new options) abandons the call: it goes again with the new one, same key.
   */
  private async _send(request: OrderRequest, idempotencyKey: string): Promise<void> {
    const { apply, events } = this.options;
    events.sending();
    let order: Order;
    for (;;) {
      const api = this._api;
      try {
        if (!api) throw new Error('license-checkout: no backend to place the order with.');
        order = await api.placeOrder(request, { idempotencyKey });
        break;
      } catch (error) {
        const superseded = error instanceof DOMException && error.name === 'AbortError' && this._api && this._api !== api;
        if (superseded) continue;
        apply({ type: 'order-submit-failed' });
        // Without an answer the order may exist: a reload still asks again with the same key.
        // Any answer (refused, failed) means the stored request is done with.
        if (!isNetworkError(error)) clearOrderRef(this._scope);
        reportError(this.host, error, 'order');
        events.placeFailed(error);
        return;
      }
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

  /**
   * "Try again" on a failed, retryable order: back to the review for a new attempt with the
   * order's lines (after a reload, to the first step its rebuilt recipient still needs).
   */
  retry(): void {
    const { apply, state, cart } = this.options;
    const before = state();
    const retried = apply({ type: 'retry-order' });
    if (retried === before) return;
    this._end();
    // The cart holds what is ordered again (after a resume it may have held something else).
    cart.replace(retried.lines);
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
    // A request whose answer never came is not sent again after a reload either.
    else clearOrderRef(this._scope);
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

  /**
   * On load: a `POST /orders` whose answer never arrived (the page went while it was in
   * flight) is sent again, same request, same key: the backend answers with the order it
   * made, or makes it now. Never a second order, never a lost one.
   */
  private _resumePending(): void {
    const { apply, state, events } = this.options;
    const pending = loadPendingOrder(this._scope);
    if (!pending) return;
    const before = state();
    if (apply({ type: 'order-resubmitting', idempotencyKey: pending.idempotencyKey, request: pending.request }) === before) return;
    events.resumed();
    void this._send(pending.request, pending.idempotencyKey);
  }

  /** On load: the draft kept before the reload, into a fresh checkout (step and all). */
  private _restore(draft: CheckoutDraft): void {
    const { apply, state, events } = this.options;
    const before = state();
    if (!isEditable(before) || hasDraft(before)) return;
    events.resumed();
    restoreDraft(draft, apply, before);
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
