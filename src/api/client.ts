/**
 * `HttpCheckoutApi`: the `CheckoutApi` over HTTP, on ky. Every answer is validated with the
 * contract's schemas; every failure becomes an `ApiError`, a `ContractError` or a
 * `NetworkError`; an abort rejects with the signal's reason, unwrapped.
 */
import ky, { isHTTPError, isTimeoutError, type KyInstance, type Options } from 'ky';
import * as z from 'zod/mini';
import type { CallOptions, CheckoutApi, PlaceOrderOptions } from './api.js';
import { ApiError, ContractError, NetworkError, type ContractIssue } from './errors.js';
import {
  AcceptanceRequest,
  AddressValidation,
  AdminAccessTemplates,
  Agreement,
  Catalog,
  CountryRules,
  CustomerList,
  DomainAvailability,
  EndDates,
  FieldError,
  Order,
  Quote,
  SubscriptionList,
  TenantLookup,
  type Address,
  type CreateAcceptanceRequest,
  type OrderRequest,
  type QuoteRequest,
  type Term,
} from './schemas.js';
import { readEventStream } from './sse.js';

export interface HttpCheckoutApiOptions {
  /** The backend's base URL: absolute, or relative to the page (`/api`, `/api/`, `https://store.example/api`). */
  baseUrl: string;
  /** Extra headers on every request; a function is called for each call. */
  headers?: Record<string, string> | (() => Record<string, string>);
  /** Called before each call; a token becomes `Authorization: Bearer …`. Its rejection rejects the call as it is. */
  getAccessToken?: () => Promise<string | undefined> | string | undefined;
  /** Replaces `fetch`, e.g. the mock backend's in-page `fetch`, or one adding credentials. */
  fetch?: typeof fetch;
  /** Milliseconds to wait for each attempt's response; 15000 by default. */
  timeout?: number;
  /**
   * Retries of calls that are safe to repeat (GETs, and `POST /orders` thanks to its
   * idempotency key): how many (2 by default) and the longest backoff between two, in ms.
   */
  retry?: number | { limit?: number; backoffLimit?: number };
}

/** Which failures a call may retry. */
interface RetryPolicy {
  statuses: number[];
  /** Whether a timeout or a lost connection may be retried (the server may have acted). */
  noAnswer: boolean;
}

/** GETs and the idempotent order submit: the server acting twice does no harm. */
const REPEATABLE: RetryPolicy = { statuses: [408, 429, 500, 502, 503, 504], noAnswer: true };
/** Other POSTs: only a 429, where the server says it did nothing. */
const RATE_LIMITED_ONLY: RetryPolicy = { statuses: [429], noAnswer: false };

/** A longer `Retry-After` is not waited for: the call fails with `ApiError.retryAfter` instead. */
const MAX_RETRY_AFTER_SECONDS = 60;

/** Marks a rejection of `fetch` itself (no answer), as opposed to a bug or an abort. */
class NoAnswer extends Error {}

export class HttpCheckoutApi implements CheckoutApi {
  /** As given; the cart keys its storage on it. */
  readonly baseUrl: string;
  readonly #options: HttpCheckoutApiOptions;
  readonly #ky: KyInstance;
  readonly #limit: number;
  readonly #backoffLimit: number;
  readonly #timeout: number;
  /** Aborted by `close()`: every call of this client, in flight or later, is abandoned. */
  readonly #closed = new AbortController();

  constructor(options: HttpCheckoutApiOptions) {
    this.baseUrl = options.baseUrl;
    this.#options = options;
    const retry = options.retry;
    this.#limit = typeof retry === 'number' ? retry : (retry?.limit ?? 2);
    this.#timeout = options.timeout ?? 15_000;
    this.#backoffLimit = (typeof retry === 'object' ? retry.backoffLimit : undefined) ?? 10_000;
    const send = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#ky = ky.create({
      // `prefix` joins with exactly one slash, so '/api' and '/api/' both work.
      prefix: options.baseUrl,
      timeout: this.#timeout,
      fetch: async (input, init) => {
        try {
          return await send(input, init);
        } catch (error) {
          const signal = input instanceof Request ? input.signal : init?.signal;
          if (signal?.aborted) throw error; // an abort or ky's timeout, told apart later
          throw new NoAnswer('No answer', { cause: error });
        }
      },
    });
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
    return signal ? anySignal(signal, this.#closed.signal) : this.#closed.signal;
  }

  getCatalog(options?: CallOptions) {
    return this.#call('GET /catalog', 'catalog', Catalog, options);
  }

  searchCustomers(search: string, options?: CallOptions) {
    return this.#call('GET /customers', 'customers', CustomerList, options, { searchParams: { search } });
  }

  checkDomain(prefix: string, options?: CallOptions) {
    return this.#call('GET /domains/{prefix}', `domains/${encodeURIComponent(prefix)}`, DomainAvailability, options);
  }

  lookupTenant(domain: string, options?: CallOptions) {
    return this.#call('GET /tenants/{domain}', `tenants/${encodeURIComponent(domain)}`, TenantLookup, options);
  }

  validateAddress(address: Address, options?: CallOptions) {
    return this.#call('POST /addresses/validate', 'addresses/validate', AddressValidation, options, { method: 'post', json: address }, RATE_LIMITED_ONLY);
  }

  getCountryRules(country: string, options?: CallOptions) {
    return this.#call('GET /country-rules/{country}', `country-rules/${encodeURIComponent(country)}`, CountryRules, options);
  }

  getAgreement(options?: CallOptions) {
    return this.#call('GET /agreement', 'agreement', Agreement, options);
  }

  createQuote(request: QuoteRequest, options?: CallOptions) {
    return this.#call('POST /quotes', 'quotes', Quote, options, { method: 'post', json: request }, RATE_LIMITED_ONLY);
  }

  placeOrder(request: OrderRequest, options: PlaceOrderOptions = {}) {
    // One key for every attempt of this call, so a retry after a lost answer cannot order twice.
    const key = options.idempotencyKey ?? uuid();
    return this.#call('POST /orders', 'orders', Order, options, { method: 'post', json: request, headers: { 'idempotency-key': key } });
  }

  getOrder(id: string, options?: CallOptions) {
    return this.#call('GET /orders/{id}', `orders/${encodeURIComponent(id)}`, Order, options);
  }

  getSubscriptions(customerId: string | undefined, options?: CallOptions) {
    return customerId === undefined
      ? this.#call('GET /subscriptions', 'subscriptions', SubscriptionList, options)
      : this.#call('GET /customers/{id}/subscriptions', `customers/${encodeURIComponent(customerId)}/subscriptions`, SubscriptionList, options);
  }

  getEndDates(term: Term, query: { customerId?: string; startDate?: string } = {}, options?: CallOptions) {
    const searchParams: Record<string, string> = { term };
    if (query.customerId !== undefined) searchParams.customerId = query.customerId;
    if (query.startDate !== undefined) searchParams.startDate = query.startDate;
    return this.#call('GET /end-dates', 'end-dates', EndDates, options, { searchParams });
  }

  watchOrder(id: string, onSnapshot: (order: Order) => void, options: CallOptions = {}): Promise<void> {
    const done = (order: Order) => order.status === 'completed' || order.status === 'failed';
    return this.#watch('GET /orders/{id}/events', `orders/${encodeURIComponent(id)}/events`, Order, done, onSnapshot, options.signal);
  }

  createAgreementAcceptance(request: CreateAcceptanceRequest, options?: CallOptions) {
    return this.#call('POST /agreement-acceptances', 'agreement-acceptances', AcceptanceRequest, options, { method: 'post', json: request }, RATE_LIMITED_ONLY);
  }

  getAgreementAcceptance(id: string, options?: CallOptions) {
    return this.#call('GET /agreement-acceptances/{id}', `agreement-acceptances/${encodeURIComponent(id)}`, AcceptanceRequest, options);
  }

  regenerateAgreementAcceptanceLink(id: string, options?: CallOptions) {
    const path = `agreement-acceptances/${encodeURIComponent(id)}/link`;
    return this.#call('POST /agreement-acceptances/{id}/link', path, AcceptanceRequest, options, { method: 'post' }, RATE_LIMITED_ONLY);
  }

  watchAgreementAcceptance(id: string, onSnapshot: (request: AcceptanceRequest) => void, options: CallOptions = {}): Promise<void> {
    const done = (request: AcceptanceRequest) => request.status === 'customer-accepted' || request.status === 'agreement-created';
    const path = `agreement-acceptances/${encodeURIComponent(id)}/events`;
    return this.#watch('GET /agreement-acceptances/{id}/events', path, AcceptanceRequest, done, onSnapshot, options.signal);
  }

  getAdminAccessTemplates(options?: CallOptions) {
    return this.#call('GET /admin-access/templates', 'admin-access/templates', AdminAccessTemplates, options);
  }

  /** Follows `event: snapshot` server-sent events, each validated with `schema`, until `done` holds for one. */
  async #watch<S extends z.ZodMiniType>(
    endpoint: string,
    path: string,
    schema: S,
    done: (snapshot: z.infer<S>) => boolean,
    onSnapshot: (snapshot: z.infer<S>) => void,
    callSignal: AbortSignal | undefined,
  ): Promise<void> {
    const signal = this.#signal(callSignal);
    const response = await this.#send(endpoint, path, signal, {
      headers: { accept: 'text/event-stream' },
    });
    const type = response.headers.get('content-type') ?? '';
    if (!/^text\/event-stream\b/i.test(type)) {
      response.body?.cancel().catch(() => {});
      throw new ContractError(endpoint, [{ path: '', message: `expected text/event-stream, got ${type || 'no Content-Type'}` }]);
    }
    if (!response.body) return;
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
  async #call<S extends z.ZodMiniType>(
    endpoint: string,
    path: string,
    schema: S,
    options: CallOptions = {},
    init: Options = {},
    policy: RetryPolicy = REPEATABLE,
  ): Promise<z.infer<S>> {
    const signal = this.#signal(options.signal);
    const response = await this.#send(endpoint, path, signal, { ...init, headers: { accept: 'application/json', ...(init.headers as Record<string, string>) } }, policy);
    let text: string;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      // ky's timeout ends when the headers arrive; a body that stalls must time out too.
      text = await Promise.race([
        response.text(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new DOMException('The body did not arrive in time', 'TimeoutError')), this.#timeout);
        }),
      ]);
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      throw new NetworkError(endpoint, (error as Error).name === 'TimeoutError', error);
    } finally {
      clearTimeout(timer);
    }
    return parseJson(endpoint, text, schema);
  }

  /** Sends with headers, retries and error translation; resolves to a 2xx response. */
  async #send(endpoint: string, path: string, signal: AbortSignal | undefined, init: Options, policy = REPEATABLE): Promise<Response> {
    const configured = this.#options.headers;
    const headers = new Headers(typeof configured === 'function' ? configured() : configured);
    const token = await this.#options.getAccessToken?.();
    signal?.throwIfAborted();
    if (token) headers.set('authorization', `Bearer ${token}`);
    // The call's own headers (Accept, Idempotency-Key) win over configured ones.
    new Headers(init.headers as HeadersInit).forEach((value, name) => headers.set(name, value));
    try {
      return await this.#ky(path, {
        ...init,
        headers,
        signal,
        retry: {
          limit: this.#limit,
          backoffLimit: this.#backoffLimit,
          methods: ['get', 'post'],
          statusCodes: policy.statuses,
          retryOnTimeout: policy.noAnswer,
          shouldRetry: ({ error }) => {
            if (signal?.aborted) return false;
            if (error instanceof NoAnswer) return policy.noAnswer;
            if (isHTTPError(error)) {
              const after = parseRetryAfter(error.response.headers.get('retry-after'));
              if (after !== undefined && after > MAX_RETRY_AFTER_SECONDS) return false;
            }
            return undefined; // ky's rules: the status list, Retry-After, timeouts
          },
        },
      });
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (isHTTPError(error)) throw toApiError(endpoint, error.response, error.data);
      if (error instanceof NoAnswer) throw new NetworkError(endpoint, false, error.cause);
      if (isTimeoutError(error)) throw new NetworkError(endpoint, true, error);
      throw error; // a bug, not the network: keep it visible as it is
    }
  }
}

/** A signal aborted when either is, with its reason (`AbortSignal.any` where the browser has it). */
function anySignal(a: AbortSignal, b: AbortSignal): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any([a, b]);
  const both = new AbortController();
  for (const signal of [a, b]) {
    if (signal.aborted) {
      both.abort(signal.reason);
      break;
    }
    signal.addEventListener('abort', () => both.abort(signal.reason), { once: true, signal: both.signal });
  }
  return both.signal;
}

/**
 * Seconds to wait from a `Retry-After` value (delay seconds or an HTTP date), or undefined
 * when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  // HTTP dates name their month; Date.parse alone would also take '-5' as a year.
  const at = /[a-z]/i.test(text) ? Date.parse(text) : NaN;
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

function toApiError(endpoint: string, response: Response, data: unknown): ApiError {
  // Lenient on purpose: an error body that is not a perfect problem is still an error, and
  // whatever it does say (title, code, field errors) is worth showing.
  const problem = data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  const text = (key: string) => (typeof problem?.[key] === 'string' ? (problem[key] as string) : undefined);
  const errors = Array.isArray(problem?.errors) ? problem.errors : [];
  return new ApiError({
    status: response.status,
    endpoint,
    title: text('title') ?? (response.statusText || `HTTP ${response.status}`),
    code: text('code'),
    detail: text('detail'),
    type: text('type'),
    fieldErrors: errors.filter((e): e is FieldError => z.safeParse(FieldError, e).success),
    retryAfter: parseRetryAfter(response.headers.get('retry-after')),
    problem,
  });
}

function parseJson<S extends z.ZodMiniType>(endpoint: string, text: string, schema: S): z.infer<S> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ContractError(endpoint, [{ path: '', message: text.trim() ? 'not JSON' : 'empty, expected JSON' }]);
  }
  const result = z.safeParse(schema, value);
  if (result.success) return result.data;
  throw new ContractError(
    endpoint,
    result.error.issues.map((issue): ContractIssue => ({ path: issue.path.join('.'), message: describe(issue, value) })),
  );
}

/** zod/mini ships no messages ("Invalid input"); say what was wrong, briefly. */
function describe(issue: z.core.$ZodIssue, root: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      const found = issue.path.reduce<unknown>((v, key) => (v as Record<PropertyKey, unknown> | undefined)?.[key], root);
      const got = found === undefined ? 'nothing' : found === null ? 'null' : Array.isArray(found) ? 'array' : typeof found;
      return `expected ${issue.expected}, got ${got}`;
    }
    case 'invalid_value':
      return `expected one of ${issue.values.map(String).join(', ')}`;
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

/** `crypto.randomUUID` exists only in secure contexts; an http:// intranet page still needs keys. */
function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
