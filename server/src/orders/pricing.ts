/**
 * The store's price list: the same New Commerce list and line pricing as the mock's (its
 * `priceLines` is pure), so the two can never price apart. Terms, proration to end dates and
 * promotions depend on the recipient's subscriptions: see ../subscriptions.ts.
 */
export { catalog } from '../../../src/mock/data.js';
export { priceLines as price, purchaseTime, type PricedLine as Priced } from '../../../src/mock/resources/quotes.js';
