/**
 * Requests `<lc-provisioning>` makes to its owner. They live next to the element until the
 * checkout's event modules take them over (`src/events/`).
 */

/** The user pressed "Start a new order": the owner starts a fresh checkout for the next customer. */
export class LcNewOrderEvent extends Event {
  static readonly eventName = 'lc-new-order' as const;

  /** The order shown when the user asked (completed, waiting or failed). */
  readonly orderId: string | undefined;

  constructor(orderId: string | undefined) {
    super(LcNewOrderEvent.eventName, { bubbles: true, composed: true });
    this.orderId = orderId;
  }
}

/**
 * The user pressed "Try again" on a failed, retryable order: the owner goes back to the review
 * to place the same lines again (a new attempt, with a new idempotency key).
 */
export class LcRetryOrderEvent extends Event {
  static readonly eventName = 'lc-retry-order' as const;

  readonly orderId: string;

  constructor(orderId: string) {
    super(LcRetryOrderEvent.eventName, { bubbles: true, composed: true });
    this.orderId = orderId;
  }
}

declare global {
  interface HTMLElementEventMap {
    'lc-new-order': LcNewOrderEvent;
    'lc-retry-order': LcRetryOrderEvent;
  }
}
