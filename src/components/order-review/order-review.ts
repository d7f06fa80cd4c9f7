import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Billing, Catalog, OrderLineInput, Quote, QuoteLine } from '../../api/schemas.js';
import { LcElement } from '../../base/lc-element.js';
import { LcStepElement } from '../../base/lc-step-element.js';
import { findOffer, findProduct, lineKey } from '../../checkout/cart-store.js';
import type { AdminAccessSummary, AgreementSummary, RecipientSummary, Step } from '../../checkout/machine.js';
import { LcPlaceOrderEvent } from '../../events/place-order.js';
import { LcQuoteRetryEvent } from '../../events/quote-retry.js';
import { LcStepBackEvent } from '../../events/step-back.js';
import { LcStepEditEvent } from '../../events/step-edit.js';
import { formatDateRange, formatMoney, formatNumber } from '../../i18n/format.js';
import { controls, tokens } from '../../styles/tokens.js';
import { BILLINGS } from '../../api/contract-values.js';
import { formatIsolated, isolate } from '../shared/form.js';
import { formStyles } from '../shared/form.styles.js';
import { adminAccessRow, agreementRow } from './order-review.access.js';
import { orderReviewStyles } from './order-review.styles.js';
import { renderLineTerms, renderPurchaseOrder, reviewLinesStyles, type ReviewLinesView } from './order-review.lines.js';
import type { LineChoice, RecipientSubscriptions } from '../../checkout/machine-lines.js';
import { LcStepInputEvent } from '../../events/step-input.js';
import { orderReviewStrings, type OrderReviewStrings } from './order-review.strings.js';
// An existing customer's admin access is chosen on the review (<lc-checkout> slots it in).
import '../tenant-domain/admin-access.js';

// The review's summaries are selectors of the checkout machine; their types are named here too.
export type { AgreementSummary, RecipientSummary } from '../../checkout/machine.js';

export type QuoteState = 'loading' | 'ready' | 'error';

/** One line as shown: the cart's line, its catalog price, its quote line when there is one. */
interface ReviewLine {
  line: OrderLineInput;
  name: string;
  unitPrice?: number;
  quoted?: QuoteLine;
}

/**
 * @summary The order review: recipient, tenant, licence lines, the prorated first invoice
 * from the backend's quote with the period each amount covers, totals, and "Place order".
 *
 * Per line, for a recipient with `subscriptions` of the same product, term and billing: add
 * the seats to one (preselected) or buy a new subscription; for a new subscription, its end
 * date (from the allowed ones) and auto-renew; for every line, when it renews, until when it
 * can be cancelled (`cancellableUntil`, in the page's locale and time zone), the promotion.
 * Then the optional purchase order number. Choices and the number are reported as
 * `lc-step-input` (`{ line: { key, choice } }`, `{ purchaseOrder }`).
 *
 * Works alone with properties; inside `<lc-checkout>` it takes the locale and strings from
 * context. "Place order" fires at most once per placement: it is unavailable while
 * `submitting` and from the press until the owner answers (sets `submitting`, or `error`).
 *
 * @fires lc-place-order - `LcPlaceOrderEvent` (cancelable): the user pressed "Place order".
 * @fires lc-quote-retry - `LcQuoteRetryEvent`: the user asked to load the failed quote again.
 * @fires lc-step-edit - `LcStepEditEvent`: an Edit link was pressed; `step` is where to go.
 * @fires lc-step-back - `LcStepBackEvent`: the Back button was pressed.
 * @fires lc-step-input - `LcStepInputEvent` (not composed): a line's choice or the purchase order number changed.
 *
 * @csspart heading - The step heading (kept for compatibility; prefer `step-heading`).
 * @csspart step-heading - The step heading, named as in the other steps (focusable, see `focusHeading()`).
 * @csspart summary - The recipient, tenant and agreement summary.
 * @csspart lines - The list of licence lines.
 * @csspart line - One licence line.
 * @csspart line-name - The product name of a line.
 * @csspart proration - What the first invoice charges for a line and the period it covers.
 * @csspart totals - First invoice and recurring totals.
 * @csspart loading - The skeleton shown while the quote loads.
 * @csspart quote-failed - Shown when the quote could not be loaded.
 * @csspart error - The message of a failed placement.
 * @csspart button - Every button; also `edit-button`, `retry-button`, `back-button`, `place-order-button`.
 * @csspart edit-button - An Edit link back to a step.
 * @csspart retry-button - Loads the quote again.
 * @csspart back-button - Back to the previous step.
 * @csspart place-order-button - Places the order.
 * @csspart line-choice - Per line, for a recipient who has the product: seats on a subscription, or a new one.
 * @csspart radio - Every radio; also `line-choice-radio`.
 * @csspart line-choice-radio - One way to buy a line.
 * @csspart end-date-select - The end date of a new subscription (when there is a choice).
 * @csspart checkbox - Every checkbox; also `auto-renew-checkbox`.
 * @csspart auto-renew-checkbox - Whether a new subscription renews.
 * @csspart renewal - When a line renews, or that it ends without renewing.
 * @csspart cancellation - Until when a line can be cancelled or reduced (date and time).
 * @csspart promotion - The promotion applied to a line and what it saves.
 * @csspart promotion-not-applied - A promotion the line does not get, and why.
 * @csspart line-error - The store's message about a line (a seat cap).
 * @csspart field - The purchase order field (label, input, hint, error).
 * @csspart input - Every input; also `purchase-order-input`.
 * @csspart purchase-order-input - The purchase order number.
 * @csspart select - Every select; also `end-date-select`.
 * @csspart hint - The purchase order's hint.
 *
 * @cssproperty --lc-color-accent - "Place order" background and links.
 * @cssproperty --lc-color-accent-text - Text on "Place order".
 * @cssproperty --lc-color-text - Text colour.
 * @cssproperty --lc-color-muted - Secondary text (the proration period).
 * @cssproperty --lc-color-surface - Line card background.
 * @cssproperty --lc-color-surface-alt - Totals background, skeleton.
 * @cssproperty --lc-color-border - Borders.
 * @cssproperty --lc-color-danger - Errors.
 * @cssproperty --lc-color-focus - Focus ring.
 * @cssproperty --lc-radius - Corner radius.
 * @cssproperty --lc-space - Spacing unit.
 * @cssproperty --lc-font-family - Font.
 * @cssproperty --lc-font-size - Base font size.
 */
export class LcOrderReview extends LcStepElement<OrderReviewStrings> {
  static override styles = [LcElement.baseStyles, tokens, controls, formStyles, orderReviewStyles, reviewLinesStyles];

  protected readonly defaultStrings = orderReviewStrings;

  /** The cart's lines. */
  @property({ attribute: false })
  lines: readonly OrderLineInput[] = [];

  /** The catalog, for product names and unit prices before the quote arrives. */
  @property({ attribute: false })
  catalog?: Catalog;

  /** Who the order is for. */
  @property({ attribute: false })
  recipient?: RecipientSummary;

  /** The agreement acceptance shown in the summary, when the order needs one. */
  @property({ attribute: false })
  agreement?: AgreementSummary;

  /** The admin access (GDAP) the order asks for, shown in the summary. */
  @property({ attribute: false })
  adminAccess?: AdminAccessSummary;

  /** The backend's quote (`POST /quotes`) for these lines and this recipient. */
  @property({ attribute: false })
  quote?: Quote;

  /** Whether the quote is on its way, shown, or failed (then a Retry shows). */
  @property({ attribute: 'quote-state', reflect: true })
  quoteState: QuoteState = 'loading';

  /** `POST /orders` is under way: "Place order" is unavailable and shows progress. */
  @property({ type: Boolean, reflect: true })
  submitting = false;

  /** Why the last placement failed, in words; shown above "Place order". */
  @property()
  error?: string;

  /** Hides the Back button. */
  @property({ type: Boolean, attribute: 'no-back', reflect: true })
  noBack = false;

  /**
   * The recipient's subscriptions and allowed end dates: a line whose product, term and
   * billing match an active subscription offers adding seats to it or a new subscription.
   */
  @property({ attribute: false })
  subscriptions?: RecipientSubscriptions;

  /** The choice per line (by the cart's line key); a line without one gets the default (seats when possible). */
  @property({ attribute: false })
  choices?: Readonly<Record<string, LineChoice>>;

  /** The purchase order number or customer reference, as typed (up to 40 characters). */
  @property({ attribute: false })
  purchaseOrder = '';

  /** The store's message about the purchase order number, from a refused order. */
  @property({ attribute: false })
  purchaseOrderError?: string;

  /** The store's messages about lines (a seat cap), by line index; shown next to each line. */
  @property({ attribute: false })
  lineErrors?: Readonly<Record<number, string>>;

  /**
   * Locale for money and dates; falls back to context, then the nearest `lang` in the page.
   * @attr
   */
  declare lang: string;

  /** Overrides of the default texts (see `order-review.strings.ts`), key by key. */
  declare strings?: Partial<OrderReviewStrings>;

  /**
   * Set from the press until the owner answers: a second click or Enter in the same moment
   * (before `submitting` arrives) must not fire again.
   */
  @state() private _requested = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The owner answered the press: the attempt ended (or never started).
    if ((changed.has('submitting') && !this.submitting && changed.get('submitting') === true) || (changed.has('error') && this.error)) {
      this._requested = false;
    }
  }

  private _onPlaceOrder(): void {
    if (!this._canPlace || this._busy) return;
    this._requested = true;
    const event = new LcPlaceOrderEvent(this.quote?.id);
    this.dispatchEvent(event);
    if (event.defaultPrevented) this._requested = false;
  }

  private _onRetry(): void {
    this.dispatchEvent(new LcQuoteRetryEvent());
  }

  private _onEdit(step: Step): void {
    if (this._busy) return;
    this.dispatchEvent(new LcStepEditEvent(step));
  }

  private _onBack(): void {
    if (this._busy) return;
    this.dispatchEvent(new LcStepBackEvent('review'));
  }

  /** A line's choice: kept here (shown at once) and reported as `lc-step-input` with `{ line: { key, choice } }`. */
  private _onChoose(key: string, choice: LineChoice): void {
    this.choices = { ...this.choices, [key]: choice };
    this.dispatchEvent(new LcStepInputEvent('review', { line: { key, choice } }));
  }

  private _onPurchaseOrder(value: string): void {
    this.purchaseOrder = value;
    this.dispatchEvent(new LcStepInputEvent('review', { purchaseOrder: value }));
  }

  private _linesView(): ReviewLinesView {
    return {
      t: (key, values) => this.t(key, values),
      locale: this.locale,
      money: (minor) => this._money(minor),
      busy: this._busy,
      ...(this.subscriptions ? { subscriptions: this.subscriptions } : {}),
      ...(this.choices ? { choices: this.choices } : {}),
      choose: (key, choice) => this._onChoose(key, choice),
    };
  }

  private get _busy(): boolean {
    return this.submitting || this._requested;
  }

  private get _canPlace(): boolean {
    return this.quoteState === 'ready' && Boolean(this.quote) && this.lines.length > 0;
  }

  private get _currency(): string {
    return this.quote?.currency ?? this.catalog?.currency ?? 'USD';
  }

  private _money(minor: number): string {
    return formatMoney(minor, this._currency, this.locale);
  }

  /** "US$125.00 per month", the amount isolated so it keeps its order in a right-to-left page. */
  private _perPeriod(minor: number, billing: Billing): Array<string | TemplateResult> {
    return formatIsolated(this.t(`per.${billing}`), { amount: this._money(minor) });
  }

  /** "1–31 Dec 2026": a calendar range in `lang`, in the checkout's one date style. */
  private _range(from: string, to: string): string {
    return formatDateRange(from, to, this.locale);
  }

  private _reviewLines(): ReviewLine[] {
    const quoted = this.quoteState === 'ready' ? this.quote?.lines ?? [] : [];
    return this.lines.map((line) => {
      const product = findProduct(this.catalog, line.productId);
      const offer = findOffer(product, line.term, line.billing);
      const key = lineKey(line);
      const quoteLine = quoted.find((q) => lineKey(q) === key);
      return {
        line,
        name: quoteLine?.name ?? product?.name ?? this.t('review.unknownProduct', { id: line.productId }),
        unitPrice: quoteLine?.unitPrice ?? offer?.unitPrice,
        ...(quoteLine ? { quoted: quoteLine } : {}),
      };
    });
  }

  private _renderEdit(step: Step, label: keyof OrderReviewStrings & string): TemplateResult {
    // The visible word starts the accessible name (label in name), which says what is edited.
    return html`<button
      type="button"
      class="link"
      part="button edit-button"
      aria-label=${this.t(label)}
      ?hidden=${this._busy}
      @click=${() => this._onEdit(step)}
    >
      ${this.t('review.edit')}
    </button>`;
  }

  private _renderSummaryRow(label: string, value: string | Array<string | TemplateResult>, edit?: TemplateResult): TemplateResult {
    return html`<div class="summary-row">
      <dt>${label}</dt>
      <dd>${value} ${edit ?? nothing}</dd>
    </div>`;
  }

  private _renderSummary(): TemplateResult | typeof nothing {
    const recipient = this.recipient;
    if (!recipient) return nothing;
    const company = recipient.companyName ?? '';
    const rows: TemplateResult[] = [];
    const recipientEdit = recipient.kind === 'new' ? this._renderEdit('customer-details', 'review.edit.company') : this._renderEdit('customer-type', 'review.edit.recipient');
    rows.push(this._renderSummaryRow(this.t('review.recipient'), formatIsolated(this.t(`review.recipient.${recipient.kind}`), { company }), recipientEdit));
    if (recipient.kind === 'internal') {
      rows.push(this._renderSummaryRow(this.t('review.tenant'), this.t('review.tenant.internal')));
    } else if (recipient.tenantDomain) {
      const domain = recipient.tenantDomain;
      const text = formatIsolated(this.t(recipient.newTenant ? 'review.tenant.new' : 'review.tenant.existing'), { domain });
      rows.push(this._renderSummaryRow(this.t('review.tenant'), text, recipient.kind === 'new' ? this._renderEdit('tenant-domain', 'review.edit.tenant') : undefined));
    }
    const row = (label: string, value: string | Array<string | TemplateResult>, edit?: TemplateResult) => this._renderSummaryRow(label, value, edit);
    const t = (key: string, values?: Record<string, string | number>) => this.t(key as keyof OrderReviewStrings & string, values);
    return html`<dl class="summary" part="summary">
        ${rows}${agreementRow(t, this.locale, this.agreement, row, this._renderEdit('agreement', 'review.edit.agreement'))}${adminAccessRow(this.stringOverrides, this.adminAccess, row)}
      </dl>
      <slot name="admin-access"></slot>`;
  }

  private _renderProration(quoted: QuoteLine | undefined): TemplateResult {
    if (quoted) {
      const period = formatIsolated(this.t('review.period'), {
        range: this._range(quoted.proratedFrom, quoted.periodEnd),
        charged: formatNumber(quoted.chargedDays, this.locale),
        days: formatNumber(quoted.periodDays, this.locale),
      });
      return html`<dd part="proration">${isolate(this._money(quoted.proratedAmount))} <span class="proration">(${period})</span></dd>`;
    }
    if (this.quoteState === 'loading') return html`<dd><span class="skeleton" part="loading" aria-hidden="true"></span></dd>`;
    return html`<dd>—</dd>`;
  }

  private _renderLine({ line, name, unitPrice, quoted }: ReviewLine, index: number, view: ReviewLinesView): TemplateResult {
    const id = `line-${index}`;
    const period = quoted ? quoted.periodAmount : unitPrice !== undefined ? unitPrice * line.quantity : undefined;
    return html`
      <li class="line" part="line" aria-labelledby=${id}>
        <h4 class="line-name" id=${id} part="line-name">${name}</h4>
        <p class="hint">${this.t(`term.${line.term}`)} · ${this.t(`billing.${line.billing}`)}</p>
        <dl class="facts">
          <div><dt>${this.t('review.quantity')}</dt><dd>${formatNumber(line.quantity, this.locale)}</dd></div>
          ${unitPrice !== undefined
            ? html`<div><dt>${this.t('review.unitPrice')}</dt><dd>${this._perPeriod(unitPrice, line.billing)}</dd></div>`
            : nothing}
          ${period !== undefined
            ? html`<div><dt>${this.t('review.periodAmount')}</dt><dd>${this._perPeriod(period, line.billing)}</dd></div>`
            : nothing}
          <div><dt>${this.t('review.firstInvoice')}</dt>${this._renderProration(quoted)}</div>
        </dl>
        ${renderLineTerms(view, line, index, quoted, this.lineErrors?.[index])}
      </li>
    `;
  }

  /** Recurring amounts per billing frequency: from the quote when shown, else from the catalog. */
  private _recurring(lines: ReviewLine[]): Array<Array<string | TemplateResult>> {
    const sums = new Map<Billing, number>();
    for (const { line, unitPrice, quoted } of lines) {
      const amount = quoted?.periodAmount ?? (unitPrice !== undefined ? unitPrice * line.quantity : undefined);
      if (amount === undefined) continue;
      sums.set(line.billing, (sums.get(line.billing) ?? 0) + amount);
    }
    return BILLINGS.filter((b) => sums.has(b)).map((b) => this._perPeriod(sums.get(b)!, b));
  }

  private _renderTotals(lines: ReviewLine[]): TemplateResult {
    const recurring = this._recurring(lines);
    const first =
      this.quoteState === 'ready' && this.quote
        ? html`<dd>${isolate(this._money(this.quote.firstInvoiceTotal))}</dd>`
        : this.quoteState === 'loading'
          ? html`<dd><span class="skeleton" part="loading" aria-hidden="true"></span></dd>`
          : html`<dd>—</dd>`;
    return html`
      <h3 class="visually-hidden">${this.t('review.totals')}</h3>
      <dl class="totals" part="totals">
        <div class="first"><dt>${this.t('review.firstInvoiceTotal')}</dt>${first}</div>
        ${recurring.length > 0
          ? html`<div>
              <dt>${this.t('review.recurring')}</dt>
              <dd>${recurring.map((text, i) => html`${i > 0 ? html`<br />` : nothing}${text}`)}</dd>
            </div>`
          : nothing}
      </dl>
    `;
  }

  private _renderQuoteStatus(): TemplateResult | typeof nothing {
    if (this.quoteState === 'loading') {
      return html`<p class="hint" aria-live="polite">${this.t('review.quoteLoading')}</p>`;
    }
    if (this.quoteState === 'error' && this.lineErrors) {
      return html`<div class="notice danger quote-failed" part="quote-failed" role="alert"><p>${this.t('review.lineRefused')}</p></div>`;
    }
    if (this.quoteState === 'error') {
      return html`
        <div class="notice danger quote-failed" part="quote-failed" role="alert">
          <p><strong>${this.t('review.quoteFailed')}</strong></p>
          <p>${this.t('review.quoteFailedDetail')}</p>
          <button type="button" part="button retry-button" @click=${this._onRetry}>${this.t('review.quoteRetry')}</button>
        </div>
      `;
    }
    return nothing;
  }

  /** "Place order" is `aria-disabled`, never `disabled`: a disabled button drops keyboard focus to <body> mid-placement. */
  private _renderActions(): TemplateResult {
    const busy = this._busy;
    const unavailable = !this._canPlace;
    const hint = unavailable && !busy ? this.t('review.waitForQuote') : this.t('review.placeOrderHint');
    return html`
      ${this.error && !busy
        ? html`<div class="notice danger place-error" part="error" role="alert"><p>${this.error}</p></div>`
        : nothing}
      <div class="actions" aria-busy=${busy ? 'true' : 'false'}>
        <p id="place-hint" class="hint place-hint">${hint}</p>
        ${this.noBack
          ? nothing
          : html`<button type="button" part="button back-button" ?hidden=${busy} @click=${this._onBack}>${this.t('review.back')}</button>`}
        <button
          type="button"
          class="primary"
          part="button place-order-button"
          aria-disabled=${busy || unavailable ? 'true' : 'false'}
          aria-busy=${busy ? 'true' : 'false'}
          aria-describedby="place-hint"
          @click=${this._onPlaceOrder}
        >
          ${busy ? html`<span class="spinner" aria-hidden="true"></span>${this.t('review.placing')}` : this.t('review.placeOrder')}
        </button>
      </div>
    `;
  }

  protected override render(): TemplateResult {
    const lines = this._reviewLines();
    const view = this._linesView();
    return html`
      <section aria-labelledby="heading">
        <h2 id="heading" class="step-heading" part="heading step-heading" tabindex="-1">${this.t('review.heading')}</h2>
        <p class="hint">${this.t('review.intro')}</p>
        ${this._renderSummary()}
        <div class="section-head">
          <h3 id="lines-heading">${this.t('review.lines')}</h3>
          ${this._renderEdit('cart', 'review.edit.lines')}
        </div>
        <ul class="lines" part="lines" role="list" aria-labelledby="lines-heading">
          ${lines.map((line, index) => this._renderLine(line, index, view))}
        </ul>
        ${this._renderTotals(lines)} ${this._renderQuoteStatus()}
        ${renderPurchaseOrder(view, this.purchaseOrder, this.purchaseOrderError, (value) => this._onPurchaseOrder(value))}
        ${this._renderActions()}
      </section>
    `;
  }
}

LcElement.define('lc-order-review', LcOrderReview);

declare global {
  interface HTMLElementTagNameMap {
    'lc-order-review': LcOrderReview;
  }
}
