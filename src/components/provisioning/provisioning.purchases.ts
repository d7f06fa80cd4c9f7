import type { Catalog, Order } from '../../api/schemas.js';
import { findProduct } from '../../checkout/cart-store.js';
import { formatNumber } from '../../i18n/format.js';
import type { ProvisioningStrings } from './provisioning.strings.js';

type Text = (key: keyof ProvisioningStrings & string, values?: Record<string, string | number>) => string;

/**
 * What an order bought, one sentence per line ("Microsoft 365 E3: 12 licences, 1-year term,
 * billed monthly"), from the order's own lines rather than its task labels. Product names
 * come from the catalog; a product it does not list is named by its id. `locale` is the
 * element's, which `resolveLang` checked.
 */
export function purchasedItems(order: Order, catalog: Catalog | undefined, t: Text, locale: string | undefined): string[] {
  const plural = new Intl.PluralRules(locale);
  return order.lines.map((line) => {
    const product = findProduct(catalog, line.productId)?.name ?? line.productId;
    const form = plural.select(line.quantity) === 'one' ? 'one' : 'other';
    const values = {
      product,
      count: formatNumber(line.quantity, locale),
      term: t(`provisioning.bought.term.${line.term}`),
      billing: t(`provisioning.bought.billing.${line.billing}`),
    };
    return line.kind === 'add-seats' ? t(`provisioning.bought.seats.${form}`, values) : t(`provisioning.bought.new.${form}`, values);
  });
}
