/**
 * The checkout's draft in `sessionStorage`, per backend, so a reload before the order brings
 * back the step and everything typed on the way: the recipient, the new customer's company
 * and contact, the tenant choice (with the backend's look-ups of it), the signatory. Never a
 * credential or a token; the cart has its own storage. Dropped once the order is placed or
 * the checkout is reset. A draft that is corrupted or from another version is discarded
 * with a console warning.
 *
 * It is restored through the machine's own actions (choose the recipient, fill the forms,
 * then Next step by step), so a draft can never put the checkout where its rules forbid.
 */
import { check } from '../api/check.js';
import { StoredDraft } from '../api/checks.gen.js';
import type { CheckoutAction, CheckoutState, Step } from './machine-state.js';
import { DRAFT_VERSION, draftStorageKey, readStored, removeStored, writeStored } from './session-storage.js';
import type { CheckoutDraft } from './stored.schemas.js';
import type { AgreementDraft, CompanyDraft } from './validate.js';

export { draftStorageKey } from './session-storage.js';

export type { CheckoutDraft } from './stored.schemas.js';

/** Whether the state holds anything worth restoring (past the cart, or a recipient chosen). */
export function hasDraft(state: CheckoutState): boolean {
  return state.step !== 'cart' || state.recipientKind !== undefined;
}

/** What of `state` is kept: what the user chose and typed, and the backend's answers about it. */
export function draftOf(state: CheckoutState): CheckoutDraft {
  const { recipientKind, customer, company, tenant, agreement, agreementDraft } = state;
  // Stored as JSON, which leaves out what is undefined.
  return {
    v: DRAFT_VERSION,
    // Provisioning is never a draft's step: the order's own reference resumes it.
    step: state.step === 'provisioning' ? 'review' : state.step,
    recipientKind,
    customer,
    company,
    tenant,
    agreement,
    agreementDraft,
  };
}

/** Keeps the draft for `scope`; text typed since the last call is all it costs. */
export function saveDraft(scope: string, draft: CheckoutDraft): void {
  writeStored(draftStorageKey(scope), draft, 'the checkout draft could not be stored; a reload will not restore it.');
}

/** The draft for `scope`; a corrupted or outdated one is removed with a warning and reads as none. */
export function loadDraft(scope: string): CheckoutDraft | undefined {
  const stored = readStored(draftStorageKey(scope));
  if (!stored) return undefined;
  const parsed = check(StoredDraft, stored.value);
  if (parsed.success) return parsed.data;
  console.warn('license-checkout: discarded a stored checkout draft that is corrupted or from another version.');
  clearDraft(scope);
  return undefined;
}

export function clearDraft(scope: string): void {
  removeStored(draftStorageKey(scope));
}

/**
 * The actions that put `draft`'s values into a fresh checkout, in the order the machine takes
 * them (the recipient first: it clears what was entered for another one). Moving to the
 * draft's step is `restoreDraft`'s.
 */
function draftActions(draft: CheckoutDraft): CheckoutAction[] {
  const actions: CheckoutAction[] = [];
  if (draft.customer) actions.push({ type: 'select-customer', customer: draft.customer });
  else if (draft.recipientKind) actions.push({ type: 'choose-recipient', kind: draft.recipientKind });
  if (draft.agreement) actions.push({ type: 'agreement-loaded', agreement: draft.agreement });
  actions.push({ type: 'update-company', values: draft.company as Partial<CompanyDraft> });
  const { availability, lookup } = draft.tenant;
  // The machine takes the choice, the domain and the prefix of it.
  actions.push({ type: 'update-tenant', values: draft.tenant });
  if (availability) actions.push({ type: 'availability-loaded', availability });
  if (lookup) actions.push({ type: 'tenant-loaded', lookup });
  actions.push({ type: 'update-agreement', values: draft.agreementDraft as Partial<AgreementDraft> });
  return actions;
}

/**
 * Applies `draft` to the checkout through `apply`, then walks Next up to its step (stopping
 * where a step is no longer valid, as pressing Next would). Returns the step reached.
 */
export function restoreDraft(draft: CheckoutDraft, apply: (action: CheckoutAction) => CheckoutState, state: CheckoutState): Step {
  for (const action of draftActions(draft)) state = apply(action);
  if (draft.step === 'cart') return state.step;
  state = apply({ type: 'start' });
  while (state.step !== draft.step) {
    const moved = apply({ type: 'next' });
    if (moved === state) break;
    state = moved;
  }
  return state.step;
}
