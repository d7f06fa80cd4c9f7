import type { Order } from '../api/schemas.js';

/** An order as handed to the page: everything but the new tenant's admin credentials. */
export type OrderWithoutCredentials = Omit<Order, 'credentials'>;

/**
 * Fired (by `<lc-checkout>`, or whoever follows the order) once, when the order completed:
 * every task succeeded. The admin credentials are shown to the user once and never handed
 * on, so `order` has no `credentials`.
 */
export class LcOrderCompleteEvent extends Event {
  static readonly eventName = 'lc-order-complete' as const;

  readonly orderId: string;
  /** The completed order, without `credentials`. */
  readonly order: OrderWithoutCredentials;

  constructor(order: Order) {
    super(LcOrderCompleteEvent.eventName, { bubbles: true, composed: true });
    const { credentials: _credentials, ...rest } = order;
    this.orderId = order.id;
    this.order = rest;
  }
}

declare global {
  interface HTMLElementEventMap {
    'lc-order-complete': LcOrderCompleteEvent;
  }
}
