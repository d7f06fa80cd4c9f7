/**
 * The order's reference in `sessionStorage`, so a reload at any moment after "Place order"
 * resumes the same order instead of losing it or ordering again. `sessionStorage` because the
 * reference belongs to this tab: another tab is another checkout, and closing the tab ends it.
 *
 * Two forms share one entry per backend: while `POST /orders` is under way, the request and
 * its idempotency key (a reload sends them again: the backend answers with the order it made,
 * or makes it now); once it answered, the order id and that key. Nothing secret: never the
 * order itself (a completed order may carry the new admin's temporary password), never a token.
 */
import { check } from '../api/check.js';
import { StoredPending, StoredRef } from '../api/checks.gen.js';
import type { OrderRequest } from '../api/schemas.js';
import type { RecipientKind } from './machine-state.js';
import { orderStorageKey, readStored, removeStored, writeStored } from './session-storage.js';

export { orderStorageKey } from './session-storage.js';

/** What is kept: enough to find the order again, nothing more. */
export interface OrderRef {
  orderId: string;
  /** The `Idempotency-Key` the order was placed with: a resend returns the same order. */
  idempotencyKey?: string;
  /** Who the order was for (`internal`, `existing`, `new`; not secret): the step list shows its path after a reload. */
  recipientKind?: RecipientKind;
}

/** An order being sent: what a reload needs to send it again, unchanged. */
export interface PendingOrder {
  idempotencyKey: string;
  request: OrderRequest;
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
  if (!check(StoredRef, value).success) {
    console.warn('license-checkout: not storing an invalid order reference.');
    return;
  }
  writeStored(orderStorageKey(scope), value, 'the order reference could not be stored; a reload will not resume it.');
}

/** The stored entry for `scope`, either form; a corrupted or outdated one is removed (with a warning) and reads as none. */
function read(scope: string): OrderRef | PendingOrder | undefined {
  const stored = readStored(orderStorageKey(scope));
  if (!stored) return undefined;
  const { value } = stored;
  // Parsing keeps the known fields only.
  const ref = check(StoredRef, value);
  if (ref.success) return ref.data;
  const pending = check(StoredPending, value);
  if (pending.success) return pending.data;
  console.warn('license-checkout: dropped a corrupted stored order reference.');
  clearOrderRef(scope);
  return undefined;
}

/** The placed order's stored reference for `scope` (none while its `POST /orders` is still pending). */
export function loadOrderRef(scope: string): OrderRef | undefined {
  const entry = read(scope);
  return entry && 'orderId' in entry ? entry : undefined;
}

/**
 * Keeps the request about to be sent as `POST /orders`, with its key, for `scope`; replaced by
 * the order's reference once it answers. Returns whether it was stored.
 */
export function savePendingOrder(scope: string, pending: PendingOrder): boolean {
  const parsed = check(StoredPending, pending);
  if (!parsed.success) {
    console.warn('license-checkout: not storing an invalid order request.');
    return false;
  }
  return writeStored(orderStorageKey(scope), parsed.data, 'the order being placed could not be stored; a reload now would not resume it.');
}

/** The order request stored for `scope` whose answer never arrived (a reload interrupted it). */
export function loadPendingOrder(scope: string): PendingOrder | undefined {
  const entry = read(scope);
  return entry && !('orderId' in entry) ? entry : undefined;
}

/** Forgets the reference for `scope` (the order completed, or the backend no longer knows it). */
export function clearOrderRef(scope: string): void {
  removeStored(orderStorageKey(scope));
}
