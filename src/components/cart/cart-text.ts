import { BILLINGS } from '../../api/contract-values.js';
import type { CartTotals } from '../../checkout/cart-store.js';
import { formatMoney } from '../../i18n/format.js';
import type { CartStrings } from './cart.strings.js';

/** A lookup in the cart's strings (the element's `t`, or the checkout's over the same table). */
export type CartText = (key: keyof CartStrings & string, values?: Record<string, string | number>) => string;

/**
 * What the cart's live region says after a change: what happened (`message`), then the new
 * total, or that the cart is empty. Shared by `<lc-cart>` and `<lc-checkout>.addProduct()`.
 */
export function cartAnnouncement(t: CartText, lineCount: number, totals: CartTotals | undefined, locale: string | undefined, message?: string): string {
  let total = '';
  if (totals) {
    const parts = BILLINGS.filter((b) => totals.byBilling[b] !== undefined).map((b) =>
      t(`per.${b}`, { amount: formatMoney(totals.byBilling[b]!, totals.currency, locale) }),
    );
    if (parts.length === 0) total = lineCount === 0 ? t('cart.announceEmpty') : '';
    else total = t('cart.announceTotal', { total: parts.length === 2 ? t('cart.totalAnd', { first: parts[0]!, second: parts[1]! }) : parts[0]! });
  }
  return [message, total].filter(Boolean).join(' ');
}
