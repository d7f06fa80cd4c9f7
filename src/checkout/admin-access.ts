/**
 * Admin access (GDAP) in the checkout: the reseller's choice as typed, and the order's
 * `adminAccess` it becomes. Pure.
 *
 * A tenant the order creates gets the store's default roles unless the reseller opts out,
 * which only a store with `optOutAllowed` accepts. For an existing tenant (a new customer who
 * has one, or an existing customer) the reseller relationship grants no roles: the reseller
 * may ask for them, approved by the customer's Global Administrator at a link.
 */
import type { AdminAccessChoice, AdminAccessTemplates, RoleTemplate } from '../api/schemas.js';
import type { FieldErrors } from './validate.js';

export { emptyAdminAccess } from './empty-drafts.js';

export interface AdminAccessDraft {
  /** New tenant: grant the default roles (only `false` where the store allows opting out). */
  defaultRoles: boolean;
  /** Existing tenant or customer: ask for admin access with this order. */
  request: boolean;
  templateId: string;
  /** The relationship's length in whole days (1–730). */
  days: number;
  /** Extend by 180 days at the end; never with Global Administrator. */
  autoExtend: boolean;
}
export type AdminAccessField = 'templateId' | 'autoExtend';

/** The lengths offered, in days: Microsoft allows 1 day to 2 years. */
export const ADMIN_ACCESS_DAYS = [30, 90, 180, 365, 730] as const;

/** What the order can carry for this recipient: default roles for a tenant it creates, a request for one that exists. */
export type AdminAccessTarget = 'new-tenant' | 'existing-tenant' | 'none';

export function templateOf(templates: AdminAccessTemplates | undefined, id: string): RoleTemplate | undefined {
  return templates?.templates.find((t) => t.id === id);
}

export function validateAdminAccess(draft: AdminAccessDraft, templates: AdminAccessTemplates | undefined, target: AdminAccessTarget): FieldErrors<AdminAccessField> {
  if (target !== 'existing-tenant' || !draft.request) return {};
  const template = templateOf(templates, draft.templateId);
  if (!template) return { templateId: 'required' };
  return draft.autoExtend && template.includesGlobalAdministrator ? { autoExtend: 'auto-extend-global-admin' } : {};
}

/** The order's `adminAccess`, or undefined when it carries none (nothing asked, or the templates unknown). */
export function adminAccessChoice(draft: AdminAccessDraft, templates: AdminAccessTemplates | undefined, target: AdminAccessTarget): AdminAccessChoice | undefined {
  if (!templates) return undefined;
  if (target === 'new-tenant') return { defaultRoles: draft.defaultRoles || !templates.defaultRoles.optOutAllowed };
  if (target !== 'existing-tenant' || !draft.request) return undefined;
  if (Object.keys(validateAdminAccess(draft, templates, target)).length) return undefined;
  return { request: { templateId: draft.templateId, duration: `P${draft.days}D`, autoExtend: draft.autoExtend } };
}
