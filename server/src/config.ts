/** The server's configuration, from the environment (see server/README.md for every variable). */
import * as z from 'zod/mini';
import { KEY_REQUIRED, parseCredentialsKey } from './orders/credentials.js';

export const ResellerConfig = z.object({
  /** The store's id for the reseller; orders and customers belong to it. */
  id: z.string().check(z.regex(/^[A-Za-z0-9_.-]{1,64}$/)),
  /** The reseller's company: the recipient of its internal-use orders. */
  name: z.string().check(z.minLength(1)),
  /** Its own tenant's default domain (internal-use orders are for that tenant). */
  domain: z.string().check(z.minLength(3)),
  /** Its Partner Center (MPN) id, the `associatedPartnerId` of the customers it brings. */
  partnerId: z.optional(z.string()),
  /** Bearer tokens accepted in API-key mode. */
  apiKeys: z._default(z.array(z.string().check(z.minLength(16))), []),
  /** Origins of the pages allowed to call the API from a browser (CORS). */
  origins: z._default(z.array(z.string()), []),
  /** Start with the mock's demo customers (Contoso, Adatum, …). */
  demoCustomers: z._default(z.boolean(), false),
});
export type ResellerConfig = z.infer<typeof ResellerConfig>;

export interface JwtConfig {
  /** Where the identity provider publishes its keys. */
  jwksUrl: string;
  issuer: string;
  audience?: string;
  /** The claim that names the reseller (its `id` above); `reseller` by default. */
  resellerClaim: string;
}

export interface PartnerCenterConfig {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  refreshToken?: string;
  baseUrl: string;
  graphUrl: string;
  authority: string;
  timeoutMs: number;
}

export interface ServerConfig {
  port: number;
  host: string;
  /** PostgreSQL; PGlite in `pgliteDir` when not set. */
  databaseUrl?: string;
  pgliteDir: string;
  resellers: ResellerConfig[];
  /** Open mode: no credentials configured, one demo reseller, any origin. For trying it out only. */
  open: boolean;
  jwt?: JwtConfig;
  /** Real Partner Center; the simulator when not set. */
  partnerCenter?: PartnerCenterConfig;
  simulator: { url?: string; speed: number; port: number };
  /** Parallel tasks per instance; 0 runs no worker (an API-only instance). */
  workers: number;
  /** How long a claimed task stays this instance's without a heartbeat. */
  leaseMs: number;
  /** The store's "today" (YYYY-MM-DD), for tests; the real date when not set. */
  today?: string;
  /** The store's rules about the agreement and admin access. */
  rules: StoreRules;
  /**
   * `CREDENTIALS_KEY`: the AES-256 key (32 bytes, base64 or hex in the variable) that encrypts
   * new tenants' administrator credentials in the database. Required unless in open mode, where
   * a random key per process stands in (the credentials then do not survive a restart).
   */
  credentialsKey?: Uint8Array;
  /** `CREDENTIALS_TTL_HOURS` (24): how long after its order completed an administrator's credentials are kept. */
  credentialsTtlMs: number;
  /**
   * `CREDENTIALS_RETRY_DAYS` (30): how long a failed order that created its tenant keeps the
   * administrator's credentials for a retry on that tenant (which shows them when it completes).
   */
  credentialsRetryMs: number;
}

export interface StoreRules {
  /** No order before the customer accepted the Microsoft Customer Agreement. */
  acceptanceBeforeOrder: boolean;
  /** Resellers may opt a new tenant out of the default GDAP roles. */
  defaultRolesOptOut: boolean;
}

export const DEMO_RESELLER: ResellerConfig = {
  id: 'demo',
  name: 'Northwind IT',
  domain: 'northwindit.onmicrosoft.com',
  partnerId: '8f2d5c1a-93b7-4e06-a1d4-7c5e9b3f0a28',
  apiKeys: [],
  origins: [],
  demoCustomers: true,
};

function number(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, not “${raw}”.`);
  return value;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  let resellers: ResellerConfig[] = [];
  if (env.RESELLERS) {
    let raw: unknown;
    try {
      raw = JSON.parse(env.RESELLERS);
    } catch {
      throw new Error('RESELLERS must be a JSON array of resellers (see server/README.md).');
    }
    const parsed = z.safeParse(z.array(ResellerConfig), raw);
    if (!parsed.success) {
      const where = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.code}`).join('; ');
      throw new Error(`RESELLERS is not valid: ${where}`);
    }
    resellers = parsed.data;
  }
  const jwt: JwtConfig | undefined = env.AUTH_JWKS_URL
    ? { jwksUrl: env.AUTH_JWKS_URL, issuer: env.AUTH_ISSUER ?? '', audience: env.AUTH_AUDIENCE || undefined, resellerClaim: env.AUTH_RESELLER_CLAIM || 'reseller' }
    : undefined;
  if (jwt && !jwt.issuer) throw new Error('AUTH_ISSUER is required with AUTH_JWKS_URL.');
  const open = resellers.length === 0 && !jwt;
  const pc = env.PARTNER_CENTER_CLIENT_ID
    ? {
        tenantId: env.PARTNER_CENTER_TENANT_ID ?? '',
        clientId: env.PARTNER_CENTER_CLIENT_ID,
        clientSecret: env.PARTNER_CENTER_CLIENT_SECRET ?? '',
        refreshToken: env.PARTNER_CENTER_REFRESH_TOKEN || undefined,
        baseUrl: env.PARTNER_CENTER_URL || 'https://api.partnercenter.microsoft.com',
        graphUrl: env.GRAPH_URL || 'https://graph.microsoft.com',
        authority: env.ENTRA_AUTHORITY || 'https://login.microsoftonline.com',
        timeoutMs: number(env, 'PARTNER_CENTER_TIMEOUT_MS', 30_000),
      }
    : undefined;
  if (pc && (!pc.tenantId || !pc.clientSecret)) throw new Error('PARTNER_CENTER_TENANT_ID and PARTNER_CENTER_CLIENT_SECRET are required with PARTNER_CENTER_CLIENT_ID.');
  const credentialsKey = env.CREDENTIALS_KEY ? parseCredentialsKey(env.CREDENTIALS_KEY) : undefined;
  // A configured store must neither lose the passwords at a restart nor keep them readable.
  if (!credentialsKey && !open) throw new Error(KEY_REQUIRED);
  return {
    port: number(env, 'PORT', 8788),
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    pgliteDir: env.PGLITE_DIR || 'server/.data/pglite',
    resellers: open ? [DEMO_RESELLER] : resellers,
    open,
    jwt,
    partnerCenter: pc,
    simulator: { url: env.SIMULATOR_URL || undefined, speed: number(env, 'SIMULATOR_SPEED', 1) || 1, port: number(env, 'SIMULATOR_PORT', 8790) },
    workers: number(env, 'WORKERS', 4),
    leaseMs: number(env, 'TASK_LEASE_MS', 30_000) || 30_000,
    today: env.STORE_TODAY || undefined,
    rules: {
      acceptanceBeforeOrder: env.ACCEPTANCE_BEFORE_ORDER === 'true',
      defaultRolesOptOut: env.DEFAULT_ROLES_OPT_OUT !== 'false',
    },
    credentialsKey,
    credentialsTtlMs: number(env, 'CREDENTIALS_TTL_HOURS', 24) * 3600_000,
    credentialsRetryMs: number(env, 'CREDENTIALS_RETRY_DAYS', 30) * 24 * 3600_000,
  };
}
