/**
 * What `license-checkout/react` wraps: for each wrapper, its element and the `onLc…` callback
 * of each event the element fires (its `@fires`). Kept apart from React so that a test can
 * check it against the custom-elements manifest without loading React.
 */
import type { EventName } from '@lit/react';
import { LcAddToCart as LcAddToCartElement } from './components/add-to-cart/add-to-cart.js';
import { LcAgreement as LcAgreementElement } from './components/agreement/agreement.js';
import { LcCart as LcCartElement } from './components/cart/cart.js';
import { LcCartCount as LcCartCountElement } from './components/cart-count/cart-count.js';
import { LcCheckout as LcCheckoutElement } from './components/checkout/checkout.js';
import { LcAdminAccess as LcAdminAccessElement } from './components/tenant-domain/admin-access.js';
import { LcCustomerDetails as LcCustomerDetailsElement } from './components/customer-details/customer-details.js';
import { LcCustomerType as LcCustomerTypeElement } from './components/customer-type/customer-type.js';
import { LcOrderReview as LcOrderReviewElement } from './components/order-review/order-review.js';
import { LcOrderSummary as LcOrderSummaryElement } from './components/order-summary/order-summary.js';
import { LcPrice as LcPriceElement } from './components/price/price.js';
import { LcProvisioning as LcProvisioningElement } from './components/provisioning/provisioning.js';
import { LcTenantDomain as LcTenantDomainElement } from './components/tenant-domain/tenant-domain.js';
import type { LcCartChangeEvent } from './events/cart-change.js';
import type { LcCatalogRetryEvent } from './events/catalog-retry.js';
import type { LcCheckoutRequestEvent } from './events/cart-checkout-request.js';
import type { LcCompanyNameChangeEvent } from './events/company-name-change.js';
import type { LcErrorEvent } from './events/error.js';
import type { LcNavigationBlockedEvent } from './events/navigation-blocked.js';
import type { LcNewOrderEvent } from './events/new-order.js';
import type { LcOrderCompleteEvent } from './events/order-complete.js';
import type { LcOrderFailedEvent } from './events/order-failed.js';
import type { LcOrderPlacedEvent } from './events/order-placed.js';
import type { LcPlaceOrderEvent } from './events/place-order.js';
import type { LcProvisioningProgressEvent } from './events/provisioning-progress.js';
import type { LcQuoteRetryEvent } from './events/quote-retry.js';
import type { LcRetryOrderEvent } from './events/retry-order.js';
import type { LcStepBackEvent } from './events/step-back.js';
import type { LcStepChangeEvent } from './events/step-change.js';
import type { LcStepEditEvent } from './events/step-edit.js';
import type { LcStepInputEvent } from './events/step-input.js';
import type { LcStepNextEvent } from './events/step-next.js';


/** The three events every step of the flow fires. */
const stepEvents = {
  onLcStepInput: 'lc-step-input' as EventName<LcStepInputEvent>,
  onLcStepNext: 'lc-step-next' as EventName<LcStepNextEvent>,
  onLcStepBack: 'lc-step-back' as EventName<LcStepBackEvent>,
};

const cartChange = { onLcCartChange: 'lc-cart-change' as EventName<LcCartChangeEvent> };

/** Each wrapper's element, by the wrapper's name (`displayName`). */
export const wrappers = {
  /** `<lc-checkout>`: the whole flow. Its steps' events bubble out of it too. */
  LcCheckout: {
    tagName: 'lc-checkout',
    elementClass: LcCheckoutElement,
    events: {
      onLcStepChange: 'lc-step-change' as EventName<LcStepChangeEvent>,
      ...cartChange,
      onLcOrderPlaced: 'lc-order-placed' as EventName<LcOrderPlacedEvent>,
      onLcProvisioningProgress: 'lc-provisioning-progress' as EventName<LcProvisioningProgressEvent>,
      onLcOrderComplete: 'lc-order-complete' as EventName<LcOrderCompleteEvent>,
      onLcOrderFailed: 'lc-order-failed' as EventName<LcOrderFailedEvent>,
      onLcNavigationBlocked: 'lc-navigation-blocked' as EventName<LcNavigationBlockedEvent>,
      onLcError: 'lc-error' as EventName<LcErrorEvent>,
    },
  },
  LcCart: {
    tagName: 'lc-cart',
    elementClass: LcCartElement,
    events: {
      ...cartChange,
      onLcCheckoutRequest: 'lc-checkout-request' as EventName<LcCheckoutRequestEvent>,
      onLcCatalogRetry: 'lc-catalog-retry' as EventName<LcCatalogRetryEvent>,
    },
  },
  LcCustomerType: { tagName: 'lc-customer-type', elementClass: LcCustomerTypeElement, events: stepEvents },
  LcCustomerDetails: { tagName: 'lc-customer-details', elementClass: LcCustomerDetailsElement, events: stepEvents },
  LcTenantDomain: {
    tagName: 'lc-tenant-domain',
    elementClass: LcTenantDomainElement,
    events: { ...stepEvents, onLcCompanyNameChange: 'lc-company-name-change' as EventName<LcCompanyNameChangeEvent> },
  },
  /** `<lc-admin-access>`: admin access (GDAP), which `<lc-checkout>` slots into the tenant step. */
  LcAdminAccess: {
    tagName: 'lc-admin-access',
    elementClass: LcAdminAccessElement,
    events: { onLcStepInput: stepEvents.onLcStepInput },
  },
  LcAgreement: { tagName: 'lc-agreement', elementClass: LcAgreementElement, events: stepEvents },
  LcOrderReview: {
    tagName: 'lc-order-review',
    elementClass: LcOrderReviewElement,
    events: {
      onLcPlaceOrder: 'lc-place-order' as EventName<LcPlaceOrderEvent>,
      onLcQuoteRetry: 'lc-quote-retry' as EventName<LcQuoteRetryEvent>,
      onLcStepEdit: 'lc-step-edit' as EventName<LcStepEditEvent>,
      onLcStepBack: stepEvents.onLcStepBack,
      onLcStepInput: stepEvents.onLcStepInput,
    },
  },
  /** `<lc-order-summary>`: the lines and totals, for a page's own sidebar. It fires no event. */
  LcOrderSummary: { tagName: 'lc-order-summary', elementClass: LcOrderSummaryElement, events: {} },
  LcProvisioning: {
    tagName: 'lc-provisioning',
    elementClass: LcProvisioningElement,
    events: {
      onLcNewOrder: 'lc-new-order' as EventName<LcNewOrderEvent>,
      onLcRetryOrder: 'lc-retry-order' as EventName<LcRetryOrderEvent>,
    },
  },
  /** `<lc-add-to-cart>`: adds a product to the cart `<lc-checkout>` shows. */
  LcAddToCart: { tagName: 'lc-add-to-cart', elementClass: LcAddToCartElement, events: cartChange },
  /** `<lc-cart-count>`: the cart's size, linking to the checkout page. */
  LcCartCount: { tagName: 'lc-cart-count', elementClass: LcCartCountElement, events: {} },
  /** `<lc-price>`: a product's catalog price in the page's locale. */
  LcPrice: { tagName: 'lc-price', elementClass: LcPriceElement, events: {} },
};
