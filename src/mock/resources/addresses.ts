/** `POST /addresses/validate`: postal code `00000` is not valid, `99999` gets one correction. */
import { Address, type AddressValidation, type FieldError } from '../../api/schemas.js';
import { COUNTRIES_WITH_STATES } from '../data.js';
import { json, validBody, validationProblem } from '../http.js';
import type { Route } from '../router.js';

export function addressRoutes(): Route[] {
  return [{ path: '/addresses/validate', methods: { POST: ({ body }) => postAddress(body) } }];
}

function postAddress(body: unknown): Response {
  const address = validBody(Address, body);
  if (address instanceof Response) return address;
  const errors = addressFieldErrors(address, '');
  if (errors.length) return validationProblem(errors);
  return json(validateAddress(address));
}

/** Rules the schema cannot say: a state where the country needs one. `prefix` names the field's parent. */
export function addressFieldErrors(address: Address, prefix: string): FieldError[] {
  if (COUNTRIES_WITH_STATES.has(address.country) && !address.state?.trim()) {
    return [{ field: `${prefix}state`, message: `A state or province is required for addresses in ${address.country}.` }];
  }
  return [];
}

export function validateAddress(address: Address): AddressValidation {
  const postal = address.postalCode.trim();
  if (postal === '00000') {
    return {
      status: 'not-valid',
      message: `The postal code ${postal} does not exist in ${address.country}. Check the address and try again.`,
      suggestions: [],
    };
  }
  if (postal === '99999') {
    const corrected: Address = { ...address, postalCode: correctedPostalCode(address.country), city: titleCase(address.city) };
    return {
      status: 'interaction-required',
      message: 'The postal code does not match the city. Did you mean this address?',
      suggestions: [corrected],
    };
  }
  return { status: 'verified', suggestions: [] };
}

function titleCase(text: string): string {
  return text.trim().replace(/\S+/g, (w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase());
}

/** A plausible real postal code for the "did you mean" correction of `99999`. */
function correctedPostalCode(country: string): string {
  return ({ US: '98052', CA: 'M5V 2T6', AU: '2000', GB: 'SW1A 1AA', DE: '10115', NL: '1012 AB' } as Record<string, string>)[country] ?? '10001';
}
