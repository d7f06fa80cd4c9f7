import type { CountryRules } from '../../api/schemas.js';
import type { CompanyField } from '../../checkout/validate.js';
import { customerDetailsStrings, type CustomerDetailsStrings } from './customer-details.strings.js';

type AddressField = Extract<CompanyField, 'line1' | 'line2' | 'city' | 'state' | 'postalCode'>;
type Key = keyof CustomerDetailsStrings & string;

/** How one country writes an address: the fields in its order and the words for them. */
export interface AddressFormat {
  /** The address fields (country aside) in the country's order; `state` only where it has one. */
  order: AddressField[];
  /** The keys of the labels of the city, state and postal code fields. */
  labels: Partial<Record<AddressField, Key>>;
}

let formats: Promise<Readonly<Record<string, string>>> | undefined;

/**
 * The per-country formats (Google's address metadata, about 1.4 KB gzip), loaded on first use
 * rather than with the checkout: most pages never show the address form.
 */
export function loadAddressFormats(): Promise<Readonly<Record<string, string>>> {
  formats ??= import('../../checkout/address-formats.data.js').then((module) => module.ADDRESS_FORMATS);
  return formats;
}

const FIELD_OF: Record<string, AddressField[]> = { A: ['line1', 'line2'], C: ['city'], S: ['state'], Z: ['postalCode'] };

/** The key of a name type's label (`customerDetails.state.county`), when the strings have one. */
const labelKey = (group: string, type: string): Key | undefined => {
  const key = `customerDetails.${group}.${type}`;
  return key in customerDetailsStrings ? (key as Key) : undefined;
};
/**
 * English calls the postal code "Postcode" in these countries. The metadata has no such
 * distinction (it is a matter of the language, not of the address format).
 */
const POSTCODE_COUNTRIES = new Set(['GB', 'AU', 'NZ', 'IM', 'JE', 'GG']);

/**
 * The format of `country` from the generated table (`order|state|zip|locality`); the
 * contract's order (line, city, state, postal code) where the table does not know it.
 * A state field goes where the country writes it, or last when only the rules list states.
 */
export function addressFormat(country: string, table: Readonly<Record<string, string>> | undefined, rules?: CountryRules): AddressFormat {
  const entry = table?.[country];
  if (!entry) return { order: ['line1', 'line2', 'city', 'state', 'postalCode'], labels: {} };
  const [order = 'ACZ', state = 'province', zip = 'postal', locality = 'city'] = entry.split('|').map((part) => part || undefined);
  const fields = [...order].flatMap((letter) => FIELD_OF[letter] ?? []);
  const hasState = fields.includes('state');
  if (!hasState && (rules?.stateRequired || rules?.states.length)) fields.push('state');
  const labels: AddressFormat['labels'] = {};
  // A type the strings do not know keeps the generic label ("State or province", "Postal code", "City").
  if (hasState || rules?.states.length) labels.state = labelKey('state', state);
  labels.postalCode = labelKey('postal', zip === 'postal' && POSTCODE_COUNTRIES.has(country) ? 'postcode' : zip);
  labels.city = labelKey('city', locality);
  return { order: fields, labels };
}

/** Whether all of `value` matches one of the rules' patterns (true without a pattern or a value, or with a pattern that does not compile). */
export function matchesPattern(value: string, pattern: string | undefined): boolean {
  if (!pattern || !value.trim()) return true;
  try {
    return new RegExp(`^(?:${pattern})$`, 'i').test(value.trim());
  } catch {
    return true;
  }
}
