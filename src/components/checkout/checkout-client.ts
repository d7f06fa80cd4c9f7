import type { CheckoutApi } from '../../api/api.js';
import { HttpCheckoutApi, type HttpCheckoutApiOptions } from '../../api/client.js';
import { backendScope } from '../../checkout/cart-store.js';

/** Options of the HTTP client `<lc-checkout api-base>` builds (everything but the base URL). */
export type CheckoutApiOptions = Omit<HttpCheckoutApiOptions, 'baseUrl'>;

/**
 * Where the cart, the draft and the placed order's reference are kept when the `api` object
 * names no `baseUrl`; with one, under the backend's URL (two backends on one page never
 * resume each other's orders).
 */
const CUSTOM_API_SCOPE = 'custom';

/**
 * The backend client of `<lc-checkout>`: its `api`, else an `HttpCheckoutApi` built for
 * `api-base` with `apiOptions`, and the storage scope that client names.
 */
export class CheckoutClient {
  client?: CheckoutApi;
  /** What the checkout's storage is kept under: the backend's URL, or `custom`. */
  scope = CUSTOM_API_SCOPE;
  /** The client built from `apiBase` and `apiOptions`: closed when replaced. */
  private _built?: HttpCheckoutApi;
  private _replaced?: HttpCheckoutApi;

  /** The cart's storage base: the scope, or undefined for an `api` object without a base URL (not stored). */
  get storageBase(): string | undefined {
    return this.scope === CUSTOM_API_SCOPE ? undefined : this.scope;
  }

  /**
   * Takes the host's settings (called when one of them changed); returns whether the client
   * changed. The one it replaced is closed by `closeReplaced()`, once what it had in flight
   * was taken over by the new one.
   */
  configure(api: CheckoutApi | undefined, apiBase: string | undefined, apiOptions: CheckoutApiOptions | undefined): boolean {
    // The host's own options object underneath: `headers` and `getAccessToken` set on it later
    // are read by the next call (a new object makes a new client).
    const built = !api && apiBase ? new HttpCheckoutApi(Object.assign(Object.create(apiOptions ?? null) as HttpCheckoutApiOptions, { baseUrl: apiBase })) : undefined;
    const client = api ?? built;
    if (client === this.client) return false;
    this._replaced = this._built;
    this.client = client;
    this._built = built;
    this.scope = backendScope((client as { baseUrl?: unknown } | undefined)?.baseUrl) ?? CUSTOM_API_SCOPE;
    return true;
  }

  closeReplaced(): void {
    this._replaced?.close();
    this._replaced = undefined;
  }
}
