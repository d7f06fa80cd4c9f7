/**
 * A Partner Center simulator: an HTTP server answering the endpoints the gateway calls, with
 * the request and response shapes and error codes of Partner Center's and Microsoft Graph's
 * documentation, plus a control API under /__sim to make it slow or failing on command.
 *
 * It plays Microsoft for the tests and for `npm run server` without credentials. Test values
 * follow the mock backend's: `contoso` and `taken…` prefixes exist, `fabrikam.onmicrosoft.com`
 * is a tenant that is no customer yet, a company named with `Fail` is refused its first
 * subscription (2091), `Review` is put under review, `Slow` takes ten times longer.
 * Acceptance requests and GDAP live in microsoft.ts, the answers' shapes in http.ts.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { takeFault } from '../../src/mock/http.js';
import { COUNTRIES_WITH_STATES, customers as seedCustomers, knownTenants, reseller } from '../../src/mock/data.js';
import { sleep } from '../../src/internal/sleep.js';
import { catalogName, header, pcError, send, stableId, temporaryPassword, type Answer } from './http.js';
import { createMicrosoft } from './microsoft.js';
import { INTERNAL_OWNER, subscriptionsOf } from '../../src/mock/resources/subscriptions.js';
import { calendarMonthEndDate, todayUtc } from '../../src/mock/proration.js';
import { createState } from '../../src/mock/state.js';
import { COUNTRY_STATES, POSTAL_CODE_PATTERNS } from '../../src/mock/country-states.data.js';
import { PHONE_PATTERN } from '../../src/mock/resources/country-rules.js';
import { isCountryCode } from '../../src/checkout/countries.js';
import type { Subscription } from '../../src/api/schemas.js';
import type { PcSubscription } from '../src/partner-center/gateway.js';

export interface SimulatorOptions {
  /** Multiplies simulated time; 1 is about a minute for a new tenant, like the mock's demo. */
  speed?: number;
  port?: number;
  /** The partner's MPN id in relationship links. */
  partnerId?: string;
  /** Microsoft's today (`YYYY-MM-DD`): seeded subscriptions' terms are relative to it. */
  today?: string;
}

export interface SimFault {
  method?: string;
  /** A path prefix, e.g. `/v1/customers`; matched against the path without the query. */
  path: string;
  times?: number;
  status?: number;
  /** Partner Center's error body `{ code, description }` for that status. */
  code?: string;
  description?: string;
  retryAfter?: number;
  delayMs?: number;
  /** Never answer: the caller times out. */
  hang?: boolean;
}

export interface SimRequest {
  method: string;
  path: string;
  requestId?: string;
  correlationId?: string;
  status: number;
  at: number;
}

export interface SimEffects {
  /** Domains of the customers created, once per creation. */
  customersCreated: string[];
  /** Cart ids checked out into a new order, once per order. */
  checkouts: string[];
  agreementsCreated: string[];
}

export interface Simulator {
  url: string;
  /** Requests received, oldest first (the control API excluded). */
  requests: SimRequest[];
  effects: SimEffects;
  inject(fault: SimFault): void;
  /** Ends Microsoft's review of a customer (by domain). */
  approveReview(domain: string): void;
  /** The customer of this tenant accepts the reseller relationship now. */
  acceptRelationship(domain: string): void;
  /** Answers the next checkout of this customer (by domain) with a Partner Center error code. */
  failNextCheckout(domain: string, code: string, description: string): void;
  close(): Promise<void>;
}

interface Tenant {
  tenantId: string;
  companyName: string;
  domain: string;
  customer: boolean;
  associatedPartnerId?: string;
  underReview?: boolean;
  /** When the server first asked about it as a customer (relationship acceptance clock). */
  askedAt?: number;
  failedOnce?: boolean;
  nextCheckoutError?: { code: string; description: string };
}

interface SimOrder {
  id: string;
  customerId: string;
  cartId: string;
  lineItems: Array<{ lineItemNumber: number; offerId: string; quantity: number; termDuration: string; billingCycle: string; subscriptionId: string }>;
  createdAt: number;
  completesAt: number;
}

const SECONDS = { createCustomer: 20, relationship: 30, agreement: 5, subscription: 12 };
/** A few countries' default cultures; others get en-US. */
const CULTURES: Record<string, string> = { US: 'en-US', CA: 'en-CA', GB: 'en-GB', AU: 'en-AU', DE: 'de-DE', FR: 'fr-FR', NL: 'nl-NL', IE: 'en-IE' };
/** A subscription as Partner Center keeps it, and whose it is. */
type SimSubscription = PcSubscription & { tenantId: string };

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const speed = options.speed ?? 1;
  const partnerId = options.partnerId ?? '8f2d5c1a-93b7-4e06-a1d4-7c5e9b3f0a28';
  const tenants = new Map<string, Tenant>();
  for (const c of seedCustomers) {
    tenants.set(c.defaultDomain, { tenantId: stableId(c.defaultDomain), companyName: c.companyName, domain: c.defaultDomain, customer: true });
  }
  for (const [domain, t] of Object.entries(knownTenants)) tenants.set(domain, { ...t, domain, customer: false });
  // The demo reseller's own tenant, which its internal-use orders are for.
  tenants.set(reseller.domain, { tenantId: stableId(reseller.domain), companyName: reseller.companyName, domain: reseller.domain, customer: true });
  const byId = () => new Map([...tenants.values()].map((t) => [t.tenantId, t]));
  const issuedTokens = new Set<string>();
  const byRequestId = new Map<string, { status: number; body: unknown }>();
  const carts = new Map<string, { customerId: string; lineItems: Array<Record<string, unknown>>; order?: SimOrder }>();
  const orders = new Map<string, SimOrder>();
  const agreements = new Set<string>();
  const requests: SimRequest[] = [];
  const effects: SimEffects = { customersCreated: [], checkouts: [], agreementsCreated: [] };
  const faults: Array<SimFault & { remaining: number }> = [];
  const created = new Set<string>();
  let url = '';
  const today = options.today ?? todayUtc();
  const subscriptions = new Map<string, SimSubscription>();
  seedSubscriptions();

  /** The mock's test subscriptions (Contoso's Business Premium, Litware's 285 Basic seats, …), as Partner Center would hold them. */
  function seedSubscriptions() {
    const mock = createState({ speed: 1, basePath: '', sse: false, latencyMs: 0, today, acceptanceLinkSeconds: 0, acceptanceBeforeOrder: false, defaultRolesOptOut: true });
    const owners: Array<[string, string]> = [...seedCustomers.map((c): [string, string] => [c.id, c.defaultDomain]), [INTERNAL_OWNER, reseller.domain]];
    for (const [owner, domain] of owners) {
      const tenant = tenants.get(domain);
      if (!tenant) continue;
      for (const sub of subscriptionsOf(mock, owner)) subscriptions.set(sub.id, fromContract(sub, tenant.tenantId));
    }
  }

  function fromContract(sub: Subscription, tenantId: string): SimSubscription {
    return {
      id: sub.id,
      tenantId,
      offerId: sub.productId,
      offerName: sub.productName,
      quantity: sub.quantity,
      termDuration: sub.term,
      billingCycle: sub.billing,
      effectiveStartDate: sub.startDate,
      commitmentEndDate: sub.endDate,
      autoRenewEnabled: sub.autoRenew,
      status: sub.status,
    };
  }

  function subscriptionJson(sub: SimSubscription) {
    const { tenantId: _, ...rest } = sub;
    return { ...rest, attributes: { objectType: 'Subscription' } };
  }

  const ms = (seconds: number, slow = false) => (seconds * 1000 * (slow ? 10 : 1)) / speed;

  function domainTaken(domain: string): boolean {
    const prefix = domain.toLowerCase().replace(/\.onmicrosoft\.com$/, '');
    return tenants.has(domain.toLowerCase()) || prefix === 'contoso' || prefix.startsWith('taken');
  }

  function customerJson(t: Tenant) {
    return {
      id: t.tenantId,
      commerceId: stableId(`commerce:${t.tenantId}`),
      companyProfile: { tenantId: t.tenantId, domain: t.domain, companyName: t.companyName },
      ...(t.associatedPartnerId ? { associatedPartnerId: t.associatedPartnerId } : {}),
      relationshipToPartner: 'reseller',
      attributes: { objectType: 'Customer' },
    };
  }

  function orderJson(order: SimOrder) {
    const done = Date.now() >= order.completesAt;
    return {
      id: order.id,
      referenceCustomerId: order.customerId,
      billingCycle: order.lineItems[0]?.billingCycle,
      lineItems: order.lineItems.map((l) => ({ ...l, ...(done ? {} : { subscriptionId: undefined }) })),
      creationDate: new Date(order.createdAt).toISOString(),
      status: done ? 'completed' : 'pending',
      attributes: { objectType: 'Order' },
    };
  }

  /** POSTs with an MS-RequestId seen before answer what they answered the first time. */
  function once(requestId: string | undefined, make: () => Answer): Answer {
    if (requestId && byRequestId.has(requestId)) return byRequestId.get(requestId)!;
    const answer = make();
    if (requestId && answer.status < 300) byRequestId.set(requestId, answer as { status: number; body: unknown });
    return answer;
  }
  const microsoft = createMicrosoft({ url: () => url, once, tenantById: (id) => byId().get(id), createdByPartner: (id) => created.has(id) });


  async function route(method: string, path: string, query: URLSearchParams, body: unknown, headers: IncomingMessage['headers']): Promise<Answer> {
    const requestId = header(headers, 'ms-requestid');
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);

    // Microsoft Entra ID token endpoints (v1 with resource, v2 with scope).
    if (method === 'POST' && parts[1] === 'oauth2') {
      const form = new URLSearchParams(typeof body === 'string' ? body : '');
      const grant = form.get('grant_type');
      if (!form.get('client_id') || (grant === 'client_credentials' && !form.get('client_secret')) || (grant === 'refresh_token' && !form.get('refresh_token'))) {
        return { status: 401, body: { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' } };
      }
      const token = `sim-${crypto.randomUUID()}`;
      issuedTokens.add(token);
      return { status: 200, body: { token_type: 'Bearer', expires_in: 3599, access_token: token } };
    }

    const bearer = header(headers, 'authorization')?.replace(/^Bearer /, '');
    if (!bearer || !issuedTokens.has(bearer)) return pcError(401, '400', 'Access denied: the token is missing or not valid.');

    // Microsoft Graph
    if (parts[0] === 'v1.0' && parts[1] === 'tenantRelationships' && parts[2] === 'delegatedAdminRelationships') return microsoft.gdap(method, parts[3], parts[4], body, requestId);
    if (parts[0] === 'v1.0' && parts[1]?.startsWith('tenantRelationships')) {
      const match = /findTenantInformationByDomainName\(domainName='(.*)'\)$/.exec(decodeURIComponent(path));
      const tenant = match ? tenants.get(match[1]!.replace(/''/g, "'").toLowerCase()) : undefined;
      if (!tenant) return { status: 404, body: { error: { code: 'Request_ResourceNotFound', message: 'The tenant was not found.' } } };
      return { status: 200, body: { tenantId: tenant.tenantId, displayName: tenant.companyName, defaultDomainName: tenant.domain, federationBrandName: null } };
    }

    if (parts[0] !== 'v1') return pcError(404, '1000', 'Not found.');

    if (parts[1] === 'agreements' && parts[2] === 'acceptancerequests') return microsoft.acceptanceRequest(method, parts[3], parts[4], body, requestId);
    const [, resource, id, sub, subId, action] = parts;

    if (resource === 'domains' && id && method === 'HEAD') return { status: domainTaken(id) ? 200 : 404 };

    if (resource === 'validations' && id === 'address' && method === 'POST') {
      const address = body as { postalCode?: string; city?: string; country?: string };
      const postal = String(address.postalCode ?? '').trim();
      if (postal === '00000') {
        return { status: 200, body: { originalAddress: address, suggestedAddresses: [], status: 'None', validationMessage: `The postal code ${postal} does not exist in ${address.country}. Check the address and try again.` } };
      }
      if (postal === '99999') {
        const city = String(address.city ?? '').trim().replace(/\S+/g, (w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase());
        return {
          status: 200,
          body: { originalAddress: address, suggestedAddresses: [{ ...address, city, postalCode: address.country === 'US' ? '98052' : '10001' }], status: 'InteractionRequired', validationMessage: 'The postal code does not match the city. Did you mean this address?' },
        };
      }
      return { status: 200, body: { originalAddress: address, suggestedAddresses: [], status: 'VerifiedShippable' } };
    }

    if (resource === 'countryvalidationrules' && id && method === 'GET') {
      const country = id.toUpperCase();
      if (!isCountryCode(country)) return pcError(400, '400056', 'Invalid input: the country code.');
      // States and postal codes from the data the mock backend answers with, so the two agree.
      const postalCodeRegex = POSTAL_CODE_PATTERNS[country];
      return {
        status: 200,
        body: {
          iso2Code: country,
          defaultCulture: CULTURES[country] ?? 'en-US',
          isStateRequired: COUNTRIES_WITH_STATES.has(country),
          supportedStatesList: (COUNTRY_STATES[country] ?? []).map(([code]) => code),
          supportedLanguagesList: [(CULTURES[country] ?? 'en-US').slice(0, 2)],
          supportedCulturesList: [CULTURES[country] ?? 'en-US'],
          isPostalCodeRequired: postalCodeRegex !== undefined,
          postalCodeRegex: postalCodeRegex ?? '',
          isCityRequired: true,
          phoneNumberRegex: PHONE_PATTERN,
          attributes: { objectType: 'CountryValidationRules' },
        },
      };
    }

    if (resource === 'agreements' && !id && method === 'GET') {
      return {
        status: 200,
        body: { totalCount: 1, items: [{ templateId: '117a15a0-5a13-4e8d-b9c6-3b1c6c0e5b2f', agreementType: 'MicrosoftCustomerAgreement', agreementLink: 'https://www.microsoft.com/licensing/docs/customeragreement', versionRank: 0 }] },
      };
    }

    if (resource !== 'customers') return pcError(404, '1000', 'Not found.');

    if (id === 'relationshiprequests' && method === 'GET') {
      return { status: 200, body: { url: `https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=${partnerId}&msppId=0#/BillingAccounts/partner-invitation` } };
    }

    if (!id && method === 'GET') {
      const filter = query.get('filter');
      let wanted: string | undefined;
      if (filter) {
        try {
          wanted = String((JSON.parse(filter) as { Value?: string }).Value ?? '').toLowerCase();
        } catch {
          return pcError(400, '400056', 'Invalid input: the filter is not valid JSON.');
        }
      }
      const now = Date.now();
      const items = [...tenants.values()].filter((t) => {
        if (wanted === undefined || !t.domain.startsWith(wanted)) return wanted === undefined && t.customer;
        if (!t.customer) {
          // A tenant asked about accepts the relationship after a while (the customer clicking the link).
          t.askedAt ??= now;
          if (now - t.askedAt >= ms(SECONDS.relationship)) {
            t.customer = true;
            t.associatedPartnerId = partnerId;
          }
        }
        return t.customer;
      });
      return { status: 200, body: { totalCount: items.length, items: items.map(customerJson), attributes: { objectType: 'Collection' } } };
    }

    if (!id && method === 'POST') {
      return once(requestId, () => {
        const request = body as { companyProfile?: { domain?: string }; billingProfile?: { companyName?: string; email?: string }; associatedPartnerId?: string };
        const domain = String(request.companyProfile?.domain ?? '').toLowerCase();
        const companyName = String(request.billingProfile?.companyName ?? '');
        if (!/^[a-z0-9]{1,27}\.onmicrosoft\.com$/.test(domain) || !companyName || !request.billingProfile?.email) {
          return pcError(400, '3000', 'Invalid property: the domain, company name and email are required.');
        }
        if (domainTaken(domain)) return pcError(409, '20012', `The domain ${domain} is already in use.`);
        const tenant: Tenant = { tenantId: crypto.randomUUID(), companyName, domain, customer: true, associatedPartnerId: request.associatedPartnerId, underReview: companyName.includes('Review') };
        tenants.set(domain, tenant);
        created.add(tenant.tenantId);
        effects.customersCreated.push(domain);
        return {
          status: 201,
          body: { ...customerJson(tenant), userCredentials: { userName: `admin@${domain}`, password: temporaryPassword() } },
        };
      });
    }

    const tenant = id ? byId().get(id) : undefined;
    if (!tenant || !tenant.customer) return pcError(404, '20001', `No customer with id ${id}.`);

    if (!sub && method === 'GET') return { status: 200, body: customerJson(tenant) };

    if (sub === 'directSignedMicrosoftCustomerAgreementStatus' && method === 'GET') {
      return { status: 200, body: { isSigned: seedCustomers.some((c) => c.defaultDomain === tenant.domain && c.acceptedDirectly === true) } };
    }

    if (sub === 'qualifications' && method === 'GET') {
      return { status: 200, body: tenant.underReview ? [{ qualification: 'none', vettingStatus: 'InReview', vettingReason: 'Customer details are being verified.' }] : [] };
    }

    if (sub === 'agreements' && method === 'POST') {
      return once(requestId, () => {
        if (agreements.has(tenant.tenantId)) return pcError(409, '600061', 'An agreement of this type already exists for the customer.');
        agreements.add(tenant.tenantId);
        effects.agreementsCreated.push(tenant.domain);
        return { status: 201, body: { ...(body as object), attributes: { objectType: 'Agreement' } } };
      });
    }

    if (sub === 'carts' && !subId && method === 'POST') {
      return once(requestId, () => {
        const cartId = crypto.randomUUID();
        const lineItems = ((body as { lineItems?: Array<Record<string, unknown>> }).lineItems ?? []).map((l) => ({ ...l }));
        if (!lineItems.length) return pcError(400, '3000', 'Invalid property: the cart has no line items.');
        carts.set(cartId, { customerId: tenant.tenantId, lineItems });
        return { status: 201, body: { id: cartId, lineItems, creationTimestamp: new Date().toISOString(), expirationTimestamp: new Date(Date.now() + 7 * 86_400_000).toISOString(), status: 'Active' } };
      });
    }

    if (sub === 'carts' && subId && action === 'checkout' && method === 'POST') {
      const cart = carts.get(subId);
      if (!cart || cart.customerId !== tenant.tenantId) return pcError(404, '1000', 'The cart was not found.');
      // Checkout is idempotent per cart: a repeat answers what the first checkout answered.
      if (cart.order) return { status: 200, body: { orders: [orderJson(cart.order)], orderErrors: [] } };
      const error = checkoutError(tenant);
      if (error) return { status: 200, body: { orders: [], orderErrors: [{ orderGroupId: '0', code: error.code, description: error.description }] } };
      const slow = tenant.companyName.includes('Slow');
      const order: SimOrder = {
        id: crypto.randomUUID().replace(/-/g, ''),
        customerId: tenant.tenantId,
        cartId: subId,
        lineItems: cart.lineItems.map((l, i) => ({
          lineItemNumber: i,
          offerId: String(l.catalogItemId),
          quantity: Number(l.quantity),
          termDuration: String(l.termDuration),
          billingCycle: String(l.billingCycle),
          subscriptionId: crypto.randomUUID(),
        })),
        createdAt: Date.now(),
        completesAt: Date.now() + ms(SECONDS.subscription, slow),
      };
      cart.order = order;
      orders.set(order.id, order);
      for (const [i, line] of order.lineItems.entries()) {
        const source = cart.lineItems[i]!;
        const product = catalogName(line.offerId);
        subscriptions.set(line.subscriptionId, {
          id: line.subscriptionId,
          tenantId: tenant.tenantId,
          offerId: line.offerId,
          offerName: product,
          quantity: line.quantity,
          termDuration: line.termDuration,
          billingCycle: line.billingCycle,
          effectiveStartDate: today,
          commitmentEndDate: typeof source.customTermEndDate === 'string' ? source.customTermEndDate : calendarMonthEndDate(today, line.termDuration as 'P1M' | 'P1Y' | 'P3Y'),
          autoRenewEnabled: true,
          status: 'active',
        });
      }
      effects.checkouts.push(subId);
      return { status: 200, body: { orders: [orderJson(order)], orderErrors: [] } };
    }

    if (sub === 'subscriptions') {
      const mine = [...subscriptions.values()].filter((x) => x.tenantId === tenant.tenantId);
      if (!subId && method === 'GET') return { status: 200, body: { totalCount: mine.length, items: mine.map(subscriptionJson) } };
      const found = mine.find((x) => x.id === subId);
      if (!found) return pcError(404, '20003', `Subscription with ID ${subId} was not found.`);
      if (method === 'GET') return { status: 200, body: subscriptionJson(found) };
      if (method === 'PATCH') {
        const change = body as { quantity?: number; autoRenewEnabled?: boolean };
        if (change.quantity !== undefined) {
          if (!Number.isInteger(change.quantity) || change.quantity < 1) return pcError(400, '3000', 'Invalid property: quantity.');
          found.quantity = change.quantity;
        }
        if (typeof change.autoRenewEnabled === 'boolean') found.autoRenewEnabled = change.autoRenewEnabled;
        return { status: 200, body: subscriptionJson(found) };
      }
    }

    if (sub === 'orders' && method === 'GET') {
      if (!subId) {
        const items = [...orders.values()].filter((o) => o.customerId === tenant.tenantId).map(orderJson);
        return { status: 200, body: { totalCount: items.length, items } };
      }
      const order = orders.get(subId);
      if (!order || order.customerId !== tenant.tenantId) return pcError(404, '1000', 'The order was not found.');
      return { status: 200, body: orderJson(order) };
    }

    return pcError(405, '0', 'Method not allowed.');
  }

  function checkoutError(tenant: Tenant): { code: string; description: string } | undefined {
    if (tenant.nextCheckoutError) {
      const error = tenant.nextCheckoutError;
      tenant.nextCheckoutError = undefined;
      return error;
    }
    if (tenant.underReview) return { code: '800000', description: 'The customer account is under review. Orders can be placed once the review is complete.' };
    if (tenant.companyName.includes('Fail') && !tenant.failedOnce) {
      tenant.failedOnce = true;
      return { code: '2091', description: 'The offer is no longer available for purchase for this customer.' };
    }
    return undefined;
  }

  /** Microsoft takes its time over some operations; the simulator answers after it. */
  function latency(method: string, path: string, body: unknown): number {
    if (method === 'POST' && path === '/v1/customers') {
      return ms(SECONDS.createCustomer, String((body as { billingProfile?: { companyName?: string } })?.billingProfile?.companyName ?? '').includes('Slow'));
    }
    if (method === 'POST' && path.endsWith('/agreements')) return ms(SECONDS.agreement);
    return 0;
  }

  const sockets = new Set<import('node:net').Socket>();
  const server: Server = createServer((req, res) => void handle(req, res));
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://simulator');
    const method = (req.method ?? 'GET').toUpperCase();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const type = String(req.headers['content-type'] ?? '');
    let body: unknown = text;
    if (type.includes('json') && text) {
      try {
        body = JSON.parse(text);
      } catch {
        return send(res, pcError(400, '400056', 'Invalid input: the body is not valid JSON.'));
      }
    }
    if (url.pathname.startsWith('/__sim/')) return send(res, control(method, url.pathname, body));
    const shown = microsoft.page(method, url.pathname, url.searchParams);
    if (shown) return send(res, shown);

    const entry: SimRequest = { method, path: url.pathname, requestId: header(req.headers, 'ms-requestid'), correlationId: header(req.headers, 'ms-correlationid'), status: 0, at: Date.now() };
    requests.push(entry);
    const fault = takeFault(faults, method, url.pathname);
    if (fault?.hang) return; // the caller's timeout ends it
    if (fault?.delayMs) await sleep(fault.delayMs);
    let answer: Answer;
    if (fault?.status) {
      answer = pcError(fault.status, fault.code ?? String(fault.status), fault.description ?? `Injected fault ${fault.status}.`, fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {});
    } else {
      const wait = latency(method, url.pathname, body);
      if (wait) await sleep(wait);
      answer = await route(method, url.pathname, url.searchParams, body, req.headers);
    }
    entry.status = answer.status;
    send(res, answer, method === 'HEAD');
  }

  function control(method: string, path: string, body: unknown): Answer {
    const parts = path.split('/').filter(Boolean);
    if (method === 'POST' && parts[1] === 'faults') {
      simulator.inject(body as SimFault);
      return { status: 204 };
    }
    if (method === 'GET' && parts[1] === 'requests') return { status: 200, body: requests };
    if (method === 'GET' && parts[1] === 'effects') return { status: 200, body: effects };
    if (method === 'POST' && parts[1] === 'tenants' && parts[3] === 'approve-review') {
      simulator.approveReview(decodeURIComponent(parts[2] ?? ''));
      return { status: 204 };
    }
    if (method === 'POST' && parts[1] === 'tenants' && parts[3] === 'accept-relationship') {
      simulator.acceptRelationship(decodeURIComponent(parts[2] ?? ''));
      return { status: 204 };
    }
    return { status: 404, body: { code: 'not-found' } };
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const simulator: Simulator = {
    url,
    requests,
    effects,
    inject(fault) {
      faults.push({ ...fault, remaining: fault.times ?? 1 });
    },
    approveReview(domain) {
      const tenant = tenants.get(domain.toLowerCase());
      if (tenant) tenant.underReview = false;
    },
    acceptRelationship(domain) {
      const tenant = tenants.get(domain.toLowerCase());
      if (tenant) {
        tenant.customer = true;
        tenant.associatedPartnerId = partnerId;
      }
    },
    failNextCheckout(domain, code, description) {
      const tenant = tenants.get(domain.toLowerCase());
      if (tenant) tenant.nextCheckoutError = { code, description };
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  return simulator;
}
