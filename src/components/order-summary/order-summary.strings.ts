/**
 * Default (English) text of `<lc-order-summary>`. Override any key through the element's
 * `strings` property or `<lc-checkout>.strings`. Keys start with `summary.`; the amounts per
 * period use the cart's shared `per.*` keys, so one override renames them everywhere.
 */
export const orderSummaryStrings = {
  'summary.heading': 'Order summary',
  'summary.linesLabel': 'Licences ordered',
  'summary.quantity': '× {count}',
  'summary.total': 'Total',
  'summary.firstInvoice': 'First invoice (prorated)',
  'per.monthly': '{amount} per month',
  'per.annual': '{amount} per year',
};

export type OrderSummaryStrings = typeof orderSummaryStrings;
