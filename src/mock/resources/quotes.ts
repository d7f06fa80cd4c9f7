/** `POST /quotes`, and the line quoting orders share with it (for the recipient's subscriptions and promotions). */
import { QuoteRequest, type FieldError, type OrderLineInput, type QuoteLine, type Recipient } from '../../api/schemas.js';
import { json, validBody, validationProblem } from '../http.js';
import { dayNumber, prorateTo } from '../proration.js';
import type { Route } from '../router.js';
import type { MockState } from '../state.js';
import { customerErrors } from './customers.js';
import { endDateErrors } from './end-dates.js';
import { promotionFor } from './promotions.js';
import { lineTerms, subscriptionErrors } from './subscriptions.js';
import { buildQuote, priceLines, purchaseTime, type PricedLine } from './build-quote.js';

// The order resource prices its lines the same way.
export { priceLines, purchaseTime, type PricedLine };

export function quoteRoutes(state: MockState): Route[] {
  return [{ path: '/quotes', methods: { POST: ({ body }) => createQuote(state, body) } }];
}

/**
 * Each line priced for `recipient` from `startDate`: prorated to its end date (the chosen
 * one, the calendar month end, or the subscription's for added seats), with its renewal,
 * its cancellation deadline counted from `purchasedAt` (ms), and any promotion.
 */
export function quoteLines(state: MockState, recipient: Recipient, priced: PricedLine[], startDate: string, purchasedAt: number): QuoteLine[] {
  return priced.map(({ line, product, unitPrice }): QuoteLine => {
    const terms = lineTerms(state, recipient, line, startDate, purchasedAt);
    const proration = prorateTo({ startDate, endDate: terms.endDate, billing: line.billing, unitPrice, quantity: line.quantity });
    const promotion = promotionFor(state, recipient, line, proration.proratedAmount);
    const kind = line.kind === 'add-seats' ? { kind: 'add-seats' as const, subscriptionId: line.subscriptionId } : { kind: 'new' as const };
    return {
      ...kind,
      productId: product.id,
      name: product.name,
      term: line.term,
      billing: line.billing,
      quantity: line.quantity,
      unitPrice,
      ...proration,
      proratedAmount: proration.proratedAmount - (promotion.promotion?.saving ?? 0),
      ...terms,
      ...promotion,
    };
  });
}

/** The rules every line meets against the recipient: its subscriptions, seat caps and allowed end dates. */
export function recipientLineErrors(state: MockState, recipient: Recipient, lines: OrderLineInput[], startDate: string, taken: FieldError[]): FieldError[] {
  return [...subscriptionErrors(state, recipient, lines, startDate, new Set(taken.map((e) => e.field))), ...endDateErrors(state, recipient, lines, startDate)];
}

function createQuote(state: MockState, body: unknown): Response {
  const request = validBody(QuoteRequest, body);
  if (request instanceof Response) return request;
  const today = state.today();
  const startDate = request.startDate ?? today;
  const { priced, errors } = priceLines(request.lines);
  errors.push(...customerErrors(state, request.recipient));
  if (dayNumber(startDate) < dayNumber(today)) {
    errors.push({ field: 'startDate', message: `The start date cannot be in the past (today is ${today}).` });
  } else if (!errors.some((e) => e.field === 'recipient.customerId')) {
    errors.push(...recipientLineErrors(state, request.recipient, request.lines, startDate, errors));
  }
  if (errors.length) return validationProblem(errors);
  return json(buildQuote(startDate, quoteLines(state, request.recipient, priced, startDate, purchaseTime(startDate))), 201);
}
