import type { PriceStrings } from './price.strings.js';

/** German text of `<lc-price>`, to be folded into src/i18n/de.ts (`per.*` is there already, same text). */
export const priceDe: PriceStrings = {
  'per.monthly': '{amount} pro Monat',
  'per.annual': '{amount} pro Jahr',
  'price.loading': 'Wird geladen…',
  'price.unavailable': 'Nicht verfügbar',
};
