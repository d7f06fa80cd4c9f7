/**
 * Fired by `<lc-cart>` when the user asks to load the catalog again after it failed, while
 * its owner loads the catalog (`catalogState` set): the owner asks the backend again.
 */
export class LcCatalogRetryEvent extends Event {
  static readonly eventName = 'lc-catalog-retry' as const;

  constructor() {
    super(LcCatalogRetryEvent.eventName, { bubbles: true, composed: false });
  }
}

declare global {
  interface HTMLElementEventMap {
    'lc-catalog-retry': LcCatalogRetryEvent;
  }
}
