/**
 * Default (English) text of `<lc-customer-details>`. Override any key through the element's
 * `strings` property or `<lc-checkout>.strings`. `{name}` placeholders are filled with plain text.
 *
 * Keys start with `customerDetails.`: `<lc-checkout>.strings` is one table shared by every
 * step, so an override meant for this step cannot change another step's text. The field
 * labels are keyed by field name (`customerDetails.{field}`).
 *
 * Error messages are keyed by the validators' codes (see `ErrorCode` in
 * `src/checkout/validate.ts`): `{label}` is the field's label (for the state and the postal
 * code, the chosen country's word for it, e.g. "ZIP code"), `{country}` the chosen country's name.
 */
export const customerDetailsStrings = {
  'customerDetails.heading': 'Customer details',
  'customerDetails.intro': 'Enter the details of the customer you are ordering for.',
  'customerDetails.legendCompany': 'Company',
  'customerDetails.legendAddress': 'Address',
  'customerDetails.legendContact': 'Primary contact',
  'customerDetails.companyName': 'Company name',
  'customerDetails.companyNameHint':
    'Enter the exact legal name. If the customer already has a Microsoft 365 tenant, it must match the name registered with Microsoft character for character.',
  'customerDetails.country': 'Country or region',
  'customerDetails.countryPlaceholder': 'Choose a country or region',
  'customerDetails.line1': 'Address line 1',
  'customerDetails.line2': 'Address line 2',
  'customerDetails.city': 'City',
  'customerDetails.state': 'State or province',
  'customerDetails.postalCode': 'Postal code',
  'customerDetails.firstName': 'First name',
  'customerDetails.lastName': 'Last name',
  'customerDetails.email': 'Email',
  'customerDetails.emailHint': 'We send the customer’s account information here.',
  'customerDetails.phone': 'Phone',
  'customerDetails.optional': '(optional)',
  'customerDetails.back': 'Back',
  'customerDetails.next': 'Continue',
  'customerDetails.checkingAddress': 'Checking address…',
  'customerDetails.errorSummaryTitle': 'There is a problem',
  'customerDetails.errorRequired': '{label} is required.',
  'customerDetails.errorTooLong': '{label} must be {max} characters or fewer.',
  'customerDetails.errorEmail': 'Enter an email address like name@example.com.',
  'customerDetails.errorPhone': 'Enter a phone number with digits and, if needed, + ( ) - . / and an extension.',
  'customerDetails.errorCountry': 'Choose a country or region from the list.',
  'customerDetails.errorStateRequired': '{label} is required for addresses in {country}.',
  'customerDetails.errorPostalCode': '{label} is not in the format used in {country}.',
  /** The phone number does not match the pattern of the country's rules (`GET /country-rules`). */
  'customerDetails.errorPhonePattern': 'Enter the phone number in the format used in {country}.',
  'customerDetails.errorInvalid': 'Check {label}.',
  'customerDetails.addressNotValid': 'This address could not be found. Check it and try again.',
  'customerDetails.suggestionsLegend': 'We found a closer match',
  'customerDetails.suggestionsHint': 'Choose the address to use.',
  'customerDetails.suggestionAsEntered': 'Use the address as entered',
  'customerDetails.errorChooseAddress': 'Choose one of the addresses.',
  'customerDetails.addressChoiceLabel': 'Address',
  'customerDetails.addressCheckFailed': 'We could not check the address.',
  'customerDetails.addressCheckFailedDetail': 'Check your connection and try again, or continue without the check.',
  'customerDetails.retry': 'Retry',
  'customerDetails.continueAnyway': 'Continue anyway',
  'customerDetails.announceSuggestionUsed': 'The address fields were updated with the suggested address.',
  // The words each country uses for its address fields (customer-details.address.ts): state
  // types, postal code types and city types of Google's address metadata.
  'customerDetails.state.state': 'State',
  'customerDetails.state.province': 'Province',
  'customerDetails.state.county': 'County',
  'customerDetails.state.prefecture': 'Prefecture',
  'customerDetails.state.emirate': 'Emirate',
  'customerDetails.state.parish': 'Parish',
  'customerDetails.state.island': 'Island',
  'customerDetails.state.department': 'Department',
  'customerDetails.state.region': 'Region',
  'customerDetails.state.area': 'Area',
  'customerDetails.state.do_si': 'Province',
  'customerDetails.state.district': 'District',
  'customerDetails.state.oblast': 'Oblast',
  'customerDetails.postal.postal': 'Postal code',
  'customerDetails.postal.postcode': 'Postcode',
  'customerDetails.postal.zip': 'ZIP code',
  'customerDetails.postal.eircode': 'Eircode',
  'customerDetails.postal.pin': 'PIN code',
  'customerDetails.city.suburb': 'Suburb',
  'customerDetails.city.post_town': 'Town or city',
  'customerDetails.city.district': 'District',
  'customerDetails.statePlaceholder': 'Choose one',
};

export type CustomerDetailsStrings = typeof customerDetailsStrings;
