/**
 * The cart as pure data: lines, the rules that keep them valid against the catalog, prices
 * and persistence. No DOM beyond `Storage`, no Lit: `<lc-cart>` renders what this decides.
 *
 * A cart is immutable. Every function returns a new, frozen cart (or the same one when
 * nothing changed), so an element or a context consumer can compare by identity.
 */
import { check } from '../api/check.js';
import * as checks from '../api/checks-cart.gen.js';
import type { Billing, Catalog, Offer, OrderLineInput, Product, Term } from '../api/schemas-cart.js';
import { lineKey, parseStoredCart, serializeCart, storageKey } from './cart-format.js';

export { lineKey, storageKey, STORAGE_VERSION } from './cart-format.js';

/** One line of the cart: exactly the contract's order line. */
export type CartLine = Readonly<OrderLineInput>;

/** The cart's lines, in the order they were added. At most one line per product, term and billing. */
export type Cart = readonly CartLine[];

export const EMPTY_CART: Cart = Object.freeze([]);

/** What to buy when adding a product; anything left out takes the product's defaults. */
export interface AddOptions {
  quantity?: number;
  term?: Term;
  billing?: Billing;
}

// ---------------------------------------------------------------------------------------
// Lines

/**
 * Per catalog (per `products` array; rebuilt if its length changes): its products by id, and
 * the priced lines by line (see `priceCart`).
 */
const catalogCaches = new WeakMap<readonly Product[], { size: number; byId: Map<string, Product>; byLine?: WeakMap<CartLine, PricedLine> }>();

function catalogCache(products: readonly Product[]) {
  let cache = catalogCaches.get(products);
  if (!cache || cache.size !== products.length) {
    const byId = new Map<string, Product>();
    // The first product with an id wins, as with a linear search.
    for (const product of products) if (!byId.has(product.id)) byId.set(product.id, product);
    cache = { size: products.length, byId };
    catalogCaches.set(products, cache);
  }
  return cache;
}

export function findProduct(catalog: Catalog | undefined, productId: string): Product | undefined {
  return catalog ? catalogCache(catalog.products).byId.get(productId) : undefined;
}

export function findOffer(product: Product | undefined, term: Term, billing: Billing): Offer | undefined {
  return product?.offers.find((offer) => offer.term === term && offer.billing === billing);
}

/** The terms a product is sold on, in the catalog's order, without repeats. */
export function termsOf(product: Product): Term[] {
  return [...new Set(product.offers.map((offer) => offer.term))];
}

/** The billing frequencies a product offers for `term`, in the catalog's order. */
export function billingsOf(product: Product, term: Term): Billing[] {
  return [...new Set(product.offers.filter((offer) => offer.term === term).map((offer) => offer.billing))];
}

/**
 * What an added product gets when the host page does not say: a one-year commitment billed
 * monthly, the usual New Commerce choice (cheaper than a monthly term, no upfront year).
 */
export const DEFAULT_TERM: Term = 'P1Y';
export const DEFAULT_BILLING: Billing = 'monthly';

/**
 * The offer closest to what was asked (defaults filled in): the exact term and billing;
 * else the term with its first billing; else the billing on its first term; else the
 * catalog's first offer.
 */
export function closestOffer(product: Product, term: Term = DEFAULT_TERM, billing: Billing = DEFAULT_BILLING): Offer {
  return (
    product.offers.find((o) => o.term === term && o.billing === billing) ??
    product.offers.find((o) => o.term === term) ??
    product.offers.find((o) => o.billing === billing) ??
    product.offers[0]!
  );
}

/**
 * Freezes a new cart. Lines that are already frozen (those of an earlier cart) are kept as
 * they are, so an unchanged line keeps its identity from one cart to the next: prices and
 * the rendering of a line are cached on it.
 */
function freeze(lines: readonly CartLine[]): Cart {
  return Object.freeze(lines.map((line) => (Object.isFrozen(line) ? line : Object.freeze({ ...line }))));
}

/**
 * Builds a cart from any lines: drops malformed ones and merges duplicates (summing
 * quantities). Used for stored carts and for lines set by the owner.
 */
export function normalizeCart(lines: readonly unknown[]): { cart: Cart; dropped: number } {
  const out: OrderLineInput[] = [];
  const byKey = new Map<string, OrderLineInput>();
  let dropped = 0;
  for (const candidate of lines) {
    const parsed = check(checks.OrderLineInput, candidate);
    if (!parsed.success) {
      dropped++;
      continue;
    }
    const line = parsed.data;
    const key = lineKey(line);
    const same = byKey.get(key);
    if (same) same.quantity += line.quantity;
    else {
      const copy = { productId: line.productId, term: line.term, billing: line.billing, quantity: line.quantity };
      byKey.set(key, copy);
      out.push(copy);
    }
  }
  return { cart: freeze(out), dropped };
}

export type AddResult =
  | { ok: true; cart: Cart; line: CartLine; /** The merged quantity was above the maximum and was capped. */ capped: boolean }
  | { ok: false; reason: 'unknown-offer' | 'invalid-quantity'; message: string };

/**
 * Adds `product` to the cart. An identical line (same product, term and billing) is merged
 * by adding the quantities, capped at the product's maximum. The term and billing must be
 * an offer of the product; left out, they default as `closestOffer` says (P1Y, monthly). The quantity
 * defaults to the product's minimum and must be a whole number within its bounds.
 */
export function addProduct(cart: Cart, product: Product, options: AddOptions = {}): AddResult {
  let offer: Offer;
  if (options.term !== undefined && options.billing !== undefined) {
    const exact = findOffer(product, options.term, options.billing);
    if (!exact) {
      return {
        ok: false,
        reason: 'unknown-offer',
        message: `${product.id} is not offered with term ${options.term} and ${options.billing} billing`,
      };
    }
    offer = exact;
  } else {
    offer = closestOffer(product, options.term, options.billing);
    if ((options.term && offer.term !== options.term) || (options.billing && offer.billing !== options.billing)) {
      return {
        ok: false,
        reason: 'unknown-offer',
        message: `${product.id} is not offered with ${options.term ? `term ${options.term}` : `${options.billing} billing`}`,
      };
    }
  }
  const quantity = options.quantity ?? product.minQuantity;
  if (!isValidQuantity(quantity, product)) {
    return {
      ok: false,
      reason: 'invalid-quantity',
      message: `quantity of ${product.id} must be a whole number from ${product.minQuantity} to ${product.maxQuantity}`,
    };
  }
  const key = lineKey({ productId: product.id, term: offer.term, billing: offer.billing });
  const index = cart.findIndex((line) => lineKey(line) === key);
  if (index === -1) {
    const line: CartLine = { productId: product.id, term: offer.term, billing: offer.billing, quantity };
    const next = freeze([...cart, line]);
    return { ok: true, cart: next, line: next[next.length - 1]!, capped: false };
  }
  const wanted = cart[index]!.quantity + quantity;
  const merged = Math.min(wanted, product.maxQuantity);
  const next = freeze(cart.map((line, i) => (i === index ? { ...line, quantity: merged } : line)));
  return { ok: true, cart: next, line: next[index]!, capped: merged < wanted };
}

/** Removes the line with `key`; the same cart when there is none. */
export function removeLine(cart: Cart, key: string): Cart {
  const next = cart.filter((line) => lineKey(line) !== key);
  return next.length === cart.length ? cart : freeze(next);
}

/**
 * Changes a line's term and/or billing, keeping it a valid offer: a billing the new term
 * lacks gives way to the term's first billing. When the result is identical to another
 * line, the two are merged (quantities summed, capped at the maximum) at the earlier position.
 * Returns the new cart and the key of the changed line.
 */
export function changeOffer(
  cart: Cart,
  key: string,
  product: Product,
  change: { term?: Term; billing?: Billing },
): { cart: Cart; key: string } {
  const index = cart.findIndex((line) => lineKey(line) === key);
  if (index === -1) return { cart, key };
  const line = cart[index]!;
  const term = change.term ?? line.term;
  let billing = change.billing ?? line.billing;
  if (!findOffer(product, term, billing)) {
    const billings = billingsOf(product, term);
    if (billings.length === 0) return { cart, key };
    billing = billings[0]!;
  }
  const changed: CartLine = { ...line, term, billing };
  const newKey = lineKey(changed);
  if (newKey === key) return { cart, key };
  const other = cart.findIndex((l) => lineKey(l) === newKey);
  if (other === -1) {
    return { cart: freeze(cart.map((l, i) => (i === index ? changed : l))), key: newKey };
  }
  const quantity = Math.min(cart[other]!.quantity + line.quantity, product.maxQuantity);
  const keep = Math.min(index, other);
  const drop = Math.max(index, other);
  const next = cart
    .map((l, i) => (i === keep ? { ...changed, quantity } : l))
    .filter((_, i) => i !== drop);
  return { cart: freeze(next), key: newKey };
}

/**
 * Sets a line's quantity. Throws a `RangeError` for a quantity outside the product's
 * bounds: callers validate user input with `parseQuantity` first.
 */
export function setQuantity(cart: Cart, key: string, quantity: number, product: Product): Cart {
  if (!isValidQuantity(quantity, product)) {
    throw new RangeError(`quantity ${quantity} is not a whole number from ${product.minQuantity} to ${product.maxQuantity}`);
  }
  const index = cart.findIndex((line) => lineKey(line) === key);
  if (index === -1 || cart[index]!.quantity === quantity) return cart;
  return freeze(cart.map((line, i) => (i === index ? { ...line, quantity } : line)));
}

export function isValidQuantity(quantity: number, product: Pick<Product, 'minQuantity' | 'maxQuantity'>): boolean {
  return Number.isInteger(quantity) && quantity >= product.minQuantity && quantity <= product.maxQuantity;
}

// ---------------------------------------------------------------------------------------
// Quantity input

export type QuantityProblem = 'empty' | 'not-whole' | 'too-small' | 'too-large';

export type QuantityParse =
  | { ok: true; value: number }
  | { ok: false; reason: QuantityProblem; min: number; max: number };

/** Unicode decimal digits in any script (Arabic-Indic, Devanagari, full-width…). */
const DECIMAL_DIGIT = /\p{Nd}/u;

/**
 * The value of a decimal digit of any script. Unicode encodes every script's digits as a
 * contiguous run 0–9 (a stability guarantee), so the value is the distance from the start
 * of the run, modulo 10 where several runs are adjacent.
 */
function digitValue(char: string): number {
  const code = char.codePointAt(0)!;
  let start = code;
  while (start > 0 && DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start--;
  return (code - start) % 10;
}

/**
 * Turns what a user typed or pasted into a quantity of `product`, or says why it cannot be one.
 *
 * Accepted: optional surrounding spaces, an optional sign, and decimal digits of any script
 * (`٣` is 3, `１２` is 12: a user typing with a locale keyboard meant a number).
 * Rejected as not a whole number: decimals (`1.5`, even `2.0`), exponents (`1e3`), any
 * trailing text (`12abc`), and thousands separators (`1,000`, `1 000`): a separator means a
 * thousand in English and a decimal point in German, so it is refused rather than guessed.
 * A whole number outside [minQuantity, maxQuantity] (including `-2` and `0`) is too small or too large.
 */
export function parseQuantity(input: string, product: Pick<Product, 'minQuantity' | 'maxQuantity'>): QuantityParse {
  const min = product.minQuantity;
  const max = product.maxQuantity;
  const text = input.trim();
  if (text === '') return { ok: false, reason: 'empty', min, max };
  const match = /^([+\-\u2212]?)(\p{Nd}+)$/u.exec(text);
  if (!match) return { ok: false, reason: 'not-whole', min, max };
  let value = 0;
  for (const char of match[2]!) value = value * 10 + digitValue(char);
  if (match[1] === '-' || match[1] === '\u2212') value = -value;
  if (value < min) return { ok: false, reason: 'too-small', min, max };
  // Beyond 2^53 the digits no longer add up exactly, but such a value is too large anyway.
  if (value > max) return { ok: false, reason: 'too-large', min, max };
  return { ok: true, value };
}

// ---------------------------------------------------------------------------------------
// Prices

export type LineProblem = 'unknown-product' | 'unknown-offer' | 'invalid-quantity';

export interface PricedLine {
  line: CartLine;
  product?: Product;
  offer?: Offer;
  /** Price of one licence for one billing period, minor units; absent when the line has a problem. */
  unitPrice?: number;
  /** unitPrice × quantity, minor units. */
  total?: number;
  /** Why the line cannot be priced or ordered: its product or offer left the catalog, or its quantity is out of bounds. */
  problem?: LineProblem;
}

export interface CartTotals {
  currency: string;
  /** Sum of the line totals per billing frequency (per month, per year), minor units; only frequencies in the cart. */
  byBilling: Partial<Record<Billing, number>>;
  /** Number of licences over all priced lines. */
  licences: number;
  /** Lines that could not be priced; they are left out of the totals. */
  problems: number;
}

export interface CartPricing {
  lines: PricedLine[];
  totals: CartTotals;
}

/**
 * Prices every line from the catalog. A line whose product or offer is no longer in the
 * catalog is reported with a `problem` and left out of the totals, never priced at zero.
 *
 * A (frozen) line is priced once per catalog: an unchanged line gets the same `PricedLine`
 * object back, so a change of one line in a large cart prices only that line, and callers
 * can tell unchanged lines by identity. Priced lines are frozen.
 */
export function priceCart(cart: Cart, catalog: Catalog): CartPricing {
  const byBilling: Partial<Record<Billing, number>> = {};
  let licences = 0;
  let problems = 0;
  const cache = (catalogCache(catalog.products).byLine ??= new WeakMap());
  const lines = cart.map((line): PricedLine => {
    let priced = cache.get(line);
    if (!priced) {
      priced = Object.freeze(priceLine(line, catalog));
      if (Object.isFrozen(line)) cache.set(line, priced);
    }
    if (priced.problem) problems++;
    else {
      byBilling[line.billing] = (byBilling[line.billing] ?? 0) + priced.total!;
      licences += line.quantity;
    }
    return priced;
  });
  return { lines, totals: { currency: catalog.currency, byBilling, licences, problems } };
}

function priceLine(line: CartLine, catalog: Catalog): PricedLine {
  const product = findProduct(catalog, line.productId);
  if (!product) return { line, problem: 'unknown-product' };
  const offer = findOffer(product, line.term, line.billing);
  if (!offer) return { line, product, problem: 'unknown-offer' };
  if (!isValidQuantity(line.quantity, product)) return { line, product, offer, problem: 'invalid-quantity' };
  return { line, product, offer, unitPrice: offer.unitPrice, total: offer.unitPrice * line.quantity };
}

// ---------------------------------------------------------------------------------------
// Persistence

/**
 * A backend's storage scope: its base URL resolved against the page, without trailing
 * slashes; undefined for anything that is not a non-empty string. Keys the cart and the
 * placed order's reference.
 */
export function backendScope(baseUrl: unknown): string | undefined {
  if (typeof baseUrl !== 'string' || !baseUrl.trim()) return undefined;
  let resolved = baseUrl.trim();
  try {
    resolved = new URL(resolved, document.baseURI).href;
  } catch {
    // not a URL: the text itself is the scope
  }
  return resolved.replace(/\/+$/, '');
}

function defaultStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    // Some browsers throw on mere access when storage is disabled.
    return undefined;
  }
}

/**
 * The cart stored for `baseUrl`, or an empty cart. A stored value that is not valid JSON or
 * not a cart of this version is removed with a console warning: a broken cart must never
 * break the page.
 */
export function loadCart(baseUrl: string, storage: Storage | undefined = defaultStorage()): Cart {
  if (!storage) return EMPTY_CART;
  const key = storageKey(baseUrl);
  let raw: string | null;
  try {
    raw = storage.getItem(key);
  } catch (error) {
    console.warn(`license-checkout: could not read the stored cart (${key}).`, error);
    return EMPTY_CART;
  }
  if (raw === null) return EMPTY_CART;
  const entry = parseStoredCart(raw);
  if (entry === 'json') return discard(storage, key, 'it is not valid JSON');
  // The entry's format (key, version) is cart-format.ts's; its lines are the contract's order lines.
  const parsed = check(checks.StoredLines, entry);
  if (!parsed.success) return discard(storage, key, 'it is not a cart of this version');
  return normalizeCart(parsed.data).cart;
}

function discard(storage: Storage, key: string, why: string): Cart {
  console.warn(`license-checkout: the stored cart (${key}) was discarded because ${why}.`);
  try {
    storage.removeItem(key);
  } catch {
    // Nothing more to do: the next save overwrites it.
  }
  return EMPTY_CART;
}

/** Stores the cart for `baseUrl` (an empty cart removes the entry). Storage errors (quota, disabled) only warn. */
export function saveCart(baseUrl: string, cart: Cart, storage: Storage | undefined = defaultStorage()): void {
  if (!storage) return;
  const key = storageKey(baseUrl);
  try {
    if (cart.length === 0) storage.removeItem(key);
    else storage.setItem(key, serializeCart(cart));
  } catch (error) {
    console.warn(`license-checkout: could not store the cart (${key}).`, error);
  }
}
