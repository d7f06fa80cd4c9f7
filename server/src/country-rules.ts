/**
 * `GET /country-rules/{country}`: Partner Center's country validation rules in the contract's
 * `CountryRules` shape. Partner Center stays the source of truth for what it will accept; it
 * lists states by code only, so their names come from Google's address metadata (the data the
 * mock answers from), a code it does not name standing for itself.
 */
import * as z from 'zod/mini';
import { CountryCode, type CountryRules } from '../../src/api/schemas.js';
import { COUNTRY_STATES } from '../../src/mock/country-states.data.js';
import { json, problem } from '../../src/mock/http.js';
import { isGatewayError, type PartnerCenterGateway } from './partner-center/gateway.js';

const stateNames = new Map(Object.entries(COUNTRY_STATES).map(([country, states]) => [country, new Map(states)]));

function countryNotFound(country: string): Response {
  return problem({
    status: 404,
    title: 'No such country',
    code: 'country-not-found',
    detail: `“${country}” is no country Partner Center knows; give an ISO 3166-1 alpha-2 code in upper case, such as US.`,
  });
}

export async function countryRulesAnswer(gateway: PartnerCenterGateway, country: string): Promise<Response> {
  if (!z.safeParse(CountryCode, country).success) return countryNotFound(country);
  let rules;
  try {
    rules = await gateway.countryRules(country);
  } catch (error) {
    // Partner Center refuses a code it does not know (400 invalid input, or 404); other failures stay 5xx.
    if (isGatewayError(error) && (error.kind === 'declined' || error.kind === 'not-found')) return countryNotFound(country);
    throw error;
  }
  const names = stateNames.get(country);
  const answer: CountryRules = {
    country,
    stateRequired: rules.stateRequired,
    states: rules.states.map((code) => ({ code, name: names?.get(code) ?? code })),
    ...(rules.postalCodePattern ? { postalCodePattern: rules.postalCodePattern } : {}),
    ...(rules.phonePattern ? { phonePattern: rules.phonePattern } : {}),
  };
  return json(answer);
}
