import { html, type TemplateResult } from 'lit';
import type { Catalog, OrderLineInput, Quote } from '../../api/schemas.js';
import '../order-summary/order-summary.js';
import type { OrderSummaryOrder } from '../order-summary/order-summary.js';
import { stepPlaceholderTemplate } from './checkout.templates.js';
import type { CheckoutText as Text } from './core-registry.js';

/**
 * The agreement step before `GET /agreement` answered: the checkout loads it (the machine
 * needs it to validate and to build the order), so the step shows here until it is there.
 */
export function agreementLoadingTemplate(failed: boolean, t: Text, retry: () => void): TemplateResult {
  return stepPlaceholderTemplate({
    step: 'agreement',
    className: 'agreement-loading',
    heading: t('checkout.agreementHeading'),
    loading: t('checkout.agreementLoading'),
    failed: failed ? t('checkout.agreementFailed') : undefined,
    t,
    retry,
  });
}

const SUMMARY_PARTS = 'order-summary, order-summary-toggle, summary-lines, summary-line, summary-total, summary-first-invoice';

export interface SummaryData {
  lines: readonly OrderLineInput[];
  catalog?: Catalog;
  quote?: Quote;
  order?: OrderSummaryOrder;
}

/** The order summary beside (wide) or above (narrow, collapsible) the step. */
export function summaryTemplate(data: SummaryData, wide: boolean): TemplateResult {
  return html`<lc-order-summary
    class="side"
    exportparts=${SUMMARY_PARTS}
    .lines=${data.lines}
    .catalog=${data.catalog}
    .quote=${data.quote}
    .order=${data.order}
    ?collapsible=${!wide}
  ></lc-order-summary>`;
}
