/**
 * What the server's tests share: a simulator, a store started in-process on a fresh PGlite
 * (copied from a migrated template, since PGlite's initdb takes seconds) or on a fresh
 * database of a real PostgreSQL, a store started as a child process, and HTTP helpers.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import * as z from 'zod/mini';
import type { Order } from '../../src/api/schemas.js';
import { createEventStreamParser } from '../../src/api/sse.js';
import { DEMO_RESELLER, type ResellerConfig, type ServerConfig } from '../src/config.js';
import { openDb } from '../src/db/index.js';
import { migrate, migrations } from '../src/db/migrate.js';
import { startServer, type RunningServer, type StartOptions } from '../src/server.js';
import { startSimulator, type Simulator } from '../simulator/index.js';

/** The bundled tests run from server/.build/test/. */
export const BUILD_DIR = new URL('..', import.meta.url).pathname;

export { startSimulator, type Simulator };

const TEMPLATE = join(tmpdir(), `lc-pglite-template-${createHash('sha256').update(migrations.map((m) => m.sql).join('\n')).digest('hex').slice(0, 12)}`);

/** A new PGlite data folder with the migrations applied. */
export async function freshPgliteDir(): Promise<string> {
  const exists = await stat(join(TEMPLATE, 'PG_VERSION')).then(
    () => true,
    () => false,
  );
  if (!exists) {
    const building = `${TEMPLATE}-${process.pid}`;
    const db = await openDb({ dataDir: building });
    await migrate(db);
    await db.close();
    await cp(building, TEMPLATE, { recursive: true }).catch(() => {});
    await rm(building, { recursive: true, force: true });
  }
  const dir = await mkdtemp(join(tmpdir(), 'lc-pglite-'));
  await cp(TEMPLATE, dir, { recursive: true });
  return dir;
}

/** The PostgreSQL server the tests may use, or undefined (then PostgreSQL tests skip, except in CI). */
export const POSTGRES_URL = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;

/** Skips a PostgreSQL-only test when no server is configured; in CI a missing one is a failure. */
export function postgresOrSkip(): string | false {
  if (POSTGRES_URL) return POSTGRES_URL;
  if (process.env.CI === 'true') throw new Error('CI=true but neither TEST_DATABASE_URL nor DATABASE_URL is set: the PostgreSQL tests are required in CI.');
  return false;
}
export const SKIP_POSTGRES = POSTGRES_URL || process.env.CI === 'true' ? false : 'no PostgreSQL: set TEST_DATABASE_URL to run this test against a real server';

/** A new, empty database on the test PostgreSQL server; dropped by `drop()`. */
export async function freshPostgres(): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = postgresOrSkip();
  if (!admin) throw new Error('no PostgreSQL');
  const name = `lc_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    async drop() {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Whether in-process stores run on the test PostgreSQL (the CI's second pass) instead of PGlite. */
export const STORES_ON_POSTGRES = process.env.TEST_STORES_ON_POSTGRES === '1';

/** A fresh database for a store: a PGlite folder, or a PostgreSQL database in the PostgreSQL pass. */
export async function freshDatabase(): Promise<{ dataDir?: string; databaseUrl?: string; drop(): Promise<void> }> {
  if (STORES_ON_POSTGRES) {
    const database = await freshPostgres();
    return { databaseUrl: database.url, drop: database.drop };
  }
  const dataDir = await freshPgliteDir();
  return { dataDir, drop: () => rm(dataDir, { recursive: true, force: true }) };
}

/** The credentials key stores get in the tests, in-process and as child processes, unless a test says otherwise. */
export const TEST_CREDENTIALS_KEY = 'bGljZW5zZS1jaGVja291dDogdGhlIHRlc3RzIGtleS4=';

export interface StoreOptions extends StartOptions {
  simulator: Simulator;
  dataDir?: string;
  databaseUrl?: string;
  resellers?: ResellerConfig[];
  jwt?: ServerConfig['jwt'];
  today?: string;
  rules?: Partial<ServerConfig['rules']>;
  workers?: number;
  leaseMs?: number;
  speed?: number;
  /** Raw key; leave the property out for the tests' key, set it to undefined for none (open mode's per-process key). */
  credentialsKey?: Uint8Array;
  credentialsTtlMs?: number;
  credentialsRetryMs?: number;
}

export function storeConfig(options: Omit<StoreOptions, 'simulator'> & { simulatorUrl: string }): ServerConfig {
  const open = !options.resellers && !options.jwt;
  return {
    port: 0,
    host: '127.0.0.1',
    databaseUrl: options.databaseUrl,
    pgliteDir: options.dataDir ?? '',
    resellers: options.resellers ?? [DEMO_RESELLER],
    open,
    jwt: options.jwt,
    simulator: { url: options.simulatorUrl, speed: options.speed ?? 100, port: 0 },
    workers: options.workers ?? 2,
    leaseMs: options.leaseMs ?? 5000,
    today: options.today,
    rules: { acceptanceBeforeOrder: false, defaultRolesOptOut: true, ...options.rules },
    credentialsKey: 'credentialsKey' in options ? options.credentialsKey : Buffer.from(TEST_CREDENTIALS_KEY, 'base64'),
    credentialsTtlMs: options.credentialsTtlMs ?? 24 * 3600_000,
    credentialsRetryMs: options.credentialsRetryMs ?? 30 * 24 * 3600_000,
  };
}

/** A store in this process. Without a database given it gets a fresh one of its own, dropped on close. */
export async function startStore(options: StoreOptions): Promise<RunningServer & { baseUrl: string }> {
  const own = options.databaseUrl || options.dataDir ? undefined : await freshDatabase();
  const databaseUrl = options.databaseUrl ?? own?.databaseUrl;
  const dataDir = databaseUrl ? undefined : (options.dataDir ?? own?.dataDir);
  const server = await startServer(storeConfig({ ...options, databaseUrl, dataDir, simulatorUrl: options.simulator.url }), {
    quiet: true,
    retry: { timeoutMs: 2000, retries: 3, backoffMs: 20, ...options.retry },
    worker: { pollMs: 200, backoffMs: 50, ...options.worker },
    gateway: options.gateway,
    credentialsSweepMs: options.credentialsSweepMs,
  });
  return {
    ...server,
    baseUrl: `${server.url}/api`,
    async close() {
      await server.close();
      await own?.drop();
    },
  };
}

export interface ChildStore {
  baseUrl: string;
  child: ChildProcess;
  output(): string;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
}

/**
 * A store as its own process (server/.build/main.mjs), for kill -9 and two-instance tests. All
 * of them share the tests' credentials key, as the instances of one deployment do.
 */
export async function spawnStore(env: Record<string, string>): Promise<ChildStore> {
  const child = spawn(process.execPath, [join(BUILD_DIR, 'main.mjs')], {
    env: { ...process.env, PORT: '0', WORKERS: '2', CREDENTIALS_KEY: TEST_CREDENTIALS_KEY, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const until = Date.now() + 60_000;
  for (;;) {
    const match = /store API at (http:\/\/\S+\/api)/.exec(output);
    if (match) return { baseUrl: match[1]!, child, output: () => output, exited };
    if (child.exitCode !== null || Date.now() > until) throw new Error(`The store process did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export type Answer = { status: number; headers: Headers; body: any };

export async function call(baseUrl: string, path: string, init: RequestInit & { json?: unknown; key?: string; token?: string } = {}): Promise<Answer> {
  const { key, token, ...rest } = init;
  let { json } = init;
  const body = json as { agreementAcceptanceId?: unknown; recipient?: { company?: { companyName?: string } } } | undefined;
  if (path === '/orders' && body?.agreementAcceptanceId === ACCEPTED) {
    // A company without a name can have no acceptance request: sent without one.
    const name = body.recipient?.company?.companyName?.trim();
    const { agreementAcceptanceId: _, ...rest } = body;
    json = name ? { ...body, agreementAcceptanceId: await acceptedAgreementId(baseUrl, name, token) } : rest;
  }
  const headers = new Headers(rest.headers);
  if (json !== undefined) headers.set('content-type', 'application/json');
  if (key !== undefined) headers.set('idempotency-key', key);
  if (token !== undefined) headers.set('authorization', `Bearer ${token}`);
  const response = await fetch(baseUrl + path, { ...rest, headers, ...(json !== undefined ? { body: JSON.stringify(json) } : {}) });
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return { status: response.status, headers: response.headers, body: type.includes('json') && text ? JSON.parse(text) : text };
}

export function parse<S extends z.ZodMiniType>(schema: S, value: unknown): z.infer<S> {
  const result = z.safeParse(schema, value);
  if (!result.success) assert.fail(`does not match the schema: ${JSON.stringify(result.error.issues)}\n${JSON.stringify(value)}`);
  return result.data as z.infer<S>;
}

/** Polls GET /orders/{id} until `done` holds. */
export async function pollOrder(baseUrl: string, id: string, done: (order: Order) => boolean, options: { token?: string; timeoutMs?: number } = {}): Promise<Order> {
  const until = Date.now() + (options.timeoutMs ?? 20_000);
  let last: unknown;
  for (;;) {
    const answer = await call(baseUrl, `/orders/${id}`, { token: options.token });
    if (answer.status === 200) {
      last = answer.body;
      if (done(answer.body as Order)) return answer.body as Order;
    }
    if (Date.now() > until) assert.fail(`the order never reached the expected state: ${JSON.stringify(last ?? answer.body)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Reads a server-sent event stream to its end, or until `stop` says so, with the widget's own
 * parser: what the tests see is what the checkout would.
 */
export async function readEvents(response: Response, stop: (events: Array<{ event: string; data: string }>) => boolean = () => false) {
  const events: Array<{ event: string; data: string }> = [];
  const parser = createEventStreamParser((e) => events.push({ event: e.type, data: e.data }));
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parser.push(value);
    if (stop(events)) {
      await reader.cancel();
      break;
    }
  }
  return events;
}

// ---------------------------------------------------------------------------------------
// Orders the tests place

export const E3 = 'cfq7ttc0lfld-0001';
export const BASIC = 'cfq7ttc0lh18-0001';
export const AGREEMENT_TEMPLATE = '117a15a0-5a13-4e8d-b9c6-3b1c6c0e5b2f';

/** The partner attestation Microsoft retired in January 2026 (`agreement` on an order): refused. */
export const acceptance = { templateId: AGREEMENT_TEMPLATE, firstName: 'Dana', lastName: 'Whitfield', email: 'dana@northwindtraders.com', dateAccepted: '2026-01-05' };

/**
 * Stands for "an acceptance request for this new customer, accepted on Microsoft's page":
 * `call()` makes and accepts one (with the same token) just before it posts the order, so a
 * test about something else needs no round trips of its own.
 */
export const ACCEPTED = 'accepted-on-sending';

/** An acceptance request for `companyName`, accepted on Microsoft's (simulated) page: its id. */
export async function acceptedAgreementId(baseUrl: string, companyName: string, token?: string): Promise<string> {
  const created = await call(baseUrl, '/agreement-acceptances', {
    method: 'POST',
    json: { signatory: { firstName: 'Dana', lastName: 'Whitfield', email: 'dana@northwindtraders.com' }, company: { name: companyName, country: 'US', language: 'en' } },
    ...(token !== undefined ? { token } : {}),
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  await fetch(created.body.url, { method: 'POST', body: new URLSearchParams({ decision: 'accept' }) });
  return created.body.id;
}

export function newCompany(companyName: string, postalCode = '98101') {
  return {
    companyName,
    address: { country: 'US', line1: '1 Microsoft Way', city: 'Redmond', state: 'WA', postalCode },
    contact: { firstName: 'Dana', lastName: 'Whitfield', email: 'dana@northwindtraders.com' },
  };
}

export function newTenantOrder(companyName: string, prefix: string) {
  return {
    lines: [
      { productId: E3, term: 'P1Y', billing: 'monthly', quantity: 25 },
      { productId: BASIC, term: 'P1M', billing: 'monthly', quantity: 3 },
    ],
    recipient: { kind: 'new', company: newCompany(companyName), tenant: { kind: 'new', prefix } },
    agreementAcceptanceId: ACCEPTED as string | undefined,
  };
}

let keys = 0;
export function nextKey(): string {
  return `key-${process.pid}-${Date.now()}-${keys++}`;
}

/** A unique domain prefix per test run, so orders never collide with another test's tenant. */
export function uniquePrefix(base: string): string {
  return `${base}${Math.random().toString(36).slice(2, 8)}`.replace(/[^a-z0-9]/g, '').slice(0, 27);
}
