import type { ReactiveControllerHost } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { CheckoutApi } from '../../api/api.js';
import type { Catalog } from '../../api/schemas.js';
import type { CartController } from '../../checkout/cart-controller.js';
import { reportError } from '../../checkout/report-error.js';
import type { CatalogState } from '../cart/cart.js';
import { LookupTask } from './lookup-task.js';
import { TaskReconnect } from './task-reconnect.js';

/**
 * The catalog of `<lc-checkout>`, from its backend: once per client, for the cart and
 * `addProduct()` (and, once loaded, the checkout's rules). A failure is reported as `lc-error`
 * and fails the additions waiting for it.
 */
export class CatalogLookup {
  readonly task: Task<readonly [CheckoutApi | undefined], Catalog>;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    options: { api(): CheckoutApi | undefined; cart: CartController; loaded(catalog: Catalog): void },
  ) {
    const { api, cart, loaded } = options;
    this.task = new LookupTask(host, {
      task: async ([client], { signal }) => {
        // A new backend (or a retry) must not show the previous backend's products in the cart.
        cart.catalog = undefined;
        return client ? client.getCatalog({ signal }) : initialState;
      },
      args: () => [api()] as const,
      asksNothing: ([client]) => !client,
      onComplete: (catalog) => {
        cart.catalog = catalog;
        loaded(catalog);
      },
      onError: (error) => {
        // Aborted by a disconnect: the additions wait for the reload on reconnect.
        if (error instanceof DOMException && error.name === 'AbortError') return;
        cart.rejectPending(error);
        reportError(host, error, 'catalog');
      },
    });
    new TaskReconnect(host, [this.task as Task<readonly unknown[], unknown>]);
  }

  /** The catalog as the cart shows it. */
  state(catalogShown: boolean): CatalogState {
    if (catalogShown) return 'ready';
    return this.task.status === TaskStatus.ERROR ? 'error' : 'loading';
  }
}
