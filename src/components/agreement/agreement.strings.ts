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
  'agreement.intro':
    'Someone who can sign for {name} accepts the Microsoft Customer Agreement on Microsoft’s own page, without signing in. Create the link here and send it to them.',
  'agreement.link': 'Read the Microsoft Customer Agreement (version {version})',
  'agreement.linkNoVersion': 'Read the Microsoft Customer Agreement',
  'agreement.opensInNewTab': '(opens in a new tab)',
  'agreement.signatoryLegend': 'Who signs',
  /** `{name}`, `{email}`: the primary contact. */
  'agreement.contactSigns': '{name} ({email}), the primary contact, signs.',
  'agreement.someoneElse': 'Someone else signs',
  'agreement.firstName': 'First name',
  'agreement.lastName': 'Last name',
  'agreement.email': 'Email',
  'agreement.phone': 'Phone',
  'agreement.optional': '(optional)',
  'agreement.create': 'Create the acceptance link',
  'agreement.createFailed': 'The link could not be created.',
  'agreement.linkLabel': 'Acceptance link',
  'agreement.copy': 'Copy link',
  'agreement.copied': 'Link copied.',
  'agreement.copyFailed': 'Could not copy. Select the link and copy it yourself.',
  'agreement.open': 'Open (new tab)',
  'agreement.email.send': 'Email to the customer',
  /** `{company}`: the customer; `{name}`: the signatory; `{url}`: the link; `{expires}`: date and time. */
  'agreement.email.subject': 'Microsoft Customer Agreement for {company}',
  'agreement.email.body':
    'Hello {name},\n\nPlease read and accept the Microsoft Customer Agreement for {company} on Microsoft’s page (no sign-in needed):\n\n{url}\n\nThe link works until {expires}.\n\nThank you.',
  /** `{name}`: the signatory. */
  'agreement.status.link-generated': 'Waiting for {name} to accept.',
  'agreement.status.required': 'Waiting for the link.',
  'agreement.status.customer-accepted': 'Accepted by {name}.',
  'agreement.status.agreement-created': 'Accepted by {name} and recorded.',
  'agreement.status.link-expired': 'The link expired. Generate a new one and send it again.',
  /** `{date}`: date and time; `{left}`: e.g. "in 6 days". */
  'agreement.expires': 'The link works until {date} ({left}).',
  'agreement.expired': 'Expired on {date}.',
  'agreement.acceptedOn': 'Accepted on {date}.',
  'agreement.regenerate': 'Generate a new link',
  'agreement.following': 'This page updates by itself when the customer accepts.',
  'agreement.continuePending': 'You can continue now: the order waits for the acceptance while it is set up.',
  'agreement.continueRequired': 'This store requires acceptance before the order: you can continue once {name} has accepted.',
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
  'agreement.error.acceptance-missing': 'Create the acceptance link first.',
  'agreement.error.acceptance-stale': 'The link was made for another company name. Create a new one.',
  'agreement.error.acceptance-pending': 'Wait until {name} has accepted.',
  'agreement.error.invalid': 'Check {label}.',
};

export type AgreementStrings = typeof agreementStrings;
