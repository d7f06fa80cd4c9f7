/**
 * Who is calling: every request names its reseller with a bearer token, either one of the
 * reseller's API keys or a JWT signed by the configured identity provider (checked against
 * its JWKS, issuer and audience). In open mode (nothing configured) every caller is the demo
 * reseller. CORS answers only the origins configured for the reseller.
 */
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { JwtConfig, ResellerConfig } from '../config.js';
import { problem } from '../../../src/mock/http.js';

export interface Authenticator {
  /** The reseller the request is from, or a 401 problem. */
  authenticate(request: Request): Promise<ResellerConfig | Response>;
  /** Whether any reseller allows this origin (for preflights, which carry no credentials). */
  anyAllows(origin: string): boolean;
  allows(reseller: ResellerConfig, origin: string): boolean;
  open: boolean;
}

export function createAuthenticator(resellers: ResellerConfig[], options: { open: boolean; jwt?: JwtConfig }): Authenticator {
  const byKey = new Map<string, ResellerConfig>();
  for (const reseller of resellers) for (const key of reseller.apiKeys) byKey.set(key, reseller);
  const byId = new Map(resellers.map((r) => [r.id, r]));
  const jwks: JWTVerifyGetKey | undefined = options.jwt ? createRemoteJWKSet(new URL(options.jwt.jwksUrl)) : undefined;

  const unauthorized = (detail: string) =>
    problem({ status: 401, title: 'Not signed in', code: 'unauthorized', detail, headers: { 'www-authenticate': 'Bearer realm="license-checkout"' } });

  return {
    open: options.open,
    async authenticate(request) {
      if (options.open) return resellers[0]!;
      const header = request.headers.get('authorization') ?? '';
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) return unauthorized('Send the reseller’s token as Authorization: Bearer <token>.');
      const token = match[1]!;
      const keyed = byKey.get(token);
      if (keyed) return keyed;
      if (jwks && options.jwt && token.split('.').length === 3) {
        try {
          const { payload } = await jwtVerify(token, jwks, { issuer: options.jwt.issuer, audience: options.jwt.audience });
          const id = payload[options.jwt.resellerClaim];
          const reseller = typeof id === 'string' ? byId.get(id) : undefined;
          if (reseller) return reseller;
          return unauthorized('The token names no reseller this store knows.');
        } catch {
          return unauthorized('The token is not valid (signature, issuer, audience or expiry).');
        }
      }
      return unauthorized('The token is not valid.');
    },
    anyAllows(origin) {
      return options.open || resellers.some((r) => r.origins.includes(origin));
    },
    allows(reseller, origin) {
      return options.open || reseller.origins.includes(origin);
    },
  };
}
