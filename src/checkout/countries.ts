/**
 * Countries for the address form: every officially assigned ISO 3166-1 alpha-2 code, sorted
 * by code. Names come from the browser (`Intl.DisplayNames`, CLDR's names in any language),
 * so the bundle carries 249 codes rather than a table of names (2.6 KB gzip saved).
 */

export interface Country {
  /** ISO 3166-1 alpha-2, upper case. */
  code: string;
  /** English short name. */
  readonly name: string;
}

const CODES =
  'ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZCACCCD' +
  'CFCGCHCICKCLCMCNCOCRCUCVCWCXCYCZDEDJDKDMDODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGF' +
  'GGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHUIDIEILIMINIOIQIRISITJEJMJOJPKEKGKHKIKMKN' +
  'KPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZNA' +
  'NCNENFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPMPNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSI' +
  'SJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVI' +
  'VNVUWFWSYEYTZAZMZW';

export const countries: readonly Country[] = Object.freeze(
  (CODES.match(/../g) ?? []).map((code) =>
    Object.freeze({
      code,
      get name(): string {
        return countryName(code, 'en');
      },
    }),
  ),
);

const known = new Set(countries.map((country) => country.code));

/** Whether `code` is an assigned ISO 3166-1 alpha-2 code (upper case, as the contract wants). */
export const isCountryCode = (code: string): boolean => known.has(code);

/**
 * Countries whose addresses need a state, province or territory. Partner Center rejects
 * addresses in these countries without one.
 */
export const statesRequired: ReadonlySet<string> = new Set(['US', 'CA', 'AU']);

const displayNames = new Map<string, Intl.DisplayNames | null>();

/**
 * A country's name in `lang` (English when not given) from the browser's
 * `Intl.DisplayNames`; the code itself where the engine or the locale has none.
 */
export function countryName(code: string, lang = 'en'): string {
  let names = displayNames.get(lang);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([lang, 'en'], { type: 'region' });
    } catch {
      // An invalid locale tag: English instead.
      names = lang === 'en' ? null : new Intl.DisplayNames(['en'], { type: 'region' });
    }
    displayNames.set(lang, names);
  }
  if (!known.has(code)) return code;
  return names?.of(code) ?? code;
}
