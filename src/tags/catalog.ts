/**
 * The catalog for the product-page tags: one `GET /catalog` per backend per page, however
 * many tags ask, with plain `fetch` and a hand-written check of the answer (the compiled checks
 * would cost about a tenth of the tags' budget; test/checks.test.ts shows this one accepts every
 * catalog the contract does), and one GET needs none of the checkout client's retries.
 */
import type { ReactiveControllerHost } from 'lit';
import type { HttpCheckoutApiOptions } from '../api/client.js';
import type { Catalog, Product } from '../api/schemas.js';
import { BILLINGS, nonEmpty, TERMS, whole, type AnyOf } from '../checkout/cart-format.js';
import { addProduct, findProduct, type AddOptions, type AddResult } from '../checkout/cart-store.js';

/**
 * How the tags call the backend: `<lc-checkout>.apiOptions`' `headers` and `fetch` (a token
 * goes in `headers`, e.g. `() => ({ authorization: 'Bearer …' })`).
 */
export type TagApiOptions = Pick<HttpCheckoutApiOptions, 'headers' | 'fetch'>;


/** Catalogs by resolved base URL. A failed load is forgotten, so the next ask tries again. */
const catalogs = new Map<string, Promise<Catalog>>();

/** The catalog of the backend at `base` (an absolute URL without a trailing slash), fetched once per page. */
export function loadCatalog(base: string, options: TagApiOptions = {}): Promise<Catalog> {
  let pending = catalogs.get(base);
  if (!pending) {
    const loading = fetchCatalog(base, options);
    catalogs.set(base, loading);
    loading.catch((error: Error) => {
      console.warn(error.message);
      if (catalogs.get(base) === loading) catalogs.delete(base);
    });
    pending = loading;
  }
  return pending;
}

async function fetchCatalog(base: string, options: TagApiOptions): Promise<Catalog> {
  const url = `${base}/catalog`;
  const extra = typeof options.headers === 'function' ? options.headers() : options.headers;
  const headers: Record<string, string> = { accept: 'application/json', ...extra };
  // The global fetch as it is now, not at load: a page may replace it later.
  const response = await (options.fetch ?? fetch)(url, { headers }).catch(() => undefined);
  if (!response?.ok) throw new Error(`license-checkout: GET ${url} failed (${response ? `HTTP ${response.status}` : 'no answer'}).`);
  return checkCatalog(await response.json(), url);
}

/**
 * The answer as a `Catalog`, or an error naming the first field that breaks the contract
 * (the rules of the `Catalog` schema in src/api/schemas.ts, checked by hand).
 */
export function checkCatalog(json: unknown, source: string): Catalog {
  const where = mismatch(json as Catalog);
  if (where) throw new Error(`license-checkout: the catalog from ${source} breaks the contract at ${where}.`);
  return json as Catalog;
}


function mismatch(catalog: Catalog | null): string | undefined {
  if (!/^[A-Z]{3}$/.test(catalog?.currency as string)) return 'currency';
  if (!Array.isArray(catalog!.products)) return 'products';
  for (const [i, p] of catalog!.products.entries()) {
    const ok =
      nonEmpty(p?.id) &&
      nonEmpty(p.name) &&
      whole(p.minQuantity, 1) &&
      whole(p.maxQuantity, 1) &&
      Array.isArray(p.offers) &&
      p.offers.length > 0 &&
      p.offers.every((o) => (TERMS as AnyOf).includes(o?.term) && (BILLINGS as AnyOf).includes(o.billing) && whole(o.unitPrice, 0));
    if (!ok) return `products[${i}]`;
  }
  return undefined;
}

/**
 * A tag's view of the catalog: `use(base)` in `willUpdate` starts (or joins) the page's one
 * load; the host updates when it settles. An answer for a base the host no longer uses is dropped.
 */
export class CatalogController {
  catalog?: Catalog;
  failed = false;
  private _base?: string;
  private _pending?: Promise<Catalog>;

  constructor(private readonly host: ReactiveControllerHost) {}

  /** Loads the catalog of `base` unless it is the one already used (or being loaded). */
  use(base: string | undefined, options: TagApiOptions | undefined): void {
    if (base === this._base) return;
    this._base = base;
    this.catalog = this._pending = undefined;
    if (base) this._load(base, options);
  }

  /** The catalog once loaded (loading it again after a failure); rejects when it cannot be. */
  ready(options: TagApiOptions | undefined): Promise<Catalog> {
    if (this.failed && this._base) this._load(this._base, options);
    return this._pending ?? Promise.reject(new Error('no backend'));
  }

  private _load(base: string, options: TagApiOptions | undefined): void {
    const pending = (this._pending = loadCatalog(base, options));
    this.failed = false;
    const settle = (catalog?: Catalog) => {
      if (this._pending !== pending) return;
      this.catalog = catalog;
      this.failed = !catalog;
      this.host.requestUpdate();
    };
    pending.then(settle, () => settle());
  }
}

/** A tag's product and offer looked up in the catalog, by the rules of adding it to the cart. */
export interface OfferCheck {
  product?: Product;
  /** Adding the product to an empty cart: the offer it gets (`line`), or why it cannot be added. */
  result?: AddResult;
  /** What keeps the product out of the cart, for the console; undefined when it can be added. */
  problem?: string;
}

export function checkOffer(catalog: Catalog, productId: string, options: AddOptions): OfferCheck {
  const product = findProduct(catalog, productId);
  // Empty attributes (`term=""`) mean "not given", as when they are left out.
  const result = product && addProduct([], product, { term: options.term || undefined, billing: options.billing || undefined, quantity: options.quantity });
  const problem = !product ? `no product "${productId}" in the catalog` : result!.ok ? undefined : result!.message;
  return { product, result, problem };
}
