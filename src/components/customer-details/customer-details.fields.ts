// The customer-details form's field list, limits, messages and value helpers: pure data and
// functions, kept apart from the element so it stays about rendering and reporting.
import type { Address } from '../../api/schemas.js';
import { countries, countryName } from '../../checkout/countries.js';
import { companyFieldPaths, emptyCompany, type CompanyDraft, type CompanyField, type ErrorCode } from '../../checkout/validate.js';
import type { SelectOption } from '../shared/form.js';
import type { CustomerDetailsStrings } from './customer-details.strings.js';

/** The form's fields in the order they appear: errors, the summary and focus follow it. */
export const FIELDS: readonly CompanyField[] = [
  'companyName',
  'country',
  'line1',
  'line2',
  'city',
  'state',
  'postalCode',
  'firstName',
  'lastName',
  'email',
  'phone',
];
export const ADDRESS_FIELDS: ReadonlySet<CompanyField> = new Set(['country', 'line1', 'line2', 'city', 'state', 'postalCode']);

/** The address fields' specs, the state's aside (it depends on the country). */
export const ADDRESS_SPECS = {
  line1: { autocomplete: 'address-line1', required: true, wide: true },
  line2: { autocomplete: 'address-line2', wide: true },
  city: { autocomplete: 'address-level2', required: true },
  postalCode: { autocomplete: 'postal-code', required: true, spellcheck: false },
} as const;

/** The contract's length limits, for the "too long" message. */
export const MAX_LENGTH: Partial<Record<CompanyField, number>> = {
  companyName: 200,
  line1: 200,
  line2: 200,
  city: 100,
  state: 100,
  postalCode: 20,
  firstName: 50,
  lastName: 50,
  phone: 40,
};

/** The message of each validator code; any other code gets `errorInvalid`. */
export const MESSAGE_KEYS: Partial<Record<ErrorCode, keyof CustomerDetailsStrings & string>> = {
  required: 'customerDetails.errorRequired',
  'too-long': 'customerDetails.errorTooLong',
  email: 'customerDetails.errorEmail',
  phone: 'customerDetails.errorPhone',
  country: 'customerDetails.errorCountry',
  'state-required': 'customerDetails.errorStateRequired',
  'postal-code': 'customerDetails.errorPostalCode',
  'phone-pattern': 'customerDetails.errorPhonePattern',
};

/** The suggestion radio group's key in the message map (its first radio carries the id). */
export const ADDRESS_CHOICE = 'addressChoice';

/**
 * The backend's field paths for this form: `CompanyDetails` paths with or without the order
 * request's prefixes, and the bare `Address` paths `POST /addresses/validate` reports.
 */
export const backendPaths: Readonly<Record<string, CompanyField>> = (() => {
  const out: Record<string, CompanyField> = {};
  for (const [path, field] of Object.entries(companyFieldPaths)) {
    out[path] = field;
    out[`company.${path}`] = field;
    out[`recipient.company.${path}`] = field;
    if (path.startsWith('address.')) out[path.slice('address.'.length)] = field;
  }
  return out;
})();

const countryOptionsCache = new Map<string, SelectOption[]>();

/** The countries by name in `lang` (an element's `locale`: `resolveLang` checked it), sorted the way that language sorts. */
export function countryOptions(lang: string | undefined): SelectOption[] {
  const key = lang ?? '';
  let options = countryOptionsCache.get(key);
  if (!options) {
    const collator = new Intl.Collator(lang);
    options = countries
      .map(({ code }) => ({ value: code, label: countryName(code, lang) }))
      .sort((a, b) => collator.compare(a.label, b.label));
    countryOptionsCache.set(key, options);
  }
  return options;
}

export function normalize(value: Partial<CompanyDraft> | undefined): CompanyDraft {
  const out = { ...emptyCompany };
  for (const field of FIELDS) {
    const v = value?.[field];
    if (typeof v === 'string') out[field] = v;
  }
  return out;
}

/** The address fields of a suggestion, as form values (missing optional parts empty). */
export const addressDraft = (address: Address): Pick<CompanyDraft, 'country' | 'line1' | 'line2' | 'city' | 'state' | 'postalCode'> => ({
  country: address.country,
  line1: address.line1,
  line2: address.line2 ?? '',
  city: address.city,
  state: address.state ?? '',
  postalCode: address.postalCode,
});
