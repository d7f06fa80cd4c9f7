import { html, nothing, svg, type PropertyValues, type SVGTemplateResult, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { AdminCredentials, Catalog, Order, ProvisioningTask, TaskStatus } from '../../api/schemas.js';
import { LcElement } from '../../base/lc-element.js';
import { LcStepElement } from '../../base/lc-step-element.js';
import { findProduct } from '../../checkout/cart-store.js';
import type { ConnectionState } from '../../checkout/order-follower.js';
import { LcNewOrderEvent } from '../../events/new-order.js';
import { LcRetryOrderEvent } from '../../events/retry-order.js';
import { AbortOnDisconnect } from '../../internal/abort-on-disconnect.js';
import { copyText } from '../../internal/clipboard.js';
import { sleep } from '../../internal/sleep.js';
import { webUrl } from '../../internal/web-url.js';
import { controls, tokens } from '../../styles/tokens.js';
import { isolate } from '../shared/form.js';
import { formStyles } from '../shared/form.styles.js';
import { ClockController } from './clock.js';
import { purchasedItems } from './provisioning.purchases.js';
import { provisioningStyles } from './provisioning.styles.js';
import { provisioningStrings, type ProvisioningStrings } from './provisioning.strings.js';
import { orderTermsStyles, renderOrderTerms, renderPurchaseOrderRow, type OrderTermsView } from './provisioning.terms.js';

export type { ConnectionState };

type StringKey = keyof ProvisioningStrings & string;

const CONNECTIONS: readonly ConnectionState[] = ['live', 'polling', 'reconnecting', 'offline'];

const isTerminal = (order: Order | undefined): boolean => order?.status === 'completed' || order?.status === 'failed';

/** How long a "Copied" confirmation stays next to its button. */
const COPIED_MS = 4000;

/** `m:ss`, or `h:mm:ss` from an hour on: digits read the same in most languages. */
function formatElapsed(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

const ICONS: Record<TaskStatus, SVGTemplateResult> = {
  pending: svg`<circle cx="10" cy="10" r="7" fill="none" stroke="currentColor" stroke-width="2" stroke-dasharray="2 3" />`,
  running: svg`<circle class="spinner" cx="10" cy="10" r="7" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-dasharray="30 14" />`,
  succeeded: svg`<circle cx="10" cy="10" r="8" fill="currentColor" /><path d="M6 10.5l2.6 2.6L14 7.5" fill="none" stroke="var(--_surface)" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />`,
  failed: svg`<circle cx="10" cy="10" r="8" fill="currentColor" /><path d="M7 7l6 6M13 7l-6 6" fill="none" stroke="var(--_surface)" stroke-width="2" stroke-linecap="round" />`,
  waiting: svg`<circle cx="10" cy="10" r="7" fill="none" stroke="currentColor" stroke-width="2" /><path d="M10 6v4.5l3 2" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />`,
  'action-required': svg`<path d="M10 2.5l8 14.5H2z" fill="currentColor" /><path d="M10 8v4" stroke="var(--_surface)" stroke-width="2" stroke-linecap="round" /><circle cx="10" cy="14.6" r="1.1" fill="var(--_surface)" />`,
};

/**
 * @summary The progress of a placed order: its provisioning tasks with their states, overall
 * progress, elapsed time and an estimate, and the outcome (complete, failed, or waiting on
 * someone else) with what to do next.
 *
 * Displays the snapshots it is given in `order` and fires only user requests; following the
 * order (`OrderFollower`) and guarding navigation (`NavigationGuard`) belong to its owner.
 * New admin credentials in a completed order (or a failed one that created its tenant) are
 * shown once, kept only in memory, and never written to attributes, storage or events.
 *
 * @fires lc-new-order - `LcNewOrderEvent`: "Start a new order" was pressed (completed, waiting or failed order).
 * @fires lc-retry-order - `LcRetryOrderEvent`: "Try again" was pressed on a failed order the backend marked `retryable`.
 *
 * @csspart step-heading - The heading (focused by `focusHeading()`).
 * @csspart order-id - The order id.
 * @csspart order-terms - On the outcome: per line, until when it can be cancelled or reduced, and its renewal.
 * @csspart line-terms - One line of those.
 * @csspart cancellation - A line's cancellation deadline (date and time).
 * @csspart purchase-order - The order's purchase order number.
 * @csspart connection - The banner shown while the backend cannot be reached.
 * @csspart notice - The message set in `notice` (e.g. why leaving was held back).
 * @csspart progress - The overall progress bar.
 * @csspart elapsed - The elapsed time.
 * @csspart estimate - The estimate of the time left.
 * @csspart tasks - The task list.
 * @csspart status-row - One task (also carries `data-status`).
 * @csspart task-status - A task's state, in words.
 * @csspart task-detail - A task's detail text.
 * @csspart action-link - The link to send for an action-required task, in its task row.
 * @csspart action-url - An action URL that is not a web address, shown as text (never a link).
 * @csspart outcome - The summary of a completed, failed or waiting order.
 * @csspart credentials - The new administrator's user name and temporary password.
 * @csspart warning - The "shown only once" warning.
 * @csspart user-name - The administrator's user name.
 * @csspart password - The temporary password.
 * @csspart support-details - What to tell support about a failed order.
 * @csspart button - Every button; also `copy-button`, `retry-button`, `new-order-button`.
 * @csspart copy-button - Copies a link, a credential or the support details.
 * @csspart retry-button - "Try again" on a failed order.
 * @csspart new-order-button - "Start a new order".
 * @csspart status - The visually hidden live region announcing task changes.
 *
 * @cssproperty --lc-color-accent - Progress bar, running tasks, primary button.
 * @cssproperty --lc-color-accent-text - Text on the primary button.
 * @cssproperty --lc-color-text - Text colour.
 * @cssproperty --lc-color-muted - Secondary text, pending tasks.
 * @cssproperty --lc-color-surface - Background of rows and panels.
 * @cssproperty --lc-color-surface-alt - Background of the outcome panel.
 * @cssproperty --lc-color-border - Borders.
 * @cssproperty --lc-color-success - Succeeded tasks, completed outcome.
 * @cssproperty --lc-color-danger - Failed tasks, failed outcome.
 * @cssproperty --lc-color-warning - Waiting and action-required tasks, the connection banner.
 * @cssproperty --lc-color-focus - Focus ring.
 * @cssproperty --lc-radius - Corner radius.
 * @cssproperty --lc-space - Spacing unit.
 * @cssproperty --lc-font-family - Font.
 * @cssproperty --lc-font-size - Base font size.
 */
export class LcProvisioning extends LcStepElement<ProvisioningStrings> {
  static override styles = [LcElement.baseStyles, tokens, controls, formStyles, provisioningStyles, orderTermsStyles];

  private readonly _clock = new ClockController(this);
  /** The wait before "Copied" goes; leaving the page ends it at once. */
  private readonly _copiedWait = new AbortOnDisconnect(this, () => (this._copied = undefined));

  protected readonly defaultStrings = provisioningStrings;

  /** The latest snapshot of the order (the contract's `Order`). Undefined while it loads. */
  @property({ attribute: false })
  order?: Order;

  /**
   * How the owner reaches the backend (`OrderFollower.connection`): `reconnecting` and
   * `offline` show a banner. A connection problem never makes the order look failed.
   */
  @property({ reflect: true })
  connection: ConnectionState = 'live';

  /** The catalog, to name what a completed order bought; without it products are named by their id. */
  @property({ attribute: false })
  catalog?: Catalog;

  /** A message shown above the tasks, e.g. why leaving the page was held back (`NavigationGuard`'s `onBlocked`). */
  @property({ attribute: false })
  notice?: string;

  /**
   * Locale for numbers and plurals; falls back to context, then the nearest `lang` in the page.
   * @attr
   */
  declare lang: string;

  /** Overrides of the default texts (see `provisioning.strings.ts`), key by key. */
  declare strings?: Partial<ProvisioningStrings>;

  @state() private _announcement = '';
  /** Which copy button just succeeded, to show "Copied" next to it. */
  @state() private _copied?: string;

  /** Task statuses of the last snapshot, to announce only real changes. */
  private _lastStatuses = new Map<string, TaskStatus>();
  private _lastOrderId?: string;
  private _lastOrderStatus?: Order['status'];
  /** When the current snapshot arrived: the estimate counts down from it. */
  private _receivedAt = Date.now();

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('connection') && !CONNECTIONS.includes(this.connection)) this.connection = 'live';
    if (changed.has('order')) this._takeSnapshot();
    if (changed.has('connection') && changed.get('connection') !== undefined) {
      if (this.connection === 'reconnecting' || this.connection === 'offline') {
        this._announce(this.t(`provisioning.connection.${this.connection}`));
      }
    }
    // Elapsed time moves only while the order is in progress or waiting.
    this._clock.running = this.order !== undefined && !isTerminal(this.order);
  }

  private _onNewOrder(): void {
    this.dispatchEvent(new LcNewOrderEvent(this.order?.id));
  }

  private _onRetry(): void {
    const order = this.order;
    if (order?.status !== 'failed' || !order.retryable) return;
    this.dispatchEvent(new LcRetryOrderEvent(order.id));
  }

  private async _onCopy(key: string, text: string, done: StringKey): Promise<void> {
    const ok = await copyText(text, this.renderRoot as ShadowRoot);
    this._announce(this.t(ok ? done : 'provisioning.copyFailed'));
    this._copiedWait.abort();
    this._copied = ok ? key : undefined;
    if (!ok) return;
    await this._copiedWait.run(async (signal) => {
      await sleep(COPIED_MS, signal);
      this._copied = undefined;
    });
  }

  /** Compares the new snapshot with the last one: announces task and outcome changes, never mere progress. */
  private _takeSnapshot(): void {
    const order = this.order;
    this._receivedAt = this._clock.now;
    if (!order) {
      this._lastStatuses = new Map();
      this._lastOrderId = undefined;
      this._lastOrderStatus = undefined;
      return;
    }
    const sameOrder = order.id === this._lastOrderId;
    const messages: string[] = [];
    if (sameOrder) {
      for (const task of order.tasks) {
        const before = this._lastStatuses.get(task.id);
        if (before !== undefined && before !== task.status) {
          messages.push(this.t('provisioning.announce.task', { label: task.label, status: this.t(`provisioning.status.${task.status}`) }));
        }
      }
    }
    // Every status but the running one is announced when the order reaches it.
    if ((!sameOrder || order.status !== this._lastOrderStatus) && order.status !== 'provisioning') {
      messages.push(this.t(`provisioning.announce.${order.status}`));
    }
    this._lastStatuses = new Map(order.tasks.map((task) => [task.id, task.status]));
    this._lastOrderId = order.id;
    this._lastOrderStatus = order.status;
    if (messages.length) this._announce(messages.join(' '));
  }

  private _announce(message: string): void {
    // The same text twice would not be read again: make it differ.
    this._announcement = message === this._announcement ? `${message}\u00a0` : message;
  }

  private _elapsedSeconds(order: Order): number {
    const start = Date.parse(order.createdAt);
    const end = isTerminal(order) ? Date.parse(order.updatedAt) : this._clock.now;
    return Number.isFinite(start) && Number.isFinite(end) ? Math.max(0, (end - start) / 1000) : 0;
  }

  private _estimateText(order: Order): string | undefined {
    if (order.status !== 'provisioning' || order.estimatedSecondsRemaining === undefined) return undefined;
    const left = order.estimatedSecondsRemaining - (this._clock.now - this._receivedAt) / 1000;
    if (left < 60) return this.t('provisioning.estimate.lessThanMinute');
    const count = Math.round(left / 60);
    const category = new Intl.PluralRules(this.locale).select(count);
    return this.t(category === 'one' ? 'provisioning.estimate.one' : 'provisioning.estimate.other', { count });
  }

  private _renderCopyButton(key: string, label: StringKey, text: string, done: StringKey, describedBy?: string): TemplateResult {
    return html`
      <span class="copy">
        <button type="button" part="button copy-button" aria-describedby=${describedBy ?? nothing} @click=${() => this._onCopy(key, text, done)}>
          ${this.t(label)}
        </button>
        ${this._copied === key ? html`<span class="copied" aria-hidden="true">${this.t('provisioning.copied')}</span>` : nothing}
      </span>
    `;
  }

  private _renderConnection(): TemplateResult | typeof nothing {
    if (this.connection !== 'reconnecting' && this.connection !== 'offline') return nothing;
    return html`
      <p class="connection" part="connection" data-connection=${this.connection}>
        <span class="icon" aria-hidden="true"><svg viewBox="0 0 20 20">${ICONS.waiting}</svg></span>
        <span>${this.t(`provisioning.connection.${this.connection}`)}</span>
      </p>
    `;
  }

  private _renderProgress(order: Order): TemplateResult {
    const percent = Math.round(order.progress * 100);
    const elapsed = this._elapsedSeconds(order);
    const estimate = this._estimateText(order);
    return html`
      <div class="progress-block">
        <div class="progress-head">
          <label for="progress">${this.t('provisioning.progressLabel')}</label>
          <span class="percent">${this.t('provisioning.progressValue', { percent })}</span>
        </div>
        <progress id="progress" part="progress" max="100" .value=${percent}>${percent}%</progress>
        <p class="timing">
          <span part="elapsed">
            ${this.t(isTerminal(order) ? 'provisioning.took' : 'provisioning.elapsed')}:
            <time datetime=${`PT${Math.floor(elapsed)}S`}>${isolate(formatElapsed(elapsed))}</time>
          </span>
          ${estimate ? html`<span part="estimate">${estimate}</span>` : nothing}
        </p>
      </div>
    `;
  }

  /** A failed order's outcome repeats its failed task's detail: the row leaves it out. */
  private _detailInOutcome(task: ProvisioningTask): boolean {
    return this.order?.status === 'failed' && this.order.tasks.find((t) => t.status === 'failed') === task;
  }

  private _renderTask(task: ProvisioningTask, index: number): TemplateResult {
    const id = `task-${index}`;
    const actionUrl = task.status === 'action-required' ? task.actionUrl : undefined;
    const href = webUrl(actionUrl);
    return html`
      <li class="task" part="status-row" data-status=${task.status} aria-current=${task.status === 'running' ? 'step' : nothing}>
        <span class="icon" aria-hidden="true"><svg viewBox="0 0 20 20">${ICONS[task.status]}</svg></span>
        <div class="task-body">
          <span class="task-label" id=${`${id}-label`}>${task.label}</span>
          <span class="task-status" part="task-status">${this.t(`provisioning.status.${task.status}`)}</span>
          ${task.detail && !this._detailInOutcome(task) ? html`<p class="task-detail" part="task-detail">${task.detail}</p>` : nothing}
          ${href
            ? html`
                <div class="action">
                  <span class="action-label" id=${`${id}-link-label`}>${this.t('provisioning.actionLink')}</span>
                  <a
                    id=${`${id}-link`}
                    part="action-link"
                    href=${href}
                    target="_blank"
                    rel="noopener noreferrer"
                    aria-describedby=${`${id}-link-label ${id}-label`}
                    >${isolate(actionUrl!)}</a
                  >
                  ${this._renderCopyButton(`link-${task.id}`, 'provisioning.copyLink', actionUrl!, 'provisioning.linkCopied', `${id}-label`)}
                </div>
              `
            : actionUrl
              ? html`<p class="action"><code part="action-url" translate="no">${isolate(actionUrl)}</code></p>`
              : nothing}
        </div>
      </li>
    `;
  }

  private _renderCredentials(credentials: AdminCredentials): TemplateResult {
    return html`
      <section class="credentials" part="credentials" aria-labelledby="credentials-heading">
        <h3 id="credentials-heading">${this.t('provisioning.credentials.heading')}</h3>
        <p class="warning" part="warning">
          <span class="icon" aria-hidden="true"><svg viewBox="0 0 20 20">${ICONS['action-required']}</svg></span>
          <strong>${this.t('provisioning.credentials.warning')}</strong>
        </p>
        <dl class="pairs">
          <div>
            <dt id="user-name-label">${this.t('provisioning.credentials.userName')}</dt>
            <dd>
              <code part="user-name" translate="no">${credentials.userName}</code>
              ${this._renderCopyButton('user-name', 'provisioning.credentials.copyUserName', credentials.userName, 'provisioning.credentials.userNameCopied')}
            </dd>
          </div>
          <div>
            <dt id="password-label">${this.t('provisioning.credentials.password')}</dt>
            <dd>
              <code part="password" translate="no">${credentials.temporaryPassword}</code>
              ${this._renderCopyButton('password', 'provisioning.credentials.copyPassword', credentials.temporaryPassword, 'provisioning.credentials.passwordCopied')}
            </dd>
          </div>
        </dl>
      </section>
    `;
  }

  private _termsView(): OrderTermsView {
    return {
      t: (key, values) => this.t(key, values),
      locale: this.locale,
      productName: (id) => findProduct(this.catalog, id)?.name,
    };
  }

  private _renderCompleted(order: Order): TemplateResult {
    return html`
      <div class="outcome" part="outcome" data-outcome="completed">
        <p><strong>${this.t('provisioning.completed.summary', { company: order.recipient.companyName })}</strong></p>
        <dl class="pairs">
          <div>
            <dt>${this.t('provisioning.completed.company')}</dt>
            <dd>${order.recipient.companyName}</dd>
          </div>
          ${order.recipient.domain
            ? html`<div>
                <dt>${this.t('provisioning.completed.tenant')}</dt>
                <dd translate="no">${isolate(order.recipient.domain)}</dd>
              </div>`
            : nothing}
          <div>
            <dt>${this.t('provisioning.completed.subscriptions')}</dt>
            <dd>
              <ul class="plain">
                ${purchasedItems(order, this.catalog, (key, values) => this.t(key, values), this.locale).map((item) => html`<li>${item}</li>`)}
              </ul>
            </dd>
          </div>
          ${renderPurchaseOrderRow(this._termsView(), order)}
        </dl>
        ${renderOrderTerms(this._termsView(), order)}
        ${order.credentials ? this._renderCredentials(order.credentials) : nothing}
      </div>
    `;
  }

  private _renderFailed(order: Order): TemplateResult {
    const task = order.tasks.find((t) => t.status === 'failed');
    const details = [
      `${this.t('provisioning.orderId')}: ${order.id}`,
      task ? `${this.t('provisioning.failed.supportTask')}: ${task.label} (${task.id})` : '',
      task?.detail ? `${this.t('provisioning.failed.supportDetail')}: ${task.detail}` : '',
    ]
      .filter(Boolean)
      .join('\n');
    return html`
      <div class="outcome" part="outcome" data-outcome="failed">
        <h3>${this.t('provisioning.failed.what')}</h3>
        ${task
          ? html`<p><strong>${task.label}</strong></p>
              ${task.detail ? html`<p>${task.detail}</p>` : nothing}`
          : html`<p>${this.t('provisioning.failed.unknownTask')}</p>`}
        ${order.retryable ? html`<p class="hint">${this.t('provisioning.failed.retryHint')}</p>` : nothing}
        ${order.credentials
          ? html`<p>${this.t('provisioning.failed.tenantCreated', { domain: order.recipient.domain ?? '' })}</p>
              ${this._renderCredentials(order.credentials)}`
          : nothing}
        <p id="support-intro">${this.t('provisioning.failed.support')}</p>
        <dl class="pairs" part="support-details" aria-describedby="support-intro">
          <div>
            <dt>${this.t('provisioning.orderId')}</dt>
            <dd><code translate="no">${isolate(order.id)}</code></dd>
          </div>
          ${task
            ? html`<div>
                <dt>${this.t('provisioning.failed.supportTask')}</dt>
                <dd>${task.label} (<code translate="no">${isolate(task.id)}</code>)</dd>
              </div>`
            : nothing}
        </dl>
        ${this._renderCopyButton('support', 'provisioning.failed.copyDetails', details, 'provisioning.failed.detailsCopied', 'support-intro')}
      </div>
    `;
  }

  private _renderWaiting(order: Order): TemplateResult {
    // The links themselves are in their tasks' rows, beside what each is for: said once, there.
    const actions = order.tasks.some((task) => task.status === 'action-required' && webUrl(task.actionUrl));
    return html`
      <div class="outcome" part="outcome" data-outcome="waiting">
        <p><strong>${this.t('provisioning.waiting.safe')}</strong></p>
        ${order.purchaseOrder ? html`<dl class="pairs">${renderPurchaseOrderRow(this._termsView(), order)}</dl>` : nothing}
        ${renderOrderTerms(this._termsView(), order)}
        ${actions ? html`<p>${this.t('provisioning.waiting.actions')}</p>` : nothing}
      </div>
    `;
  }

  private _renderOutcome(order: Order): TemplateResult | typeof nothing {
    switch (order.status) {
      case 'completed':
        return this._renderCompleted(order);
      case 'failed':
        return this._renderFailed(order);
      case 'waiting':
        return this._renderWaiting(order);
      default:
        return html`<p class="hint">${this.t('provisioning.intro')}</p>`;
    }
  }

  private _renderActions(order: Order): TemplateResult | typeof nothing {
    if (order.status === 'provisioning') return nothing;
    const retry = order.status === 'failed' && order.retryable;
    return html`
      <div class="actions">
        ${retry
          ? html`<button type="button" class="primary" part="button retry-button" @click=${this._onRetry}>${this.t('provisioning.failed.retry')}</button>`
          : nothing}
        <button type="button" class=${order.status === 'completed' ? 'primary' : ''} part="button new-order-button" @click=${this._onNewOrder}>
          ${this.t('provisioning.newOrder')}
        </button>
      </div>
    `;
  }

  private _renderBody(order: Order): TemplateResult {
    return html`
      <p class="order-id">${this.t('provisioning.orderId')}: <code part="order-id" translate="no">${isolate(order.id)}</code></p>
      ${this._renderOutcome(order)} ${this._renderProgress(order)}
      <ol class="tasks" part="tasks" aria-label=${this.t('provisioning.tasksLabel')}>
        ${order.tasks.map((task, index) => this._renderTask(task, index))}
      </ol>
      ${this._renderActions(order)}
    `;
  }

  protected override render(): TemplateResult {
    const order = this.order;
    const heading = this.t(order ? `provisioning.heading.${order.status}` : 'provisioning.heading.loading');
    return html`
      <section aria-labelledby="heading" data-status=${order?.status ?? 'loading'}>
        <h2 id="heading" class="step-heading" part="step-heading" tabindex="-1">${heading}</h2>
        ${this._renderConnection()}
        ${this.notice ? html`<p class="notice" part="notice" role="alert">${this.notice}</p>` : nothing}
        ${order ? this._renderBody(order) : nothing}
        <div role="status" class="visually-hidden" part="status">${this._announcement}</div>
      </section>
    `;
  }
}

LcElement.define('lc-provisioning', LcProvisioning);

declare global {
  interface HTMLElementTagNameMap {
    'lc-provisioning': LcProvisioning;
  }
}
