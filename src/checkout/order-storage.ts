/**
 * The placed order's reference in `sessionStorage`, so a reload mid-provisioning resumes the
 * same order instead of losing it or ordering again. `sessionStorage` because the reference
 * belongs to this tab: another tab is another checkout, and closing the tab ends it.
 *
 * Only the order id and the idempotency key of the attempt are kept: nothing secret, never
 * the order itself (a completed order may carry the new admin's temporary password).
 */
import * as z from 'zod/mini';
import type { RecipientKind } from './machine-state.js';

/** What is kept: enough to find the order again, nothing more. */
export interface OrderRef {
  orderId: string;
  /** The `Idempotency-Key` the order was placed with: a resend returns the same order. */
  idempotencyKey?: string;
  /** Who the order was for (`internal`, `existing`, `new`; not secret): the step list shows its path after a reload. */
  recipientKind?: RecipientKind;
}

const StoredRef = z.object({
  orderId: z.string().check(z.minLength(1), z.maxLength(200)),
  idempotencyKey: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  recipientKind: z.optional(z.enum(['internal', 'existing', 'new'])),
});

/** The storage key for a backend: `license-checkout:order:<scope>`. */
export function orderStorageKey(scope: string): string {
  return `license-checkout:order:${scope}`;
}

/** The tab's storage, or undefined where it is unavailable (disabled, sandboxed frame). */
function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

/**
 * Keeps the order's reference for `scope` (the API base URL, so two backends on one page
 * never resume each other's orders). Copies the two known fields only, so passing a whole
 * `Order` by mistake stores nothing more than its id.
 */
export function saveOrderRef(scope: string, ref: OrderRef): void {
  const value: OrderRef = { orderId: ref.orderId };
  if (typeof ref.idempotencyKey === 'string' && ref.idempotencyKey) value.idempotencyKey = ref.idempotencyKey;
  if (ref.recipientKind) value.recipientKind = ref.recipientKind;
  if (!z.safeParse(StoredRef, value).success) {
    console.warn('license-checkout: not storing an invalid order reference.');
    return;
  }
  try {
    storage()?.setItem(orderStorageKey(scope), JSON.stringify(value));
  } catch (error) {
    // Quota or privacy mode: resume after reload will not work, the checkout itself still does.
    console.warn('license-checkout: the order reference could not be stored; a reload will not resume it.', error);
  }
}

/** The stored reference for `scope`; a corrupted entry is removed (with a warning) and reads as none. */
export function loadOrderRef(scope: string): OrderRef | undefined {
  const store = storage();
  let text: string | null | undefined;
  try {
    text = store?.getItem(orderStorageKey(scope));
  } catch {
    return undefined;
  }
  if (text == null) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  const parsed = z.safeParse(StoredRef, value);
  if (!parsed.success) {
    console.warn('license-checkout: dropped a corrupted stored order reference.');
    clearOrderRef(scope);
    return undefined;
  }
  const ref: OrderRef = { orderId: parsed.data.orderId };
  if (parsed.data.idempotencyKey) ref.idempotencyKey = parsed.data.idempotencyKey;
  if (parsed.data.recipientKind) ref.recipientKind = parsed.data.recipientKind;
  return ref;
}

/** Forgets the reference for `scope` (the order completed, or the backend no longer knows it). */
export function clearOrderRef(scope: string): void {
  try {
    storage()?.removeItem(orderStorageKey(scope));
  } catch {
    // Nothing stored where there is no storage.
  }
}
