/**
 * Default (English) text of `<lc-price>`. `per.*` is the vocabulary of `<lc-cart>` and
 * `<lc-order-review>`, with the same text: one override changes it everywhere.
 */
export const priceStrings = {
  'per.monthly': '{amount} per month',
  'per.annual': '{amount} per year',
  'price.loading': 'Loading…',
  'price.unavailable': 'Not available',
};

export type PriceStrings = typeof priceStrings;
