import type { Customer } from '../../api/schemas.js';

/**
 * The customers by company name as `lang` sorts ("Ä" with "A" in German, numbers by value),
 * whatever order the backend sent them in; the same name keeps the backend's order. `lang` is
 * an element's `locale`, which `resolveLang` checked.
 */
export function byCompanyName(customers: readonly Customer[], lang: string | undefined): Customer[] {
  const collator = new Intl.Collator(lang, { sensitivity: 'base', numeric: true });
  return [...customers].sort((a, b) => collator.compare(a.companyName, b.companyName));
}
