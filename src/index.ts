/**
 * license-checkout: importing this module defines every element.
 *
 * Bundler users: `import 'license-checkout'` (or import the classes and types below).
 * Plain pages: `<script type="module" src="license-checkout.js">` (dist/license-checkout.js).
 */

// The backend contract and the client.
export * from './api/schemas.js';
export type { CheckoutApi, CallOptions, PlaceOrderOptions } from './api/api.js';
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

// Base class and elements.
export { LcElement, VERSION } from './base/lc-element.js';
export { LcCart } from './components/cart/cart.js';

// Events.
export { LcCartChangeEvent, type CartChangeReason } from './events/cart-change.js';
export { LcCheckoutRequestEvent } from './events/cart-checkout-request.js';
export { LcStepInputEvent } from './events/step-input.js';
export { LcStepNextEvent } from './events/step-next.js';
export { LcStepBackEvent } from './events/step-back.js';

// The pure checkout logic, for resellers composing their own page from the steps.
export * as checkout from './checkout/machine.js';
export type { Cart, CartLine, CartTotals } from './checkout/cart-store.js';
