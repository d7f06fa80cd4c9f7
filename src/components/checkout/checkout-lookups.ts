import type { ReactiveControllerHost } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { CheckoutApi } from '../../api/api.js';
import { buildQuoteRequest, isEditable, type CheckoutAction, type CheckoutState } from '../../checkout/machine.js';
import { reportError } from '../../checkout/report-error.js';
import type { QuoteState } from '../order-review/order-review.js';
import { LookupTask } from './lookup-task.js';
import { TaskReconnect } from './task-reconnect.js';

export interface CheckoutLookupsOptions {
  api(): CheckoutApi | undefined;
  state(): CheckoutState;
  apply(action: CheckoutAction): CheckoutState;
  /** True while the quote must wait (the recipient's subscriptions are on their way: the lines may change). */
  holdQuote?(): boolean;
}

/**
 * What `<lc-checkout>` asks the backend for while the user fills the steps after the cart (the
 * catalog is `CatalogLookup`'s): the agreement when its step shows without it, the GDAP role
 * templates and the review's quote. Answers go into the machine; failures are reported as
 * `lc-error`; pending look-ups are dropped on disconnect and asked again on return.
 */
export class CheckoutLookups {
  readonly agreement: Task<readonly [CheckoutApi | undefined, boolean], unknown>;
  readonly quote: Task<readonly [CheckoutApi | undefined, string | undefined], unknown>;
  /** The GDAP role templates, once a step that offers admin access shows. */
  readonly adminTemplates: Task<readonly [CheckoutApi | undefined, boolean], unknown>;
  /** The quote that came was for other lines: shown as a failure, not as loading forever. */
  private _quoteMismatch = false;

  constructor(host: ReactiveControllerHost & HTMLElement, options: CheckoutLookupsOptions) {
    const { api, state, apply } = options;
    this.agreement = new LookupTask(host, {
      task: async ([client, needed], { signal }) => (client && needed ? client.getAgreement({ signal }) : initialState),
      args: () => [api(), state().step === 'agreement' && !state().agreement] as const,
      asksNothing: ([client, needed]) => !client || !needed,
      onComplete: (agreement) => apply({ type: 'agreement-loaded', agreement }),
      onError: (error) => reportError(host, error, 'agreement'),
    });
    this.adminTemplates = new LookupTask(host, {
      task: async ([client, needed], { signal }) => (client && needed ? client.getAdminAccessTemplates({ signal }) : initialState),
      args: () => {
        const { step, recipientKind, adminTemplates } = state();
        return [api(), !adminTemplates && recipientKind !== 'internal' && (step === 'tenant-domain' || step === 'review')] as const;
      },
      asksNothing: ([client, needed]) => !client || !needed,
      onComplete: (templates) => apply({ type: 'admin-templates-loaded', templates }),
      onError: (error) => reportError(host, error, 'admin-access'),
    });
    // Its argument is the request itself, so a changed cart or recipient asks again, and Task aborts the superseded request.
    this.quote = new LookupTask(host, {
      task: async ([client, body], { signal }) => {
        this._quoteMismatch = false;
        if (!client || !body) return initialState;
        return client.createQuote(JSON.parse(body), { signal });
      },
      args: () => [api(), options.holdQuote?.() ? undefined : quoteRequestKey(state())] as const,
      asksNothing: ([client, body]) => !client || !body,
      onComplete: (quote) => {
        if (!apply({ type: 'quote-loaded', quote }).quote) this._quoteMismatch = true;
      },
      onError: (error) => reportError(host, error, 'quote'),
    });
    new TaskReconnect(host, [this.agreement, this.quote, this.adminTemplates] as Array<Task<readonly unknown[], unknown>>);
  }

  get agreementFailed(): boolean {
    return this.agreement.status === TaskStatus.ERROR;
  }

  /** The quote as the review shows it. */
  quoteState(state: CheckoutState): QuoteState {
    if (state.quote) return 'ready';
    if (this.quote.status === TaskStatus.ERROR || this._quoteMismatch) return 'error';
    return 'loading';
  }
}

/** The quote request for the review, serialized (a stable Task argument); undefined when none is due. */
function quoteRequestKey(state: CheckoutState): string | undefined {
  if (state.step !== 'review' || state.quote || !isEditable(state)) return undefined;
  const request = buildQuoteRequest(state);
  return request ? JSON.stringify(request) : undefined;
}
