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
export { LcCheckout, type CheckoutApiOptions } from './components/checkout/checkout.js';
export { LcCart } from './components/cart/cart.js';
export { LcCustomerType, type CustomerTypeValue } from './components/customer-type/customer-type.js';
export { LcCustomerDetails } from './components/customer-details/customer-details.js';
export { LcTenantDomain } from './components/tenant-domain/tenant-domain.js';
export { LcAgreement } from './components/agreement/agreement.js';
export {
  LcOrderReview,
  type RecipientSummary,
  type AgreementSummary,
  type QuoteState,
} from './components/order-review/order-review.js';
export { LcProvisioning, type ConnectionState } from './components/provisioning/provisioning.js';
export { LcOrderSummary, type OrderSummaryOrder } from './components/order-summary/order-summary.js';

// Events (see events/index.ts for which ones a host page sees).
export * from './events/index.js';

// The pure checkout logic, for resellers composing their own page from the steps.
export * as checkout from './checkout/machine.js';
export type { Cart, CartLine, CartTotals } from './checkout/cart-store.js';
export type { CompanyDraft, TenantDraft, AgreementDraft } from './checkout/validate.js';
export { OrderFollower, snapshotEvents } from './checkout/order-follower.js';
export { NavigationGuard } from './checkout/navigation-guard.js';
export { saveOrderRef, loadOrderRef, clearOrderRef, orderStorageKey, type OrderRef } from './checkout/order-storage.js';
