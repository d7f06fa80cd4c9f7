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
import { createComponent } from '@lit/react';
// The checkout's core at once, as with `import 'license-checkout'` (the steps are imported here too).
import './components/checkout/checkout-core.js';
import { wrappers } from './react-wrappers.js';

/** `<lc-checkout>`: the whole flow. Its steps' events bubble out of it too. */
export const LcCheckout = createComponent({ react: React, displayName: 'LcCheckout', ...wrappers.LcCheckout });

export const LcCart = createComponent({ react: React, displayName: 'LcCart', ...wrappers.LcCart });

export const LcCustomerType = createComponent({ react: React, displayName: 'LcCustomerType', ...wrappers.LcCustomerType });

export const LcCustomerDetails = createComponent({ react: React, displayName: 'LcCustomerDetails', ...wrappers.LcCustomerDetails });

export const LcTenantDomain = createComponent({ react: React, displayName: 'LcTenantDomain', ...wrappers.LcTenantDomain });

/** `<lc-admin-access>`: admin access (GDAP), for a page that composes the tenant step itself. */
export const LcAdminAccess = createComponent({ react: React, displayName: 'LcAdminAccess', ...wrappers.LcAdminAccess });

export const LcAgreement = createComponent({ react: React, displayName: 'LcAgreement', ...wrappers.LcAgreement });

export const LcOrderReview = createComponent({ react: React, displayName: 'LcOrderReview', ...wrappers.LcOrderReview });

/** `<lc-order-summary>`: the order's lines and totals. */
export const LcOrderSummary = createComponent({ react: React, displayName: 'LcOrderSummary', ...wrappers.LcOrderSummary });

export const LcProvisioning = createComponent({ react: React, displayName: 'LcProvisioning', ...wrappers.LcProvisioning });

// The product-page tags. They are in this module too, so a product page built with React and
// these wrappers also loads the checkout's code; a page that only needs the tags can use the
// elements from 'license-checkout/tags' directly (React 19 passes props to custom elements).

/** `<lc-add-to-cart>`: adds a product to the cart `<lc-checkout>` shows. */
export const LcAddToCart = createComponent({ react: React, displayName: 'LcAddToCart', ...wrappers.LcAddToCart });

/** `<lc-cart-count>`: the cart's size, linking to the checkout page. */
export const LcCartCount = createComponent({ react: React, displayName: 'LcCartCount', ...wrappers.LcCartCount });

/** `<lc-price>`: a product's catalog price in the page's locale. */
export const LcPrice = createComponent({ react: React, displayName: 'LcPrice', ...wrappers.LcPrice });
