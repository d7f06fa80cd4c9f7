/**
 * `HttpCheckoutApi`: the `CheckoutApi` over HTTP (on `fetch`, see http.ts). Every answer is
 * validated with the contract's schemas (compiled, see check.ts); every failure becomes an
 * `ApiError`, a `ContractError` or a `NetworkError`; an abort rejects with the signal's reason,
 * unwrapped. The catalog's check is imported here; every other answer's comes with the first
 * call that needs it (`schemaFor`), so the script-tag file carries only what the cart validates.
 */
import { check, type Check, type CheckIssue } from './check.js';
import type { CallOptions, CheckoutApi, PlaceOrderOptions } from './api.js';
import { ContractError, NetworkError, type ContractIssue } from './errors.js';
import { RATE_LIMITED_ONLY, REPEATABLE, anySignal, send, type Call, type RetryPolicy, type Transport } from './http.js';
import { Catalog } from './checks-cart.gen.js';
import type * as Later from './checks-later.js';
import type { AcceptanceRequest, Address, CreateAcceptanceRequest, Order, OrderRequest, QuoteRequest, Term } from './schemas.js';
import { readEventStream } from './sse.js';
import { randomKey } from '../internal/random-key.js';

export interface HttpCheckoutApiOptions {
  /** The backend's base URL: absolute, or relative to the page (`/api`, `/api/`, `https://store.example/api`). */
  baseUrl: string;
  /** Extra headers on every request; a function is called for each call. */
  headers?: Record<string, string> | (() => Record<string, string>);
  /** Called before each call; a token becomes `Authorization: Bearer …`. Its rejection rejects the call as it is. */
  getAccessToken?: () => Promise<string | undefined> | string | undefined;
  /** Replaces `fetch`, e.g. the mock backend's in-page `fetch`, or one adding credentials; called with one `Request`. */
  fetch?: typeof fetch;
  /** Milliseconds to wait for each attempt's response headers, and again for its body; 15000 by default. */
  timeout?: number;
  /**
   * Retries of calls that are safe to repeat (GETs, and `POST /orders` thanks to its
   * idempotency key): how many (2 by default) and the longest backoff between two, in ms.
   */
  retry?: number | { limit?: number; backoffLimit?: number };
}

/**
 * What a call adds to the base request: a POST and its JSON body, search parameters, headers,
 * and `id`, the value of the endpoint's one `{…}` segment.
 */
type CallInit = Partial<Pick<Call, 'method' | 'json' | 'searchParams'>> & { headers?: Record<string, string>; id?: string };

export class HttpCheckoutApi implements CheckoutApi {
  /** As given; the cart keys its storage on it. */
  readonly baseUrl: string;
  readonly #options: HttpCheckoutApiOptions;
  readonly #transport: Transport;
  /** Aborted by `close()`: every call of this client, in flight or later, is abandoned. */
  readonly #closed = new AbortController();

  constructor(options: HttpCheckoutApiOptions) {
    this.baseUrl = options.baseUrl;
    this.#options = options;
    const retry = options.retry;
    this.#transport = {
      baseUrl: options.baseUrl,
      fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
      timeout: options.timeout ?? 15_000,
      limit: typeof retry === 'number' ? retry : (retry?.limit ?? 2),
      backoffLimit: (typeof retry === 'object' ? retry.backoffLimit : undefined) ?? 10_000,
    };
  }

  /**
   * Abandons every call in flight (they reject with an `AbortError`, as an aborted call does)
   * and every later one: for an owner replacing this client with another (new options), which
   * issues again what it still needs.
   */
  close(): void {
    this.#closed.abort(new DOMException('The client was replaced', 'AbortError'));
  }

  /** The call's own signal joined with this client's `close()`. */
  #signal(signal: AbortSignal | undefined): AbortSignal {
    return signal ? anySignal([signal, this.#closed.signal]) : this.#closed.signal;
  }

  getCatalog(options?: CallOptions) {
    return this.#call('GET /catalog', Catalog, options);
  }

  searchCustomers(search: string, options?: CallOptions) {
    return this.#call('GET /customers', 'CustomerList', options, { searchParams: { search } });
  }

  checkDomain(prefix: string, options?: CallOptions) {
    return this.#call('GET /domains/{prefix}', 'DomainAvailability', options, { id: prefix });
  }

  lookupTenant(domain: string, options?: CallOptions) {
    return this.#call('GET /tenants/{domain}', 'TenantLookup', options, { id: domain });
  }

  validateAddress(address: Address, options?: CallOptions) {
    return this.#call('POST /addresses/validate', 'AddressValidation', options, { method: 'POST', json: address }, RATE_LIMITED_ONLY);
  }

  getCountryRules(country: string, options?: CallOptions) {
    return this.#call('GET /country-rules/{country}', 'CountryRules', options, { id: country });
  }

  getAgreement(options?: CallOptions) {
    return this.#call('GET /agreement', 'Agreement', options);
  }

  createQuote(request: QuoteRequest, options?: CallOptions) {
    return this.#call('POST /quotes', 'Quote', options, { method: 'POST', json: request }, RATE_LIMITED_ONLY);
  }

  placeOrder(request: OrderRequest, options: PlaceOrderOptions = {}) {
    // One key for every attempt of this call, so a retry after a lost answer cannot order twice.
    const key = options.idempotencyKey ?? randomKey();
    return this.#call('POST /orders', 'Order', options, { method: 'POST', json: request, headers: { 'idempotency-key': key } });
  }

  getOrder(id: string, options?: CallOptions) {
    return this.#call('GET /orders/{id}', 'Order', options, { id });
  }

  getSubscriptions(customerId: string | undefined, options?: CallOptions) {
    return customerId === undefined
      ? this.#call('GET /subscriptions', 'SubscriptionList', options)
      : this.#call('GET /customers/{id}/subscriptions', 'SubscriptionList', options, { id: customerId });
  }

  getEndDates(term: Term, query: { customerId?: string; startDate?: string } = {}, options?: CallOptions) {
    const searchParams: Record<string, string> = { term };
    if (query.customerId !== undefined) searchParams.customerId = query.customerId;
    if (query.startDate !== undefined) searchParams.startDate = query.startDate;
    return this.#call('GET /end-dates', 'EndDates', options, { searchParams });
  }

  watchOrder(id: string, onSnapshot: (order: Order) => void, options: CallOptions = {}): Promise<void> {
    const done = (order: Order) => order.status === 'completed' || order.status === 'failed';
    return this.#watch('GET /orders/{id}/events', id, 'Order', done, onSnapshot, options.signal);
  }

  createAgreementAcceptance(request: CreateAcceptanceRequest, options?: CallOptions) {
    return this.#call('POST /agreement-acceptances', 'AcceptanceRequest', options, { method: 'POST', json: request }, RATE_LIMITED_ONLY);
  }

  getAgreementAcceptance(id: string, options?: CallOptions) {
    return this.#call('GET /agreement-acceptances/{id}', 'AcceptanceRequest', options, { id });
  }

  regenerateAgreementAcceptanceLink(id: string, options?: CallOptions) {
    return this.#call('POST /agreement-acceptances/{id}/link', 'AcceptanceRequest', options, { method: 'POST', id }, RATE_LIMITED_ONLY);
  }

  watchAgreementAcceptance(id: string, onSnapshot: (request: AcceptanceRequest) => void, options: CallOptions = {}): Promise<void> {
    const done = (request: AcceptanceRequest) => request.status === 'customer-accepted' || request.status === 'agreement-created';
    return this.#watch('GET /agreement-acceptances/{id}/events', id, 'AcceptanceRequest', done, onSnapshot, options.signal);
  }

  getAdminAccessTemplates(options?: CallOptions) {
    return this.#call('GET /admin-access/templates', 'AdminAccessTemplates', options);
  }

  /** Follows `event: snapshot` server-sent events, each validated with `schema`, until `done` holds for one. */
  async #watch<R extends SchemaRef>(
    endpoint: string,
    id: string,
    schemaRef: R,
    done: (snapshot: Output<R>) => boolean,
    onSnapshot: (snapshot: Output<R>) => void,
    callSignal: AbortSignal | undefined,
  ): Promise<void> {
    const signal = this.#signal(callSignal);
    const loading = schemaFor(endpoint, schemaRef);
    // The stream itself has no timeout: only its headers must come in time.
    const response = await this.#send(endpoint, signal, { id, headers: { accept: 'text/event-stream' } }, REPEATABLE, async (r) => r);
    const type = response.headers.get('content-type') ?? '';
    if (!/^text\/event-stream\b/i.test(type)) {
      response.body?.cancel().catch(() => {});
      throw new ContractError(endpoint, [{ path: '', message: `expected text/event-stream, got ${type || 'no Content-Type'}` }]);
    }
    if (!response.body) return;
    let schema: Check<Output<R>>;
    try {
      schema = await loading;
    } catch (error) {
      response.body.cancel().catch(() => {});
      throw error;
    }
    // Errors of ours or of `onSnapshot` end the stream and reject as they are; only a
    // failing read is a network error.
    let failure: { error: unknown } | undefined;
    try {
      await readEventStream(response.body, (event) => {
        if (event.type !== 'snapshot') return;
        try {
          const snapshot = parseJson(endpoint, event.data, schema);
          onSnapshot(snapshot);
          // A server may keep the stream open after the end; we need no more.
          return !done(snapshot);
        } catch (error) {
          failure = { error };
          return false;
        }
      });
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      throw new NetworkError(endpoint, false, error);
    }
    if (failure) throw failure.error;
  }

  /** One validated JSON call. */
  async #call<R extends SchemaRef>(
    endpoint: string,
    schemaRef: R,
    options: CallOptions = {},
    init: CallInit = {},
    policy: RetryPolicy = REPEATABLE,
  ): Promise<Output<R>> {
    const signal = this.#signal(options.signal);
    const schema = schemaFor(endpoint, schemaRef);
    const headers = { accept: 'application/json', ...init.headers };
    const text = await this.#send(endpoint, signal, { ...init, headers }, policy, (response) => response.text());
    return parseJson(endpoint, text, await schema);
  }

  /**
   * Sends to `endpoint`'s path (`GET /orders/{id}` → `orders/…`, `init.id` encoded) with the
   * configured headers and token; resolves to what `read` makes of the 2xx answer.
   */
  async #send<T>(endpoint: string, signal: AbortSignal, init: CallInit, policy: RetryPolicy, read: (response: Response) => Promise<T>): Promise<T> {
    const configured = this.#options.headers;
    const headers = new Headers(typeof configured === 'function' ? configured() : configured);
    const token = await this.#options.getAccessToken?.();
    signal.throwIfAborted();
    if (token) headers.set('authorization', `Bearer ${token}`);
    // The call's own headers (Accept, Idempotency-Key) win over configured ones.
    for (const [name, value] of Object.entries(init.headers ?? {})) headers.set(name, value);
    const path = endpoint.replace(/^\w+ \//, '').replace(/\{\w+\}/, () => encodeURIComponent(init.id!));
    return send(this.#transport, { ...init, endpoint, path, headers, signal, policy }, read);
  }
}

/**
 * A call's check: one of the cart's (checks-cart.gen.ts), at hand, or the name of one of the
 * rest of the contract's, which the script-tag file leaves to the steps' file (the checkout
 * loads it with its core, before any call that needs it).
 */
type SchemaRef = Check<unknown> | keyof typeof Later;
type Output<R> = R extends keyof typeof Later ? Out<(typeof Later)[R]> : Out<R>;
type Out<C> = C extends Check<infer T> ? T : never;

let later: Promise<typeof Later> | undefined;
let loadFailures = 0;

/**
 * Resolves `ref`, loading the rest of the contract once if needed: started with the request, so
 * the answer never waits for it in turn. A failed load rejects the call with a `NetworkError`
 * (the answer could not be read: the server may have acted, as when an answer is lost, so an
 * order is asked for again with the same key) and is tried again by the next call.
 */
function schemaFor<R extends SchemaRef>(endpoint: string, ref: R): Promise<Check<Output<R>>> {
  if (typeof ref !== 'string') return Promise.resolve(ref as Check<Output<R>>);
  if (!later) {
    // In the script-tag file this import names the steps' file with `import.meta.lcRetry`
    // (see step-loader.ts): after a failure it must change, or the browser fails again at once.
    // Not when it changed meanwhile: the step loader moved on, maybe to a copy that loaded.
    const meta = import.meta as ImportMeta & { lcRetry?: string };
    const tried = meta.lcRetry;
    later = import('./checks-later.js').catch((error: unknown) => {
      later = undefined;
      if (meta.lcRetry === tried) meta.lcRetry = `?retry=c${++loadFailures}`;
      throw error;
    });
  }
  const schema = later.then((checks) => checks[ref as keyof typeof Later] as Check<Output<R>>, (error: unknown) => {
    throw new NetworkError(endpoint, false, error);
  });
  // Awaited only once the answer is in: a request failing first must not leave it unhandled.
  schema.catch(() => {});
  return schema;
}

function parseJson<T>(endpoint: string, text: string, schema: Check<T>): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ContractError(endpoint, [{ path: '', message: text.trim() ? 'not JSON' : 'empty, expected JSON' }]);
  }
  const result = check(schema, value);
  if (result.success) return result.data;
  throw new ContractError(
    endpoint,
    result.issues.map((issue): ContractIssue => ({ path: issue.path.join('.'), message: describe(issue, value) })),
  );
}

/** zod/mini ships no messages ("Invalid input"); say what was wrong, briefly. */
function describe(issue: CheckIssue, root: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      const found = issue.path.reduce<unknown>((v, key) => (v as Record<PropertyKey, unknown> | undefined)?.[key], root);
      const got = found === undefined ? 'nothing' : found === null ? 'null' : Array.isArray(found) ? 'array' : typeof found;
      return `expected ${issue.expected}, got ${got}`;
    }
    case 'invalid_value':
      return `expected one of ${issue.values!.map(String).join(', ')}`;
    case 'invalid_format':
      return `not a valid ${issue.format}`;
    case 'too_small':
      return `too small (minimum ${issue.minimum})`;
    case 'too_big':
      return `too big (maximum ${issue.maximum})`;
    default:
      return issue.message;
  }
}
