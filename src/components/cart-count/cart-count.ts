import { html, type PropertyDeclarations, type TemplateResult } from 'lit';
import { LcElement } from '../../base/lc-element.js';
import { formatNumber } from '../../i18n/format.js';
import { tagStyles } from '../../tags/tag.styles.js';
import { StoredCartController } from '../../tags/stored-cart.js';
import { LcTagElement } from '../../tags/tag-element.js';
import { cartCountStyles } from './cart-count.styles.js';
import { cartCountStrings, type CartCountStrings } from './cart-count.strings.js';

/**
 * @summary The cart's size for a site header: the number of products (lines) or licences
 * in the cart `<lc-checkout>` uses, linking to the reseller's checkout page.
 *
 * Reads the stored cart of its backend (`api-base`, or the page's default) and follows it
 * live: additions by `<lc-add-to-cart>` or `<lc-cart>` in this page, and changes made in
 * another tab or window. Reads no catalog and makes no request.
 *
 * @csspart link - The link to the checkout page (a plain span without `href`).
 * @csspart label - The visible "Cart" text.
 * @csspart count - The number (its words are in the link's accessible name).
 *
 * @cssproperty --lc-color-accent - The count's background.
 * @cssproperty --lc-color-accent-text - The count's text.
 * @cssproperty --lc-color-focus - Focus ring.
 * @cssproperty --lc-space - Spacing unit.
 * @cssproperty --lc-font-family - Font.
 */
export class LcCartCount extends LcTagElement<CartCountStrings> {
  static override styles = [LcElement.baseStyles, tagStyles, cartCountStyles];
  static override properties: PropertyDeclarations = { href: {}, unit: {} };

  private readonly _cart = new StoredCartController(this, () => this.baseUrl);

  protected readonly defaultStrings = cartCountStrings;

  /** The reseller's checkout page. */
  declare href?: string;

  /** What to count: `lines` (products in the cart, the default) or `seats` (licences over all lines). */
  unit: 'lines' | 'seats' = 'lines';

  /** Overrides of the default texts (see `cart-count.strings.ts`), key by key. */
  declare strings?: Partial<CartCountStrings>;

  /** The number shown: lines, or licences when `unit` is `seats`. */
  get count(): number {
    const lines = this._cart.lines;
    return this.unit === 'seats' ? lines.reduce((sum, line) => sum + line.quantity, 0) : lines.length;
  }

  protected override render(): TemplateResult {
    const count = this.count;
    const unit = this.unit === 'seats' ? 'seats' : 'lines';
    const shown = formatNumber(count, this.locale);
    const values = { count: shown };
    const form = `cartCount.${unit}.${new Intl.PluralRules(this.locale).select(count)}` as keyof CartCountStrings;
    let words = this.t(form, values);
    // A missing text comes back as its key: a plural form the language or table lacks.
    if (words === form) words = this.t(`cartCount.${unit}.other`, values);
    const content = html`<span part="label">${this.t('cartCount.label')}</span>
      <span part="count" aria-hidden="true">${shown}</span><span class="visually-hidden">${words}</span>`;
    return this.href ? html`<a part="link" href=${this.href}>${content}</a>` : html`<span part="link">${content}</span>`;
  }
}

LcElement.define('lc-cart-count', LcCartCount);

declare global {
  interface HTMLElementTagNameMap {
    'lc-cart-count': LcCartCount;
  }
}
