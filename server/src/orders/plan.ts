/**
 * The provisioning tasks of an order, in the order they run. The list is the store's, not
 * the mock's: each task is one job that talks to Partner Center (see jobs/handlers.ts).
 */
import type { AddSeatsLine, OrderRequest, TaskKind } from '../../../src/api/schemas.js';
import { findTemplate } from '../admin-access.js';
import type { ResellerConfig } from '../config.js';
import type { Priced } from './pricing.js';

export interface PlannedTask {
  kind: TaskKind;
  label: string;
  /** Seconds the task usually takes at Partner Center (scaled for the simulator). */
  seconds: number;
  params: Record<string, unknown>;
}

/** Typical durations at Partner Center, seconds. */
export const TASK_SECONDS: Record<TaskKind, number> = {
  'create-tenant': 20,
  'link-reseller': 1,
  'accept-relationship': 30,
  'record-agreement': 5,
  'accept-agreement': 30,
  'review-customer': 0,
  'create-subscription': 12,
  'add-seats': 6,
  'grant-default-roles': 4,
  'approve-admin-access': 30,
};

/** `acceptanceId`: the acceptance request whose agreement the order records, when it needs one. */
export function planTasks(
  order: OrderRequest,
  priced: Priced[],
  reseller: ResellerConfig,
  domain: string | undefined,
  acceptanceId: string | undefined,
  seatsLabel: (line: AddSeatsLine) => string,
): PlannedTask[] {
  const tasks: PlannedTask[] = [];
  const add = (kind: TaskKind, label: string, params: Record<string, unknown> = {}) => tasks.push({ kind, label, seconds: TASK_SECONDS[kind], params });
  const recipient = order.recipient;
  if (recipient.kind === 'new' && recipient.tenant.kind === 'new') {
    add('create-tenant', `Create tenant ${domain}`, { prefix: recipient.tenant.prefix.toLowerCase() });
    add('link-reseller', `Link ${reseller.name} as the reseller`);
    if (order.adminAccess?.defaultRoles) add('grant-default-roles', 'Grant the default admin roles (GDAP)');
  }
  if (recipient.kind === 'new' && recipient.tenant.kind === 'existing') {
    add('accept-relationship', 'Customer accepts the reseller relationship', { domain });
  }
  if (recipient.kind !== 'internal' && order.agreement) {
    add('record-agreement', 'Record the Microsoft Customer Agreement acceptance', { agreement: order.agreement });
  } else if (recipient.kind !== 'internal' && acceptanceId) {
    add('record-agreement', 'Record the Microsoft Customer Agreement', { acceptanceId });
  }
  priced.forEach(({ line, product }, index) => {
    if (line.kind === 'add-seats') add('add-seats', seatsLabel(line), { index, ...line });
    else add('create-subscription', `Create subscription: ${product.name} × ${line.quantity}`, { index, ...line });
  });
  // Last, so the subscriptions never wait on the customer's administrator.
  const request = order.adminAccess?.request;
  const template = request && findTemplate(request.templateId);
  if (request && template) add('approve-admin-access', `Customer approves admin access (GDAP): ${template.name}`, { ...request });
  return tasks;
}
