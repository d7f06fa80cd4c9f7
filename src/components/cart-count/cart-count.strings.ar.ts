import type { StringTable } from '../../i18n/strings.js';

/**
 * Arabic text of `<lc-cart-count>`, to be folded into src/i18n/ar.ts: every plural form
 * `Intl.PluralRules('ar')` chooses (zero, one, two, few, many, other).
 */
export const cartCountAr: StringTable = {
  'cartCount.label': 'السلة',
  'cartCount.lines.zero': 'لا منتجات',
  'cartCount.lines.one': 'منتج واحد',
  'cartCount.lines.two': 'منتجان',
  'cartCount.lines.few': '{count} منتجات',
  'cartCount.lines.many': '{count} منتجًا',
  'cartCount.lines.other': '{count} منتج',
  'cartCount.seats.zero': 'لا تراخيص',
  'cartCount.seats.one': 'ترخيص واحد',
  'cartCount.seats.two': 'ترخيصان',
  'cartCount.seats.few': '{count} تراخيص',
  'cartCount.seats.many': '{count} ترخيصًا',
  'cartCount.seats.other': '{count} ترخيص',
};
