import type { AddToCartStrings } from './add-to-cart.strings.js';

/** German text of `<lc-add-to-cart>`, to be folded into src/i18n/de.ts. */
export const addToCartDe: AddToCartStrings = {
  'addToCart.label': 'In den Warenkorb',
  'addToCart.product': '{name}',
  'addToCart.adding': 'Wird hinzugefügt…',
  'addToCart.added': 'Im Warenkorb',
  'addToCart.capped': 'Hinzugefügt: Der Warenkorb enthält die Höchstmenge, {max}.',
  'addToCart.failed': 'Konnte nicht hinzugefügt werden. Bitte erneut versuchen.',
  'addToCart.unavailable': 'Nicht verfügbar',
};
