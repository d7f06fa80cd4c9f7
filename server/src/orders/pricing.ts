/**
 * The store's price list and proration: the same New Commerce list and the same line pricing
 * as the mock's (its `priceLines`/`quoteLines` are pure), so the two can never quote apart.
 */
export { catalog } from '../../../src/mock/data.js';
export { priceLines as price, quoteLines, type PricedLine as Priced } from '../../../src/mock/resources/quotes.js';
