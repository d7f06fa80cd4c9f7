import type { PriceStrings } from './price.strings.js';

/** Arabic text of `<lc-price>`, to be folded into src/i18n/ar.ts (`per.*` is there already, same text). */
export const priceAr: PriceStrings = {
  'per.monthly': '{amount} شهريًا',
  'per.annual': '{amount} سنويًا',
  'price.loading': 'جارٍ التحميل…',
  'price.unavailable': 'غير متوفر',
};
