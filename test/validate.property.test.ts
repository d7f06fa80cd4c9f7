/**
 * Property-based tests of the validators: the domain-prefix rule against its regular
 * expression, trimming and case rules, and the contract check for any string a person types.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { CompanyDetails } from '../src/api/schemas.js';
import {
  domainError,
  emptyAgreement,
  emptyCompany,
  invalidPrefixChars,
  normalizeDomain,
  prefixError,
  toCompanyDetails,
  validateAgreement,
  validateCompany,
  type CompanyDraft,
} from '../src/checkout/validate.js';
import { validCompany } from './helpers/drafts.js';

const TODAY = '2025-06-15';
const PREFIX_RULE = /^[A-Za-z0-9]{1,27}$/;

const company = validCompany;
const requiredFields = ['companyName', 'country', 'line1', 'city', 'postalCode', 'firstName', 'lastName', 'email'] as const;

/** Any text: ASCII-heavy, with whole Unicode code points (bidi controls, emoji, lone surrogates are all in range). */
const anyText = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }));
const alnum = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');
const blank = fc.stringMatching(/^[ \t\n\u00a0]*$/);

const isoDate = fc
  .date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('validators (property-based)', () => {
  describe('domain prefix', () => {
    it('accepts exactly what ^[A-Za-z0-9]{1,27}$ accepts', () => {
      fc.assert(
        fc.property(fc.oneof(anyText, fc.stringMatching(PREFIX_RULE), fc.string({ unit: alnum, minLength: 20, maxLength: 40 })), (prefix) => {
          expect(prefixError(prefix) === undefined, JSON.stringify(prefix)).to.equal(PREFIX_RULE.test(prefix));
        }),
        { numRuns: 1000 },
      );
    });

    it('names the length for a prefix of allowed characters that is too long, and the characters otherwise', () => {
      fc.assert(
        fc.property(fc.string({ unit: alnum, minLength: 28, maxLength: 200 }), (prefix) => {
          expect(prefixError(prefix)).to.equal('prefix-length');
        }),
      );
      fc.assert(
        fc.property(fc.string({ unit: alnum, maxLength: 40 }), anyText.filter((s) => /[^A-Za-z0-9]/.test(s)), fc.string({ unit: alnum, maxLength: 40 }), (a, bad, b) => {
          expect(prefixError(a + bad + b)).to.equal('prefix-chars');
        }),
      );
    });

    it('lists each offending character once, whole code points, in the order typed', () => {
      fc.assert(
        fc.property(anyText, (prefix) => {
          const bad = invalidPrefixChars(prefix);
          expect(new Set(bad).size).to.equal(bad.length);
          const codePoints = Array.from(prefix);
          for (const char of bad) {
            expect(codePoints).to.include(char);
            expect(/^[A-Za-z0-9]$/.test(char)).to.equal(false);
          }
          expect(bad).to.deep.equal([...new Set(codePoints.filter((c) => !/^[A-Za-z0-9]$/.test(c)))]);
        }),
        { numRuns: 500 },
      );
    });
  });

  describe('tenant domain', () => {
    it('ignores case and surrounding spaces, and is idempotent once normalized', () => {
      fc.assert(
        fc.property(fc.oneof(anyText, fc.stringMatching(/^[a-z0-9]{1,27}\.onmicrosoft\.com$/)), blank, blank, (domain, before, after) => {
          const padded = `${before}${domain.toUpperCase()}${after}`;
          expect(domainError(padded)).to.equal(domainError(domain.toUpperCase()));
          expect(normalizeDomain(normalizeDomain(domain))).to.equal(normalizeDomain(domain));
        }),
        { numRuns: 500 },
      );
    });

    it('accepts every valid prefix as {prefix}.onmicrosoft.com', () => {
      fc.assert(
        fc.property(fc.stringMatching(PREFIX_RULE), (prefix) => {
          expect(domainError(`${prefix}.onmicrosoft.com`)).to.equal(undefined);
        }),
      );
    });
  });

  describe('company form', () => {
    it('never throws and only reports a contract-valid company as valid, for any text in any field', () => {
      const fields = Object.keys(emptyCompany) as Array<keyof CompanyDraft>;
      fc.assert(
        fc.property(fc.record(Object.fromEntries(fields.map((f) => [f, fc.oneof(anyText, fc.constant(company[f]))])) as Record<keyof CompanyDraft, fc.Arbitrary<string>>), (draft) => {
          const errors = validateCompany(draft);
          const details = toCompanyDetails(draft);
          expect(details === undefined).to.equal(Object.keys(errors).length > 0);
          if (details) expect(CompanyDetails.safeParse(details).success, JSON.stringify(draft)).to.equal(true);
        }),
        { numRuns: 500 },
      );
    });

    it('keeps a valid company valid with spaces around any field, and sends it trimmed', () => {
      fc.assert(
        fc.property(fc.constantFrom(...(Object.keys(company) as Array<keyof CompanyDraft>)), blank, blank, (field, before, after) => {
          const draft = { ...company, [field]: `${before}${company[field]}${after}` };
          expect(validateCompany(draft)).to.deep.equal({});
          expect(toCompanyDetails(draft)).to.deep.equal(toCompanyDetails(company));
        }),
      );
    });

    it('calls a blank required field required, whatever else is filled', () => {
      fc.assert(
        fc.property(fc.constantFrom(...requiredFields), blank, (field, value) => {
          expect(validateCompany({ ...company, [field]: value })[field]).to.equal('required');
        }),
      );
    });
  });

  describe('agreement signatory', () => {
    const signatory = { ...emptyAgreement, firstName: 'Lee', lastName: 'Chen', email: 'lee@fabrikam.com', accepted: true };

    it('accepts any real date up to today and refuses any later one', () => {
      fc.assert(
        fc.property(isoDate, (date) => {
          const errors = validateAgreement({ ...signatory, dateAccepted: date }, TODAY);
          if (date > TODAY) expect(errors).to.deep.equal({ dateAccepted: 'future-date' });
          else expect(errors).to.deep.equal({});
        }),
        { numRuns: 500 },
      );
    });

    it('requires the acceptance box whatever the rest says', () => {
      fc.assert(
        fc.property(fc.record({ firstName: anyText, lastName: anyText, email: anyText, phone: anyText, dateAccepted: anyText }), (values) => {
          expect(validateAgreement({ ...values, accepted: false }, TODAY).accepted).to.equal('accept-required');
        }),
      );
    });
  });
});
