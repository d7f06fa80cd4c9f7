/**
 * Default (English) text of a cart line's comparison of what each term and billing costs
 * per year. Part of `<lc-cart>`'s strings (`cart.strings.ts`).
 */
export const cartPerYearStrings = {
  'cart.perYear.label': 'Per licence and year',
  'cart.perYear.offer': '{term}, {billing}',
  'cart.perYear.chosen': '(chosen)',
  'cart.perYear.lowest': '(lowest)',
};
