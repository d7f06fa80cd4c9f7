/**
 * Default (English) text of `<lc-agreement>`. Override any key through the element's
 * `strings` property or `<lc-checkout>.strings`. `{name}` placeholders are filled with plain text.
 *
 * Keys start with `agreement.`: `<lc-checkout>.strings` is one table shared by every step, so
 * an override meant for this step cannot change another step's text.
 *
 * Error messages are keyed by the validators' codes (see `ErrorCode` in
 * `src/checkout/validate.ts`): `agreement.error.{code}`, with `{label}` the field's label.
 */
export const agreementStrings = {
  'agreement.heading': 'Microsoft Customer Agreement',
  /** `{name}`: the customer's name (`customerName`), or `agreement.theCustomer`. */
  'agreement.theCustomer': 'The customer',
  'agreement.theCustomerLower': 'the customer',
  'agreement.attestIntro':
    'The customer’s representative must accept the Microsoft Customer Agreement. Confirm who accepted it and when.',
  'agreement.link': 'Read the Microsoft Customer Agreement (version {version})',
  'agreement.linkNoVersion': 'Read the Microsoft Customer Agreement',
  'agreement.opensInNewTab': '(opens in a new tab)',
  'agreement.signatoryLegend': 'Who accepted it',
  'agreement.firstName': 'First name',
  'agreement.lastName': 'Last name',
  'agreement.email': 'Email',
  'agreement.phone': 'Phone',
  'agreement.dateAccepted': 'Date accepted',
  'agreement.dateAcceptedHint': 'The day the representative accepted it: today ({today}) or earlier.',
  'agreement.accepted': '{name} has accepted the Microsoft Customer Agreement',
  'agreement.acceptedLabel': 'Acceptance',
  'agreement.optional': '(optional)',
  'agreement.customerAcceptsIntro':
    '{name} accepts the Microsoft Customer Agreement on Microsoft’s own page. Nothing to fill in here.',
  'agreement.customerAcceptsNext':
    'After you place the order, the provisioning step shows the link to send so that {name} can accept it. The subscriptions become active once the agreement is accepted.',
  'agreement.loading': 'Loading the Microsoft Customer Agreement…',
  'agreement.loadFailed': 'The Microsoft Customer Agreement could not be loaded.',
  'agreement.loadFailedDetail': 'Check your connection, then try again. What you entered is kept.',
  'agreement.unavailable': 'The Microsoft Customer Agreement is not available yet.',
  'agreement.retry': 'Retry',
  'agreement.back': 'Back',
  'agreement.next': 'Continue',
  'agreement.errorSummaryTitle': 'There is a problem',
  'agreement.error.required': '{label} is required.',
  'agreement.error.too-long': '{label} must be {max} characters or fewer.',
  'agreement.error.email': 'Enter an email address like name@example.com.',
  'agreement.error.phone': 'Enter a phone number with digits and, if needed, + ( ) - . / and an extension.',
  'agreement.error.date': 'Enter a valid date.',
  'agreement.error.future-date': 'The date cannot be in the future.',
  'agreement.error.accept-required': 'Confirm that {name} has accepted the Microsoft Customer Agreement.',
  'agreement.error.invalid': 'Check {label}.',
};

export type AgreementStrings = typeof agreementStrings;
