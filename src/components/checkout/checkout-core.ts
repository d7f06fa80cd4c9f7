/**
 * The core of `<lc-checkout>`: everything after the cart. The machine and its rules, the
 * order (placing, resuming, following, guarding), the look-ups of the steps after the cart,
 * the backend's field errors, and the templates of the steps and of the order summary. The
 * element itself (`checkout.ts`) is the shell: its properties, the cart, the step list.
 *
 * Evaluating this module registers it (`core-registry.ts`): `import 'license-checkout'` does
 * so at once; the script-tag file and `license-checkout/lazy` load it like a step's code.
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { CheckoutApi } from '../../api/api.js';
import { adminAccessSummary, adminAccessTarget, agreementNeeded, agreementSummary, canGoBack, createCheckout, navigationGuardNeeded } from '../../checkout/machine.js';
import { shownSteps } from '../../checkout/machine-steps.js';
import { orderPhase, recipientCompanyName, recipientSubscriptions, recipientSummary, stepsFor, transition } from '../../checkout/machine.js';
import type { AdminAccessSummary, AgreementSummary, CheckoutAction, CheckoutState, RecipientSummary, Step } from '../../checkout/machine.js';
import { OrderSession } from '../../checkout/order-session.js';
import { customerTypeValue, stepDraft, stepValueActions } from '../../checkout/step-values.js';
import type { LcCompanyNameChangeEvent } from '../../events/company-name-change.js';
import type { LcStepEditEvent } from '../../events/step-edit.js';
import type { LcStepInputEvent } from '../../events/step-input.js';
import type { LcStepNextEvent } from '../../events/step-next.js';
import { lookup } from '../../i18n/strings.js';
import { formatIsolated } from '../shared/form.js';
import { CHILD_PARTS } from './checkout-core.parts.js';
import { checkoutStrings } from './checkout.strings.js';
import '../order-summary/order-summary.js';
import { stepPlaceholderTemplate } from './checkout.templates.js';
import { CheckoutLookups } from './checkout-lookups.js';
import { CheckoutSubscriptions } from './checkout-subscriptions.js';
import { registerCheckoutCore, type CheckoutCore, type CheckoutText, type CoreHost } from './core-registry.js';
import { lineMessages, placementFailure, withoutChanged, type StepFieldMessages } from './field-errors.js';
import { StepChanges } from './step-changes.js';

class Core implements CheckoutCore, ReactiveController {
  /** The recipient's subscriptions and end dates (before the lookups: the quote waits for them). */
  private readonly _subscriptions: CheckoutSubscriptions;
  /** The agreement, the admin-access templates and the quote, from the backend. */
  private readonly _lookups: CheckoutLookups;
  /** Placing, resuming, following, guarding, retrying and ending the order. */
  private readonly _session: OrderSession;
  /** `lc-step-change` and focus on every step change. */
  private readonly _steps: StepChanges;

  private _state: CheckoutState;
  private _api?: CheckoutApi;
  /** Backend messages per step and field, from a refused order. */
  private _fieldErrors: Partial<Record<Step, StepFieldMessages>> = {};
  /** Why the last placement failed, in words (shown on the review). */
  private _orderError?: string;
  /** A checkout-level notice above the step: text, or text with isolated values (an order id keeps its order right to left). */
  private _notice?: string | Array<string | TemplateResult>;
  /** Why leaving the page was just held back (shown in the provisioning step). */
  private _leaveNotice?: string;
  private readonly _memo = new Map<string, { deps: readonly unknown[]; value: unknown }>();
  /** The checkout's text, every key (the shell has only its own). */
  private readonly _t: CheckoutText = (key, values) => lookup(checkoutStrings, this.host.strings(), key, values);

  constructor(private readonly host: CoreHost) {
    const { element, cart } = host;
    const t = this._t;
    // The catalog the cart already has; the cart's lines go in once a backend is known (see OrderSession.configure).
    this._state = createCheckout([], cart.catalog);
    element.addController(this);
    this._steps = new StepChanges(element, () => this._state);
    const context = { api: () => this._api, state: () => this._state, apply: (action: CheckoutAction) => this.apply(action) };
    this._subscriptions = new CheckoutSubscriptions(element, context);
    this._lookups = new CheckoutLookups(element, { ...context, holdQuote: () => this._subscriptions.pending });
    this._session = new OrderSession(element, {
      ...context,
      cart,
      events: {
        notReady: () => this._set({ orderError: t('checkout.orderNotReady') }),
        sending: () => this._set({ orderError: undefined }),
        placeFailed: (error) => this._orderFailed(error),
        placed: (order) => host.announce(t('checkout.announcePlaced', { id: order.id })),
        resumed: () => {
          this._steps.quiet();
          // Once the order's snapshot (and with it the summary above the progress) is shown.
          host.layout.scrollIntoViewWhen('[data-step="provisioning"]', () => Boolean(this._state.order));
        },
        notFound: (orderId) => this._set({ notice: formatIsolated(t('checkout.orderNotFound'), { id: orderId }) }),
        // While "Place order" is in flight the review is on screen: say it there.
        blocked: (message) => this._set(this._state.step === 'provisioning' ? { leaveNotice: message } : { notice: message }),
      },
    });
  }

  hostUpdate(): void {
    this._session.leaveMessage = this._t('checkout.leaveMessage');
  }

  get state(): CheckoutState {
    return this._state;
  }

  get publicState(): CheckoutState {
    const state = this._state;
    const order = state.order;
    if (!order?.credentials) return state;
    return this._memoized('public-state', [state], () => {
      const { credentials: _credentials, ...rest } = order;
      return { ...state, order: rest };
    });
  }

  get provisioningActive(): boolean {
    return navigationGuardNeeded(this._state);
  }

  configure(client: CheckoutApi | undefined, scope: string): void {
    this._api = client;
    this._session.configure(client, scope);
  }

  reset(): boolean {
    if (!this._session.reset()) return false;
    this._set({ fieldErrors: {}, orderError: undefined, notice: undefined });
    return true;
  }

  /** Feeds one action through the machine; a step change is fired and focused after the update. */
  apply(action: CheckoutAction): CheckoutState {
    const previous = this._state;
    const next = transition(previous, action);
    if (next === previous) return previous;
    this._state = next;
    // A refused line's message goes once its line changes in the cart.
    const review = this._fieldErrors.review;
    const kept = withoutChanged(review, previous, next);
    if (kept !== review) this._fieldErrors = { ...this._fieldErrors, review: kept };
    this.host.element.requestUpdate();
    // Held back exactly while leaving could lose something; released the moment it cannot.
    this._session.stateChanged(next);
    if (!this._session.guarding) this._leaveNotice = undefined;
    if (next.step !== previous.step) {
      const t = this._t;
      this._steps.changed(previous.step);
      this._notice = undefined;
      this._orderError = undefined;
      // Counted as the step list shows them (the Order step too, and whether more may come);
      // the Order step itself is announced by the placement.
      const { steps, more } = shownSteps(next);
      const number = steps.indexOf(next.step) + 1;
      if (number && next.step != 'provisioning') {
        const name = t(`checkout.step.${next.step}`);
        this.host.announce(t('checkout.announceStep', { number, total: steps.length, name }) + (more ? ' ' + t('checkout.moreSteps') : ''));
      }
    }
    return next;
  }

  stepInput(event: LcStepInputEvent): void {
    this._applyStepValue(event.step, event.value);
  }

  stepNext(event: LcStepNextEvent): void {
    if (event.defaultPrevented) return;
    this._applyStepValue(event.step, event.value);
    if (event.step !== this._state.step) return;
    const before = this._state;
    if (this.apply({ type: 'next' }) === before) this.host.announce(this._t('checkout.notReady'));
  }

  /** Changes what the core renders, and asks the element to render it. */
  private _set(changes: { fieldErrors?: Partial<Record<Step, StepFieldMessages>>; orderError?: string; notice?: string | Array<string | TemplateResult>; leaveNotice?: string }): void {
    if ('fieldErrors' in changes) this._fieldErrors = changes.fieldErrors!;
    if ('orderError' in changes) this._orderError = changes.orderError;
    if ('notice' in changes) this._notice = changes.notice;
    if ('leaveNotice' in changes) this._leaveNotice = changes.leaveNotice;
    this.host.element.requestUpdate();
  }

  /** A step's value, as reported by its element, into the machine; the backend's messages on changed fields go. */
  private _applyStepValue(step: Step, value: unknown): void {
    const before = stepDraft(this._state, step);
    for (const action of stepValueActions(this._state, step, value)) this.apply(action);
    const current = this._fieldErrors[step];
    const kept = withoutChanged(current, before ?? {}, stepDraft(this._state, step) ?? {});
    if (kept !== current) this._set({ fieldErrors: { ...this._fieldErrors, [step]: kept } });
  }

  /** A refused or failed placement, in words; field errors go to their steps. */
  private _orderFailed(error: unknown): void {
    const failure = placementFailure(error, stepsFor(this._state));
    const t = this._t;
    if (!failure.target) {
      this._set({ orderError: t(failure.key, failure.detail === undefined ? undefined : { detail: failure.detail }) });
      return;
    }
    this._set({ fieldErrors: failure.byStep });
    this.apply({ type: 'go-to', step: failure.target });
    // After the step change, which clears notices.
    this._set({ notice: [t('checkout.orderFailed.fields'), ...failure.unplaced].join(' ') });
  }

  /** The same object while `deps` are the same, so a step is not re-set with an equal copy on every render. */
  private _memoized<T>(slot: string, deps: readonly unknown[], make: () => T): T {
    const cached = this._memo.get(slot);
    if (cached && cached.deps.length === deps.length && cached.deps.every((dep, i) => dep === deps[i])) return cached.value as T;
    const value = make();
    this._memo.set(slot, { deps, value });
    return value;
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
  renderSummary(): TemplateResult | typeof nothing {
    const { step, lines, catalog, quote, order } = this._state;
    if (step === 'cart') return nothing;
    const placed = this._memoized('summary-order', [order], () =>
      order ? { lines: order.lines, currency: order.currency, firstInvoiceTotal: order.firstInvoiceTotal } : undefined,
    );
    // Beside the step (wide), or above it and collapsible (narrow).
    return html`<lc-order-summary
      class="side"
      exportparts="order-summary, order-summary-toggle, summary-lines, summary-line, summary-total, summary-first-invoice"
      .lines=${lines}
      .catalog=${catalog}
      .quote=${quote}
      .order=${placed}
      ?collapsible=${!this.host.layout.wide}
    ></lc-order-summary>`;
  }

  renderNotice(): TemplateResult | typeof nothing {
    if (!this._notice) return nothing;
    return html`<div class="notice danger" part="notice" role="alert"><p>${this._notice}</p></div>`;
  }

  renderStep(): TemplateResult | typeof nothing {
    const state = this._state;
    const noBack = !canGoBack(state);
    const t = this._t;
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
          @lc-company-name-change=${(event: LcCompanyNameChangeEvent) => this._applyStepValue('customer-details', { companyName: event.companyName })}
          >${this._renderAdminAccess('tenant-domain')}</lc-tenant-domain
        >`;
      case 'agreement':
        // Before `GET /agreement` answered: the checkout loads it (the machine needs it to
        // validate and to build the order), so the step shows here until it is there.
        if (!state.agreement) {
          return stepPlaceholderTemplate({
            step: 'agreement',
            className: 'agreement-loading',
            heading: t('checkout.agreementHeading'),
            loading: t('checkout.agreementLoading'),
            failed: this._lookups.agreementFailed ? t('checkout.agreementFailed') : undefined,
            t,
            retry: () => this._lookups.agreement.run(),
          });
        }
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
          @lc-step-edit=${(event: LcStepEditEvent) => this.apply({ type: 'go-to', step: event.step })}
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
      .catalog=${this.host.cart.catalog}
      .connection=${this._session.connection}
      .notice=${this._leaveNotice}
      @lc-retry-order=${() => this._session.retry()}
      @lc-new-order=${() => this.host.reset()}
    ></lc-provisioning>`;
  }
}

registerCheckoutCore((host) => new Core(host));
