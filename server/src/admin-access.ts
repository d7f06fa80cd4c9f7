/**
 * Admin access (GDAP): the role templates a reseller may request, the default roles of a new
 * tenant, and what an order's `adminAccess` may ask for whom.
 */
import type { AdminAccessTemplates, FieldError, OrderRequest, RoleTemplate } from '../../src/api/schemas.js';
import { defaultAdminRoles, roleTemplates } from '../../src/mock/data.js';
import type { StoreRules } from './config.js';

export { defaultAdminRoles };

export function templates(rules: StoreRules): AdminAccessTemplates {
  return { templates: [...roleTemplates], defaultRoles: { roles: [...defaultAdminRoles], optOutAllowed: rules.defaultRolesOptOut } };
}

export function findTemplate(id: string): RoleTemplate | undefined {
  return roleTemplates.find((t) => t.id === id);
}

/** What the order's `adminAccess` breaks: default roles are for tenants the order creates, requests for the others. */
export function adminAccessErrors(order: OrderRequest, rules: StoreRules): FieldError[] {
  const access = order.adminAccess;
  if (!access) return [];
  const recipient = order.recipient;
  const creates = recipient.kind === 'new' && recipient.tenant.kind === 'new';
  const errors: FieldError[] = [];
  if (access.defaultRoles !== undefined && !creates) {
    errors.push({ field: 'adminAccess.defaultRoles', message: 'Default roles come with a tenant this order creates; ask an existing tenant with a request.' });
  } else if (access.defaultRoles === false && !rules.defaultRolesOptOut) {
    errors.push({ field: 'adminAccess.defaultRoles', message: 'This store gives every new tenant the default admin roles; opting out is not allowed.' });
  }
  const request = access.request;
  if (!request) return errors;
  if (recipient.kind === 'internal' || creates) {
    const why = recipient.kind === 'internal' ? 'Your own organization needs no admin-access request.' : 'A tenant this order creates gets the default roles instead of a request.';
    return [...errors, { field: 'adminAccess.request', message: why }];
  }
  const template = findTemplate(request.templateId);
  if (!template) {
    errors.push({ field: 'adminAccess.request.templateId', message: `Unknown role template “${request.templateId}”. Known: ${roleTemplates.map((t) => t.id).join(', ')}.` });
  } else if (template.includesGlobalAdministrator && request.autoExtend) {
    errors.push({ field: 'adminAccess.request.autoExtend', message: `Microsoft does not auto-extend access that includes Global Administrator (“${template.name}”).` });
  }
  return errors;
}
