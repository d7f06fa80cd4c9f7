/**
 * license-checkout: importing this module defines every element, every step included, and
 * has the checkout's core (its rules and order: components/checkout/checkout-core.ts) at once.
 *
 * Bundler users: `import 'license-checkout'` (or import the classes and types below).
 * For steps loaded when first needed, import `license-checkout/lazy` instead (lazy.ts).
 * Plain pages: `<script type="module" src="license-checkout.js">` (dist/license-checkout.js,
 * built from script-tag.ts: the core's and the steps' file sits beside it).
 */
// The checkout's core first: a <lc-checkout> already in the page, upgraded when lazy.ts defines
// it, has it from its first update.
import './components/checkout/checkout-core.js';

export * from './lazy.js';

// Every step's element, defined now.
export { LcCustomerType } from './components/customer-type/customer-type.js';
export { LcCustomerDetails } from './components/customer-details/customer-details.js';
export { LcTenantDomain } from './components/tenant-domain/tenant-domain.js';
export { LcAdminAccess } from './components/tenant-domain/admin-access.js';
export { LcAgreement } from './components/agreement/agreement.js';
export { LcOrderReview } from './components/order-review/order-review.js';
export { LcProvisioning } from './components/provisioning/provisioning.js';
