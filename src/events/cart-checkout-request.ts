import type { Cart, CartTotals } from '../checkout/cart-store.js';

/**
 * Fired by `<lc-cart>` when the user presses Checkout on a valid, non-empty cart.
 * `<lc-checkout>` moves to the next step; a page using the cart alone takes it from here.
 */
export class LcCheckoutRequestEvent extends Event {
  static readonly eventName = 'lc-checkout-request' as const;

  /** The lines to order: every one priced and within its product's bounds. */
  readonly lines: Cart;
  readonly totals: CartTotals;

  constructor(lines: Cart, totals: CartTotals) {
    super(LcCheckoutRequestEvent.eventName, { bubbles: true, composed: false });
    this.lines = lines;
    this.totals = totals;
  }
}

declare global {
  interface HTMLElementEventMap {
    'lc-checkout-request': LcCheckoutRequestEvent;
  }
}
