/**
 * The errors a `CheckoutApi` rejects with. Each has a fixed `name` (minifiers rename
 * classes) and an `is…` guard that also recognises errors thrown by another copy of this
 * library on the same page, where `instanceof` fails.
 */
import type { FieldError } from './schemas.js';

/** Base of every error the checkout's API client raises. */
export class CheckoutError extends Error {
  /** The contract endpoint, e.g. `POST /orders` or `GET /orders/{id}`. */
  readonly endpoint: string;

  constructor(message: string, endpoint: string, options?: ErrorOptions) {
    super(message, options);
    this.endpoint = endpoint;
    // Keeps `instanceof` right even when a consumer compiles classes down to ES5.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}
CheckoutError.prototype.name = 'CheckoutError';

export interface ApiErrorInit {
  status: number;
  endpoint: string;
  title: string;
  code?: string;
  detail?: string;
  type?: string;
  fieldErrors?: FieldError[];
  retryAfter?: number;
  /** The whole problem body, members beyond RFC 9457's included. */
  problem?: Record<string, unknown>;
}

/**
 * The backend answered with a non-2xx status: an RFC 9457 problem, or any other body
 * (a proxy's HTML page, nothing at all), which still gets the HTTP status.
 */
export class ApiError extends CheckoutError {
  // Set from `init` as it is (Object.assign), the field errors defaulted.
  readonly status!: number;
  /** Machine-readable reason from the problem, e.g. `validation-failed`. */
  readonly code?: string;
  readonly title!: string;
  readonly detail?: string;
  /** The problem's `type` URI. */
  readonly type?: string;
  /** Field errors to show next to the fields they name (dotted request paths). */
  readonly fieldErrors: FieldError[];
  /** Seconds the server asked us to wait (`Retry-After`), when it said. */
  readonly retryAfter?: number;
  readonly problem?: Record<string, unknown>;

  constructor(init: ApiErrorInit) {
    super(`${init.endpoint} failed with ${init.status}: ${init.detail ?? init.title}`, init.endpoint);
    Object.assign(this, init);
    this.fieldErrors = init.fieldErrors ?? [];
  }
}
ApiError.prototype.name = 'ApiError';

export interface ContractIssue {
  /** Dotted path into the body, e.g. `products.0.offers.1.unitPrice`; empty for the body itself. */
  path: string;
  message: string;
}

/** A 2xx answer whose body is not JSON or does not match the contract's schema. */
export class ContractError extends CheckoutError {
  readonly issues: ContractIssue[];

  constructor(endpoint: string, issues: ContractIssue[]) {
    const first = issues[0];
    const where = first ? `${first.path || '(body)'}: ${first.message}` : 'unknown problem';
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    super(`${endpoint} answered with a body that breaks the contract at ${where}${more}`, endpoint);
    this.issues = issues;
  }
}
ContractError.prototype.name = 'ContractError';

/** No answer: the connection failed, or no response came within the timeout. */
export class NetworkError extends CheckoutError {
  readonly timedOut: boolean;

  constructor(endpoint: string, timedOut: boolean, cause?: unknown) {
    super(timedOut ? `${endpoint} timed out` : `${endpoint} got no answer (network error)`, endpoint, { cause });
    this.timedOut = timedOut;
  }
}
NetworkError.prototype.name = 'NetworkError';

function named(error: unknown, name: string): error is Error & { endpoint: string } {
  return error instanceof Error && error.name === name && typeof (error as { endpoint?: unknown }).endpoint === 'string';
}

export function isCheckoutError(error: unknown): error is CheckoutError {
  return error instanceof CheckoutError || isApiError(error) || isContractError(error) || isNetworkError(error);
}
export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError || (named(error, 'ApiError') && typeof (error as ApiError).status === 'number');
}
export function isContractError(error: unknown): error is ContractError {
  return error instanceof ContractError || (named(error, 'ContractError') && Array.isArray((error as ContractError).issues));
}
export function isNetworkError(error: unknown): error is NetworkError {
  return error instanceof NetworkError || (named(error, 'NetworkError') && typeof (error as NetworkError).timedOut === 'boolean');
}
