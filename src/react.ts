/**
 * React wrappers of every element, made with `@lit/react`: `import { LcCheckout } from
 * 'license-checkout/react'` (the wrappers carry the element classes' names; the classes
 * themselves stay in 'license-checkout'). Props are the element's properties (objects and functions are
 * set as properties, not stringified into attributes), and every public event has an
 * `onLc…` callback typed with its event class.
 *
 * Importing this module defines the elements. `react` is an optional peer dependency of the
 * package: only this entry needs it.
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { LcAddToCart as LcAddToCartElement } from './components/add-to-cart/add-to-cart.js';
import { LcAgreement as LcAgreementElement } from './components/agreement/agreement.js';
import { LcCart as LcCartElement } from './components/cart/cart.js';
import { LcCartCount as LcCartCountElement } from './components/cart-count/cart-count.js';
import { LcCheckout as LcCheckoutElement } from './components/checkout/checkout.js';
// The checkout's core at once, as with `import 'license-checkout'` (the steps are imported here too).
import './components/checkout/checkout-core.js';
import { LcCustomerDetails as LcCustomerDetailsElement } from './components/customer-details/customer-details.js';
import { LcCustomerType as LcCustomerTypeElement } from './components/customer-type/customer-type.js';
import { LcOrderReview as LcOrderReviewElement } from './components/order-review/order-review.js';
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

/** `<lc-checkout>`: the whole flow. Its steps' events bubble out of it too. */
export const LcCheckout = createComponent({
  react: React,
  tagName: 'lc-checkout',
  elementClass: LcCheckoutElement,
  displayName: 'LcCheckout',
  events: {
    onLcStepChange: 'lc-step-change' as EventName<LcStepChangeEvent>,
    onLcCartChange: 'lc-cart-change' as EventName<LcCartChangeEvent>,
    onLcOrderPlaced: 'lc-order-placed' as EventName<LcOrderPlacedEvent>,
    onLcProvisioningProgress: 'lc-provisioning-progress' as EventName<LcProvisioningProgressEvent>,
    onLcOrderComplete: 'lc-order-complete' as EventName<LcOrderCompleteEvent>,
    onLcOrderFailed: 'lc-order-failed' as EventName<LcOrderFailedEvent>,
    onLcNavigationBlocked: 'lc-navigation-blocked' as EventName<LcNavigationBlockedEvent>,
    onLcError: 'lc-error' as EventName<LcErrorEvent>,
  },
});

export const LcCart = createComponent({
  react: React,
  tagName: 'lc-cart',
  elementClass: LcCartElement,
  displayName: 'LcCart',
  events: {
    onLcCartChange: 'lc-cart-change' as EventName<LcCartChangeEvent>,
    onLcCheckoutRequest: 'lc-checkout-request' as EventName<LcCheckoutRequestEvent>,
    onLcCatalogRetry: 'lc-catalog-retry' as EventName<LcCatalogRetryEvent>,
  },
});

export const LcCustomerType = createComponent({
  react: React,
  tagName: 'lc-customer-type',
  elementClass: LcCustomerTypeElement,
  displayName: 'LcCustomerType',
  events: stepEvents,
});

export const LcCustomerDetails = createComponent({
  react: React,
  tagName: 'lc-customer-details',
  elementClass: LcCustomerDetailsElement,
  displayName: 'LcCustomerDetails',
  events: stepEvents,
});

export const LcTenantDomain = createComponent({
  react: React,
  tagName: 'lc-tenant-domain',
  elementClass: LcTenantDomainElement,
  displayName: 'LcTenantDomain',
  events: { ...stepEvents, onLcCompanyNameChange: 'lc-company-name-change' as EventName<LcCompanyNameChangeEvent> },
});

export const LcAgreement = createComponent({
  react: React,
  tagName: 'lc-agreement',
  elementClass: LcAgreementElement,
  displayName: 'LcAgreement',
  events: stepEvents,
});

export const LcOrderReview = createComponent({
  react: React,
  tagName: 'lc-order-review',
  elementClass: LcOrderReviewElement,
  displayName: 'LcOrderReview',
  events: {
    onLcPlaceOrder: 'lc-place-order' as EventName<LcPlaceOrderEvent>,
    onLcQuoteRetry: 'lc-quote-retry' as EventName<LcQuoteRetryEvent>,
    onLcStepEdit: 'lc-step-edit' as EventName<LcStepEditEvent>,
    onLcStepBack: 'lc-step-back' as EventName<LcStepBackEvent>,
    onLcStepInput: 'lc-step-input' as EventName<LcStepInputEvent>,
  },
});

export const LcProvisioning = createComponent({
  react: React,
  tagName: 'lc-provisioning',
  elementClass: LcProvisioningElement,
  displayName: 'LcProvisioning',
  events: {
    onLcNewOrder: 'lc-new-order' as EventName<LcNewOrderEvent>,
    onLcRetryOrder: 'lc-retry-order' as EventName<LcRetryOrderEvent>,
  },
});

// The product-page tags. They are in this module too, so a product page built with React and
// these wrappers also loads the checkout's code; a page that only needs the tags can use the
// elements from 'license-checkout/tags' directly (React 19 passes props to custom elements).

/** `<lc-add-to-cart>`: adds a product to the cart `<lc-checkout>` shows. */
export const LcAddToCart = createComponent({
  react: React,
  tagName: 'lc-add-to-cart',
  elementClass: LcAddToCartElement,
  displayName: 'LcAddToCart',
  events: { onLcCartChange: 'lc-cart-change' as EventName<LcCartChangeEvent> },
});

/** `<lc-cart-count>`: the cart's size, linking to the checkout page. */
export const LcCartCount = createComponent({
  react: React,
  tagName: 'lc-cart-count',
  elementClass: LcCartCountElement,
  displayName: 'LcCartCount',
});

/** `<lc-price>`: a product's catalog price in the page's locale. */
export const LcPrice = createComponent({
  react: React,
  tagName: 'lc-price',
  elementClass: LcPriceElement,
  displayName: 'LcPrice',
});
