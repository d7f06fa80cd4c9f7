/**
 * `GET /country-rules/{country}`: a country's address rules, in the shape of Partner Center's
 * country validation rules. The states and postal code patterns come from Google's address
 * metadata (`../country-states.data.ts`, generated); a state is required where this mock's
 * address check requires one.
 */
import { CountryCode, type CountryRules } from '../../api/schemas.js';
import { isCountryCode } from '../../checkout/countries.js';
import { COUNTRIES_WITH_STATES } from '../data.js';
import { COUNTRY_STATES, POSTAL_CODE_PATTERNS } from '../country-states.data.js';
import { json, problem } from '../http.js';
import type { Route } from '../router.js';

/** The digits, spaces and punctuation a phone number may have, with an optional leading `+`. */
export const PHONE_PATTERN = '^\\+?[0-9 ().\\-/]{4,40}$';

export function countryRuleRoutes(): Route[] {
  return [{ path: '/country-rules/{country}', methods: { GET: ({ params }) => getCountryRules(params.country!) } }];
}

function getCountryRules(country: string): Response {
  if (!CountryCode.safeParse(country).success || !isCountryCode(country)) {
    return problem({
      status: 404,
      title: 'No such country',
      code: 'country-not-found',
      detail: 'Give an assigned ISO 3166-1 alpha-2 code in upper case, e.g. US.',
    });
  }
  const pattern = POSTAL_CODE_PATTERNS[country];
  const rules: CountryRules = {
    country,
    stateRequired: COUNTRIES_WITH_STATES.has(country),
    states: (COUNTRY_STATES[country] ?? []).map(([code, name]) => ({ code, name })),
    ...(pattern ? { postalCodePattern: pattern } : {}),
    phonePattern: PHONE_PATTERN,
  };
  return json(rules);
}
