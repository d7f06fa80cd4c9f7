/**
 * Fired by `<lc-provisioning>` when the user pressed "Try again" on a failed order the backend
 * marked `retryable`: its owner goes back to the review to place the same lines again (a new
 * attempt, with a new idempotency key). `<lc-checkout>` handles it itself.
 */
export class LcRetryOrderEvent extends Event {
  static readonly eventName = 'lc-retry-order' as const;

  /** The failed order. */
  readonly orderId: string;

  constructor(orderId: string) {
    super(LcRetryOrderEvent.eventName, { bubbles: true, composed: false });
    this.orderId = orderId;
  }
}

declare global {
  interface HTMLElementEventMap {
    'lc-retry-order': LcRetryOrderEvent;
  }
}
