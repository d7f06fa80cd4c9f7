/**
 * Every element's default (English) table, merged into one: the complete list of keys a
 * translation covers (`<lc-checkout>.strings` is one table for the whole checkout).
 *
 * Used by the tests and as the reference for a new language; the elements never import it,
 * so it stays out of the bundles unless something imports it. The vocabulary shared by the
 * cart and the order review (`term.*`, `billing.*`, `per.*`, the last also the order summary's
 * and `<lc-price>`'s) appears in each table with the same text and counts once here.
 */
import { addToCartStrings } from '../components/add-to-cart/add-to-cart.strings.js';
import { agreementStrings } from '../components/agreement/agreement.strings.js';
import { cartStrings } from '../components/cart/cart.strings.js';
import { cartCountStrings } from '../components/cart-count/cart-count.strings.js';
import { checkoutStrings } from '../components/checkout/checkout.strings.js';
import { customerDetailsStrings } from '../components/customer-details/customer-details.strings.js';
import { customerTypeStrings } from '../components/customer-type/customer-type.strings.js';
import { orderReviewStrings } from '../components/order-review/order-review.strings.js';
import { orderSummaryStrings } from '../components/order-summary/order-summary.strings.js';
import { priceStrings } from '../components/price/price.strings.js';
import { provisioningStrings } from '../components/provisioning/provisioning.strings.js';
import { adminAccessStrings } from '../components/tenant-domain/admin-access.strings.js';
import { tenantDomainStrings } from '../components/tenant-domain/tenant-domain.strings.js';
import type { Translation } from './strings.js';

/** Each element's defaults by tag name, for reports that say which element a key belongs to. */
export const defaultsByElement = {
  'lc-checkout': checkoutStrings,
  'lc-cart': cartStrings,
  'lc-customer-type': customerTypeStrings,
  'lc-customer-details': customerDetailsStrings,
  'lc-tenant-domain': tenantDomainStrings,
  'lc-admin-access': adminAccessStrings,
  'lc-agreement': agreementStrings,
  'lc-order-review': orderReviewStrings,
  'lc-order-summary': orderSummaryStrings,
  'lc-provisioning': provisioningStrings,
  'lc-add-to-cart': addToCartStrings,
  'lc-cart-count': cartCountStrings,
  'lc-price': priceStrings,
} as const;

export const allDefaults: Translation = {
  ...checkoutStrings,
  ...cartStrings,
  ...customerTypeStrings,
  ...customerDetailsStrings,
  ...tenantDomainStrings,
  ...adminAccessStrings,
  ...agreementStrings,
  ...orderReviewStrings,
  ...orderSummaryStrings,
  ...provisioningStrings,
  ...addToCartStrings,
  ...cartCountStrings,
  ...priceStrings,
};
