/**
 * The store's price list: the same New Commerce list, line pricing and quote as the mock's
 * (from its state-free build-quote module), so the two can never price apart. Terms, proration
 * to end dates and promotions depend on the recipient's subscriptions: see ../subscriptions.ts.
 */
export { catalog } from '../../../src/mock/data.js';
export { buildQuote, priceLines as price, purchaseTime, type PricedLine as Priced } from '../../../src/mock/resources/build-quote.js';
