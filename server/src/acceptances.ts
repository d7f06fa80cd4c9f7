/**
 * Microsoft Customer Agreement acceptance requests: `POST /agreement-acceptances`,
 * `GET /agreement-acceptances/{id}` (and `/events`), `POST /agreement-acceptances/{id}/link`.
 * Microsoft hosts the page and keeps the request; the store keeps which reseller it belongs
 * to, the link it gave, and when its agreement was recorded for the customer's tenant.
 */
import { CreateAcceptanceRequest, type AcceptanceRequest } from '../../src/api/schemas.js';
import { json, problem, randomHex, validBody } from '../../src/mock/http.js';
import type { Queryable } from './db/index.js';
import type { ResellerConfig } from './config.js';
import type { StoreContext } from './orders/place.js';

export interface AcceptanceRow {
  id: string;
  reseller_id: string;
  microsoft_id: string;
  url: string;
  expires_at: Date;
  accepted_at: Date | null;
  recorded_at: Date | null;
  required_before_order: boolean;
  signatory: AcceptanceRequest['signatory'];
  company: NonNullable<AcceptanceRequest['company']>;
}

export function acceptanceSnapshot(row: AcceptanceRow, now = Date.now()): AcceptanceRequest {
  const expiresAt = new Date(row.expires_at);
  const status = row.recorded_at ? 'agreement-created' : row.accepted_at ? 'customer-accepted' : expiresAt.getTime() <= now ? 'link-expired' : 'link-generated';
  return {
    id: row.id,
    status,
    url: row.url,
    expiresAt: expiresAt.toISOString(),
    ...(row.accepted_at ? { acceptedAt: new Date(row.accepted_at).toISOString() } : {}),
    requiredBeforeOrder: row.required_before_order,
    signatory: row.signatory,
    company: row.company,
  };
}

export async function notifyAcceptance(db: Queryable, id: string): Promise<void> {
  await db.query(`UPDATE agreement_acceptances SET updated_at = now() WHERE id = $1`, [id]);
  await db.query(`SELECT pg_notify('lc_acceptances', $1)`, [id]);
}

/**
 * The request as it stands, asking Microsoft while the customer has not accepted yet;
 * undefined when this reseller has no such request.
 */
export async function readAcceptance(ctx: StoreContext, resellerId: string, id: string): Promise<AcceptanceRow | undefined> {
  const [row] = await ctx.db.query<AcceptanceRow>('SELECT * FROM agreement_acceptances WHERE id = $1 AND reseller_id = $2', [id, resellerId]);
  if (!row || row.accepted_at) return row;
  const link = await ctx.gateway.getAcceptanceRequest(row.microsoft_id);
  if (link.status === 'accepted' || link.url !== row.url) {
    const [updated] = await ctx.db.query<AcceptanceRow>(
      `UPDATE agreement_acceptances SET accepted_at = $2, url = $3, expires_at = $4 WHERE id = $1 RETURNING *`,
      [id, link.status === 'accepted' ? (link.acceptedAt ?? new Date().toISOString()) : null, link.url, link.expiresAt],
    );
    await notifyAcceptance(ctx.db, id);
    return updated;
  }
  return row;
}

const notFound = (id: string) =>
  problem({ status: 404, title: 'Acceptance request not found', code: 'acceptance-not-found', detail: `No agreement acceptance request with id “${id}”.` });

export async function createAcceptance(ctx: StoreContext, reseller: ResellerConfig, body: unknown): Promise<Response> {
  const parsed = validBody(CreateAcceptanceRequest, body);
  if (parsed instanceof Response) return parsed;
  const { signatory, company } = parsed;
  const link = await ctx.gateway.createAcceptanceRequest({ signatory, company }, { requestId: crypto.randomUUID() });
  const [row] = await ctx.db.query<AcceptanceRow>(
    `INSERT INTO agreement_acceptances (id, reseller_id, microsoft_id, url, expires_at, accepted_at, required_before_order, signatory, company)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
    [`mca_${randomHex(8)}`, reseller.id, link.id, link.url, link.expiresAt, link.acceptedAt ?? null, ctx.rules.acceptanceBeforeOrder, JSON.stringify(signatory), JSON.stringify(company)],
  );
  return json(acceptanceSnapshot(row!), 201, { location: `${ctx.basePath}/agreement-acceptances/${row!.id}` });
}

export async function getAcceptance(ctx: StoreContext, reseller: ResellerConfig, id: string): Promise<Response> {
  const row = await readAcceptance(ctx, reseller.id, id);
  return row ? json(acceptanceSnapshot(row)) : notFound(id);
}

export async function renewLink(ctx: StoreContext, reseller: ResellerConfig, id: string): Promise<Response> {
  const row = await readAcceptance(ctx, reseller.id, id);
  if (!row) return notFound(id);
  if (row.accepted_at) {
    return problem({
      status: 409,
      title: 'Already accepted',
      code: 'already-accepted',
      detail: `${row.company.name} accepted the agreement on ${new Date(row.accepted_at).toISOString()}; there is no link to renew.`,
    });
  }
  const link = await ctx.gateway.renewAcceptanceLink(row.microsoft_id, { requestId: crypto.randomUUID() });
  const [updated] = await ctx.db.query<AcceptanceRow>('UPDATE agreement_acceptances SET url = $2, expires_at = $3 WHERE id = $1 RETURNING *', [id, link.url, link.expiresAt]);
  await notifyAcceptance(ctx.db, id);
  return json(acceptanceSnapshot(updated!));
}
