/**
 * The provisioning tasks an order gets, by recipient and by the test values in the company
 * name (`Fail`, `Slow`, `Review`). `provisioning.ts` then runs them in simulated time.
 */
import type { Customer, Order, OrderRequest, TaskKind } from '../../api/schemas.js';
import { catalog, reseller } from '../data.js';
import type { PlannedTask } from '../provisioning.js';
import type { AcceptanceRecord, MockState } from '../state.js';
import { recordAgreementTask } from './agreement-acceptances.js';
import { addSeatsLabel } from './subscriptions.js';

/** The reseller's (fictional) Partner Center id, in relationship invitation links. */
const RESELLER_PARTNER_ID = '8f2d5c1a-93b7-4e06-a1d4-7c5e9b3f0a28';

/** Whether the order's recipient still has to accept the Microsoft Customer Agreement. */
export function needsAgreement(recipient: OrderRequest['recipient'], customer: Customer | undefined): boolean {
  return recipient.kind === 'new' || (customer !== undefined && !customer.agreementOnFile);
}

export interface TaskPlan {
  /**
   * For a retry on a tenant a failed order created, the task kinds that order already got
   * done (create-tenant, link-reseller, record-agreement, …). They are left out, not shown as
   * succeeded again: the retry did not do them, and its task list says what this order does,
   * which is creating the subscriptions.
   */
  done?: ReadonlySet<TaskKind>;
  /** The acceptance request the order references, when the recipient needs the agreement. */
  acceptance?: AcceptanceRecord;
  /** The order's GDAP task: default roles right after the tenant exists, a request's approval last. */
  adminAccess?: Omit<PlannedTask, 'id'>;
}

/** The order's tasks. */
export function planTasks(
  state: MockState,
  order: OrderRequest,
  summary: Order['recipient'],
  customer: Customer | undefined,
  { done = new Set(), acceptance, adminAccess }: TaskPlan = {},
): PlannedTask[] {
  const name = summary.companyName;
  const slow = name.includes('Slow') ? 10 : 1;
  const tasks: Omit<PlannedTask, 'id'>[] = [];
  const recipient = order.recipient;

  if (recipient.kind === 'new' && recipient.tenant.kind === 'new') {
    tasks.push(
      {
        kind: 'create-tenant',
        label: `Create tenant ${summary.domain}`,
        behaviour: 'work',
        seconds: 20,
        activeDetail: 'Microsoft is creating the tenant and its first administrator.',
      },
      { kind: 'link-reseller', label: `Link ${reseller.companyName} as the reseller`, behaviour: 'work', seconds: 8 },
    );
    if (adminAccess?.kind === 'grant-default-roles') tasks.push(adminAccess);
  }
  if (recipient.kind === 'new' && recipient.tenant.kind === 'existing') {
    tasks.push({
      kind: 'accept-relationship',
      label: 'Customer accepts the reseller relationship',
      behaviour: 'action',
      seconds: 30,
      activeDetail: `Send this link to a global administrator of ${name}: they sign in and accept ${reseller.companyName} as their reseller.`,
      doneDetail: 'Accepted by the customer.',
      actionUrl: `https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=${RESELLER_PARTNER_ID}&msppId=0#/BillingAccounts/partner-invitation`,
    });
  }
  if (recipient.kind !== 'internal') {
    if (order.agreement) {
      tasks.push({
        kind: 'record-agreement',
        label: 'Record the Microsoft Customer Agreement acceptance',
        behaviour: 'work',
        seconds: 5,
        doneDetail: `Accepted by ${order.agreement.firstName} ${order.agreement.lastName} on ${order.agreement.dateAccepted}.`,
      });
    } else if (acceptance) {
      tasks.push(recordAgreementTask(acceptance));
    } else if (needsAgreement(recipient, customer) && state.settings.agreementMode === 'customer-accepts') {
      tasks.push({
        kind: 'accept-agreement',
        label: 'Customer accepts the Microsoft Customer Agreement',
        behaviour: 'action',
        seconds: 25,
        activeDetail: `Send this link to a person authorised to sign for ${name}: they sign in and accept the agreement.`,
        doneDetail: 'Accepted by the customer.',
        actionUrl: 'https://admin.microsoft.com/Adminportal/Home#/BillingAccounts/agreements',
      });
    }
  }
  if (recipient.kind === 'new' && name.includes('Review')) {
    tasks.push({
      kind: 'review-customer',
      label: 'Microsoft reviews the new customer',
      behaviour: 'hold',
      seconds: 0,
      activeDetail:
        'Microsoft is verifying the new customer’s details. This usually takes one to two business days. You can close this page: the subscriptions are created when the review is done.',
    });
  }
  // `Fail` fails only the first order of that company in the instance, so "Try again" succeeds.
  const fail = name.includes('Fail') && !state.companiesOrdered.has(name);
  order.lines.forEach((line, i) => {
    const product = catalog.products.find((p) => p.id === line.productId)!;
    tasks.push({
      ...(line.kind === 'add-seats'
        ? { kind: 'add-seats' as const, label: addSeatsLabel(state, recipient, line) }
        : { kind: 'create-subscription' as const, label: `Create subscription: ${product.name} × ${line.quantity}` }),
      behaviour: fail && i === 0 ? 'fail' : 'work',
      seconds: 12,
      doneDetail:
        fail && i === 0
          ? 'Microsoft declined the subscription: the offer is temporarily unavailable for this tenant (error 800002).'
          : undefined,
    });
  });
  // Last, so that the subscriptions never wait on the customer's administrator.
  if (adminAccess?.kind === 'approve-admin-access') tasks.push(adminAccess);
  return tasks
    .filter((task) => task.kind === 'create-subscription' || task.kind === 'add-seats' || !done.has(task.kind))
    .map((task, i) => ({ ...task, id: `task-${i + 1}`, seconds: task.seconds * slow }));
}
