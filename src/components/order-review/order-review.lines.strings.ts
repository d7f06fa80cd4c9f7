/**
 * Default (English) text of the review's new-commerce parts: per line, seats or a new
 * subscription, its end date, renewal, cancellation deadline and promotion; the purchase
 * order number. Part of `<lc-order-review>`'s strings (`order-review.strings.ts`).
 */
export const orderReviewLineStrings = {
  'review.line.howLabel': 'How to buy',
  'review.line.addSeats': 'Add {quantity} seats to the subscription ending {date}',
  'review.line.addSeatsHas': 'It has {count} seats now.',
  'review.line.new': 'A new subscription',
  'review.line.addSeatsExplained':
    'Added seats are charged only until that subscription’s next billing day, then billed, renewed and ended with it.',
  'review.line.newExplained': 'A new subscription has its own term, end date and renewal, and is billed separately.',
  'review.line.endDate': 'Ends on',
  'review.line.endDate.calendar-month-end': '{date} (end of the month)',
  'review.line.endDate.subscription': '{date} (with {product})',
  'review.line.endDateHint': 'Ending with an existing subscription keeps one renewal date.',
  'review.line.autoRenew': 'Renew automatically',
  'review.line.renewsOn': 'Renews on {date}. The price at renewal can differ.',
  'review.line.noRenewal': 'Does not renew: it ends on {date}.',
  'review.line.seatsRenew': 'The seats end on {end} and renew with the subscription on {date}.',
  'review.line.seatsEnd': 'The subscription does not renew: the seats end with it on {date}.',
  'review.line.endsOn': 'Ends on {date}',
  'review.line.cancellable': 'Can be cancelled or reduced until {datetime}',
  'review.line.cancellableHint': 'After that, not until the end of the term.',
  'review.line.promotion': 'Promotion “{name}”: {percent} % off, {saving} less on the first invoice',
  'review.line.promotionNotApplied': 'Promotion “{name}” does not apply: {reason}',
  'review.lineRefused': 'The store refused the order as it stands: see the message next to the line, then change it in the cart.',
  'review.purchaseOrder': 'Purchase order number (optional)',
  'review.purchaseOrderHint': 'Up to 40 characters. Shown on the order and its invoices.',
  'review.purchaseOrderTooLong': 'Use at most 40 characters.',
};
