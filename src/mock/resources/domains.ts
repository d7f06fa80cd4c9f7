/**
 * `GET /domains/{prefix}` and `GET /tenants/{domain}`: new tenants' prefixes (taken ones get
 * suggestions) and the tenants Microsoft already knows.
 */
import * as z from 'zod/mini';
import { DOMAIN_PREFIX_PATTERN, TenantDomain, type DomainAvailability, type TenantLookup } from '../../api/schemas.js';
import { json, validationProblem } from '../http.js';
import type { Route } from '../router.js';
import type { MockState } from '../state.js';

export function domainRoutes(state: MockState): Route[] {
  return [
    { path: '/domains/{prefix}', methods: { GET: ({ params }) => getDomain(state, params.prefix!) } },
    { path: '/tenants/{domain}', methods: { GET: ({ params }) => getTenant(state, params.domain!) } },
  ];
}

function prefixProblem(prefix: string): string | undefined {
  if (prefix.length === 0) return 'Enter a domain prefix: 1 to 27 letters or digits.';
  const chars = [...prefix];
  const bad = [...new Set(chars.filter((c) => !/^[A-Za-z0-9]$/.test(c)))];
  if (bad.length) {
    const shown = bad.map((c) => (c === ' ' ? 'spaces' : `“${c}”`)).join(', ');
    return `Only letters A–Z and digits 0–9 are allowed, not ${shown}.`;
  }
  if (prefix.length > 27) return `At most 27 characters are allowed; this one has ${prefix.length}.`;
  return DOMAIN_PREFIX_PATTERN.test(prefix) ? undefined : 'Only letters A–Z and digits 0–9, 1 to 27 characters.';
}

export function isPrefixTaken(state: MockState, prefix: string): boolean {
  const p = prefix.toLowerCase();
  const domain = `${p}.onmicrosoft.com`;
  return (
    p === 'contoso' ||
    p.startsWith('taken') ||
    state.takenPrefixes.has(p) ||
    state.tenants.has(domain) ||
    state.customers.some((c) => c.defaultDomain.toLowerCase() === domain)
  );
}

export function suggestionsFor(state: MockState, prefix: string): string[] {
  const base = prefix.toLowerCase();
  const suffixes = ['365', 'hq', 'inc', 'group', 'online', 'cloud'];
  const prefixes = ['my', 'team', 'the', 'go'];
  const candidates = [
    ...suffixes.map((s) => base.slice(0, 27 - s.length) + s),
    ...prefixes.map((p) => p + base.slice(0, 27 - p.length)),
    ...Array.from({ length: 20 }, (_, i) => `${base.slice(0, 25)}${i + 2}`),
  ];
  const out: string[] = [];
  for (const candidate of candidates) {
    if (out.length === 3) break;
    if (candidate !== base && !out.includes(candidate) && DOMAIN_PREFIX_PATTERN.test(candidate) && !isPrefixTaken(state, candidate)) {
      out.push(candidate);
    }
  }
  return out;
}

function getDomain(state: MockState, prefix: string): Response {
  const message = prefixProblem(prefix);
  if (message) return validationProblem([{ field: 'prefix', message }]);
  const available = !isPrefixTaken(state, prefix);
  const body: DomainAvailability = {
    prefix,
    domain: `${prefix.toLowerCase()}.onmicrosoft.com`,
    available,
    suggestions: available ? [] : suggestionsFor(state, prefix),
  };
  return json(body);
}

function getTenant(state: MockState, domain: string): Response {
  if (!z.safeParse(TenantDomain, domain).success) {
    return validationProblem([{ field: 'domain', message: 'Enter a domain such as contoso.onmicrosoft.com.' }]);
  }
  const key = domain.toLowerCase();
  const tenant = state.tenants.get(key);
  const body: TenantLookup = tenant
    ? { domain: key, exists: true, companyName: tenant.companyName, tenantId: tenant.tenantId }
    : { domain: key, exists: false };
  return json(body);
}
