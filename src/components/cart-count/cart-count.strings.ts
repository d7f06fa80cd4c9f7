/**
 * Default (English) text of `<lc-cart-count>`. The count's words are chosen by
 * `Intl.PluralRules` for the locale: `cartCount.lines.{zero|one|two|few|many|other}` (and
 * `cartCount.seats.…`), falling back to `.other` where a language has no such form.
 */
export const cartCountStrings = {
  'cartCount.label': 'Cart',
  'cartCount.lines.one': '{count} product',
  'cartCount.lines.other': '{count} products',
  'cartCount.seats.one': '{count} licence',
  'cartCount.seats.other': '{count} licences',
};

export type CartCountStrings = typeof cartCountStrings;

/**
 * The count's plural forms a language may have beside `one` and `other` (Arabic has them all),
 * optional in a translation.
 */
export type CartCountPluralStrings = Partial<Record<`cartCount.${'lines' | 'seats'}.${'zero' | 'two' | 'few' | 'many'}`, string>>;
