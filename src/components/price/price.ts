import { html, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { Billing, Offer, Term } from '../../api/schemas.js';
import { LcElement } from '../../base/lc-element.js';
import { findOffer } from '../../checkout/cart-store.js';
import { formatMoney } from '../../i18n/format.js';
import { tagStyles } from '../../tags/tag.styles.js';
import { CatalogController, checkOffer } from '../../tags/catalog.js';
import { LcTagElement } from '../../tags/tag-element.js';
import { priceStyles } from './price.styles.js';
import { priceStrings, type PriceStrings } from './price.strings.js';

/**
 * @summary A product's catalog price per licence and billing period ("$36.00 per month"),
 * formatted for the page's locale.
 *
 * Shares the page's one `GET /catalog` with the other tags. Without `term` / `billing` it
 * shows the offer `<lc-add-to-cart>` would add. An unknown product, or a term and billing the
 * product is not sold on, is a console warning and "Not available".
 *
 * @csspart price - The price, or the loading / not-available text.
 *
 * @cssproperty --lc-font-family - Font.
 */
export class LcPrice extends LcTagElement<PriceStrings> {
  static override styles = [LcElement.baseStyles, tagStyles, priceStyles];
  static override properties: PropertyDeclarations = { product: {}, term: {}, billing: {} };

  private readonly _catalog = new CatalogController(this);

  protected readonly defaultStrings = priceStrings;

  /** The catalog id of the product. */
  product = '';

  /** The term (`P1M`, `P1Y`, `P3Y`); the product's default when left out. */
  declare term?: Term;

  /** The billing frequency (`monthly`, `annual`); the product's default when left out. */
  declare billing?: Billing;

  /** Overrides of the default texts (see `price.strings.ts`), key by key. */
  declare strings?: Partial<PriceStrings>;

  /** The offer shown, once the catalog is known and has it. */
  private _offer?: Offer;

  protected override willUpdate(_changed: PropertyValues<this>): void {
    this._catalog.use(this.baseUrl, this.options);
    const catalog = this._catalog.catalog;
    if (!catalog) return;
    // The same rules as adding: the offer <lc-add-to-cart> would add, or why there is none.
    const { product, result, problem } = checkOffer(catalog, this.product, this);
    this._offer = result?.ok ? findOffer(product, result.line.term, result.line.billing) : undefined;
    this.warn(problem);
  }

  protected override render(): TemplateResult {
    const catalog = this._catalog.catalog;
    if (!catalog) {
      const failed = this._catalog.failed || !this.baseUrl;
      return html`<span part="price">${this.t(failed ? 'price.unavailable' : 'price.loading')}</span>`;
    }
    const offer = this._offer;
    if (!offer) return html`<span part="price">${this.t('price.unavailable')}</span>`;
    const amount = formatMoney(offer.unitPrice, catalog.currency, this.locale);
    // The amount isolated, so that it keeps its order in a right-to-left page.
    const [before, after] = this.t(`per.${offer.billing}`, { amount: '\0' }).split('\0');
    return html`<span part="price">${before}<bdi>${amount}</bdi>${after}</span>`;
  }
}

LcElement.define('lc-price', LcPrice);

declare global {
  interface HTMLElementTagNameMap {
    'lc-price': LcPrice;
  }
}
