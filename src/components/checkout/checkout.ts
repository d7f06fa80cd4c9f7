import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { provide } from '@lit/context';
import type { CheckoutApi } from '../../api/api.js';
import type { HttpCheckoutApiOptions } from '../../api/client.js';
import { LcElement } from '../../base/lc-element.js';
import { CartController, type CartChange } from '../../checkout/cart-controller.js';
import type { AddOptions, CartLine } from '../../checkout/cart-store.js';
import { apiContext, langContext, stringsContext } from '../../checkout/context.js';
import { adminAccessSummary, adminAccessTarget, agreementNeeded, agreementSummary, canGoBack, createCheckout, isEditable, navigationGuardNeeded } from '../../checkout/machine.js';
import { orderPhase, recipientCompanyName, recipientSubscriptions, recipientSummary, stepsFor, transition } from '../../checkout/machine.js';
import type { AdminAccessSummary, AgreementSummary, CheckoutAction, CheckoutState, RecipientSummary, Step } from '../../checkout/machine.js';
import { OrderSession } from '../../checkout/order-session.js';
import { customerTypeValue, stepDraft, stepValueActions } from '../../checkout/step-values.js';
import type { LcCartChangeEvent } from '../../events/cart-change.js';
import type { LcCheckoutRequestEvent } from '../../events/cart-checkout-request.js';
import type { LcCompanyNameChangeEvent } from '../../events/company-name-change.js';
import type { LcStepEditEvent } from '../../events/step-edit.js';
import type { LcStepInputEvent } from '../../events/step-input.js';
import type { LcStepNextEvent } from '../../events/step-next.js';
import { resolveLang } from '../../i18n/format.js';
import { lookup, type StringOverrides, type StringTable } from '../../i18n/strings.js';
import { controls, tokens } from '../../styles/tokens.js';
import '../cart/cart.js';
import { cartAnnouncement } from '../cart/cart-text.js';
import { cartStrings } from '../cart/cart.strings.js';
import { formatIsolated } from '../shared/form.js';
import { formStyles } from '../shared/form.styles.js';
import { CHILD_PARTS } from './checkout.parts.js';
import { checkoutStyles } from './checkout.styles.js';
import { checkoutStrings, type CheckoutStrings } from './checkout.strings.js';
import { CheckoutLookups } from './checkout-lookups.js';
import { CheckoutSubscriptions } from './checkout-subscriptions.js';
import { lineMessages } from './field-errors.js';
import { placementFailure, withoutChanged, type StepFieldMessages } from './field-errors.js';
import { agreementLoadingTemplate, stepListTemplate, summaryTemplate } from './checkout.templates.js';
import { CheckoutLayout } from './checkout.layout.js';
import { StepChanges } from './step-changes.js';
import { StepLoader } from './step-loader.js';

/** Options of the HTTP client `<lc-checkout api-base>` builds (everything but the base URL). */
export type CheckoutApiOptions = Omit<HttpCheckoutApiOptions, 'baseUrl'>;

/**
 * @summary The whole checkout for one customer: cart, recipient, company, tenant, Microsoft
 * Customer Agreement, review and "Place order", with a step list, focus and announcements
 * on every step change, and one order per placement however often it is pressed; then the
 * order's provisioning, followed live, with the page guarded while tasks run.
 *
 * Kept in `sessionStorage` per backend (nothing secret): before the order, the draft (step,
 * recipient, company, tenant choice, signatory), restored after a reload; before `POST /orders`
 * leaves, the request and its idempotency key, sent again after a reload; once it answered,
 * the order's id. A reload at any moment comes back to the same step or the same order's
 * progress instead of losing it or ordering again. While a task runs (and while the order is being
 * sent) leaving the page is held back: `beforeunload`, the Navigation API's `navigate`, and
 * the host page's links and forms, each announced first with a cancelable
 * `lc-navigation-blocked`. Once the order completed, the stored id is removed and the cart
 * emptied; "Start a new order" begins a fresh checkout.
 *
 * Give it `api-base` (the store backend's base URL, with `apiOptions` for headers, tokens,
 * a custom `fetch`, timeout and retries), or an `api` object implementing `CheckoutApi`.
 * It provides the API client, the locale and the strings to every step through context.
 *
 * @fires lc-step-change - `LcStepChangeEvent`: the current step changed; `step`, `previousStep`, `steps`.
 * @fires lc-order-placed - `LcOrderPlacedEvent`: the backend took the order; `orderId`, `order` (without credentials).
 * @fires lc-provisioning-progress - `LcProvisioningProgressEvent`: a snapshot of the order changed something (tasks, progress, status); never credentials.
 * @fires lc-order-complete - `LcOrderCompleteEvent`: the order completed; `order` without credentials. Once per order.
 * @fires lc-order-failed - `LcOrderFailedEvent`: the order's own status became `failed`; `task`, `retryable`. Never for connection problems.
 * @fires lc-navigation-blocked - `LcNavigationBlockedEvent`: leaving the page was attempted while provisioning runs; cancel it to let the navigation through (a host router).
 * @fires lc-error - `LcErrorEvent`: a backend call failed; `error` and `context` ('catalog', 'agreement', 'admin-access', 'quote', 'order', 'provisioning').
 * @fires lc-cart-change - From the cart inside (see `<lc-cart>`).
 *
 * @csspart step-list - The list of steps (`<ol>`).
 * @csspart step-item - One step of the list; the current one has `aria-current="step"`.
 * @csspart step-button - A visited step in the list, a button to go back to it.
 * @csspart step-more - Stands for the steps that follow once the recipient is chosen (before that).
 * @csspart step-caption - The current step's name below the list on narrow layouts (the list shows numbers there).
 * @csspart status - The visually hidden live region announcing step changes.
 * @csspart notice - A checkout-level message (agreement not loaded, details to fix, a stored order the store no longer knows).
 * @csspart button - Every button, here and in every step (re-exported).
 *
 * From the recipient step on, `<lc-order-summary>` shows the lines and totals beside the step
 * when the checkout is at least 48rem wide, and collapsible above it when narrower (the
 * checkout's own width, not the viewport's); its parts are re-exported too (`order-summary`,
 * `order-summary-toggle`, `summary-line`, `summary-total`, `summary-first-invoice`, …).
 *
 * Every part of the steps and of `<lc-provisioning>` is re-exported under its own name
 * (`heading`, `step-heading`, `field`, `label`, `input`, `select`, `error`, `hint`, `button`,
 * `next-button`, `back-button`, `place-order-button`, `checkout-button`, `line`, `totals`,
 * `order-id`, `progress`, `status-row`, `task-status`, `outcome`, `new-order-button`, …): see
 * each element's documentation.
 *
 * @cssproperty --lc-color-accent - Primary buttons, current step, links.
 * @cssproperty --lc-color-accent-text - Text on primary buttons and the current step's number.
 * @cssproperty --lc-color-text - Text colour.
 * @cssproperty --lc-color-muted - Secondary text, upcoming steps.
 * @cssproperty --lc-color-surface - Cards and inputs.
 * @cssproperty --lc-color-surface-alt - Notes and totals.
 * @cssproperty --lc-color-border - Borders.
 * @cssproperty --lc-color-danger - Errors.
 * @cssproperty --lc-color-success - Completed tasks and orders.
 * @cssproperty --lc-color-warning - Warnings.
 * @cssproperty --lc-color-focus - Focus ring.
 * @cssproperty --lc-radius - Corner radius.
 * @cssproperty --lc-space - Spacing unit.
 * @cssproperty --lc-font-family - Font.
 * @cssproperty --lc-font-size - Base font size.
 * @cssproperty --lc-checkout-padding - Padding around the checkout (default none).
 * @cssproperty --lc-checkout-background - Background behind the checkout (default transparent).
 * @cssproperty --lc-sticky-top - How far below the top of the view the order summary stays while a long step scrolls (wide layouts; default one spacing unit). Set it to the height of a fixed page header.
 */
export class LcCheckout extends LcElement {
  static override styles = [LcElement.baseStyles, tokens, controls, formStyles, checkoutStyles];

  /** The cart: its lines, kept in `localStorage` per backend, and `addProduct()` waiting for the catalog. */
  private readonly _cart = new CartController(this, (change) => this._onCartCommitted(change));

  /** The recipient's subscriptions and end dates (before the lookups: the quote waits for them). */
  private readonly _subscriptions = new CheckoutSubscriptions(this, {
    api: () => this._api,
    state: () => this._state,
    apply: (action) => this._apply(action),
  });

  /** The catalog, the agreement and the quote, from the backend. */
  private readonly _lookups = new CheckoutLookups(this, {
    api: () => this._api,
    state: () => this._state,
    apply: (action) => this._apply(action),
    cart: this._cart,
    holdQuote: () => this._subscriptions.pending,
  });

  /** Wide (summary beside the step) or narrow (summary above it), by the checkout's own width. */
  private readonly _layout = new CheckoutLayout(this);

  /** `lc-step-change`, focus and the announcement of every step change. */
  private readonly _steps = new StepChanges(this, () => this._state);

  /** Each step's code, loaded when first needed (and ahead, while idle); see `index.ts` for who loads it all at once. */
  private readonly _loader = new StepLoader(this, {
    step: () => this._state.step,
    cartReady: () => Boolean(this._cart.catalog),
    text: (key) => this._t(key),
  });

  /** Placing, resuming, following, guarding, retrying and ending the order. */
  private readonly _session = new OrderSession(this, {
    state: () => this._state,
    apply: (action) => this._apply(action),
    cart: this._cart,
    events: {
      notReady: () => (this._orderError = this._t('checkout.orderNotReady')),
      sending: () => (this._orderError = undefined),
      placeFailed: (error) => this._orderFailed(error),
      placed: (order) => this._steps.announce(this._t('checkout.announcePlaced', { id: order.id })),
      resumed: () => {
        this._steps.quiet();
        // Once the order's snapshot (and with it the summary above the progress) is shown.
        this._layout.scrollIntoViewWhen('[data-step="provisioning"]', () => Boolean(this._state.order));
      },
      notFound: (orderId) => (this._notice = formatIsolated(this._t('checkout.orderNotFound'), { id: orderId })),
      // While "Place order" is in flight the review is on screen: say it there.
      blocked: (message) => (this._state.step === 'provisioning' ? (this._leaveNotice = message) : (this._notice = message)),
    },
  });

  @provide({ context: apiContext })
  @state()
  private _api?: CheckoutApi;

  @provide({ context: langContext })
  @state()
  private _providedLang?: string;

  @provide({ context: stringsContext })
  @state()
  private _providedStrings?: StringTable;

  /**
   * Any object implementing `CheckoutApi`, used instead of HTTP (a custom transport, a
   * mock). Takes precedence over `api-base`.
   */
  @property({ attribute: false })
  api?: CheckoutApi;

  /** The store backend's base URL; the checkout talks to it with `HttpCheckoutApi`. */
  @property({ attribute: 'api-base' })
  apiBase?: string;

  /**
   * Options of that client: `headers`, `getAccessToken`, `fetch`, `timeout`, `retry`. A new
   * object makes a new client, which asks again for what the old one had in flight;
   * `headers` and `getAccessToken` changed on the same object apply to the next request.
   */
  @property({ attribute: false })
  apiOptions?: CheckoutApiOptions;

  /** Locale for numbers, money and dates, for every step; the page's `lang` when not set. */
  @property({ reflect: true })
  override lang!: string;

  /**
   * Text overrides for the checkout and every step inside, key by key (see each element's
   * `*.strings.ts` for the keys and defaults).
   */
  @property({ attribute: false })
  strings?: StringOverrides;

  /** The current step. */
  get step(): Step {
    return this._state.step;
  }

  /**
   * The whole checkout state (read-only, replaced on every change): for tests and integrators.
   * A completed order's admin credentials are left out: they are shown once, never handed on.
   */
  get state(): CheckoutState {
    const state = this._state;
    const order = state.order;
    if (!order?.credentials) return state;
    return this._memoized('public-state', [state], () => {
      const { credentials: _credentials, ...rest } = order;
      return { ...state, order: rest };
    });
  }

  /**
   * Whether leaving the page now can lose something, so navigation is held back: while
   * "Place order" is being sent and while a provisioning task runs. False once all that is
   * left waits on someone else, and after the order completed or failed.
   */
  get provisioningActive(): boolean {
    return navigationGuardNeeded(this._state);
  }

  @state() private _state: CheckoutState = createCheckout();
  /** Backend messages per step and field, from a refused order. */
  @state() private _fieldErrors: Partial<Record<Step, StepFieldMessages>> = {};
  /** Why the last placement failed, in words (shown on the review). */
  @state() private _orderError?: string;
  /** A checkout-level notice above the step: text, or text with isolated values (an order id keeps its order right to left). */
  @state() private _notice?: string | Array<string | TemplateResult>;
  /** Why leaving the page was just held back (shown in the provisioning step). */
  @state() private _leaveNotice?: string;

  private readonly _memo = new Map<string, { deps: readonly unknown[]; value: unknown }>();
  /** `_t` as a value, for the templates. */
  private readonly _text = (key: keyof CheckoutStrings & string, values?: Record<string, string | number>) => this._t(key, values);

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api') || changed.has('apiBase') || changed.has('apiOptions')) {
      this._api = this._session.configure(this.api, this.apiBase, this.apiOptions);
    }
    this._session.leaveMessage = this._t('checkout.leaveMessage');
    if (changed.has('lang') || this._providedLang === undefined) {
      const lang = resolveLang(this, this.lang);
      if (lang !== this._providedLang) this._providedLang = lang;
    }
    if (changed.has('strings')) this._providedStrings = this.strings ? { ...this.strings } : undefined;
  }

  /**
   * Adds a product to the cart, for the host page's "Add to cart" buttons. Callable at any
   * time: before the checkout has rendered, the addition waits for the cart; the cart waits
   * for the catalog. Resolves with the resulting line; rejects for an unknown product or
   * offer, a quantity out of bounds, or when the order is already under way.
   */
  async addProduct(productId: string, options: AddOptions = {}): Promise<CartLine> {
    // After the first update, which resumes an order placed before a reload.
    if (!this.hasUpdated) await this.updateComplete;
    if (!isEditable(this._state)) throw new Error('license-checkout: the order is already placed; start a new checkout to add products.');
    return this._cart.add(productId, options);
  }

  /**
   * Starts over at the cart: forgets the recipient and everything entered for it. Ignored
   * while an order is being placed or provisioned. After a completed order (or one that only
   * waits on someone else) the cart is emptied; the order is no longer followed, and a reload
   * no longer resumes it. "Start a new order" does this.
   */
  reset(): void {
    if (!this._session.reset()) return;
    this._fieldErrors = {};
    this._orderError = undefined;
    this._notice = undefined;
  }

  /** The user changed the cart: it is this checkout's cart now (the cart's own event goes on to the page). */
  private _onCartChange(event: LcCartChangeEvent | LcCheckoutRequestEvent): void {
    this._cart.replace(event.lines);
    this._apply({ type: 'set-lines', lines: event.lines });
    if (event.type === 'lc-checkout-request') this._apply({ type: 'start' });
  }

  /** `addProduct()` or emptying after an order (the controller then fires `lc-cart-change`, as the cart would). */
  private _onCartCommitted({ lines, reason, product, totals }: CartChange): void {
    this._apply({ type: 'set-lines', lines });
    // Said where the cart is on screen, as the cart itself says it.
    if (reason === 'add' && product && this._state.step === 'cart') {
      const t = (key: keyof typeof cartStrings & string, values?: Record<string, string | number>) => lookup(cartStrings, this.strings, key, values);
      this._steps.announce(cartAnnouncement(t, lines.length, totals, this._providedLang, t('cart.announceAdded', { name: product.name })));
    }
  }

  private _onStepInput(event: LcStepInputEvent): void {
    this._applyStepValue(event.step, event.value);
  }

  private _onStepNext(event: LcStepNextEvent): void {
    if (event.defaultPrevented) return;
    this._applyStepValue(event.step, event.value);
    if (event.step !== this._state.step) return;
    const before = this._state;
    if (this._apply({ type: 'next' }) === before) this._steps.announce(this._t('checkout.notReady'));
  }

  private _onCompanyNameChange(event: LcCompanyNameChangeEvent): void {
    this._applyStepValue('customer-details', { companyName: event.companyName });
  }

  /** Feeds one action through the machine; a step change is fired and focused after the update. */
  private _apply(action: CheckoutAction): CheckoutState {
    const previous = this._state;
    const next = transition(previous, action);
    if (next === previous) return previous;
    this._state = next;
    // Held back exactly while leaving could lose something; released the moment it cannot.
    this._session.stateChanged(next);
    if (!this._session.guarding) this._leaveNotice = undefined;
    if (next.step !== previous.step) {
      this._steps.changed(previous.step);
      this._notice = undefined;
      this._orderError = undefined;
      const steps: Step[] = stepsFor(next).filter((step) => step !== 'provisioning');
      const index = steps.indexOf(next.step);
      if (index >= 0) {
        this._steps.announce(this._t('checkout.announceStep', { number: index + 1, total: steps.length, name: this._t(`checkout.step.${next.step}`) }));
      }
    }
    return next;
  }

  /** A step's value, as reported by its element, into the machine; the backend's messages on changed fields go. */
  private _applyStepValue(step: Step, value: unknown): void {
    const before = stepDraft(this._state, step);
    for (const action of stepValueActions(this._state, step, value)) this._apply(action);
    const current = this._fieldErrors[step];
    const kept = withoutChanged(current, before ?? {}, stepDraft(this._state, step) ?? {});
    if (kept !== current) this._fieldErrors = { ...this._fieldErrors, [step]: kept };
  }

  /** A refused or failed placement, in words; field errors go to their steps. */
  private _orderFailed(error: unknown): void {
    const failure = placementFailure(error, stepsFor(this._state));
    if (!failure.target) {
      this._orderError = this._t(failure.key, failure.detail === undefined ? undefined : { detail: failure.detail });
      return;
    }
    this._fieldErrors = failure.byStep;
    this._apply({ type: 'go-to', step: failure.target });
    // After the step change, which clears notices.
    this._notice = [this._t('checkout.orderFailed.fields'), ...failure.unplaced].join(' ');
  }

  /** The same object while `deps` are the same, so a step is not re-set with an equal copy on every render. */
  private _memoized<T>(slot: string, deps: readonly unknown[], make: () => T): T {
    const cached = this._memo.get(slot);
    if (cached && cached.deps.length === deps.length && cached.deps.every((dep, i) => dep === deps[i])) return cached.value as T;
    const value = make();
    this._memo.set(slot, { deps, value });
    return value;
  }

  private _t(key: keyof CheckoutStrings & string, values?: Record<string, string | number>): string {
    return lookup(checkoutStrings, this.strings, key, values);
  }

  private _recipientSummary(): RecipientSummary | undefined {
    const { recipientKind, customer, company, tenant } = this._state;
    return this._memoized('recipient', [recipientKind, customer, company.companyName, tenant], () => recipientSummary(this._state));
  }

  private _agreementSummary(): AgreementSummary | undefined {
    const state = this._state;
    if (!state.agreement || !agreementNeeded(state)) return undefined;
    return this._memoized('agreement', [state.agreement, state.agreementDraft.acceptance], () => agreementSummary(state));
  }

  private _adminAccessSummary(): AdminAccessSummary | undefined {
    const { adminAccess, adminTemplates, recipientKind, tenant } = this._state;
    return this._memoized('admin-access', [adminAccess, adminTemplates, recipientKind, tenant.hasTenant], () => adminAccessSummary(this._state));
  }

  /** `<lc-admin-access>`, slotted into the step that offers it (`events` reach the checkout's listeners). */
  private _renderAdminAccess(step: Step): TemplateResult | typeof nothing {
    const state = this._state;
    const target = adminAccessTarget(state);
    if (target === 'none') return nothing;
    return html`<lc-admin-access
      slot="admin-access"
      exportparts=${CHILD_PARTS}
      step=${step}
      target=${target}
      .templates=${state.adminTemplates}
      .value=${state.adminAccess}
    ></lc-admin-access>`;
  }

  /** The order summary on every step after the cart (which is its own summary); never the order's credentials. */
  private _renderSummary(): TemplateResult | typeof nothing {
    const { step, lines, catalog, quote, order } = this._state;
    if (step === 'cart') return nothing;
    const placed = this._memoized('summary-order', [order], () =>
      order ? { lines: order.lines, currency: order.currency, firstInvoiceTotal: order.firstInvoiceTotal } : undefined,
    );
    return summaryTemplate({ lines, catalog, quote, order: placed }, this._layout.wide);
  }

  private _renderNotice(): TemplateResult | typeof nothing {
    if (!this._notice) return nothing;
    return html`<div class="notice danger" part="notice" role="alert"><p>${this._notice}</p></div>`;
  }

  private _renderCart(): TemplateResult {
    // Kept alive (hidden) on the other steps: its lines, typed quantities and catalog stay.
    return html`<lc-cart
      data-step="cart"
      exportparts=${CHILD_PARTS}
      ?hidden=${this._state.step !== 'cart'}
      .lines=${this._cart.lines}
      .catalog=${this._cart.catalog}
      .catalogState=${this._lookups.catalogState(Boolean(this._cart.catalog))}
      @lc-cart-change=${this._onCartChange}
      @lc-checkout-request=${this._onCartChange}
      @lc-catalog-retry=${() => this._lookups.catalog.run()}
    ></lc-cart>`;
  }

  private _renderStep(): TemplateResult | typeof nothing {
    const state = this._state;
    const noBack = !canGoBack(state);
    const loading = this._loader.placeholder(state.step);
    if (loading) return loading;
    switch (state.step) {
      case 'cart':
        return nothing;
      case 'customer-type': {
        const value = this._memoized('customer-type', [state.recipientKind, state.customer], () => customerTypeValue(state));
        return html`<lc-customer-type
          data-step="customer-type"
          exportparts=${CHILD_PARTS}
          .value=${value}
          .fieldErrors=${this._fieldErrors['customer-type'] ?? {}}
          ?no-back=${noBack}
        ></lc-customer-type>`;
      }
      case 'customer-details':
        return html`<lc-customer-details
          data-step="customer-details"
          exportparts=${CHILD_PARTS}
          .value=${state.company}
          .fieldErrors=${this._fieldErrors['customer-details'] ?? {}}
          ?no-back=${noBack}
        ></lc-customer-details>`;
      case 'tenant-domain':
        return html`<lc-tenant-domain
          data-step="tenant-domain"
          exportparts=${CHILD_PARTS}
          .value=${state.tenant}
          .companyName=${state.company.companyName}
          .fieldErrors=${this._fieldErrors['tenant-domain'] ?? {}}
          ?no-back=${noBack}
          @lc-company-name-change=${this._onCompanyNameChange}
          >${this._renderAdminAccess('tenant-domain')}</lc-tenant-domain
        >`;
      case 'agreement':
        if (!state.agreement) return agreementLoadingTemplate(this._lookups.agreementFailed, this._text, () => this._lookups.agreement.run());
        return html`<lc-agreement
          data-step="agreement"
          exportparts=${CHILD_PARTS}
          .value=${state.agreementDraft}
          .agreement=${state.agreement}
          .customerName=${recipientCompanyName(state)}
          .country=${state.recipientKind === 'new' ? state.company.country : state.customer?.country}
          .contact=${state.recipientKind === 'new' ? this._memoized('contact', [state.company], () => ({ ...state.company })) : undefined}
          .fieldErrors=${this._fieldErrors['agreement'] ?? {}}
          ?no-back=${noBack}
        ></lc-agreement>`;
      case 'review':
        return html`<lc-order-review
          data-step="review"
          exportparts=${CHILD_PARTS}
          .lines=${state.lines}
          .catalog=${state.catalog}
          .recipient=${this._recipientSummary()}
          .agreement=${this._agreementSummary()}
          .adminAccess=${this._adminAccessSummary()}
          .quote=${state.quote}
          .quoteState=${this._lookups.quoteState(state)}
          .subscriptions=${recipientSubscriptions(state)}
          .choices=${state.lineChoices}
          .purchaseOrder=${state.purchaseOrder ?? ''}
          .lineErrors=${this._memoized('line-errors', [this._lookups.quote.error, this._fieldErrors['review']], () => lineMessages(this._lookups.quote.error, this._fieldErrors['review']))}
          .purchaseOrderError=${this._fieldErrors['review']?.['purchaseOrder']}
          .submitting=${orderPhase(state) === 'submitting'}
          .error=${this._orderError}
          ?no-back=${noBack}
          @lc-place-order=${() => this._session.place()}
          @lc-quote-retry=${() => this._lookups.quote.run()}
          @lc-step-edit=${(event: LcStepEditEvent) => this._apply({ type: 'go-to', step: event.step })}
          >${state.recipientKind === 'existing' ? this._renderAdminAccess('review') : nothing}</lc-order-review
        >`;
      case 'provisioning':
        return this._renderOrder();
    }
  }

  /** What follows "Place order": the order's provisioning, followed live. */
  private _renderOrder(): TemplateResult {
    return html`<lc-provisioning
      data-step="provisioning"
      exportparts=${CHILD_PARTS}
      .order=${this._state.order}
      .catalog=${this._cart.catalog}
      .connection=${this._session.connection}
      .notice=${this._leaveNotice}
      @lc-retry-order=${() => this._session.retry()}
      @lc-new-order=${() => this.reset()}
    ></lc-provisioning>`;
  }

  protected override render(): TemplateResult {
    return html`
      <div
        class="checkout ${this._layout.wide ? 'wide' : 'narrow'}"
        role="region"
        aria-label=${this._t('checkout.label')}
        @lc-step-input=${this._onStepInput}
        @lc-step-next=${this._onStepNext}
        @lc-step-back=${() => this._apply({ type: 'back' })}
      >
        ${stepListTemplate(this._state, this._text, (step) => this._apply({ type: 'go-to', step }))}
        <div role="status" class="visually-hidden" part="status">${this._steps.announcement}</div>
        ${this._renderNotice()}
        <div class="body">${this._renderSummary()}<div class="main">${this._renderCart()} ${this._renderStep()}</div></div>
      </div>
    `;
  }
}

LcElement.define('lc-checkout', LcCheckout);

declare global {
  interface HTMLElementTagNameMap {
    'lc-checkout': LcCheckout;
  }
}
