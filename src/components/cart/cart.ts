import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { CheckoutApi } from '../../api/api.js';
import { HttpCheckoutApi } from '../../api/client.js';
import { BILLINGS, TERMS } from '../../api/contract-values.js';
import type { Billing, Catalog, Product, Term } from '../../api/schemas-cart.js';
import { LcElement } from '../../base/lc-element.js';
import { LcApiStepElement } from '../../base/lc-step-element.js';
import { CartController, type CartChange } from '../../checkout/cart-controller.js';
import {
  EMPTY_CART,
  backendScope,
  billingsOf,
  changeOffer,
  lineKey,
  normalizeCart,
  parseQuantity,
  priceCart,
  removeLine,
  setQuantity,
  termsOf,
  type AddOptions,
  type Cart,
  type CartLine,
  type CartPricing,
  type PricedLine,
  type QuantityProblem,
} from '../../checkout/cart-store.js';
import type { CartChangeReason } from '../../events/cart-change.js';
import { LcCheckoutRequestEvent } from '../../events/cart-checkout-request.js';
import { LcCatalogRetryEvent } from '../../events/catalog-retry.js';
import { formatMoney, formatNumber } from '../../i18n/format.js';
import { controls, tokens } from '../../styles/tokens.js';
import { formatIsolated } from '../shared/form.js';
import { LookupTask } from '../checkout/lookup-task.js';
import { TaskReconnect } from '../checkout/task-reconnect.js';
import { cartAnnouncement } from './cart-text.js';
import { entriesOf, moveKey, readQuantity, withTypedQuantities } from './quantity-entry.js';
import { cartStyles } from './cart.styles.js';
import { cartStrings, type CartStrings } from './cart.strings.js';
import { perYearStyles, renderPerYear } from './cart.per-year.js';

/** Where an owner that loads the catalog (`<lc-checkout>`) is with it. */
export type CatalogState = 'loading' | 'ready' | 'error';

/**
 * @summary The cart: licence lines from the catalog with term, billing and quantity, their
 * prices and totals, and the Checkout action.
 *
 * Used alone, give it `api-base` (or an `api` object): it loads the catalog, and keeps the
 * cart in `localStorage` per API base URL, restored on load. Inside `<lc-checkout>` the
 * checkout owns the cart: it sets `lines`, `catalog` and `catalogState`, and the cart only
 * renders them and reports the user's changes; the locale and the strings come from context.
 *
 * @fires lc-cart-change - `LcCartChangeEvent`: the user, `addProduct()` or `clear()` changed the
 *   cart; carries `lines`, `totals` and `reason`. Not fired when the owner sets `lines`.
 * @fires lc-checkout-request - `LcCheckoutRequestEvent`: Checkout was pressed on a valid, non-empty cart; carries `lines` and `totals`.
 * @fires lc-catalog-retry - `LcCatalogRetryEvent`: Retry was pressed after the owner's catalog failed (only with `catalogState`).
 *
 * @csspart heading - The cart's heading (kept for compatibility; prefer `step-heading`).
 * @csspart step-heading - The cart's heading, named as in the steps.
 * @csspart line - One cart line (a list item).
 * @csspart line-name - The product name of a line.
 * @csspart field - A label with its control, hint and error.
 * @csspart select - Every select; also `term-select` and `billing-select`.
 * @csspart term-select - The term choice of a line.
 * @csspart billing-select - The billing choice of a line.
 * @csspart input - Every input; also `quantity-input`.
 * @csspart quantity-input - The quantity of a line.
 * @csspart hint - The allowed quantities under a quantity input.
 * @csspart error - A per-field error message or a line's problem.
 * @csspart unit-price - The unit price of a line.
 * @csspart line-total - The total of a line (it follows a valid quantity as it is typed).
 * @csspart per-year - Under a line: what one licence of each term and billing costs per year.
 * @csspart per-year-offer - One term and billing of that comparison; also `per-year-chosen` for the line's own.
 * @csspart per-year-chosen - The line's own term and billing in that comparison.
 * @csspart button - Every button; also `remove-button`, `retry-button`, `checkout-button`.
 * @csspart remove-button - Removes a line.
 * @csspart retry-button - Reloads the catalog after a failure.
 * @csspart checkout-button - The primary Checkout action.
 * @csspart totals - The cart totals per billing frequency.
 * @csspart notes - The proration and one-customer notes.
 * @csspart loading - Shown while the catalog loads.
 * @csspart failed - Shown when the catalog could not be loaded.
 * @csspart empty - Shown when the cart is empty.
 * @csspart status - The visually hidden live region announcing changes.
 *
 * @cssproperty --lc-color-accent - Primary button and note accent.
 * @cssproperty --lc-color-accent-text - Text on the primary button.
 * @cssproperty --lc-color-text - Text colour.
 * @cssproperty --lc-color-muted - Secondary text.
 * @cssproperty --lc-color-surface - Line card background.
 * @cssproperty --lc-color-surface-alt - Notes and empty state background.
 * @cssproperty --lc-color-border - Borders.
 * @cssproperty --lc-color-danger - Errors.
 * @cssproperty --lc-color-focus - Focus ring.
 * @cssproperty --lc-radius - Corner radius.
 * @cssproperty --lc-space - Spacing unit.
 * @cssproperty --lc-font-family - Font.
 * @cssproperty --lc-font-size - Base font size.
 */
export class LcCart extends LcApiStepElement<CartStrings> {
  static override styles = [LcElement.baseStyles, tokens, controls, cartStyles, perYearStyles];

  /** The cart's lines, storage and pending additions; inside `<lc-checkout>`, a copy of the owner's lines. */
  private readonly _store = new CartController(this, (change) => this._onStoreChange(change));

  /** `GET /catalog`, unless an owner provides the catalog. */
  private readonly _catalogTask = new LookupTask(this, {
    task: async ([api], { signal }) => {
      if (this._owned) return initialState;
      // A new backend (or a retry) must not show the previous backend's products.
      this._store.catalog = undefined;
      if (!api) return initialState;
      return api.getCatalog({ signal });
    },
    args: () => [this._owned ? undefined : (this.api ?? this._httpApi)] as const,
    asksNothing: ([api]) => !api,
    onComplete: (catalog) => {
      this._store.catalog = catalog;
    },
    onError: (error) => {
      // Aborted by a disconnect: the additions wait for the reload on reconnect.
      if (error instanceof DOMException && error.name === 'AbortError') return;
      this._store.rejectPending(error);
    },
  });

  /** Task does not abort on disconnect by itself: dropped then, and loaded again when the cart comes back. */
  private readonly _catalogReconnect = new TaskReconnect(this, [this._catalogTask as Task<readonly unknown[], unknown>]);

  protected readonly defaultStrings = cartStrings;

  /**
   * The backend client. Inside `<lc-checkout>` it comes from context; alone, set it or
   * `api-base`. When set, it is used instead of an HTTP client for `api-base`.
   */
  declare api?: CheckoutApi;

  /**
   * The backend's base URL. Without `api`, the cart talks to it with `HttpCheckoutApi`.
   * It also keys the stored cart: each backend has its own (with `api` alone nothing is stored,
   * unless the client exposes a `baseUrl`).
   */
  @property({ attribute: 'api-base' })
  apiBase?: string;

  /**
   * Locale for prices; falls back to context, then the nearest `lang` in the page.
   * @attr
   */
  declare lang: string;

  /** Overrides of the default texts (see `cart.strings.ts`), key by key. */
  declare strings?: Partial<CartStrings>;

  /**
   * The cart's lines (the contract's `OrderLineInput`), frozen. Setting them replaces the
   * cart without an `lc-cart-change` event (controlled use) and skips restoring the stored cart;
   * malformed lines are dropped with a warning, duplicates merged.
   */
  @property({ attribute: false })
  get lines(): Cart {
    return this._store.lines;
  }
  set lines(value: readonly CartLine[]) {
    this._ownerSetLines = true;
    // The owner handing back the very cart this element reported: nothing to replace. Nor when
    // it sets again the frozen lines it set last (a Lit owner does on every render) and the
    // cart still holds what they gave: normalizing them again would give the same lines.
    if (value === this._store.lines || (value === this._owners?.lines && this._store.lines === this._owners.cart)) return;
    const { cart, dropped } = normalizeCart(Array.isArray(value) ? value : []);
    this._owners = Array.isArray(value) && Object.isFrozen(value) && value.every((line) => Object.isFrozen(line)) ? { lines: value, cart } : undefined;
    if (dropped > 0) console.warn(`license-checkout: <lc-cart> ignored ${dropped} malformed line(s).`);
    // What is typed in a line that is still there stays, valid or not (the owner may add a
    // product while the user types in another line); only a gone line's entry goes.
    const kept = entriesOf({ drafts: this._drafts, errors: this._errors }, new Set(cart.map(lineKey)));
    this._drafts = kept.drafts;
    this._errors = kept.errors;
    this._store.replace(cart);
  }

  /**
   * The catalog, from an owner that loads it (`<lc-checkout>`). Used only with `catalogState`.
   */
  @property({ attribute: false })
  catalog?: Catalog;

  /**
   * Set by an owner that loads the catalog and keeps the cart (`<lc-checkout>`): the cart
   * then sends no request and stores nothing itself; it shows `catalog`, the owner's loading
   * or failure, and asks the owner to retry with `lc-catalog-retry`.
   */
  @property({ attribute: false })
  catalogState?: CatalogState;

  /** What the user typed in each quantity field (by line key) until it is committed or fixed. */
  @state() private _drafts = new Map<string, string>();
  /** Quantity errors being shown, by line key. */
  @state() private _errors = new Map<string, QuantityProblem>();
  @state() private _announcement = '';

  private _httpApi?: CheckoutApi;
  private _httpApiBase?: string;
  private _ownerSetLines = false;
  /** The owner's last frozen `lines` and the cart made of them. */
  private _owners?: { lines: readonly CartLine[]; cart: Cart };
  /** What the next reported change says in the live region (besides the total). */
  private _changeMessage?: string;
  /** The pricing of the current cart (with the valid quantities being typed) and catalog, computed once per change. */
  private _priced?: { cart: Cart; drafts: Map<string, string>; catalog: Catalog; pricing: CartPricing; byKey?: Map<string, PricedLine> };

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('apiBase') && this.apiBase !== this._httpApiBase) {
      this._httpApiBase = this.apiBase;
      this._httpApi = this.apiBase ? new HttpCheckoutApi({ baseUrl: this.apiBase }) : undefined;
    }
    if (this._owned) this._store.catalog = this.catalog;
    // An owner keeps the cart: nothing is stored here then.
    // Stored under `api-base`, else a `baseUrl` the client exposes.
    const base = this._owned ? undefined : backendScope(this.apiBase || (this.api as { baseUrl?: unknown } | undefined)?.baseUrl);
    if (this._store.storeUnder(base, !this._ownerSetLines)) {
      this._drafts = new Map();
      this._errors = new Map();
    }
  }

  /**
   * Adds a product, for the host page's "Add to cart" buttons. Callable before the catalog
   * has loaded: the addition waits for it. An identical line is merged (quantities summed,
   * capped at the product's maximum).
   *
   * Resolves with the resulting line. Rejects with an `Error` for a product not in the
   * catalog, a term/billing it does not offer, a quantity outside its bounds, or when the
   * catalog fails to load; the cart is then unchanged.
   */
  addProduct(productId: string, options: AddOptions = {}): Promise<CartLine> {
    return this._store.add(productId, options);
  }

  /** Empties the cart (fires `lc-cart-change` when it was not empty). */
  clear(): void {
    if (this._cart.length === 0) return;
    this._drafts = new Map();
    this._errors = new Map();
    this._commit(EMPTY_CART, 'clear', this.t('cart.announceCleared'));
  }

  private _onOfferChange(kind: 'term' | 'billing', key: string, product: Product, event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    const allowed: readonly string[] = kind === 'term' ? TERMS : BILLINGS;
    if (!allowed.includes(value)) return;
    this._changeOffer(key, product, kind === 'term' ? { term: value as Term } : { billing: value as Billing }, kind);
  }

  private _onQuantityInput(key: string, product: Product, event: Event): void {
    this._readQuantity(key, product, event.target as HTMLInputElement, false);
  }

  private _onQuantityChange(key: string, product: Product, event: Event): void {
    this._readQuantity(key, product, event.target as HTMLInputElement, true);
  }

  private async _onRemove(key: string, name: string, index: number): Promise<void> {
    this._drafts = moveKey(this._drafts, key, undefined);
    this._errors = moveKey(this._errors, key, undefined);
    this._commit(removeLine(this._cart, key), 'remove', this.t('cart.announceRemoved', { name }));
    await this.updateComplete;
    // Focus would fall to <body> with the removed button: keep it in the cart.
    const buttons = this.renderRoot.querySelectorAll<HTMLButtonElement>('[part~="remove-button"]');
    const next = buttons[Math.min(index, buttons.length - 1)];
    (next ?? this.renderRoot.querySelector<HTMLElement>('.heading'))?.focus();
  }

  private _onRetry(): void {
    if (this._owned) this.dispatchEvent(new LcCatalogRetryEvent());
    else void this._catalogTask.run();
  }

  private _onCheckout(): void {
    const pricing = this._pricing();
    if (!pricing || this._checkoutBlocker(pricing)) return;
    this.dispatchEvent(new LcCheckoutRequestEvent(this._cart, pricing.totals));
  }

  private _changeOffer(key: string, product: Product, change: { term?: Term; billing?: Billing }, reason: CartChangeReason): void {
    const result = changeOffer(this._cart, key, product, change);
    if (result.key !== key) {
      // The typed quantity follows its line to the new key; a merged line keeps the survivor's.
      const merged = this._cart.some((line) => lineKey(line) === result.key);
      this._drafts = moveKey(this._drafts, key, merged ? undefined : result.key);
      this._errors = moveKey(this._errors, key, merged ? undefined : result.key);
    }
    this._commit(result.cart, reason);
  }

  private _readQuantity(key: string, product: Product, input: HTMLInputElement, committed: boolean): void {
    const { drafts, errors, quantity } = readQuantity({ drafts: this._drafts, errors: this._errors }, key, input, product, committed);
    this._drafts = drafts;
    this._errors = errors;
    if (quantity !== undefined) this._commit(setQuantity(this._cart, key, quantity, product), 'quantity');
  }

  /** Replaces the cart after a user or host-page action: stored, announced and reported (`_onStoreChange`). */
  private _commit(next: Cart, reason: CartChangeReason, message?: string): void {
    this._changeMessage = message;
    this._store.commit(next, reason);
  }

  /** Announced here; the controller fires `lc-cart-change` next. */
  private _onStoreChange({ lines, reason, product, totals }: CartChange): void {
    const message = reason === 'add' && product ? this.t('cart.announceAdded', { name: product.name }) : this._changeMessage;
    this._changeMessage = undefined;
    this._announcement = cartAnnouncement((key, values) => this.t(key, values), lines.length, totals, this.locale, message);
  }

  /** Whether an owner provides the catalog and keeps the cart. */
  private get _owned(): boolean {
    return this.catalogState !== undefined;
  }

  private get _cart(): Cart {
    return this._store.lines;
  }

  private get _catalog(): Catalog | undefined {
    return this._store.catalog;
  }

  private _pricing(): CartPricing | undefined {
    const catalog = this._catalog;
    if (!catalog) return undefined;
    const memo = this._priced;
    const drafts = this._drafts;
    if (memo && memo.cart === this._cart && memo.drafts === drafts && memo.catalog === catalog) return memo.pricing;
    const pricing = priceCart(withTypedQuantities(this._cart, drafts, catalog), catalog);
    this._priced = { cart: this._cart, drafts, catalog, pricing };
    return pricing;
  }

  /** The priced line of the current cart with `key`, if any. */
  private _pricedByKey(key: string): PricedLine | undefined {
    const pricing = this._pricing();
    const memo = this._priced;
    if (!pricing || !memo) return undefined;
    memo.byKey ??= new Map(pricing.lines.map((priced) => [lineKey(priced.line), priced]));
    return memo.byKey.get(key);
  }

  private _money(minor: number): string {
    return formatMoney(minor, this._catalog?.currency ?? 'USD', this.locale);
  }

  /** A price per billing period for display: the amount isolated, so it keeps its order in a right-to-left page. */
  private _perPeriodIsolated(minor: number, billing: Billing): Array<string | TemplateResult> {
    return formatIsolated(this.t(`per.${billing}`), { amount: this._money(minor) });
  }

  /** Why Checkout is unavailable, in words; undefined when it is available. */
  private _checkoutBlocker(pricing: CartPricing | undefined): string | undefined {
    if (!pricing) return this.t('cart.checkoutLoading');
    if (this._cart.length === 0) return this.t('cart.checkoutEmpty');
    // A shown error or a typed quantity that is not valid, on a line of the cart.
    const invalidDraft =
      [...this._errors.keys()].some((key) => this._pricedByKey(key)) ||
      [...this._drafts].some(([key, draft]) => {
        const product = this._pricedByKey(key)?.product;
        return product !== undefined && !parseQuantity(draft, product).ok;
      });
    if (pricing.totals.problems > 0 || invalidDraft) return this.t('cart.checkoutInvalid');
    return undefined;
  }

  /** A product's quantity bounds as the locale writes numbers ("10,000", "10.000"). */
  private _quantityBounds(product: Product): { min: string; max: string } {
    return { min: formatNumber(product.minQuantity, this.locale), max: formatNumber(product.maxQuantity, this.locale) };
  }

  private _quantityMessage(problem: QuantityProblem, product: Product): string {
    const values = this._quantityBounds(product);
    return problem === 'empty' ? this.t('cart.quantityEmpty', values) : this.t('cart.quantityError', values);
  }

  /** The term or the billing of a line: what the product offers, and the line's own (disabled) when no longer offered. */
  private _renderOfferSelect(kind: 'term' | 'billing', line: CartLine, product: Product, id: string, offered: boolean): TemplateResult {
    const current: string = line[kind];
    const values: readonly string[] = kind === 'term' ? termsOf(product) : billingsOf(product, line.term);
    const name = (value: string) => this.t(`${kind}.${value}` as `${typeof kind}.${Term | Billing}` & keyof CartStrings);
    return html`
      <div class="field" part="field">
        <label for=${id}>${this.t(`cart.${kind}`)}</label>
        <select
          id=${id}
          part="select ${kind}-select"
          autocomplete="off"
          aria-invalid=${offered ? 'false' : 'true'}
          @change=${(e: Event) => this._onOfferChange(kind, lineKey(line), product, e)}
        >
          ${values.includes(current) ? nothing : html`<option value=${current} disabled .selected=${live(true)}>${name(current)}</option>`}
          ${values.map((value) => html`<option value=${value} .selected=${live(value === current)}>${name(value)}</option>`)}
        </select>
      </div>
    `;
  }

  private _renderQuantity(line: CartLine, product: Product, id: string, pricedProblem: boolean): TemplateResult {
    const key = lineKey(line);
    const shown = this._errors.get(key) ?? (pricedProblem ? (line.quantity < product.minQuantity ? 'too-small' : 'too-large') : undefined);
    const hintId = `${id}-hint`;
    const errorId = `${id}-error`;
    return html`
      <div class="field quantity" part="field">
        <label for=${id}>${this.t('cart.quantity')}</label>
        <input
          id=${id}
          part="input quantity-input"
          type="number"
          inputmode="numeric"
          autocomplete="off"
          min=${product.minQuantity}
          max=${product.maxQuantity}
          step="1"
          required
          .value=${live(this._drafts.get(key) ?? String(line.quantity))}
          aria-invalid=${shown ? 'true' : 'false'}
          aria-describedby=${shown ? `${hintId} ${errorId}` : hintId}
          @input=${(e: Event) => this._onQuantityInput(key, product, e)}
          @change=${(e: Event) => this._onQuantityChange(key, product, e)}
        />
        <span id=${hintId} class="hint" part="hint">${this.t('cart.quantityHint', this._quantityBounds(product))}</span>
        ${shown ? html`<p id=${errorId} class="error" part="error">${this._quantityMessage(shown, product)}</p>` : nothing}
      </div>
    `;
  }

  private _renderLine(priced: PricedLine, index: number): TemplateResult {
    const { line, product, offer, problem } = priced;
    const key = lineKey(line);
    const id = `line-${index}`;
    const name = product?.name ?? this.t('cart.unknownProduct', { id: line.productId });
    return html`
      <li class="line" part="line" data-problem=${ifDefined(problem)} aria-labelledby=${`${id}-name`}>
        <div class="line-head">
          <h3 class="name" id=${`${id}-name`} part="line-name">${name}</h3>
          <button type="button" part="button remove-button" @click=${() => this._onRemove(key, name, index)}>
            ${this.t('cart.remove')}<span class="visually-hidden"> ${name}</span>
          </button>
        </div>
        ${problem === 'unknown-product' ? html`<p class="problem" part="error">${this.t('cart.unavailable')}</p>` : nothing}
        ${product
          ? html`
              <div class="choices">
                ${this._renderOfferSelect('term', line, product, `${id}-term`, problem !== 'unknown-offer')}
                ${this._renderOfferSelect('billing', line, product, `${id}-billing`, problem !== 'unknown-offer')}
                ${this._renderQuantity(line, product, `${id}-quantity`, problem === 'invalid-quantity')}
              </div>
            `
          : nothing}
        ${problem === 'unknown-offer' ? html`<p class="problem" part="error">${this.t('cart.offerUnavailable')}</p>` : nothing}
        ${offer && priced.total !== undefined
          ? html`
              <dl class="prices">
                <div>
                  <dt>${this.t('cart.unitPrice')}</dt>
                  <dd part="unit-price">${this._perPeriodIsolated(offer.unitPrice, line.billing)}</dd>
                </div>
                <div class="line-total">
                  <dt>${this.t('cart.lineTotal')}</dt>
                  <dd part="line-total">${this._perPeriodIsolated(priced.total, line.billing)}</dd>
                </div>
              </dl>
            `
          : nothing}
        ${product ? renderPerYear({ t: (key, values) => this.t(key, values), money: (minor) => this._money(minor) }, line, product, `${id}-per-year`) : nothing}
      </li>
    `;
  }

  /**
   * The lines, by position. A line is rendered again only when what it shows changed: its
   * priced line (the same object while the line and the catalog are unchanged), its position,
   * its typed quantity or error, the strings, the locale or the currency. Changing one quantity
   * in a large cart thus updates that line and the totals, not every line.
   */
  private _renderLines(pricing: CartPricing): unknown[] {
    const strings = this.stringOverrides;
    const lang = this.locale;
    const currency = this._catalog?.currency;
    const drafts = this._drafts;
    const errors = this._errors;
    const hasDrafts = drafts.size > 0;
    const hasErrors = errors.size > 0;
    return pricing.lines.map((priced, index) => {
      const key = hasDrafts || hasErrors ? lineKey(priced.line) : '';
      const draft = hasDrafts ? drafts.get(key) : undefined;
      const error = hasErrors ? errors.get(key) : undefined;
      return guard([priced, index, draft, error, strings, lang, currency], () => this._renderLine(priced, index));
    });
  }

  private _renderCart(pricing: CartPricing): TemplateResult {
    if (this._cart.length === 0) {
      return html`<p class="empty" part="empty">${this.t('cart.empty')}</p>`;
    }
    const totals = BILLINGS.filter((b) => pricing.totals.byBilling[b] !== undefined).map((b) =>
      this._perPeriodIsolated(pricing.totals.byBilling[b]!, b),
    );
    return html`
      <ul class="lines" role="list" aria-label=${this.t('cart.linesLabel')}>
        ${this._renderLines(pricing)}
      </ul>
      ${totals.length > 0
        ? html`
            <div class="totals" part="totals">
              <span id="total-label">${this.t('cart.total')}</span>
              <ul role="list" aria-labelledby="total-label">
                ${totals.map((text) => html`<li>${text}</li>`)}
              </ul>
            </div>
          `
        : nothing}
    `;
  }

  private _renderBody(): TemplateResult {
    const pricing = this._pricing();
    if (pricing) return this._renderCart(pricing);
    const failed = this._owned ? this.catalogState === 'error' : this._catalogTask.status === TaskStatus.ERROR;
    if (failed) {
      return html`
        <div class="failed" part="failed" role="alert">
          <p><strong>${this.t('cart.loadFailed')}</strong></p>
          <p>${this.t('cart.loadFailedDetail')}</p>
          <button type="button" part="button retry-button" @click=${this._onRetry}>${this.t('cart.retry')}</button>
        </div>
      `;
    }
    return html`
      <div class="loading" part="loading" aria-busy="true">
        <p>${this.t('cart.loading')}</p>
        <span class="skeleton" aria-hidden="true"></span>
        <span class="skeleton short" aria-hidden="true"></span>
      </div>
    `;
  }

  private _renderActions(): TemplateResult {
    const blocker = this._checkoutBlocker(this._pricing());
    return html`
      <div class="actions">
        ${blocker ? html`<p id="checkout-reason" class="hint">${blocker}</p>` : nothing}
        <button
          type="button"
          class="primary"
          part="button checkout-button"
          ?disabled=${Boolean(blocker)}
          aria-describedby=${ifDefined(blocker ? 'checkout-reason' : undefined)}
          @click=${this._onCheckout}
        >
          ${this.t('cart.checkout')}
        </button>
      </div>
    `;
  }

  protected override render(): TemplateResult {
    return html`
      <section aria-labelledby="heading">
        <h2 id="heading" class="heading" part="heading step-heading" tabindex="-1">${this.t('cart.heading')}</h2>
        ${this._renderBody()}
        <div class="notes" part="notes">
          <h3 id="notes-heading">${this.t('cart.notesLabel')}</h3>
          <ul aria-labelledby="notes-heading">
            <li>${this.t('cart.noteProrated')}</li>
            <li>${this.t('cart.noteOneCustomer')}</li>
          </ul>
        </div>
        ${this._renderActions()}
        <div role="status" class="visually-hidden" part="status">${this._announcement}</div>
      </section>
    `;
  }
}

LcElement.define('lc-cart', LcCart);

declare global {
  interface HTMLElementTagNameMap {
    'lc-cart': LcCart;
  }
}
