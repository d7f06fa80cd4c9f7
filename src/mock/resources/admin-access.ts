/**
 * Admin access (GDAP): `GET /admin-access/templates`, the order's `adminAccess` rules, and
 * the tasks it gives. A request is approved on the page the mock serves in the Microsoft 365
 * admin center's place (`microsoft-pages.ts`).
 *
 * Test value: the `defaultRolesOptOut: false` option is a store that does not let the
 * reseller opt a new tenant out of the default roles.
 */
import type { AdminAccessStatus, AdminAccessTemplates, FieldError, Order, OrderRequest } from '../../api/schemas.js';
import { defaultAdminRoles, roleTemplates } from '../data.js';
import { json, randomHex } from '../http.js';
import type { PlannedTask } from '../provisioning.js';
import type { Route } from '../router.js';
import { notify, type ApprovalRecord, type MockState } from '../state.js';

/** An unapproved GDAP request expires after 90 days, as Partner Center's do. */
const APPROVAL_DAYS = 90;
const DAY_MS = 24 * 3600_000;

export function adminAccessRoutes(state: MockState): Route[] {
  return [{ path: '/admin-access/templates', methods: { GET: () => json(templates(state)) } }];
}

function templates(state: MockState): AdminAccessTemplates {
  return {
    templates: [...roleTemplates],
    defaultRoles: { roles: [...defaultAdminRoles], optOutAllowed: state.settings.defaultRolesOptOut },
  };
}

/** What the order's `adminAccess` breaks, for its kind of recipient. */
export function adminAccessErrors(state: MockState, order: OrderRequest): FieldError[] {
  const access = order.adminAccess;
  if (!access) return [];
  const errors: FieldError[] = [];
  const recipient = order.recipient;
  const newTenant = recipient.kind === 'new' && recipient.tenant.kind === 'new';
  if (access.defaultRoles !== undefined && !newTenant) {
    errors.push({ field: 'adminAccess.defaultRoles', message: 'Only a tenant this order creates gets default roles; request admin access instead.' });
  } else if (access.defaultRoles === false && !state.settings.defaultRolesOptOut) {
    errors.push({ field: 'adminAccess.defaultRoles', message: 'This store does not allow opting out of the default admin roles.' });
  }
  const request = access.request;
  if (!request) return errors;
  if (recipient.kind === 'internal' || newTenant) {
    errors.push({
      field: 'adminAccess.request',
      message: recipient.kind === 'internal' ? 'Your own organization needs no admin-access request.' : 'A new tenant gets the default roles; requests are for existing tenants.',
    });
    return errors;
  }
  const template = roleTemplates.find((t) => t.id === request.templateId);
  if (!template) {
    errors.push({ field: 'adminAccess.request.templateId', message: `No role template “${request.templateId}”; use one of ${roleTemplates.map((t) => t.id).join(', ')}.` });
  } else if (template.includesGlobalAdministrator && request.autoExtend) {
    errors.push({ field: 'adminAccess.request.autoExtend', message: `“${template.name}” includes Global Administrator, which Microsoft does not let auto-extend.` });
  }
  return errors;
}

/** The order's GDAP task, if it gets one, with its approval record when it is a request. */
export function adminAccessTask(
  state: MockState,
  order: OrderRequest,
  orderId: string,
  companyName: string,
  pageBase: string,
): { task: Omit<PlannedTask, 'id'>; summary?: () => NonNullable<Order['adminAccess']> } | undefined {
  const access = order.adminAccess;
  if (access?.defaultRoles) {
    return {
      task: {
        kind: 'grant-default-roles',
        label: 'Grant the default admin roles (GDAP)',
        behaviour: 'work',
        seconds: 4,
        doneDetail: `Granted: ${defaultAdminRoles.map((r) => r.name).join(', ')}.`,
      },
    };
  }
  const request = access?.request;
  const template = request && roleTemplates.find((t) => t.id === request.templateId);
  if (!request || !template) return undefined;
  const approval: ApprovalRecord = {
    id: `gdap_${randomHex(8)}`,
    orderId,
    companyName,
    template,
    days: Number(request.duration.slice(1, -1)),
    autoExtend: request.autoExtend,
    pageBase,
    createdAt: Date.now(),
  };
  state.approvals.set(approval.id, approval);
  const extend = approval.autoExtend ? ', then extends by 180 days at a time' : '';
  return {
    task: {
      kind: 'approve-admin-access',
      label: `Customer approves admin access (GDAP): ${template.name}`,
      behaviour: 'await',
      seconds: 3,
      doneDetail: `Approved: ${template.name} is active for ${approval.days} days${extend}.`,
      awaits: {
        actedAt: () => approval.approvedAt,
        url: () => (approvalStatus(approval) === 'approval-pending' ? approvalUrl(approval) : undefined),
        detail: () =>
          approvalStatus(approval) === 'expired'
            ? `The request expired unapproved after ${APPROVAL_DAYS} days.`
            : `Send this link to a Global Administrator of ${companyName}: they approve ${template.roles.map((r) => r.name).join(', ')} ` +
              `for ${approval.days} days in the Microsoft 365 admin center. This is not the reseller relationship link.`,
      },
    },
    summary: () => {
      const status = approvalStatus(approval);
      return {
        status,
        roles: template.roles,
        templateId: template.id,
        duration: request.duration,
        autoExtend: request.autoExtend,
        ...(status === 'approval-pending' ? { approvalUrl: approvalUrl(approval) } : {}),
      };
    },
  };
}

export function approvalStatus(approval: ApprovalRecord, now = Date.now()): AdminAccessStatus {
  if (approval.approvedAt !== undefined) {
    const end = approval.approvedAt + approval.days * DAY_MS;
    return now < end || approval.autoExtend ? 'active' : 'expired';
  }
  return now < approval.createdAt + APPROVAL_DAYS * DAY_MS ? 'approval-pending' : 'expired';
}

export function approvalUrl(approval: ApprovalRecord): string {
  return `${approval.pageBase}/microsoft/admin-relationships/${approval.id}`;
}

/** The page's Approve. */
export function approve(state: MockState, approval: ApprovalRecord): void {
  if (approval.approvedAt !== undefined) return;
  approval.approvedAt = Date.now();
  notify(state);
}
