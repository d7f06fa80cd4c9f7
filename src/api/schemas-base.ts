/**
 * The contract's building blocks and the bodies of the look-ups before the order (customers,
 * domains, tenants, addresses, country rules, the agreement, acceptance requests, admin
 * access, the recipient; the catalog is in schemas-cart.ts). `schemas.ts` re-exports all of
 * it; import from there.
 *
 * Money is always an integer amount in the currency's minor unit (cents for USD).
 */
import * as z from 'zod/mini';
import { DOMAIN_PREFIX_PATTERN } from './contract-values.js';

export { DOMAIN_PREFIX_PATTERN } from './contract-values.js';

// ---------------------------------------------------------------------------------------
// Shared building blocks (the cart's, such as Term and IsoDate, are in schemas-cart.ts)

/**
 * A link the widget renders (agreement text, a link to send the customer): http(s) only,
 * since `javascript:` and `data:` URLs are valid URLs too and would run in the host page.
 */
export const WebUrl = z.url({ protocol: /^https?$/ });

/** ISO 3166-1 alpha-2, e.g. `US`. */
export const CountryCode = z.string().check(z.regex(/^[A-Z]{2}$/));

/** A point in time, ISO 8601 with offset. */
export const IsoDateTime = z.iso.datetime({ offset: true });

/** A new tenant's domain prefix: letters and digits, 1–27 characters (Partner Center rule). */
export const DomainPrefix = z.string().check(z.regex(DOMAIN_PREFIX_PATTERN));

/** A default domain such as `contoso.onmicrosoft.com` (any verified domain is accepted). */
export const TenantDomain = z
  .string()
  .check(
    z.minLength(3),
    z.maxLength(253),
    z.regex(/^(?=.{3,253}$)([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/),
  );

// ---------------------------------------------------------------------------------------
// GET /customers?search=

export const Customer = z.object({
  id: z.string().check(z.minLength(1)),
  companyName: z.string(),
  defaultDomain: z.string(),
  /** Whether a current Microsoft Customer Agreement acceptance is on file for this customer. */
  agreementOnFile: z.boolean(),
  /**
   * The customer accepted the current agreement directly in the Microsoft 365 admin center
   * (so it is on file without an acceptance request of the reseller's).
   */
  acceptedDirectly: z.optional(z.boolean()),
  country: z.optional(z.string()),
});
export type Customer = z.infer<typeof Customer>;

export const CustomerList = z.object({
  customers: z.array(Customer),
});
export type CustomerList = z.infer<typeof CustomerList>;

// ---------------------------------------------------------------------------------------
// GET /domains/{prefix}

export const DomainAvailability = z.object({
  prefix: z.string(),
  /** The full domain the prefix would give: `{prefix}.onmicrosoft.com`. */
  domain: z.string(),
  available: z.boolean(),
  /** Available alternatives when taken (prefixes, not full domains). */
  suggestions: z.array(z.string()),
});
export type DomainAvailability = z.infer<typeof DomainAvailability>;

// ---------------------------------------------------------------------------------------
// GET /tenants/{domain}

export const TenantLookup = z.object({
  domain: z.string(),
  exists: z.boolean(),
  /** The company name registered with Microsoft for that tenant, when it exists. */
  companyName: z.optional(z.string()),
  tenantId: z.optional(z.string()),
});
export type TenantLookup = z.infer<typeof TenantLookup>;

// ---------------------------------------------------------------------------------------
// POST /addresses/validate

export const Address = z.object({
  country: CountryCode,
  line1: z.string().check(z.minLength(1), z.maxLength(200)),
  line2: z.optional(z.string().check(z.maxLength(200))),
  city: z.string().check(z.minLength(1), z.maxLength(100)),
  /** State, province or region, where the country needs one. */
  state: z.optional(z.string().check(z.maxLength(100))),
  postalCode: z.string().check(z.minLength(1), z.maxLength(20)),
});
export type Address = z.infer<typeof Address>;

export const AddressStatus = z.enum(['verified', 'interaction-required', 'not-valid', 'none']);
export type AddressStatus = z.infer<typeof AddressStatus>;

export const AddressValidation = z.object({
  status: AddressStatus,
  /** Human-readable explanation, when the status is not `verified`. */
  message: z.optional(z.string()),
  /** Corrected addresses the user may pick from. */
  suggestions: z.array(Address),
});
export type AddressValidation = z.infer<typeof AddressValidation>;

// ---------------------------------------------------------------------------------------
// GET /country-rules/{country}: a country's address rules, as Partner Center publishes them
// (GET /v1/countryvalidationrules/{country}), so the store's backend is their source of truth.

/** One of a country's states, provinces or regions. */
export const CountryState = z.object({
  /** What `Address.state` carries, e.g. `WA`. */
  code: z.string().check(z.minLength(1), z.maxLength(100)),
  name: z.string().check(z.minLength(1)),
});
export type CountryState = z.infer<typeof CountryState>;

export const CountryRules = z.object({
  country: CountryCode,
  /** Whether an address in this country needs `state`. */
  stateRequired: z.boolean(),
  /** The fixed list `state` takes its value from; empty when the state is free text (or not asked). */
  states: z.array(CountryState),
  /** A regular expression (ECMAScript, unanchored source) a postal code matches, when the country has one. */
  postalCodePattern: z.optional(z.string()),
  /** A regular expression a phone number matches, when the store checks phone numbers. */
  phonePattern: z.optional(z.string()),
});
export type CountryRules = z.infer<typeof CountryRules>;

// ---------------------------------------------------------------------------------------
// GET /agreement

export const Agreement = z.object({
  templateId: z.string().check(z.minLength(1)),
  version: z.string(),
  /** Where the current agreement text can be read. */
  url: WebUrl,
  /**
   * The store places no order for a customer who has not accepted yet: the checkout waits
   * for `customer-accepted` before the review. Absent means false (the order may wait on it).
   */
  acceptanceRequiredBeforeOrder: z.optional(z.boolean()),
});
export type Agreement = z.infer<typeof Agreement>;

// ---------------------------------------------------------------------------------------
// Order inputs

export const Contact = z.object({
  firstName: z.string().check(z.minLength(1), z.maxLength(50)),
  lastName: z.string().check(z.minLength(1), z.maxLength(50)),
  email: z.email(),
  phone: z.optional(z.string().check(z.maxLength(40))),
});
export type Contact = z.infer<typeof Contact>;


// ---------------------------------------------------------------------------------------
// POST /agreement-acceptances, GET /agreement-acceptances/{id} (and …/events),
// POST /agreement-acceptances/{id}/link

/**
 * Where a Microsoft Customer Agreement acceptance request stands: `required` (no link yet),
 * `link-generated` (sent, waiting for the signatory), `customer-accepted` (accepted on
 * Microsoft's page), `link-expired` (generate a new one), `agreement-created` (recorded for
 * the customer's tenant during provisioning).
 */
export const AcceptanceStatus = z.enum(['required', 'link-generated', 'customer-accepted', 'link-expired', 'agreement-created']);
export type AcceptanceStatus = z.infer<typeof AcceptanceStatus>;

/** The customer as Microsoft's acceptance page shows it. No tenant is needed yet. */
export const AcceptanceCompany = z.object({
  /** The exact legal name, as in the order. */
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  country: CountryCode,
  /** The language of the page the signatory sees: a BCP 47 tag such as `en` or `de-DE`. */
  language: z.string().check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/)),
});
export type AcceptanceCompany = z.infer<typeof AcceptanceCompany>;

/** `POST /agreement-acceptances`: who signs, for which company. */
export const CreateAcceptanceRequest = z.object({
  /** The person who reads and accepts the agreement (often the primary contact). */
  signatory: Contact,
  company: AcceptanceCompany,
});
export type CreateAcceptanceRequest = z.infer<typeof CreateAcceptanceRequest>;

export const AcceptanceRequest = z.object({
  id: z.string().check(z.minLength(1)),
  status: AcceptanceStatus,
  /** The page Microsoft hosts where the signatory accepts, without signing in. Send it to them. */
  url: WebUrl,
  /** When `url` stops working; then the status is `link-expired` and a new link can be generated. */
  expiresAt: IsoDateTime,
  acceptedAt: z.optional(IsoDateTime),
  /** This customer must accept before the order is placed (the store's rule, or this customer's). */
  requiredBeforeOrder: z.optional(z.boolean()),
  signatory: z.optional(Contact),
  company: z.optional(AcceptanceCompany),
});
export type AcceptanceRequest = z.infer<typeof AcceptanceRequest>;

// ---------------------------------------------------------------------------------------
// GET /admin-access/templates: granular delegated admin privileges (GDAP)

/** A Microsoft Entra built-in role; `id` is its role template id. */
export const AdminRole = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string(),
});
export type AdminRole = z.infer<typeof AdminRole>;

/** A set of roles the reseller may ask an existing customer for. */
export const RoleTemplate = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string(),
  description: z.string(),
  roles: z.array(AdminRole).check(z.minLength(1)),
  /** Global Administrator is among the roles: such a request cannot auto-extend. */
  includesGlobalAdministrator: z.boolean(),
});
export type RoleTemplate = z.infer<typeof RoleTemplate>;

export const AdminAccessTemplates = z.object({
  templates: z.array(RoleTemplate),
  /** What a tenant created by an order gets unless the reseller opts out. */
  defaultRoles: z.object({
    roles: z.array(AdminRole),
    /** Whether this store lets the reseller opt out (`adminAccess.defaultRoles: false`). */
    optOutAllowed: z.boolean(),
  }),
});
export type AdminAccessTemplates = z.infer<typeof AdminAccessTemplates>;

/** A GDAP duration in whole days, ISO 8601: `P1D` to `P730D` (two years). */
export const AdminAccessDuration = z.string().check(z.regex(/^P([1-9]\d?|[1-6]\d\d|7[0-2]\d|730)D$/));

/** Admin access asked of an existing tenant's Global Administrator, who approves it at a link. */
export const AdminAccessRequest = z.object({
  templateId: z.string().check(z.minLength(1)),
  duration: AdminAccessDuration,
  /** Extend by 180 days at the end; refused with a template that includes Global Administrator. */
  autoExtend: z.boolean(),
});
export type AdminAccessRequest = z.infer<typeof AdminAccessRequest>;

/**
 * The order's admin access: for a new tenant, whether it gets the default roles (true unless
 * the store allows opting out); for an existing tenant or customer, an optional request.
 */
export const AdminAccessChoice = z.object({
  defaultRoles: z.optional(z.boolean()),
  request: z.optional(AdminAccessRequest),
});
export type AdminAccessChoice = z.infer<typeof AdminAccessChoice>;

/** GDAP relationship status, as Partner Center names it. An unapproved request expires after 90 days. */
export const AdminAccessStatus = z.enum(['approval-pending', 'active', 'expired', 'terminated']);
export type AdminAccessStatus = z.infer<typeof AdminAccessStatus>;

export const CompanyDetails = z.object({
  /** The exact legal name; for an existing tenant, character for character the registered one. */
  companyName: z.string().check(z.minLength(1), z.maxLength(200)),
  address: Address,
  contact: Contact,
});
export type CompanyDetails = z.infer<typeof CompanyDetails>;

export const NewTenant = z.object({ kind: z.literal('new'), prefix: DomainPrefix });
export const ExistingTenant = z.object({ kind: z.literal('existing'), domain: TenantDomain });
export const TenantChoice = z.discriminatedUnion('kind', [NewTenant, ExistingTenant]);
export type TenantChoice = z.infer<typeof TenantChoice>;

/** Who the order is for: exactly one recipient per order. */
export const Recipient = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('internal') }),
  z.object({ kind: z.literal('existing'), customerId: z.string().check(z.minLength(1)) }),
  z.object({ kind: z.literal('new'), company: CompanyDetails, tenant: TenantChoice }),
]);
export type Recipient = z.infer<typeof Recipient>;
