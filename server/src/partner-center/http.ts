/**
 * The Partner Center gateway over HTTP: Partner Center's REST API (api.partnercenter.microsoft.com)
 * and Microsoft Graph, authenticated with Microsoft Entra ID tokens (app-only client
 * credentials; app+user through a refresh token for the operations that need a user).
 *
 * Every logical operation has one MS-RequestId, sent again on each retry so Partner Center
 * can recognise a repeat; MS-CorrelationId ties together the calls made for one order.
 * 429 (honouring Retry-After), 5xx, 408 and timeouts are retried with exponential backoff.
 */
import {
  gatewayErrorFrom,
  GatewayError,
  PC_CODES,
  type AcceptanceInput,
  type AcceptanceLink,
  type AddressCheck,
  type AdminRelationship,
  type AdminRelationshipInput,
  type AgreementInput,
  type CallContext,
  type CartLine,
  type CountryRules,
  type CreatedCustomer,
  type NewCustomer,
  type PartnerCenterGateway,
  type PcAddress,
  type PcCustomer,
  type PcOrder,
  type PcSubscription,
} from './gateway.js';
import { sleep } from '../../../src/internal/sleep.js';

export interface HttpPartnerCenterOptions {
  /** Partner Center's REST API, `https://api.partnercenter.microsoft.com`. */
  baseUrl: string;
  /** Microsoft Graph, `https://graph.microsoft.com`. */
  graphUrl: string;
  /** Microsoft Entra ID, `https://login.microsoftonline.com`. */
  authority: string;
  /** The Microsoft 365 admin center, where customers approve GDAP requests (`https://admin.microsoft.com`). */
  adminCenterUrl?: string;
  /** The partner's Entra tenant, where the app is registered. */
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** For app+user operations (agreements): a refresh token of a partner user. */
  refreshToken?: string;
  /** Per attempt (default 30 s). */
  timeoutMs?: number;
  /** Retries after the first attempt (default 4). */
  retries?: number;
  /** First backoff (default 500 ms), doubled per retry, with jitter. */
  backoffMs?: number;
  /** The longest wait a Retry-After may impose before we give up instead (default 60 s). */
  maxRetryAfterMs?: number;
  fetch?: typeof fetch;
}

const PC_RESOURCE = 'https://api.partnercenter.microsoft.com';
const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

type Audience = 'pc-app' | 'pc-user' | 'graph';

interface Sent {
  status: number;
  body: unknown;
}

export class HttpPartnerCenter implements PartnerCenterGateway {
  private readonly options: Required<Omit<HttpPartnerCenterOptions, 'refreshToken' | 'fetch'>> & Pick<HttpPartnerCenterOptions, 'refreshToken'>;

  private readonly fetch: typeof fetch;
  private readonly tokens = new Map<Audience, { token: string; expiresAt: number } | Promise<string>>();
  /** Countries' rules change with Partner Center releases, not per request: kept for the process's life. */
  private readonly countries = new Map<string, Promise<CountryRules>>();

  constructor(options: HttpPartnerCenterOptions) {
    this.options = { timeoutMs: 30_000, retries: 4, backoffMs: 500, maxRetryAfterMs: 60_000, adminCenterUrl: 'https://admin.microsoft.com', ...options };
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  // -------------------------------------------------------------------------------------
  // Authentication

  private async token(audience: Audience): Promise<string> {
    const cached = this.tokens.get(audience);
    if (cached instanceof Promise) return cached;
    if (cached && cached.expiresAt > Date.now() + 60_000) return cached.token;
    const pending = this.fetchToken(audience).then(
      ({ token, expiresIn }) => {
        this.tokens.set(audience, { token, expiresAt: Date.now() + expiresIn * 1000 });
        return token;
      },
      (error: unknown) => {
        this.tokens.delete(audience);
        throw error;
      },
    );
    this.tokens.set(audience, pending);
    return pending;
  }

  private async fetchToken(audience: Audience): Promise<{ token: string; expiresIn: number }> {
    const { authority, tenantId, clientId, clientSecret, refreshToken } = this.options;
    const form = new URLSearchParams({ client_id: clientId, client_secret: clientSecret });
    let url: string;
    if (audience === 'pc-app') {
      // Partner Center's app-only token comes from the v1 endpoint with a resource.
      url = `${authority}/${encodeURIComponent(tenantId)}/oauth2/token`;
      form.set('grant_type', 'client_credentials');
      form.set('resource', PC_RESOURCE);
    } else if (audience === 'pc-user') {
      if (!refreshToken) return this.fetchToken('pc-app');
      url = `${authority}/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`;
      form.set('grant_type', 'refresh_token');
      form.set('refresh_token', refreshToken);
      form.set('scope', `${PC_RESOURCE}/user_impersonation offline_access`);
    } else {
      url = `${authority}/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`;
      form.set('grant_type', 'client_credentials');
      form.set('scope', GRAPH_SCOPE);
    }
    let response: Response;
    try {
      response = await this.fetch(url, { method: 'POST', body: form, signal: AbortSignal.timeout(this.options.timeoutMs) });
    } catch {
      throw new GatewayError('unavailable', 'Microsoft Entra ID did not answer the token request.');
    }
    const body = (await response.json().catch(() => ({}))) as { access_token?: string; expires_in?: number | string };
    if (!response.ok || typeof body.access_token !== 'string') {
      throw new GatewayError(response.status >= 500 ? 'unavailable' : 'unauthorized', 'Microsoft Entra ID refused the store’s Partner Center credentials.', {
        status: response.status,
      });
    }
    return { token: body.access_token, expiresIn: Number(body.expires_in ?? 3600) };
  }

  // -------------------------------------------------------------------------------------
  // Requests with retries

  private async send(
    method: string,
    path: string,
    init: { body?: unknown; call?: CallContext; audience?: Audience; accept?: number[] } = {},
  ): Promise<Sent> {
    const audience = init.audience ?? 'pc-app';
    const base = audience === 'graph' ? this.options.graphUrl : this.options.baseUrl;
    const requestId = init.call?.requestId ?? crypto.randomUUID();
    const correlationId = init.call?.correlationId ?? crypto.randomUUID();
    const accept = init.accept ?? [];
    let refreshed = false;
    for (let attempt = 0; ; attempt++) {
      const headers: Record<string, string> = {
        accept: 'application/json',
        authorization: `Bearer ${await this.token(audience)}`,
        'ms-requestid': requestId,
        'ms-correlationid': correlationId,
      };
      if (init.body !== undefined) headers['content-type'] = 'application/json';
      const signals = [AbortSignal.timeout(this.options.timeoutMs)];
      if (init.call?.signal) signals.push(init.call.signal);
      let response: Response | undefined;
      let failure: GatewayError;
      try {
        response = await this.fetch(base + path, {
          method,
          headers,
          body: init.body === undefined ? undefined : JSON.stringify(init.body),
          signal: AbortSignal.any(signals),
        });
      } catch (error) {
        if (init.call?.signal?.aborted) throw error;
        failure = new GatewayError('unavailable', 'Partner Center did not answer in time.', { upstream: String(error) });
      }
      if (response) {
        const text = await response.text().catch(() => '');
        let body: unknown = text;
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          // Not JSON (a proxy's page): kept as text for the error's log line only.
        }
        if (response.ok || accept.includes(response.status)) return { status: response.status, body };
        if (response.status === 401 && !refreshed) {
          // An expired or revoked token: get a new one once.
          refreshed = true;
          this.tokens.delete(audience);
          attempt--;
          continue;
        }
        failure = gatewayErrorFrom(response.status, body, retryAfterSeconds(response.headers.get('retry-after')));
      }
      if (!failure!.retryable || attempt >= this.options.retries) throw failure!;
      const backoff = this.options.backoffMs * 2 ** attempt * (0.75 + Math.random() * 0.5);
      const asked = failure!.retryAfterSeconds !== undefined ? failure!.retryAfterSeconds * 1000 : 0;
      if (asked > this.options.maxRetryAfterMs) throw failure!;
      await sleep(Math.max(backoff, asked), init.call?.signal);
    }
  }

  // -------------------------------------------------------------------------------------
  // Operations

  async domainExists(domain: string, call?: CallContext): Promise<boolean> {
    const { status } = await this.send('HEAD', `/v1/domains/${encodeURIComponent(domain)}`, { call, accept: [404] });
    return status !== 404;
  }

  async findTenant(domain: string, call?: CallContext) {
    const path = `/v1.0/tenantRelationships/findTenantInformationByDomainName(domainName='${encodeURIComponent(domain.replace(/'/g, "''"))}')`;
    const { status, body } = await this.send('GET', path, { call, audience: 'graph', accept: [404] });
    if (status === 404) return undefined;
    const info = body as { tenantId?: string; displayName?: string; defaultDomainName?: string };
    if (!info?.tenantId) return undefined;
    return { tenantId: info.tenantId, companyName: info.displayName ?? '', defaultDomain: info.defaultDomainName ?? domain };
  }

  async validateAddress(address: PcAddress, call?: CallContext): Promise<AddressCheck> {
    const { body } = await this.send('POST', '/v1/validations/address', { body: address, call });
    const result = body as { status?: string; validationMessage?: string; suggestedAddresses?: PcAddress[] };
    return { status: addressStatus(result.status), message: result.validationMessage || undefined, suggestions: result.suggestedAddresses ?? [] };
  }

  countryRules(country: string, call?: CallContext): Promise<CountryRules> {
    const key = country.toUpperCase();
    let rules = this.countries.get(key);
    if (!rules) {
      rules = this.send('GET', `/v1/countryvalidationrules/${encodeURIComponent(key)}`, { call }).then(({ body }) => {
        const r = body as { isStateRequired?: boolean; defaultCulture?: string; supportedStatesList?: unknown; postalCodeRegex?: unknown; phoneNumberRegex?: unknown };
        const states = Array.isArray(r.supportedStatesList) ? r.supportedStatesList.filter((s): s is string => typeof s === 'string' && s !== '') : [];
        return {
          stateRequired: r.isStateRequired === true,
          defaultCulture: r.defaultCulture || 'en-US',
          states,
          // Empty strings stand for "no rule" in Partner Center's answers.
          ...(typeof r.postalCodeRegex === 'string' && r.postalCodeRegex ? { postalCodePattern: r.postalCodeRegex } : {}),
          ...(typeof r.phoneNumberRegex === 'string' && r.phoneNumberRegex ? { phonePattern: r.phoneNumberRegex } : {}),
        };
      });
      // A failed look-up is not remembered: the next request asks again.
      rules.catch(() => this.countries.delete(key));
      this.countries.set(key, rules);
    }
    return rules;
  }

  async currentAgreement(call?: CallContext) {
    const { body } = await this.send('GET', '/v1/agreements?agreementType=MicrosoftCustomerAgreement', { call });
    const item = (body as { items?: Array<{ templateId: string; agreementLink: string; version?: string }> }).items?.[0];
    if (!item) throw new GatewayError('not-found', 'Partner Center lists no Microsoft Customer Agreement.');
    return { templateId: item.templateId, url: item.agreementLink, version: item.version ?? '' };
  }

  async findCustomerByDomain(domain: string, call?: CallContext): Promise<PcCustomer | undefined> {
    const filter = JSON.stringify({ Field: 'Domain', Value: domain, Operator: 'starts_with' });
    const { body } = await this.send('GET', `/v1/customers?size=20&filter=${encodeURIComponent(filter)}`, { call });
    const items = (body as { items?: unknown[] }).items ?? [];
    return items.map(toCustomer).find((c) => c.domain.toLowerCase() === domain.toLowerCase());
  }

  async getCustomer(customerId: string, call?: CallContext): Promise<PcCustomer> {
    const { body } = await this.send('GET', `/v1/customers/${encodeURIComponent(customerId)}`, { call });
    return toCustomer(body);
  }

  async createCustomer(customer: NewCustomer, call: CallContext): Promise<CreatedCustomer> {
    const { contact, address } = customer;
    const { body } = await this.send('POST', '/v1/customers', {
      call,
      body: {
        companyProfile: { domain: `${customer.domainPrefix}.onmicrosoft.com` },
        billingProfile: {
          email: contact.email,
          culture: customer.culture,
          language: customer.language,
          companyName: customer.companyName,
          defaultAddress: { ...address, firstName: contact.firstName, lastName: contact.lastName, phoneNumber: contact.phone },
        },
        ...(customer.associatedPartnerId ? { associatedPartnerId: customer.associatedPartnerId } : {}),
      },
    });
    const created = body as { userCredentials?: { userName?: string; password?: string } };
    return { ...toCustomer(body), userName: created.userCredentials?.userName, password: created.userCredentials?.password };
  }

  async relationshipRequestUrl(call?: CallContext): Promise<string> {
    const { body } = await this.send('GET', '/v1/customers/relationshiprequests', { call });
    const url = (body as { url?: string }).url;
    if (!url) throw new GatewayError('declined', 'Partner Center gave no reseller relationship link.');
    return url;
  }

  async createAgreement(customerId: string, agreement: AgreementInput, call: CallContext): Promise<void> {
    try {
      await this.send('POST', `/v1/customers/${encodeURIComponent(customerId)}/agreements`, {
        call,
        audience: 'pc-user',
        body: {
          primaryContact: { firstName: agreement.firstName, lastName: agreement.lastName, email: agreement.email, phoneNumber: agreement.phone },
          templateId: agreement.templateId,
          dateAgreed: agreement.dateAgreed,
          type: 'MicrosoftCustomerAgreement',
        },
      });
    } catch (error) {
      // 600061: an acceptance is on file already, which is what we wanted.
      if (error instanceof GatewayError && error.code === PC_CODES.agreementExists) return;
      throw error;
    }
  }

  async createCart(customerId: string, lines: CartLine[], call: CallContext): Promise<{ cartId: string }> {
    const { body } = await this.send('POST', `/v1/customers/${encodeURIComponent(customerId)}/carts`, {
      call,
      body: {
        lineItems: lines.map((line, id) => ({
          id,
          catalogItemId: line.catalogItemId,
          quantity: line.quantity,
          termDuration: line.termDuration,
          billingCycle: line.billingCycle,
          ...(line.customTermEndDate ? { customTermEndDate: line.customTermEndDate } : {}),
        })),
      },
    });
    const id = (body as { id?: string }).id;
    if (!id) throw new GatewayError('declined', 'Partner Center created no cart.');
    return { cartId: id };
  }

  async checkout(customerId: string, cartId: string, call: CallContext): Promise<PcOrder> {
    const { body } = await this.send('POST', `/v1/customers/${encodeURIComponent(customerId)}/carts/${encodeURIComponent(cartId)}/checkout`, { call });
    const result = body as { orders?: unknown[]; orderErrors?: Array<{ code?: string; description?: string }> };
    const order = result.orders?.[0];
    if (order) return toOrder(order);
    // A checkout can answer 200 and still refuse the order: its errors carry the codes.
    const error = result.orderErrors?.[0];
    throw gatewayErrorFrom(400, error ?? {});
  }

  async getOrder(customerId: string, orderId: string, call?: CallContext): Promise<PcOrder> {
    const { body } = await this.send('GET', `/v1/customers/${encodeURIComponent(customerId)}/orders/${encodeURIComponent(orderId)}`, { call });
    return toOrder(body);
  }

  async listOrders(customerId: string, call?: CallContext): Promise<PcOrder[]> {
    const { body } = await this.send('GET', `/v1/customers/${encodeURIComponent(customerId)}/orders`, { call });
    return ((body as { items?: unknown[] }).items ?? []).map(toOrder);
  }

  async listSubscriptions(customerId: string, call?: CallContext): Promise<PcSubscription[]> {
    const { body } = await this.send('GET', `/v1/customers/${encodeURIComponent(customerId)}/subscriptions`, { call });
    return ((body as { items?: unknown[] }).items ?? []).map(toSubscription);
  }

  async updateSubscription(customerId: string, subscriptionId: string, change: { quantity?: number; autoRenewEnabled?: boolean }, call: CallContext): Promise<PcSubscription> {
    const path = `/v1/customers/${encodeURIComponent(customerId)}/subscriptions/${encodeURIComponent(subscriptionId)}`;
    // Partner Center's PATCH takes the subscription with the changed fields.
    const current = toSubscription((await this.send('GET', path, { call: { ...call, requestId: undefined } })).body);
    const { body } = await this.send('PATCH', path, { call, body: { ...current, ...change } });
    return toSubscription(body);
  }

  async reviewStatus(customerId: string, call?: CallContext): Promise<'in-review' | 'approved'> {
    const { body } = await this.send('GET', `/v1/customers/${encodeURIComponent(customerId)}/qualifications`, { call });
    const list = Array.isArray(body) ? (body as Array<{ vettingStatus?: string }>) : [];
    return list.some((q) => q.vettingStatus === 'InReview') ? 'in-review' : 'approved';
  }

  // The acceptance-request endpoints follow the shape of Partner Center's agreement resources;
  // see server/README.md on which parts of this flow Microsoft documents.
  async createAcceptanceRequest(request: AcceptanceInput, call: CallContext): Promise<AcceptanceLink> {
    const { signatory, company } = request;
    const { body } = await this.send('POST', '/v1/agreements/acceptancerequests', {
      call,
      audience: 'pc-user',
      body: {
        agreementType: 'MicrosoftCustomerAgreement',
        signatory: { firstName: signatory.firstName, lastName: signatory.lastName, email: signatory.email, phoneNumber: signatory.phone },
        company: { companyName: company.name, country: company.country, culture: company.language },
      },
    });
    return toAcceptance(body);
  }

  async getAcceptanceRequest(id: string, call?: CallContext): Promise<AcceptanceLink> {
    const { body } = await this.send('GET', `/v1/agreements/acceptancerequests/${encodeURIComponent(id)}`, { call, audience: 'pc-user' });
    return toAcceptance(body);
  }

  async renewAcceptanceLink(id: string, call: CallContext): Promise<AcceptanceLink> {
    const { body } = await this.send('POST', `/v1/agreements/acceptancerequests/${encodeURIComponent(id)}/link`, { call, audience: 'pc-user' });
    return toAcceptance(body);
  }

  async directlySigned(customerId: string, call?: CallContext): Promise<boolean> {
    const { body } = await this.send('GET', `/v1/customers/${encodeURIComponent(customerId)}/directSignedMicrosoftCustomerAgreementStatus`, { call, audience: 'pc-user' });
    return (body as { isSigned?: boolean }).isSigned === true;
  }

  async createAdminRelationship(request: AdminRelationshipInput, call: CallContext): Promise<AdminRelationship> {
    const { body } = await this.send('POST', '/v1.0/tenantRelationships/delegatedAdminRelationships', {
      call,
      audience: 'graph',
      body: {
        displayName: request.displayName,
        duration: request.duration,
        customer: { tenantId: request.customerTenantId },
        accessDetails: { unifiedRoles: request.roleIds.map((roleDefinitionId) => ({ roleDefinitionId })) },
        autoExtendDuration: request.autoExtend ? 'P180D' : 'PT0S',
      },
    });
    const id = (body as { id?: string }).id;
    if (!id) throw new GatewayError('declined', 'Microsoft Graph created no admin relationship.');
    // Locking it for approval makes it a request the customer can approve; a repeat is harmless.
    await this.send('POST', `/v1.0/tenantRelationships/delegatedAdminRelationships/${encodeURIComponent(id)}/requests`, {
      call: { ...call, requestId: `${call.requestId ?? crypto.randomUUID()}-lock` },
      audience: 'graph',
      body: { action: 'lockForApproval' },
    });
    return this.getAdminRelationship(id, call);
  }

  async getAdminRelationship(id: string, call?: CallContext): Promise<AdminRelationship> {
    const { body } = await this.send('GET', `/v1.0/tenantRelationships/delegatedAdminRelationships/${encodeURIComponent(id)}`, { call: call && { ...call, requestId: undefined }, audience: 'graph' });
    const status = String((body as { status?: string }).status ?? '');
    const mapped: AdminRelationship['status'] =
      status === 'active' || status === 'approved' || status === 'activating'
        ? 'active'
        : status === 'approvalPending'
          ? 'approval-pending'
          : status === 'expired' || status === 'expiring'
            ? 'expired'
            : status.startsWith('terminat')
              ? 'terminated'
              : 'created';
    const ref = encodeURIComponent(id);
    return { id, status: mapped, approvalUrl: `${this.options.adminCenterUrl}/AdminPortal/Home?granularAdminRelationship=${ref}#/partners/invitation/granularAdminRelationships/${ref}` };
  }
}

function toSubscription(raw: unknown): PcSubscription {
  const s = raw as Partial<PcSubscription> & { commitmentEndDate?: string; effectiveStartDate?: string };
  if (!s?.id) throw new GatewayError('declined', 'Partner Center answered with a subscription without an id.');
  return {
    id: s.id,
    offerId: s.offerId ?? '',
    offerName: s.offerName ?? '',
    quantity: Number(s.quantity ?? 0),
    termDuration: s.termDuration ?? '',
    billingCycle: String(s.billingCycle ?? '').toLowerCase(),
    effectiveStartDate: String(s.effectiveStartDate ?? '').slice(0, 10),
    commitmentEndDate: String(s.commitmentEndDate ?? '').slice(0, 10),
    autoRenewEnabled: s.autoRenewEnabled !== false,
    status: String(s.status ?? 'active').toLowerCase(),
  };
}

function toAcceptance(raw: unknown): AcceptanceLink {
  const a = raw as { id?: string; status?: string; acceptanceUrl?: string; expiresAt?: string; acceptedAt?: string };
  if (!a?.id || !a.acceptanceUrl || !a.expiresAt) throw new GatewayError('declined', 'Partner Center answered with an incomplete acceptance request.');
  return { id: a.id, status: a.status === 'accepted' ? 'accepted' : 'pending', url: a.acceptanceUrl, expiresAt: a.expiresAt, acceptedAt: a.acceptedAt || undefined };
}

function toCustomer(raw: unknown): PcCustomer {
  const c = raw as { id?: string; companyProfile?: { companyName?: string; domain?: string }; associatedPartnerId?: string };
  if (!c?.id) throw new GatewayError('declined', 'Partner Center answered with a customer without an id.');
  return { id: c.id, companyName: c.companyProfile?.companyName ?? '', domain: c.companyProfile?.domain ?? '', associatedPartnerId: c.associatedPartnerId || undefined };
}

function toOrder(raw: unknown): PcOrder {
  const o = raw as { id?: string; status?: string; creationDate?: string; lineItems?: Array<{ offerId?: string; quantity?: number; subscriptionId?: string }> };
  if (!o?.id) throw new GatewayError('declined', 'Partner Center answered with an order without an id.');
  const status = o.status === 'completed' ? 'completed' : o.status === 'cancelled' ? 'cancelled' : 'pending';
  const lines = o.lineItems ?? [];
  return {
    id: o.id,
    status,
    creationDate: o.creationDate,
    subscriptionIds: lines.map((l) => l.subscriptionId).filter((s): s is string => typeof s === 'string'),
    lineItems: lines.map((l) => ({ offerId: l.offerId ?? '', quantity: l.quantity ?? 0 })),
  };
}

/** Partner Center's address statuses, in the contract's four words. */
function addressStatus(status: string | undefined): AddressCheck['status'] {
  switch (status) {
    case 'VerifiedShippable':
    case 'Verified':
      return 'verified';
    case 'InteractionRequired':
    case 'StreetPartial':
    case 'PremisesPartial':
    case 'Multiple':
      return 'interaction-required';
    case 'NotValidated':
    case undefined:
      return 'none';
    default:
      return 'not-valid';
  }
}

function retryAfterSeconds(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}
