/**
 * A new tenant's first administrator, which Partner Center hands over once. The store keeps it
 * in `orders.credentials` only so that the completed order's snapshot can show it to the
 * reseller, and only for as long as that takes:
 *
 * - Encrypted at rest with AES-256-GCM under `CREDENTIALS_KEY`: a random IV per value and the
 *   order id as additional authenticated data, so a value copied into another order's row does
 *   not open there (and a database dump holds no password).
 * - Wiped `ttlMs` after the order completed. The snapshot stops showing it at that moment (the
 *   read path checks the time) and a periodic sweep on every instance sets the column to NULL:
 *   the completion time is in the task rows, so there is nothing to schedule and nothing lost
 *   on a restart, and the UPDATE is harmless when two instances run it at once.
 * - A failed order that created its tenant never shows it, but keeps it for a retry on that
 *   tenant (which takes it over, see place.ts) — for `retryMs` after the failure, then the same
 *   sweep empties it: an order nobody retries keeps no password for ever.
 * - A value that does not open (another key, tampered, copied) is left out of the snapshot and
 *   logged once per order; it never fails the request.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import * as z from 'zod/mini';
import { AdminCredentials } from '../../../src/api/schemas.js';
import type { Queryable } from '../db/index.js';

/** An encrypted value as the column holds it. `kid` names the key (a hash prefix), for the log. */
export interface SealedCredentials {
  alg: 'A256GCM';
  kid: string;
  iv: string;
  data: string;
  tag: string;
}

/** What the column may hold: a sealed value, or a plain one written before encryption came in. */
export type StoredCredentials = SealedCredentials | AdminCredentials;

export interface CredentialsVault {
  /** How long after its order completed a value is kept. */
  readonly ttlMs: number;
  /** Whether the key lives only as long as this process (open mode without `CREDENTIALS_KEY`). */
  readonly ephemeral: boolean;
  seal(orderId: string, credentials: AdminCredentials): SealedCredentials;
  /** The credentials, or undefined when the value does not open for this order with this key. */
  open(orderId: string, stored: StoredCredentials): AdminCredentials | undefined;
}

const KEY_HELP = 'Set CREDENTIALS_KEY to 32 random bytes as base64 or hex, e.g. `openssl rand -base64 32`.';

/** The key from `CREDENTIALS_KEY`: 32 bytes as 64 hex digits or as base64 (base64url too). */
export function parseCredentialsKey(raw: string): Buffer {
  const text = raw.trim();
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : /^[A-Za-z0-9+/_-]{43}=?$/.test(text) ? Buffer.from(text, 'base64') : undefined;
  if (key?.length !== 32) throw new Error(`CREDENTIALS_KEY is not a 32-byte key. ${KEY_HELP}`);
  return key;
}

/** Why a configured store will not start without a key. */
export const KEY_REQUIRED = `CREDENTIALS_KEY is required when RESELLERS or AUTH_JWKS_URL is configured: it encrypts new tenants' administrator passwords in the database, and without a lasting key they would be lost at every restart. ${KEY_HELP}`;

let processKey: Buffer | undefined;
/** Open mode's stand-in for a missing key: one per process, so in-process restarts (tests) keep it. */
export function ephemeralKey(): Buffer {
  return (processKey ??= randomBytes(32));
}

const Sealed = z.object({ alg: z.literal('A256GCM'), kid: z.string(), iv: z.string(), data: z.string(), tag: z.string() });

/** The additional authenticated data: binds a value to its column and order. */
function aad(orderId: string): Buffer {
  return Buffer.from(`orders.credentials:${orderId}`, 'utf8');
}

export function credentialsVault(key: Uint8Array, options: { ttlMs: number; ephemeral?: boolean; warn?: (message: string) => void }): CredentialsVault {
  if (key.length !== 32) throw new Error('The credentials key must be 32 bytes.');
  const kid = createHash('sha256').update(key).digest('hex').slice(0, 8);
  const warn = options.warn ?? ((message: string) => console.warn(message));
  // Event streams read a snapshot every second: one line per order, not one per read.
  const logged = new Set<string>();
  const logOnce = (orderId: string, why: string) => {
    if (logged.has(orderId)) return;
    if (logged.size >= 10_000) logged.clear();
    logged.add(orderId);
    warn(`[credentials] order ${orderId}: ${why}; its snapshot leaves the administrator's credentials out.`);
  };
  return {
    ttlMs: options.ttlMs,
    ephemeral: options.ephemeral ?? false,
    seal(orderId, credentials) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(aad(orderId));
      const data = Buffer.concat([cipher.update(JSON.stringify({ userName: credentials.userName, temporaryPassword: credentials.temporaryPassword }), 'utf8'), cipher.final()]);
      return { alg: 'A256GCM', kid, iv: iv.toString('base64'), data: data.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
    },
    open(orderId, stored) {
      const plain = z.safeParse(AdminCredentials, stored);
      if (plain.success) return plain.data;
      const sealed = z.safeParse(Sealed, stored);
      if (!sealed.success) {
        logOnce(orderId, 'the stored value is neither encrypted credentials nor plain ones');
        return undefined;
      }
      const { iv, data, tag } = sealed.data;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'), { authTagLength: 16 });
        decipher.setAAD(aad(orderId));
        decipher.setAuthTag(Buffer.from(tag, 'base64'));
        const text = Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
        const opened = z.safeParse(AdminCredentials, JSON.parse(text));
        if (opened.success) return opened.data;
      } catch {
        // Authentication failed: another key, a changed value, or another order's value.
      }
      logOnce(orderId, sealed.data.kid === kid ? 'the encrypted value does not open (changed, or copied from another order)' : `the value was encrypted with another CREDENTIALS_KEY (key ${sealed.data.kid}, this one is ${kid})`);
      return undefined;
    },
  };
}

/** When an order completed: its last task's end, or its last update when it has no task. */
export function completedAt(tasks: Array<{ finished_at: Date | string | null }>, updatedAt: Date | string): number {
  let last = Number.NEGATIVE_INFINITY;
  for (const task of tasks) if (task.finished_at) last = Math.max(last, new Date(task.finished_at).getTime());
  return Number.isFinite(last) ? last : new Date(updatedAt).getTime();
}

/**
 * Empties the column of every order that completed more than `ttlMs` ago, and of every failed
 * one that failed more than `retryMs` ago (its last task's end); returns how many.
 */
export async function wipeExpiredCredentials(db: Queryable, keep: { ttlMs: number; retryMs: number }, now = Date.now()): Promise<number> {
  const rows = await db.query(
    // The order's end (its last task's, as completedAt() says) against the cut-off of its state:
    // none while it runs or waits, so such an order keeps its value.
    `UPDATE orders o SET credentials = NULL
     WHERE o.credentials IS NOT NULL
       AND coalesce((SELECT max(t.finished_at) FROM tasks t WHERE t.order_id = o.id), o.updated_at) <= CASE
         WHEN EXISTS (SELECT 1 FROM tasks t WHERE t.order_id = o.id AND t.status = 'failed') THEN $2::timestamptz
         WHEN NOT EXISTS (SELECT 1 FROM tasks t WHERE t.order_id = o.id AND t.status <> 'succeeded') THEN $1::timestamptz
       END
     RETURNING o.id`,
    [new Date(now - keep.ttlMs), new Date(now - keep.retryMs)],
  );
  return rows.length;
}

/**
 * Encrypts the plain values rows written before encryption still hold. Only with a lasting key:
 * sealed with an ephemeral one they would be lost at the next restart. Each row is updated only
 * while it still holds the value read, so instances starting together do not clash.
 */
export async function sealPlainCredentials(db: Queryable, vault: CredentialsVault): Promise<number> {
  if (vault.ephemeral) return 0;
  const rows = await db.query<{ id: string; credentials: StoredCredentials }>(`SELECT id, credentials FROM orders WHERE credentials->>'temporaryPassword' IS NOT NULL`);
  let sealed = 0;
  for (const row of rows) {
    const plain = vault.open(row.id, row.credentials);
    if (!plain) continue;
    const updated = await db.query(`UPDATE orders SET credentials = $2 WHERE id = $1 AND credentials = $3::jsonb RETURNING id`, [
      row.id,
      JSON.stringify(vault.seal(row.id, plain)),
      JSON.stringify(row.credentials),
    ]);
    sealed += updated.length;
  }
  return sealed;
}
