/**
 * The review's new-commerce parts, rendered for `<lc-order-review>`: per line, seats on an
 * existing subscription or a new one (with the difference in a sentence), the end date and
 * auto-renew of a new one, when it renews, until when it can be cancelled, the promotion; and
 * the purchase order number. Plain functions of a view the element gives; the element keeps
 * the state and fires the events.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { OrderLineInput, QuoteLine, Subscription } from '../../api/schemas.js';
import { lineKey } from '../../checkout/cart-store.js';
import { effectiveChoice, subscriptionsFor, type LineChoice, type RecipientSubscriptions } from '../../checkout/machine-lines.js';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format.js';
import { formatIsolated } from '../shared/form.js';
import type { OrderReviewStrings } from './order-review.strings.js';

/** What the renderers need from the element. */
export interface ReviewLinesView {
  t(key: keyof OrderReviewStrings & string, values?: Record<string, string | number>): string;
  locale: string | undefined;
  money(minor: number): string;
  /** Placing the order: nothing can be changed. */
  busy: boolean;
  subscriptions?: RecipientSubscriptions;
  choices?: Readonly<Record<string, LineChoice>>;
  choose(key: string, choice: LineChoice): void;
}

/** The day after a `YYYY-MM-DD` date (a subscription renews then). */
function dayAfter(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + 1)).toISOString().slice(0, 10);
}

function renderChoice(view: ReviewLinesView, line: OrderLineInput, index: number, matching: Subscription[], choice: LineChoice): TemplateResult {
  const key = lineKey(line);
  const name = `how-${index}`;
  const date = (iso: string) => formatDate(iso, view.locale);
  const radio = (id: string, checked: boolean, next: LineChoice, label: Array<string | TemplateResult>, hint?: string) => html`
    <div class="checkbox-field">
      <input
        type="radio"
        id=${id}
        name=${name}
        part="radio line-choice-radio"
        .checked=${live(checked)}
        ?disabled=${view.busy}
        aria-describedby=${hint ? `${id}-hint` : nothing}
        @change=${() => view.choose(key, next)}
      />
      <span class="checkbox-text">
        <label for=${id}>${label}</label>
        ${hint ? html`<span id=${`${id}-hint`} class="hint">${hint}</span>` : nothing}
      </span>
    </div>
  `;
  return html`
    <fieldset class="line-choice" part="line-choice">
      <legend>${view.t('review.line.howLabel')}</legend>
      ${matching.map((sub) =>
        radio(
          `${name}-${sub.id}`,
          choice.kind === 'add-seats' && choice.subscriptionId === sub.id,
          { kind: 'add-seats', subscriptionId: sub.id },
          formatIsolated(view.t('review.line.addSeats'), { quantity: formatNumber(line.quantity, view.locale), date: date(sub.endDate) }),
          view.t('review.line.addSeatsHas', { count: formatNumber(sub.quantity, view.locale) }),
        ),
      )}
      ${radio(`${name}-new`, choice.kind === 'new', { kind: 'new' }, [view.t('review.line.new')])}
      <p class="hint explained">${view.t(choice.kind === 'add-seats' ? 'review.line.addSeatsExplained' : 'review.line.newExplained')}</p>
    </fieldset>
  `;
}

/** A new subscription's end date (when there is a choice) and auto-renew, with what they mean. */
function renderNewTerms(view: ReviewLinesView, line: OrderLineInput, index: number, choice: Extract<LineChoice, { kind: 'new' }>, quoted: QuoteLine | undefined): TemplateResult {
  const key = lineKey(line);
  const options = view.subscriptions?.endDates[line.term] ?? [];
  const date = (iso: string) => formatDate(iso, view.locale);
  // Nothing chosen: the backend's default, the calendar month end.
  const endDate = choice.endDate ?? (options.find((option) => option.reason === 'calendar-month-end') ?? options[0])?.date;
  const renew = choice.autoRenew !== false;
  const endId = `end-${index}`;
  const renewId = `renew-${index}`;
  const end = quoted?.endDate ?? endDate;
  const renewal = renew
    ? quoted?.renewsOn
      ? view.t('review.line.renewsOn', { date: date(quoted.renewsOn) })
      : ''
    : end
      ? view.t('review.line.noRenewal', { date: date(end) })
      : '';
  return html`
    ${options.length > 1
      ? html`<div class="field" part="field">
          <label for=${endId}>${view.t('review.line.endDate')}</label>
          <select
            id=${endId}
            part="select end-date-select"
            autocomplete="off"
            aria-describedby=${`${endId}-hint`}
            ?disabled=${view.busy}
            @change=${(event: Event) => view.choose(key, { ...choice, endDate: (event.target as HTMLSelectElement).value })}
          >
            ${options.map(
              (option) => html`<option value=${option.date} .selected=${live(option.date === endDate)}>
                ${view.t(`review.line.endDate.${option.reason}`, { date: date(option.date), product: option.productName ?? '' })}
              </option>`,
            )}
          </select>
          <span id=${`${endId}-hint`} class="hint">${view.t('review.line.endDateHint')}</span>
        </div>`
      : end
        ? html`<p class="term-fact">${view.t('review.line.endsOn', { date: date(end) })}</p>`
        : nothing}
    <div class="checkbox-field" part="field">
      <input
        id=${renewId}
        type="checkbox"
        part="checkbox auto-renew-checkbox"
        .checked=${live(renew)}
        ?disabled=${view.busy}
        aria-describedby=${`${renewId}-hint`}
        @change=${(event: Event) => view.choose(key, { ...choice, autoRenew: (event.target as HTMLInputElement).checked })}
      />
      <span class="checkbox-text">
        <label for=${renewId}>${view.t('review.line.autoRenew')}</label>
        <span id=${`${renewId}-hint`} class="hint" part="renewal">${renewal}</span>
      </span>
    </div>
  `;
}

/** Added seats end and renew with their subscription: said from the quote, or from the subscription meanwhile. */
function renderSeatTerms(view: ReviewLinesView, subscription: Subscription | undefined, quoted: QuoteLine | undefined): TemplateResult | typeof nothing {
  const end = quoted?.endDate ?? subscription?.endDate;
  if (!end) return nothing;
  const renews = quoted ? quoted.renewsOn : subscription?.autoRenew ? dayAfter(subscription.endDate) : undefined;
  const date = (iso: string) => formatDate(iso, view.locale);
  const text = renews ? view.t('review.line.seatsRenew', { end: date(end), date: date(renews) }) : view.t('review.line.seatsEnd', { date: date(end) });
  return html`<p class="term-fact" part="renewal">${text}</p>`;
}

/**
 * Under a line's facts: how it is bought, its end date and renewal, the cancellation
 * deadline, the promotion, and the store's message about the line (a seat cap).
 */
export function renderLineTerms(view: ReviewLinesView, line: OrderLineInput, index: number, quoted: QuoteLine | undefined, message?: string): TemplateResult {
  const matching = subscriptionsFor(line, view.subscriptions?.subscriptions);
  const choice = effectiveChoice(line, view.subscriptions, view.choices?.[lineKey(line)]);
  const subscription = choice.kind === 'add-seats' ? matching.find((s) => s.id === choice.subscriptionId) : undefined;
  const promotion = quoted?.promotion;
  const refused = quoted?.promotionNotApplied;
  return html`
    <div class="line-terms">
      ${matching.length > 0 ? renderChoice(view, line, index, matching, choice) : nothing}
      ${choice.kind === 'new' ? renderNewTerms(view, line, index, choice, quoted) : renderSeatTerms(view, subscription, quoted)}
      ${quoted?.cancellableUntil
        ? html`<p class="term-fact deadline" part="cancellation">
            <strong>${formatIsolated(view.t('review.line.cancellable'), { datetime: formatDateTime(quoted.cancellableUntil, view.locale) })}</strong>
            <span class="hint">${view.t('review.line.cancellableHint')}</span>
          </p>`
        : nothing}
      ${promotion
        ? html`<p class="term-fact promotion" part="promotion">
            ${formatIsolated(view.t('review.line.promotion'), {
              name: promotion.name,
              percent: formatNumber(promotion.percentOff, view.locale),
              saving: view.money(promotion.saving),
            })}
          </p>`
        : refused
          ? html`<p class="term-fact hint" part="promotion-not-applied">
              ${formatIsolated(view.t('review.line.promotionNotApplied'), { name: refused.name, reason: refused.reason })}
            </p>`
          : nothing}
      ${message ? html`<p class="error" part="error line-error" id=${`line-${index}-error`}>${message}</p>` : nothing}
    </div>
  `;
}

/** The optional purchase order number: up to 40 characters, any text (shown as text, never markup). */
export function renderPurchaseOrder(view: ReviewLinesView, value: string, error: string | undefined, onInput: (value: string) => void): TemplateResult {
  const message = error ?? (value.trim().length > 40 ? view.t('review.purchaseOrderTooLong') : undefined);
  return html`
    <div class="field purchase-order" part="field">
      <label for="purchase-order">${view.t('review.purchaseOrder')}</label>
      <input
        id="purchase-order"
        type="text"
        part="input purchase-order-input"
        autocomplete="off"
        maxlength="40"
        .value=${live(value)}
        ?disabled=${view.busy}
        aria-invalid=${message ? 'true' : 'false'}
        aria-describedby=${message ? 'purchase-order-hint purchase-order-error' : 'purchase-order-hint'}
        @input=${(event: Event) => onInput((event.target as HTMLInputElement).value)}
      />
      <span id="purchase-order-hint" class="hint" part="hint">${view.t('review.purchaseOrderHint')}</span>
      ${message ? html`<p id="purchase-order-error" class="error" part="error">${message}</p>` : nothing}
    </div>
  `;
}

export const reviewLinesStyles = css`
  .line-terms {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    margin-block-start: var(--_space);
  }
  .line-terms > * {
    margin: 0;
  }
  .line-choice {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  .line-choice .explained {
    margin: 0;
  }
  .term-fact {
    overflow-wrap: anywhere;
  }
  .deadline {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.25);
  }
  .deadline strong {
    font-weight: 600;
  }
  .purchase-order {
    margin-block-start: calc(var(--_space) * 2);
    max-inline-size: 24rem;
  }
`;
