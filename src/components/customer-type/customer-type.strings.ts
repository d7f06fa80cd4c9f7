/**
 * Default (English) text of `<lc-customer-type>`. Override any key through the element's
 * `strings` property or `<lc-checkout>.strings`. `{name}` placeholders are filled with plain text.
 *
 * Keys start with `customerType.`: `<lc-checkout>.strings` is one table shared by every step,
 * so an override meant for this step cannot change another step's text.
 *
 * Error messages are keyed by the validators' codes: `customerType.errorRequired.{field}`
 * (or `customerType.errorInvalid.{field}`) where a field has its own wording, else
 * `customerType.errorRequired` (`customerType.errorInvalid`) with `{label}`.
 */
export const customerTypeStrings = {
  'customerType.heading': 'Customer',
  'customerType.recipientLegend': 'Who is this order for?',
  'customerType.internal': 'My own organization (internal use)',
  'customerType.customer': 'A customer I resell to',
  'customerType.customerKindLegend': 'Is this an existing or a new customer?',
  'customerType.existing': 'Existing customer',
  'customerType.new': 'New customer',
  'customerType.noteOneCustomer':
    'An order is for one customer. Changing who the order is for clears what you entered for the previous one.',
  'customerType.changedWarning': 'You changed who this order is for. What was entered for {previous} is cleared when you continue with this choice.',
  'customerType.previousInternal': 'your own organization',
  'customerType.previousNew': 'the new customer',
  'customerType.previousExisting': '{name}',
  'customerType.searchLabel': 'Search your customers',
  'customerType.searchHint': 'Type part of the company name or the default domain.',
  'customerType.customersLegend': 'Your customers',
  'customerType.searching': 'Searching…',
  'customerType.resultsOne': '1 customer found.',
  'customerType.resultsMany': '{count} customers found.',
  'customerType.noResults': 'No customer matches “{search}”. Check the spelling or create a new customer.',
  'customerType.noCustomers': 'You have no customers yet. Create a new customer.',
  'customerType.createNew': 'Create a new customer',
  'customerType.searchFailed': 'We could not load your customers.',
  'customerType.searchFailedDetail': 'Check your connection and try again. Your search is kept.',
  'customerType.searchRefused': 'The store refused this search (error {status}). Shorten or change it and try again. Your search is kept.',
  'customerType.searchStoreError': 'The store could not answer this search. Try again in a moment. Your search is kept.',
  'customerType.retry': 'Retry',
  'customerType.agreementOnFile': 'Agreement on file',
  'customerType.agreementNeeded': 'Agreement needed',
  'customerType.selectedCustomer': 'Selected customer: {name} ({domain})',
  'customerType.errorSummaryTitle': 'There is a problem',
  'customerType.errorRequired': '{label} is required.',
  'customerType.errorRequired.recipientKind': 'Choose who this order is for.',
  'customerType.errorRequired.customerKind': 'Choose whether this is an existing or a new customer.',
  'customerType.errorRequired.customer': 'Choose a customer from the list, or create a new customer.',
  'customerType.errorInvalid': 'Check {label}.',
  'customerType.labelRecipientKind': 'Who the order is for',
  'customerType.labelCustomerKind': 'Existing or new customer',
  'customerType.labelCustomer': 'Customer',
  'customerType.back': 'Back',
  'customerType.next': 'Continue',
};

export type CustomerTypeStrings = typeof customerTypeStrings;
