/**
 * The store's HTTP API on Hono: the contract's routes under `/api`, each request parsed with
 * the contract's zod schemas, each error an RFC 9457 problem (never a stack trace, never
 * Partner Center's own answer). A route is a path and a table of methods, so a new endpoint
 * of the contract is one more `route(...)` line; a wrong method answers 405 with `Allow`.
 */
import { Hono, type Context } from 'hono';
import * as z from 'zod/mini';
import { Address, IsoDate, Term, TenantDomain, type Agreement, type DomainAvailability, type EndDates, type FieldError, QuoteRequest, type TenantLookup } from '../../../src/api/schemas.js';
import { INVALID_JSON, json, parseJsonBody, problem, validBody, validationProblem } from '../../../src/mock/http.js';
import { dayNumber } from '../../../src/mock/proration.js';
import type { ResellerConfig } from '../config.js';
import { prefixRuleBroken, prefixTaken, suggestPrefixes } from '../domains.js';
import { acceptanceSnapshot, createAcceptance, getAcceptance, readAcceptance, renewLink } from '../acceptances.js';
import { templates } from '../admin-access.js';
import { countryRulesAnswer } from '../country-rules.js';
import { snapshotStream, type Changes } from '../events.js';
import { placeOrder, type StoreContext } from '../orders/place.js';
import { buildQuote, catalog, price, purchaseTime } from '../orders/pricing.js';
import { endDatesFor, lineErrors, quoted, subscriptionsFor, viewOf } from '../subscriptions.js';
import { readOrder } from '../orders/snapshot.js';
import { isGatewayError } from '../partner-center/gateway.js';
import type { Authenticator } from './auth.js';

export interface AppDeps {
  store: StoreContext;
  auth: Authenticator;
  /** Notifications of changed orders and acceptance requests, from every instance. */
  orders: Changes;
  acceptances: Changes;
}

type Env = { Variables: { reseller: ResellerConfig; body: unknown } };
type Handler = (c: Context<Env>) => Response | Promise<Response>;

const CORS_EXPOSE = 'Retry-After, Location';
const MAX_BODY_CHARS = 1_000_000;
const MAX_DEPTH = 32;

function nestedDeeperThan(value: unknown, limit: number): boolean {
  let level: unknown[] = [value];
  for (let depth = 0; level.length; depth++) {
    if (depth > limit) return true;
    level = level.flatMap((v) => (v && typeof v === 'object' ? Object.values(v as object) : []));
  }
  return false;
}
const CORS_ALLOW_HEADERS = 'Authorization, Content-Type, Idempotency-Key';

export function createApp({ store, auth, orders, acceptances }: AppDeps): Hono<Env> {
  const app = new Hono<Env>();
  const base = store.basePath;
  const db = store.db;

  // CORS: a preflight is answered for any configured origin (it carries no credentials); the
  // real request only gets Access-Control-Allow-Origin when its reseller allows that origin.
  app.use(`${base}/*`, async (c, next) => {
    const origin = c.req.header('origin');
    if (c.req.method === 'OPTIONS') {
      if (!origin || !auth.anyAllows(origin)) return new Response(null, { status: 403 });
      return new Response(null, {
        status: 204,
        headers: {
          'access-control-allow-origin': auth.open ? '*' : origin,
          'access-control-allow-methods': 'GET, POST, OPTIONS',
          'access-control-allow-headers': CORS_ALLOW_HEADERS,
          'access-control-max-age': '600',
          vary: 'Origin',
        },
      });
    }
    await next();
  });

  app.use(`${base}/*`, async (c, next) => {
    const who = await auth.authenticate(c.req.raw);
    const origin = c.req.header('origin');
    const cors = (response: Response) => {
      if (origin && (who instanceof Response ? auth.anyAllows(origin) : auth.allows(who, origin))) {
        response.headers.set('access-control-allow-origin', auth.open ? '*' : origin);
        response.headers.set('access-control-expose-headers', CORS_EXPOSE);
        response.headers.append('vary', 'Origin');
      }
      return response;
    };
    if (who instanceof Response) return cors(who);
    c.set('reseller', who);
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const text = await c.req.text();
      if (text.length > MAX_BODY_CHARS) {
        return cors(problem({ status: 413, title: 'The body is too large', code: 'body-too-large', detail: `Send at most ${MAX_BODY_CHARS} characters.` }));
      }
      const body = parseJsonBody(text);
      // No contract body nests deeper than a few levels; a deeper one is an attack on the parser's stack.
      c.set('body', body !== INVALID_JSON && nestedDeeperThan(body, MAX_DEPTH) ? INVALID_JSON : body);
    }
    await next();
    if (origin) c.res = cors(new Response(c.res.body, c.res));
  });

  function route(path: string, methods: Record<string, Handler>): void {
    const allow = Object.keys(methods).join(', ');
    app.all(base + path, (c) => {
      const run = methods[c.req.method];
      if (run) return run(c);
      return problem({ status: 405, title: 'Method not allowed', code: 'method-not-allowed', detail: `${c.req.method} is not allowed here; use ${allow}.`, headers: { allow } });
    });
  }

  /** The last path segment exactly as sent, percent-decoded; undefined when it does not decode. */
  function rawTail(c: Context<Env>, prefix: string): string | undefined {
    const path = new URL(c.req.url).pathname;
    try {
      return decodeURIComponent(path.slice((base + prefix).length));
    } catch {
      return undefined;
    }
  }

  route('/catalog', { GET: () => json(catalog) });

  route('/customers', {
    GET: async (c) => {
      const search = (c.req.query('search') ?? '').trim().toLowerCase();
      // position() rather than LIKE, so % and _ in a search are letters, not wildcards.
      const rows = await db.query<{ id: string; company_name: string; default_domain: string; agreement_on_file: boolean; accepted_directly: boolean; country: string | null }>(
        `SELECT id, company_name, default_domain, agreement_on_file, accepted_directly, country FROM customers
         WHERE reseller_id = $1 AND ($2 = '' OR position($2 IN lower(company_name)) > 0 OR position($2 IN lower(default_domain)) > 0)
         ORDER BY created_at, id LIMIT 200`,
        [c.get('reseller').id, search],
      );
      return json({
        customers: rows.map((r) => ({
          id: r.id,
          companyName: r.company_name,
          defaultDomain: r.default_domain,
          agreementOnFile: r.agreement_on_file,
          ...(r.accepted_directly ? { acceptedDirectly: true } : {}),
          ...(r.country ? { country: r.country } : {}),
        })),
      });
    },
  });

  const domain: Handler = async (c) => {
    const prefix = rawTail(c, '/domains/');
    if (prefix === undefined) return validationProblem([{ field: 'prefix', message: 'The path is not valid percent-encoded UTF-8.' }]);
    const broken = prefixRuleBroken(prefix);
    if (broken) return validationProblem([{ field: 'prefix', message: broken }]);
    const taken = await prefixTaken(store, prefix);
    const answer: DomainAvailability = { prefix, domain: `${prefix.toLowerCase()}.onmicrosoft.com`, available: !taken, suggestions: taken ? await suggestPrefixes(store, prefix) : [] };
    return json(answer);
  };
  route('/domains/', { GET: domain });
  route('/domains/:prefix{.+}', { GET: domain });

  route('/tenants/:domain{.+}', {
    GET: async (c) => {
      const domain = rawTail(c, '/tenants/');
      if (domain === undefined || !z.safeParse(TenantDomain, domain).success) {
        return validationProblem([{ field: 'domain', message: 'Enter a domain such as contoso.onmicrosoft.com.' }]);
      }
      const key = domain.toLowerCase();
      const tenant = await store.gateway.findTenant(key);
      const answer: TenantLookup = tenant ? { domain: key, exists: true, companyName: tenant.companyName, tenantId: tenant.tenantId } : { domain: key, exists: false };
      return json(answer);
    },
  });

  route('/addresses/validate', {
    POST: async (c) => {
      const address = validBody(Address, c.get('body'));
      if (address instanceof Response) return address;
      if ((await store.gateway.countryRules(address.country)).stateRequired && !address.state?.trim()) {
        return validationProblem([{ field: 'state', message: `Addresses in ${address.country} need a state or province.` }]);
      }
      const check = await store.gateway.validateAddress({ country: address.country, addressLine1: address.line1, addressLine2: address.line2, city: address.city, state: address.state, postalCode: address.postalCode });
      return json({
        status: check.status,
        ...(check.message ? { message: check.message } : {}),
        suggestions: check.suggestions.map((s) => ({
          country: s.country,
          line1: s.addressLine1,
          ...(s.addressLine2 ? { line2: s.addressLine2 } : {}),
          city: s.city,
          ...(s.state ? { state: s.state } : {}),
          postalCode: s.postalCode,
        })),
      });
    },
  });

  route('/country-rules/:country', { GET: (c) => countryRulesAnswer(store.gateway, rawTail(c, '/country-rules/') ?? '') });

  route('/agreement', {
    GET: async () => {
      const template = await store.gateway.currentAgreement();
      const agreement: Agreement = {
        templateId: template.templateId,
        version: template.version,
        url: template.url,
        acceptanceRequiredBeforeOrder: store.rules.acceptanceBeforeOrder,
      };
      return json(agreement);
    },
  });

  route('/agreement-acceptances', { POST: (c) => createAcceptance(store, c.get('reseller'), c.get('body')) });
  route('/agreement-acceptances/:id', { GET: (c) => getAcceptance(store, c.get('reseller'), c.req.param('id') ?? '') });
  route('/agreement-acceptances/:id/link', { POST: (c) => renewLink(store, c.get('reseller'), c.req.param('id') ?? '') });
  route('/agreement-acceptances/:id/events', {
    GET: async (c) => {
      const id = c.req.param('id') ?? '';
      const reseller = c.get('reseller');
      const first = await readAcceptance(store, reseller.id, id);
      if (!first) return getAcceptance(store, reseller, id); // its 404
      return snapshotStream(
        {
          load: async () => {
            const row = await readAcceptance(store, reseller.id, id);
            return row && acceptanceSnapshot(row);
          },
          key: (a) => `${a.status}|${a.url}`,
          done: (a) => a.status === 'customer-accepted' || a.status === 'agreement-created',
          subscribe: (onChange) => acceptances.subscribe(id, onChange),
        },
        c.req.raw.signal,
      );
    },
  });

  route('/admin-access/templates', { GET: () => json(templates(store.rules)) });

  route('/quotes', {
    POST: async (c) => {
      const request = validBody(QuoteRequest, c.get('body'));
      if (request instanceof Response) return request;
      const reseller = c.get('reseller');
      const today = store.today();
      const startDate = request.startDate ?? today;
      const { priced, errors } = price(request.lines);
      const customer = await customerOf(reseller.id, request.recipient);
      if (request.recipient.kind === 'existing' && !customer) {
        errors.push({ field: 'recipient.customerId', message: `You have no customer with the id “${request.recipient.customerId}”.` });
      }
      const view = await viewOf(store, reseller, request.recipient, customer?.country ?? undefined);
      if (dayNumber(startDate) < dayNumber(today)) errors.push({ field: 'startDate', message: `The start date cannot be before today (${today}).` });
      else if (!errors.some((e) => e.field === 'recipient.customerId')) errors.push(...lineErrors(view, request.lines, startDate, errors));
      if (errors.length) return validationProblem(errors);
      return json(buildQuote(startDate, quoted(view, priced, startDate, purchaseTime(startDate))), 201);
    },
  });

  async function customerOf(resellerId: string, recipient: { kind: string; customerId?: string }) {
    if (recipient.kind !== 'existing') return undefined;
    const [row] = await db.query<{ id: string; country: string | null }>('SELECT id, country FROM customers WHERE reseller_id = $1 AND id = $2', [resellerId, recipient.customerId]);
    return row;
  }

  route('/customers/:id/subscriptions', {
    GET: async (c) => {
      const id = c.req.param('id') ?? '';
      const reseller = c.get('reseller');
      if (!(await customerOf(reseller.id, { kind: 'existing', customerId: id }))) {
        return problem({ status: 404, title: 'Customer not found', code: 'customer-not-found', detail: `No customer with id “${id}”.` });
      }
      return json({ subscriptions: await subscriptionsFor(store, reseller, { kind: 'existing', customerId: id }) });
    },
  });
  route('/subscriptions', { GET: async (c) => json({ subscriptions: await subscriptionsFor(store, c.get('reseller'), { kind: 'internal' }) }) });

  route('/end-dates', {
    GET: async (c) => {
      const reseller = c.get('reseller');
      const today = store.today();
      const errors: FieldError[] = [];
      const term = z.safeParse(Term, c.req.query('term'));
      if (!term.success) errors.push({ field: 'term', message: 'Give the term of the new subscription: P1M, P1Y or P3Y.' });
      const startDate = c.req.query('startDate') ?? today;
      if (!z.safeParse(IsoDate, startDate).success) errors.push({ field: 'startDate', message: 'Enter a real date as YYYY-MM-DD.' });
      else if (dayNumber(startDate) < dayNumber(today)) errors.push({ field: 'startDate', message: `The start date cannot be before today (${today}).` });
      // No customerId: the reseller's own organization, as for internal orders.
      const customerId = c.req.query('customerId') || undefined;
      const recipient = customerId === undefined ? ({ kind: 'internal' } as const) : ({ kind: 'existing', customerId } as const);
      if (customerId !== undefined && !(await customerOf(reseller.id, recipient))) errors.push({ field: 'customerId', message: `You have no customer with the id “${customerId}”.` });
      if (errors.length || !term.success) return validationProblem(errors);
      const view = await viewOf(store, reseller, recipient);
      const answer: EndDates = { term: term.data, startDate, endDates: endDatesFor(view, term.data, startDate) };
      return json(answer);
    },
  });

  route('/orders', {
    POST: (c) => placeOrder(store, c.get('reseller'), c.req.header('idempotency-key')?.trim(), c.get('body')),
  });

  // Another reseller's order is "not found", exactly like an order that does not exist.
  const orderNotFound = (id: string) => problem({ status: 404, title: 'Order not found', code: 'order-not-found', detail: `No order with id “${id}”.` });

  route('/orders/:id', {
    GET: async (c) => {
      const id = c.req.param('id') ?? '';
      const order = await readOrder(store, c.get('reseller').id, id);
      return order ? json(order) : orderNotFound(id);
    },
  });

  route('/orders/:id/events', {
    GET: async (c) => {
      const id = c.req.param('id') ?? '';
      const order = await readOrder(store, c.get('reseller').id, id);
      if (!order) return orderNotFound(id);
      const reseller = c.get('reseller').id;
      return snapshotStream(
        {
          load: () => readOrder(store, reseller, id),
          key: (o) => `${o.status}|${o.updatedAt}|${o.progress.toFixed(2)}`,
          done: (o) => o.status === 'completed' || o.status === 'failed',
          subscribe: (onChange) => orders.subscribe(id, onChange),
        },
        c.req.raw.signal,
      );
    },
  });

  app.notFound(() => problem({ status: 404, title: 'Not found', code: 'not-found', detail: 'No such resource in the store API.' }));

  app.onError((error) => {
    if (isGatewayError(error)) {
      // Partner Center's answer goes to the log; the caller gets the store's words.
      console.error(`[partner-center] ${error.kind}: ${error.upstream ?? error.message}`);
      const busy = error.kind === 'throttled' || error.kind === 'unavailable';
      return problem({
        status: busy ? 503 : 502,
        title: busy ? 'Microsoft is not answering right now' : 'Microsoft refused the request',
        code: busy ? 'partner-center-unavailable' : 'partner-center-error',
        detail: error.message,
        headers: busy ? { 'retry-after': String(Math.ceil(error.retryAfterSeconds ?? 5)) } : {},
      });
    }
    console.error('[server] unexpected error:', error);
    return problem({ status: 500, title: 'Internal server error', code: 'internal-error', detail: 'Something went wrong in the store. It has been logged.' });
  });

  return app;
}
