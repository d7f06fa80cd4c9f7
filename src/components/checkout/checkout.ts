import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { provide } from '@lit/context';
import type { CheckoutApi } from '../../api/api.js';
import type { Catalog } from '../../api/schemas.js';
import { LcElement } from '../../base/lc-element.js';
import { CartController, type CartChange } from '../../checkout/cart-controller.js';
import type { AddOptions, CartLine } from '../../checkout/cart-store.js';
import { apiContext, langContext, stringsContext } from '../../checkout/context.js';
import { createCheckout, type CheckoutState, type Step } from '../../checkout/machine-state.js';
import { isEditable, stepsFor } from '../../checkout/machine-steps.js';
import { storedResumeStep } from '../../checkout/session-storage.js';
import type { LcCartChangeEvent } from '../../events/cart-change.js';
import type { LcCheckoutRequestEvent } from '../../events/cart-checkout-request.js';
import type { LcStepInputEvent } from '../../events/step-input.js';
import type { LcStepNextEvent } from '../../events/step-next.js';
import { resolveLang } from '../../i18n/format.js';
import { lookup, type StringOverrides, type StringTable } from '../../i18n/strings.js';
import { controls, tokens } from '../../styles/tokens.js';
import '../cart/cart.js';
import type { LcCart } from '../cart/cart.js';
import { cartAnnouncement } from '../cart/cart-text.js';
import { cartStrings } from '../cart/cart.strings.js';
import { stepFrameStyles } from '../shared/step-frame.styles.js';
import { CatalogLookup } from './catalog-lookup.js';
import { CheckoutClient, type CheckoutApiOptions } from './checkout-client.js';
import { CART_PARTS } from './checkout.parts.js';
import { checkoutStyles } from './checkout.styles.js';
import { checkoutShellStrings, type CheckoutShellStrings } from './checkout-shell.strings.js';
import { stepListTemplate } from './checkout.templates.js';
import { CheckoutLayout } from './checkout.layout.js';
import { checkoutCore, type CheckoutCore } from './core-registry.js';
import { Announcer } from './announcer.js';
import { StepLoader } from './step-loader.js';

export type { CheckoutApiOptions } from './checkout-client.js';

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
  static override styles = [LcElement.baseStyles, tokens, controls, stepFrameStyles, checkoutStyles];

  /** The cart: its lines, kept in `localStorage` per backend, and `addProduct()` waiting for the catalog. */
  private readonly _cart = new CartController(this, (change) => this._onCartCommitted(change));

  /** The catalog, from the backend: for the cart, `addProduct()` and the rules. */
  private readonly _catalog = new CatalogLookup(this, {
    api: () => this._api,
    cart: this._cart,
    loaded: (catalog: Catalog) => this._core?.apply({ type: 'catalog-loaded', catalog }),
  });

  /** Wide (summary beside the step) or narrow (summary above it), by the checkout's own width. */
  private readonly _layout = new CheckoutLayout(this);

  /** The live region's text: step changes (the core's), products added on the cart. */
  private readonly _announcer = new Announcer(this);

  /**
   * The core's code and each step's, loaded when first needed (and ahead, while idle); see
   * `index.ts` for who has it all at once.
   */
  private readonly _loader = new StepLoader(this, {
    step: () => this._shownStep(),
    cartReady: () => Boolean(this._cart.catalog),
    text: (key) => this._t(key),
  });

  /** `api`, or the client built for `api-base`, and the storage scope it names. */
  private readonly _client = new CheckoutClient();

  /** Everything after the cart (see `checkout-core.ts`), once its code is there. */
  private _core?: CheckoutCore;

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
    return this._currentState().step;
  }

  /**
   * The whole checkout state (read-only, replaced on every change): for tests and integrators.
   * A completed order's admin credentials are left out: they are shown once, never handed on.
   */
  get state(): CheckoutState {
    return this._core?.publicState ?? this._initialState();
  }

  /**
   * Whether leaving the page now can lose something, so navigation is held back: while
   * "Place order" is being sent and while a provisioning task runs. False once all that is
   * left waits on someone else, and after the order completed or failed.
   */
  get provisioningActive(): boolean {
    return this._core?.provisioningActive ?? false;
  }

  /**
   * Before the core is there, the step shown as loading until it arrives: the one Checkout
   * goes to, or the one a reload comes back to. Undefined: the cart shows.
   */
  @state() private _waitingStep?: Step;
  /** Before the core is there: Checkout was pressed (the core starts the checkout when it arrives). */
  private _startPending = false;
  /** Before the core is there: a stored order or draft waits for it to be restored. */
  private _resuming = false;
  /** The state before the core is there: a fresh checkout with the cart's lines. */
  private _initial?: { lines: unknown; catalog: unknown; state: CheckoutState };

  /** `_t` as a value, for the templates. */
  private readonly _text = (key: keyof CheckoutShellStrings & string, values?: Record<string, string | number>) => this._t(key, values);

  constructor() {
    super();
    // `import 'license-checkout'` has the core already: every update, the first one too, sees it.
    this._takeCore();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this._core) this._takeCore();
    if ((changed.has('api') || changed.has('apiBase') || changed.has('apiOptions')) && this._client.configure(this.api, this.apiBase, this.apiOptions)) {
      this._api = this._client.client;
      // The cart stored for this backend (none for an api object without a base URL).
      this._cart.storeUnder(this._client.storageBase, true);
      this._core?.configure(this._api, this._client.scope);
      this._client.closeReplaced();
      if (!this._core && this._api) this._resumeEarly();
    }
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
    // After the first update, which resumes an order placed before a reload (once the core that resumes it is there).
    if (!this.hasUpdated) await this.updateComplete;
    if (!this._core && this._resuming) {
      await this._loader.load('core');
      await this.updateComplete;
    }
    if (this._core && !isEditable(this._core.state)) throw new Error('license-checkout: the order is already placed; start a new checkout to add products.');
    return this._cart.add(productId, options);
  }

  /**
   * Starts over at the cart: forgets the recipient and everything entered for it. Ignored
   * while an order is being placed or provisioned. After a completed order (or one that only
   * waits on someone else) the cart is emptied; the order is no longer followed, and a reload
   * no longer resumes it. "Start a new order" does this.
   */
  reset(): void {
    if (this._core) this._core.reset();
    else if (this._startPending) {
      // Before the core: back from the step Checkout went to; the next Checkout loads again.
      this._startPending = false;
      this._waitingStep = undefined;
      this._loader.forgetFailures();
    }
  }

  /** The core, once its module was evaluated: it takes over from the cart's state and what waited for it. */
  private _takeCore(): void {
    const factory = checkoutCore();
    if (!factory) return;
    const start = this._startPending;
    this._waitingStep = undefined;
    this._startPending = this._resuming = false;
    const core = factory({
      element: this,
      cart: this._cart,
      layout: this._layout,
      announce: (message) => this._announcer.announce(message),
      strings: () => this.strings,
      reset: () => this.reset(),
    });
    this._core = core;
    if (this._api) core.configure(this._api, this._client.scope);
    if (start) core.apply({ type: 'start' });
  }

  /**
   * Before the core: a stored order, or a draft past the cart, is restored as soon as the
   * core is there, so it is loaded at once, and the step it comes back to shows as loading.
   */
  private _resumeEarly(): void {
    // Another backend (set before the core came) has its own storage: only its step waits.
    this._resuming = false;
    if (!this._startPending) this._waitingStep = undefined;
    const step = storedResumeStep(this._client.scope);
    if (step === undefined) return;
    this._resuming = true;
    if (step !== 'cart') this._waitingStep = step;
    void this._loader.load('core').catch(() => {
      // The waiting step's placeholder says so, with Retry (at the cart: Checkout loads it again).
    });
  }

  /** The step after the cart, which Checkout goes to. */
  private _startStep(): Step {
    return stepsFor(this._currentState())[1]!;
  }

  /** The machine's state; before the core is there, a fresh checkout with the cart's lines. */
  private _currentState(): CheckoutState {
    return this._core?.state ?? this._initialState();
  }

  private _initialState(): CheckoutState {
    const { lines, catalog } = this._cart;
    if (this._initial?.lines !== lines || this._initial.catalog !== catalog) this._initial = { lines, catalog, state: createCheckout(lines, catalog) };
    return this._initial.state;
  }

  /**
   * What the step list shows: the machine's state; before the core, the cart's, with the step
   * on screen (the one waiting for the core) as the current one. Cart then leads back from the
   * step Checkout went to; a step a reload returns to offers no way back until the core is there.
   */
  private _listState(): CheckoutState {
    const state = this._core?.state ?? this._initialState();
    const step = this._shownStep();
    return step === state.step ? state : { ...state, step, visited: this._startPending ? state.visited : [] };
  }

  /** A step list button: the machine goes there; before the core, Cart is back from the step Checkout went to. */
  private _goTo(step: Step): void {
    if (this._core) this._core.apply({ type: 'go-to', step });
    else if (step === 'cart' && this._startPending) {
      this.reset();
      // As a step change would: focus on the cart's heading.
      void this.updateComplete.then(() => this.shadowRoot!.querySelector<LcCart>('lc-cart')?.focusHeading());
    }
  }

  /** The step on screen: the machine's, or (before the core is there) the one waiting for it. */
  private _shownStep(): Step {
    return this._core?.state.step ?? this._waitingStep ?? 'cart';
  }

  /** The user changed the cart: it is this checkout's cart now (the cart's own event goes on to the page). */
  private _onCartChange(event: LcCartChangeEvent | LcCheckoutRequestEvent): void {
    this._cart.replace(event.lines);
    const core = this._core;
    core?.apply({ type: 'set-lines', lines: event.lines });
    if (event.type !== 'lc-checkout-request') return;
    if (core) {
      core.apply({ type: 'start' });
      return;
    }
    // The core starts the checkout when it arrives; until then its first step shows as loading.
    this._startPending = true;
    this._waitingStep = this._startStep();
    // As a step change would: focus on the step's heading, which moves into the step when it arrives.
    void this.updateComplete.then(() => this.shadowRoot!.querySelector<HTMLElement>('.step-loading h2')?.focus());
  }

  /** `addProduct()` or emptying after an order (the controller then fires `lc-cart-change`, as the cart would). */
  private _onCartCommitted({ lines, reason, product, totals }: CartChange): void {
    this._core?.apply({ type: 'set-lines', lines });
    // Said where the cart is on screen, as the cart itself says it.
    if (reason === 'add' && product && this._shownStep() === 'cart') {
      const t = (key: keyof typeof cartStrings & string, values?: Record<string, string | number>) => lookup(cartStrings, this.strings, key, values);
      this._announcer.announce(cartAnnouncement(t, lines.length, totals, this._providedLang, t('cart.announceAdded', { name: product.name })));
    }
  }

  private _t(key: keyof CheckoutShellStrings & string, values?: Record<string, string | number>): string {
    return lookup(checkoutShellStrings, this.strings, key, values);
  }

  private _renderCart(): TemplateResult {
    // Kept alive (hidden) on the other steps: its lines, typed quantities and catalog stay.
    return html`<lc-cart
      data-step="cart"
      exportparts=${CART_PARTS}
      ?hidden=${this._shownStep() !== 'cart'}
      .lines=${this._cart.lines}
      .catalog=${this._cart.catalog}
      .catalogState=${this._catalog.state(Boolean(this._cart.catalog))}
      @lc-cart-change=${this._onCartChange}
      @lc-checkout-request=${this._onCartChange}
      @lc-catalog-retry=${() => this._catalog.task.run()}
    ></lc-cart>`;
  }

  private _renderStep(): TemplateResult | typeof nothing {
    return this._loader.placeholder(this._shownStep()) ?? this._core?.renderStep() ?? nothing;
  }

  protected override render(): TemplateResult {
    const core = this._core;
    return html`
      <div
        class="checkout ${this._layout.wide ? 'wide' : 'narrow'}"
        role="region"
        aria-label=${this._t('checkout.label')}
        @lc-step-input=${(event: LcStepInputEvent) => core?.stepInput(event)}
        @lc-step-next=${(event: LcStepNextEvent) => core?.stepNext(event)}
        @lc-step-back=${() => core?.apply({ type: 'back' })}
      >
        ${stepListTemplate(this._listState(), this._text, (step) => this._goTo(step))}
        <div role="status" class="visually-hidden" part="status">${this._announcer.announcement}</div>
        ${core?.renderNotice() ?? nothing}
        <div class="body">${core?.renderSummary() ?? nothing}<div class="main">${this._renderCart()} ${this._renderStep()}</div></div>
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
