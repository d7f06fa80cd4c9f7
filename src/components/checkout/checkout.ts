import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { CheckoutApi } from '../../api/api.js';
import { HttpCheckoutApi, type HttpCheckoutApiOptions } from '../../api/client.js';
import { isApiError, isContractError, isNetworkError } from '../../api/errors.js';
import type { Customer, Order } from '../../api/schemas.js';
import { LcElement } from '../../base/lc-element.js';
import type { AddOptions, CartLine } from '../../checkout/cart-store.js';
import { apiContext, langContext, stringsContext } from '../../checkout/context.js';
import {
  agreementNeeded,
  buildOrderRequest,
  buildQuoteRequest,
  canGoBack,
  createCheckout,
  isEditable,
  navigationGuardNeeded,
  orderPhase,
  stepsFor,
  transition,
  type AgreementDraft,
  type CheckoutAction,
  type CheckoutState,
  type CompanyDraft,
  type RecipientKind,
  type Step,
  type TenantDraft,
} from '../../checkout/machine.js';
import { NavigationGuard } from '../../checkout/navigation-guard.js';
import { OrderFollower, snapshotEvents } from '../../checkout/order-follower.js';
import { clearOrderRef, loadOrderRef, saveOrderRef } from '../../checkout/order-storage.js';
import { normalizeDomain } from '../../checkout/validate.js';
import type { LcCartChangeEvent } from '../../events/cart-change.js';
import type { LcCheckoutRequestEvent } from '../../events/cart-checkout-request.js';
import type { LcCompanyNameChangeEvent } from '../../events/company-name-change.js';
import { LcErrorEvent, type ErrorContext } from '../../events/error.js';
import { LcOrderPlacedEvent } from '../../events/order-placed.js';
import type { LcStepEditEvent } from '../../events/step-edit.js';
import { LcStepChangeEvent } from '../../events/step-change.js';
import type { LcStepInputEvent } from '../../events/step-input.js';
import type { LcStepNextEvent } from '../../events/step-next.js';
import { resolveLang } from '../../i18n/format.js';
import { lookup, type StringOverrides, type StringTable } from '../../i18n/strings.js';
import { controls, tokens } from '../../styles/tokens.js';
import '../agreement/agreement.js';
import '../cart/cart.js';
import type { LcCart } from '../cart/cart.js';
import '../customer-details/customer-details.js';
import '../customer-type/customer-type.js';
import '../order-review/order-review.js';
import type { AgreementSummary, QuoteState, RecipientSummary } from '../order-review/order-review.js';
import '../provisioning/provisioning.js';
import { formatIsolated } from '../shared/form.js';
import { formStyles } from '../shared/form.styles.js';
import '../tenant-domain/tenant-domain.js';
import { checkoutStyles } from './checkout.styles.js';
import { checkoutStrings, type CheckoutStrings } from './checkout.strings.js';
import { firstStepWithErrors, routeFieldErrors, withoutChanged, type StepFieldMessages } from './field-errors.js';

/** Options of the HTTP client `<lc-checkout api-base>` builds (everything but the base URL). */
export type CheckoutApiOptions = Omit<HttpCheckoutApiOptions, 'baseUrl'>;

/** The customer-type step's value. */
interface CustomerTypeValue {
  kind?: RecipientKind;
  customer?: Customer;
}

/**
 * Every part the steps inside expose, re-exported under the same name: a `::part()` rule
 * reaches one shadow level only, and one name themes that kind of control in every step.
 */
const CHILD_PARTS = [
  // shared by several steps
  'heading', 'step-heading', 'intro', 'error-summary', 'fieldset', 'field', 'label', 'input', 'select', 'hint', 'error',
  'notice', 'status', 'loading', 'failed', 'empty', 'button', 'back-button', 'next-button', 'retry-button', 'radio', 'checkbox',
  // cart
  'line', 'line-name', 'term-select', 'billing-select', 'quantity-input', 'unit-price', 'line-total', 'remove-button',
  'checkout-button', 'totals', 'notes',
  // customer type
  'recipient-radio', 'customer-kind-radio', 'search-input', 'search-status', 'results', 'result', 'customer-radio', 'badge',
  'selected', 'search-failed', 'new-customer-button',
  // customer details and agreement fields
  'company-name-input', 'country-select', 'line1-input', 'line2-input', 'city-input', 'state-input', 'postal-code-input',
  'first-name-input', 'last-name-input', 'email-input', 'phone-input', 'date-accepted-input',
  'suggestions', 'suggestion-radio', 'check-failed', 'continue-anyway-button',
  // tenant domain
  'tenant-checkbox', 'prefix-input', 'suffix', 'domain-input', 'availability', 'suggestion', 'suggestion-button', 'lookup',
  'comparison', 'adopt-button', 'edit-company-button',
  // agreement
  'agreement-link', 'accept-checkbox',
  // review
  'summary', 'lines', 'proration', 'quote-failed', 'edit-button', 'place-order-button',
  // provisioning
  'order-id', 'connection', 'progress', 'elapsed', 'estimate', 'tasks', 'status-row', 'task-status', 'task-detail',
  'action-link', 'action-url', 'outcome', 'credentials', 'warning', 'user-name', 'password', 'support-details', 'copy-button',
  'new-order-button',
].join(', ');

/** Where the placed order's reference is kept when the `api` object names no `baseUrl`. */
const CUSTOM_API_SCOPE = 'custom';

/**
 * @summary The whole checkout for one customer: cart, recipient, company, tenant, Microsoft
 * Customer Agreement, review and "Place order", with a step list, focus and announcements
 * on every step change, and one order per placement however often it is pressed; then the
 * order's provisioning, followed live, with the page guarded while tasks run.
 *
 * Once `POST /orders` answers, the order's id (and its idempotency key, nothing secret) is
 * kept in `sessionStorage` per backend: a reload comes back to the same order's progress
 * instead of losing it or ordering again. While a task runs (and while the order is being
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
 * @fires lc-error - `LcErrorEvent`: a backend call failed; `error` and `context` ('catalog', 'agreement', 'quote', 'order', 'provisioning').
 * @fires lc-cart-change - From the cart inside (see `<lc-cart>`).
 *
 * @csspart step-list - The list of steps (`<ol>`).
 * @csspart step-item - One step of the list; the current one has `aria-current="step"`.
 * @csspart step-button - A visited step in the list, a button to go back to it.
 * @csspart status - The visually hidden live region announcing step changes.
 * @csspart notice - A checkout-level message (agreement not loaded, details to fix, a stored order the store no longer knows).
 * @csspart button - Every button, here and in every step (re-exported).
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
 */
export class LcCheckout extends LcElement {
  static override styles = [LcElement.baseStyles, tokens, controls, formStyles, checkoutStyles];

  private readonly _catalogTask = new Task(this, {
    task: async ([api], { signal }) => (api ? api.getCatalog({ signal }) : initialState),
    args: () => [this._api] as const,
    onComplete: (catalog) => this._apply({ type: 'catalog-loaded', catalog }),
    onError: (error) => this._reportError(error, 'catalog'),
  });

  /** `GET /agreement`, when the agreement step is shown without it. */
  private readonly _agreementTask = new Task(this, {
    task: async ([api, needed], { signal }) => (api && needed ? api.getAgreement({ signal }) : initialState),
    args: () => [this._api, this._state.step === 'agreement' && !this._state.agreement] as const,
    onComplete: (agreement) => this._apply({ type: 'agreement-loaded', agreement }),
    onError: (error) => this._reportError(error, 'agreement'),
  });

  /**
   * `POST /quotes` for what the review shows. Its argument is the request itself, so a
   * changed cart or recipient asks again, and Task aborts the superseded request.
   */
  private readonly _quoteTask = new Task(this, {
    task: async ([api, body], { signal }) => {
      this._quoteMismatch = false;
      if (!api || !body) return initialState;
      return api.createQuote(JSON.parse(body), { signal });
    },
    args: () => [this._api, this._quoteRequestKey()] as const,
    onComplete: (quote) => {
      // A quote for other lines is ignored by the machine: show it as a failure, not as loading forever.
      if (!this._apply({ type: 'quote-loaded', quote }).quote) this._quoteMismatch = true;
    },
    onError: (error) => this._reportError(error, 'quote'),
  });

  /** Follows the placed (or resumed) order: server-sent events, polling as a fallback. */
  private readonly _follower = new OrderFollower(this, {
    api: () => this._api,
    onSnapshot: (order) => this._onOrderSnapshot(order),
    onNotFound: (orderId) => this._onOrderNotFound(orderId),
    onError: (error) => this._reportError(error, 'provisioning'),
  });

  /** Holds the user on the page while the order is being sent and while its tasks run. */
  private readonly _guard = new NavigationGuard(this, {
    onBlocked: (message) => this._onNavigationBlocked(message),
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

  /** Options of that client: `headers`, `getAccessToken`, `fetch`, `timeout`, `retry`. A new object makes a new client. */
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
  /** A checkout-level notice shown above the step (details to fix after a refused order). */
  /** Text, or text with isolated values (an order id keeps its order right to left). */
  @state() private _notice?: string | Array<string | TemplateResult>;
  @state() private _announcement = '';
  @state() private _quoteMismatch = false;
  /** Why leaving the page was just held back (shown in the provisioning step). */
  @state() private _leaveNotice?: string;

  private _httpApi?: CheckoutApi;
  private _refocusStep = false;
  /** The step before the pending step change (fired and focused after the update). */
  private _stepChangedFrom?: Step;
  private _rerunOnConnect: Array<Task<readonly unknown[], unknown>> = [];
  private readonly _cartReady: Promise<LcCart>;
  private _resolveCartReady!: (cart: LcCart) => void;
  private readonly _memo = new Map<string, { deps: readonly unknown[]; value: unknown }>();
  /** The `sessionStorage` scope of the placed order's reference: the backend's base URL. */
  private _scope = CUSTOM_API_SCOPE;
  /** A step change that no user action caused (a resume on load): fired, but focus stays put. */
  private _quietStepChange = false;

  constructor() {
    super();
    this._cartReady = new Promise((resolve) => (this._resolveCartReady = resolve));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    for (const task of this._rerunOnConnect.splice(0)) void task.run();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Task does not abort on disconnect by itself: drop pending look-ups, ask again on return.
    for (const task of [this._catalogTask, this._agreementTask, this._quoteTask] as Array<Task<readonly unknown[], unknown>>) {
      if (task.status !== TaskStatus.PENDING) continue;
      this._rerunOnConnect.push(task);
      task.abort();
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api') || changed.has('apiBase') || changed.has('apiOptions')) {
      if (!this.api && this.apiBase) {
        this._httpApi = new HttpCheckoutApi({ ...this.apiOptions, baseUrl: this.apiBase });
      } else {
        this._httpApi = undefined;
      }
      const api = this.api ?? this._httpApi;
      if (api !== this._api) {
        this._api = api;
        this._scope = orderScope(api);
        if (api) this._resumeOrder();
      }
    }
    this._guard.message = this._t('checkout.leaveMessage');
    if (changed.has('lang') || this._providedLang === undefined) {
      const lang = resolveLang(this, this.lang);
      if (lang !== this._providedLang) this._providedLang = lang;
    }
    if (changed.has('strings')) this._providedStrings = this.strings ? { ...this.strings } : undefined;
    if (changed.has('_state' as keyof LcCheckout)) {
      const before = changed.get('_state' as keyof LcCheckout) as CheckoutState | undefined;
      const placeholder = this.renderRoot.querySelector('.agreement-loading');
      if (before && !before.agreement && this._state.agreement && placeholder?.contains(this.shadowRoot!.activeElement)) {
        this._refocusStep = true;
      }
    }
  }

  protected override async firstUpdated(): Promise<void> {
    const cart = this.renderRoot.querySelector('lc-cart');
    if (!cart) return;
    this._resolveCartReady(cart);
    // The cart restores its stored lines on its first update without an event: take them over.
    await cart.updateComplete;
    this._apply({ type: 'set-lines', lines: cart.lines });
  }

  protected override updated(changed: PropertyValues<this>): void {
    // The loaded agreement replaced the placeholder whose heading had focus: focus the step's heading.
    if (this._refocusStep) {
      this._refocusStep = false;
      void this._focusStep();
    }
    const previous = this._stepChangedFrom;
    if (previous === undefined) return;
    this._stepChangedFrom = undefined;
    const quiet = this._quietStepChange;
    this._quietStepChange = false;
    const step = this._state.step;
    if (step === previous) return;
    this.dispatchEvent(new LcStepChangeEvent(step, previous, stepsFor(this._state)));
    // Nobody acted on a page that just loaded: focus is not pulled into the widget.
    if (!quiet) void this._focusStep();
  }

  /**
   * Adds a product to the cart, for the host page's "Add to cart" buttons. Callable at any
   * time: before the checkout has rendered, the addition waits for the cart; the cart waits
   * for the catalog. Resolves with the resulting line; rejects for an unknown product or
   * offer, a quantity out of bounds, or when the order is already under way.
   */
  async addProduct(productId: string, options: AddOptions = {}): Promise<CartLine> {
    const cart = await this._cartReady;
    if (!isEditable(this._state)) throw new Error('license-checkout: the order is already placed; start a new checkout to add products.');
    return cart.addProduct(productId, options);
  }

  /**
   * Starts over at the cart: forgets the recipient and everything entered for it. Ignored
   * while an order is being placed or provisioned. After a completed order (or one that only
   * waits on someone else) the cart is emptied; the order is no longer followed, and a reload
   * no longer resumes it. "Start a new order" does this.
   */
  reset(): void {
    const before = this._state;
    const phase = orderPhase(before);
    if (this._apply({ type: 'reset' }) === before) return;
    if (before.orderId) {
      this._follower.stop();
      clearOrderRef(this._scope);
    }
    // The licences were bought: the stored cart goes too (the machine emptied its copy).
    if (phase === 'completed' || phase === 'waiting') this._emptyCart();
    else this._linesFromCart();
    this._fieldErrors = {};
    this._orderError = undefined;
    this._notice = undefined;
  }

  private _onCartChange(event: LcCartChangeEvent): void {
    this._apply({ type: 'set-lines', lines: event.lines });
  }

  private _onCheckoutRequest(event: LcCheckoutRequestEvent): void {
    this._apply({ type: 'set-lines', lines: event.lines });
    // The cart got its catalog, so the backend is back: the machine's copy may have failed earlier.
    if (this._catalogTask.status === TaskStatus.ERROR) void this._catalogTask.run();
    this._apply({ type: 'start' });
  }

  private _onStepInput(event: LcStepInputEvent): void {
    this._applyStepValue(event.step, event.value);
  }

  private _onStepNext(event: LcStepNextEvent): void {
    if (event.defaultPrevented) return;
    this._applyStepValue(event.step, event.value);
    if (event.step !== this._state.step) return;
    const before = this._state;
    if (this._apply({ type: 'next' }) === before) this._announce(this._t('checkout.notReady'));
  }

  private _onStepBack(): void {
    this._apply({ type: 'back' });
  }

  private _onStepEdit(event: LcStepEditEvent): void {
    this._apply({ type: 'go-to', step: event.step });
  }

  private _onCompanyNameChange(event: LcCompanyNameChangeEvent): void {
    this._updateCompany({ companyName: event.companyName });
  }

  private _onPlaceOrder(): void {
    void this._placeOrder();
  }

  private _onQuoteRetry(): void {
    void this._quoteTask.run();
  }

  private _onAgreementRetry(): void {
    void this._agreementTask.run();
  }

  private _onNewOrder(): void {
    this.reset();
  }

  /** "Try again" on a failed, retryable order: back to the review for a new attempt with the order's lines. */
  private _onRetryOrder(): void {
    const before = this._state;
    const retried = this._apply({ type: 'retry-order' });
    if (retried === before) return;
    this._follower.stop();
    clearOrderRef(this._scope);
    // The cart holds what is ordered again (after a resume it may have held something else).
    void this._cartReady.then((cart) => (cart.lines = retried.lines));
    if (!retried.recipientKind) {
      // Resumed after a reload: who the order was for is not known here. Start from the cart with its lines.
      this._apply({ type: 'reset' });
      this._notice = this._t('checkout.retryFromCart');
    }
  }

  /** A snapshot of the followed order: into the state, then the public events it calls for. */
  private _onOrderSnapshot(order: Order): void {
    const previous = this._state.order;
    const next = this._apply({ type: 'order-updated', order });
    // An older snapshot, or one for an order no longer shown: nothing new to tell.
    if (next.order !== order) return;
    this._orderChanged(previous, order);
  }

  /** The backend does not know the stored order (any more): drop it, say so, show the cart. */
  private _onOrderNotFound(orderId: string): void {
    clearOrderRef(this._scope);
    const before = this._state;
    if (this._apply({ type: 'order-not-found', orderId }) === before) return;
    this._notice = formatIsolated(this._t('checkout.orderNotFound'), { id: orderId });
    this._linesFromCart();
  }

  private _onNavigationBlocked(message: string): void {
    // While "Place order" is in flight the review is on screen: say it there.
    if (this._state.step === 'provisioning') this._leaveNotice = message;
    else this._notice = message;
  }

  /** Feeds one action through the machine; a step change is fired and focused after the update. */
  private _apply(action: CheckoutAction): CheckoutState {
    const previous = this._state;
    const next = transition(previous, action);
    if (next === previous) return previous;
    this._state = next;
    // Held back exactly while leaving could lose something; released the moment it cannot.
    this._guard.active = navigationGuardNeeded(next);
    if (!this._guard.active) this._leaveNotice = undefined;
    if (next.step !== previous.step) {
      this._stepChangedFrom ??= previous.step;
      this._notice = undefined;
      this._orderError = undefined;
      const steps: Step[] = stepsFor(next).filter((step) => step !== 'provisioning');
      const index = steps.indexOf(next.step);
      if (index >= 0) {
        this._announce(this._t('checkout.announceStep', { number: index + 1, total: steps.length, name: this._stepName(next.step) }));
      }
    }
    return next;
  }

  /** A step's draft, as reported by its element, into the machine. */
  private _applyStepValue(step: Step, value: unknown): void {
    if (!value || typeof value !== 'object') return;
    switch (step) {
      case 'customer-type': {
        const { kind, customer } = value as CustomerTypeValue;
        const before = { recipientKind: this._state.recipientKind, customer: this._state.customer?.id };
        if (kind === 'existing') {
          if (customer) this._apply({ type: 'select-customer', customer });
          else if (this._state.recipientKind !== 'existing') this._apply({ type: 'choose-recipient', kind });
          else if (this._state.customer) this._apply({ type: 'select-customer', customer: undefined });
        } else if (kind) {
          this._apply({ type: 'choose-recipient', kind });
        }
        this._dropFieldErrors('customer-type', before, { recipientKind: this._state.recipientKind, customer: this._state.customer?.id });
        return;
      }
      case 'customer-details':
        this._updateCompany(value as Partial<CompanyDraft>);
        return;
      case 'tenant-domain': {
        const draft = value as Partial<TenantDraft>;
        const before = this._state.tenant;
        const values: Partial<Pick<TenantDraft, 'hasTenant' | 'domain' | 'prefix'>> = {};
        if (typeof draft.hasTenant === 'boolean') values.hasTenant = draft.hasTenant;
        if (typeof draft.domain === 'string') values.domain = draft.domain;
        if (typeof draft.prefix === 'string') values.prefix = draft.prefix;
        this._apply({ type: 'update-tenant', values });
        if (draft.availability) this._apply({ type: 'availability-loaded', availability: draft.availability });
        if (draft.lookup) this._apply({ type: 'tenant-loaded', lookup: draft.lookup });
        this._dropFieldErrors('tenant-domain', before, this._state.tenant);
        return;
      }
      case 'agreement': {
        const before = this._state.agreementDraft;
        this._apply({ type: 'update-agreement', values: value as Partial<AgreementDraft> });
        this._dropFieldErrors('agreement', before, this._state.agreementDraft);
        return;
      }
      default:
        return;
    }
  }

  private _updateCompany(values: Partial<CompanyDraft>): void {
    const before = this._state.company;
    this._apply({ type: 'update-company', values });
    this._dropFieldErrors('customer-details', before, this._state.company);
  }

  private _dropFieldErrors(step: Step, before: object, after: object): void {
    const current = this._fieldErrors[step];
    const kept = withoutChanged(current, before, after);
    if (kept !== current) this._fieldErrors = { ...this._fieldErrors, [step]: kept };
  }

  /**
   * "Place order": one `POST /orders` per accepted press. The machine ignores a press while
   * one is in flight (so nothing is sent) and gives a retry of the same content the same
   * idempotency key, so the backend answers a retry with the order it already made.
   */
  private async _placeOrder(): Promise<void> {
    const api = this._api;
    const before = this._state;
    if (!api) return;
    const submitting = this._apply({ type: 'order-submitting' });
    if (submitting === before) {
      if (orderPhase(before) === 'editing') this._orderError = this._t('checkout.orderNotReady');
      return;
    }
    const request = buildOrderRequest(submitting);
    const idempotencyKey = submitting.submission?.idempotencyKey;
    if (!request || !idempotencyKey) {
      this._apply({ type: 'order-submit-failed' });
      return;
    }
    this._orderError = undefined;
    let order: Order;
    try {
      order = await api.placeOrder(request, { idempotencyKey });
    } catch (error) {
      this._apply({ type: 'order-submit-failed' });
      this._orderFailed(error);
      return;
    }
    const placed = this._apply({ type: 'order-placed', order });
    if (placed.orderId !== order.id) return;
    // From now on a reload resumes this order instead of losing it or placing another.
    saveOrderRef(this._scope, { orderId: order.id, idempotencyKey });
    this._announce(this._t('checkout.announcePlaced', { id: order.id }));
    this.dispatchEvent(new LcOrderPlacedEvent(order));
    this._orderChanged(undefined, order);
    this._follower.follow(order.id);
  }

  /** On load: an order placed before a reload in this tab, for this backend, is followed again. */
  private _resumeOrder(): void {
    if (this._state.orderId || !isEditable(this._state)) return;
    const ref = loadOrderRef(this._scope);
    if (!ref) return;
    const before = this._state;
    if (this._apply({ type: 'order-resumed', orderId: ref.orderId }) === before) return;
    this._quietStepChange = true;
    this._follower.follow(ref.orderId);
  }

  /**
   * After a new snapshot was taken into the state: the public events it calls for, and what a
   * finished order ends (its stored reference once completed; the cart once it was bought).
   */
  private _orderChanged(previous: Order | undefined, order: Order): void {
    for (const event of snapshotEvents(previous, order)) this.dispatchEvent(event);
    if (order.status === 'completed') clearOrderRef(this._scope);
    if (order.status === 'completed' || order.status === 'waiting') this._emptyCart();
  }

  /** Empties the cart element too, so its `localStorage` copy does not come back on the next visit. */
  private _emptyCart(): void {
    // After the cart's own first update, which restores its stored lines (they would come back otherwise).
    void this._cartReady.then(async (cart) => {
      await cart.updateComplete;
      cart.clear();
    });
  }

  /** Back to editing: the machine takes the cart element's lines (restored from storage, or kept). */
  private _linesFromCart(): void {
    void this._cartReady.then(async (cart) => {
      await cart.updateComplete;
      this._apply({ type: 'set-lines', lines: cart.lines });
    });
  }

  /** A refused or failed placement, in words; field errors go to their steps. */
  private _orderFailed(error: unknown): void {
    this._reportError(error, 'order');
    if (isApiError(error) && error.fieldErrors.length > 0) {
      const routed = routeFieldErrors(error.fieldErrors);
      const target = firstStepWithErrors(stepsFor(this._state), routed);
      if (target) {
        this._fieldErrors = routed.byStep;
        this._apply({ type: 'go-to', step: target });
        // After the step change, which clears notices.
        this._notice = [this._t('checkout.orderFailed.fields'), ...routed.unplaced].join(' ');
        return;
      }
      this._orderError = this._t('checkout.orderFailed.problem', {
        detail: routed.unplaced.join(' ') || error.detail || error.title,
      });
      return;
    }
    this._orderError = this._orderErrorMessage(error);
  }

  private _orderErrorMessage(error: unknown): string {
    if (isNetworkError(error)) return this._t('checkout.orderFailed.network');
    if (isContractError(error)) return this._t('checkout.orderFailed.contract');
    if (isApiError(error)) {
      if (error.status === 429) return this._t('checkout.orderFailed.busy');
      if (error.status >= 500 || error.status === 408) return this._t('checkout.orderFailed.server');
      return this._t('checkout.orderFailed.problem', { detail: error.detail ?? error.title });
    }
    return this._t('checkout.orderFailed.unknown');
  }

  private _reportError(error: unknown, context: ErrorContext): void {
    // A superseded or disconnected look-up is not a failure.
    if (error instanceof DOMException && error.name === 'AbortError') return;
    this.dispatchEvent(new LcErrorEvent(error, context));
  }

  private _announce(message: string): void {
    // The same text twice in a row would not be read again: clear first.
    this._announcement = '';
    void this.updateComplete.then(() => (this._announcement = message));
  }

  /** Moves focus to the new step's heading once it has rendered. */
  private async _focusStep(): Promise<void> {
    const root = this.renderRoot;
    const current = [...root.querySelectorAll<HTMLElement & { focusHeading?: () => void; updateComplete?: Promise<unknown> }>('[data-step]')].find(
      (el) => !el.hidden,
    );
    if (!current) return;
    await current.updateComplete;
    if (typeof current.focusHeading === 'function') {
      current.focusHeading();
      return;
    }
    // Elements without focusHeading (the cart, our own confirmation): their focusable heading.
    const heading = (current.shadowRoot ?? current).querySelector<HTMLElement>('[tabindex="-1"], h2');
    heading?.focus();
  }

  /** The quote request for the review, serialized (a stable Task argument); undefined when none is due. */
  private _quoteRequestKey(): string | undefined {
    const state = this._state;
    if (state.step !== 'review' || state.quote || !isEditable(state)) return undefined;
    const request = buildQuoteRequest(state);
    return request ? JSON.stringify(request) : undefined;
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

  private _stepName(step: Step): string {
    return this._t(`checkout.step.${step}`);
  }

  private _quoteState(): QuoteState {
    if (this._state.quote) return 'ready';
    if (this._quoteTask.status === TaskStatus.ERROR || this._quoteMismatch) return 'error';
    return 'loading';
  }

  private _recipientSummary(): RecipientSummary | undefined {
    const { recipientKind, customer, company, tenant } = this._state;
    return this._memoized('recipient', [recipientKind, customer, company.companyName, tenant], () => {
      switch (recipientKind) {
        case 'internal':
          return { kind: 'internal' };
        case 'existing':
          return { kind: 'existing', companyName: customer?.companyName ?? '', tenantDomain: customer?.defaultDomain ?? '' };
        case 'new':
          return {
            kind: 'new',
            companyName: company.companyName.trim(),
            tenantDomain: tenant.hasTenant ? normalizeDomain(tenant.domain) : `${tenant.prefix.toLowerCase()}.onmicrosoft.com`,
            newTenant: !tenant.hasTenant,
          };
        default:
          return undefined;
      }
    });
  }

  private _agreementSummary(): AgreementSummary | undefined {
    const state = this._state;
    const { agreement, agreementDraft } = state;
    if (!agreement || !agreementNeeded(state)) return undefined;
    return this._memoized('agreement', [agreement, agreementDraft], () =>
      agreement.mode === 'attest'
        ? {
            mode: 'attest',
            signatory: `${agreementDraft.firstName.trim()} ${agreementDraft.lastName.trim()}`,
            dateAccepted: agreementDraft.dateAccepted,
          }
        : { mode: 'customer-accepts' },
    );
  }

  private _renderStepList(): TemplateResult {
    const state = this._state;
    const steps = stepsFor(state).filter((step) => step !== 'provisioning' || state.step === 'provisioning');
    const editable = isEditable(state);
    return html`
      <nav aria-label=${this._t('checkout.steps')}>
        <ol class="step-list" part="step-list">
          ${steps.map((step) => {
            const current = step === state.step;
            const visited = state.visited.includes(step);
            const name = this._stepName(step);
            const canGo = editable && visited && !current && step !== 'provisioning';
            return html`
              <li class="step-item ${visited ? 'visited' : ''}" part="step-item" aria-current=${current ? 'step' : 'false'}>
                ${canGo
                  ? html`<button
                      type="button"
                      class="link"
                      part="button step-button"
                      aria-label=${this._t('checkout.goTo', { name })}
                      @click=${() => this._apply({ type: 'go-to', step })}
                    >
                      <span class="step-name">${name}</span>
                    </button>`
                  : html`<span class="step-name">${name}</span>`}
              </li>
            `;
          })}
        </ol>
      </nav>
    `;
  }

  private _renderNotice(): TemplateResult | typeof nothing {
    if (!this._notice) return nothing;
    return html`<div class="notice danger" part="notice" role="alert"><p>${this._notice}</p></div>`;
  }

  /**
   * The agreement step before `GET /agreement` answered: the checkout loads it (the machine
   * needs it to validate and to build the order), so the step shows here until it is there.
   */
  private _renderAgreementLoading(): TemplateResult {
    const failed = this._agreementTask.status === TaskStatus.ERROR;
    return html`
      <section data-step="agreement" class="agreement-loading" aria-labelledby="agreement-heading">
        <h2 id="agreement-heading" class="step-heading" part="step-heading" tabindex="-1">${this._t('checkout.agreementHeading')}</h2>
        ${failed
          ? html`<div class="notice danger" part="failed" role="alert">
              <p><strong>${this._t('checkout.agreementFailed')}</strong></p>
              <p>${this._t('checkout.loadFailedDetail')}</p>
              <button type="button" part="button retry-button" @click=${this._onAgreementRetry}>${this._t('checkout.retry')}</button>
            </div>`
          : html`<p class="loading" part="loading" aria-live="polite">${this._t('checkout.agreementLoading')}</p>`}
      </section>
    `;
  }

  private _renderCart(): TemplateResult {
    // Kept alive (hidden) on the other steps: its lines, typed quantities and catalog stay.
    return html`<lc-cart
      data-step="cart"
      exportparts=${CHILD_PARTS}
      ?hidden=${this._state.step !== 'cart'}
      @lc-cart-change=${this._onCartChange}
      @lc-checkout-request=${this._onCheckoutRequest}
    ></lc-cart>`;
  }

  private _renderStep(): TemplateResult | typeof nothing {
    const state = this._state;
    const noBack = !canGoBack(state);
    switch (state.step) {
      case 'cart':
        return nothing;
      case 'customer-type': {
        const value = this._memoized('customer-type', [state.recipientKind, state.customer], (): CustomerTypeValue => ({
          ...(state.recipientKind ? { kind: state.recipientKind } : {}),
          ...(state.customer ? { customer: state.customer } : {}),
        }));
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
        ></lc-tenant-domain>`;
      case 'agreement':
        if (!state.agreement) return this._renderAgreementLoading();
        return html`<lc-agreement
          data-step="agreement"
          exportparts=${CHILD_PARTS}
          .value=${state.agreementDraft}
          .agreement=${state.agreement}
          .customerName=${state.recipientKind === 'new' ? state.company.companyName.trim() : state.customer?.companyName}
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
          .quote=${state.quote}
          .quoteState=${this._quoteState()}
          .submitting=${orderPhase(state) === 'submitting'}
          .error=${this._orderError}
          ?no-back=${noBack}
          @lc-place-order=${this._onPlaceOrder}
          @lc-quote-retry=${this._onQuoteRetry}
          @lc-step-edit=${this._onStepEdit}
        ></lc-order-review>`;
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
      .connection=${this._follower.following ? this._follower.connection : 'live'}
      .notice=${this._leaveNotice}
      @lc-retry-order=${this._onRetryOrder}
      @lc-new-order=${this._onNewOrder}
    ></lc-provisioning>`;
  }

  protected override render(): TemplateResult {
    return html`
      <div
        class="checkout"
        role="region"
        aria-label=${this._t('checkout.label')}
        @lc-step-input=${this._onStepInput}
        @lc-step-next=${this._onStepNext}
        @lc-step-back=${this._onStepBack}
      >
        ${this._renderStepList()}
        <div role="status" class="visually-hidden" part="status">${this._announcement}</div>
        ${this._renderNotice()} ${this._renderCart()} ${this._renderStep()}
      </div>
    `;
  }
}

/**
 * The `sessionStorage` scope of the placed order's reference: the backend's base URL,
 * resolved and without trailing slashes, as the cart keys its storage (two backends on one
 * page never resume each other's orders). An `api` object without `baseUrl` shares one scope.
 */
function orderScope(api: CheckoutApi | undefined): string {
  const base = (api as { baseUrl?: unknown } | undefined)?.baseUrl;
  if (typeof base !== 'string' || !base.trim()) return CUSTOM_API_SCOPE;
  let resolved = base.trim();
  try {
    resolved = new URL(resolved, document.baseURI).href;
  } catch {
    // not a URL: the text itself is the scope
  }
  return resolved.replace(/\/+$/, '');
}

LcElement.define('lc-checkout', LcCheckout);

declare global {
  interface HTMLElementTagNameMap {
    'lc-checkout': LcCheckout;
  }
}
