/**
 * Prices order lines against the store's price list: the catalog the widget shows (the same
 * New Commerce list as the mock's), and the first invoice of each line prorated like the mock.
 */
import type { FieldError, OrderLineInput, Product, QuoteLine } from '../../../src/api/schemas.js';
import { catalog } from '../../../src/mock/data.js';
import { prorate } from '../../../src/mock/proration.js';

export { catalog };

export interface Priced {
  line: OrderLineInput;
  product: Product;
  unitPrice: number;
}

/** Each line priced, or the field errors of the lines that cannot be. */
export function price(lines: OrderLineInput[]): { priced: Priced[]; errors: FieldError[] } {
  const priced: Priced[] = [];
  const errors: FieldError[] = [];
  for (const [i, line] of lines.entries()) {
    const product = catalog.products.find((p) => p.id === line.productId);
    if (!product) {
      errors.push({ field: `lines.${i}.productId`, message: `The catalog has no product “${line.productId}”.` });
      continue;
    }
    const choices = product.offers.map((o) => `${o.term} ${o.billing}`).join(', ');
    const offer = product.offers.find((o) => o.term === line.term && o.billing === line.billing);
    if (!offer && product.offers.some((o) => o.term === line.term)) {
      errors.push({ field: `lines.${i}.billing`, message: `${product.name} on a ${line.term} term is not billed ${line.billing}; it is sold as ${choices}.` });
    } else if (!offer) {
      errors.push({ field: `lines.${i}.term`, message: `${product.name} has no ${line.term} term; it is sold as ${choices}.` });
    }
    if (line.quantity < product.minQuantity || line.quantity > product.maxQuantity) {
      errors.push({ field: `lines.${i}.quantity`, message: `Between ${product.minQuantity} and ${product.maxQuantity} licences of ${product.name}, not ${line.quantity}.` });
    }
    if (offer) priced.push({ line, product, unitPrice: offer.unitPrice });
  }
  return { priced, errors };
}

export function quoteLines(priced: Priced[], startDate: string): QuoteLine[] {
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
