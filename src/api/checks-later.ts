/**
 * The checks `HttpCheckoutApi` loads on first need (see `schemaFor` in client.ts): every
 * answer's but the catalog's. Only these, so the namespace the client imports keeps no other
 * check alive in the script-tag build.
 */
export {
  AcceptanceRequest,
  AddressValidation,
  AdminAccessTemplates,
  Agreement,
  CountryRules,
  CustomerList,
  DomainAvailability,
  EndDates,
  Order,
  Quote,
  SubscriptionList,
  TenantLookup,
} from './checks.gen.js';
