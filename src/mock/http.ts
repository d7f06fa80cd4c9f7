/** Response helpers of the mock backend: JSON, RFC 9457 problems, zod issues as field errors. */
import * as z from 'zod/mini';
import type { FieldError, Problem } from '../api/schemas.js';

/** The part of a zod issue every code has; the rest is read per code. */
type Issue = { readonly code: string; readonly path: readonly PropertyKey[] };

const PROBLEM_BASE = 'https://license-checkout.example/problems/';

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers },
  });
}

export interface ProblemInit {
  status: number;
  title: string;
  code: string;
  detail?: string;
  errors?: FieldError[];
  headers?: Record<string, string>;
  [extension: string]: unknown;
}

export function problem({ status, title, code, detail, errors, headers, ...extensions }: ProblemInit): Response {
  const body: Problem = { type: PROBLEM_BASE + code, title, status, code, ...extensions };
  if (detail !== undefined) body.detail = detail;
  if (errors !== undefined) body.errors = errors;
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store', ...headers },
  });
}

/** 422 with one entry per invalid field. */
export function validationProblem(errors: FieldError[], detail?: string): Response {
  return problem({
    status: 422,
    title: 'The request has invalid fields',
    code: 'validation-failed',
    detail: detail ?? errors.map((e) => `${e.field}: ${e.message}`).join(' '),
    errors,
  });
}

/**
 * Names a field the way the widget's forms know it: a recipient's company and tenant
 * fields are reported relative to the recipient (`company.address.postalCode`,
 * `tenant.prefix`), everything else by its full dotted path (`lines.0.quantity`).
 */
export function fieldName(path: readonly PropertyKey[]): string {
  const parts = path.map(String);
  if (parts[0] === 'recipient' && (parts[1] === 'company' || parts[1] === 'tenant')) parts.shift();
  return parts.join('.');
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

const FORMAT_MESSAGES: Record<string, string> = {
  email: 'Enter a valid email address.',
  date: 'Enter a real date as YYYY-MM-DD.',
  datetime: 'Enter a date and time in ISO 8601 format.',
  url: 'Enter a valid URL.',
};

/** What the contract's patterns mean, by the field they check. */
const PATTERN_MESSAGES: Record<string, string> = {
  country: 'Use the two-letter ISO 3166 country code in capitals, e.g. US.',
  prefix: 'Use 1 to 27 letters A–Z and digits 0–9 only.',
  domain: 'Enter a domain such as contoso.onmicrosoft.com.',
  currency: 'Use a three-letter ISO 4217 currency code, e.g. USD.',
  language: 'Use a language tag such as en or de-DE.',
  duration: 'Use whole days as an ISO 8601 duration, from P1D to P730D (two years).',
};

/** A readable message for one zod issue (zod/mini carries no messages of its own). */
function issueMessage(zodIssue: Issue, input: unknown): string {
  const issue = zodIssue as Issue & Record<string, unknown>;
  const value = valueAt(input, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return 'This field is required.';
      if (issue.expected === 'int' && typeof value === 'number') return 'Must be a whole number.';
      return `Must be ${issue.expected === 'int' ? 'a whole number' : `of type ${String(issue.expected)}`}.`;
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? 'This field is required.' : `Must be at least ${min} characters.`;
      if (issue.origin === 'array') return `Must have at least ${min} item${min === 1 ? '' : 's'}.`;
      return `Must be at least ${min}.`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `Must be at most ${max} characters.`;
      if (issue.origin === 'array') return `Must have at most ${max} items.`;
      return `Must be at most ${max}.`;
    }
    case 'invalid_format': {
      const field = String(issue.path[issue.path.length - 1]);
      if (issue.format === 'regex' && PATTERN_MESSAGES[field]) return PATTERN_MESSAGES[field];
      return FORMAT_MESSAGES[String(issue.format)] ?? 'Has an invalid format.';
    }
    case 'invalid_value':
      return `Must be one of: ${(issue.values as unknown[]).map((v) => JSON.stringify(v)).join(', ')}.`;
    case 'invalid_union':
      if (Array.isArray(issue.options) && issue.discriminator) {
        // An optional discriminator (a line's `kind`) lists undefined among its options.
        return `Must be one of: ${issue.options.filter((v) => v !== undefined).map((v) => JSON.stringify(v)).join(', ')}.`;
      }
      return 'Does not match any accepted shape.';
    default:
      return 'Is not valid.';
  }
}

/** zod issues as problem field errors, one per field. */
export function issuesToFieldErrors(issues: readonly Issue[], input: unknown): FieldError[] {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const issue of issues) {
    const field = fieldName(issue.path) || '(body)';
    if (seen.has(field)) continue;
    seen.add(field);
    errors.push({ field, message: issueMessage(issue, input) });
  }
  return errors;
}

/** Lets a Node timer not keep the process alive; a no-op in browsers. */
export function unref(timer: unknown): void {
  (timer as { unref?: () => void } | undefined)?.unref?.();
}

/** The first injected fault for this request (its method, a path prefix): counted down, and dropped once played out. */
export function takeFault<F extends { method?: string; path: string; remaining: number }>(faults: F[], method: string, path: string): F | undefined {
  const i = faults.findIndex((f) => (!f.method || f.method.toUpperCase() === method) && path.startsWith(f.path));
  if (i < 0) return undefined;
  const fault = faults[i]!;
  fault.remaining -= 1;
  if (fault.remaining <= 0) faults.splice(i, 1);
  return fault;
}

/** Random lower-case hex, from the platform's CSPRNG. */
export function randomHex(bytes: number): string {
  const buffer = new Uint8Array(bytes);
  crypto.getRandomValues(buffer);
  return [...buffer].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** JSON with object keys sorted, so two equal bodies compare equal whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Marks a body that was sent but is not JSON. */
export const INVALID_JSON: unique symbol = Symbol('invalid-json');

/** A request body's text as JSON: undefined when none was sent, `INVALID_JSON` when it is no JSON. */
export function parseJsonBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return INVALID_JSON;
  }
}

/** A parsed body checked against its schema: the data, or the problem to answer (400 for no JSON, 422 naming the fields). */
export function validBody<S extends z.ZodMiniType>(schema: S, body: unknown): z.infer<S> | Response {
  if (body === INVALID_JSON) return invalidJson();
  const parsed = z.safeParse(schema, body);
  return parsed.success ? parsed.data : validationProblem(issuesToFieldErrors(parsed.error.issues, body));
}

/**
 * A POST /orders `Idempotency-Key` header checked as the mock and the server check it: the key
 * (trimmed), or the problem to answer (none: 400; over 255 characters: 422 naming the header).
 */
export function idempotencyKeyOf(header: string | null | undefined): string | Response {
  const key = header?.trim();
  if (!key) return idempotencyKeyMissing();
  if (key.length > 255) return validationProblem([{ field: 'Idempotency-Key', message: 'At most 255 characters.' }]);
  return key;
}

/** POST /orders without the key that makes a retried submit safe. */
function idempotencyKeyMissing(): Response {
  return problem({
    status: 400,
    title: 'Idempotency-Key header required',
    code: 'idempotency-key-missing',
    detail: 'POST /orders needs an Idempotency-Key header (e.g. a UUID) so that a retried submit cannot order twice.',
  });
}

export function invalidJson(): Response {
  return problem({ status: 400, title: 'The body is not valid JSON', code: 'invalid-json', detail: 'Send a JSON body with Content-Type: application/json.' });
}

export function notFound(): Response {
  return problem({ status: 404, title: 'Not found', code: 'not-found', detail: 'No such resource in the store API.' });
}
