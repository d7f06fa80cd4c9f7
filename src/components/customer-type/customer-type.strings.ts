/**
 * Default (English) text of `<lc-customer-type>`. Override any key through the element's
 * `strings` property or `<lc-checkout>.strings`. `{name}` placeholders are filled with plain text.
 *
 * Error messages are keyed by the validators' codes: `errorRequired.{field}` where a field
 * has its own wording, else `errorRequired` with `{label}`.
 */
export const customerTypeStrings = {
  heading: 'Customer',
  recipientLegend: 'Who is this order for?',
  internal: 'My own organization (internal use)',
  customer: 'A customer I resell to',
  customerKindLegend: 'Is this an existing or a new customer?',
  existing: 'Existing customer',
  new: 'New customer',
  noteOneCustomer:
    'An order is for one customer. Changing who the order is for clears what you entered for the previous one.',
  changedWarning: 'You changed who this order is for. What was entered for {previous} is cleared when you continue with this choice.',
  previousInternal: 'your own organization',
  previousNew: 'the new customer',
  previousExisting: '{name}',
  searchLabel: 'Search your customers',
  searchHint: 'Type part of the company name or the default domain.',
  customersLegend: 'Your customers',
  searching: 'Searching…',
  resultsOne: '1 customer found.',
  resultsMany: '{count} customers found.',
  noResults: 'No customer matches “{search}”. Check the spelling or create a new customer.',
  noCustomers: 'You have no customers yet. Create a new customer.',
  createNew: 'Create a new customer',
  searchFailed: 'We could not load your customers.',
  searchFailedDetail: 'Check your connection and try again. Your search is kept.',
  retry: 'Retry',
  agreementOnFile: 'Agreement on file',
  agreementNeeded: 'Agreement needed',
  selectedCustomer: 'Selected customer: {name} ({domain})',
  errorSummaryTitle: 'There is a problem',
  errorRequired: '{label} is required.',
  'errorRequired.recipientKind': 'Choose who this order is for.',
  'errorRequired.customerKind': 'Choose whether this is an existing or a new customer.',
  'errorRequired.customer': 'Choose a customer from the list, or create a new customer.',
  errorInvalid: 'Check {label}.',
  labelRecipientKind: 'Who the order is for',
  labelCustomerKind: 'Existing or new customer',
  labelCustomer: 'Customer',
  back: 'Back',
  next: 'Continue',
};

export type CustomerTypeStrings = typeof customerTypeStrings;
