/**
 * What a placed order commits to, shown on `<lc-provisioning>`'s outcome (completed, or
 * waiting on someone): its purchase order number, and per line the cancellation deadline
 * (168 hours after the order) and the renewal. Plain functions of a view the element gives.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { Order, ProvisioningTask } from '../../api/schemas.js';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format.js';
import { formatIsolated } from '../shared/form.js';
import type { ProvisioningStrings } from './provisioning.strings.js';

export interface OrderTermsView {
  t(key: keyof ProvisioningStrings & string, values?: Record<string, string | number>): string;
  locale: string | undefined;
  /** A product's name (from the catalog), so lines say what was bought rather than their task's label. */
  productName?(productId: string): string | undefined;
}

/** The tasks that buy licences: a new subscription, or seats added to one (one per line). */
export const isSubscriptionTask = (task: ProvisioningTask): boolean => task.kind === 'create-subscription' || task.kind === 'add-seats';

/** The purchase order number as a row of the outcome's pairs; any text, shown as text. */
export function renderPurchaseOrderRow(view: OrderTermsView, order: Order): TemplateResult | typeof nothing {
  if (!order.purchaseOrder) return nothing;
  return html`<div>
    <dt>${view.t('provisioning.terms.purchaseOrder')}</dt>
    <dd part="purchase-order"><bdi>${order.purchaseOrder}</bdi></dd>
  </div>`;
}

/** Per line: until when it can be cancelled or reduced, and when it renews or ends. */
export function renderOrderTerms(view: OrderTermsView, order: Order): TemplateResult | typeof nothing {
  const terms = order.lineTerms;
  if (!terms?.length) return nothing;
  // One subscription task per line, in the lines' order (their labels name the product).
  const tasks = order.tasks.filter(isSubscriptionTask);
  const label = (index: number) => {
    const line = order.lines[index];
    const name = line && view.productName?.(line.productId);
    if (line && name) return view.t('provisioning.terms.line', { product: name, quantity: formatNumber(line.quantity, view.locale) });
    if (tasks.length === order.lines.length) return tasks[index]!.label;
    return line ? view.t('provisioning.terms.line', { product: line.productId, quantity: formatNumber(line.quantity, view.locale) }) : '';
  };
  return html`
    <section class="order-terms" part="order-terms" aria-labelledby="order-terms-heading">
      <h3 id="order-terms-heading">${view.t('provisioning.terms.heading')}</h3>
      <ul class="plain" role="list">
        ${terms.map(
          (term, index) => html`<li part="line-terms">
            <span class="term-line">${label(index)}</span>
            <span part="cancellation"
              >${formatIsolated(view.t('provisioning.terms.cancellable'), { datetime: formatDateTime(term.cancellableUntil, view.locale) })}</span
            >
            <span class="hint"
              >${term.renewsOn
                ? view.t('provisioning.terms.renews', { date: formatDate(term.renewsOn, view.locale) })
                : view.t('provisioning.terms.ends', { date: formatDate(term.endDate, view.locale) })}</span
            >
          </li>`,
        )}
      </ul>
    </section>
  `;
}

export const orderTermsStyles = css`
  .order-terms h3 {
    font-size: 1em;
    margin: var(--_space) 0 calc(var(--_space) * 0.5);
  }
  .order-terms li {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.25);
    margin-block-end: var(--_space);
    overflow-wrap: anywhere;
  }
  .term-line {
    font-weight: 600;
  }
  [part~='purchase-order'] {
    overflow-wrap: anywhere;
  }
`;
