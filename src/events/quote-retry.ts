/** Fired by `<lc-order-review>` when the user asks to load the quote again after it failed. */
export class LcQuoteRetryEvent extends Event {
  static readonly eventName = 'lc-quote-retry' as const;

  constructor() {
    super(LcQuoteRetryEvent.eventName, { bubbles: true, composed: false });
  }
}

declare global {
  interface HTMLElementEventMap {
    'lc-quote-retry': LcQuoteRetryEvent;
  }
}
