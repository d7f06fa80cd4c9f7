/**
 * The Partner Center gateway: the operations the store's contract needs from Microsoft, in
 * the store's own terms. `HttpPartnerCenter` implements it over Partner Center's REST API and
 * Microsoft Graph; the tests and `npm run server` without credentials point that same
 * implementation at the simulator in server/simulator/.
 */

/** Sent with every call: ids Partner Center logs, and how to give up. */
export interface CallContext {
  /** MS-RequestId: one per logical operation, the same on each retry of it (Partner Center de-duplicates on it). */
  requestId?: string;
  /** MS-CorrelationId: one per order, on every call made for it. */
  correlationId?: string;
  signal?: AbortSignal;
}

export interface PcAddress {
  country: string;
  addressLine1: string;
  addressLine2?: string;
  city: string;
  state?: string;
  postalCode: string;
}

export interface PcCustomer {
  /** The customer's Microsoft tenant id (Partner Center's customer id). */
  id: string;
  companyName: string;
  domain: string;
  /** The indirect reseller the customer is associated with, when there is one. */
  associatedPartnerId?: string;
}

export interface NewCustomer {
  /** The new tenant's domain prefix: `{prefix}.onmicrosoft.com`. */
  domainPrefix: string;
  companyName: string;
  address: PcAddress;
  contact: { firstName: string; lastName: string; email: string; phone?: string };
  culture: string;
  language: string;
  /** The reseller's Partner Center id (an indirect reseller of the distributor). */
  associatedPartnerId?: string;
}

export interface CreatedCustomer extends PcCustomer {
  /** The new tenant's first administrator, as Partner Center returns it once. */
  userName?: string;
  password?: string;
}

/** What Partner Center requires of an address and a billing profile in a country. */
export interface CountryRules {
  stateRequired: boolean;
  /** The country's default culture, e.g. `en-US`, `de-DE`: the new customer's billing culture. */
  defaultCulture: string;
  /** The codes `state` takes (`supportedStatesList`); Partner Center gives no names. Empty when the state is free text. */
  states: string[];
  /** `postalCodeRegex`, unanchored, when Partner Center gives one. */
  postalCodePattern?: string;
  /** `phoneNumberRegex`, when Partner Center gives one. */
  phonePattern?: string;
}

export interface AddressCheck {
  status: 'verified' | 'interaction-required' | 'not-valid' | 'none';
  message?: string;
  suggestions: PcAddress[];
}

export interface AgreementTemplate {
  templateId: string;
  url: string;
  /** A version label when Partner Center gives one; empty otherwise. */
  version: string;
}

export interface AgreementInput {
  templateId: string;
  firstName: string;
  lastName: string;
  email: string;
  phone?: string;
  dateAgreed: string;
}

export interface CartLine {
  /** The catalog item: product id, SKU and availability (here the store's product id). */
  catalogItemId: string;
  quantity: number;
  termDuration: string;
  billingCycle: 'monthly' | 'annual';
  /** A co-termed end date (`YYYY-MM-DD`) instead of the term's own. */
  customTermEndDate?: string;
}

/** A customer's subscription as Partner Center keeps it. */
export interface PcSubscription {
  id: string;
  offerId: string;
  offerName: string;
  quantity: number;
  termDuration: string;
  billingCycle: string;
  /** The first day of the current term. */
  effectiveStartDate: string;
  /** The last day of the current term. */
  commitmentEndDate: string;
  autoRenewEnabled: boolean;
  status: string;
}

export interface PcOrder {
  id: string;
  status: 'pending' | 'completed' | 'cancelled';
  /** Subscription ids, once provisioned. */
  subscriptionIds: string[];
  creationDate?: string;
  lineItems: Array<{ offerId: string; quantity: number }>;
}

export interface PartnerCenterGateway {
  /** Whether `{domain}` is taken by any Microsoft tenant (HEAD /v1/domains/{domain}). */
  domainExists(domain: string, call?: CallContext): Promise<boolean>;
  /** An existing tenant by any of its domains (Microsoft Graph findTenantInformationByDomainName). */
  findTenant(domain: string, call?: CallContext): Promise<{ tenantId: string; companyName: string; defaultDomain: string } | undefined>;
  validateAddress(address: PcAddress, call?: CallContext): Promise<AddressCheck>;
  /** The country's validation rules (GET /v1/countryvalidationrules/{country}). */
  countryRules(country: string, call?: CallContext): Promise<CountryRules>;
  currentAgreement(call?: CallContext): Promise<AgreementTemplate>;
  /** One of the partner's customers by its default domain, or undefined when the tenant is no customer (yet). */
  findCustomerByDomain(domain: string, call?: CallContext): Promise<PcCustomer | undefined>;
  getCustomer(customerId: string, call?: CallContext): Promise<PcCustomer>;
  createCustomer(customer: NewCustomer, call: CallContext): Promise<CreatedCustomer>;
  /** The link a customer's global administrator follows to accept the partner as reseller. */
  relationshipRequestUrl(call?: CallContext): Promise<string>;
  /** Records the customer's acceptance of the Microsoft Customer Agreement; an existing one counts as done. */
  createAgreement(customerId: string, agreement: AgreementInput, call: CallContext): Promise<void>;
  createCart(customerId: string, lines: CartLine[], call: CallContext): Promise<{ cartId: string }>;
  /** Checks out a cart; Partner Center's checkout is idempotent per cart. */
  checkout(customerId: string, cartId: string, call: CallContext): Promise<PcOrder>;
  getOrder(customerId: string, orderId: string, call?: CallContext): Promise<PcOrder>;
  listOrders(customerId: string, call?: CallContext): Promise<PcOrder[]>;
  listSubscriptions(customerId: string, call?: CallContext): Promise<PcSubscription[]>;
  /** Sets a subscription's seat count or auto-renewal (an absolute value, so a repeat changes nothing more). */
  updateSubscription(customerId: string, subscriptionId: string, change: { quantity?: number; autoRenewEnabled?: boolean }, call: CallContext): Promise<PcSubscription>;
  /** Whether Microsoft is still reviewing a new customer (its qualification's vetting status). */
  reviewStatus(customerId: string, call?: CallContext): Promise<'in-review' | 'approved'>;
  /** A Microsoft Customer Agreement acceptance request: the page Microsoft hosts for the signatory. */
  createAcceptanceRequest(request: AcceptanceInput, call: CallContext): Promise<AcceptanceLink>;
  getAcceptanceRequest(id: string, call?: CallContext): Promise<AcceptanceLink>;
  /** A new link for a request (the old one stops working). */
  renewAcceptanceLink(id: string, call: CallContext): Promise<AcceptanceLink>;
  /** Whether the customer accepted the agreement directly in the Microsoft 365 admin center. */
  directlySigned(customerId: string, call?: CallContext): Promise<boolean>;
  /** A GDAP relationship (Microsoft Graph), created and locked for the customer's approval. */
  createAdminRelationship(request: AdminRelationshipInput, call: CallContext): Promise<AdminRelationship>;
  getAdminRelationship(id: string, call?: CallContext): Promise<AdminRelationship>;
}

export interface AcceptanceInput {
  signatory: { firstName: string; lastName: string; email: string; phone?: string };
  company: { name: string; country: string; language: string };
}

export interface AcceptanceLink {
  id: string;
  status: 'pending' | 'accepted';
  url: string;
  expiresAt: string;
  acceptedAt?: string;
}

export interface AdminRelationshipInput {
  customerTenantId: string;
  /** Unique among the partner's relationships. */
  displayName: string;
  roleIds: string[];
  /** ISO 8601 days, e.g. `P730D`. */
  duration: string;
  autoExtend: boolean;
}

export interface AdminRelationship {
  id: string;
  status: 'created' | 'approval-pending' | 'active' | 'expired' | 'terminated';
  /** Where the customer's Global Administrator approves it. */
  approvalUrl: string;
}

/**
 * What went wrong at Partner Center, in the store's terms. `message` is ours and safe to
 * show; Partner Center's own description stays in `upstream` for the logs only.
 */
export type GatewayErrorKind =
  /** 13605: the customer has not accepted the Microsoft Customer Agreement. */
  | 'agreement-missing'
  /** The new customer is under Microsoft's review: wait, do not fail. */
  | 'under-review'
  /** 800060 / 800064 / 800065: a duplicate of a submission already made. */
  | 'duplicate-submission'
  /** 429 after every retry. */
  | 'throttled'
  /** 5xx, timeouts, no answer, after every retry. */
  | 'unavailable'
  | 'not-found'
  /** The app's credentials were refused. */
  | 'unauthorized'
  /** Any other refusal (an offer not available, an invalid property): not worth retrying. */
  | 'declined';

export class GatewayError extends Error {
  readonly kind: GatewayErrorKind;
  readonly code?: string;
  readonly status?: number;
  readonly retryAfterSeconds?: number;
  /** Partner Center's own answer, for the logs; never sent to a client. */
  readonly upstream?: string;

  constructor(kind: GatewayErrorKind, message: string, extra: { code?: string; status?: number; retryAfterSeconds?: number; upstream?: string } = {}) {
    super(message);
    this.name = 'GatewayError';
    this.kind = kind;
    Object.assign(this, extra);
  }

  /** Worth trying the same operation again later. */
  get retryable(): boolean {
    return this.kind === 'throttled' || this.kind === 'unavailable';
  }
}

export function isGatewayError(error: unknown): error is GatewayError {
  return error instanceof GatewayError;
}

/** Partner Center's error codes that the store acts on. */
export const PC_CODES = {
  agreementMissing: '13605',
  agreementExists: '600061',
  duplicateSubmissions: ['800060', '800064', '800065'],
} as const;

/**
 * A Partner Center error answer (`{ code, description, data, source }`) as a GatewayError.
 * "Under review" has no code of its own in the documentation, so its description says it.
 */
export function gatewayErrorFrom(status: number, body: unknown, retryAfterSeconds?: number): GatewayError {
  const record = (body && typeof body === 'object' ? body : {}) as { code?: unknown; description?: unknown; errorCode?: unknown };
  const code = record.code !== undefined ? String(record.code) : record.errorCode !== undefined ? String(record.errorCode) : undefined;
  const description = typeof record.description === 'string' ? record.description : '';
  const upstream = `${status} ${code ?? ''} ${description}`.trim();
  if (code === PC_CODES.agreementMissing) {
    return new GatewayError('agreement-missing', 'Microsoft requires the customer’s acceptance of the Microsoft Customer Agreement before this purchase.', { code, status, upstream });
  }
  if (code && (PC_CODES.duplicateSubmissions as readonly string[]).includes(code)) {
    return new GatewayError('duplicate-submission', 'Partner Center already has this submission.', { code, status, upstream });
  }
  if (/under review/i.test(description)) {
    return new GatewayError('under-review', 'Microsoft is reviewing the new customer’s details.', { code, status, upstream });
  }
  if (status === 429) return new GatewayError('throttled', 'Partner Center is busy; try again shortly.', { code, status, retryAfterSeconds, upstream });
  if (status >= 500 || status === 408) return new GatewayError('unavailable', 'Partner Center did not answer properly; try again shortly.', { code, status, retryAfterSeconds, upstream });
  if (status === 404) return new GatewayError('not-found', 'Partner Center has no such resource.', { code, status, upstream });
  if (status === 401 || status === 403) return new GatewayError('unauthorized', 'Partner Center refused the store’s credentials.', { code, status, upstream });
  return new GatewayError('declined', `Microsoft declined the request (Partner Center error ${code ?? status}).`, { code, status, upstream });
}
