/**
 * Pricing with no state: each line's offer from the catalog, when a purchase happens, and the
 * quote around lines already priced for their recipient. The mock's `POST /quotes` and the
 * reference server's both call it, so the two build the same quote from the same lines. The
 * rules that need the recipient's subscriptions and promotions (`quoteLines`) stay in
 * quotes.ts, where they take a state. It is backend behaviour, not the contract's shape, so it
 * lives with the mock rather than in src/api (which the widget bundles).
 */
import type { FieldError, OrderLineInput, Product, Quote, QuoteLine } from '../../api/schemas.js';
import { catalog } from '../data.js';
import { randomHex } from '../http.js';
import { DAY_MS, dayNumber } from '../proration.js';

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
 * When a purchase starting on `startDate` happens, ms: the time of day now, on that day
 * (UTC). Now itself when it starts today and the instance runs on the real date; an
 * instance given a fixed `today` buys on that day.
 */
export function purchaseTime(startDate: string): number {
  return dayNumber(startDate) * DAY_MS + (Date.now() % DAY_MS);
}

/** How long a quote's prices hold. */
const QUOTE_TTL_MS = 24 * 3600_000;

/** The quote for lines priced from `startDate`: its totals, in the catalog's currency, valid for a day. */
export function buildQuote(startDate: string, lines: QuoteLine[]): Quote {
  return {
    id: `qt_${randomHex(8)}`,
    currency: catalog.currency,
    startDate,
    lines,
    recurringTotal: lines.reduce((sum, l) => sum + l.periodAmount, 0),
    firstInvoiceTotal: lines.reduce((sum, l) => sum + l.proratedAmount, 0),
    expiresAt: new Date(Date.now() + QUOTE_TTL_MS).toISOString(),
  };
}
