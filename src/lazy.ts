/**
 * license-checkout/lazy: the checkout whose steps load when first needed. Importing this
 * module defines `<lc-checkout>`, `<lc-cart>` and `<lc-order-summary>`; the checkout's core
 * (its rules and order) and each later step's element are loaded when a step after the cart is
 * first shown (dynamic imports), and all of them while the browser is idle once the cart is
 * usable. It exports the whole API, the machine included (a bundler keeps what is imported).
 * The script-tag file `license-checkout.js` loads the same way, from script-tag.ts.
 *
 * `license-checkout` (index.ts) is this with the core and every step's element class, at once.
 */

// What the script-tag file exports: the base class, <lc-checkout> and <lc-cart>, the HTTP
// client and its errors.
export * from './script-tag.js';

// The backend contract.
export * from './api/schemas.js';
export type { CallOptions, PlaceOrderOptions } from './api/api.js';

// The other elements (the steps' classes are exported by index.ts; here their types only).
export { LcOrderSummary, type OrderSummaryOrder } from './components/order-summary/order-summary.js';
export type { LcCustomerType, CustomerTypeValue } from './components/customer-type/customer-type.js';
export type { LcCustomerDetails } from './components/customer-details/customer-details.js';
export type { LcTenantDomain } from './components/tenant-domain/tenant-domain.js';
export type { LcAgreement } from './components/agreement/agreement.js';
export type { LcOrderReview, RecipientSummary, AgreementSummary, QuoteState } from './components/order-review/order-review.js';
export type { LcProvisioning, ConnectionState } from './components/provisioning/provisioning.js';

// Events (see events/index.ts for which ones a host page sees).
export * from './events/index.js';

// The pure checkout logic, for resellers composing their own page from the steps.
export * as checkout from './checkout/machine.js';
export type { Cart, CartLine, CartTotals } from './checkout/cart-store.js';
export type { CompanyDraft, TenantDraft, AgreementDraft } from './checkout/validate.js';
export { OrderFollower, snapshotEvents } from './checkout/order-follower.js';
export { NavigationGuard } from './checkout/navigation-guard.js';
export { saveOrderRef, loadOrderRef, clearOrderRef, orderStorageKey, type OrderRef } from './checkout/order-storage.js';
