/**
 * The mock backend: the whole store contract, in memory, as one Fetch-API handler
 * `(Request) => Promise<Response>`. Browser-safe (no Node imports), so the same code serves
 * the dev server, the test runner, Storybook (as the client's `fetch`) and `npm run mock-server`.
 *
 * Every request body is parsed with the contract's schemas; a bad request gets a 400/422
 * problem+json naming the field, an unknown route 404 and a wrong method 405, never a 500.
 */
import { sleep } from '../internal/sleep.js';
import { INVALID_JSON, notFound, parseJsonBody, problem, takeFault } from './http.js';
import { dayNumber } from './proration.js';
import { addressRoutes } from './resources/addresses.js';
import { adminAccessRoutes } from './resources/admin-access.js';
import { agreementRoutes } from './resources/agreement.js';
import { acceptanceRoutes } from './resources/agreement-acceptances.js';
import { catalogRoutes } from './resources/catalog.js';
import { countryRuleRoutes } from './resources/country-rules.js';
import { customerRoutes } from './resources/customers.js';
import { domainRoutes } from './resources/domains.js';
import { endDateRoutes } from './resources/end-dates.js';
import { microsoftPageRoutes } from './resources/microsoft-pages.js';
import { orderRoutes } from './resources/orders.js';
import { quoteRoutes } from './resources/quotes.js';
import { subscriptionRoutes } from './resources/subscriptions.js';
import { createRouter } from './router.js';
import { createState, freshData } from './state.js';

export { billingPeriod, prorate, divideRoundHalfUp, type BillingPeriod, type Proration, type ProrationInput } from './proration.js';
export { billingPeriodEndingOn, calendarMonthEndDate, naturalEndDate, prorateTo, type ProrationToInput } from './proration.js';

export interface MockOptions {
  /**
   * Multiplies simulated time. 1 (the default) is the demo, where a typical new-tenant
   * order provisions in about a minute; tests use 200–2000 to finish in milliseconds.
   */
  speed?: number;
  /** Today's date, `YYYY-MM-DD`, for quotes and agreement dates; the real date (UTC) by default. */
  today?: string;
  /** Serve `/orders/{id}/events` (default true); false answers 404 so clients fall back to polling. */
  sse?: boolean;
  /** Artificial delay before every answer, ms (default 0). */
  latencyMs?: number;
  /** How long an agreement acceptance link works, in seconds of real time (default 7 days). */
  acceptanceLinkSeconds?: number;
  /**
   * The store requires the customer's acceptance of the agreement before the order (default
   * false; a company name containing `Strict` asks it of that company alone).
   */
  acceptanceBeforeOrder?: boolean;
  /** The store lets the reseller opt a new tenant out of the default GDAP roles (default true). */
  defaultRolesOptOut?: boolean;
}

/** Microsoft's stores offer links for minutes up to seven days; the mock takes the longest. */
const ACCEPTANCE_LINK_SECONDS = 7 * 24 * 3600;

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

const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);

export function createMockBackend(options: MockOptions & { basePath?: string } = {}): MockBackend {
  const speed = options.speed ?? 1;
  if (!(speed > 0) || !Number.isFinite(speed)) throw new RangeError(`speed must be a positive number, not ${speed}`);
  if (options.today !== undefined) dayNumber(options.today);
  const state = createState({
    speed,
    basePath: (options.basePath ?? '/api').replace(/\/+$/, ''),
    sse: options.sse ?? true,
    latencyMs: options.latencyMs ?? 0,
    acceptanceLinkSeconds: options.acceptanceLinkSeconds ?? ACCEPTANCE_LINK_SECONDS,
    acceptanceBeforeOrder: options.acceptanceBeforeOrder ?? false,
    defaultRolesOptOut: options.defaultRolesOptOut ?? true,
    ...(options.today !== undefined ? { today: options.today } : {}),
  });
  const { basePath, latencyMs } = state.settings;
  const route = createRouter([
    ...catalogRoutes(),
    ...customerRoutes(state),
    ...domainRoutes(state),
    ...addressRoutes(),
    ...countryRuleRoutes(),
    ...agreementRoutes(state),
    ...acceptanceRoutes(state),
    ...adminAccessRoutes(state),
    ...quoteRoutes(state),
    ...orderRoutes(state),
    ...subscriptionRoutes(state),
    ...endDateRoutes(state),
    ...microsoftPageRoutes(state),
  ]);

  // What the test hooks add: every request, and the faults still to play.
  const requests: RecordedRequest[] = [];
  let faults: Array<Fault & { remaining: number }> = [];

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const method = request.method.toUpperCase();
    const inside = url.pathname === basePath || url.pathname.startsWith(`${basePath}/`);
    // The contract path: without the base path, or the whole path when outside it.
    const path = inside ? url.pathname.slice(basePath.length) || '/' : url.pathname;
    const text = method === 'GET' || method === 'HEAD' ? '' : await request.text();
    const body = parseJsonBody(text);
    requests.push({
      method,
      path,
      search: url.search,
      headers: Object.fromEntries(request.headers),
      ...(text !== '' ? { body: body === INVALID_JSON ? text : body } : {}),
      at: Date.now(),
    });

    const fault = takeFault(faults, method, path);
    if (fault?.delayMs) await sleep(fault.delayMs, request.signal);
    if (fault?.networkError) return Response.error();
    if (fault?.status !== undefined) return faultResponse(fault as Fault & { status: number });
    if (latencyMs > 0) await sleep(latencyMs, request.signal);

    if (!inside) return notFound();
    try {
      return await route(request, path, body, text);
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
      Object.assign(state, freshData());
    },
  };
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
