import type { Cart, CartTotals } from '../checkout/cart-store.js';

/** What changed the cart. */
export type CartChangeReason = 'add' | 'remove' | 'quantity' | 'term' | 'billing' | 'clear';

/**
 * Fired by `<lc-cart>` after the user (or the host page through `addProduct()` / `clear()`)
 * changed the cart. Never fired because the owner set `lines`.
 */
export class LcCartChangeEvent extends Event {
  static readonly eventName = 'lc-cart-change' as const;

  /** The cart after the change. */
  readonly lines: Cart;
  /** Totals per billing frequency; `undefined` while the catalog is not loaded (e.g. `clear()` before it arrived). */
  readonly totals: CartTotals | undefined;
  readonly reason: CartChangeReason;

  constructor(lines: Cart, totals: CartTotals | undefined, reason: CartChangeReason) {
    super(LcCartChangeEvent.eventName, { bubbles: true, composed: true });
    this.lines = lines;
    this.totals = totals;
    this.reason = reason;
  }
}

declare global {
  interface HTMLElementEventMap {
    'lc-cart-change': LcCartChangeEvent;
  }
}
