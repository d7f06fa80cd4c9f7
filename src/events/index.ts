/**
 * Every event the elements fire. The public ones (the README's event table) bubble and are
 * composed: a host page sees them from `<lc-checkout>`. The others are a step telling its
 * owner what happened: they bubble but are not composed, so inside `<lc-checkout>` they stop
 * at its shadow root (a customer's details never reach `document` listeners), and a step used
 * alone still reaches its owner in light DOM.
 */
export { LcCartChangeEvent, type CartChangeReason } from './cart-change.js';
export { LcCheckoutRequestEvent } from './cart-checkout-request.js';
export { LcCatalogRetryEvent } from './catalog-retry.js';
export { LcStepInputEvent } from './step-input.js';
export { LcStepNextEvent } from './step-next.js';
export { LcStepBackEvent } from './step-back.js';
export { LcStepChangeEvent } from './step-change.js';
export { LcStepEditEvent } from './step-edit.js';
export { LcCompanyNameChangeEvent } from './company-name-change.js';
export { LcPlaceOrderEvent } from './place-order.js';
export { LcQuoteRetryEvent } from './quote-retry.js';
export { LcOrderPlacedEvent, type PlacedOrder } from './order-placed.js';
export { LcProvisioningProgressEvent } from './provisioning-progress.js';
export { LcOrderCompleteEvent, type OrderWithoutCredentials } from './order-complete.js';
export { LcOrderFailedEvent } from './order-failed.js';
export { LcNavigationBlockedEvent, type NavigationKind } from './navigation-blocked.js';
export { LcErrorEvent, type ErrorContext } from './error.js';
export { LcNewOrderEvent } from './new-order.js';
export { LcRetryOrderEvent } from './retry-order.js';
