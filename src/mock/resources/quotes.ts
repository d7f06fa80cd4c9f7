/** `POST /quotes`, and the line pricing orders share with it. */
import * as z from 'zod/mini';
import { QuoteRequest, type FieldError, type OrderLineInput, type Product, type Quote, type QuoteLine } from '../../api/schemas.js';
import { catalog } from '../data.js';
import { INVALID_JSON, invalidJson, issuesToFieldErrors, json, randomHex, validationProblem } from '../http.js';
import { dayNumber, prorate } from '../proration.js';
import type { Route } from '../router.js';
import type { MockState } from '../state.js';
import { customerErrors } from './customers.js';

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

export function quoteLines(priced: PricedLine[], startDate: string): QuoteLine[] {
  return priced.map(({ line, product, unitPrice }) => ({
    productId: product.id,
    name: product.name,
    term: line.term,
    billing: line.billing,
    quantity: line.quantity,
    unitPrice,
    ...prorate({ startDate, billing: line.billing, unitPrice, quantity: line.quantity }),
  }));
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
  }
  if (errors.length) return validationProblem(errors);
  const lines = quoteLines(priced, startDate);
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
