/**
 * Domain prefixes of new tenants: the rule, availability (Partner Center, plus the prefixes
 * that orders of this store hold while their tenant is being created) and suggestions.
 */
import { DOMAIN_PREFIX_PATTERN } from '../../src/api/schemas.js';
import type { StoreContext } from './orders/place.js';

/** Why a prefix breaks Partner Center's rule, in words; undefined when it is fine. */
export function prefixRuleBroken(prefix: string): string | undefined {
  if (DOMAIN_PREFIX_PATTERN.test(prefix)) return undefined;
  if (!prefix) return 'Enter a domain prefix of 1 to 27 letters or digits.';
  const wrong = [...new Set([...prefix].filter((c) => !/[A-Za-z0-9]/.test(c)))];
  if (wrong.length) return `Use letters A–Z and digits 0–9 only, not ${wrong.map((c) => (c === ' ' ? 'spaces' : `“${c}”`)).join(', ')}.`;
  return `Use at most 27 characters, not ${[...prefix].length}.`;
}

export async function prefixTaken(ctx: Pick<StoreContext, 'db' | 'gateway'>, prefix: string): Promise<boolean> {
  const domain = `${prefix.toLowerCase()}.onmicrosoft.com`;
  const held = await ctx.db.query('SELECT 1 FROM domain_holds WHERE domain = $1', [domain]);
  return held.length > 0 || (await ctx.gateway.domainExists(domain));
}

/** Up to three available prefixes close to a taken one. */
export async function suggestPrefixes(ctx: Pick<StoreContext, 'db' | 'gateway'>, prefix: string): Promise<string[]> {
  const base = prefix.toLowerCase();
  const fit = (head: string, tail: string) => head.slice(0, 27 - tail.length) + tail;
  const candidates = [
    ...['online', 'hq', '365', 'group', 'cloud'].map((tail) => fit(base, tail)),
    ...['the', 'go', 'my'].map((head) => (head + base).slice(0, 27)),
    ...[2, 3, 4, 5, 6, 7].map((n) => fit(base, String(n))),
  ].filter((c, i, all) => c !== base && all.indexOf(c) === i && DOMAIN_PREFIX_PATTERN.test(c));
  const found: string[] = [];
  // Checked a few at a time: a taken prefix's neighbours are often taken too.
  for (let i = 0; i < candidates.length && found.length < 3; i += 4) {
    const batch = candidates.slice(i, i + 4);
    const taken = await Promise.all(batch.map((c) => prefixTaken(ctx, c)));
    batch.forEach((c, j) => {
      if (!taken[j] && found.length < 3) found.push(c);
    });
  }
  return found;
}
