/**
 * Default (English) text of `<lc-customer-details>`. Override any key through the element's
 * `strings` property or `<lc-checkout>.strings`. `{name}` placeholders are filled with plain text.
 *
 * Error messages are keyed by the validators' codes (see `ErrorCode` in
 * `src/checkout/validate.ts`): `{label}` is the field's label, `{country}` the chosen country's name.
 */
export const customerDetailsStrings = {
  heading: 'Customer details',
  intro: 'Enter the details of the customer you are ordering for.',
  legendCompany: 'Company',
  legendAddress: 'Address',
  legendContact: 'Primary contact',
  companyName: 'Company name',
  companyNameHint:
    'Enter the exact legal name. If the customer already has a Microsoft 365 tenant, it must match the name registered with Microsoft character for character.',
  country: 'Country or region',
  countryPlaceholder: 'Choose a country or region',
  line1: 'Address line 1',
  line2: 'Address line 2',
  city: 'City',
  state: 'State or province',
  postalCode: 'Postal code',
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email',
  emailHint: 'We send the customer’s account information here.',
  phone: 'Phone',
  optional: '(optional)',
  back: 'Back',
  next: 'Continue',
  checkingAddress: 'Checking address…',
  errorSummaryTitle: 'There is a problem',
  errorRequired: '{label} is required.',
  errorTooLong: '{label} must be {max} characters or fewer.',
  errorEmail: 'Enter an email address like name@example.com.',
  errorPhone: 'Enter a phone number with digits and, if needed, + ( ) - . / and an extension.',
  errorCountry: 'Choose a country or region from the list.',
  errorStateRequired: 'Enter the state or province: addresses in {country} need one.',
  errorPostalCode: 'Enter a postal code in the format used in {country}.',
  errorInvalid: 'Check {label}.',
  addressNotValid: 'This address could not be found. Check it and try again.',
  suggestionsLegend: 'We found a closer match',
  suggestionsHint: 'Choose the address to use.',
  suggestionAsEntered: 'Use the address as entered',
  errorChooseAddress: 'Choose one of the addresses.',
  addressChoiceLabel: 'Address',
  addressCheckFailed: 'We could not check the address.',
  addressCheckFailedDetail: 'Check your connection and try again, or continue without the check.',
  retry: 'Retry',
  continueAnyway: 'Continue anyway',
  announceSuggestionUsed: 'The address fields were updated with the suggested address.',
};

export type CustomerDetailsStrings = typeof customerDetailsStrings;
