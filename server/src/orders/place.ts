/**
 * `POST /orders`: the request checked against the contract and against Partner Center, then
 * the order, its tasks and its idempotency key written in one transaction.
 *
 * Idempotency keys (per reseller): the first request with a key holds it as `running`; the
 * same key and body later returns the same order (200), another body is a 422, and a request
 * arriving while the first still runs gets a 409 with Retry-After. A failed attempt (invalid
 * fields) releases the key, as the mock does. Keys are kept at least 24 hours.
 */
import { createHash } from 'node:crypto';
import { OrderRequest, type FieldError, type Order, type TaskKind } from '../../../src/api/schemas.js';
import { canonicalJson, idempotencyKeyOf, INVALID_JSON, invalidJson, json, problem, randomHex, validBody, validationProblem } from '../../../src/mock/http.js';
import { dayNumber } from '../../../src/mock/proration.js';
import { attestationRetired } from '../../../src/mock/resources/agreement-acceptances.js';
import { readAcceptance } from '../acceptances.js';
import { adminAccessErrors, findTemplate } from '../admin-access.js';
import type { ResellerConfig, StoreRules } from '../config.js';
import type { Db } from '../db/index.js';
import type { PartnerCenterGateway } from '../partner-center/gateway.js';
import { planTasks } from './plan.js';
import { price, purchaseTime } from './pricing.js';
import { lineErrors, quoted, seatsLabel, termsOf, viewOf } from '../subscriptions.js';
import type { CredentialsVault, StoredCredentials } from './credentials.js';
import { readOrder } from './snapshot.js';
import { prefixTaken, suggestPrefixes } from '../domains.js';

export interface StoreContext {
  db: Db;
  gateway: PartnerCenterGateway;
  /** The store's date, YYYY-MM-DD. */
  today(): string;
  /** Multiplies task estimates (the simulator runs faster than Partner Center). */
  estimateScale: number;
  /** The current Microsoft Customer Agreement's template id (cached). */
  agreementTemplateId(): Promise<string>;
  /** Where the API is mounted, for Location headers. */
  basePath: string;
  rules: StoreRules;
  /** Encrypts and decrypts new tenants' administrator credentials (orders.credentials). */
  credentials: CredentialsVault;
}

/** How long a `running` key blocks others before it counts as abandoned (its request died). */
const KEY_LOCK_SECONDS = 60;
/** How long keys are kept: the contract promises at least 24 hours. */
const KEY_TTL_HOURS = 24;

export async function placeOrder(ctx: StoreContext, reseller: ResellerConfig, header: string | undefined, body: unknown): Promise<Response> {
  const key = idempotencyKeyOf(header);
  if (key instanceof Response) return key;
  if (body === INVALID_JSON) return invalidJson();
  const hash = createHash('sha256').update(canonicalJson(body) ?? '').digest('hex');

  const holder = crypto.randomUUID();
  const claim = await claimKey(ctx, reseller.id, key, hash, holder);
  if (claim instanceof Response) return claim;

  let outcome: Response;
  try {
    outcome = await createOrder(ctx, reseller, body, key, holder);
  } catch (error) {
    await releaseKey(ctx.db, reseller.id, key, holder);
    if (error instanceof KeyLost) return keyInUse(key);
    throw error;
  }
  if (outcome.status >= 300) await releaseKey(ctx.db, reseller.id, key, holder);
  return outcome;
}

/** This request's hold on its key went to another request (it ran past the lock). */
class KeyLost extends Error {}

function keyInUse(key: string): Response {
  return problem({
    status: 409,
    title: 'This order is still being placed',
    code: 'idempotency-key-in-use',
    detail: `A request with the Idempotency-Key “${key}” is still in progress. Retry after a second to get its order.`,
    headers: { 'retry-after': '1' },
  });
}

/** Takes the key for this request, or answers for it: the same order, 409 or 422. */
async function claimKey(ctx: StoreContext, resellerId: string, key: string, hash: string, holder: string): Promise<true | Response> {
  const db = ctx.db;
  for (let round = 0; round < 3; round++) {
    const inserted = await db.query(
      `INSERT INTO idempotency_keys (reseller_id, key, body_hash, state, holder, locked_until, expires_at)
       VALUES ($1, $2, $3, 'running', $6, now() + make_interval(secs => $4), now() + make_interval(hours => $5))
       ON CONFLICT (reseller_id, key) DO NOTHING RETURNING key`,
      [resellerId, key, hash, KEY_LOCK_SECONDS, KEY_TTL_HOURS, holder],
    );
    if (inserted.length) return true;
    const [row] = await db.query<{ body_hash: string; state: string; order_id: string | null; expired: boolean; abandoned: boolean }>(
      `SELECT body_hash, state, order_id, expires_at < now() AS expired, locked_until < now() AS abandoned
       FROM idempotency_keys WHERE reseller_id = $1 AND key = $2`,
      [resellerId, key],
    );
    if (!row) continue; // released in between: try to take it again
    if (row.expired) {
      await db.query('DELETE FROM idempotency_keys WHERE reseller_id = $1 AND key = $2 AND expires_at < now()', [resellerId, key]);
      continue;
    }
    if (row.body_hash !== hash) {
      return problem({
        status: 422,
        title: 'Idempotency key reused for a different order',
        code: 'idempotency-key-reused',
        detail: `The Idempotency-Key “${key}” was already used with a different body${row.order_id ? ` (order ${row.order_id})` : ''}. Use a new key for a new order.`,
      });
    }
    if (row.state === 'done' && row.order_id) {
      const order = await readOrder(ctx, resellerId, row.order_id);
      if (order) return json(order, 200, { location: `${ctx.basePath}/orders/${order.id}` });
    }
    if (row.state === 'running' && row.abandoned) {
      // The request that held it died (its instance was killed): this one carries on.
      const taken = await db.query(
        `UPDATE idempotency_keys SET locked_until = now() + make_interval(secs => $3), holder = $4
         WHERE reseller_id = $1 AND key = $2 AND state = 'running' AND locked_until < now() RETURNING key`,
        [resellerId, key, KEY_LOCK_SECONDS, holder],
      );
      if (taken.length) return true;
    }
    return keyInUse(key);
  }
  return keyInUse(key);
}

async function releaseKey(db: Db, resellerId: string, key: string, holder: string): Promise<void> {
  await db.query(`DELETE FROM idempotency_keys WHERE reseller_id = $1 AND key = $2 AND state = 'running' AND holder = $3`, [resellerId, key, holder]);
}

interface CustomerRow {
  id: string;
  country: string | null;
  company_name: string;
  default_domain: string;
  agreement_on_file: boolean;
  tenant_id: string | null;
}

async function createOrder(ctx: StoreContext, reseller: ResellerConfig, body: unknown, key: string, holder: string): Promise<Response> {
  // Before the schema, which would drop the unknown field without a word.
  const retired = attestationRetired(body);
  if (retired) return retired;
  const order = validBody(OrderRequest, body);
  if (order instanceof Response) return order;
  const today = ctx.today();
  const { priced, errors } = price(order.lines);
  const recipient = order.recipient;

  let customer: CustomerRow | undefined;
  if (recipient.kind === 'existing') {
    [customer] = await ctx.db.query<CustomerRow>('SELECT * FROM customers WHERE reseller_id = $1 AND id = $2', [reseller.id, recipient.customerId]);
    if (!customer) errors.push({ field: 'recipient.customerId', message: `You have no customer with the id “${recipient.customerId}”.` });
  }
  const needsAgreement = recipient.kind === 'new' || (customer !== undefined && !customer.agreement_on_file);
  const acceptanceId = order.agreementAcceptanceId;
  if (needsAgreement && acceptanceId === undefined) {
    errors.push({ field: 'agreementAcceptanceId', message: 'The customer has no Microsoft Customer Agreement on file: create an acceptance request and send its id.' });
  }
  // The request must be this reseller's, for this company, and accepted already where the store wants that first.
  let acceptance: Awaited<ReturnType<typeof readAcceptance>>;
  if (needsAgreement && acceptanceId !== undefined) {
    acceptance = await readAcceptance(ctx, reseller.id, acceptanceId);
    const companyName = recipient.kind === 'new' ? recipient.company.companyName : customer?.company_name;
    if (!acceptance) {
      errors.push({ field: 'agreementAcceptanceId', message: `You have no agreement acceptance request with the id “${acceptanceId}”.` });
    } else if (companyName !== undefined && acceptance.company.name !== companyName) {
      errors.push({ field: 'agreementAcceptanceId', message: `That acceptance request is for “${acceptance.company.name}”, not “${companyName}”; create one for this company.` });
    } else if (acceptance.required_before_order && !acceptance.accepted_at) {
      errors.push({ field: 'agreementAcceptanceId', message: 'This store needs the customer’s acceptance of the Microsoft Customer Agreement before the order, and it has not come yet.' });
    }
  }
  errors.push(...adminAccessErrors(order, ctx.rules));
  // Seats, seat caps and end dates against the recipient's subscriptions at Partner Center.
  const view = await viewOf(ctx, reseller, recipient, customer?.country ?? undefined);
  if (!errors.some((e) => e.field === 'recipient.customerId')) errors.push(...lineErrors(view, order.lines, today, errors));

  let domain: string | undefined;
  let mismatch: Response | undefined;
  let reuse: Reuse | undefined;
  if (recipient.kind === 'new') {
    const { company, tenant } = recipient;
    const address = company.address;
    if ((await ctx.gateway.countryRules(address.country)).stateRequired && !address.state?.trim()) {
      errors.push({ field: 'company.address.state', message: `Addresses in ${address.country} need a state or province.` });
    } else {
      const check = await ctx.gateway.validateAddress({ country: address.country, addressLine1: address.line1, addressLine2: address.line2, city: address.city, state: address.state, postalCode: address.postalCode });
      if (check.status === 'not-valid') errors.push({ field: 'company.address.postalCode', message: 'Microsoft could not verify this address; check the postal code.' });
    }
    if (tenant.kind === 'new') {
      domain = `${tenant.prefix.toLowerCase()}.onmicrosoft.com`;
      reuse = await tenantToReuse(ctx, reseller.id, domain, company.companyName);
      if (!reuse && (await prefixTaken(ctx, tenant.prefix))) {
        const others = await suggestPrefixes(ctx, tenant.prefix);
        errors.push({ field: 'tenant.prefix', message: `${domain} is taken.${others.length ? ` Available: ${others.join(', ')}.` : ''}` });
      }
    } else {
      domain = tenant.domain.toLowerCase();
      const found = await ctx.gateway.findTenant(domain);
      if (!found) {
        errors.push({ field: 'tenant.domain', message: `No Microsoft tenant has the domain ${domain}.` });
      } else if (found.companyName !== company.companyName) {
        errors.push({ field: 'company.companyName', message: `Must be exactly the name registered with Microsoft: “${found.companyName}”.` });
        mismatch = problem({
          status: 422,
          title: 'The company name does not match the tenant',
          code: 'company-name-mismatch',
          detail: `You entered “${company.companyName}”, but ${domain} is registered to “${found.companyName}”.`,
          errors,
          registeredCompanyName: found.companyName,
        });
      }
    }
  }
  if (errors.length) return mismatch ?? validationProblem(errors);

  const summary: Order['recipient'] =
    recipient.kind === 'internal'
      ? { kind: 'internal', companyName: reseller.name, domain: reseller.domain }
      : recipient.kind === 'existing'
        ? { kind: 'existing', companyName: customer!.company_name, domain: customer!.default_domain }
        : { kind: 'new', companyName: recipient.company.companyName, domain: domain! };
  const tasks = planTasks(order, priced, reseller, domain, acceptance?.id, (line) => seatsLabel(view, line)).filter(
    // A retry on the tenant a failed order created does only what that order did not.
    (task) => !reuse?.done.has(task.kind),
  );
  const request = order.adminAccess?.request;
  const template = request && findTemplate(request.templateId);
  // What the order shows of its admin-access request until the task knows more.
  const adminAccess = request && template ? { status: 'approval-pending', roles: template.roles, templateId: template.id, duration: request.duration, autoExtend: request.autoExtend } : null;
  const id = `ord_${randomHex(10)}`;
  const purchasedAt = purchaseTime(today);
  const firstInvoiceTotal = quoted(view, priced, today, purchasedAt).reduce((sum, line) => sum + line.proratedAmount, 0);
  const lineTerms = order.lines.map((line) => termsOf(view, line, today, purchasedAt));

  const placed = await ctx.db.transaction(async (tx) => {
    if (recipient.kind === 'new' && recipient.tenant.kind === 'new') {
      const held = reuse
        ? await tx.query('UPDATE domain_holds SET order_id = $2 WHERE domain = $1 AND order_id = $3 RETURNING domain', [domain, id, reuse.orderId])
        : await tx.query(
            'INSERT INTO domain_holds (domain, reseller_id, order_id, company_name) VALUES ($1, $2, $3, $4) ON CONFLICT (domain) DO NOTHING RETURNING domain',
            [domain, reseller.id, id, recipient.company.companyName],
          );
      if (!held.length) return false; // another order took the prefix a moment ago
    }
    await tx.query(
      `INSERT INTO orders (id, reseller_id, request, recipient, currency, lines, first_invoice_total, correlation_id, customer_id, tenant_id, admin_access, line_terms, purchase_order, credentials)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        id,
        reseller.id,
        JSON.stringify(order),
        JSON.stringify(summary),
        'USD',
        JSON.stringify(order.lines),
        firstInvoiceTotal,
        crypto.randomUUID(),
        customer?.id ?? reuse?.customerId ?? null,
        customer?.tenant_id ?? reuse?.tenantId ?? null,
        adminAccess && JSON.stringify(adminAccess),
        JSON.stringify(lineTerms),
        order.purchaseOrder ?? null,
        // The administrator the failed order's tenant got, shown when this order completes:
        // encrypted again for this order's id, so the row needs no other order to be read.
        reuse?.credentials ? JSON.stringify(ctx.credentials.seal(id, reuse.credentials)) : null,
      ],
    );
    // Moved, not copied: the failed order no longer holds the domain and never shows them.
    if (reuse?.credentials) await tx.query('UPDATE orders SET credentials = NULL WHERE id = $1', [reuse.orderId]);
    for (const [position, task] of tasks.entries()) {
      await tx.query(
        `INSERT INTO tasks (order_id, position, id, kind, label, params, estimated_seconds) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [id, position, `task-${position + 1}`, task.kind satisfies TaskKind, task.label, JSON.stringify(task.params), task.seconds * ctx.estimateScale],
      );
    }
    // Only while this request still holds the key: otherwise the transaction, order and all, rolls back.
    const kept = await tx.query(
      `UPDATE idempotency_keys SET state = 'done', order_id = $3, response_status = 201 WHERE reseller_id = $1 AND key = $2 AND holder = $4 AND state = 'running' RETURNING key`,
      [reseller.id, key, id, holder],
    );
    if (!kept.length) throw new KeyLost();
    await tx.query(`SELECT pg_notify('lc_tasks', $1), pg_notify('lc_orders', $1)`, [id]);
    return true;
  });
  if (!placed) {
    return validationProblem([{ field: 'tenant.prefix', message: `${domain} was taken by another order a moment ago. Choose another prefix.` }]);
  }
  const snapshot = await readOrder(ctx, reseller.id, id);
  return json(snapshot, 201, { location: `${ctx.basePath}/orders/${id}` });
}

/** A tenant a failed order of this reseller created for this very company, and what that order got done. */
interface Reuse {
  orderId: string;
  tenantId: string;
  customerId: string | null;
  credentials: Order['credentials'];
  done: Set<TaskKind>;
}

/**
 * Placing a failed new-tenant order again: the tenant exists (the failed order created it),
 * so the retry reuses it instead of refusing its prefix, and leaves out what the failed order
 * did. Only for the same reseller and exactly the same company name, and only while the
 * latest order for that tenant failed; anyone else still finds the prefix taken.
 */
async function tenantToReuse(ctx: StoreContext, resellerId: string, domain: string, companyName: string): Promise<Reuse | undefined> {
  const [held] = await ctx.db.query<{ order_id: string; tenant_id: string | null; customer_id: string | null; credentials: StoredCredentials | null }>(
    `SELECT h.order_id, o.tenant_id, o.customer_id, o.credentials FROM domain_holds h JOIN orders o ON o.id = h.order_id
     WHERE h.domain = $1 AND h.reseller_id = $2 AND h.company_name = $3`,
    [domain, resellerId, companyName],
  );
  if (!held?.tenant_id) return undefined;
  const failed = await readOrder(ctx, resellerId, held.order_id);
  if (failed?.status !== 'failed') return undefined;
  const done = new Set(failed.tasks.filter((t) => t.status === 'succeeded' && t.kind !== 'create-subscription' && t.kind !== 'add-seats').map((t) => t.kind));
  // A failed retry had no tenant tasks of its own: an order before it did them.
  for (const kind of ['create-tenant', 'link-reseller'] as const) if (!failed.tasks.some((t) => t.kind === kind)) done.add(kind);
  const credentials = held.credentials ? ctx.credentials.open(held.order_id, held.credentials) : undefined;
  return { orderId: held.order_id, tenantId: held.tenant_id, customerId: held.customer_id, credentials, done };
}

export type { FieldError };
