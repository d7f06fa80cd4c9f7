/**
 * Property-based tests of the validators: the domain-prefix rule against its regular
 * expression, trimming and case rules, and the contract check for any string a person types.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { CompanyDetails, type AcceptanceRequest } from '../src/api/schemas.js';
import {
  domainError,
  emptyAgreement,
  emptyCompany,
  invalidPrefixChars,
  normalizeDomain,
  prefixError,
  toCompanyDetails,
  signatoryOf,
  validateAcceptance,
  validateSignatory,
  validateCompany,
  type CompanyDraft,
} from '../src/checkout/validate.js';
import { validCompany } from './helpers/drafts.js';

const PREFIX_RULE = /^[A-Za-z0-9]{1,27}$/;

const company = validCompany;
const requiredFields = ['companyName', 'country', 'line1', 'city', 'postalCode', 'firstName', 'lastName', 'email'] as const;

/** Any text: ASCII-heavy, with whole Unicode code points (bidi controls, emoji, lone surrogates are all in range). */
const anyText = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }));
const alnum = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');
const blank = fc.stringMatching(/^[ \t\n\u00a0]*$/);

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

  describe('agreement signatory and acceptance', () => {
    const signatory = { ...emptyAgreement, firstName: 'Lee', lastName: 'Chen', email: 'lee@fabrikam.com' };
    const name = fc.string({ minLength: 1, maxLength: 50 }).filter((n) => n.trim() !== '');

    it('takes any names of 1–50 characters, trimmed, with a valid email', () => {
      fc.assert(
        fc.property(name, name, (firstName, lastName) => {
          expect(validateSignatory({ ...signatory, firstName, lastName })).to.deep.equal({});
          expect(signatoryOf({ ...signatory, someoneElse: true, firstName, lastName })).to.include({ firstName: firstName.trim(), lastName: lastName.trim() });
        }),
      );
    });

    it('never builds a signatory from fields with errors, whatever is typed', () => {
      fc.assert(
        fc.property(fc.record({ firstName: anyText, lastName: anyText, email: anyText, phone: anyText }), (values) => {
          const draft = { ...values, someoneElse: true };
          const hasErrors = Object.keys(validateSignatory(draft)).length > 0;
          expect(signatoryOf(draft) === undefined).to.equal(hasErrors);
        }),
      );
    });

    it('lets Continue go on exactly when the link is this company’s and accepted, or pending where the store allows it', () => {
      const status = fc.constantFrom<AcceptanceRequest['status']>('required', 'link-generated', 'link-expired', 'customer-accepted', 'agreement-created');
      fc.assert(
        fc.property(status, fc.boolean(), fc.boolean(), fc.constantFrom('Fabrikam, Inc.', 'Fabrikam Europe'), (state, storeFirst, requestFirst, typedName) => {
          const request: AcceptanceRequest = {
            id: 'mca_1',
            status: state,
            url: 'https://example.com/accept',
            expiresAt: '2025-06-22T10:00:00Z',
            requiredBeforeOrder: requestFirst,
            company: { name: 'Fabrikam, Inc.', country: 'US', language: 'en' },
          };
          const done = state === 'customer-accepted' || state === 'agreement-created';
          const goesOn = typedName === 'Fabrikam, Inc.' && (done || (state === 'link-generated' && !storeFirst && !requestFirst));
          const blocked = Object.keys(validateAcceptance(request, typedName, storeFirst)).length > 0;
          expect(blocked, JSON.stringify({ state, storeFirst, requestFirst, typedName })).to.equal(!goesOn);
        }),
      );
    });
  });
});
