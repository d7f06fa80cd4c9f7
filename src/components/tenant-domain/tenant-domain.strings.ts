/**
 * Default (English) text of `<lc-tenant-domain>`. Override any key through the element's
 * `strings` property or `<lc-checkout>.strings`. `{name}` placeholders are filled with plain text.
 *
 * Keys start with `tenant.`: `<lc-checkout>.strings` is one table shared by every step, so
 * an override meant for this step cannot change another step's text.
 *
 * Error messages are keyed by the validators' codes (see `ErrorCode` in
 * `src/checkout/validate.ts`): `tenant.error.{code}`, or `tenant.error.{field}.{code}` where
 * the wording depends on the field.
 */
export const tenantDomainStrings = {
  'tenant.heading': 'Microsoft 365 tenant',
  'tenant.intro':
    'The licences are added to the customer’s Microsoft 365 tenant: its organization account with Microsoft. Use the tenant it already has, or create a new one.',
  'tenant.hasTenant': 'My customer is already using Microsoft 365 / Office 365',
  'tenant.hasTenantHint': 'Check this if the customer already has a tenant, licensed or not.',
  // New tenant
  'tenant.prefix': 'Domain prefix',
  'tenant.prefixHint': 'Letters A–Z and digits 0–9, at most 27 characters. The new tenant’s domain is the prefix followed by:',
  'tenant.suffix': '.onmicrosoft.com',
  'tenant.permanent': 'The domain name is permanent: it cannot be changed after the tenant is created.',
  'tenant.checking': 'Checking availability…',
  'tenant.available': '{domain} is available',
  'tenant.taken': '{domain} is already taken.',
  'tenant.suggestionsLabel': 'Available instead:',
  'tenant.useSuggestion': 'Use {domain}',
  'tenant.checkFailed': 'The availability of {domain} could not be checked.',
  'tenant.checkFailedDetail': 'Check your connection, then try again.',
  // Existing tenant
  'tenant.domain': 'Default domain',
  'tenant.suffixHint': 'A tenant’s default domain ends in .onmicrosoft.com.',
  'tenant.useSuggestedDomain': 'Use {domain}',
  'tenant.domainHint': 'Find it in the Microsoft 365 admin center, e.g. contoso.onmicrosoft.com',
  'tenant.lookingUp': 'Looking up the tenant…',
  'tenant.found': 'Tenant found.',
  'tenant.registeredName': 'Registered company name',
  'tenant.notFound':
    'No Microsoft 365 tenant uses this default domain. Check it in the customer’s admin center, or uncheck the box to create a new tenant.',
  'tenant.lookupFailed': 'The tenant {domain} could not be looked up.',
  'tenant.lookupFailedDetail': 'Check your connection, then try again.',
  'tenant.mismatchTitle': 'The company name does not match',
  'tenant.mismatchBody':
    'Microsoft requires the company name to match the name registered for this tenant character for character. Differences are marked. Use the registered name, or edit the company details.',
  'tenant.youEntered': 'You entered',
  'tenant.registered': 'Registered with Microsoft',
  'tenant.nothingEntered': '(no company name entered)',
  /** Read by screen readers around a marked run (the mark itself is not announced everywhere). */
  'tenant.diffStart': '[differs: ',
  'tenant.diffEnd': ']',
  'tenant.useRegistered': 'Use “{name}”',
  'tenant.editCompany': 'Edit company details',
  'tenant.announceNameUsed': 'The company name is now “{name}”.',
  // Actions and errors
  'tenant.retry': 'Retry',
  'tenant.back': 'Back',
  'tenant.next': 'Continue',
  'tenant.errorSummaryTitle': 'There is a problem',
  'tenant.companyName': 'Company name',
  'tenant.error.prefix.required': 'Enter a domain prefix.',
  'tenant.error.prefix-chars': 'Use only letters A–Z and digits 0–9. Not allowed: {chars}.',
  /** One disallowed character in the list of `prefix-chars`. */
  'tenant.char': '“{char}”',
  'tenant.charSpace': 'space',
  'tenant.error.prefix-length': 'Use at most {max} characters (you have {count}).',
  'tenant.error.prefix-unchecked': 'The availability of {domain} is not checked yet. Try again.',
  'tenant.error.prefix-taken': '{domain} is already taken. Choose another prefix or one of the suggestions.',
  'tenant.error.domain.required': 'Enter the tenant’s default domain.',
  'tenant.error.domain-format': 'Enter a domain such as contoso.onmicrosoft.com.',
  'tenant.error.tenant-unchecked': 'The tenant could not be looked up yet. Try again.',
  'tenant.error.tenant-not-found':
    'No Microsoft 365 tenant uses this default domain. Check it in the customer’s admin center, or uncheck the box to create a new tenant.',
  'tenant.error.company-name-mismatch':
    'It differs from the name registered with Microsoft. Use the registered name, or edit the company details.',
  'tenant.error.invalid': 'Check this field.',
};

export type TenantDomainStrings = typeof tenantDomainStrings;
