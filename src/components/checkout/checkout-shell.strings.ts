/**
 * Default (English) text of `<lc-checkout>` before its core has loaded: the frame, the step
 * list, a step that is loading. Part of `checkoutStrings` (checkout.strings.ts), the table
 * the keys are documented and translated in; kept apart so the script-tag file carries only these.
 */
export const checkoutShellStrings = {
  'checkout.label': 'Order licences',
  'checkout.steps': 'Checkout steps',
  'checkout.step.cart': 'Cart',
  'checkout.step.customer-type': 'Recipient',
  'checkout.step.customer-details': 'Company',
  'checkout.step.tenant-domain': 'Tenant',
  'checkout.step.agreement': 'Agreement',
  'checkout.step.review': 'Review',
  'checkout.step.provisioning': 'Order',
  'checkout.stepNumber': 'Step {number}',
  'checkout.goTo': 'Go back to {name}',
  'checkout.loadFailedDetail': 'Nothing you entered is lost. Check your connection, then try again.',
  'checkout.retry': 'Try again',
  'checkout.moreSteps': 'More steps follow once the recipient is chosen',
  // A step whose code is loaded when first shown (the script-tag build).
  'checkout.stepLoading': 'Loading this step…',
  'checkout.stepFailed': 'This step could not be loaded.',
};

export type CheckoutShellStrings = typeof checkoutShellStrings;
