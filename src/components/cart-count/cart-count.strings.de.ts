import type { StringTable } from '../../i18n/strings.js';

/** German text of `<lc-cart-count>`, to be folded into src/i18n/de.ts. */
export const cartCountDe: StringTable = {
  'cartCount.label': 'Warenkorb',
  'cartCount.lines.one': '{count} Produkt',
  'cartCount.lines.other': '{count} Produkte',
  'cartCount.seats.one': '{count} Lizenz',
  'cartCount.seats.other': '{count} Lizenzen',
};
