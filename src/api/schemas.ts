/**
 * The backend contract: every request and response body of the store's HTTP API, as zod
 * schemas. These are the single source of truth: the TypeScript types below are inferred
 * from them, the HTTP client parses every response with them, the mock backend parses every
 * request with them, and `npm run contract` turns them into `dist/openapi.json`.
 *
 * Runtime code uses `zod/mini` (a fraction of full zod's size); the schemas are ordinary
 * zod core schemas, so full zod's tools (JSON Schema output) accept them at build time.
 *
 * Money is always an integer amount in the currency's minor unit (cents for USD), so no
 * floating-point rounding ever reaches an invoice.
 */
import * as z from 'zod/mini';

// ---------------------------------------------------------------------------------------
// Shared building blocks

/** Subscription term, as an ISO 8601 duration: one month, one year, three years. */
export const Term = z.enum(['P1M', 'P1Y', 'P3Y']);
export type Term = z.infer<typeof Term>;

/** How often the subscription is invoiced. */
export const Billing = z.enum(['monthly', 'annual']);
export type Billing = z.infer<typeof Billing>;

/** ISO 4217 currency code, e.g. `USD`. */
export const CurrencyCode = z.string().check(z.regex(/^[A-Z]{3}$/));

/** An amount in the currency's minor unit (cents). */
export const MinorAmount = z.int();

/** A calendar date, `YYYY-MM-DD`. */
export const IsoDate = z.iso.date();
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
export const DOMAIN_PREFIX_PATTERN = /^[A-Za-z0-9]{1,27}$/;
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
// GET /catalog

/** One way to buy a product: a term, a billing frequency and the price per licence per billing period. */
export const Offer = z.object({
  term: Term,
  billing: Billing,
  /** Price of one licence for one billing period (a month when monthly, a year when annual), minor units. */
  unitPrice: MinorAmount.check(z.nonnegative()),
});
export type Offer = z.infer<typeof Offer>;

/**
 * What one licence of an offer costs per year, in minor units: twelve monthly bills, or one
 * annual bill. Comparable across every term and billing of a product, so the cheaper
 * choice is visible (a monthly term costs about 20 % more than a yearly one).
 */
export function offerPricePerYear(offer: Pick<Offer, 'billing' | 'unitPrice'>): number {
  return offer.billing === 'monthly' ? offer.unitPrice * 12 : offer.unitPrice;
}

export const Product = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
  description: z.optional(z.string()),
  /** Product family, for grouping: e.g. "Microsoft 365", "Security". */
  category: z.optional(z.string()),
  minQuantity: z.int().check(z.gte(1)),
  maxQuantity: z.int().check(z.gte(1)),
  /**
   * The most licences one customer may hold of this product across all its subscriptions
   * (Microsoft 365 Business Basic, Standard and Premium: 300); absent when there is no cap.
   */
  seatCap: z.optional(z.int().check(z.gte(1))),
  offers: z.array(Offer).check(z.minLength(1)),
});
export type Product = z.infer<typeof Product>;

export const Catalog = z.object({
  currency: CurrencyCode,
  products: z.array(Product),
});
export type Catalog = z.infer<typeof Catalog>;

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

/** @deprecated With `attest` retired (January 2026) there is one way: acceptance requests. */
export const AgreementMode = z.enum(['attest', 'customer-accepts']);
export type AgreementMode = z.infer<typeof AgreementMode>;

export const Agreement = z.object({
  templateId: z.string().check(z.minLength(1)),
  version: z.string(),
  /** Where the current agreement text can be read. */
  url: WebUrl,
  /**
   * @deprecated Kept until the checkout uses acceptance requests (`POST /agreement-acceptances`).
   * `attest`: the partner confirms the customer's representative accepted it (the form).
   * `customer-accepts`: the customer accepts on Microsoft's page; provisioning then shows
   * an action-required task with the link to send.
   */
  mode: AgreementMode,
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

/**
 * Microsoft Customer Agreement acceptance, as attested by the partner.
 * @deprecated Microsoft retired partner attestation in January 2026: send `agreementAcceptanceId`.
 */
export const AgreementAcceptance = z.object({
  templateId: z.string().check(z.minLength(1)),
  firstName: z.string().check(z.minLength(1), z.maxLength(50)),
  lastName: z.string().check(z.minLength(1), z.maxLength(50)),
  email: z.email(),
  phone: z.optional(z.string().check(z.maxLength(40))),
  /** The day the representative accepted; never in the future. */
  dateAccepted: IsoDate,
});
export type AgreementAcceptance = z.infer<typeof AgreementAcceptance>;

// ---------------------------------------------------------------------------------------
// Order lines: a new subscription, or seats added to an existing one

/** The product and offer of a line: what every kind of line names. */
const lineOffer = {
  productId: z.string().check(z.minLength(1)),
  term: Term,
  billing: Billing,
};

/**
 * A new subscription. `kind` may be left out (lines without it are new subscriptions), so
 * carts written before seat additions existed stay valid.
 */
export const NewSubscriptionLine = z.object({
  kind: z.optional(z.literal('new')),
  ...lineOffer,
  quantity: z.int().check(z.gte(1)),
  /**
   * The day the first term ends: one of `GET /end-dates` for this term and recipient
   * (aligned with an existing subscription, or a calendar month end). Left out: the
   * calendar month end (the list's `calendar-month-end` entry).
   */
  endDate: z.optional(IsoDate),
  /** Whether the subscription renews at the end of its term; true when left out. */
  autoRenew: z.optional(z.boolean()),
});
export type NewSubscriptionLine = z.infer<typeof NewSubscriptionLine>;

/**
 * Seats added to one of the recipient's subscriptions. Product, term and billing are the
 * subscription's (the backend checks them); the seats are prorated to its end date and
 * renew with it, on its auto-renew setting.
 */
export const AddSeatsLine = z.object({
  kind: z.literal('add-seats'),
  subscriptionId: z.string().check(z.minLength(1)),
  ...lineOffer,
  /** The seats to add, not the new total. */
  quantity: z.int().check(z.gte(1)),
});
export type AddSeatsLine = z.infer<typeof AddSeatsLine>;

export const OrderLineInput = z.discriminatedUnion('kind', [NewSubscriptionLine, AddSeatsLine]);
export type OrderLineInput = z.infer<typeof OrderLineInput>;

/** A purchase order number or customer reference, carried with the order (invoices show it). */
export const PurchaseOrder = z.string().check(z.minLength(1), z.maxLength(40));

// ---------------------------------------------------------------------------------------
// GET /customers/{id}/subscriptions, GET /subscriptions

export const SubscriptionStatus = z.enum(['active', 'suspended', 'expired']);
export type SubscriptionStatus = z.infer<typeof SubscriptionStatus>;

/** One of a customer's subscriptions (or of the reseller's own organization). */
export const Subscription = z.object({
  id: z.string().check(z.minLength(1)),
  productId: z.string().check(z.minLength(1)),
  productName: z.string(),
  term: Term,
  billing: Billing,
  quantity: z.int().check(z.gte(1)),
  startDate: IsoDate,
  /** The last day of the current term. */
  endDate: IsoDate,
  /** Whether it renews the day after `endDate`. */
  autoRenew: z.boolean(),
  /** Only an active subscription takes more seats or co-terms a new one. */
  status: SubscriptionStatus,
});
export type Subscription = z.infer<typeof Subscription>;

export const SubscriptionList = z.object({
  subscriptions: z.array(Subscription),
});
export type SubscriptionList = z.infer<typeof SubscriptionList>;

// ---------------------------------------------------------------------------------------
// GET /end-dates?term=&customerId=&startDate=

/**
 * Why a date may end a new subscription: the end of a calendar month (the last one on or
 * before the term's natural end), or the end date of one of the recipient's active
 * subscriptions (co-terming).
 */
export const EndDateReason = z.enum(['calendar-month-end', 'subscription']);
export type EndDateReason = z.infer<typeof EndDateReason>;

export const EndDateOption = z.object({
  date: IsoDate,
  reason: EndDateReason,
  /** For `subscription`: the subscription it aligns with, and its product's name. */
  subscriptionId: z.optional(z.string()),
  productName: z.optional(z.string()),
});
export type EndDateOption = z.infer<typeof EndDateOption>;

export const EndDates = z.object({
  term: Term,
  startDate: IsoDate,
  /** The allowed end dates, earliest first; the calendar month end is the default. */
  endDates: z.array(EndDateOption).check(z.minLength(1)),
});
export type EndDates = z.infer<typeof EndDates>;

// ---------------------------------------------------------------------------------------
// POST /quotes

export const QuoteRequest = z.object({
  lines: z.array(OrderLineInput).check(z.minLength(1)),
  recipient: Recipient,
  /** The day the subscriptions start; today when left out. */
  startDate: z.optional(IsoDate),
});
export type QuoteRequest = z.infer<typeof QuoteRequest>;

/** A promotion applied to a quote line. */
export const AppliedPromotion = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string(),
  /** The discount, in percent, on every bill of the first term. */
  percentOff: z.number().check(z.gt(0), z.lte(100)),
  /** What it takes off this line's first invoice, minor units. */
  saving: MinorAmount.check(z.nonnegative()),
});
export type AppliedPromotion = z.infer<typeof AppliedPromotion>;

/** A promotion a line could have had, and why it does not. */
export const IneligiblePromotion = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string(),
  reason: z.string(),
});
export type IneligiblePromotion = z.infer<typeof IneligiblePromotion>;

/** What a quote says of every line, whatever its kind. */
const quotedLine = {
  productId: z.string(),
  name: z.string(),
  term: Term,
  billing: Billing,
  quantity: z.int(),
  unitPrice: MinorAmount,
  /** One full billing period for this line: unitPrice × quantity. */
  periodAmount: MinorAmount,
  /** The billing period the start date falls in. */
  periodStart: IsoDate,
  periodEnd: IsoDate,
  /** What the first invoice charges: from the start date to periodEnd, inclusive. */
  proratedFrom: IsoDate,
  chargedDays: z.int(),
  periodDays: z.int(),
  /** What the first invoice charges for this line, after any promotion. */
  proratedAmount: MinorAmount,
  // The terms below are optional so that quotes of backends without subscriptions stay
  // valid; the mock always sends endDate, autoRenew and cancellableUntil.
  /** The last day of the term the line is bought for: the chosen end date, or the subscription's. */
  endDate: z.optional(IsoDate),
  autoRenew: z.optional(z.boolean()),
  /** The day the next term starts; absent when the line does not renew. */
  renewsOn: z.optional(IsoDate),
  /** Until when the line can be cancelled or reduced if ordered now (168 hours after purchase). */
  cancellableUntil: z.optional(IsoDateTime),
  /** The promotion applied to this line. */
  promotion: z.optional(AppliedPromotion),
  /** A promotion offered for this product, term and billing that this line does not get, and why. */
  promotionNotApplied: z.optional(IneligiblePromotion),
};

/** A quoted line: a new subscription (`kind` left out or `new`) or seats added to `subscriptionId`. */
export const QuoteLine = z.discriminatedUnion('kind', [
  z.object({ kind: z.optional(z.literal('new')), ...quotedLine }),
  z.object({ kind: z.literal('add-seats'), subscriptionId: z.string(), ...quotedLine }),
]);
export type QuoteLine = z.infer<typeof QuoteLine>;

export const Quote = z.object({
  id: z.string(),
  currency: CurrencyCode,
  startDate: IsoDate,
  lines: z.array(QuoteLine),
  /** Sum of the lines' full billing periods. */
  recurringTotal: MinorAmount,
  /** Sum of the prorated amounts: what the first invoice charges before tax. */
  firstInvoiceTotal: MinorAmount,
  /** When the quote's prices stop being guaranteed. */
  expiresAt: IsoDateTime,
});
export type Quote = z.infer<typeof Quote>;

// ---------------------------------------------------------------------------------------
// POST /orders, GET /orders/{id}, GET /orders/{id}/events

export const OrderRequest = z.object({
  lines: z.array(OrderLineInput).check(z.minLength(1)),
  recipient: Recipient,
  /**
   * @deprecated The retired partner attestation; use `agreementAcceptanceId`. Required when the
   * recipient has no agreement on file and the mode is `attest`, until the store retires it.
   */
  agreement: z.optional(AgreementAcceptance),
  /**
   * The acceptance request of a recipient without an agreement on file. Pending acceptance is
   * allowed unless the store requires it first: the order then waits on it during provisioning.
   */
  agreementAcceptanceId: z.optional(z.string().check(z.minLength(1))),
  adminAccess: z.optional(AdminAccessChoice),
  quoteId: z.optional(z.string()),
  /** The reseller's purchase order number or customer reference: up to 40 characters, echoed on the order. */
  purchaseOrder: z.optional(PurchaseOrder),
});
export type OrderRequest = z.infer<typeof OrderRequest>;

/**
 * What a placed line commits to. The order keeps its `lines` exactly as ordered (a retry
 * sends them again), and says this of each, in the same order, in `lineTerms`.
 */
export const OrderLineTerms = z.object({
  /** The last day of the term: the chosen end date, the calendar month end, or the subscription's. */
  endDate: IsoDate,
  autoRenew: z.boolean(),
  /** The day the next term starts; absent when the line does not renew. */
  renewsOn: z.optional(IsoDate),
  /** Until when the line can be cancelled or reduced: 168 hours after the order was placed. */
  cancellableUntil: IsoDateTime,
  /** The subscription the line created or added seats to, once the backend knows it. */
  subscriptionId: z.optional(z.string()),
});
export type OrderLineTerms = z.infer<typeof OrderLineTerms>;

export const TaskStatus = z.enum([
  'pending',
  'running',
  'succeeded',
  'failed',
  /** Waiting on someone else (e.g. Microsoft reviewing a new customer); not an error. */
  'waiting',
  /** Waiting on an action by a person, usually the customer (a link to send). */
  'action-required',
]);
export type TaskStatus = z.infer<typeof TaskStatus>;

export const TaskKind = z.enum([
  'create-tenant',
  'link-reseller',
  'accept-relationship',
  'record-agreement',
  'accept-agreement',
  'review-customer',
  'create-subscription',
  /** Seats added to an existing subscription. */
  'add-seats',
  /** The new tenant gets the default GDAP roles. */
  'grant-default-roles',
  /** The customer's Global Administrator approves the admin-access (GDAP) request at its link. */
  'approve-admin-access',
]);
export type TaskKind = z.infer<typeof TaskKind>;

export const ProvisioningTask = z.object({
  id: z.string(),
  kind: TaskKind,
  /** What the task does, in the backend's words (e.g. "Create subscription: Microsoft 365 E3"). */
  label: z.string(),
  status: TaskStatus,
  startedAt: z.optional(IsoDateTime),
  finishedAt: z.optional(IsoDateTime),
  /** The backend's estimate of the task's whole duration. */
  estimatedSeconds: z.optional(z.number().check(z.nonnegative())),
  /** More about the state: why it failed, who must act. */
  detail: z.optional(z.string()),
  /** For action-required: the link to send to the person who must act. */
  actionUrl: z.optional(WebUrl),
});
export type ProvisioningTask = z.infer<typeof ProvisioningTask>;

export const OrderStatus = z.enum([
  /** Tasks are pending or running: keep the page open. */
  'provisioning',
  /** Nothing runs; what is left waits on someone else. The page can be closed. */
  'waiting',
  'completed',
  'failed',
]);
export type OrderStatus = z.infer<typeof OrderStatus>;

/** A new tenant's first administrator: shown once, never stored by the widget. */
export const AdminCredentials = z.object({
  userName: z.string(),
  temporaryPassword: z.string(),
});
export type AdminCredentials = z.infer<typeof AdminCredentials>;

export const Order = z.object({
  id: z.string().check(z.minLength(1)),
  status: OrderStatus,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  recipient: z.object({
    kind: z.enum(['internal', 'existing', 'new']),
    companyName: z.string(),
    domain: z.optional(z.string()),
  }),
  currency: CurrencyCode,
  lines: z.array(OrderLineInput),
  /** One per line, in the same order: its end date, renewal and cancellation deadline. */
  lineTerms: z.optional(z.array(OrderLineTerms)),
  firstInvoiceTotal: MinorAmount,
  /** The purchase order number sent with the order, as sent. */
  purchaseOrder: z.optional(z.string()),
  tasks: z.array(ProvisioningTask),
  /** Share of the work done, 0–1. */
  progress: z.number().check(z.gte(0), z.lte(1)),
  /** The backend's estimate of the seconds left for tasks that can run now. */
  estimatedSecondsRemaining: z.optional(z.number().check(z.nonnegative())),
  /** For a failed order: whether placing the same order again may succeed (a passing failure). */
  retryable: z.optional(z.boolean()),
  /** A new tenant's administrator: on a completed order, and on a failed one that created the tenant. */
  credentials: z.optional(AdminCredentials),
  /** The admin access (GDAP) this order asked for, when it asked for any. */
  adminAccess: z.optional(
    z.object({
      status: AdminAccessStatus,
      roles: z.array(AdminRole),
      /** Only for a request: its template, duration and auto-extend as sent. */
      templateId: z.optional(z.string()),
      duration: z.optional(z.string()),
      autoExtend: z.optional(z.boolean()),
      /** While `approval-pending`: where the customer's Global Administrator approves it. */
      approvalUrl: z.optional(WebUrl),
    }),
  ),
});
export type Order = z.infer<typeof Order>;

// ---------------------------------------------------------------------------------------
// Errors: RFC 9457 problem details

export const FieldError = z.object({
  /** Dotted path of the request field, e.g. `company.address.postalCode`. */
  field: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof FieldError>;

export const Problem = z.looseObject({
  type: z.optional(z.string()),
  title: z.string(),
  status: z.int(),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  /** Machine-readable reason, e.g. `validation-failed`, `idempotency-key-reused`. */
  code: z.optional(z.string()),
  errors: z.optional(z.array(FieldError)),
});
export type Problem = z.infer<typeof Problem>;
