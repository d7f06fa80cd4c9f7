import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { Billing, Catalog, Order, OrderLineInput, Quote } from '../../api/schemas.js';
import { LcElement } from '../../base/lc-element.js';
import { LcStepElement } from '../../base/lc-step-element.js';
import { lineKey, priceCart } from '../../checkout/cart-store.js';
import { formatMoney, formatNumber } from '../../i18n/format.js';
import { controls, tokens } from '../../styles/tokens.js';
import { BILLINGS } from '../../api/contract-values.js';
import { formatIsolated, isolate } from '../shared/form.js';
import { orderSummaryStyles } from './order-summary.styles.js';
import { orderSummaryStrings, type OrderSummaryStrings } from './order-summary.strings.js';

/** What the summary needs of a placed order: its lines, currency and first invoice. */
export type OrderSummaryOrder = Pick<Order, 'lines' | 'currency' | 'firstInvoiceTotal'>;

interface SummaryLine {
  name: string;
  quantity: number;
  billing: Billing;
  /** One full billing period of the line, when known. */
  amount?: number;
}

interface Summary {
  currency: string;
  lines: SummaryLine[];
  /** Full billing periods summed per frequency; only frequencies with a known amount. */
  perPeriod: Array<[Billing, number]>;
  firstInvoice?: number;
}

/**
 * @summary A compact order summary: each line with its quantity and amount per billing
 * period, the total per period and, once quoted or placed, the prorated first invoice.
 *
 * `<lc-checkout>` shows it beside the step on wide layouts and, collapsible, above the step on
 * narrow ones, from the recipient step to the order's outcome. Amounts come from the quote
 * when there is one for these lines, else from the catalog; after the order is placed, from
 * the order. Product names and amounts wrap inside the card down to 320 px.
 *
 * Works alone with properties; inside `<lc-checkout>` it takes the locale and strings from
 * context.
 *
 * @csspart order-summary - The card (`<details>` when collapsible, otherwise `<section>`).
 * @csspart order-summary-toggle - The `<summary>` that opens and closes it (collapsible only); shows the total.
 * @csspart summary-lines - The list of lines.
 * @csspart summary-line - One line: product, quantity, amount per period.
 * @csspart summary-total - The total per billing period.
 * @csspart summary-first-invoice - The prorated first invoice.
 *
 * @cssproperty --lc-color-text - Text colour.
 * @cssproperty --lc-color-muted - Quantities and amounts per line.
 * @cssproperty --lc-color-surface-alt - Card background.
 * @cssproperty --lc-color-border - Borders.
 * @cssproperty --lc-color-focus - Focus ring of the toggle.
 * @cssproperty --lc-radius - Corner radius.
 * @cssproperty --lc-space - Spacing unit.
 * @cssproperty --lc-font-family - Font.
 */
export class LcOrderSummary extends LcStepElement<OrderSummaryStrings> {
  static override styles = [LcElement.baseStyles, tokens, controls, orderSummaryStyles];

  protected readonly defaultStrings = orderSummaryStrings;

  /** The lines ordered (the cart's, or the placed order's). */
  @property({ attribute: false })
  lines: readonly OrderLineInput[] = [];

  /** The catalog, for product names and prices per period. */
  @property({ attribute: false })
  catalog?: Catalog;

  /** The backend's quote for these lines: amounts per period and the prorated first invoice. */
  @property({ attribute: false })
  quote?: Quote;

  /** The placed order: its lines and first invoice win over `lines` and `quote`. */
  @property({ attribute: false })
  order?: OrderSummaryOrder;

  /** A `<details>` that opens and closes, its total shown while closed (narrow layouts). */
  @property({ type: Boolean, reflect: true })
  collapsible = false;

  /** Whether the collapsible summary is open; follows the user's toggling. */
  @property({ type: Boolean, reflect: true })
  open = false;

  /**
   * Locale for money; falls back to context, then the nearest `lang` in the page.
   * @attr
   */
  declare lang: string;

  /** Overrides of the default texts (see `order-summary.strings.ts`), key by key. */
  declare strings?: Partial<OrderSummaryStrings>;

  private _summary(): Summary {
    const lines = this.order?.lines ?? this.lines;
    const quoted = this.quote?.lines ?? [];
    const priced = this.catalog ? priceCart(lines, this.catalog).lines : [];
    const summaryLines = lines.map((line, index): SummaryLine => {
      const quote = quoted.find((q) => lineKey(q) === lineKey(line) && q.quantity === line.quantity);
      const price = priced[index];
      return {
        name: price?.product?.name ?? quote?.name ?? line.productId,
        quantity: line.quantity,
        billing: line.billing,
        amount: quote?.periodAmount ?? price?.total,
      };
    });
    const sums = new Map<Billing, number>();
    for (const line of summaryLines) {
      if (line.amount !== undefined) sums.set(line.billing, (sums.get(line.billing) ?? 0) + line.amount);
    }
    return {
      currency: this.order?.currency ?? this.quote?.currency ?? this.catalog?.currency ?? 'USD',
      lines: summaryLines,
      perPeriod: BILLINGS.filter((b) => sums.has(b)).map((b) => [b, sums.get(b)!]),
      firstInvoice: this.order?.firstInvoiceTotal ?? this.quote?.firstInvoiceTotal,
    };
  }

  private _perPeriod(summary: Summary, minor: number, billing: Billing): Array<string | TemplateResult> {
    return formatIsolated(this.t(`per.${billing}`), { amount: formatMoney(minor, summary.currency, this.locale) });
  }

  private _renderAmounts(summary: Summary): TemplateResult {
    return html`<span class="amounts" part="summary-total">
      ${summary.perPeriod.map(([billing, amount]) => html`<span>${this._perPeriod(summary, amount, billing)}</span>`)}
    </span>`;
  }

  private _renderBody(summary: Summary): TemplateResult {
    // Closed, the collapsible form shows the total in its toggle: not twice when open.
    const showTotal = !this.collapsible && summary.perPeriod.length > 0;
    return html`
      <ul class="lines" part="summary-lines" aria-label=${this.t('summary.linesLabel')}>
        ${summary.lines.map(
          (line) => html`<li class="line" part="summary-line">
            <span class="line-name">${line.name}</span>
            <span class="line-quantity">${formatIsolated(this.t('summary.quantity'), { count: formatNumber(line.quantity, this.locale) })}</span>
            ${line.amount !== undefined ? html`<span class="line-amount">${this._perPeriod(summary, line.amount, line.billing)}</span>` : nothing}
          </li>`,
        )}
      </ul>
      ${showTotal || summary.firstInvoice !== undefined
        ? html`<dl class="totals">
            ${showTotal ? html`<div><dt>${this.t('summary.total')}</dt><dd>${this._renderAmounts(summary)}</dd></div>` : nothing}
            ${summary.firstInvoice !== undefined
              ? html`<div>
                  <dt>${this.t('summary.firstInvoice')}</dt>
                  <dd part="summary-first-invoice">${isolate(formatMoney(summary.firstInvoice, summary.currency, this.locale))}</dd>
                </div>`
              : nothing}
          </dl>`
        : nothing}
    `;
  }

  private _onToggle(event: Event): void {
    this.open = (event.target as HTMLDetailsElement).open;
  }

  protected override render(): TemplateResult | typeof nothing {
    const summary = this._summary();
    if (summary.lines.length === 0) return nothing;
    if (this.collapsible) {
      return html`<details class="summary" part="order-summary" ?open=${this.open} @toggle=${this._onToggle}>
        <summary part="order-summary-toggle">
          <span class="title">${this.t('summary.heading')}</span>
          ${summary.perPeriod.length > 0 ? this._renderAmounts(summary) : nothing}
        </summary>
        ${this._renderBody(summary)}
      </details>`;
    }
    return html`<section class="summary" part="order-summary" aria-labelledby="summary-heading">
      <h2 id="summary-heading" class="title">${this.t('summary.heading')}</h2>
      ${this._renderBody(summary)}
    </section>`;
  }
}

LcElement.define('lc-order-summary', LcOrderSummary);

declare global {
  interface HTMLElementTagNameMap {
    'lc-order-summary': LcOrderSummary;
  }
}
