import { orderReviewLineStrings } from './order-review.lines.strings.js';

/**
 * Default (English) text of `<lc-order-review>`. Override any key through the element's
 * `strings` property or `<lc-checkout>.strings`. Keys specific to the review start with
 * `review.`; the vocabulary shared with the cart (`term.*`, `billing.*`, `per.*`) uses the
 * cart's keys, so one override renames a term everywhere. `{name}` placeholders are filled
 * with plain text.
 */
export const orderReviewStrings = {
  'review.heading': 'Review and place the order',
  'review.intro': 'Check the order. The first invoice is prorated to the end of each billing period.',
  'review.recipient': 'Ordered for',
  'review.recipient.internal': 'Your own organization (internal use)',
  'review.recipient.existing': '{company} (existing customer)',
  'review.recipient.new': '{company} (new customer)',
  'review.tenant': 'Microsoft tenant',
  'review.tenant.new': '{domain} (created with this order)',
  'review.tenant.existing': '{domain}',
  'review.tenant.internal': 'Your own tenant',
  'review.agreement': 'Microsoft Customer Agreement',
  /** `{name}`: the signatory. */
  'review.agreement.accepted': 'Accepted by {name}',
  'review.agreement.acceptedOn': 'Accepted by {name} on {date}',
  'review.agreement.pending': 'Not accepted yet: the order waits for {name} to accept it at the link while it is set up',
  'review.lines': 'Licences',
  'review.edit': 'Edit',
  'review.edit.recipient': 'Edit the recipient',
  'review.edit.company': 'Edit the company details',
  'review.edit.tenant': 'Edit the tenant',
  'review.edit.agreement': 'Edit the agreement acceptance',
  'review.edit.lines': 'Edit the cart',
  'review.quantity': 'Quantity',
  'review.unitPrice': 'Unit price',
  'review.periodAmount': 'Each period',
  'review.firstInvoice': 'First invoice',
  'review.period': '{range}, {charged} of {days} days',
  'review.quoteLoading': 'Calculating the first invoice…',
  'review.quoteFailed': 'The first invoice could not be calculated.',
  'review.quoteFailedDetail': 'Your order is unchanged. Check your connection, then try again.',
  'review.quoteRetry': 'Try again',
  'review.totals': 'Totals',
  'review.firstInvoiceTotal': 'First invoice (before tax)',
  'review.recurring': 'Then',
  'review.unknownProduct': 'Product {id}',
  'review.placeOrder': 'Place order',
  'review.placing': 'Placing order…',
  'review.placeOrderHint': 'Placing the order is final: the subscriptions are created right away.',
  'review.waitForQuote': 'The order can be placed once the first invoice is calculated.',
  'review.back': 'Back',
  'term.P1M': '1 month',
  'term.P1Y': '1 year',
  'term.P3Y': '3 years',
  'billing.monthly': 'Billed monthly',
  'billing.annual': 'Billed annually',
  'per.monthly': '{amount} per month',
  'per.annual': '{amount} per year',
  ...orderReviewLineStrings,
};

export type OrderReviewStrings = typeof orderReviewStrings;
