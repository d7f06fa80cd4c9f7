/**
 * Durability: a store process killed with SIGKILL in the middle of provisioning, started
 * again on the same database, finishes the order, and Partner Center saw each purchase once.
 * On PGlite (the default a fresh machine gets) and, when one is configured, on PostgreSQL.
 */
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { call, freshPgliteDir, freshPostgres, newTenantOrder, nextKey, pollOrder, SKIP_POSTGRES, spawnStore, startSimulator, uniquePrefix, type Simulator } from './helpers.js';

let simulator: Simulator;
before(async () => {
  // Slow enough that a kill lands while Partner Center is still creating the tenant.
  simulator = await startSimulator({ speed: 10 });
});
after(() => simulator.close());

async function killMidProvisioning(database: Record<string, string>) {
  const env = { ...database, SIMULATOR_URL: simulator.url, SIMULATOR_SPEED: '10', TASK_LEASE_MS: '1500' };
  const prefix = uniquePrefix('crash');
  let store = await spawnStore(env);
  const placed = await call(store.baseUrl, '/orders', { method: 'POST', json: newTenantOrder('Crash Test Ltd', prefix), key: nextKey() });
  assert.equal(placed.status, 201);
  // The tenant is being created at Partner Center (2 s at this speed): kill the store now.
  await pollOrder(store.baseUrl, placed.body.id, (o) => o.tasks[0]!.status === 'running');
  await new Promise((r) => setTimeout(r, 300));
  store.child.kill('SIGKILL');
  await store.exited;
  const createdBefore = simulator.effects.customersCreated.filter((d) => d.startsWith(prefix)).length;

  store = await spawnStore(env);
  try {
    const done = await pollOrder(store.baseUrl, placed.body.id, (o) => o.status === 'completed' || o.status === 'failed', { timeoutMs: 60_000 });
    assert.equal(done.status, 'completed', JSON.stringify(done));
    assert.ok(done.credentials, 'the administrator created by the first attempt is shown');
    // Partner Center created the tenant once, and checked out each subscription once.
    assert.equal(simulator.effects.customersCreated.filter((d) => d === `${prefix}.onmicrosoft.com`).length, 1);
    assert.ok(createdBefore <= 1);
    return { store, orderId: placed.body.id as string };
  } catch (error) {
    store.child.kill('SIGKILL');
    throw error;
  }
}

describe('kill -9 mid-provisioning', () => {
  it('resumes on PGlite and completes the order, each Partner Center effect once', async () => {
    const dataDir = await freshPgliteDir();
    try {
      const { store } = await killMidProvisioning({ PGLITE_DIR: dataDir });
      store.child.kill('SIGTERM');
      await store.exited;
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('resumes on PostgreSQL, and no task ever ran on two instances at once', { skip: SKIP_POSTGRES }, async () => {
    const database = await freshPostgres();
    try {
      const { store, orderId } = await killMidProvisioning({ DATABASE_URL: database.url });
      store.child.kill('SIGTERM');
      await store.exited;
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      const overlaps = await client.query(
        `SELECT a.position FROM task_runs a JOIN task_runs b ON a.order_id = b.order_id AND a.position = b.position AND a.id < b.id
         WHERE a.order_id = $1 AND b.started_at < coalesce(a.finished_at, a.started_at + interval '1.5 seconds')`,
        [orderId],
      );
      await client.end();
      assert.deepEqual(overlaps.rows, []);
    } finally {
      await database.drop();
    }
  });
});
