import { cartPerYearStrings } from './cart.per-year.strings.js';

/**
 * Default (English) text of `<lc-cart>`. Override any key through the element's `strings`
 * property or `<lc-checkout>.strings`. `{name}` placeholders are filled with plain text.
 *
 * Keys start with `cart.`: `<lc-checkout>.strings` is one table shared by every step, so
 * an override meant for this step cannot change another step's text. The exception is the
 * vocabulary shared with `<lc-order-review>` (`term.*`, `billing.*`, `per.*`): one override
 * renames a term in the cart and in the review alike.
 */
export const cartStrings = {
  'cart.heading': 'Your cart',
  'cart.linesLabel': 'Licences in the cart',
  'cart.loading': 'Loading products…',
  'cart.loadFailed': 'The products could not be loaded.',
  'cart.loadFailedDetail': 'Check your connection, then try again.',
  'cart.retry': 'Retry',
  'cart.empty': 'Your cart is empty. Add a product to start an order.',
  'cart.term': 'Term',
  'cart.billing': 'Billing',
  'cart.quantity': 'Quantity',
  'cart.quantityHint': 'From {min} to {max} licences',
  'cart.quantityError': 'Enter a whole number from {min} to {max}.',
  'cart.quantityEmpty': 'Enter a quantity from {min} to {max}.',
  'term.P1M': '1 month',
  'term.P1Y': '1 year',
  'term.P3Y': '3 years',
  'billing.monthly': 'Billed monthly',
  'billing.annual': 'Billed annually',
  'cart.unitPrice': 'Unit price',
  'cart.lineTotal': 'Line total',
  'per.monthly': '{amount} per month',
  'per.annual': '{amount} per year',
  'cart.remove': 'Remove',
  'cart.unavailable': 'This product is no longer available. Remove it to check out.',
  'cart.offerUnavailable': 'This term and billing are no longer offered. Choose another or remove the line.',
  'cart.unknownProduct': 'Unknown product ({id})',
  'cart.total': 'Total',
  'cart.notesLabel': 'Good to know',
  'cart.noteProrated': 'Invoices are prorated: the first invoice covers from today to the end of the billing period.',
  'cart.noteOneCustomer': 'An order is for one customer. To order for several customers, check out once for each.',
  'cart.checkout': 'Checkout',
  'cart.checkoutEmpty': 'Add a product to check out.',
  'cart.checkoutInvalid': 'Fix the lines marked above to check out.',
  'cart.checkoutLoading': 'Checkout is available once the products are loaded.',
  'cart.announceAdded': '{name} added.',
  'cart.announceRemoved': '{name} removed.',
  'cart.announceCleared': 'Cart emptied.',
  'cart.announceTotal': 'Cart total {total}.',
  'cart.announceEmpty': 'The cart is empty.',
  'cart.totalAnd': '{first} and {second}',
  ...cartPerYearStrings,
};

export type CartStrings = typeof cartStrings;
