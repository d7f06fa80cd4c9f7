import { findProduct, lineKey, parseQuantity, setQuantity, type Cart, type QuantityProblem } from '../../checkout/cart-store.js';
import type { Catalog, Product } from '../../api/schemas.js';

/** What the user typed in each quantity field, and the errors shown, by line key. */
export interface QuantityEntries {
  drafts: Map<string, string>;
  errors: Map<string, QuantityProblem>;
}

/**
 * What typing in a quantity field does. The quantity is committed on `change` (Enter, leaving
 * the field, a step with the arrows or the spinner), so typing "301" never passes through 3
 * and 30 in the cart. While typing, an error shows as soon as the text is invalid and clears
 * as soon as it is valid again; an invalid text stays visible and the cart keeps the last
 * committed quantity. An empty field is only an error once the user leaves it, so clearing it
 * to retype flashes nothing. `quantity` is set when the cart takes a new quantity.
 */
export function readQuantity(
  entries: QuantityEntries,
  key: string,
  input: Pick<HTMLInputElement, 'value' | 'validity'>,
  product: Product,
  committed: boolean,
): QuantityEntries & { quantity?: number } {
  // A number input reports text it cannot parse ("1e", "-") as an empty value with badInput.
  const parsed = input.validity.badInput ? ({ ok: false, reason: 'not-whole' } as const) : parseQuantity(input.value, product);
  const drafts = new Map(entries.drafts);
  const errors = new Map(entries.errors);
  if (parsed.ok) {
    errors.delete(key);
    if (committed) drafts.delete(key);
    else drafts.set(key, input.value);
  } else {
    drafts.set(key, input.value);
    if (committed || parsed.reason !== 'empty' || errors.has(key)) errors.set(key, parsed.reason);
  }
  return parsed.ok && committed ? { drafts, errors, quantity: parsed.value } : { drafts, errors };
}

/** A copy of `map` with `from`'s entry moved to `to` (or dropped when `to` is undefined). */
export function moveKey<V>(map: Map<string, V>, from: string, to: string | undefined): Map<string, V> {
  if (!map.has(from)) return map;
  const next = new Map(map);
  const value = next.get(from)!;
  next.delete(from);
  if (to !== undefined) next.set(to, value);
  return next;
}

/** The entries of the lines whose keys are in `keys`: the same object when nothing is dropped. */
export function entriesOf(entries: QuantityEntries, keys: ReadonlySet<string>): QuantityEntries {
  const keep = <V>(map: Map<string, V>): Map<string, V> =>
    [...map.keys()].every((key) => keys.has(key)) ? map : new Map([...map].filter(([key]) => keys.has(key)));
  const drafts = keep(entries.drafts);
  const errors = keep(entries.errors);
  return drafts === entries.drafts && errors === entries.errors ? entries : { drafts, errors };
}

/**
 * The cart as the user sees it while typing: each valid quantity being typed applied, so the
 * line and cart totals follow the typing. An invalid one changes nothing (its message shows).
 * The cart itself takes the quantity on `change` only (see `readQuantity`).
 */
export function withTypedQuantities(cart: Cart, drafts: Map<string, string>, catalog: Catalog): Cart {
  let shown = cart;
  for (const [key, draft] of drafts) {
    const line = cart.find((l) => lineKey(l) === key);
    const product = line && findProduct(catalog, line.productId);
    const parsed = product ? parseQuantity(draft, product) : undefined;
    if (product && parsed?.ok) shown = setQuantity(shown, key, parsed.value, product);
  }
  return shown;
}
