/** What the checkout was doing when the error happened. */
export type ErrorContext = 'catalog' | 'agreement' | 'admin-access' | 'quote' | 'order' | 'provisioning';

/**
 * Fired by `<lc-checkout>` when a backend call failed, for the page's logging or support
 * tools. The user already sees a message and a way to retry; this does not replace it.
 */
export class LcErrorEvent extends Event {
  static readonly eventName = 'lc-error' as const;

  /** An `ApiError`, `ContractError`, `NetworkError` or whatever the `api` object rejected with. */
  readonly error: unknown;
  readonly context: ErrorContext;

  constructor(error: unknown, context: ErrorContext) {
    super(LcErrorEvent.eventName, { bubbles: true, composed: true });
    this.error = error;
    this.context = context;
  }
}

declare global {
  interface HTMLElementEventMap {
    'lc-error': LcErrorEvent;
  }
}
