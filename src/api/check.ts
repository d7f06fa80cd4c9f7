/**
 * The contract's rules, run without zod. The zod schemas (`schemas*.ts`) stay the single
 * source of truth: `npm run checks` compiles each one the widget validates with into a call of
 * the combinators below (`checks-cart.gen.ts`, `checks.gen.ts`), and `test/checks.test.ts`
 * compares every compiled check with its zod schema on generated values (the same success, the
 * same output, the same issues). The browser then carries these few hundred bytes instead of
 * zod's engine (about 8 KB gzip).
 *
 * Each combinator does what the zod/mini schema of the same shape does in zod 4: objects drop
 * keys they do not name (loose ones keep them), optional keys may be absent, string lengths are
 * counted in code points, a check runs only while the value's own type holds (length checks
 * also on any value with a length, unless a check stopped the parse), a URL is trimmed. Issues
 * have zod's shape (`code`, `path`, `expected`, `values`, `format`, `origin`, `minimum`,
 * `maximum`) and zod/mini's message, so code written against zod issues reads them unchanged.
 */

/** One problem found, as zod reports it. */
export interface CheckIssue {
  code: 'invalid_type' | 'invalid_value' | 'invalid_format' | 'too_small' | 'too_big' | 'invalid_union';
  path: PropertyKey[];
  message: string;
  expected?: string;
  values?: unknown[];
  format?: string;
  origin?: string;
  minimum?: number;
  maximum?: number;
  /** Whether later checks of the same value still run (internal, as in zod). */
  continue?: boolean;
}

export type CheckResult<T> = { success: true; data: T } | { success: false; issues: CheckIssue[] };

interface Payload {
  value: any;
  issues: CheckIssue[];
}

/** A compiled schema: parses `payload.value` in place, as zod's `_zod.run` does. */
type Run = (payload: Payload) => void;

/** A compiled schema whose output is `T` (the type of the zod schema it was compiled from). */
export type Check<T> = Run & { readonly output?: T; optional?: boolean };

/** A check on a value whose type holds; `sized` marks zod's length checks (see above). */
type Rule = ((payload: Payload) => void) & { sized?: boolean };

/** Runs `check` on `value`: the parsed value (unknown object keys dropped), or the issues. */
export function check<T>(schema: Check<T>, value: unknown): CheckResult<T> {
  const payload: Payload = { value, issues: [] };
  schema(payload);
  for (const issue of payload.issues) delete issue.continue;
  return payload.issues.length ? { success: false, issues: payload.issues } : { success: true, data: payload.value };
}

const issue = (payload: Payload, found: Omit<CheckIssue, 'path' | 'message'>) =>
  payload.issues.push({ ...found, path: [], message: 'Invalid input' } as CheckIssue);

const failed = (issues: CheckIssue[], from = 0, explicit?: boolean) =>
  issues.slice(from).some((i) => (explicit ? i.continue === false : i.continue !== true));

/** A type test and the checks that follow it. */
const typed =
  (test: (value: any) => boolean, expected: string, rules: Rule[], parse?: Run): Run =>
  (payload) => {
    if (!test(payload.value)) issue(payload, { code: 'invalid_type', expected });
    else parse?.(payload);
    let stopped = failed(payload.issues);
    for (const rule of rules) {
      const value = payload.value;
      if (rule.sized ? failed(payload.issues, 0, true) || value == null || value.length === undefined : stopped) continue;
      const before = payload.issues.length;
      rule(payload);
      stopped ||= failed(payload.issues, before);
    }
  };

export const str = (...rules: Rule[]): Run => typed((v) => typeof v === 'string', 'string', rules);

export const num = (...rules: Rule[]): Run =>
  typed((v) => typeof v === 'number' && Number.isFinite(v), 'number', rules);

export const bool: Run = typed((v) => typeof v === 'boolean', 'boolean', []);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The issues of a part, under its key. */
const under = (payload: Payload, key: PropertyKey, issues: CheckIssue[]) => {
  for (const i of issues) i.path.unshift(key);
  payload.issues.push(...issues);
};

export const arr = (item: Run, ...rules: Rule[]): Run =>
  typed(Array.isArray, 'array', rules, (payload) => {
    const input: unknown[] = payload.value;
    const out: unknown[] = (payload.value = Array(input.length));
    for (let index = 0; index < input.length; index++) {
      const part = { value: input[index], issues: [] };
      item(part);
      under(payload, index, part.issues);
      out[index] = part.value;
    }
  });

const object =
  (shape: Record<string, Check<unknown>>, loose?: boolean): Run =>
  (payload) => {
    const input = payload.value;
    if (!isObject(input)) return void issue(payload, { code: 'invalid_type', expected: 'object' });
    const out: Record<string, unknown> = (payload.value = {});
    for (const key in shape) {
      if (key === '__proto__') continue;
      const part = { value: input[key], issues: [] as CheckIssue[] };
      const present = key in input;
      shape[key]!(part);
      if (!present && shape[key]!.optional) continue;
      under(payload, key, part.issues);
      if (!present) {
        if (!part.issues.length) payload.issues.push({ code: 'invalid_type', expected: 'nonoptional', path: [key], message: 'Invalid input' });
      } else out[key] = part.value;
    }
    if (loose) for (const key in input) if (!Object.hasOwn(shape, key) && key !== '__proto__') out[key] = input[key];
  };

export const obj = (shape: Record<string, Check<unknown>>): Run => object(shape);
/** An object that keeps the keys it does not name (zod's `looseObject`). */
export const loose = (shape: Record<string, Check<unknown>>): Run => object(shape, true);

export const opt = (inner: Run): Run => {
  const run: Check<unknown> = (payload) => void (payload.value !== undefined && inner(payload));
  run.optional = true;
  return run;
};

/** One of these values (zod's `enum` and `literal`). */
export const oneOf =
  (values: unknown[]): Run =>
  (payload) =>
    void (values.includes(payload.value) || issue(payload, { code: 'invalid_value', values }));

/**
 * zod's `discriminatedUnion`: the option whose `key` has the value's tag (`null` where two
 * options claim it, `undefined` a tag an option may leave out).
 */
export const tagged = (key: string, options: Array<[tag: unknown, option: Run | null]>): Run => {
  const byTag = new Map(options);
  return (payload) => {
    const input = payload.value;
    if (!isObject(input)) return void issue(payload, { code: 'invalid_type', expected: 'object' });
    const option = byTag.get(input[key]);
    if (option) return option(payload);
    payload.issues.push({ code: 'invalid_union', path: [key], message: 'Invalid input' });
  };
};

// ---------------------------------------------------------------------------------------
// Checks, in the order the schema lists them

// Whatever `length` a value has, compared as zod compares it (an object's odd `length` fails).
const codePoints = (value: unknown): number => (typeof value === 'string' ? [...value].length : (value as { length: number }).length);
const originOf = (value: unknown) => (Array.isArray(value) ? 'array' : typeof value === 'string' ? 'string' : 'unknown');

const lengthRule = (rule: Rule): Rule => Object.assign(rule, { sized: true });

export const minLen = (minimum: number): Rule =>
  lengthRule((payload) => {
    if (!(codePoints(payload.value) >= minimum)) issue(payload, { code: 'too_small', origin: originOf(payload.value), minimum, continue: true });
  });

export const maxLen = (maximum: number): Rule =>
  lengthRule((payload) => {
    if (!(codePoints(payload.value) <= maximum)) issue(payload, { code: 'too_big', origin: originOf(payload.value), maximum, continue: true });
  });

/** A string format or `z.regex` (format `regex`). */
export const fmt =
  (format: string, pattern: RegExp): Rule =>
  (payload) => {
    pattern.lastIndex = 0;
    if (!pattern.test(payload.value)) issue(payload, { code: 'invalid_format', origin: 'string', format, continue: true });
  };

/**
 * `z.url({ protocol })` with an http(s) protocol pattern, as zod checks it: trimmed, `http://`
 * or `https://` first, parsable, the protocol matching; the value is the trimmed text without
 * tabs and line breaks (which the URL parser would skip).
 */
export const url =
  (protocol: RegExp): Rule =>
  (payload) => {
    const trimmed = (payload.value as string).trim();
    let parsed: URL | undefined;
    try {
      if (/^https?:\/\//i.test(trimmed)) parsed = new URL(trimmed);
    } catch {
      // not a URL
    }
    if (!parsed || !protocol.test(parsed.protocol.slice(0, -1))) issue(payload, { code: 'invalid_format', format: 'url', continue: true });
    if (parsed) payload.value = trimmed.replace(/[\t\n\r]/g, '');
  };

const bound =
  (code: 'too_small' | 'too_big', limit: number, inclusive: boolean): Rule =>
  (payload) => {
    const v = payload.value as number;
    const ok = code === 'too_small' ? (inclusive ? v >= limit : v > limit) : inclusive ? v <= limit : v < limit;
    if (!ok) issue(payload, { code, origin: 'number', [code === 'too_small' ? 'minimum' : 'maximum']: limit, continue: true });
  };

export const gte = (n: number) => bound('too_small', n, true);
export const gt = (n: number) => bound('too_small', n, false);
export const lte = (n: number) => bound('too_big', n, true);
export const lt = (n: number) => bound('too_big', n, false);

/** `z.int()`: a safe integer; a fraction stops the checks after it. */
export const int: Rule = (payload) => {
  const v = payload.value as number;
  if (!Number.isInteger(v)) issue(payload, { code: 'invalid_type', expected: 'int', format: 'safeint', continue: false });
  else if (!Number.isSafeInteger(v))
    issue(payload, v > 0 ? { code: 'too_big', origin: 'int', maximum: Number.MAX_SAFE_INTEGER, continue: true } : { code: 'too_small', origin: 'int', minimum: Number.MIN_SAFE_INTEGER, continue: true });
};
