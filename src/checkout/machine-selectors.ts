/**
 * The checkout machine's selectors (see `machine.ts`): what the state means for the steps,
 * the navigation guard and the requests sent, and the summaries the review shows. Pure.
 */
import { check } from '../api/check.js';
import * as checks from '../api/checks.gen.js';
import type { OrderRequest, AcceptanceRequest, AdminAccessRequest, AdminRole, OrderLineInput, QuoteRequest, Recipient } from '../api/schemas.js';
import { adminAccessChoice, templateOf, validateAdminAccess, type AdminAccessTarget } from './admin-access.js';
import type { CheckoutState, RecipientKind, Step } from './machine-state.js';
import { linesWithChoices, type RecipientSubscriptions } from './machine-lines.js';
import { agreementNeeded, isEditable, orderPhase, stepsFor } from './machine-steps.js';
import {
  hasErrors,
  normalizeDomain,
  toCompanyDetails,
  validateAcceptance,
  validateCompany,
  validateLines,
  validateTenant,
  type FieldErrors,
} from './validate.js';

// ---------------------------------------------------------------------------------------
// Selectors

export { agreementNeeded, isEditable, orderPhase, shownSteps, stepsFor, type OrderPhase, type ShownSteps } from './machine-steps.js';

/**
 * Whether leaving the page now can lose something: while `POST /orders` is in flight (its
 * answer carries the order id needed to resume) and while the order's tasks run.
 */
export function navigationGuardNeeded(state: CheckoutState): boolean {
  const phase = orderPhase(state);
  return phase === 'submitting' || phase === 'provisioning';
}

/** The recipient's company name, as the acceptance request and the order carry it. */
export function recipientCompanyName(state: CheckoutState): string {
  return state.recipientKind === 'new' ? state.company.companyName.trim() : (state.customer?.companyName ?? '');
}

/** Whether the store wants the customer's acceptance before the order (for every customer, or this one). */
export const acceptanceFirst = (state: CheckoutState): boolean =>
  Boolean(state.agreement?.acceptanceRequiredBeforeOrder || state.agreementDraft.acceptance?.requiredBeforeOrder);

/** What admin access the order can carry: default roles for a tenant it creates, a request for one that exists. */
export function adminAccessTarget(state: CheckoutState): AdminAccessTarget {
  if (state.recipientKind === 'new') return state.tenant.hasTenant ? 'existing-tenant' : 'new-tenant';
  return state.recipientKind === 'existing' ? 'existing-tenant' : 'none';
}

export interface ValidationOptions {
  /** The step to check; the current one when left out. */
  step?: Step;
}

/**
 * What blocks "Next" on a step: field name → error code. Empty when the step is valid.
 * Review and provisioning have no form: see `canPlaceOrder`.
 */
export function stepErrors(state: CheckoutState, options: ValidationOptions = {}): FieldErrors {
  const step = options.step ?? state.step;
  switch (step) {
    case 'cart':
      return validateLines(state.lines, state.catalog);
    case 'customer-type':
      if (!state.recipientKind) return { recipientKind: 'required' };
      if (state.recipientKind === 'existing' && !state.customer) return { customer: 'required' };
      return {};
    case 'customer-details':
      return validateCompany(state.company);
    case 'tenant-domain':
      return { ...validateTenant(state.tenant, state.company.companyName), ...validateAdminAccess(state.adminAccess, state.adminTemplates, adminAccessTarget(state)) };
    case 'agreement':
      if (!state.agreement) return { agreement: 'not-loaded' };
      return validateAcceptance(state.agreementDraft.acceptance, recipientCompanyName(state), acceptanceFirst(state));
    case 'review':
    case 'provisioning':
      return {};
  }
}

/** The first step of the current path, before review, that is not valid. */
export function firstInvalidStep(state: CheckoutState): Step | undefined {
  return stepsFor(state)
    .slice(0, -2)
    .find((step) => hasErrors(stepErrors(state, { step })));
}

/** Whether "Next" leads anywhere: an editable checkout, a valid step before review. */
export function canGoNext(state: CheckoutState): boolean {
  if (!isEditable(state)) return false;
  const steps = stepsFor(state);
  const index = steps.indexOf(state.step);
  return index >= 0 && index < steps.indexOf('review') && !hasErrors(stepErrors(state));
}

/** Going back is allowed until the order is placed (and not while it is being placed). */
export const canGoBack = (state: CheckoutState): boolean => isEditable(state) && state.step !== 'cart';

/** "Place order": on review, nothing invalid, the quote shown, no attempt in flight, no order yet. */
export function canPlaceOrder(state: CheckoutState): boolean {
  return isEditable(state) && state.step === 'review' && Boolean(state.quote) && Boolean(buildOrderRequest(state));
}

/** The contract's `Recipient`, or `undefined` while the recipient's steps are incomplete. */
export function buildRecipient(state: CheckoutState): Recipient | undefined {
  const recipientSteps: Step[] = ['customer-type', 'customer-details', 'tenant-domain'];
  const incomplete = stepsFor(state).some(
    (step) => recipientSteps.includes(step) && hasErrors(stepErrors(state, { step })),
  );
  if (incomplete) return undefined;
  switch (state.recipientKind) {
    case 'internal':
      return { kind: 'internal' };
    case 'existing':
      return state.customer ? { kind: 'existing', customerId: state.customer.id } : undefined;
    case 'new': {
      const company = toCompanyDetails(state.company);
      if (!company) return undefined;
      const tenant = state.tenant.hasTenant
        ? { kind: 'existing' as const, domain: normalizeDomain(state.tenant.domain) }
        : { kind: 'new' as const, prefix: state.tenant.prefix };
      return { kind: 'new', company, tenant };
    }
    default:
      return undefined;
  }
}

/** `POST /quotes`'s body, or `undefined` while the cart or recipient is incomplete. */
export function buildQuoteRequest(state: CheckoutState): QuoteRequest | undefined {
  if (hasErrors(stepErrors(state, { step: 'cart' }))) return undefined;
  const recipient = buildRecipient(state);
  return recipient ? { lines: orderLines(state), recipient } : undefined;
}

/**
 * `POST /orders`'s body, checked against the contract, or `undefined` while any step of
 * the path is invalid. It references the acceptance request only when the recipient needs
 * the agreement, and carries the admin access asked for (an existing customer's request is
 * chosen on the review, so an incomplete one holds the order back here).
 */
export function buildOrderRequest(state: CheckoutState): OrderRequest | undefined {
  if (firstInvalidStep(state)) return undefined;
  const quoteRequest = buildQuoteRequest(state);
  if (!quoteRequest) return undefined;
  const request: OrderRequest = { lines: quoteRequest.lines, recipient: quoteRequest.recipient };
  if (agreementNeeded(state)) {
    const acceptance = state.agreementDraft.acceptance;
    if (!acceptance) return undefined;
    request.agreementAcceptanceId = acceptance.id;
  }
  const target = adminAccessTarget(state);
  if (hasErrors(validateAdminAccess(state.adminAccess, state.adminTemplates, target))) return undefined;
  const adminAccess = adminAccessChoice(state.adminAccess, state.adminTemplates, target);
  if (adminAccess) request.adminAccess = adminAccess;
  if (state.quote) request.quoteId = state.quote.id;
  const purchaseOrder = state.purchaseOrder?.trim();
  if (purchaseOrder) request.purchaseOrder = purchaseOrder;
  return check(checks.OrderRequest, request).success ? request : undefined;
}

/**
 * Whose subscriptions apply to this checkout: the existing customer's id, `''` for the
 * reseller's own organization (internal orders), undefined for a new customer or none yet.
 */
export function subscriptionOwner(state: CheckoutState): string | undefined {
  if (state.recipientKind === 'internal') return '';
  if (state.recipientKind === 'existing') return state.customer?.id;
  return undefined;
}

/** The subscriptions and end dates loaded for the current recipient (none for another's). */
export function recipientSubscriptions(state: CheckoutState): RecipientSubscriptions | undefined {
  return state.subscriptions && state.subscriptions.owner === subscriptionOwner(state) ? state.subscriptions : undefined;
}

/** The lines as ordered: the cart's lines with the seats, end dates and auto-renew chosen on the review. */
export function orderLines(state: CheckoutState): OrderLineInput[] {
  return linesWithChoices(state.lines, recipientSubscriptions(state), state.lineChoices);
}

/** Who the order is for, as the review shows it (`<lc-order-review>.recipient`). */
export interface RecipientSummary {
  kind: RecipientKind;
  /** The existing or new customer's company name (not used for internal orders). */
  companyName?: string;
  /** The tenant's default domain: the customer's, the existing tenant's, or `{prefix}.onmicrosoft.com`. */
  tenantDomain?: string;
  /** Whether the tenant is created with this order. */
  newTenant?: boolean;
}

/** The Microsoft Customer Agreement acceptance the order references (`<lc-order-review>.agreement`). */
export interface AgreementSummary {
  /** The request, as last seen: its status, link and signatory. */
  acceptance: AcceptanceRequest;
  /** The store requires acceptance before the order (then the review only shows once accepted). */
  requiredBeforeOrder: boolean;
}

/** The admin access (GDAP) the order asks for (`<lc-order-review>.adminAccess`). */
export type AdminAccessSummary =
  /** A tenant the order creates: the default roles, or none (opted out). */
  | { kind: 'default-roles'; granted: boolean; roles: AdminRole[] }
  /** An existing tenant: the request, with its template's name and roles. */
  | { kind: 'request'; request: AdminAccessRequest; templateName: string; roles: AdminRole[]; includesGlobalAdministrator: boolean };

/** The recipient for the review; undefined until one is chosen. */
export function recipientSummary(state: CheckoutState): RecipientSummary | undefined {
  const { recipientKind, customer, company, tenant } = state;
  switch (recipientKind) {
    case 'internal':
      return { kind: 'internal' };
    case 'existing':
      return { kind: 'existing', companyName: customer?.companyName ?? '', tenantDomain: customer?.defaultDomain ?? '' };
    case 'new':
      return {
        kind: 'new',
        companyName: company.companyName.trim(),
        tenantDomain: tenant.hasTenant ? normalizeDomain(tenant.domain) : `${tenant.prefix.toLowerCase()}.onmicrosoft.com`,
        newTenant: !tenant.hasTenant,
      };
    default:
      return undefined;
  }
}

/** The agreement acceptance for the review; undefined when the order needs none or no link exists. */
export function agreementSummary(state: CheckoutState): AgreementSummary | undefined {
  const acceptance = state.agreementDraft.acceptance;
  if (!acceptance || !agreementNeeded(state)) return undefined;
  return { acceptance, requiredBeforeOrder: acceptanceFirst(state) };
}

/** The admin access for the review; undefined when the order asks for none (or the templates are not known). */
export function adminAccessSummary(state: CheckoutState): AdminAccessSummary | undefined {
  const choice = adminAccessChoice(state.adminAccess, state.adminTemplates, adminAccessTarget(state));
  if (!choice || !state.adminTemplates) return undefined;
  if (choice.request) {
    const template = templateOf(state.adminTemplates, choice.request.templateId)!;
    return { kind: 'request', request: choice.request, templateName: template.name, roles: template.roles, includesGlobalAdministrator: template.includesGlobalAdministrator };
  }
  return { kind: 'default-roles', granted: choice.defaultRoles !== false, roles: state.adminTemplates.defaultRoles.roles };
}
