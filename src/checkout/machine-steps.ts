/**
 * The checkout machine's selectors of where the checkout is and which steps it shows (see
 * `machine-selectors.ts`, which re-exports them). A module of their own, importing nothing at
 * run time: `<lc-checkout>` shows its step list on the cart before the rules have loaded.
 */
import type { CheckoutState, Step } from './machine-state.js';

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

/** Whether the recipient must accept the Microsoft Customer Agreement with this order. */
export function agreementNeeded(state: CheckoutState): boolean {
  if (state.recipientKind === 'new') return true;
  if (state.recipientKind === 'existing') return state.customer ? !state.customer.agreementOnFile : false;
  return false;
}

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
  else if (kind === 'existing' && state.order?.tasks.some((task) => task.kind === 'record-agreement')) {
    steps.push('agreement');
  }
  steps.push('review', 'provisioning');
  return { steps, reached: steps, more: !kind };
}
