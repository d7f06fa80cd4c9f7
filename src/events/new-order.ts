/**
 * Fired by `<lc-provisioning>` when the user pressed "Start a new order" (on a completed,
 * waiting or failed order): its owner starts a fresh checkout for the next customer.
 * `<lc-checkout>` handles it itself (`reset()`).
 */
export class LcNewOrderEvent extends Event {
  static readonly eventName = 'lc-new-order' as const;

  /** The order shown when the user asked (completed, waiting or failed). */
  readonly orderId: string | undefined;

  constructor(orderId: string | undefined) {
    super(LcNewOrderEvent.eventName, { bubbles: true, composed: false });
    this.orderId = orderId;
  }
}

declare global {
  interface HTMLElementEventMap {
    'lc-new-order': LcNewOrderEvent;
  }
}
