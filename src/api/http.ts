/**
 * The wire under `HttpCheckoutApi`, on `fetch` alone: the base URL joined with one slash, a
 * timeout per attempt (and per body read), retries with backoff or `Retry-After`, and every
 * failure turned into an `ApiError` or a `NetworkError`; an abort rejects with the signal's
 * reason, and anything else (a bug, a bad URL) is thrown as it is.
 */
import { check } from './check.js';
import { sleep } from '../internal/sleep.js';
import { ApiError, NetworkError } from './errors.js';
import * as checks from './checks-cart.gen.js';
import type { FieldError } from './schemas-cart.js';

/** Which failures a call may retry. */
export interface RetryPolicy {
  statuses: number[];
  /** Whether a timeout or a lost connection may be retried (the server may have acted). */
  noAnswer: boolean;
}

/** GETs and the idempotent order submit: the server acting twice does no harm. */
export const REPEATABLE: RetryPolicy = { statuses: [408, 429, 500, 502, 503, 504], noAnswer: true };
/** Other POSTs: only a 429, where the server says it did nothing. */
export const RATE_LIMITED_ONLY: RetryPolicy = { statuses: [429], noAnswer: false };

/** A longer `Retry-After` is not waited for: the call fails with `ApiError.retryAfter` instead. */
const MAX_RETRY_AFTER_SECONDS = 60;

/** The client's options, with their defaults applied. */
export interface Transport {
  baseUrl: string;
  fetch: typeof fetch;
  /** Milliseconds for each attempt's headers, and again for its body. */
  timeout: number;
  /** Retries after the first attempt. */
  limit: number;
  /** The longest backoff between two attempts, in ms (not applied to `Retry-After`). */
  backoffLimit: number;
}

export interface Call {
  /** The contract endpoint, for errors: `GET /orders/{id}`. */
  endpoint: string;
  /** Relative to the base URL, its segments already encoded. */
  path: string;
  method?: 'POST';
  headers: Headers;
  /** Sent as JSON, with `Content-Type: application/json`. */
  json?: unknown;
  searchParams?: Record<string, string>;
  signal: AbortSignal;
  policy: RetryPolicy;
}

/**
 * Sends `call` until an attempt answers 2xx, then resolves to what `read` makes of that answer
 * within the timeout. A body that fails or stalls is not retried: the server has acted.
 */
export async function send<T>(transport: Transport, call: Call, read: (response: Response) => Promise<T>): Promise<T> {
  const { endpoint, signal, policy } = call;
  let url = `${transport.baseUrl.replace(/\/+$/, '')}/${call.path}`;
  if (call.searchParams) url += `?${new URLSearchParams(call.searchParams)}`;
  const { headers } = call;
  let body: string | undefined;
  if (call.json !== undefined) {
    body = JSON.stringify(call.json);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  }
  // setTimeout takes 32-bit delays: a longer one would fire at once.
  const timeout = Math.min(transport.timeout, 2 ** 31 - 1);

  for (let retries = 0; ; retries++) {
    // Aborted when the attempt times out, which also stops a real fetch reading the body.
    const attempt = new AbortController();
    const attemptSignal = anySignal([signal, attempt.signal]);
    const timed = async <V>(step: () => Promise<V>): Promise<V> => {
      const timer = setTimeout(() => attempt.abort(new DOMException(`${endpoint} took longer than ${timeout} ms`, 'TimeoutError')), timeout);
      try {
        return await untilAborted(step, attemptSignal);
      } finally {
        clearTimeout(timer);
      }
    };
    const backoff = Math.min(transport.backoffLimit, 300 * 2 ** retries);
    const mayRetry = retries < transport.limit;
    // A fresh Request for each attempt (a body is read once); built outside the try, as a
    // URL it cannot parse is a bug of the page, not a network failure.
    const request = new Request(url, { method: call.method ?? 'GET', headers, body, signal: attemptSignal });

    let response: Response;
    try {
      response = await timed(() => transport.fetch(request));
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      if (mayRetry && policy.noAnswer) {
        await sleep(backoff, signal);
        continue;
      }
      throw new NetworkError(endpoint, attempt.signal.aborted, error);
    }

    if (response.ok) {
      try {
        return await timed(() => read(response));
      } catch (error) {
        if (signal.aborted) throw signal.reason;
        throw new NetworkError(endpoint, attempt.signal.aborted, error);
      }
    }

    const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
    if (mayRetry && policy.statuses.includes(response.status) && (retryAfter ?? 0) <= MAX_RETRY_AFTER_SECONDS) {
      response.body?.cancel().catch(() => {});
      await sleep(retryAfter === undefined ? backoff : retryAfter * 1000, signal);
      continue;
    }
    // The error's body says why; one that fails or stalls still leaves the status to report.
    let text: string | undefined;
    try {
      text = await timed(() => response.text());
    } catch {
      if (signal.aborted) throw signal.reason;
    }
    throw toApiError(endpoint, response, text, retryAfter);
  }
}

/** `step()`, or the signal's reason as soon as it aborts, even when `step` ignores the signal. */
function untilAborted<T>(step: () => Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    // Inside the promise: a custom fetch that throws at once fails the attempt like one that rejects.
    new Promise<T>((inner) => inner(step())).then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** A signal aborted when any of them is, with its reason (`AbortSignal.any` where the browser has it). */
export function anySignal(signals: AbortSignal[]): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any(signals);
  const any = new AbortController();
  for (const signal of signals) {
    if (signal.aborted) {
      any.abort(signal.reason);
      break;
    }
    signal.addEventListener('abort', () => any.abort(signal.reason), { once: true, signal: any.signal });
  }
  return any.signal;
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

function toApiError(endpoint: string, response: Response, text: string | undefined, retryAfter: number | undefined): ApiError {
  // Lenient on purpose: an error body that is not a perfect problem is still an error, and
  // whatever it does say (title, code, field errors) is worth showing. Only a JSON media
  // type (`application/problem+json`, `application/json`, …) is read as one.
  let data: unknown;
  if (text && /\/(?:.*[.+-])?json$/.test((response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase())) {
    try {
      data = JSON.parse(text);
    } catch {
      // a broken body: the status alone
    }
  }
  const problem = data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  const string = (key: string) => (typeof problem?.[key] === 'string' ? (problem[key] as string) : undefined);
  const errors = Array.isArray(problem?.errors) ? problem.errors : [];
  return new ApiError({
    status: response.status,
    endpoint,
    title: string('title') ?? (response.statusText || `HTTP ${response.status}`),
    code: string('code'),
    detail: string('detail'),
    type: string('type'),
    fieldErrors: errors.filter((e): e is FieldError => check(checks.FieldError, e).success),
    retryAfter,
    problem,
  });
}
