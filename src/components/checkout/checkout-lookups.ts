import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { CheckoutApi } from '../../api/api.js';
import type { CartController } from '../../checkout/cart-controller.js';
import { buildQuoteRequest, isEditable, type CheckoutAction, type CheckoutState } from '../../checkout/machine.js';
import { reportError } from '../../checkout/order-session.js';
import type { CatalogState } from '../cart/cart.js';
import type { QuoteState } from '../order-review/order-review.js';

export interface CheckoutLookupsOptions {
  api(): CheckoutApi | undefined;
  state(): CheckoutState;
  apply(action: CheckoutAction): CheckoutState;
  /** Gets the catalog, for the cart and for `addProduct()`. */
  cart: CartController;
  /** True while the quote must wait (the recipient's subscriptions are on their way: the lines may change). */
  holdQuote?(): boolean;
}

/**
 * What `<lc-checkout>` asks the backend for while the user fills the steps: the catalog (once,
 * for the cart and the machine's rules), the agreement when its step shows without it, and the
 * review's quote. Answers go into the machine; failures are reported as `lc-error`. Task does
 * not abort on disconnect by itself: pending look-ups are dropped then and asked again on return.
 */
export class CheckoutLookups implements ReactiveController {
  readonly catalog: Task<readonly [CheckoutApi | undefined], unknown>;
  readonly agreement: Task<readonly [CheckoutApi | undefined, boolean], unknown>;
  readonly quote: Task<readonly [CheckoutApi | undefined, string | undefined], unknown>;
  /** The quote that came was for other lines: shown as a failure, not as loading forever. */
  private _quoteMismatch = false;
  private _rerunOnConnect: Array<Task<readonly unknown[], unknown>> = [];

  constructor(host: ReactiveControllerHost & HTMLElement, options: CheckoutLookupsOptions) {
    host.addController(this);
    const { api, state, apply, cart } = options;
    this.catalog = new Task(host, {
      task: async ([client], { signal }) => {
        // A new backend (or a retry) must not show the previous backend's products in the cart.
        cart.catalog = undefined;
        return client ? client.getCatalog({ signal }) : initialState;
      },
      args: () => [api()] as const,
      onComplete: (catalog) => {
        cart.catalog = catalog;
        apply({ type: 'catalog-loaded', catalog });
      },
      onError: (error) => {
        // Aborted by a disconnect: the additions wait for the reload on reconnect.
        if (error instanceof DOMException && error.name === 'AbortError') return;
        cart.rejectPending(error);
        reportError(host, error, 'catalog');
      },
    });
    this.agreement = new Task(host, {
      task: async ([client, needed], { signal }) => (client && needed ? client.getAgreement({ signal }) : initialState),
      args: () => [api(), state().step === 'agreement' && !state().agreement] as const,
      onComplete: (agreement) => apply({ type: 'agreement-loaded', agreement }),
      onError: (error) => reportError(host, error, 'agreement'),
    });
    // Its argument is the request itself, so a changed cart or recipient asks again, and Task aborts the superseded request.
    this.quote = new Task(host, {
      task: async ([client, body], { signal }) => {
        this._quoteMismatch = false;
        if (!client || !body) return initialState;
        return client.createQuote(JSON.parse(body), { signal });
      },
      args: () => [api(), options.holdQuote?.() ? undefined : quoteRequestKey(state())] as const,
      onComplete: (quote) => {
        if (!apply({ type: 'quote-loaded', quote }).quote) this._quoteMismatch = true;
      },
      onError: (error) => reportError(host, error, 'quote'),
    });
  }

  hostConnected(): void {
    for (const task of this._rerunOnConnect.splice(0)) void task.run();
  }

  hostDisconnected(): void {
    for (const task of [this.catalog, this.agreement, this.quote] as Array<Task<readonly unknown[], unknown>>) {
      if (task.status !== TaskStatus.PENDING) continue;
      this._rerunOnConnect.push(task);
      task.abort();
    }
  }

  /** The catalog as the cart shows it. */
  catalogState(catalogShown: boolean): CatalogState {
    if (catalogShown) return 'ready';
    return this.catalog.status === TaskStatus.ERROR ? 'error' : 'loading';
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
