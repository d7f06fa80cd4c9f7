import type { Order } from '../api/schemas.js';

/** An order as announced to the page: everything but the new tenant's admin credentials. */
export type PlacedOrder = Omit<Order, 'credentials'>;

/**
 * Fired by `<lc-checkout>` once `POST /orders` answered with the order: it exists on the
 * backend now, whatever provisioning does next. Fired once per order.
 */
export class LcOrderPlacedEvent extends Event {
  static readonly eventName = 'lc-order-placed' as const;

  readonly orderId: string;
  /** The order's first snapshot. Never carries credentials (they are shown once, never handed on). */
  readonly order: PlacedOrder;

  constructor(order: Order) {
    super(LcOrderPlacedEvent.eventName, { bubbles: true, composed: true });
    const { credentials: _credentials, ...rest } = order;
    this.orderId = order.id;
    this.order = rest;
  }
}

declare global {
  interface HTMLElementEventMap {
    'lc-order-placed': LcOrderPlacedEvent;
  }
}
