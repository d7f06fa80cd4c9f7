/**
 * The length limits the forms name in their "too long" messages are the contract's: each
 * number the elements keep for their messages equals the `maxLength` of the zod schema field
 * it stands for, and every limited text field of those schemas has one. (The checks themselves
 * come from the schemas; only the numbers in the words are kept apart, for the message.)
 */
import { expect } from '@open-wc/testing';
import type * as z from 'zod/mini';
import { CompanyDetails, Contact } from '../src/api/schemas.js';
import { MAX_LENGTH as SIGNATORY_MAX_LENGTH } from '../src/components/agreement/agreement.js';
import { MAX_LENGTH as COMPANY_MAX_LENGTH } from '../src/components/customer-details/customer-details.fields.js';

type Schema = z.core.$ZodType;
type Def = Record<string, any>;

/** `maxLength` of every limited text field under `schema`, by dotted path. */
function limits(schema: Schema, path = ''): Record<string, number> {
  const def = schema._zod.def as Def;
  if (def.type === 'optional') return limits(def.innerType, path);
  if (def.type === 'object') {
    return Object.assign({}, ...Object.entries(def.shape as Record<string, Schema>).map(([key, value]) => limits(value, path ? `${path}.${key}` : key)));
  }
  const max = ((def.checks ?? []) as Schema[]).map((c) => c._zod.def as Def).find((c) => c.check === 'max_length')?.maximum;
  return max === undefined ? {} : { [path]: max };
}

describe('length limits in messages', () => {
  it("the new customer's form names the contract's limits (CompanyDetails)", () => {
    const contract = limits(CompanyDetails as unknown as Schema);
    // The form's fields are flat; the contract nests the address and the contact.
    const byField = Object.fromEntries(Object.entries(contract).map(([path, max]) => [path.split('.').pop()!, max]));
    expect(COMPANY_MAX_LENGTH).to.deep.equal(byField);
    expect(Object.keys(byField)).to.include.members(['companyName', 'line1', 'postalCode', 'firstName', 'phone']);
  });

  it("the signatory's form names the contract's limits (Contact)", () => {
    expect(SIGNATORY_MAX_LENGTH).to.deep.equal(limits(Contact as unknown as Schema));
  });
});
