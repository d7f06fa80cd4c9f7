/**
 * The stored cart's format: the key a line merges by, the `localStorage` key per backend, and
 * the `{ version, lines }` entry. `<lc-checkout>`'s cart store (which then checks every line
 * with the contract's compiled check) and the product-page tags (whose budget has no room for
 * the checks) both read and write the cart through this module, so the two never drift apart.
 */
import { BILLINGS, TERMS } from '../api/contract-values.js';
import type { OrderLineInput } from '../api/schemas.js';

export const STORAGE_VERSION = 1;
const STORAGE_PREFIX = 'license-checkout:cart:';

export { BILLINGS, TERMS } from '../api/contract-values.js';

/** A list of the contract's values, to test any value against (a type only: no code). */
export type AnyOf = readonly unknown[];

/** Identifies a line: two lines with the same key are merged. */
export function lineKey(line: Pick<OrderLineInput, 'productId' | 'term' | 'billing'>): string {
  return `${line.productId}|${line.term}|${line.billing}`;
}

/**
 * The storage key of the cart for one backend. Trailing slashes are ignored so that
 * `/api` and `/api/` share a cart; different backends never do.
 */
export function storageKey(baseUrl: string): string {
  return scopeKey(baseUrl.trim().replace(/\/+$/, ''));
}

/** The same for a scope already without trailing slashes (`backendScope`'s, as the tags have it). */
export const scopeKey = (scope: string): string => STORAGE_PREFIX + scope;

/** A stored entry's lines (not yet checked one by one), or what it is instead: not JSON, or not a cart of this version. */
export function parseStoredCart(raw: string): unknown[] | 'json' | 'version' {
  let json: { version?: unknown; lines?: unknown };
  try {
    json = JSON.parse(raw);
  } catch {
    return 'json';
  }
  return json?.version === STORAGE_VERSION && Array.isArray(json.lines) ? json.lines : 'version';
}

export function serializeCart(lines: readonly unknown[]): string {
  return JSON.stringify({ version: STORAGE_VERSION, lines });
}

/** A string with something in it. */
export const nonEmpty = (value: unknown): boolean => typeof value === 'string' && value !== '';
/** A whole number of at least `min`. */
export const whole = (value: unknown, min: number): boolean => Number.isInteger(value) && (value as number) >= min;

/**
 * Whether a stored line has the shape of an order line (product, offer, whole quantity ≥ 1,
 * and a subscription for added seats): the check the tags make, where the checkout uses the
 * compiled check `OrderLineInput` (test/checks.test.ts: it accepts every line the contract does).
 */
export function isStoredLine(value: unknown): value is OrderLineInput {
  const l = value as Partial<Record<keyof OrderLineInput | 'subscriptionId', unknown>> | null;
  return (
    nonEmpty(l?.productId) &&
    (TERMS as AnyOf).includes(l!.term) &&
    (BILLINGS as AnyOf).includes(l!.billing) &&
    whole(l!.quantity, 1) &&
    (l!.kind === undefined || l!.kind === 'new' || (l!.kind === 'add-seats' && nonEmpty(l!.subscriptionId)))
  );
}
