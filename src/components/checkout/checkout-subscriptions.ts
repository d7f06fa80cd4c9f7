import type { ReactiveControllerHost } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { CheckoutApi } from '../../api/api.js';
import { isApiError } from '../../api/errors.js';
import type { EndDateOption, Term } from '../../api/schemas.js';
import { isEditable, subscriptionOwner, type CheckoutAction, type CheckoutState } from '../../checkout/machine.js';
import { reportError } from '../../checkout/report-error.js';
import { LookupTask } from './lookup-task.js';

/**
 * The recipient's subscriptions and the allowed end dates of each term in the cart, once the
 * recipient is an existing customer or the reseller's own organization: what the review
 * offers per line (add seats, or a new subscription ending on a chosen date). Asked again
 * when the recipient or the cart's terms change; nothing is asked of an `api` without
 * `getSubscriptions` (then every line is a new subscription ending on the default date).
 */
export class CheckoutSubscriptions {
  readonly task: Task<readonly [CheckoutApi | undefined, string | undefined], unknown>;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    options: { api(): CheckoutApi | undefined; state(): CheckoutState; apply(action: CheckoutAction): CheckoutState },
  ) {
    const { api, state, apply } = options;
    this.task = new LookupTask(host, {
      task: async ([client, key], { signal }) => {
        if (!client?.getSubscriptions || key === undefined) return initialState;
        const { owner, terms } = JSON.parse(key) as { owner: string; terms: Term[] };
        const customerId = owner || undefined;
        const [list, ...dates] = await Promise.all([
          client.getSubscriptions(customerId, { signal }),
          ...terms.map((term) => (client.getEndDates ? client.getEndDates(term, customerId ? { customerId } : {}, { signal }) : undefined)),
        ]);
        const endDates: Partial<Record<Term, readonly EndDateOption[]>> = {};
        for (const answer of dates) if (answer) endDates[answer.term] = answer.endDates;
        return { owner, subscriptions: list.subscriptions, endDates };
      },
      args: () => [api(), subscriptionsKey(state())] as const,
      asksNothing: ([client, key]) => !client?.getSubscriptions || key === undefined,
      onComplete: (subscriptions) => apply({ type: 'subscriptions-loaded', subscriptions }),
      onError: (error) => {
        // The review still works without them: every line is then a new subscription.
        if (!isApiError(error) || error.status !== 404) reportError(host, error, 'quote');
      },
    });
  }

  /** Whether the review should wait for them before asking for a quote (it would price other lines). */
  get pending(): boolean {
    return this.task.status === TaskStatus.PENDING;
  }
}

/** What is asked (a stable Task argument), or undefined when nothing is due. */
function subscriptionsKey(state: CheckoutState): string | undefined {
  const owner = subscriptionOwner(state);
  if (owner === undefined || state.step === 'cart' || !isEditable(state)) return undefined;
  const terms = [...new Set(state.lines.map((line) => line.term))].sort();
  return JSON.stringify({ owner, terms });
}
