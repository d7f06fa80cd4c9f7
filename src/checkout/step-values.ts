/**
 * What a step's reported value (`lc-step-input`, `lc-step-next`) means for the checkout
 * machine: the actions that take it into the state. Pure; `<lc-checkout>` applies them.
 */
import type { Customer } from '../api/schemas.js';
import type { CheckoutAction, CheckoutState, RecipientKind, Step } from './machine-state.js';
import type { AdminAccessDraft } from './admin-access.js';
import type { AgreementDraft, CompanyDraft, TenantDraft } from './validate.js';
import type { LineChoice } from './machine-lines.js';

/** What the review reports: one line's choice, or the purchase order number as typed. */
export interface ReviewLinesValue {
  line?: { key: string; choice: LineChoice };
  purchaseOrder?: string;
}

/** The customer-type step's value. */
export interface CustomerTypeValue {
  kind?: RecipientKind;
  customer?: Customer;
}

/** The customer-type step's value for the state (what the step shows). */
export function customerTypeValue(state: CheckoutState): CustomerTypeValue {
  return { ...(state.recipientKind ? { kind: state.recipientKind } : {}), ...(state.customer ? { customer: state.customer } : {}) };
}

/** The actions that take `value`, reported by `step`, into `state` (none for what the step cannot say). */
export function stepValueActions(state: CheckoutState, step: Step, value: unknown): CheckoutAction[] {
  if (!value || typeof value !== 'object') return [];
  // `<lc-admin-access>` reports its choice for the step it sits in (the tenant step, or an existing customer's review).
  const { adminAccess } = value as { adminAccess?: Partial<AdminAccessDraft> };
  if (adminAccess && (step === 'tenant-domain' || step === 'review')) return [{ type: 'update-admin-access', values: adminAccess }];
  switch (step) {
    case 'customer-type': {
      const { kind, customer } = value as CustomerTypeValue;
      if (kind === 'existing') {
        if (customer) return [{ type: 'select-customer', customer }];
        if (state.recipientKind !== 'existing') return [{ type: 'choose-recipient', kind }];
        // "Existing customer" with the pick cleared.
        return state.customer ? [{ type: 'select-customer', customer: undefined }] : [];
      }
      return kind ? [{ type: 'choose-recipient', kind }] : [];
    }
    case 'customer-details':
      return [{ type: 'update-company', values: value as Partial<CompanyDraft> }];
    case 'tenant-domain': {
      const draft = value as Partial<TenantDraft>;
      // The machine takes the choice, the domain and the prefix, each only with its own type.
      const actions: CheckoutAction[] = [{ type: 'update-tenant', values: draft }];
      if (draft.availability) actions.push({ type: 'availability-loaded', availability: draft.availability });
      if (draft.lookup) actions.push({ type: 'tenant-loaded', lookup: draft.lookup });
      return actions;
    }
    case 'agreement':
      return [{ type: 'update-agreement', values: value as Partial<AgreementDraft> }];
    case 'review': {
      const { line, purchaseOrder } = value as ReviewLinesValue;
      const actions: CheckoutAction[] = [];
      if (line && typeof line.key === 'string' && line.choice) actions.push({ type: 'choose-line', key: line.key, choice: line.choice });
      if (typeof purchaseOrder === 'string') actions.push({ type: 'set-purchase-order', purchaseOrder });
      return actions;
    }
    default:
      return [];
  }
}

/**
 * What `step` edits in `state`, to compare before and after a value is applied (the backend's
 * message on a field goes once the field changes). Undefined for steps without a form.
 */
export function stepDraft(state: CheckoutState, step: Step): object | undefined {
  switch (step) {
    case 'customer-type':
      return { recipientKind: state.recipientKind, customer: state.customer?.id };
    case 'customer-details':
      return state.company;
    case 'tenant-domain':
      return { ...state.tenant, adminAccess: state.adminAccess };
    case 'agreement':
      return state.agreementDraft;
    case 'review':
      return { purchaseOrder: state.purchaseOrder ?? '' };
    default:
      return undefined;
  }
}
