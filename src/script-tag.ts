/**
 * The script-tag file, dist/license-checkout.js: `<script type="module" src=".../license-checkout.js">`
 * defines `<lc-checkout>` and its cart. The checkout's core (its rules and order) and the
 * steps after the cart are in one more file beside it (dist/license-checkout/steps-*.js),
 * loaded while the browser is idle once the cart is usable, or when a step needs it first.
 *
 * Its exports are what a page without a bundler may import from it: the elements' classes,
 * the HTTP client (to pass as `api`) and the errors `lc-error` carries. Anything exported here
 * is in this file, so nothing that only the later steps need is: the machine, the order's
 * storage and follower, the schemas and the event classes are in the ES modules (lazy.ts).
 */
export { LcElement, VERSION } from './base/lc-element.js';
export { LcCheckout, type CheckoutApiOptions } from './components/checkout/checkout.js';
export { LcCart } from './components/cart/cart.js';
export type { CheckoutApi } from './api/api.js';
export { HttpCheckoutApi, type HttpCheckoutApiOptions } from './api/client.js';
export {
  CheckoutError,
  ApiError,
  ContractError,
  NetworkError,
  isCheckoutError,
  isApiError,
  isContractError,
  isNetworkError,
} from './api/errors.js';
