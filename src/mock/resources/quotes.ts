/** `POST /quotes`, and the line pricing orders share with it. */
import * as z from 'zod/mini';
import { QuoteRequest, type FieldError, type OrderLineInput, type Product, type Quote, type QuoteLine, type Recipient } from '../../api/schemas.js';
import { catalog } from '../data.js';
import { INVALID_JSON, invalidJson, issuesToFieldErrors, json, randomHex, validationProblem } from '../http.js';
import { DAY_MS, dayNumber, prorateTo } from '../proration.js';
import type { Route } from '../router.js';
import type { MockState } from '../state.js';
import { customerErrors } from './customers.js';
import { endDateErrors } from './end-dates.js';
import { promotionFor } from './promotions.js';
import { lineTerms, subscriptionErrors } from './subscriptions.js';

export function quoteRoutes(state: MockState): Route[] {
  return [{ path: '/quotes', methods: { POST: ({ body }) => (body === INVALID_JSON ? invalidJson() : createQuote(state, body)) } }];
}

export interface PricedLine {
  line: OrderLineInput;
  product: Product;
  unitPrice: number;
}

/** Each line's product and offer from the catalog, or the field errors of the lines that have none. */
export function priceLines(lines: OrderLineInput[]): { priced: PricedLine[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const priced: PricedLine[] = [];
  lines.forEach((line, i) => {
    const product = catalog.products.find((p) => p.id === line.productId);
    if (!product) {
      errors.push({ field: `lines.${i}.productId`, message: `No product with id “${line.productId}” in the catalog.` });
      return;
    }
    const offer = product.offers.find((o) => o.term === line.term && o.billing === line.billing);
    if (!offer) {
      const hasTerm = product.offers.some((o) => o.term === line.term);
      const offered = product.offers.map((o) => `${o.term} ${o.billing}`).join(', ');
      errors.push(
        hasTerm
          ? { field: `lines.${i}.billing`, message: `${product.name} on ${line.term} is not billed ${line.billing}. Offered: ${offered}.` }
          : { field: `lines.${i}.term`, message: `${product.name} is not offered on a ${line.term} term. Offered: ${offered}.` },
      );
    }
    if (line.quantity < product.minQuantity || line.quantity > product.maxQuantity) {
      errors.push({
        field: `lines.${i}.quantity`,
        message: `${product.name} takes ${product.minQuantity} to ${product.maxQuantity} licences; ${line.quantity} is out of range.`,
      });
    }
    if (offer) priced.push({ line, product, unitPrice: offer.unitPrice });
  });
  return { priced, errors };
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

/**
 * When a purchase starting on `startDate` happens, ms: the time of day now, on that day
 * (UTC). Now itself when it starts today and the instance runs on the real date; an
 * instance given a fixed `today` buys on that day.
 */
export function purchaseTime(startDate: string): number {
  return dayNumber(startDate) * DAY_MS + (Date.now() % DAY_MS);
}

function createQuote(state: MockState, body: unknown): Response {
  const parsed = z.safeParse(QuoteRequest, body);
  if (!parsed.success) return validationProblem(issuesToFieldErrors(parsed.error.issues, body));
  const request = parsed.data;
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
  const lines = quoteLines(state, request.recipient, priced, startDate, purchaseTime(startDate));
  const quote: Quote = {
    id: `qt_${randomHex(8)}`,
    currency: catalog.currency,
    startDate,
    lines,
    recurringTotal: lines.reduce((sum, l) => sum + l.periodAmount, 0),
    firstInvoiceTotal: lines.reduce((sum, l) => sum + l.proratedAmount, 0),
    expiresAt: new Date(Date.now() + 24 * 3600_000).toISOString(),
  };
  return json(quote, 201);
}
