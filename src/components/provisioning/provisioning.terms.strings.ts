/**
 * Default (English) text of what a placed order commits to, on `<lc-provisioning>`'s outcome:
 * the purchase order number, and per line until when it can be cancelled and when it renews.
 * Part of `<lc-provisioning>`'s strings (`provisioning.strings.ts`).
 */
export const provisioningTermsStrings = {
  'provisioning.terms.purchaseOrder': 'Purchase order number',
  'provisioning.terms.heading': 'Cancellation and renewal',
  'provisioning.terms.cancellable': 'Can be cancelled or reduced until {datetime}',
  'provisioning.terms.renews': 'Renews on {date}',
  'provisioning.terms.ends': 'Ends on {date}, without renewal',
  'provisioning.terms.line': '{product} × {quantity}',
};
