/**
 * What each kind of provisioning task does at Partner Center. A handler may run more than
 * once for one task (a retry, a poll, another instance resuming after a crash), so it saves
 * what it needs to repeat nothing: the MS-RequestId of each call that changes something
 * (Partner Center recognises the repeat), the cart it created, the order checkout returned.
 */
import type { AddSeatsLine, AdminAccessRequest, NewSubscriptionLine, OrderRequest, TaskKind } from '../../../src/api/schemas.js';
import { randomHex } from '../../../src/mock/http.js';
import { notifyAcceptance, type AcceptanceRow } from '../acceptances.js';
import { defaultAdminRoles, findTemplate } from '../admin-access.js';
import type { ResellerConfig } from '../config.js';
import type { Db } from '../db/index.js';
import type { CredentialsVault } from '../orders/credentials.js';
import type { OrderRow, TaskRow } from '../orders/snapshot.js';
import { GatewayError, isGatewayError, type CallContext, type PartnerCenterGateway, type PcCustomer } from '../partner-center/gateway.js';

export type Outcome =
  | { status: 'succeeded'; detail?: string }
  /** Still in progress at Partner Center: look again later. */
  | { status: 'running'; recheckMs: number; detail?: string }
  /** A person must act; `actionUrl` is the link to send them, when there is one right now. */
  | { status: 'action-required'; actionUrl?: string; detail: string; recheckMs: number }
  | { status: 'waiting'; detail: string; recheckMs: number }
  | { status: 'failed'; detail: string; retryable: boolean }
  /** A passing failure: run again after the delay. */
  | { status: 'retry'; delayMs: number; error: string }
  /** The order's plan changed in front of this task; it goes back to pending. */
  | { status: 'requeue' }
  | { status: 'lease-lost' };

export interface Job {
  task: TaskRow;
  order: OrderRow;
  /** Saves part of the task's state at once (fenced on the lease). */
  save(state: Record<string, unknown>): Promise<void>;
  setOrder(fields: Partial<Pick<OrderRow, 'tenant_id' | 'customer_id' | 'credentials' | 'admin_access'>>): Promise<void>;
}

export interface HandlerContext {
  db: Db;
  gateway: PartnerCenterGateway;
  resellers: ReadonlyMap<string, ResellerConfig>;
  /** How often to look again at something that takes a while, at Partner Center's pace (scaled for the simulator). */
  pollMs(seconds: number): number;
  /** The current Microsoft Customer Agreement's template id. */
  agreementTemplateId(): Promise<string>;
  /** Encrypts the new tenant's administrator credentials before they are stored. */
  credentials: CredentialsVault;
}

type Handler = (job: Job, ctx: HandlerContext) => Promise<Outcome>;

/** The request id saved under `name`, made and saved first when the task has none yet. */
async function requestId(job: Job, name: string): Promise<string> {
  const saved = job.task.state[name];
  if (typeof saved === 'string') return saved;
  const id = crypto.randomUUID();
  await job.save({ [name]: id });
  return id;
}

function call(job: Job, id?: string): CallContext {
  return { requestId: id, correlationId: job.order.correlation_id };
}

function reseller(job: Job, ctx: HandlerContext): ResellerConfig {
  const found = ctx.resellers.get(job.order.reseller_id);
  if (!found) throw new Error(`The reseller ${job.order.reseller_id} is no longer configured.`);
  return found;
}

/** Keeps the store's customer record in step with a Partner Center customer. */
async function recordCustomer(ctx: HandlerContext, job: Job, customer: PcCustomer, country: string | undefined): Promise<string> {
  const [row] = await ctx.db.query<{ id: string }>(
    `INSERT INTO customers (reseller_id, id, company_name, default_domain, country, tenant_id)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (reseller_id, lower(default_domain)) DO UPDATE SET tenant_id = EXCLUDED.tenant_id
     RETURNING id`,
    [job.order.reseller_id, `cst-${randomHex(6)}`, customer.companyName || job.order.recipient.companyName, customer.domain.toLowerCase(), country ?? null, customer.id],
  );
  return row!.id;
}

/** The order's Microsoft tenant, found by its domain the first time a task needs it. */
async function tenantOf(job: Job, ctx: HandlerContext): Promise<string> {
  if (job.order.tenant_id) return job.order.tenant_id;
  const domain = job.order.recipient.kind === 'internal' ? reseller(job, ctx).domain : job.order.recipient.domain;
  const customer = domain ? await ctx.gateway.findCustomerByDomain(domain, call(job)) : undefined;
  if (!customer) throw new GatewayError('not-found', `Partner Center has no customer with the domain ${domain}.`);
  await job.setOrder({ tenant_id: customer.id });
  if (job.order.customer_id) await ctx.db.query('UPDATE customers SET tenant_id = $3 WHERE reseller_id = $1 AND id = $2', [job.order.reseller_id, job.order.customer_id, customer.id]);
  return customer.id;
}

async function cultureOf(ctx: HandlerContext, country: string): Promise<{ culture: string; language: string }> {
  const { defaultCulture } = await ctx.gateway.countryRules(country);
  return { culture: defaultCulture, language: defaultCulture.split('-')[0]! };
}

const createTenant: Handler = async (job, ctx) => {
  const request = job.order.request as OrderRequest;
  if (request.recipient.kind !== 'new') throw new Error('create-tenant needs a new customer');
  const { company } = request.recipient;
  const prefix = String(job.task.params.prefix);
  const domain = `${prefix}.onmicrosoft.com`;
  let created: { id: string; domain: string; companyName: string; userName?: string; password?: string };
  try {
    created = await ctx.gateway.createCustomer(
      {
        domainPrefix: prefix,
        companyName: company.companyName,
        address: { country: company.address.country, addressLine1: company.address.line1, addressLine2: company.address.line2, city: company.address.city, state: company.address.state, postalCode: company.address.postalCode },
        contact: company.contact,
        // The country's own culture, as Partner Center's rules give it; the language follows it.
        ...(await cultureOf(ctx, company.address.country)),
        associatedPartnerId: reseller(job, ctx).partnerId,
      },
      call(job, await requestId(job, 'createRequestId')),
    );
  } catch (error) {
    // A repeat that Partner Center did not recognise finds the domain in use: by our own
    // earlier attempt when the customer is there under this company name.
    if (!isGatewayError(error) || error.status !== 409) throw error;
    const existing = await ctx.gateway.findCustomerByDomain(domain, call(job));
    if (!existing || existing.companyName !== company.companyName) throw error;
    created = existing;
  }
  const customerId = await recordCustomer(ctx, job, { id: created.id, companyName: company.companyName, domain }, company.address.country);
  await job.setOrder({
    tenant_id: created.id,
    customer_id: customerId,
    // Partner Center shows the first administrator's password once: it is kept, encrypted, for the order's completed snapshot.
    ...(created.userName && created.password ? { credentials: ctx.credentials.seal(job.order.id, { userName: created.userName, temporaryPassword: created.password }) } : {}),
  });
  return { status: 'succeeded', detail: `Tenant ${domain} created.` };
};

const linkReseller: Handler = async (job, ctx) => {
  const customer = await ctx.gateway.getCustomer(await tenantOf(job, ctx), call(job));
  const partnerId = reseller(job, ctx).partnerId;
  if (partnerId && customer.associatedPartnerId && customer.associatedPartnerId !== partnerId) {
    return { status: 'failed', detail: 'Partner Center associates this customer with another reseller.', retryable: false };
  }
  return { status: 'succeeded', detail: `${reseller(job, ctx).name} is the customer’s reseller.` };
};

const acceptRelationship: Handler = async (job, ctx) => {
  const domain = String(job.task.params.domain);
  const customer = await ctx.gateway.findCustomerByDomain(domain, call(job));
  if (customer) {
    const request = job.order.request as OrderRequest;
    const country = request.recipient.kind === 'new' ? request.recipient.company.address.country : undefined;
    const customerId = await recordCustomer(ctx, job, customer, country);
    await job.setOrder({ tenant_id: customer.id, customer_id: customerId });
    return { status: 'succeeded', detail: 'Accepted by the customer.' };
  }
  let url = job.task.state.url;
  if (typeof url !== 'string') {
    url = await ctx.gateway.relationshipRequestUrl(call(job));
    await job.save({ url });
  }
  return {
    status: 'action-required',
    actionUrl: url as string,
    detail: `Send this link to a global administrator of ${job.order.recipient.companyName}: they sign in and accept ${reseller(job, ctx).name} as their reseller.`,
    recheckMs: ctx.pollMs(5),
  };
};

/** Waits for the customer's acceptance on Microsoft's page, then records the agreement for the tenant. */
async function recordAcceptedAgreement(job: Job, ctx: HandlerContext, acceptanceId: string): Promise<Outcome> {
  const [row] = await ctx.db.query<AcceptanceRow>('SELECT * FROM agreement_acceptances WHERE id = $1', [acceptanceId]);
  if (!row) return { status: 'failed', detail: 'The acceptance request of this order no longer exists.', retryable: false };
  const { firstName, lastName, email } = row.signatory ?? { firstName: '', lastName: '', email: '' };
  let acceptedAt = row.accepted_at ? new Date(row.accepted_at).toISOString() : undefined;
  if (!acceptedAt) {
    const link = await ctx.gateway.getAcceptanceRequest(row.microsoft_id, call(job));
    if (link.url !== row.url || link.status === 'accepted') {
      await ctx.db.query('UPDATE agreement_acceptances SET url = $2, expires_at = $3, accepted_at = $4 WHERE id = $1', [row.id, link.url, link.expiresAt, link.status === 'accepted' ? (link.acceptedAt ?? new Date().toISOString()) : null]);
      await notifyAcceptance(ctx.db, row.id);
    }
    if (link.status !== 'accepted') {
      const live = Date.parse(link.expiresAt) > Date.now();
      return {
        status: 'action-required',
        ...(live ? { actionUrl: link.url } : {}),
        detail: live
          ? `Waiting for ${firstName} ${lastName} (${email}) to accept the agreement for ${row.company.name}: send them this link.`
          : `The acceptance link expired on ${link.expiresAt}. Generate a new one and send it to ${firstName} ${lastName}.`,
        recheckMs: ctx.pollMs(3),
      };
    }
    acceptedAt = link.acceptedAt ?? new Date().toISOString();
  }
  await ctx.gateway.createAgreement(
    await tenantOf(job, ctx),
    { templateId: await ctx.agreementTemplateId(), firstName, lastName, email, dateAgreed: acceptedAt.slice(0, 10) },
    call(job, await requestId(job, 'agreementRequestId')),
  );
  await ctx.db.query('UPDATE agreement_acceptances SET recorded_at = coalesce(recorded_at, now()) WHERE id = $1', [row.id]);
  await notifyAcceptance(ctx.db, row.id);
  if (job.order.customer_id) {
    await ctx.db.query('UPDATE customers SET agreement_on_file = true WHERE reseller_id = $1 AND id = $2', [job.order.reseller_id, job.order.customer_id]);
  }
  return { status: 'succeeded', detail: `Accepted by ${firstName} ${lastName} (${email}); recorded for ${row.company.name}.` };
}

const recordAgreement: Handler = (job, ctx) => recordAcceptedAgreement(job, ctx, String(job.task.params.acceptanceId));

const REVIEW_DETAIL =
  'Microsoft is verifying the new customer’s details. This usually takes one to two business days. You can close this page: the subscriptions are created when the review is done.';

const createSubscription: Handler = async (job, ctx) => {
  const tenant = await tenantOf(job, ctx);
  const line = job.task.params as unknown as NewSubscriptionLine;
  let pcOrderId = job.task.state.pcOrderId as string | undefined;
  if (!pcOrderId) {
    let cartId = job.task.state.cartId as string | undefined;
    if (!cartId) {
      ({ cartId } = await ctx.gateway.createCart(
        tenant,
        [{ catalogItemId: line.productId, quantity: line.quantity, termDuration: line.term, billingCycle: line.billing, customTermEndDate: line.endDate }],
        call(job, await requestId(job, 'cartRequestId')),
      ));
      await job.save({ cartId });
    }
    try {
      pcOrderId = (await ctx.gateway.checkout(tenant, cartId, call(job, await requestId(job, 'checkoutRequestId')))).id;
    } catch (error) {
      if (!isGatewayError(error)) throw error;
      if (error.kind === 'under-review') return reviewFirst(job, ctx);
      if (error.kind === 'agreement-missing') {
        if (job.order.customer_id) await ctx.db.query('UPDATE customers SET agreement_on_file = false WHERE reseller_id = $1 AND id = $2', [job.order.reseller_id, job.order.customer_id]);
        return {
          status: 'failed',
          detail: 'Microsoft requires the customer’s acceptance of the Microsoft Customer Agreement before this purchase (Partner Center error 13605). Record the acceptance and place the order again.',
          retryable: false,
        };
      }
      if (error.kind === 'duplicate-submission') {
        // Partner Center already took this purchase: adopt that order instead of buying twice.
        const since = new Date(job.order.created_at).getTime();
        const earlier = (await ctx.gateway.listOrders(tenant, call(job))).find(
          (o) => o.lineItems.some((l) => l.offerId === line.productId && l.quantity === line.quantity) && (!o.creationDate || Date.parse(o.creationDate) >= since),
        );
        if (!earlier) return { status: 'failed', detail: `Partner Center refused the purchase as a duplicate (error ${error.code}).`, retryable: true };
        pcOrderId = earlier.id;
      } else {
        throw error;
      }
    }
    await job.save({ pcOrderId });
  }
  const pcOrder = await ctx.gateway.getOrder(tenant, pcOrderId, call(job));
  if (pcOrder.status === 'completed') {
    await job.save({ subscriptionIds: pcOrder.subscriptionIds });
    const subscriptionId = pcOrder.subscriptionIds[0];
    // New subscriptions renew unless the line said otherwise; Partner Center sets it after provisioning.
    if (line.autoRenew === false && subscriptionId) {
      await ctx.gateway.updateSubscription(tenant, subscriptionId, { autoRenewEnabled: false }, call(job, await requestId(job, 'renewalRequestId')));
    }
    const renewal = line.autoRenew === false ? ' and will not renew' : '';
    return { status: 'succeeded', detail: subscriptionId ? `Subscription ${subscriptionId} is active${renewal}.` : `The subscription is active${renewal}.` };
  }
  if (pcOrder.status === 'cancelled') return { status: 'failed', detail: 'Partner Center cancelled the purchase.', retryable: true };
  return { status: 'running', recheckMs: ctx.pollMs(2) };
};

/**
 * Seats added to a subscription: the new total is worked out once and saved before Partner
 * Center is asked, so a repeat sets the same total instead of adding the seats twice.
 */
const addSeats: Handler = async (job, ctx) => {
  const tenant = await tenantOf(job, ctx);
  const line = job.task.params as unknown as AddSeatsLine;
  let target = job.task.state.targetQuantity as number | undefined;
  if (target === undefined) {
    const subscription = (await ctx.gateway.listSubscriptions(tenant, call(job))).find((s) => s.id === line.subscriptionId);
    if (!subscription) return { status: 'failed', detail: `Partner Center has no subscription ${line.subscriptionId} for this customer.`, retryable: false };
    target = subscription.quantity + line.quantity;
    await job.save({ targetQuantity: target });
  }
  await ctx.gateway.updateSubscription(tenant, line.subscriptionId, { quantity: target }, call(job, await requestId(job, 'seatsRequestId')));
  await job.save({ subscriptionId: line.subscriptionId });
  return { status: 'succeeded', detail: `Subscription ${line.subscriptionId} now has ${target} seats.` };
};

/** Puts a "Microsoft reviews the new customer" task in front of this one, once. */
async function reviewFirst(job: Job, ctx: HandlerContext): Promise<Outcome> {
  const inserted = await ctx.db.transaction(async (tx) => {
    const exists = await tx.query(`SELECT 1 FROM tasks WHERE order_id = $1 AND kind = 'review-customer'`, [job.order.id]);
    if (exists.length) return false;
    // Two steps, so the primary key never sees two tasks at one position.
    await tx.query('UPDATE tasks SET position = -position - 1 WHERE order_id = $1 AND position >= $2', [job.order.id, job.task.position]);
    await tx.query('UPDATE tasks SET position = -position WHERE order_id = $1 AND position < 0', [job.order.id]);
    await tx.query(
      `INSERT INTO tasks (order_id, position, id, kind, label, status, detail, started_at, run_at)
       VALUES ($1, $2, 'task-review', 'review-customer', 'Microsoft reviews the new customer', 'waiting', $3, now(), now() + make_interval(secs => $4))`,
      [job.order.id, job.task.position, REVIEW_DETAIL, ctx.pollMs(10) / 1000],
    );
    return true;
  });
  return inserted ? { status: 'requeue' } : { status: 'waiting', detail: REVIEW_DETAIL, recheckMs: ctx.pollMs(10) };
}

const reviewCustomer: Handler = async (job, ctx) => {
  const status = await ctx.gateway.reviewStatus(await tenantOf(job, ctx), call(job));
  if (status === 'approved') return { status: 'succeeded', detail: 'Microsoft approved the new customer.' };
  return { status: 'waiting', detail: REVIEW_DETAIL, recheckMs: ctx.pollMs(10) };
};

/** Creates the task's GDAP relationship once (its id saved), then reads where it stands. */
async function relationship(job: Job, ctx: HandlerContext, roleIds: string[], duration: string, autoExtend: boolean, name: string) {
  const saved = job.task.state.relationshipId;
  if (typeof saved === 'string') return ctx.gateway.getAdminRelationship(saved, call(job));
  const created = await ctx.gateway.createAdminRelationship(
    // Graph wants display names unique per partner: the order and the task make it so.
    { customerTenantId: await tenantOf(job, ctx), displayName: `${job.order.id}-${name}`, roleIds, duration, autoExtend },
    call(job, await requestId(job, 'relationshipRequestId')),
  );
  await job.save({ relationshipId: created.id });
  return created;
}

const grantDefaultRoles: Handler = async (job, ctx) => {
  const granted = await relationship(job, ctx, defaultAdminRoles.map((r) => r.id), 'P730D', false, 'default-roles');
  if (granted.status === 'active') return { status: 'succeeded', detail: `Granted: ${defaultAdminRoles.map((r) => r.name).join(', ')}.` };
  if (granted.status === 'expired' || granted.status === 'terminated') return { status: 'failed', detail: 'Microsoft did not grant the default admin roles.', retryable: true };
  return { status: 'running', recheckMs: ctx.pollMs(2) };
};

const approveAdminAccess: Handler = async (job, ctx) => {
  const request = job.task.params as unknown as AdminAccessRequest;
  const template = findTemplate(request.templateId);
  if (!template) return { status: 'failed', detail: `The role template “${request.templateId}” no longer exists.`, retryable: false };
  const found = await relationship(job, ctx, template.roles.map((r) => r.id), request.duration, request.autoExtend, template.id);
  const status = found.status === 'created' ? 'approval-pending' : found.status;
  await job.setOrder({
    admin_access: { status, roles: template.roles, templateId: template.id, duration: request.duration, autoExtend: request.autoExtend, ...(status === 'approval-pending' ? { approvalUrl: found.approvalUrl } : {}) },
  });
  const days = Number(request.duration.slice(1, -1));
  if (status === 'active') {
    return { status: 'succeeded', detail: `Approved: ${template.name} is active for ${days} days${request.autoExtend ? ', then extends by 180 days at a time' : ''}.` };
  }
  if (status !== 'approval-pending') return { status: 'failed', detail: `The admin-access request is ${status}.`, retryable: true };
  return {
    status: 'action-required',
    actionUrl: found.approvalUrl,
    detail:
      `Send this link to a Global Administrator of ${job.order.recipient.companyName}: they approve ${template.roles.map((r) => r.name).join(', ')} ` +
      `for ${days} days in the Microsoft 365 admin center. This is not the reseller relationship link.`,
    recheckMs: ctx.pollMs(3),
  };
};

const notPlanned: Handler = async () => ({ status: 'failed', detail: 'This store does not run this kind of task.', retryable: false });

export const handlers: Record<TaskKind, Handler> = {
  'create-tenant': createTenant,
  'link-reseller': linkReseller,
  'accept-relationship': acceptRelationship,
  'record-agreement': recordAgreement,
  'review-customer': reviewCustomer,
  'create-subscription': createSubscription,
  'add-seats': addSeats,
  'grant-default-roles': grantDefaultRoles,
  'approve-admin-access': approveAdminAccess,
};
