/**
 * license-checkout/tags: the small tags for a reseller's product pages, on their own so a
 * product page loads neither the checkout nor its HTTP client and schemas. Importing this
 * module defines `<lc-add-to-cart>`, `<lc-cart-count>` and `<lc-price>`.
 *
 * Bundler users: `import 'license-checkout/tags'`.
 * Plain pages: `<script type="module" src="license-checkout-tags.js">` (dist/license-checkout-tags.js).
 *
 * They share the cart `<lc-checkout>` keeps in `localStorage` for the same backend, so the
 * checkout page shows what was added on the product pages.
 */
export { LcAddToCart } from './components/add-to-cart/add-to-cart.js';
export { LcCartCount } from './components/cart-count/cart-count.js';
export { LcPrice } from './components/price/price.js';
export { configureTags, LcTagElement, type TagDefaults } from './tags/tag-element.js';
export type { TagApiOptions } from './tags/catalog.js';
export { LcCartChangeEvent, type CartChangeReason } from './events/cart-change.js';
export type { Cart, CartLine, CartTotals } from './checkout/cart-store.js';
