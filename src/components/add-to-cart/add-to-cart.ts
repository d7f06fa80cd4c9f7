import { html, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { Billing, Term } from '../../api/schemas.js';
import { LcElement } from '../../base/lc-element.js';
import { addProduct, findProduct } from '../../checkout/cart-store.js';
import { LcCartChangeEvent } from '../../events/cart-change.js';
import { tagStyles } from '../../tags/tag.styles.js';
import { CatalogController, checkOffer } from '../../tags/catalog.js';
import { readStoredCart, writeStoredCart } from '../../tags/stored-cart.js';
import { LcTagElement } from '../../tags/tag-element.js';
import { addToCartStyles } from './add-to-cart.styles.js';
import { addToCartStrings, type AddToCartStrings } from './add-to-cart.strings.js';

/** The button's state; each but `idle` shows its `addToCart.<state>` text. */
type AddState = 'idle' | 'adding' | 'added' | 'capped' | 'failed';

/** How long "Added to cart" stays before the button is back to its plain state. */
const CONFIRMATION_MS = 4000;

/**
 * @summary A product page's "Add to cart" button: adds a product to the cart that
 * `<lc-checkout>` shows on the checkout page (the same stored cart per backend).
 *
 * The product, term and billing are checked against the catalog (one `GET /catalog` per page
 * for all tags): an unknown product, or a term, billing or quantity it does not offer, is a
 * console warning and a disabled button, never a bad cart line. Without `term` / `billing`
 * the product's default offer is used, as `<lc-checkout>.addProduct()` does.
 *
 * @slot - The button's label; "Add to cart" (the `addToCart.label` text) by default. The
 *   product's name follows it, visually hidden, in the button's accessible name.
 *
 * @fires lc-cart-change - `LcCartChangeEvent` with `reason` `add` and the stored `lines`, after the
 *   line is stored (`totals` is undefined: the tags do not price the cart).
 *
 * @csspart button - The button.
 * @csspart status - The visible confirmation: adding, added, failed or not available (a polite live region).
 *
 * @cssproperty --lc-color-accent - Button background.
 * @cssproperty --lc-color-accent-text - Button text.
 * @cssproperty --lc-color-success - "Added to cart".
 * @cssproperty --lc-color-danger - "Could not add".
 * @cssproperty --lc-color-focus - Focus ring.
 * @cssproperty --lc-radius - Corner radius.
 * @cssproperty --lc-space - Spacing unit.
 * @cssproperty --lc-font-family - Font.
 */
export class LcAddToCart extends LcTagElement<AddToCartStrings> {
  static override styles = [LcElement.baseStyles, tagStyles, addToCartStyles];
  static override properties: PropertyDeclarations = {
    product: {},
    term: {},
    billing: {},
    quantity: { type: Number },
    _state: { state: true },
  };

  private readonly _catalog = new CatalogController(this);

  protected readonly defaultStrings = addToCartStrings;

  /** The catalog id of the product to add. */
  product = '';

  /** The term (`P1M`, `P1Y`, `P3Y`); the product's default when left out. */
  declare term?: Term;

  /** The billing frequency (`monthly`, `annual`); the product's default when left out. */
  declare billing?: Billing;

  /** Licences to add; the product's minimum when left out. */
  declare quantity?: number;

  /** Overrides of the default texts (see `add-to-cart.strings.ts`), key by key. */
  declare strings?: Partial<AddToCartStrings>;

  private _state: AddState = 'idle';
  /** Why the button is disabled; undefined while it can be used. */
  private _problem?: string;
  private _timer?: ReturnType<typeof setTimeout>;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this._timer);
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const base = this.baseUrl;
    this._catalog.use(base, this.options);
    const catalog = this._catalog.catalog;
    this._problem = !base ? 'no api-base' : catalog && checkOffer(catalog, this.product, this).problem;
    this.warn(this._problem && `${this._problem}; the button is disabled`);
  }

  private async _onClick(): Promise<void> {
    if (this._state === 'adding' || this._problem) return;
    clearTimeout(this._timer);
    this._state = 'adding';
    const base = this.baseUrl!;
    try {
      const catalog = await this._catalog.ready(this.options);
      // The catalog may have arrived just now and ruled the product out.
      const { product, result: dryRun } = checkOffer(catalog, this.product, this);
      const result = dryRun?.ok ? addProduct(readStoredCart(base), product!, dryRun.line) : undefined;
      if (!result?.ok || !writeStoredCart(base, result.cart)) throw new Error('not added');
      this._state = result.capped ? 'capped' : 'added';
      // No totals: pricing the whole cart is the checkout's job (and weight).
      this.dispatchEvent(new LcCartChangeEvent(result.cart, undefined, 'add'));
      this._timer = setTimeout(() => (this._state = 'idle'), CONFIRMATION_MS);
    } catch {
      // Why is in the console already (the catalog's failure, or the product's problem).
      this._state = 'failed';
    }
  }

  private _status(): string {
    if (this._problem && this._catalog.catalog) return this.t('addToCart.unavailable');
    if (this._state === 'idle') return '';
    const max = findProduct(this._catalog.catalog, this.product)?.maxQuantity ?? '';
    return this.t(`addToCart.${this._state}`, { max });
  }

  protected override render(): TemplateResult {
    const name = findProduct(this._catalog.catalog, this.product)?.name;
    const unavailable = !!this._problem && (!!this._catalog.catalog || !this.baseUrl);
    const state = unavailable ? 'unavailable' : this._state === 'capped' ? 'added' : this._state;
    return html`<button part="button" type="button" ?disabled=${unavailable} @click=${this._onClick}>
        <slot>${this.t('addToCart.label')}</slot>
        ${name ? html`<span class="visually-hidden">${this.t('addToCart.product', { name })}</span>` : ''}
      </button>
      <span part="status" role="status" class=${state}>${this._status()}</span>`;
  }
}

LcElement.define('lc-add-to-cart', LcAddToCart);

declare global {
  interface HTMLElementTagNameMap {
    'lc-add-to-cart': LcAddToCart;
  }
}
