/**
 * Pure per-step validators. Each takes the step's form values (drafts: plain strings, so
 * nothing typed is ever lost to a parse) and returns a map from field name to an error
 * code. The elements turn codes into words through the string table; the state machine
 * uses the same validators to decide whether "Next" is allowed.
 *
 * The contract's zod schemas are the rules where they have them (lengths, email, date
 * format), run as their compiled checks (see api/check.ts); what the contract cannot say
 * (country list, states, postal formats, "not in the future", the prefix rule that failed) is
 * plain code here.
 */
import { check, type CheckIssue } from '../api/check.js';
import * as cartChecks from '../api/checks-cart.gen.js';
import * as checks from '../api/checks.gen.js';
import { DOMAIN_PREFIX_PATTERN } from '../api/contract-values.js';
import type { AcceptanceRequest, Catalog, CompanyDetails, Contact, DomainAvailability, OrderLineInput, TenantLookup } from '../api/schemas.js';
import { isCountryCode, statesRequired } from './countries.js';

export { emptyAgreement, emptyCompany, emptyTenant } from './empty-drafts.js';

/** Every code a validator or the state machine can report for a field. */
export type ErrorCode =
  /** Empty (or only spaces). */
  | 'required'
  | 'too-long'
  | 'email'
  /** Not a phone number: letters or symbols other than `+ ( ) - . /` and an extension. */
  | 'phone'
  /** Not an ISO 3166-1 alpha-2 code from the country list. */
  | 'country'
  | 'state-required'
  /** Does not look like a postal code of the chosen country. */
  | 'postal-code'
  /** A phone number, but not in the form the chosen country's rules give (`CountryRules.phonePattern`). */
  | 'phone-pattern'
  /** Domain prefix: a character other than A–Z, a–z, 0–9 (see `invalidPrefixChars`). */
  | 'prefix-chars'
  /** Domain prefix: longer than 27 characters. */
  | 'prefix-length'
  /** Domain prefix: no availability answer for this prefix yet. */
  | 'prefix-unchecked'
  /** Domain prefix: taken (the availability answer has suggestions). */
  | 'prefix-taken'
  /** Not a domain such as `contoso.onmicrosoft.com`. */
  | 'domain-format'
  /** Existing tenant: not looked up yet for this domain. */
  | 'tenant-unchecked'
  /** Existing tenant: no tenant has this default domain. */
  | 'tenant-not-found'
  /** Existing tenant: its registered company name differs from the company name entered. */
  | 'company-name-mismatch'
  /** Not a calendar date `YYYY-MM-DD`. */
  | 'date'
  /** No working acceptance link yet (none created, or the last one expired). */
  | 'acceptance-missing'
  /** The acceptance link was made for another company name: make a new one. */
  | 'acceptance-stale'
  /** The store requires acceptance before the order, and it has not happened yet. */
  | 'acceptance-pending'
  /** Admin access: auto-extend asked with a template that includes Global Administrator. */
  | 'auto-extend-global-admin'
  /** The agreement (`GET /agreement`) is not loaded yet. */
  | 'not-loaded'
  /** A cart line that is not a valid order line. */
  | 'line'
  /** A quantity outside the product's bounds (or not a whole number ≥ 1). */
  | 'quantity'
  /** A product, term or billing the catalog does not offer. */
  | 'offer';

/** Field name → error code; a field without an entry is valid. */
export type FieldErrors<F extends string = string> = Partial<Record<F, ErrorCode>>;

export const hasErrors = (errors: FieldErrors): boolean => Object.keys(errors).length > 0;

/** Today's local calendar date, `YYYY-MM-DD` (what the user calls "today"). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const isBlank = (value: string) => value.trim() === '';

/** `{ [key]: trimmed }`, or nothing for a blank optional field (left out, not `undefined`). */
const optional = <K extends string>(key: K, value: string): Partial<Record<K, string>> =>
  isBlank(value) ? {} : ({ [key]: value.trim() } as Record<K, string>);

/**
 * Maps zod issues to field codes through a path table; the first problem of a field wins.
 * `patternCodes` names what a failed regex means for a field (the issue itself cannot say).
 */
function issuesToErrors<F extends string>(
  issues: readonly CheckIssue[],
  paths: Readonly<Record<string, F>>,
  patternCodes: Partial<Record<F, ErrorCode>> = {},
): FieldErrors<F> {
  const errors: FieldErrors<F> = {};
  for (const issue of issues) {
    const field = paths[issue.path.join('.')];
    if (!field || errors[field]) continue;
    errors[field] = codeOf(issue, patternCodes[field]);
  }
  return errors;
}

function codeOf(issue: CheckIssue, patternCode: ErrorCode | undefined): ErrorCode {
  switch (issue.code) {
    case 'too_small':
      return 'required';
    case 'too_big':
      return 'too-long';
    case 'invalid_format':
      if (issue.format === 'email') return 'email';
      if (issue.format === 'date') return 'date';
      return patternCode ?? 'required';
    default:
      // A wrong type cannot come from a form of strings; treat it as missing.
      return 'required';
  }
}

// ---------------------------------------------------------------------------------------
// Cart

/**
 * The cart's lines: at least one, each a valid order line; with the catalog, each an offer
 * the catalog has and a quantity within the product's bounds. Keys: `lines` (empty cart)
 * and `lines.{index}`.
 */
export function validateLines(lines: readonly OrderLineInput[], catalog?: Catalog): FieldErrors {
  const errors: FieldErrors = {};
  if (lines.length === 0) errors.lines = 'required';
  lines.forEach((line, index) => {
    const key = `lines.${index}`;
    const parsed = check(cartChecks.OrderLineInput, line);
    if (!parsed.success) {
      errors[key] = parsed.issues.some((issue) => issue.path[0] === 'quantity') ? 'quantity' : 'line';
      return;
    }
    if (!catalog) return;
    const product = catalog.products.find((p) => p.id === line.productId);
    if (!product || !product.offers.some((o) => o.term === line.term && o.billing === line.billing)) {
      errors[key] = 'offer';
    } else if (line.quantity < product.minQuantity || line.quantity > product.maxQuantity) {
      errors[key] = 'quantity';
    }
  });
  return errors;
}

// ---------------------------------------------------------------------------------------
// Company (new customer)

/** The new customer's form, flat, as typed. */
export interface CompanyDraft {
  companyName: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  line1: string;
  line2: string;
  city: string;
  state: string;
  postalCode: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
}
export type CompanyField = keyof CompanyDraft;

/**
 * `CompanyDetails` paths → form fields. Also maps the backend's problem+json field errors
 * once their request prefix (e.g. `recipient.company.`) is stripped.
 */
export const companyFieldPaths: Readonly<Record<string, CompanyField>> = Object.freeze({
  companyName: 'companyName',
  'address.country': 'country',
  'address.line1': 'line1',
  'address.line2': 'line2',
  'address.city': 'city',
  'address.state': 'state',
  'address.postalCode': 'postalCode',
  'contact.firstName': 'firstName',
  'contact.lastName': 'lastName',
  'contact.email': 'email',
  'contact.phone': 'phone',
});

const requiredCompanyFields: readonly CompanyField[] = [
  'companyName',
  'country',
  'line1',
  'city',
  'postalCode',
  'firstName',
  'lastName',
  'email',
];

// Only where the format is certain; elsewhere the backend's address check decides.
const postalFormats: Readonly<Record<string, RegExp>> = {
  US: /^\d{5}(?:-\d{4})?$/,
  CA: /^[A-Za-z]\d[A-Za-z][ -]?\d[A-Za-z]\d$/,
  AU: /^\d{4}$/,
  NZ: /^\d{4}$/,
  GB: /^[A-Za-z]{1,2}\d[A-Za-z\d]? ?\d[A-Za-z]{2}$/,
  DE: /^\d{5}$/,
  FR: /^\d{5}$/,
  ES: /^\d{5}$/,
  IT: /^\d{5}$/,
  NL: /^\d{4} ?[A-Za-z]{2}$/,
  BE: /^\d{4}$/,
  CH: /^\d{4}$/,
  AT: /^\d{4}$/,
  DK: /^\d{4}$/,
  NO: /^\d{4}$/,
  SE: /^\d{3} ?\d{2}$/,
  IN: /^\d{6}$/,
  JP: /^\d{3}-?\d{4}$/,
};
const postalGeneric = /^[A-Za-z0-9][A-Za-z0-9 -]*$/;

const phonePattern = /^\+?[\d\s().\-/]*\d[\d\s().\-/]*(?:\s*(?:x|ext\.?)\s*\d+)?$/i;

/** The form's values as the contract's `CompanyDetails`, trimmed, not validated. */
export function companyCandidate(draft: CompanyDraft): CompanyDetails {
  const t = (value: string) => value.trim();
  return {
    companyName: t(draft.companyName),
    address: {
      country: t(draft.country).toUpperCase(),
      line1: t(draft.line1),
      ...optional('line2', draft.line2),
      city: t(draft.city),
      ...optional('state', draft.state),
      postalCode: t(draft.postalCode),
    },
    contact: {
      firstName: t(draft.firstName),
      lastName: t(draft.lastName),
      email: t(draft.email),
      ...optional('phone', draft.phone),
    },
  };
}

export function validateCompany(draft: CompanyDraft): FieldErrors<CompanyField> {
  const candidate = companyCandidate(draft);
  const parsed = check(checks.CompanyDetails, candidate);
  const errors: FieldErrors<CompanyField> = parsed.success ? {} : issuesToErrors(parsed.issues, companyFieldPaths, {
        country: 'country',
      });
  // An empty email is "required", not "not an email".
  for (const field of requiredCompanyFields) if (isBlank(draft[field])) errors[field] = 'required';

  const country = candidate.address.country;
  if (!errors.country && !isCountryCode(country)) errors.country = 'country';
  if (!errors.state && statesRequired.has(country) && !candidate.address.state) errors.state = 'state-required';
  if (!errors.postalCode) {
    const format = postalFormats[country] ?? postalGeneric;
    if (!format.test(candidate.address.postalCode)) errors.postalCode = 'postal-code';
  }
  if (!errors.phone && candidate.contact.phone && !phonePattern.test(candidate.contact.phone)) errors.phone = 'phone';
  return errors;
}

/** The validated `CompanyDetails`, or `undefined` while the form has errors. */
export function toCompanyDetails(draft: CompanyDraft): CompanyDetails | undefined {
  return hasErrors(validateCompany(draft)) ? undefined : companyCandidate(draft);
}

// ---------------------------------------------------------------------------------------
// Tenant

/** The tenant step's form plus the look-ups the UI made for it. */
export interface TenantDraft {
  /** "My customer is already using Microsoft 365 / Office 365". */
  hasTenant: boolean;
  /** Existing tenant's default domain, as typed. */
  domain: string;
  /** New tenant's domain prefix, as typed. */
  prefix: string;
  /** `GET /domains/{prefix}`'s answer; counts only while it is for the current prefix. */
  availability?: DomainAvailability;
  /** `GET /tenants/{domain}`'s answer; counts only while it is for the current domain. */
  lookup?: TenantLookup;
}
export type TenantField = 'prefix' | 'domain';


export const PREFIX_MAX_LENGTH = 27;

/**
 * The characters of `prefix` the rule does not allow, each once, in the order typed
 * (whole code points, so an emoji is one character), for a message that names them.
 */
export function invalidPrefixChars(prefix: string): string[] {
  const bad = Array.from(prefix).filter((char) => !/^[A-Za-z0-9]$/.test(char));
  return [...new Set(bad)];
}

/** Which rule of `^[A-Za-z0-9]{1,27}$` a prefix breaks, if any. Characters are reported before length (the more useful fix). */
export function prefixError(prefix: string): 'required' | 'prefix-chars' | 'prefix-length' | undefined {
  if (prefix === '') return 'required';
  if (invalidPrefixChars(prefix).length > 0) return 'prefix-chars';
  if (prefix.length > PREFIX_MAX_LENGTH) return 'prefix-length';
  // The contract's own pattern has the last word, should the two ever drift apart.
  return DOMAIN_PREFIX_PATTERN.test(prefix) ? undefined : 'prefix-chars';
}

/** An existing tenant's default domain, trimmed and lower-cased (domains ignore case). */
export const normalizeDomain = (domain: string): string => domain.trim().toLowerCase();

export function domainError(domain: string): 'required' | 'domain-format' | undefined {
  const value = normalizeDomain(domain);
  if (value === '') return 'required';
  return check(checks.TenantDomain, value).success ? undefined : 'domain-format';
}

/** Prefixes name DNS labels, which ignore case: `Contoso` and `contoso` are one domain. */
export const samePrefix = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** The availability answer, only if it is for the prefix now in the form. */
export const currentAvailability = (tenant: TenantDraft): DomainAvailability | undefined =>
  tenant.availability && samePrefix(tenant.availability.prefix, tenant.prefix) ? tenant.availability : undefined;

/** The tenant look-up, only if it is for the domain now in the form. */
export const currentLookup = (tenant: TenantDraft): TenantLookup | undefined =>
  tenant.lookup && normalizeDomain(tenant.lookup.domain) === normalizeDomain(tenant.domain) ? tenant.lookup : undefined;

/**
 * The tenant step. New tenant: a valid prefix known to be available. Existing tenant: a
 * domain looked up, found, and registered under exactly the company name entered (compared
 * after trimming the ends, as the name is sent trimmed).
 */
export function validateTenant(tenant: TenantDraft, companyName: string): FieldErrors<TenantField> {
  if (!tenant.hasTenant) {
    const error = prefixError(tenant.prefix);
    if (error) return { prefix: error };
    const availability = currentAvailability(tenant);
    if (!availability) return { prefix: 'prefix-unchecked' };
    return availability.available ? {} : { prefix: 'prefix-taken' };
  }
  const error = domainError(tenant.domain);
  if (error) return { domain: error };
  const lookup = currentLookup(tenant);
  if (!lookup) return { domain: 'tenant-unchecked' };
  if (!lookup.exists) return { domain: 'tenant-not-found' };
  if (lookup.companyName !== companyName.trim()) return { domain: 'company-name-mismatch' };
  return {};
}

// ---------------------------------------------------------------------------------------
// Microsoft Customer Agreement

/**
 * The agreement step: who signs, and the acceptance request made for them. The signatory is
 * the primary contact unless `someoneElse` (always for an existing customer, whose contact
 * the checkout does not know); then the fields below.
 */
export interface AgreementDraft {
  someoneElse: boolean;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  /** `POST /agreement-acceptances`'s answer, as last seen (its status followed live). */
  acceptance?: AcceptanceRequest;
}
export type AgreementField = 'firstName' | 'lastName' | 'email' | 'phone';

const signatoryFieldPaths: Readonly<Record<string, AgreementField>> = Object.freeze({
  firstName: 'firstName',
  lastName: 'lastName',
  email: 'email',
  phone: 'phone',
});

type SignatoryDraft = Pick<AgreementDraft, AgreementField>;

function signatoryCandidate(draft: SignatoryDraft): Contact {
  return { firstName: draft.firstName.trim(), lastName: draft.lastName.trim(), email: draft.email.trim(), ...optional('phone', draft.phone) };
}

/** The signatory's fields (the primary contact's rules: names 1–50, an email, an optional phone). */
export function validateSignatory(draft: SignatoryDraft): FieldErrors<AgreementField> {
  const parsed = check(checks.Contact, signatoryCandidate(draft));
  const errors: FieldErrors<AgreementField> = parsed.success ? {} : issuesToErrors(parsed.issues, signatoryFieldPaths);
  for (const field of ['firstName', 'lastName', 'email'] as const) {
    if (isBlank(draft[field])) errors[field] = 'required';
  }
  if (!errors.phone && !isBlank(draft.phone) && !phonePattern.test(draft.phone.trim())) errors.phone = 'phone';
  return errors;
}

/** Who signs: the typed signatory, or the primary contact (`contact`) unless someone else does. */
export function signatoryOf(draft: SignatoryDraft & { someoneElse?: boolean }, contact?: Partial<Contact>): Contact | undefined {
  const source: SignatoryDraft =
    draft.someoneElse || !contact
      ? draft
      : { firstName: contact.firstName ?? '', lastName: contact.lastName ?? '', email: contact.email ?? '', phone: contact.phone ?? '' };
  return hasErrors(validateSignatory(source)) ? undefined : signatoryCandidate(source);
}

/** Whether the signatory accepted (the status says so, whatever comes after). */
export const acceptanceDone = (acceptance: AcceptanceRequest | undefined): boolean =>
  acceptance?.status === 'customer-accepted' || acceptance?.status === 'agreement-created';

/**
 * What keeps the agreement step from going on, as `{ acceptance: code }`: no link yet, a link
 * for another company name, an expired link, or (where acceptance must come first) not
 * accepted yet. A pending acceptance is fine otherwise: the order waits on it.
 */
export function validateAcceptance(
  acceptance: AcceptanceRequest | undefined,
  companyName: string,
  requiredBeforeOrder: boolean,
): FieldErrors<'acceptance'> {
  if (!acceptance) return { acceptance: 'acceptance-missing' };
  if (acceptance.company && acceptance.company.name !== companyName.trim()) return { acceptance: 'acceptance-stale' };
  if (acceptanceDone(acceptance)) return {};
  if (acceptance.status !== 'link-generated') return { acceptance: 'acceptance-missing' };
  if (requiredBeforeOrder || acceptance.requiredBeforeOrder) return { acceptance: 'acceptance-pending' };
  return {};
}
