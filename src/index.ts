/**
 * license-checkout: importing this module defines every element, every step included.
 *
 * Bundler users: `import 'license-checkout'` (or import the classes and types below).
 * For steps loaded when first needed, import `license-checkout/lazy` instead (lazy.ts).
 * Plain pages: `<script type="module" src="license-checkout.js">` (dist/license-checkout.js,
 * built from lazy.ts: the steps' files sit beside it).
 */
export * from './lazy.js';

// Every step's element, defined now.
export { LcCustomerType } from './components/customer-type/customer-type.js';
export { LcCustomerDetails } from './components/customer-details/customer-details.js';
export { LcTenantDomain } from './components/tenant-domain/tenant-domain.js';
export { LcAdminAccess } from './components/tenant-domain/admin-access.js';
export { LcAgreement } from './components/agreement/agreement.js';
export { LcOrderReview } from './components/order-review/order-review.js';
export { LcProvisioning } from './components/provisioning/provisioning.js';
