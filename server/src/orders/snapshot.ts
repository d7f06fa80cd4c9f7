/**
 * An order as the contract shows it (`GET /orders/{id}`, the event stream), read from the
 * database: the order row and its task rows. Every instance builds the same snapshot from the
 * same rows, so any instance can answer for an order another instance is provisioning.
 */
import type { Order, OrderStatus, ProvisioningTask, TaskStatus } from '../../../src/api/schemas.js';
import type { Queryable } from '../db/index.js';
import { completedAt, type CredentialsVault, type StoredCredentials } from './credentials.js';

export interface OrderRow {
  id: string;
  reseller_id: string;
  request: unknown;
  recipient: Order['recipient'];
  currency: string;
  lines: Order['lines'];
  first_invoice_total: number;
  correlation_id: string;
  customer_id: string | null;
  tenant_id: string | null;
  /** Encrypted (plain in rows written before encryption): see credentials.ts. */
  credentials: StoredCredentials | null;
  admin_access: Order['adminAccess'] | null;
  line_terms: NonNullable<Order['lineTerms']> | null;
  purchase_order: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface TaskRow {
  order_id: string;
  position: number;
  id: string;
  kind: ProvisioningTask['kind'];
  label: string;
  status: TaskStatus;
  params: Record<string, unknown>;
  state: Record<string, unknown>;
  detail: string | null;
  action_url: string | null;
  estimated_seconds: number | null;
  started_at: Date | null;
  finished_at: Date | null;
  attempts: number;
}

/** What reading an order needs: the database, and the key to its administrator's credentials. */
export interface OrderReader {
  db: Queryable;
  credentials: CredentialsVault;
}

/** The order and its tasks, or undefined when the reseller has no such order. */
export async function readOrder(store: OrderReader, resellerId: string, id: string): Promise<Order | undefined> {
  const [order] = await store.db.query<OrderRow>('SELECT * FROM orders WHERE id = $1 AND reseller_id = $2', [id, resellerId]);
  if (!order) return undefined;
  const tasks = await store.db.query<TaskRow>('SELECT * FROM tasks WHERE order_id = $1 ORDER BY position', [id]);
  const now = Date.now();
  const result = snapshot(order, tasks, now);
  // Shown on the completed order until the wipe, even before the sweep has emptied the column.
  if (result.status === 'completed' && order.credentials && now < completedAt(tasks, order.updated_at) + store.credentials.ttlMs) {
    const credentials = store.credentials.open(order.id, order.credentials);
    if (credentials) result.credentials = credentials;
  }
  return result;
}

function iso(date: Date | string): string {
  return new Date(date).toISOString();
}

export function orderStatus(statuses: TaskStatus[]): OrderStatus {
  if (statuses.includes('failed')) return 'failed';
  if (statuses.every((s) => s === 'succeeded')) return 'completed';
  if (statuses.includes('running')) return 'provisioning';
  // Nothing runs and something waits on a person or on Microsoft: the page may close.
  const next = statuses.find((s) => s !== 'succeeded');
  if (next === 'waiting' || next === 'action-required') return 'waiting';
  return 'provisioning';
}

export function snapshot(order: OrderRow, rows: TaskRow[], now = Date.now()): Order {
  const status = orderStatus(rows.map((t) => t.status));
  const failedAt = rows.findIndex((t) => t.status === 'failed');
  const tasks = rows.map((row, i): ProvisioningTask => {
    const task: ProvisioningTask = { id: row.id, kind: row.kind, label: row.label, status: row.status };
    if (row.started_at) task.startedAt = iso(row.started_at);
    if (row.finished_at) task.finishedAt = iso(row.finished_at);
    if (row.estimated_seconds !== null) task.estimatedSeconds = round3(row.estimated_seconds);
    if (row.detail) task.detail = row.detail;
    if (row.status === 'pending' && failedAt >= 0 && i > failedAt) task.detail = 'Not started because an earlier task failed.';
    if (row.status === 'action-required' && row.action_url) task.actionUrl = row.action_url;
    return task;
  });

  let progress = 1;
  if (status !== 'completed' && rows.length) {
    let done = 0;
    for (const row of rows) {
      if (row.status === 'succeeded') done += 1;
      else if (row.status === 'running' && row.started_at && row.estimated_seconds) {
        // A running task counts by the time it has had, never as finished.
        done += Math.min(0.9, (now - new Date(row.started_at).getTime()) / 1000 / row.estimated_seconds);
      }
    }
    progress = done / rows.length;
  }

  const result: Order = {
    id: order.id,
    status,
    createdAt: iso(order.created_at),
    updatedAt: iso(order.updated_at),
    recipient: order.recipient,
    currency: order.currency,
    lines: order.lines,
    firstInvoiceTotal: order.first_invoice_total,
    tasks,
    progress: Math.min(1, Math.max(0, Math.round(progress * 10000) / 10000)),
  };
  if (status === 'completed') result.estimatedSecondsRemaining = 0;
  if (status === 'provisioning') result.estimatedSecondsRemaining = round3(secondsLeft(rows, now));
  if (status === 'failed') result.retryable = rows[failedAt]?.state.retryable === true;
  if (order.admin_access) result.adminAccess = order.admin_access;
  if (order.purchase_order) result.purchaseOrder = order.purchase_order;
  if (order.line_terms) {
    // Each line's subscription, once its task knows it.
    const subscriptionOf = new Map<number, string>();
    for (const row of rows) {
      const id = (row.state.subscriptionIds as string[] | undefined)?.[0] ?? (row.state.subscriptionId as string | undefined);
      if (typeof row.params.index === 'number' && id) subscriptionOf.set(row.params.index, id);
    }
    result.lineTerms = order.line_terms.map((terms, i) => (subscriptionOf.has(i) ? { ...terms, subscriptionId: subscriptionOf.get(i) } : terms));
  }
  return result;
}

/** Estimated seconds of the work that can run now: up to the first task waiting on someone. */
function secondsLeft(rows: TaskRow[], now: number): number {
  let left = 0;
  for (const row of rows) {
    if (row.status === 'succeeded') continue;
    if (row.status !== 'pending' && row.status !== 'running') break;
    const estimate = row.estimated_seconds ?? 0;
    const spent = row.status === 'running' && row.started_at ? (now - new Date(row.started_at).getTime()) / 1000 : 0;
    left += Math.max(0, estimate - spent);
  }
  return left;
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}
