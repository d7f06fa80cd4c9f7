/**
 * Fired by `<lc-order-review>` when the user presses "Place order" and it is available:
 * once per press, never while a placement is in progress. Cancelable: the owner (or a host
 * page) may veto it, and the button comes back.
 */
export class LcPlaceOrderEvent extends Event {
  static readonly eventName = 'lc-place-order' as const;

  /** The quote the user saw when pressing, if any. */
  readonly quoteId: string | undefined;

  constructor(quoteId: string | undefined) {
    super(LcPlaceOrderEvent.eventName, { bubbles: true, composed: false, cancelable: true });
    this.quoteId = quoteId;
  }
}

declare global {
  interface HTMLElementEventMap {
    'lc-place-order': LcPlaceOrderEvent;
  }
}
