/** Number, money and date formatting through `Intl`, cached per locale. */

type Formatter = Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat;

const cache = new Map<string, Formatter>();

/** The formatter under `key` (name it with the locale and options), made once by `make`. */
export function cached<T extends Formatter>(key: string, make: () => T): T {
  let value = cache.get(key) as T | undefined;
  if (!value) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

/**
 * `lang` when `Intl` takes it, else undefined (the browser's locale): `Intl` throws a
 * RangeError for a malformed tag ("en_US"), a slip a host page can make.
 */
export function intlLocale(lang?: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(lang) && lang;
  } catch {
    return undefined;
  }
}

/**
 * The locale an element formats with: its own `lang`, the nearest ancestor's, or the
 * document's; undefined (the browser's) when that one is none `Intl` takes.
 */
export function resolveLang(element?: Element | null, explicit?: string): string | undefined {
  return intlLocale(explicit || element?.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang);
}

function fractionDigits(currency: string): number {
  return cached(`digits|${currency}`, () => new Intl.NumberFormat('en', { style: 'currency', currency })).resolvedOptions()
    .maximumFractionDigits ?? 2;
}

/** Formats an amount in minor units (cents) as money in `lang`. */
export function formatMoney(minor: number, currency: string, lang?: string): string {
  const digits = fractionDigits(currency);
  const format = cached(`money|${lang}|${currency}`, () => new Intl.NumberFormat(lang, { style: 'currency', currency }));
  return format.format(minor / 10 ** digits);
}

export function formatNumber(value: number, lang?: string): string {
  return cached(`number|${lang}`, () => new Intl.NumberFormat(lang)).format(value);
}

/** A `YYYY-MM-DD` calendar day as a UTC instant: no time zone shifts the day. */
function calendarDay(isoDate: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
}

/** The one date style of the whole checkout ("16 Dec 2026" in en-GB, "16.12.2026" in de). */
const dateFormat = (lang?: string) =>
  cached(`date|${lang}`, () => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' })) as Intl.DateTimeFormat;

/** Formats a `YYYY-MM-DD` date (a calendar day, no time zone shift). */
export function formatDate(isoDate: string, lang?: string): string {
  return dateFormat(lang).format(calendarDay(isoDate));
}

/** A range of calendar days in the same style as `formatDate`, collapsed the way the locale does it ("16 – 31 Dec 2026"). */
export function formatDateRange(from: string, to: string, lang?: string): string {
  return dateFormat(lang).formatRange(calendarDay(from), calendarDay(to));
}

/**
 * Formats a point in time (ISO 8601 with offset) as a date and a time in `lang`, in the page's
 * time zone, naming the zone (a deadline must not be read in another one).
 */
export function formatDateTime(isoDateTime: string, lang?: string): string {
  return cached(
    `datetime|${lang}`,
    () => new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }),
  ).format(new Date(isoDateTime));
}
