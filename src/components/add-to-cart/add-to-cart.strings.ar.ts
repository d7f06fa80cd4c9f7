import type { AddToCartStrings } from './add-to-cart.strings.js';

/** Arabic text of `<lc-add-to-cart>`, to be folded into src/i18n/ar.ts. */
export const addToCartAr: AddToCartStrings = {
  'addToCart.label': 'أضف إلى السلة',
  'addToCart.product': '{name}',
  'addToCart.adding': 'جارٍ الإضافة…',
  'addToCart.added': 'أُضيف إلى السلة',
  'addToCart.capped': 'أُضيف: السلة تحتوي على الحد الأقصى، {max}.',
  'addToCart.failed': 'تعذّرت الإضافة. حاول مرة أخرى.',
  'addToCart.unavailable': 'غير متوفر',
};
