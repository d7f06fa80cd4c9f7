import type { ReactiveControllerHost } from 'lit';
import type { Catalog, Product } from '../api/schemas.js';
import { LcCartChangeEvent, type CartChangeReason } from '../events/cart-change.js';
import {
  EMPTY_CART,
  addProduct as addToCart,
  findProduct,
  loadCart,
  priceCart,
  saveCart,
  type AddOptions,
  type Cart,
  type CartLine,
  type CartTotals,
} from './cart-store.js';

/** A change made through the controller (an addition, `clear()`, a user's edit committed). */
export interface CartChange {
  lines: Cart;
  reason: CartChangeReason;
  /** The product added, for `add`. */
  product?: Product;
  /** The new totals; undefined while the catalog is not loaded. */
  totals?: CartTotals;
}

interface PendingAdd {
  productId: string;
  options: AddOptions;
  resolve: (line: CartLine) => void;
  reject: (error: Error) => void;
}

/**
 * The cart of one owner: its lines, kept in `localStorage` per backend, and additions that
 * wait for the catalog. `<lc-checkout>` owns one for the whole checkout; `<lc-cart>` used
 * alone owns its own. The host renders `lines`; every change requests an update, and a
 * change through `commit()` is reported as `lc-cart-change` from the host.
 */
export class CartController {
  private _lines: Cart = EMPTY_CART;
  private _catalog?: Catalog;
  private _base?: string;
  private _queue: PendingAdd[] = [];

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** Called after a change made through `commit()`, `add()` or `clear()`, before `lc-cart-change`; not after `replace()` or a restore. */
    private readonly onChange: (change: CartChange) => void,
  ) {}

  get lines(): Cart {
    return this._lines;
  }

  /** The catalog additions are checked against; setting it adds what was waiting for it. */
  get catalog(): Catalog | undefined {
    return this._catalog;
  }
  set catalog(catalog: Catalog | undefined) {
    if (catalog === this._catalog) return;
    this._catalog = catalog;
    this.host.requestUpdate();
    this._flush();
  }

  /** The base URL the cart is stored under (undefined: not stored). */
  get base(): string | undefined {
    return this._base;
  }

  /**
   * Stores the cart under `base` from now on; with `restore`, the cart becomes the one stored
   * there. Returns whether the lines changed.
   */
  storeUnder(base: string | undefined, restore: boolean): boolean {
    if (base === this._base) return false;
    this._base = base;
    if (!restore || !base) return false;
    return this._set(loadCart(base));
  }

  /** Replaces the lines as their owner says (no `onChange`): a retried order's lines, an owner's `lines`. */
  replace(lines: Cart): void {
    if (this._set(lines)) this._save();
  }

  /** A change the user or the host page made: stored, given to the owner, then fired as `lc-cart-change`. */
  commit(lines: Cart, reason: CartChangeReason, product?: Product): void {
    if (!this._set(lines)) return;
    this._save();
    const totals = this._catalog ? priceCart(lines, this._catalog).totals : undefined;
    this.onChange({ lines, reason, product, totals });
    this.host.dispatchEvent(new LcCartChangeEvent(lines, totals, reason));
  }

  /**
   * Adds a product once the catalog is there (see `<lc-cart>.addProduct()`). Rejects for a
   * product or offer not in the catalog, a quantity out of bounds, or a catalog that failed.
   */
  add(productId: string, options: AddOptions = {}): Promise<CartLine> {
    return new Promise<CartLine>((resolve, reject) => {
      this._queue.push({ productId, options, resolve, reject });
      this._flush();
    });
  }

  /** The catalog could not be loaded: the additions waiting for it fail. */
  rejectPending(error: unknown): void {
    const reason = error instanceof Error ? error : new Error(String(error));
    for (const pending of this._queue.splice(0)) pending.reject(reason);
  }

  /** Empties the cart (reported when it was not empty). */
  clear(): void {
    if (this._lines.length > 0) this.commit(EMPTY_CART, 'clear');
  }

  private _flush(): void {
    const catalog = this._catalog;
    if (!catalog) return;
    for (const { productId, options, resolve, reject } of this._queue.splice(0)) {
      const product = findProduct(catalog, productId);
      if (!product) {
        reject(new Error(`license-checkout: unknown product "${productId}"`));
        continue;
      }
      const result = addToCart(this._lines, product, options);
      if (!result.ok) {
        reject(new Error(`license-checkout: ${result.message}`));
        continue;
      }
      this.commit(result.cart, 'add', product);
      resolve(result.line);
    }
  }

  private _set(lines: Cart): boolean {
    if (lines === this._lines) return false;
    this._lines = lines;
    this.host.requestUpdate();
    return true;
  }

  private _save(): void {
    if (this._base) saveCart(this._base, this._lines);
  }
}
