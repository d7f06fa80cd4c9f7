/**
 * Text. Every visible string comes from a table of defaults (English) that the reseller
 * may override key by key through `<lc-checkout>.strings` or an element's own `strings`.
 * Each element keeps its defaults next to it (`<name>.strings.ts`); placeholders are
 * written `{name}` and filled by `format()`.
 */
import type { AddToCartStrings } from '../components/add-to-cart/add-to-cart.strings.js';
import type { AgreementStrings } from '../components/agreement/agreement.strings.js';
import type { CartStrings } from '../components/cart/cart.strings.js';
import type { CartCountPluralStrings, CartCountStrings } from '../components/cart-count/cart-count.strings.js';
import type { CheckoutStrings } from '../components/checkout/checkout.strings.js';
import type { CustomerDetailsStrings } from '../components/customer-details/customer-details.strings.js';
import type { CustomerTypeStrings } from '../components/customer-type/customer-type.strings.js';
import type { OrderReviewStrings } from '../components/order-review/order-review.strings.js';
import type { OrderSummaryStrings } from '../components/order-summary/order-summary.strings.js';
import type { PriceStrings } from '../components/price/price.strings.js';
import type { ProvisioningStrings } from '../components/provisioning/provisioning.strings.js';
import type { AdminAccessStrings } from '../components/tenant-domain/admin-access.strings.js';
import type { TenantDomainStrings } from '../components/tenant-domain/tenant-domain.strings.js';

export type StringTable = Record<string, string>;

/**
 * A key of any element's table: `<lc-checkout>.strings` is one table for the whole checkout,
 * and the same table serves the product-page tags (`configureTags({ strings })`).
 */
export type StringKey = keyof (CheckoutStrings &
  CartStrings &
  CustomerTypeStrings &
  CustomerDetailsStrings &
  TenantDomainStrings &
  AdminAccessStrings &
  AgreementStrings &
  OrderReviewStrings &
  OrderSummaryStrings &
  ProvisioningStrings &
  AddToCartStrings &
  CartCountStrings &
  PriceStrings);

/**
 * A complete translation: every key of every element, and no other (but the plural forms of
 * the cart count that the language has beside `one` and `other`). Typing a language's table
 * with it makes a missing or misspelt key a type error.
 */
export type Translation = { readonly [K in StringKey]: string } & Readonly<CartCountPluralStrings>;

/** Overrides of `<lc-checkout>.strings`: any of the known keys, each replacing its default. */
export type StringOverrides = Partial<Translation>;

/** Fills `{name}` placeholders; unknown names are left as they are. Values are text, never markup. */
export function format(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/**
 * Looks a key up: the override first, then the element's defaults.
 * `overrides` may come from context (`<lc-checkout>`) or from the element's own property.
 */
export function lookup<T extends StringTable>(
  defaults: T,
  overrides: StringTable | undefined,
  key: keyof T & string,
  values?: Record<string, string | number>,
): string {
  const template = overrides?.[key] ?? defaults[key] ?? key;
  return format(template, values);
}
