/**
 * The mock backend: the whole store contract, in memory, as one Fetch-API handler
 * `(Request) => Promise<Response>`. Browser-safe (no Node imports), so the same code serves
 * the dev server, the test runner, Storybook (as the client's `fetch`) and `npm run mock-server`.
 *
 * Every request body is parsed with the contract's schemas; a bad request gets a 400/422
 * problem+json naming the field, an unknown route 404 and a wrong method 405, never a 500.
 */
import * as z from 'zod/mini';
import {
  Address,
  DOMAIN_PREFIX_PATTERN,
  OrderRequest,
  QuoteRequest,
  TenantDomain,
  type AddressValidation,
  type AdminCredentials,
  type AgreementMode,
  type Customer,
  type DomainAvailability,
  type FieldError,
  type Order,
  type OrderLineInput,
  type Product,
  type Quote,
  type QuoteLine,
  type Recipient,
  type TaskKind,
  type TenantLookup,
} from '../api/schemas.js';
import { catalog, COUNTRIES_WITH_STATES, currentAgreement, customers as seedCustomers, knownTenants, reseller } from './data.js';
import { canonicalJson, issuesToFieldErrors, json, problem, randomHex, sleep, validationProblem } from './http.js';
import { dayNumber, prorate, todayUtc } from './proration.js';
import { orderSnapshot, type OrderRecord, type PlannedTask } from './provisioning.js';
import { orderEvents } from './sse.js';

export { billingPeriod, prorate, divideRoundHalfUp, type BillingPeriod, type Proration, type ProrationInput } from './proration.js';

export interface MockOptions {
  /**
   * Multiplies simulated time. 1 (the default) is the demo, where a typical new-tenant
   * order provisions in about a minute; tests use 200–2000 to finish in milliseconds.
   */
  speed?: number;
  /** How the Microsoft Customer Agreement is accepted; `attest` by default. */
  agreementMode?: AgreementMode;
  /** Today's date, `YYYY-MM-DD`, for quotes and agreement dates; the real date (UTC) by default. */
  today?: string;
  /** Serve `/orders/{id}/events` (default true); false answers 404 so clients fall back to polling. */
  sse?: boolean;
  /** Artificial delay before every answer, ms (default 0). */
  latencyMs?: number;
}

/** One request as the mock received it. */
export interface RecordedRequest {
  method: string;
  /** The contract path without the base path, e.g. `/orders`. */
  path: string;
  /** The query string, with its `?`, or empty. */
  search: string;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** The parsed JSON body, the raw text when it is no JSON, or undefined when empty. */
  body?: unknown;
  /** `Date.now()` when it arrived. */
  at: number;
}

/** Makes the next `times` requests matching `method` and `path` misbehave. */
export interface Fault {
  method?: string;
  /** A contract path prefix, e.g. `/catalog` or `/orders`. */
  path: string;
  /** How many matching requests get the fault; 1 by default. */
  times?: number;
  /** Answer with this status instead of the normal answer. */
  status?: number;
  headers?: Record<string, string>;
  /** JSON, or a string sent as it is. A 4xx/5xx without a body gets a problem+json one. */
  body?: unknown;
  /** Wait this long before answering (with the normal answer when no status is given). */
  delayMs?: number;
  /** No answer at all: the Node adapter destroys the socket; the in-process `fetch` rejects with a TypeError. */
  networkError?: boolean;
}

export interface MockBackend {
  handle(request: Request): Promise<Response>;
  /** A `fetch` that routes every request to `handle`: pass it as the client's `fetch`. */
  fetch: typeof fetch;
  /** Every request received, oldest first. */
  requests: RecordedRequest[];
  inject(fault: Fault): void;
  /** Forgets orders, requests and faults, and what orders changed (taken prefixes, new customers). */
  reset(): void;
}

type Json = unknown;

interface IdempotentEntry {
  body: string;
  orderId: string;
}

const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);

export function createMockBackend(options: MockOptions & { basePath?: string } = {}): MockBackend {
  const speed = options.speed ?? 1;
  if (!(speed > 0) || !Number.isFinite(speed)) throw new RangeError(`speed must be a positive number, not ${speed}`);
  if (options.today !== undefined) dayNumber(options.today);
  const basePath = (options.basePath ?? '/api').replace(/\/+$/, '');
  const agreementMode: AgreementMode = options.agreementMode ?? 'attest';
  const sseEnabled = options.sse ?? true;
  const latencyMs = options.latencyMs ?? 0;

  // Instance state: each backend is isolated from every other.
  const requests: RecordedRequest[] = [];
  let faults: Array<Fault & { remaining: number }> = [];
  let orders = new Map<string, OrderRecord>();
  let idempotency = new Map<string, IdempotentEntry>();
  let customers: Customer[] = seedCustomers.map((c) => ({ ...c }));
  let tenants = new Map(Object.entries(knownTenants).map(([domain, t]) => [domain, { ...t }]));
  let takenPrefixes = new Set<string>();
  // Tenants created by orders in this instance, by domain: who they were created for, and the
  // latest order for them (see `tenantToReuse`).
  let createdTenants = new Map<string, CreatedTenant>();
  // Company names (exact) that placed an order in this instance: `Fail` fails only the first one.
  let companiesOrdered = new Set<string>();

  const today = () => options.today ?? todayUtc();

  // -------------------------------------------------------------------------------------
  // Domains and tenants

  function prefixProblem(prefix: string): string | undefined {
    if (prefix.length === 0) return 'Enter a domain prefix: 1 to 27 letters or digits.';
    const chars = [...prefix];
    const bad = [...new Set(chars.filter((c) => !/^[A-Za-z0-9]$/.test(c)))];
    if (bad.length) {
      const shown = bad.map((c) => (c === ' ' ? 'spaces' : `“${c}”`)).join(', ');
      return `Only letters A–Z and digits 0–9 are allowed, not ${shown}.`;
    }
    if (prefix.length > 27) return `At most 27 characters are allowed; this one has ${prefix.length}.`;
    return DOMAIN_PREFIX_PATTERN.test(prefix) ? undefined : 'Only letters A–Z and digits 0–9, 1 to 27 characters.';
  }

  function isPrefixTaken(prefix: string): boolean {
    const p = prefix.toLowerCase();
    const domain = `${p}.onmicrosoft.com`;
    return (
      p === 'contoso' ||
      p.startsWith('taken') ||
      takenPrefixes.has(p) ||
      tenants.has(domain) ||
      customers.some((c) => c.defaultDomain.toLowerCase() === domain)
    );
  }

  function suggestionsFor(prefix: string): string[] {
    const base = prefix.toLowerCase();
    const suffixes = ['365', 'hq', 'inc', 'group', 'online', 'cloud'];
    const prefixes = ['my', 'team', 'the', 'go'];
    const candidates = [
      ...suffixes.map((s) => base.slice(0, 27 - s.length) + s),
      ...prefixes.map((p) => p + base.slice(0, 27 - p.length)),
      ...Array.from({ length: 20 }, (_, i) => `${base.slice(0, 25)}${i + 2}`),
    ];
    const out: string[] = [];
    for (const candidate of candidates) {
      if (out.length === 3) break;
      if (candidate !== base && !out.includes(candidate) && DOMAIN_PREFIX_PATTERN.test(candidate) && !isPrefixTaken(candidate)) {
        out.push(candidate);
      }
    }
    return out;
  }

  function getDomain(prefix: string): Response {
    const message = prefixProblem(prefix);
    if (message) return validationProblem([{ field: 'prefix', message }]);
    const available = !isPrefixTaken(prefix);
    const body: DomainAvailability = {
      prefix,
      domain: `${prefix.toLowerCase()}.onmicrosoft.com`,
      available,
      suggestions: available ? [] : suggestionsFor(prefix),
    };
    return json(body);
  }

  function getTenant(domain: string): Response {
    if (!z.safeParse(TenantDomain, domain).success) {
      return validationProblem([{ field: 'domain', message: 'Enter a domain such as contoso.onmicrosoft.com.' }]);
    }
    const key = domain.toLowerCase();
    const tenant = tenants.get(key);
    const body: TenantLookup = tenant
      ? { domain: key, exists: true, companyName: tenant.companyName, tenantId: tenant.tenantId }
      : { domain: key, exists: false };
    return json(body);
  }

  // -------------------------------------------------------------------------------------
  // Addresses

  function addressFieldErrors(address: Address, prefix: string): FieldError[] {
    if (COUNTRIES_WITH_STATES.has(address.country) && !address.state?.trim()) {
      return [{ field: `${prefix}state`, message: `A state or province is required for addresses in ${address.country}.` }];
    }
    return [];
  }

  function validateAddress(address: Address): AddressValidation {
    const postal = address.postalCode.trim();
    if (postal === '00000') {
      return {
        status: 'not-valid',
        message: `The postal code ${postal} does not exist in ${address.country}. Check the address and try again.`,
        suggestions: [],
      };
    }
    if (postal === '99999') {
      const corrected: Address = { ...address, postalCode: correctedPostalCode(address.country), city: titleCase(address.city) };
      return {
        status: 'interaction-required',
        message: 'The postal code does not match the city. Did you mean this address?',
        suggestions: [corrected],
      };
    }
    return { status: 'verified', suggestions: [] };
  }

  // -------------------------------------------------------------------------------------
  // Lines and quotes

  interface PricedLine {
    line: OrderLineInput;
    product: Product;
    unitPrice: number;
  }

  function priceLines(lines: OrderLineInput[]): { priced: PricedLine[]; errors: FieldError[] } {
    const errors: FieldError[] = [];
    const priced: PricedLine[] = [];
    lines.forEach((line, i) => {
      const product = catalog.products.find((p) => p.id === line.productId);
      if (!product) {
        errors.push({ field: `lines.${i}.productId`, message: `No product with id “${line.productId}” in the catalog.` });
        return;
      }
      const offer = product.offers.find((o) => o.term === line.term && o.billing === line.billing);
      if (!offer) {
        const hasTerm = product.offers.some((o) => o.term === line.term);
        const offered = product.offers.map((o) => `${o.term} ${o.billing}`).join(', ');
        errors.push(
          hasTerm
            ? { field: `lines.${i}.billing`, message: `${product.name} on ${line.term} is not billed ${line.billing}. Offered: ${offered}.` }
            : { field: `lines.${i}.term`, message: `${product.name} is not offered on a ${line.term} term. Offered: ${offered}.` },
        );
      }
      if (line.quantity < product.minQuantity || line.quantity > product.maxQuantity) {
        errors.push({
          field: `lines.${i}.quantity`,
          message: `${product.name} takes ${product.minQuantity} to ${product.maxQuantity} licences; ${line.quantity} is out of range.`,
        });
      }
      if (offer) priced.push({ line, product, unitPrice: offer.unitPrice });
    });
    return { priced, errors };
  }

  function quoteLines(priced: PricedLine[], startDate: string): QuoteLine[] {
    return priced.map(({ line, product, unitPrice }) => ({
      productId: product.id,
      name: product.name,
      term: line.term,
      billing: line.billing,
      quantity: line.quantity,
      unitPrice,
      ...prorate({ startDate, billing: line.billing, unitPrice, quantity: line.quantity }),
    }));
  }

  function customerErrors(recipient: Recipient): FieldError[] {
    if (recipient.kind === 'existing' && !customers.some((c) => c.id === recipient.customerId)) {
      return [{ field: 'recipient.customerId', message: `No customer with id “${recipient.customerId}”.` }];
    }
    return [];
  }

  function createQuote(body: Json): Response {
    const parsed = z.safeParse(QuoteRequest, body);
    if (!parsed.success) return validationProblem(issuesToFieldErrors(parsed.error.issues, body));
    const request = parsed.data;
    const startDate = request.startDate ?? today();
    const { priced, errors } = priceLines(request.lines);
    errors.push(...customerErrors(request.recipient));
    if (dayNumber(startDate) < dayNumber(today())) {
      errors.push({ field: 'startDate', message: `The start date cannot be in the past (today is ${today()}).` });
    }
    if (errors.length) return validationProblem(errors);
    const lines = quoteLines(priced, startDate);
    const quote: Quote = {
      id: `qt_${randomHex(8)}`,
      currency: catalog.currency,
      startDate,
      lines,
      recurringTotal: lines.reduce((sum, l) => sum + l.periodAmount, 0),
      firstInvoiceTotal: lines.reduce((sum, l) => sum + l.proratedAmount, 0),
      expiresAt: new Date(Date.now() + 24 * 3600_000).toISOString(),
    };
    return json(quote, 201);
  }

  // -------------------------------------------------------------------------------------
  // Orders

  /**
   * A retry of a new-tenant order whose provisioning failed: the failed order already created
   * the tenant (and did what came before the failure), so a real store lets the partner order
   * again for the same company and reuses that tenant instead of refusing its prefix. Only when
   * the tenant was created by an order in this instance, for exactly this company name, and the
   * latest order for it failed (an order still running or completed is no reason to reuse it).
   * Anyone else still gets "already taken", and `GET /domains/{prefix}` keeps saying taken.
   */
  function tenantToReuse(prefix: string, companyName: string): { domain: string; created: CreatedTenant; done: Set<TaskKind> } | undefined {
    const domain = `${prefix.toLowerCase()}.onmicrosoft.com`;
    const created = createdTenants.get(domain);
    if (!created || created.companyName !== companyName) return undefined;
    const latest = orders.get(created.latestOrderId);
    if (!latest) return undefined;
    const snapshot = orderSnapshot(latest);
    if (snapshot.status !== 'failed') return undefined;
    // The steps the failed order got done before it failed (tenant, reseller link, agreement…).
    const done = new Set<TaskKind>(snapshot.tasks.filter((t) => t.status === 'succeeded' && t.kind !== 'create-subscription').map((t) => t.kind));
    for (const kind of created.done) done.add(kind);
    return { domain, created, done };
  }

  function placeOrder(request: Request, body: Json): Response {
    const key = request.headers.get('idempotency-key')?.trim();
    if (!key) {
      return problem({
        status: 400,
        title: 'Idempotency-Key header required',
        code: 'idempotency-key-missing',
        detail: 'POST /orders needs an Idempotency-Key header (e.g. a UUID) so that a retried submit cannot order twice.',
      });
    }
    if (body === INVALID_JSON) return invalidJson();
    const canonical = canonicalJson(body) ?? '';
    const seen = idempotency.get(key);
    if (seen) {
      if (seen.body !== canonical) {
        return problem({
          status: 422,
          title: 'Idempotency key reused for a different order',
          code: 'idempotency-key-reused',
          detail: `The Idempotency-Key “${key}” was already used for order ${seen.orderId} with a different body. Use a new key for a new order.`,
        });
      }
      // A repeated submit: the same order, as it is now.
      return json(orderSnapshot(orders.get(seen.orderId)!), 200, { location: `${basePath}/orders/${seen.orderId}` });
    }

    const parsed = z.safeParse(OrderRequest, body);
    if (!parsed.success) return validationProblem(issuesToFieldErrors(parsed.error.issues, body));
    const order = parsed.data;
    const { priced, errors } = priceLines(order.lines);
    const recipient = order.recipient;
    let failure: Response | undefined;
    errors.push(...customerErrors(recipient));

    const customer = recipient.kind === 'existing' ? customers.find((c) => c.id === recipient.customerId) : undefined;
    const needsAgreement = recipient.kind === 'new' || (customer !== undefined && !customer.agreementOnFile);
    const agreement = currentAgreement(agreementMode);
    if (needsAgreement && agreementMode === 'attest' && !order.agreement) {
      errors.push({ field: 'agreement', message: 'The customer’s acceptance of the Microsoft Customer Agreement is required.' });
    }
    if (order.agreement) {
      if (order.agreement.templateId !== agreement.templateId) {
        errors.push({ field: 'agreement.templateId', message: `Not the current agreement; its template id is ${agreement.templateId}.` });
      }
      if (dayNumber(order.agreement.dateAccepted) > dayNumber(today())) {
        errors.push({ field: 'agreement.dateAccepted', message: `The date accepted cannot be in the future (today is ${today()}).` });
      }
    }

    let registered: { companyName: string; tenantId: string } | undefined;
    let reuse: ReturnType<typeof tenantToReuse>;
    if (recipient.kind === 'new') {
      const { company, tenant } = recipient;
      errors.push(...addressFieldErrors(company.address, 'company.address.'));
      if (validateAddress(company.address).status === 'not-valid') {
        errors.push({ field: 'company.address.postalCode', message: 'This address could not be verified; check the postal code.' });
      }
      reuse = tenant.kind === 'new' ? tenantToReuse(tenant.prefix, company.companyName) : undefined;
      if (tenant.kind === 'new' && !reuse && isPrefixTaken(tenant.prefix)) {
        errors.push({
          field: 'tenant.prefix',
          message: `${tenant.prefix.toLowerCase()}.onmicrosoft.com is already taken. Try ${suggestionsFor(tenant.prefix).join(', ')}.`,
        });
      }
      if (tenant.kind === 'existing') {
        registered = tenants.get(tenant.domain.toLowerCase());
        if (!registered) {
          errors.push({ field: 'tenant.domain', message: `No Microsoft tenant has the default domain ${tenant.domain}.` });
        } else if (registered.companyName !== company.companyName) {
          errors.push({
            field: 'company.companyName',
            message: `Must match, character for character, the name registered with Microsoft: “${registered.companyName}”.`,
          });
          failure = problem({
            status: 422,
            title: 'The company name does not match the tenant',
            code: 'company-name-mismatch',
            detail: `You entered “${company.companyName}”; the tenant ${tenant.domain.toLowerCase()} is registered to “${registered.companyName}”.`,
            errors,
            registeredCompanyName: registered.companyName,
          });
        }
      }
    }
    if (errors.length) return failure ?? validationProblem(errors);

    const id = `ord_${randomHex(10)}`;
    const lines = order.lines;
    const firstInvoiceTotal = quoteLines(priced, today()).reduce((sum, l) => sum + l.proratedAmount, 0);
    let summary: Order['recipient'];
    let credentials: OrderRecord['credentials'];
    if (recipient.kind === 'internal') summary = { kind: 'internal', ...reseller };
    else if (recipient.kind === 'existing') summary = { kind: 'existing', companyName: customer!.companyName, domain: customer!.defaultDomain };
    else {
      const domain = recipient.tenant.kind === 'new' ? `${recipient.tenant.prefix.toLowerCase()}.onmicrosoft.com` : recipient.tenant.domain.toLowerCase();
      summary = { kind: 'new', companyName: recipient.company.companyName, domain };
      if (recipient.tenant.kind === 'new') {
        // A reused tenant keeps the administrator the failed order created (never shown: a
        // failed order has no credentials), so the retry shows that one when it completes.
        credentials = reuse?.created.credentials ?? { userName: `admin@${domain}`, temporaryPassword: temporaryPassword() };
      }
    }

    const record: OrderRecord = {
      id,
      placedAt: Date.now(),
      speed,
      recipient: summary,
      currency: catalog.currency,
      lines,
      firstInvoiceTotal,
      tasks: planTasks(order, summary, customer, reuse?.done),
      ...(credentials ? { credentials } : {}),
    };
    orders.set(id, record);
    idempotency.set(key, { body: canonical, orderId: id });

    // What the order changes in this instance: the prefix is gone, the customer is known.
    // A retry that reuses the failed order's tenant changes neither: both exist already.
    companiesOrdered.add(summary.companyName);
    if (reuse) {
      reuse.created.latestOrderId = id;
      reuse.created.done = reuse.done;
    } else if (recipient.kind === 'new') {
      const domain = summary.domain!;
      if (recipient.tenant.kind === 'new') {
        takenPrefixes.add(recipient.tenant.prefix.toLowerCase());
        tenants.set(domain, { companyName: recipient.company.companyName, tenantId: uuid() });
        createdTenants.set(domain, {
          companyName: recipient.company.companyName,
          latestOrderId: id,
          credentials: credentials!,
          done: new Set(),
        });
      }
      customers.push({
        id: `cst-${randomHex(4)}`,
        companyName: recipient.company.companyName,
        defaultDomain: domain,
        agreementOnFile: true,
        country: recipient.company.address.country,
      });
    }
    if (customer && order.agreement) customer.agreementOnFile = true;

    return json(orderSnapshot(record), 201, { location: `${basePath}/orders/${id}` });
  }

  /**
   * The order's tasks. `done`: for a retry on a tenant a failed order created, the task kinds
   * that order already got done (create-tenant, link-reseller, record-agreement, …). They are
   * left out, not shown as succeeded again: the retry did not do them, and its task list says
   * what this order does, which is creating the subscriptions.
   */
  function planTasks(
    order: OrderRequest,
    summary: Order['recipient'],
    customer: Customer | undefined,
    done: ReadonlySet<TaskKind> = new Set(),
  ): PlannedTask[] {
    const name = summary.companyName;
    const slow = name.includes('Slow') ? 10 : 1;
    const tasks: Omit<PlannedTask, 'id'>[] = [];
    const recipient = order.recipient;
    const needsAgreement = recipient.kind === 'new' || (customer !== undefined && !customer.agreementOnFile);

    if (recipient.kind === 'new' && recipient.tenant.kind === 'new') {
      tasks.push(
        {
          kind: 'create-tenant',
          label: `Create tenant ${summary.domain}`,
          behaviour: 'work',
          seconds: 20,
          activeDetail: 'Microsoft is creating the tenant and its first administrator.',
        },
        { kind: 'link-reseller', label: `Link ${reseller.companyName} as the reseller`, behaviour: 'work', seconds: 8 },
      );
    }
    if (recipient.kind === 'new' && recipient.tenant.kind === 'existing') {
      tasks.push({
        kind: 'accept-relationship',
        label: 'Customer accepts the reseller relationship',
        behaviour: 'action',
        seconds: 30,
        activeDetail: `Send this link to a global administrator of ${name}: they sign in and accept ${reseller.companyName} as their reseller.`,
        doneDetail: 'Accepted by the customer.',
        actionUrl: `https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=${RESELLER_PARTNER_ID}&msppId=0#/BillingAccounts/partner-invitation`,
      });
    }
    if (recipient.kind !== 'internal') {
      if (order.agreement) {
        tasks.push({
          kind: 'record-agreement',
          label: 'Record the Microsoft Customer Agreement acceptance',
          behaviour: 'work',
          seconds: 5,
          doneDetail: `Accepted by ${order.agreement.firstName} ${order.agreement.lastName} on ${order.agreement.dateAccepted}.`,
        });
      } else if (needsAgreement && agreementMode === 'customer-accepts') {
        tasks.push({
          kind: 'accept-agreement',
          label: 'Customer accepts the Microsoft Customer Agreement',
          behaviour: 'action',
          seconds: 25,
          activeDetail: `Send this link to a person authorised to sign for ${name}: they sign in and accept the agreement.`,
          doneDetail: 'Accepted by the customer.',
          actionUrl: 'https://admin.microsoft.com/Adminportal/Home#/BillingAccounts/agreements',
        });
      }
    }
    if (recipient.kind === 'new' && name.includes('Review')) {
      tasks.push({
        kind: 'review-customer',
        label: 'Microsoft reviews the new customer',
        behaviour: 'hold',
        seconds: 0,
        activeDetail:
          'Microsoft is verifying the new customer’s details. This usually takes one to two business days. You can close this page: the subscriptions are created when the review is done.',
      });
    }
    // `Fail` fails only the first order of that company in the instance, so "Try again" succeeds.
    const fail = name.includes('Fail') && !companiesOrdered.has(name);
    order.lines.forEach((line, i) => {
      const product = catalog.products.find((p) => p.id === line.productId)!;
      tasks.push({
        kind: 'create-subscription',
        label: `Create subscription: ${product.name} × ${line.quantity}`,
        behaviour: fail && i === 0 ? 'fail' : 'work',
        seconds: 12,
        doneDetail:
          fail && i === 0
            ? 'Microsoft declined the subscription: the offer is temporarily unavailable for this tenant (error 800002). Placing the order again usually succeeds.'
            : undefined,
      });
    });
    return tasks
      .filter((task) => task.kind === 'create-subscription' || !done.has(task.kind))
      .map((task, i) => ({ ...task, id: `task-${i + 1}`, seconds: task.seconds * slow }));
  }

  function getOrder(id: string): Response {
    const record = orders.get(id);
    return record ? json(orderSnapshot(record)) : orderNotFound(id);
  }

  function getOrderEvents(id: string, signal: AbortSignal): Response {
    if (!sseEnabled) {
      return problem({
        status: 404,
        title: 'Not found',
        code: 'not-supported',
        detail: 'This backend has no order events; poll GET /orders/{id} instead.',
      });
    }
    const record = orders.get(id);
    return record ? orderEvents(record, signal) : orderNotFound(id);
  }

  // -------------------------------------------------------------------------------------
  // Routing

  type Route = { methods: Record<string, () => Response> };

  function route(request: Request, segments: string[] | undefined, body: Json): Response {
    if (!segments) return notFound();
    const [first, second, third, ...rest] = segments;
    const table = (): Route | undefined => {
      if (rest.length) return undefined;
      if (first === 'catalog' && second === undefined) return { methods: { GET: () => json(catalog) } };
      if (first === 'customers' && second === undefined) {
        return { methods: { GET: () => searchCustomers(new URL(request.url).searchParams.get('search') ?? '') } };
      }
      if (first === 'domains' && second !== undefined && third === undefined) return { methods: { GET: () => getDomain(second) } };
      if (first === 'tenants' && second !== undefined && third === undefined) return { methods: { GET: () => getTenant(second) } };
      if (first === 'addresses' && second === 'validate' && third === undefined) return { methods: { POST: () => postAddress(body) } };
      if (first === 'agreement' && second === undefined) return { methods: { GET: () => json(currentAgreement(agreementMode)) } };
      if (first === 'quotes' && second === undefined) return { methods: { POST: () => (body === INVALID_JSON ? invalidJson() : createQuote(body)) } };
      if (first === 'orders' && second === undefined) return { methods: { POST: () => placeOrder(request, body) } };
      if (first === 'orders' && second && third === undefined) return { methods: { GET: () => getOrder(second) } };
      if (first === 'orders' && second && third === 'events') return { methods: { GET: () => getOrderEvents(second, request.signal) } };
      return undefined;
    };
    const match = table();
    if (!match) return notFound();
    const run = match.methods[request.method];
    if (run) return run();
    const allow = Object.keys(match.methods).join(', ');
    return problem({
      status: 405,
      title: 'Method not allowed',
      code: 'method-not-allowed',
      detail: `${request.method} is not allowed here; use ${allow}.`,
      headers: { allow },
    });
  }

  function searchCustomers(search: string): Response {
    const needle = search.trim().toLowerCase();
    const found = customers.filter(
      (c) => !needle || c.companyName.toLowerCase().includes(needle) || c.defaultDomain.toLowerCase().includes(needle),
    );
    return json({ customers: found });
  }

  function postAddress(body: Json): Response {
    if (body === INVALID_JSON) return invalidJson();
    const parsed = z.safeParse(Address, body);
    if (!parsed.success) return validationProblem(issuesToFieldErrors(parsed.error.issues, body));
    const errors = addressFieldErrors(parsed.data, '');
    if (errors.length) return validationProblem(errors);
    return json(validateAddress(parsed.data));
  }

  /** The path's segments after the base path, percent-decoded; undefined when outside it or undecodable. */
  function segmentsOf(pathname: string): { path: string; segments?: string[]; badEncoding?: boolean } {
    if (pathname !== basePath && !pathname.startsWith(`${basePath}/`)) return { path: pathname };
    const path = pathname.slice(basePath.length) || '/';
    const raw = path.split('/').slice(1);
    try {
      return { path, segments: raw.map((s) => decodeURIComponent(s)) };
    } catch {
      return { path, badEncoding: true };
    }
  }

  // -------------------------------------------------------------------------------------
  // Faults and the handler

  function takeFault(method: string, path: string): Fault | undefined {
    const fault = faults.find((f) => (!f.method || f.method.toUpperCase() === method) && path.startsWith(f.path));
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) faults = faults.filter((f) => f !== fault);
    return fault;
  }

  function faultResponse(fault: Fault & { status: number }): Response {
    const headers = new Headers(fault.headers);
    let body: string | null = null;
    if (typeof fault.body === 'string') {
      body = fault.body;
      if (!headers.has('content-type')) headers.set('content-type', 'text/plain; charset=utf-8');
    } else if (fault.body !== undefined) {
      body = JSON.stringify(fault.body);
      if (!headers.has('content-type')) headers.set('content-type', fault.status >= 400 ? 'application/problem+json' : 'application/json');
    } else if (fault.status >= 400) {
      body = JSON.stringify({ type: 'about:blank', title: `Injected fault ${fault.status}`, status: fault.status, code: 'injected-fault' });
      if (!headers.has('content-type')) headers.set('content-type', 'application/problem+json');
    }
    return new Response(NULL_BODY_STATUS.has(fault.status) ? null : body, { status: fault.status, headers });
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const method = request.method.toUpperCase();
    const { path, segments, badEncoding } = segmentsOf(url.pathname);
    const text = method === 'GET' || method === 'HEAD' ? '' : await request.text();
    let body: Json;
    if (text !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        body = INVALID_JSON;
      }
    }
    requests.push({
      method,
      path,
      search: url.search,
      headers: Object.fromEntries(request.headers),
      ...(text !== '' ? { body: body === INVALID_JSON ? text : body } : {}),
      at: Date.now(),
    });

    const fault = takeFault(method, path);
    if (fault?.delayMs) await sleep(fault.delayMs, request.signal);
    if (fault?.networkError) return Response.error();
    if (fault?.status !== undefined) return faultResponse(fault as Fault & { status: number });
    if (latencyMs > 0) await sleep(latencyMs, request.signal);

    if (badEncoding) {
      const field = path.startsWith('/domains/') ? 'prefix' : path.startsWith('/tenants/') ? 'domain' : undefined;
      if (field) return validationProblem([{ field, message: 'The path is not valid percent-encoded UTF-8.' }]);
      return notFound();
    }
    try {
      return route(request, segments, body);
    } catch (error) {
      // A bug in the mock, not in the request: still answer as the contract says.
      return problem({ status: 500, title: 'Mock backend error', code: 'internal-error', detail: String(error) });
    }
  }

  const mockFetch = (async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request =
      input instanceof Request
        ? new Request(input, init)
        : new Request(new URL(String(input), (globalThis as { location?: { href: string } }).location?.href ?? 'http://localhost/'), init);
    const response = await handle(request);
    if (response.type === 'error') throw new TypeError('Failed to fetch');
    return response;
  }) as typeof fetch;

  return {
    handle,
    fetch: mockFetch,
    requests,
    inject(fault: Fault) {
      faults.push({ ...fault, remaining: fault.times ?? 1 });
    },
    reset() {
      requests.length = 0;
      faults = [];
      orders = new Map();
      idempotency = new Map();
      customers = seedCustomers.map((c) => ({ ...c }));
      tenants = new Map(Object.entries(knownTenants).map(([domain, t]) => [domain, { ...t }]));
      takenPrefixes = new Set();
      createdTenants = new Map();
      companiesOrdered = new Set();
    },
  };
}

/** A tenant an order in this instance created. */
interface CreatedTenant {
  /** The company it was created for, exactly as ordered. */
  companyName: string;
  /** The latest order for this tenant: the one that created it, or a retry that reused it. */
  latestOrderId: string;
  /** Its first administrator, made when the tenant was created. */
  credentials: AdminCredentials;
  /** Task kinds done for it by earlier orders that failed (carried over retry after retry). */
  done: Set<TaskKind>;
}

/** Marks a body that was sent but is not JSON. */
const INVALID_JSON: unique symbol = Symbol('invalid-json');

/** The reseller's (fictional) Partner Center id, in relationship invitation links. */
const RESELLER_PARTNER_ID = '8f2d5c1a-93b7-4e06-a1d4-7c5e9b3f0a28';

function invalidJson(): Response {
  return problem({ status: 400, title: 'The body is not valid JSON', code: 'invalid-json', detail: 'Send a JSON body with Content-Type: application/json.' });
}

function notFound(): Response {
  return problem({ status: 404, title: 'Not found', code: 'not-found', detail: 'No such resource in the store API.' });
}

function orderNotFound(id: string): Response {
  return problem({ status: 404, title: 'Order not found', code: 'order-not-found', detail: `No order with id “${id}”.` });
}

function uuid(): string {
  return crypto.randomUUID();
}

/** A temporary password like Microsoft's: a capitalised syllable word, digits, a symbol. */
function temporaryPassword(): string {
  const consonants = 'bcdfghjkmnpqrstvwxz';
  const vowels = 'aeiou';
  const bytes = new Uint8Array(10);
  crypto.getRandomValues(bytes);
  const pick = (set: string, i: number) => set[bytes[i]! % set.length]!;
  const word = pick(consonants, 0).toUpperCase() + pick(vowels, 1) + pick(consonants, 2) + pick(vowels, 3) + pick(consonants, 4);
  const digits = [5, 6, 7, 8].map((i) => String(bytes[i]! % 10)).join('');
  return `${word}${digits}${pick('!#$%*+?', 9)}`;
}

function titleCase(text: string): string {
  return text.trim().replace(/\S+/g, (w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase());
}

/** A plausible real postal code for the "did you mean" correction of `99999`. */
function correctedPostalCode(country: string): string {
  return ({ US: '98052', CA: 'M5V 2T6', AU: '2000', GB: 'SW1A 1AA', DE: '10115', NL: '1012 AB' } as Record<string, string>)[country] ?? '10001';
}
