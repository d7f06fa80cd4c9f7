/**
 * A new tenant's administrator password: encrypted in the database, shown on the completed
 * order, gone a set time after it completed; a value that does not open is left out, never a
 * 500; a configured store does not start without its key.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { after, before, describe, it, mock } from 'node:test';
import { Order } from '../../src/api/schemas.js';
import { configFromEnv } from '../src/config.js';
import { credentialsVault, parseCredentialsKey } from '../src/orders/credentials.js';
import { startServer } from '../src/server.js';
import {
  BASIC,
  call,
  freshDatabase,
  freshPgliteDir,
  newTenantOrder,
  nextKey,
  parse,
  pollOrder,
  readEvents,
  spawnStore,
  startSimulator,
  startStore,
  storeConfig,
  TEST_CREDENTIALS_KEY,
  uniquePrefix,
  type Simulator,
  type StoreOptions,
} from './helpers.js';

let simulator: Simulator;
before(async () => {
  simulator = await startSimulator({ speed: 200 });
});
after(() => simulator.close());

const DAY = 24 * 3600_000;
const RESELLERS = JSON.stringify([{ id: 'northwind', name: 'Northwind IT', domain: 'northwindit.onmicrosoft.com', apiKeys: ['nw-0123456789abcdef0123'] }]);

type Store = Awaited<ReturnType<typeof startStore>>;

/** Runs `work` on a store started for it, closed afterwards whatever happens. */
async function withStore<T>(options: Omit<StoreOptions, 'simulator'>, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await startStore({ simulator, ...options });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** Runs `work` with a database that several stores open one after the other. */
async function withDatabase(work: (database: { dataDir?: string; databaseUrl?: string }) => Promise<void>): Promise<void> {
  const { drop, ...database } = await freshDatabase();
  try {
    await work(database);
  } finally {
    await drop();
  }
}

async function placeAndFinish(store: Store, body: unknown): Promise<Order> {
  const placed = await call(store.baseUrl, '/orders', { method: 'POST', json: body, key: nextKey() });
  assert.equal(placed.status, 201, JSON.stringify(placed.body));
  return parse(Order, await pollOrder(store.baseUrl, placed.body.id, (o) => o.status === 'completed' || o.status === 'failed'));
}

async function completedNewTenant(store: Store, company: string): Promise<Order> {
  const done = await placeAndFinish(store, newTenantOrder(company, uniquePrefix('cred')));
  assert.equal(done.status, 'completed', JSON.stringify(done));
  return done;
}

/** What the orders row holds, as text: what a database dump shows. */
async function column(store: Store, orderId: string): Promise<string | null> {
  const [row] = await store.db.query<{ credentials: string | null }>('SELECT credentials::text AS credentials FROM orders WHERE id = $1', [orderId]);
  assert.ok(row, `no order ${orderId}`);
  return row.credentials;
}

async function snapshot(store: Store, orderId: string): Promise<Record<string, unknown>> {
  const answer = await call(store.baseUrl, `/orders/${orderId}`);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return parse(Order, answer.body) && answer.body;
}

/** Collects console.warn lines while `work` runs. */
async function warnings(work: () => Promise<void>): Promise<string[]> {
  const lines: string[] = [];
  const warn = mock.method(console, 'warn', (...args: unknown[]) => void lines.push(args.join(' ')));
  try {
    await work();
  } finally {
    warn.mock.restore();
  }
  return lines;
}

describe('new tenants’ administrator credentials', () => {
  it('are stored encrypted: the row holds neither password nor user name, and the completed order shows both', () =>
    withStore({}, async (store) => {
      const done = await completedNewTenant(store, 'Sealed Ltd');
      const { userName, temporaryPassword } = done.credentials!;
      assert.match(userName, /^admin@cred[a-z0-9]+\.onmicrosoft\.com$/);
      assert.ok(temporaryPassword.length >= 8);
      const stored = await column(store, done.id);
      assert.ok(stored);
      assert.ok(!stored.includes(temporaryPassword), stored);
      assert.ok(!stored.includes(userName), stored);
      assert.equal(JSON.parse(stored).alg, 'A256GCM');
      // The event stream shows the same snapshot.
      const events = await readEvents(await fetch(`${store.baseUrl}/orders/${done.id}/events`));
      assert.deepEqual(JSON.parse(events.at(-1)!.data).credentials, { userName, temporaryPassword });
    }));

  it('do not open in another order’s row, nor when changed: left out of that snapshot, logged once, never an error', () =>
    withStore({}, async (store) => {
      const source = await completedNewTenant(store, 'Copied From Ltd');
      const other = await placeAndFinish(store, { lines: [{ productId: BASIC, term: 'P1M', billing: 'monthly', quantity: 1 }], recipient: { kind: 'internal' } });
      assert.equal(other.status, 'completed');
      assert.equal(other.credentials, undefined);
      await store.db.query('UPDATE orders SET credentials = (SELECT credentials FROM orders WHERE id = $1) WHERE id = $2', [source.id, other.id]);
      const lines = await warnings(async () => {
        for (let i = 0; i < 3; i++) assert.equal('credentials' in (await snapshot(store, other.id)), false);
      });
      assert.equal(lines.filter((l) => l.includes(other.id)).length, 1, lines.join('\n'));
      // The source still opens where it belongs.
      assert.deepEqual((await snapshot(store, source.id)).credentials, source.credentials);

      // One bit of the ciphertext changed.
      const sealed = JSON.parse((await column(store, source.id))!);
      const data = Buffer.from(sealed.data, 'base64');
      data[0]! ^= 1;
      await store.db.query('UPDATE orders SET credentials = $2 WHERE id = $1', [source.id, JSON.stringify({ ...sealed, data: data.toString('base64') })]);
      const tampered = await warnings(async () => {
        assert.equal('credentials' in (await snapshot(store, source.id)), false);
        assert.equal('credentials' in (await snapshot(store, source.id)), false);
      });
      assert.equal(tampered.filter((l) => l.includes(source.id)).length, 1, tampered.join('\n'));
    }));

  it('are left out by a store with another key, logged once, and still open with the right key', () =>
    withDatabase(async (database) => {
      const done = await withStore(database, (store) => completedNewTenant(store, 'Rotated Key Ltd'));
      await withStore({ ...database, workers: 0, credentialsKey: randomBytes(32) }, async (store) => {
        const lines = await warnings(async () => {
          for (let i = 0; i < 3; i++) assert.equal('credentials' in (await snapshot(store, done.id)), false);
          const events = await readEvents(await fetch(`${store.baseUrl}/orders/${done.id}/events`));
          assert.equal(JSON.parse(events.at(-1)!.data).status, 'completed');
        });
        const about = lines.filter((l) => l.includes(done.id));
        assert.equal(about.length, 1, lines.join('\n'));
        assert.match(about[0]!, /another CREDENTIALS_KEY/);
        assert.ok(!about[0]!.includes(done.credentials!.temporaryPassword));
      });
      await withStore({ ...database, workers: 0 }, async (store) => {
        assert.deepEqual((await snapshot(store, done.id)).credentials, done.credentials);
      });
    }));

  it('are wiped the configured time after the order completed: the snapshot says nothing of them, the column is emptied', () =>
    withDatabase(async (database) => {
      // As if the order had completed 61 seconds ago.
      const backdate = (store: Store, orderId: string) => store.db.query(`UPDATE tasks SET finished_at = finished_at - interval '61 seconds' WHERE order_id = $1`, [orderId]);
      // The snapshot alone: this store's sweep does not run again within the test.
      const first = await withStore({ ...database, credentialsTtlMs: 60_000, credentialsSweepMs: 600_000 }, async (store) => {
        const done = await completedNewTenant(store, 'Bygone Ltd');
        assert.deepEqual((await snapshot(store, done.id)).credentials, done.credentials);
        await backdate(store, done.id);
        assert.equal('credentials' in (await snapshot(store, done.id)), false);
        assert.ok(await column(store, done.id), 'hidden by the snapshot before any sweep');
        return done;
      });
      // The sweep: at start-up, then every 100 ms here.
      await withStore({ ...database, credentialsTtlMs: 60_000, credentialsSweepMs: 100 }, async (store) => {
        assert.equal(await column(store, first.id), null);
        const second = await completedNewTenant(store, 'Wiped Ltd');
        // Several sweeps later, within the minute: still there.
        await new Promise((r) => setTimeout(r, 500));
        assert.ok(await column(store, second.id));
        assert.deepEqual((await snapshot(store, second.id)).credentials, second.credentials);
        await backdate(store, second.id);
        const until = Date.now() + 10_000;
        while ((await column(store, second.id)) !== null) {
          assert.ok(Date.now() < until, 'the sweep never emptied the column');
          await new Promise((r) => setTimeout(r, 50));
        }
        const after = await snapshot(store, second.id);
        assert.equal(after.status, 'completed');
        assert.equal('credentials' in after, false);
      });
    }));

  it('are kept 24 hours unless CREDENTIALS_TTL_HOURS says otherwise', () => {
    assert.equal(configFromEnv({}).credentialsTtlMs, DAY);
    assert.equal(configFromEnv({ CREDENTIALS_TTL_HOURS: '0.5' }).credentialsTtlMs, 1_800_000);
    assert.throws(() => configFromEnv({ CREDENTIALS_TTL_HOURS: 'a day' }), /CREDENTIALS_TTL_HOURS/);
  });

  it('are still read from rows written in plain text before encryption, and encrypted at the next start', () =>
    withDatabase(async (database) => {
      const legacy = await withStore(database, async (store) => {
        const done = await completedNewTenant(store, 'Legacy Row Ltd');
        const plain = { userName: done.credentials!.userName, temporaryPassword: 'Plain-Old-Password-1' };
        await store.db.query('UPDATE orders SET credentials = $2 WHERE id = $1', [done.id, JSON.stringify(plain)]);
        assert.deepEqual((await snapshot(store, done.id)).credentials, plain);
        return { id: done.id, plain };
      });
      await withStore({ ...database, workers: 0 }, async (store) => {
        const stored = await column(store, legacy.id);
        assert.ok(stored && !stored.includes('Plain-Old-Password-1'), stored ?? 'null');
        assert.deepEqual((await snapshot(store, legacy.id)).credentials, legacy.plain);
      });
    }));

  it('move, encrypted again, from a failed order to its retry on the same tenant', () =>
    withStore({}, async (store) => {
      const company = `Fail Moved ${uniquePrefix('')}`;
      const prefix = uniquePrefix('failmoved');
      const failed = await placeAndFinish(store, newTenantOrder(company, prefix));
      assert.equal(failed.status, 'failed');
      const vault = credentialsVault(parseCredentialsKey(TEST_CREDENTIALS_KEY), { ttlMs: DAY });
      const created = vault.open(failed.id, JSON.parse((await column(store, failed.id))!));
      assert.equal(created?.userName, `admin@${prefix}.onmicrosoft.com`);

      const retry = await placeAndFinish(store, newTenantOrder(company, prefix));
      assert.equal(retry.status, 'completed', JSON.stringify(retry));
      assert.deepEqual(retry.credentials, created);
      assert.equal(await column(store, failed.id), null);
      const moved = await column(store, retry.id);
      assert.ok(moved && !moved.includes(created!.temporaryPassword));
      // Sealed for the retry's id: under the failed order's id it does not open.
      const lines = await warnings(async () => assert.equal(vault.open(failed.id, JSON.parse(moved)), undefined));
      assert.equal(lines.length, 1);
    }));

  it('of a failed order are kept for a retry on its tenant CREDENTIALS_RETRY_DAYS (30) after the failure, then wiped; a later retry completes without them', () =>
    withStore({ credentialsRetryMs: 60_000, credentialsSweepMs: 100 }, async (store) => {
      const company = `Fail Forgotten ${uniquePrefix('')}`;
      const prefix = uniquePrefix('failexp');
      const failed = await placeAndFinish(store, newTenantOrder(company, prefix));
      assert.equal(failed.status, 'failed');
      // Several sweeps within the minute: still there, for a retry.
      await new Promise((r) => setTimeout(r, 500));
      assert.ok(await column(store, failed.id), 'wiped before its retry window ended');
      // As if it had failed 61 seconds ago.
      await store.db.query(`UPDATE tasks SET finished_at = coalesce(finished_at, now()) - interval '61 seconds' WHERE order_id = $1`, [failed.id]);
      await store.db.query(`UPDATE orders SET updated_at = updated_at - interval '61 seconds' WHERE id = $1`, [failed.id]);
      const until = Date.now() + 10_000;
      while ((await column(store, failed.id)) !== null) {
        assert.ok(Date.now() < until, 'the sweep never emptied the failed order\'s column');
        await new Promise((r) => setTimeout(r, 50));
      }
      // The retry still takes over the tenant; there is nothing left to show.
      const retry = await placeAndFinish(store, newTenantOrder(company, prefix));
      assert.equal(retry.status, 'completed', JSON.stringify(retry));
      assert.equal('credentials' in retry, false);
      assert.equal(await column(store, retry.id), null);
    }));

  it('of a failed order are kept 30 days unless CREDENTIALS_RETRY_DAYS says otherwise', () => {
    assert.equal(configFromEnv({}).credentialsRetryMs, 30 * DAY);
    assert.equal(configFromEnv({ CREDENTIALS_RETRY_DAYS: '7' }).credentialsRetryMs, 7 * DAY);
    assert.throws(() => configFromEnv({ CREDENTIALS_RETRY_DAYS: 'a month' }), /CREDENTIALS_RETRY_DAYS/);
  });

  it('get a fresh IV for every value', () => {
    const vault = credentialsVault(randomBytes(32), { ttlMs: DAY });
    const value = { userName: 'admin@x.onmicrosoft.com', temporaryPassword: 'Same-Password-1' };
    const a = vault.seal('ord_1', value);
    const b = vault.seal('ord_1', value);
    assert.notEqual(a.iv, b.iv);
    assert.notEqual(a.data, b.data);
    assert.deepEqual(vault.open('ord_1', a), value);
    assert.deepEqual(vault.open('ord_1', b), value);
  });
});

describe('the credentials key', () => {
  it('is required when resellers or JWT are configured: the store refuses to start, saying why', async () => {
    assert.throws(() => configFromEnv({ RESELLERS }), /CREDENTIALS_KEY is required when RESELLERS or AUTH_JWKS_URL is configured/);
    assert.throws(() => configFromEnv({ AUTH_JWKS_URL: 'https://login.example/keys', AUTH_ISSUER: 'https://login.example/' }), /CREDENTIALS_KEY is required/);
    const resellers = JSON.parse(RESELLERS);
    await assert.rejects(startServer(storeConfig({ resellers, simulatorUrl: simulator.url, credentialsKey: undefined }), { quiet: true }), /CREDENTIALS_KEY is required/);
    // The process: a sentence and exit code 1, before it opens anything.
    await assert.rejects(spawnStore({ RESELLERS, CREDENTIALS_KEY: '', SIMULATOR_URL: simulator.url }), (error: Error) => {
      assert.match(error.message, /The store did not start: CREDENTIALS_KEY is required/);
      assert.doesNotMatch(error.message, /at configFromEnv|\.mjs:\d+/);
      return true;
    });
  });

  it('is 32 bytes, as hex or base64', () => {
    const key = randomBytes(32);
    assert.deepEqual(configFromEnv({ RESELLERS, CREDENTIALS_KEY: key.toString('hex') }).credentialsKey, key);
    assert.deepEqual(configFromEnv({ RESELLERS, CREDENTIALS_KEY: key.toString('base64') }).credentialsKey, key);
    assert.deepEqual(configFromEnv({ RESELLERS, CREDENTIALS_KEY: key.toString('base64url') }).credentialsKey, key);
    for (const wrong of ['secret', randomBytes(16).toString('hex'), randomBytes(33).toString('base64'), 'z'.repeat(64)]) {
      assert.throws(() => configFromEnv({ RESELLERS, CREDENTIALS_KEY: wrong }), /CREDENTIALS_KEY is not a 32-byte key/);
    }
  });

  it('may be left out in open mode, with a loud warning that the credentials do not survive a restart', async () => {
    assert.equal(configFromEnv({}).credentialsKey, undefined);
    const dataDir = await freshPgliteDir();
    try {
      const store = await spawnStore({ CREDENTIALS_KEY: '', PGLITE_DIR: dataDir, SIMULATOR_URL: simulator.url, WORKERS: '0' });
      store.child.kill('SIGTERM');
      await store.exited;
      assert.match(store.output(), /NO CREDENTIALS_KEY.*\n.*DO NOT SURVIVE A RESTART/);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
