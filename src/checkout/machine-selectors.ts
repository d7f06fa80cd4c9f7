/**
 * The checkout machine's selectors (see `machine.ts`): what the state means for the steps,
 * the navigation guard and the requests sent, and the summaries the review shows. Pure.
 */
import { OrderRequest, type Agreement, type OrderLineInput, type QuoteRequest, type Recipient } from '../api/schemas.js';
import type { CheckoutState, RecipientKind, Step } from './machine-state.js';
import { linesWithChoices, type RecipientSubscriptions } from './machine-lines.js';
import {
  hasErrors,
  normalizeDomain,
  toAgreementAcceptance,
  toCompanyDetails,
  todayIso,
  validateAgreement,
  validateCompany,
  validateLines,
  validateTenant,
  type FieldErrors,
} from './validate.js';

// ---------------------------------------------------------------------------------------
// Selectors

/** Where the checkout is, as far as the order goes. */
export type OrderPhase =
  /** No order yet: the user fills the steps. */
  | 'editing'
  /** `POST /orders` is in flight. */
  | 'submitting'
  /** An order id without a snapshot yet (just resumed). */
  | 'placed'
  /** The order's status: tasks pending or running. */
  | 'provisioning'
  /** Nothing runs; what is left waits on someone else. */
  | 'waiting'
  | 'completed'
  | 'failed';

export function orderPhase(state: CheckoutState): OrderPhase {
  if (state.orderId) return state.order ? state.order.status : 'placed';
  return state.submission?.inFlight ? 'submitting' : 'editing';
}

/** Whether the user may still change what will be ordered. */
export const isEditable = (state: CheckoutState): boolean => orderPhase(state) === 'editing';

/**
 * Whether leaving the page now can lose something: while `POST /orders` is in flight (its
 * answer carries the order id needed to resume) and while the order's tasks run.
 */
export function navigationGuardNeeded(state: CheckoutState): boolean {
  const phase = orderPhase(state);
  return phase === 'submitting' || phase === 'provisioning';
}

/** Whether the recipient must accept the Microsoft Customer Agreement with this order. */
export function agreementNeeded(state: CheckoutState): boolean {
  if (state.recipientKind === 'new') return true;
  if (state.recipientKind === 'existing') return state.customer ? !state.customer.agreementOnFile : false;
  return false;
}

/** Whether the order carries the signatory's acceptance (only in `attest` mode). */
export const acceptanceSent = (state: CheckoutState): boolean =>
  agreementNeeded(state) && state.agreement?.mode === 'attest';

/** The steps shown for the current recipient, in order, ending with provisioning. */
export function stepsFor(state: CheckoutState): Step[] {
  const steps: Step[] = ['cart', 'customer-type'];
  if (state.recipientKind === 'new') steps.push('customer-details', 'tenant-domain', 'agreement');
  else if (state.recipientKind === 'existing' && agreementNeeded(state)) steps.push('agreement');
  steps.push('review', 'provisioning');
  return steps;
}

/** The step list as shown: the path known so far, which steps were reached, whether more may come. */
export interface ShownSteps {
  /** The steps in order, always ending with provisioning (so the list never grows at the end). */
  steps: Step[];
  /** The steps reached (done or current). */
  reached: readonly Step[];
  /** Whether steps may still be added after the recipient step, once the recipient is known. */
  more: boolean;
}

/**
 * What the step list shows. While editing: the current path, its later steps as upcoming, with
 * `more` until the recipient decides the path. A resumed order (reloaded; the recipient itself
 * is not kept) shows the path it went through, from the order's recipient kind or the one kept
 * with its reference, and from its tasks whether the agreement step was on it.
 */
export function shownSteps(state: CheckoutState): ShownSteps {
  if (!state.orderId || state.recipientKind) {
    const more = !state.recipientKind || (state.recipientKind === 'existing' && !state.customer);
    return { steps: stepsFor(state), reached: state.visited, more };
  }
  const kind = state.order?.recipient.kind ?? state.resumedKind;
  const steps: Step[] = ['cart', 'customer-type'];
  if (kind === 'new') steps.push('customer-details', 'tenant-domain', 'agreement');
  else if (kind === 'existing' && state.order?.tasks.some((task) => task.kind === 'record-agreement' || task.kind === 'accept-agreement')) {
    steps.push('agreement');
  }
  steps.push('review', 'provisioning');
  return { steps, reached: steps, more: !kind };
}

export interface ValidationOptions {
  /** The step to check; the current one when left out. */
  step?: Step;
  /** The local date `YYYY-MM-DD`; today when left out. */
  today?: string;
}

/**
 * What blocks "Next" on a step: field name → error code. Empty when the step is valid.
 * Review and provisioning have no form: see `canPlaceOrder`.
 */
export function stepErrors(state: CheckoutState, options: ValidationOptions = {}): FieldErrors {
  const step = options.step ?? state.step;
  const today = options.today ?? todayIso();
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
      return validateTenant(state.tenant, state.company.companyName);
    case 'agreement':
      if (!state.agreement) return { agreement: 'not-loaded' };
      // The customer accepts on Microsoft's page: this step only informs.
      if (state.agreement.mode === 'customer-accepts') return {};
      return validateAgreement(state.agreementDraft, today);
    case 'review':
    case 'provisioning':
      return {};
  }
}

/** The first step of the current path, before review, that is not valid. */
export function firstInvalidStep(state: CheckoutState, today: string = todayIso()): Step | undefined {
  return stepsFor(state)
    .slice(0, -2)
    .find((step) => hasErrors(stepErrors(state, { step, today })));
}

/** Whether "Next" leads anywhere: an editable checkout, a valid step before review. */
export function canGoNext(state: CheckoutState, today: string = todayIso()): boolean {
  if (!isEditable(state)) return false;
  const steps = stepsFor(state);
  const index = steps.indexOf(state.step);
  return index >= 0 && index < steps.indexOf('review') && !hasErrors(stepErrors(state, { today }));
}

/** Going back is allowed until the order is placed (and not while it is being placed). */
export const canGoBack = (state: CheckoutState): boolean => isEditable(state) && state.step !== 'cart';

/** "Place order": on review, nothing invalid, the quote shown, no attempt in flight, no order yet. */
export function canPlaceOrder(state: CheckoutState, today: string = todayIso()): boolean {
  return isEditable(state) && state.step === 'review' && Boolean(state.quote) && Boolean(buildOrderRequest(state, today));
}

/** The contract's `Recipient`, or `undefined` while the recipient's steps are incomplete. */
export function buildRecipient(state: CheckoutState, today: string = todayIso()): Recipient | undefined {
  const recipientSteps: Step[] = ['customer-type', 'customer-details', 'tenant-domain'];
  const incomplete = stepsFor(state).some(
    (step) => recipientSteps.includes(step) && hasErrors(stepErrors(state, { step, today })),
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
export function buildQuoteRequest(state: CheckoutState, today: string = todayIso()): QuoteRequest | undefined {
  if (hasErrors(stepErrors(state, { step: 'cart' }))) return undefined;
  const recipient = buildRecipient(state, today);
  return recipient ? { lines: orderLines(state), recipient } : undefined;
}

/**
 * `POST /orders`'s body, checked against the contract, or `undefined` while any step of
 * the path is invalid. The agreement acceptance is included only when the recipient needs
 * one and the mode is `attest`; in `customer-accepts` mode the customer accepts on
 * Microsoft's page and nothing is sent.
 */
export function buildOrderRequest(state: CheckoutState, today: string = todayIso()): OrderRequest | undefined {
  if (firstInvalidStep(state, today)) return undefined;
  const quoteRequest = buildQuoteRequest(state, today);
  if (!quoteRequest) return undefined;
  const request: OrderRequest = { lines: quoteRequest.lines, recipient: quoteRequest.recipient };
  if (agreementNeeded(state)) {
    if (!state.agreement) return undefined;
    if (state.agreement.mode === 'attest') {
      const acceptance = toAgreementAcceptance(state.agreementDraft, state.agreement.templateId, today);
      if (!acceptance) return undefined;
      request.agreement = acceptance;
    }
  }
  if (state.quote) request.quoteId = state.quote.id;
  const purchaseOrder = state.purchaseOrder?.trim();
  if (purchaseOrder) request.purchaseOrder = purchaseOrder;
  return OrderRequest.safeParse(request).success ? request : undefined;
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

/** The Microsoft Customer Agreement acceptance, when the order carries or triggers one (`<lc-order-review>.agreement`). */
export interface AgreementSummary {
  mode: Agreement['mode'];
  /** The signatory's name (`attest` mode). */
  signatory?: string;
  /** `YYYY-MM-DD` (`attest` mode). */
  dateAccepted?: string;
}

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

/** The agreement acceptance for the review; undefined when the order needs none or it is not loaded. */
export function agreementSummary(state: CheckoutState): AgreementSummary | undefined {
  const { agreement, agreementDraft } = state;
  if (!agreement || !agreementNeeded(state)) return undefined;
  return agreement.mode === 'attest'
    ? {
        mode: 'attest',
        signatory: `${agreementDraft.firstName.trim()} ${agreementDraft.lastName.trim()}`,
        dateAccepted: agreementDraft.dateAccepted,
      }
    : { mode: 'customer-accepts' };
}
