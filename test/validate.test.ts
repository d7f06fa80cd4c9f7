import { expect } from '@open-wc/testing';
import { CompanyDetails, type AcceptanceRequest } from '../src/api/schemas.js';
import { countries, countryName, isCountryCode, statesRequired } from '../src/checkout/countries.js';
import {
  companyFieldPaths,
  domainError,
  acceptanceDone,
  emptyAgreement,
  emptyCompany,
  invalidPrefixChars,
  prefixError,
  signatoryOf,
  toCompanyDetails,
  todayIso,
  validateAcceptance,
  validateCompany,
  validateLines,
  validateSignatory,
  validateTenant,
  type CompanyDraft,
  type TenantDraft,
} from '../src/checkout/validate.js';
import { validCompany } from './helpers/drafts.js';


const company: CompanyDraft = validCompany;

const signatory = { ...emptyAgreement, someoneElse: true, firstName: 'Lee', lastName: 'Chen', email: 'lee@fabrikam.com' };

describe('validators', () => {
  describe('company', () => {
    it('accepts a complete company and builds contract-valid details', () => {
      expect(validateCompany(company)).to.deep.equal({});
      const details = toCompanyDetails(company)!;
      expect(CompanyDetails.safeParse(details).success).to.equal(true);
      expect(details.address).to.not.have.property('line2');
    });

    it('reports every required field of an empty form as required', () => {
      expect(validateCompany(emptyCompany)).to.deep.equal({
        companyName: 'required',
        country: 'required',
        line1: 'required',
        city: 'required',
        postalCode: 'required',
        firstName: 'required',
        lastName: 'required',
        email: 'required',
      });
      expect(toCompanyDetails(emptyCompany)).to.equal(undefined);
    });

    it('treats only spaces as empty', () => {
      expect(validateCompany({ ...company, companyName: '   ' })).to.deep.equal({ companyName: 'required' });
    });

    it('sends values trimmed', () => {
      expect(toCompanyDetails({ ...company, companyName: '  Fabrikam, Inc. ', city: ' Redmond' })).to.deep.include({ companyName: 'Fabrikam, Inc.' });
    });

    it('limits lengths: name 200, address lines 200, contact names 50', () => {
      expect(validateCompany({ ...company, companyName: 'a'.repeat(200) })).to.deep.equal({});
      expect(validateCompany({ ...company, companyName: 'a'.repeat(201) })).to.deep.equal({ companyName: 'too-long' });
      expect(validateCompany({ ...company, line1: 'a'.repeat(201), line2: 'b'.repeat(201) })).to.deep.equal({ line1: 'too-long', line2: 'too-long' });
      expect(validateCompany({ ...company, line2: 'b'.repeat(200) })).to.deep.equal({});
      expect(validateCompany({ ...company, firstName: 'a'.repeat(50), lastName: 'a'.repeat(51) })).to.deep.equal({ lastName: 'too-long' });
    });

    it('checks the email', () => {
      expect(validateCompany({ ...company, email: 'dana@' })).to.deep.equal({ email: 'email' });
      expect(validateCompany({ ...company, email: 'dana at fabrikam.com' })).to.deep.equal({ email: 'email' });
    });

    it('needs a country from the list', () => {
      expect(validateCompany({ ...company, country: 'XX' })).to.deep.equal({ country: 'country' });
      expect(validateCompany({ ...company, country: 'USA' })).to.deep.equal({ country: 'country' });
      // Lower case is upper-cased before checking and sending.
      expect(toCompanyDetails({ ...company, country: 'us' })?.address.country).to.equal('US');
    });

    it('needs a state in the US, Canada and Australia only', () => {
      expect(validateCompany({ ...company, state: '' })).to.deep.equal({ state: 'state-required' });
      expect(validateCompany({ ...company, country: 'CA', state: '', postalCode: 'K1A 0B1' })).to.deep.equal({ state: 'state-required' });
      expect(validateCompany({ ...company, country: 'AU', state: '', postalCode: '2000' })).to.deep.equal({ state: 'state-required' });
      expect(validateCompany({ ...company, country: 'DE', state: '', postalCode: '10115' })).to.deep.equal({});
    });

    it('checks postal codes where the format is certain, loosely elsewhere', () => {
      expect(validateCompany({ ...company, postalCode: '9805' })).to.deep.equal({ postalCode: 'postal-code' });
      expect(validateCompany({ ...company, postalCode: '98052-6399' })).to.deep.equal({});
      // The mock backend's test values must get through to the backend.
      expect(validateCompany({ ...company, postalCode: '00000' })).to.deep.equal({});
      expect(validateCompany({ ...company, postalCode: '99999' })).to.deep.equal({});
      expect(validateCompany({ ...company, country: 'GB', state: '', postalCode: 'SW1A 1AA' })).to.deep.equal({});
      expect(validateCompany({ ...company, country: 'IE', state: '', postalCode: 'D02 X285' })).to.deep.equal({});
      expect(validateCompany({ ...company, country: 'IE', state: '', postalCode: '<b>' })).to.deep.equal({ postalCode: 'postal-code' });
    });

    it('takes an optional phone number, checked when given', () => {
      expect(validateCompany({ ...company, phone: '+1 (425) 555-0100 ext. 12' })).to.deep.equal({});
      expect(validateCompany({ ...company, phone: 'call me' })).to.deep.equal({ phone: 'phone' });
      expect(validateCompany({ ...company, phone: '1'.repeat(41) })).to.deep.equal({ phone: 'too-long' });
    });

    it('maps every CompanyDetails path to a form field', () => {
      expect(Object.values(companyFieldPaths).sort()).to.deep.equal(Object.keys(emptyCompany).sort());
    });
  });

  describe('domain prefix', () => {
    it('accepts letters and digits, 1 to 27', () => {
      expect(prefixError('contoso2025')).to.equal(undefined);
      expect(prefixError('a')).to.equal(undefined);
      expect(prefixError('A'.repeat(27))).to.equal(undefined);
    });

    it('says which rule failed', () => {
      expect(prefixError('')).to.equal('required');
      expect(prefixError('a'.repeat(28))).to.equal('prefix-length');
      expect(prefixError('contoso-ltd')).to.equal('prefix-chars');
      expect(prefixError('contoso.onmicrosoft.com')).to.equal('prefix-chars');
    });

    it('reports bad characters before the length', () => {
      expect(prefixError('my company name that is far too long')).to.equal('prefix-chars');
    });

    it('names the offending characters once each, in the order typed', () => {
      expect(invalidPrefixChars('con-to so-')).to.deep.equal(['-', ' ']);
      expect(invalidPrefixChars('münchen😀')).to.deep.equal(['ü', '😀']);
      expect(invalidPrefixChars('contoso')).to.deep.equal([]);
    });
  });

  describe('tenant domain', () => {
    it('needs a domain name', () => {
      expect(domainError('')).to.equal('required');
      expect(domainError('fabrikam')).to.equal('domain-format');
      expect(domainError('fab rikam.onmicrosoft.com')).to.equal('domain-format');
      expect(domainError(' Fabrikam.onmicrosoft.com ')).to.equal(undefined);
    });
  });

  describe('tenant step', () => {
    const base: TenantDraft = { hasTenant: false, domain: '', prefix: 'contoso' };

    it('new tenant: prefix rules first, then availability for that prefix', () => {
      expect(validateTenant({ ...base, prefix: 'con toso' }, 'X')).to.deep.equal({ prefix: 'prefix-chars' });
      expect(validateTenant(base, 'X')).to.deep.equal({ prefix: 'prefix-unchecked' });
      const taken = { prefix: 'contoso', domain: 'contoso.onmicrosoft.com', available: false, suggestions: ['contoso1'] };
      expect(validateTenant({ ...base, availability: taken }, 'X')).to.deep.equal({ prefix: 'prefix-taken' });
      const free = { ...taken, available: true, suggestions: [] };
      expect(validateTenant({ ...base, availability: free }, 'X')).to.deep.equal({});
      expect(validateTenant({ ...base, prefix: 'contoso2', availability: free }, 'X')).to.deep.equal({ prefix: 'prefix-unchecked' });
    });

    it('existing tenant: found, and registered under the exact name', () => {
      const draft: TenantDraft = { ...base, hasTenant: true, domain: 'fabrikam.onmicrosoft.com' };
      const lookup = { domain: 'fabrikam.onmicrosoft.com', exists: true, companyName: 'Fabrikam, Inc.' };
      expect(validateTenant(draft, 'Fabrikam, Inc.')).to.deep.equal({ domain: 'tenant-unchecked' });
      expect(validateTenant({ ...draft, lookup: { domain: lookup.domain, exists: false } }, 'Fabrikam, Inc.')).to.deep.equal({ domain: 'tenant-not-found' });
      expect(validateTenant({ ...draft, lookup }, 'Fabrikam, Inc.')).to.deep.equal({});
      expect(validateTenant({ ...draft, lookup }, 'Fabrikam Inc.')).to.deep.equal({ domain: 'company-name-mismatch' });
      expect(validateTenant({ ...draft, lookup }, 'FABRIKAM, INC.')).to.deep.equal({ domain: 'company-name-mismatch' });
      // A lookup without a registered name cannot be matched.
      expect(validateTenant({ ...draft, lookup: { domain: lookup.domain, exists: true } }, 'Fabrikam, Inc.')).to.deep.equal({ domain: 'company-name-mismatch' });
    });

    it('existing tenant: the prefix is not checked, the domain is', () => {
      expect(validateTenant({ hasTenant: true, domain: 'nope', prefix: 'bad prefix' }, 'X')).to.deep.equal({ domain: 'domain-format' });
    });
  });

  describe('agreement', () => {
    const link = (status: AcceptanceRequest['status'], extra: Partial<AcceptanceRequest> = {}): AcceptanceRequest => ({
      id: 'mca_1',
      status,
      url: 'https://mock.example/api/microsoft/customer-agreement/abc',
      expiresAt: '2025-06-22T09:00:00Z',
      company: { name: 'Fabrikam, Inc.', country: 'US', language: 'en' },
      ...extra,
    });

    it('accepts a complete signatory and trims it into a contact', () => {
      expect(validateSignatory(signatory)).to.deep.equal({});
      expect(signatoryOf({ ...signatory, phone: ' +1 425 555 0100 ', email: ' lee@fabrikam.com ' })).to.deep.equal({
        firstName: 'Lee',
        lastName: 'Chen',
        email: 'lee@fabrikam.com',
        phone: '+1 425 555 0100',
      });
    });

    it('reports every required field of an empty signatory, and builds nothing from it', () => {
      expect(validateSignatory(emptyAgreement)).to.deep.equal({ firstName: 'required', lastName: 'required', email: 'required' });
      expect(signatoryOf({ ...emptyAgreement, someoneElse: true })).to.equal(undefined);
    });

    it('limits names to 50 and checks email and phone', () => {
      expect(validateSignatory({ ...signatory, firstName: 'a'.repeat(51), email: 'lee@', phone: 'none' })).to.deep.equal({
        firstName: 'too-long',
        email: 'email',
        phone: 'phone',
      });
    });

    it('takes the primary contact as the signatory unless someone else signs', () => {
      const contact = { firstName: 'Dana', lastName: 'Smith', email: 'dana@fabrikam.com' };
      expect(signatoryOf({ ...signatory, someoneElse: false }, contact)).to.deep.equal(contact);
      expect(signatoryOf(signatory, contact)).to.deep.equal({ firstName: 'Lee', lastName: 'Chen', email: 'lee@fabrikam.com' });
      // An incomplete contact is no signatory: the step asks for one.
      expect(signatoryOf({ ...emptyAgreement }, { firstName: 'Dana' })).to.equal(undefined);
      // No contact known (an existing customer): the typed fields.
      expect(signatoryOf({ ...signatory, someoneElse: false })).to.deep.equal({ firstName: 'Lee', lastName: 'Chen', email: 'lee@fabrikam.com' });
    });

    it('counts accepted and recorded as done, nothing else', () => {
      expect(acceptanceDone(link('customer-accepted'))).to.equal(true);
      expect(acceptanceDone(link('agreement-created'))).to.equal(true);
      for (const status of ['required', 'link-generated', 'link-expired'] as const) expect(acceptanceDone(link(status)), status).to.equal(false);
      expect(acceptanceDone(undefined)).to.equal(false);
    });

    it('lets Continue past a pending link unless acceptance must come first; never without a working link for this company', () => {
      expect(validateAcceptance(undefined, 'Fabrikam, Inc.', false)).to.deep.equal({ acceptance: 'acceptance-missing' });
      expect(validateAcceptance(link('link-generated'), 'Fabrikam, Inc.', false)).to.deep.equal({});
      expect(validateAcceptance(link('link-generated'), ' Fabrikam, Inc. ', false)).to.deep.equal({});
      expect(validateAcceptance(link('link-generated'), 'Fabrikam, Inc.', true)).to.deep.equal({ acceptance: 'acceptance-pending' });
      // The request's own rule counts as much as the store's.
      expect(validateAcceptance(link('link-generated', { requiredBeforeOrder: true }), 'Fabrikam, Inc.', false)).to.deep.equal({ acceptance: 'acceptance-pending' });
      expect(validateAcceptance(link('link-expired'), 'Fabrikam, Inc.', false)).to.deep.equal({ acceptance: 'acceptance-missing' });
      expect(validateAcceptance(link('required'), 'Fabrikam, Inc.', false)).to.deep.equal({ acceptance: 'acceptance-missing' });
      expect(validateAcceptance(link('customer-accepted'), 'Fabrikam, Inc.', true)).to.deep.equal({});
      expect(validateAcceptance(link('agreement-created'), 'Fabrikam, Inc.', true)).to.deep.equal({});
      // Made for the name as it was: a renamed company needs a new link, accepted or not.
      expect(validateAcceptance(link('customer-accepted'), 'Fabrikam Europe', false)).to.deep.equal({ acceptance: 'acceptance-stale' });
    });
  });

  describe('cart lines', () => {
    const line = { productId: 'p', term: 'P1Y', billing: 'annual', quantity: 3 } as const;
    const catalog = {
      currency: 'USD',
      products: [{ id: 'p', name: 'P', minQuantity: 2, maxQuantity: 10, offers: [{ term: 'P1Y' as const, billing: 'annual' as const, unitPrice: 100 }] }],
    };

    it('needs at least one line', () => {
      expect(validateLines([])).to.deep.equal({ lines: 'required' });
      expect(validateLines([line])).to.deep.equal({});
    });

    it('needs whole quantities of at least one', () => {
      expect(validateLines([line, { ...line, quantity: 1.5 }, { ...line, quantity: 0 }])).to.deep.equal({ 'lines.1': 'quantity', 'lines.2': 'quantity' });
    });

    it('checks offers and bounds against the catalog', () => {
      expect(validateLines([line], catalog)).to.deep.equal({});
      expect(validateLines([{ ...line, quantity: 1 }, { ...line, quantity: 11 }], catalog)).to.deep.equal({ 'lines.0': 'quantity', 'lines.1': 'quantity' });
      expect(validateLines([{ ...line, billing: 'monthly' }, { ...line, productId: 'q' }], catalog)).to.deep.equal({ 'lines.0': 'offer', 'lines.1': 'offer' });
    });
  });

  describe('countries', () => {
    it('has every assigned ISO 3166-1 alpha-2 code, each once, with a name', () => {
      expect(countries.length).to.equal(249);
      expect(new Set(countries.map((c) => c.code)).size).to.equal(249);
      for (const c of countries) expect(c.code).to.match(/^[A-Z]{2}$/);
      expect(isCountryCode('DE')).to.equal(true);
      expect(isCountryCode('UK')).to.equal(false);
      expect(isCountryCode('EU')).to.equal(false);
    });

    it('knows which countries need a state', () => {
      expect([...statesRequired].sort()).to.deep.equal(['AU', 'CA', 'US']);
    });

    it('names countries in English, or in the given language', () => {
      expect(countryName('NL')).to.equal('Netherlands');
      expect(countryName('DE', 'de')).to.equal('Deutschland');
      expect(countryName('DE', 'not a locale!')).to.equal('Germany');
      expect(countryName('ZZ')).to.equal('ZZ');
    });
  });

  it('todayIso gives the local calendar date', () => {
    expect(todayIso(new Date(2024, 1, 29, 23, 59))).to.equal('2024-02-29');
    expect(todayIso(new Date(2025, 0, 5, 0, 0))).to.equal('2025-01-05');
  });
});
