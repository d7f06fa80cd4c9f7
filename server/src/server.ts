/**
 * Starts one store instance: database and migrations, the Partner Center gateway (real, or
 * the simulator), the provisioning worker, the event listener and the HTTP server.
 * `npm run server` calls it through server/bin/server.mjs; the tests call it in-process.
 */
import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { todayUtc } from '../../src/mock/proration.js';
import type { ServerConfig } from './config.js';
import { openDb, type Db } from './db/index.js';
import { migrate } from './db/migrate.js';
import { listenForChanges } from './events.js';
import { createApp } from './http/app.js';
import { createAuthenticator } from './http/auth.js';
import { startWorker, type Worker } from './jobs/worker.js';
import { TASK_SECONDS } from './orders/plan.js';
import type { StoreContext } from './orders/place.js';
import type { PartnerCenterGateway } from './partner-center/gateway.js';
import { HttpPartnerCenter } from './partner-center/http.js';
import { credentialsVault, ephemeralKey, KEY_REQUIRED, sealPlainCredentials, wipeExpiredCredentials } from './orders/credentials.js';
import { customers as demoCustomers } from '../../src/mock/data.js';

export interface RunningServer {
  url: string;
  db: Db;
  instanceId: string;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Use this gateway instead of building one from the configuration (tests). */
  gateway?: PartnerCenterGateway;
  /** Partner Center retry settings for the built gateway (tests shorten them). */
  retry?: { timeoutMs?: number; retries?: number; backoffMs?: number };
  /** Worker timings (tests shorten them). */
  worker?: { pollMs?: number; backoffMs?: number; maxAttempts?: number };
  /** How often expired administrator credentials are wiped (tests shorten it). */
  credentialsSweepMs?: number;
  quiet?: boolean;
}

export const BASE_PATH = '/api';

export async function startServer(config: ServerConfig, options: StartOptions = {}): Promise<RunningServer> {
  const log = options.quiet ? () => {} : (message: string) => console.log(message);
  if (!config.credentialsKey && !config.open) throw new Error(KEY_REQUIRED);
  const credentials = credentialsVault(config.credentialsKey ?? ephemeralKey(), { ttlMs: config.credentialsTtlMs, ephemeral: !config.credentialsKey });
  // An empty PGlite folder keeps the database in memory (tests).
  if (!config.databaseUrl && config.pgliteDir) {
    await mkdir(config.pgliteDir, { recursive: true });
    log(`[db] opening PGlite in ${config.pgliteDir} (the first start creates the database: 10–20 s)`);
  }
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? undefined : config.pgliteDir || undefined });
  const applied = await migrate(db);
  if (applied.length) log(`[db] applied migrations: ${applied.join(', ')}`);
  await seedDemoCustomers(db, config);
  const sealed = await sealPlainCredentials(db, credentials);
  if (sealed) log(`[credentials] encrypted the administrator credentials of ${sealed} order(s) stored in plain text by an earlier version`);

  const gateway = options.gateway ?? buildGateway(config, options.retry);
  // The simulator runs faster than Partner Center: estimates and polls follow its speed.
  const scale = config.partnerCenter ? 1 : 1 / config.simulator.speed;
  let template: Promise<string> | undefined;
  const store: StoreContext = {
    db,
    gateway,
    today: () => config.today ?? todayUtc(),
    estimateScale: scale,
    agreementTemplateId: () => {
      template ??= gateway.currentAgreement().then(
        (t) => t.templateId,
        (error: unknown) => {
          template = undefined;
          throw error;
        },
      );
      return template;
    },
    basePath: BASE_PATH,
    rules: config.rules,
    credentials,
  };

  const orders = await listenForChanges(db, 'lc_orders');
  const acceptances = await listenForChanges(db, 'lc_acceptances');
  const instanceId = `${process.pid}-${crypto.randomUUID().slice(0, 8)}`;
  let worker: Worker | undefined;
  if (config.workers > 0) {
    worker = await startWorker(
      db,
      {
        db,
        gateway,
        resellers: new Map(config.resellers.map((r) => [r.id, r])),
        agreementTemplateId: store.agreementTemplateId,
        credentials,
        pollMs: (seconds) => Math.max(100, seconds * 1000 * scale),
      },
      { instanceId, concurrency: config.workers, leaseMs: config.leaseMs, ...options.worker },
    );
  }

  const auth = createAuthenticator(config.resellers, { open: config.open, jwt: config.jwt });
  const app = createApp({ store, auth, orders, acceptances });
  const server = createAdaptorServer({ fetch: app.fetch, hostname: config.host }) as Server;
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  // Keys older than their 24 hours go, now and then.
  const sweep = setInterval(() => void db.query('DELETE FROM idempotency_keys WHERE expires_at < now()').catch(() => {}), 3600_000);
  sweep.unref();
  // Snapshots stop showing expired credentials on their own; this empties the column too, now
  // (a store down for a day) and then every ten minutes, or sooner under a shorter TTL.
  let closed = false;
  const keep = { ttlMs: credentials.ttlMs, retryMs: config.credentialsRetryMs };
  const wipe = () =>
    void wipeExpiredCredentials(db, keep).catch((error: unknown) => {
      if (!closed) console.error('[credentials] wiping expired ones failed:', (error as Error).message);
    });
  await wipeExpiredCredentials(db, keep);
  const wiping = setInterval(wipe, options.credentialsSweepMs ?? Math.max(1000, Math.min(600_000, credentials.ttlMs)));
  wiping.unref();

  return {
    url: `http://${config.host}:${port}`,
    db,
    instanceId,
    async close() {
      closed = true;
      clearInterval(sweep);
      clearInterval(wiping);
      // Open event streams would hold close() forever.
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await worker?.stop();
      await orders.close();
      await acceptances.close();
      await db.close();
    },
  };
}

function buildGateway(config: ServerConfig, retry: StartOptions['retry'] = {}): PartnerCenterGateway {
  const pc = config.partnerCenter;
  if (pc) return new HttpPartnerCenter({ ...pc, ...retry });
  if (!config.simulator.url) throw new Error('No Partner Center credentials and no SIMULATOR_URL: nothing to talk to.');
  // The simulator takes any client secret: these stand in for the real credentials.
  const url = config.simulator.url;
  return new HttpPartnerCenter({ baseUrl: url, graphUrl: url, authority: url, adminCenterUrl: `${url}/admin-center`, tenantId: 'simulated-partner', clientId: 'license-checkout-store', clientSecret: 'simulator', refreshToken: 'simulator', ...retry });
}

/** The mock's customers, for resellers that start with them (the demo). */
async function seedDemoCustomers(db: Db, config: ServerConfig): Promise<void> {
  for (const reseller of config.resellers.filter((r) => r.demoCustomers)) {
    for (const [i, c] of demoCustomers.entries()) {
      await db.query(
        `INSERT INTO customers (reseller_id, id, company_name, default_domain, agreement_on_file, accepted_directly, country, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, now() - make_interval(secs => $8)) ON CONFLICT DO NOTHING`,
        [reseller.id, c.id, c.companyName, c.defaultDomain, c.agreementOnFile, c.acceptedDirectly === true, c.country ?? null, 1000 - i],
      );
    }
  }
}

export { TASK_SECONDS };
