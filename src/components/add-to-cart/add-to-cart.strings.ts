/**
 * Default (English) text of `<lc-add-to-cart>`. Override any key through the element's
 * `strings` or `configureTags({ strings })`; the label also through the default slot.
 */
export const addToCartStrings = {
  'addToCart.label': 'Add to cart',
  /** Visually hidden after the label, so the button's name says which product it adds. */
  'addToCart.product': '{name}',
  'addToCart.adding': 'Adding…',
  'addToCart.added': 'Added to cart',
  'addToCart.capped': 'Added: the cart holds the maximum, {max}.',
  'addToCart.failed': 'Could not add it. Try again.',
  'addToCart.unavailable': 'Not available',
};

export type AddToCartStrings = typeof addToCartStrings;
