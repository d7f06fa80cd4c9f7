/**
 * Scaling out: several store processes on one PostgreSQL database. Each task runs on one
 * instance at a time and Partner Center sees each purchase once; an event stream held by
 * one instance follows changes made by another (LISTEN/NOTIFY).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { Order } from '../../src/api/schemas.js';
import { openDb } from '../src/db/index.js';
import { migrate, migrations } from '../src/db/migrate.js';
import { call, freshPostgres, newTenantOrder, nextKey, parse, pollOrder, readEvents, SKIP_POSTGRES, spawnStore, startSimulator, uniquePrefix, type ChildStore, type Simulator } from './helpers.js';

describe('two store instances on one PostgreSQL', { skip: SKIP_POSTGRES }, () => {
  let simulator: Simulator;
  let database: Awaited<ReturnType<typeof freshPostgres>>;
  let first: ChildStore;
  let second: ChildStore;
  let apiOnly: ChildStore;
  before(async () => {
    simulator = await startSimulator({ speed: 50 });
    database = await freshPostgres();
    const env = { DATABASE_URL: database.url, SIMULATOR_URL: simulator.url, SIMULATOR_SPEED: '50', TASK_LEASE_MS: '3000' };
    // Started together, so both race to apply the migrations: the advisory lock serialises them.
    [first, second] = await Promise.all([spawnStore({ ...env, WORKERS: '3' }), spawnStore({ ...env, WORKERS: '3' })]);
    apiOnly = await spawnStore({ ...env, WORKERS: '0' });
  });
  after(async () => {
    for (const store of [first, second, apiOnly]) {
      store?.child.kill('SIGTERM');
      await store?.exited;
    }
    await database?.drop();
    await simulator?.close();
  });

  it('runs each task once across instances, and each purchase reaches Partner Center once', async () => {
    const orders = await Promise.all(
      Array.from({ length: 6 }, async (_, i) => {
        const store = i % 2 ? second : first;
        const answer = await call(store.baseUrl, '/orders', { method: 'POST', json: newTenantOrder(`Scale Out ${i}`, uniquePrefix(`scale${i}`)), key: nextKey() });
        assert.equal(answer.status, 201, JSON.stringify(answer.body));
        return parse(Order, answer.body);
      }),
    );
    for (const order of orders) {
      const done = await pollOrder(first.baseUrl, order.id, (o) => o.status === 'completed' || o.status === 'failed', { timeoutMs: 60_000 });
      assert.equal(done.status, 'completed', JSON.stringify(done));
    }
    const domains = orders.map((o) => o.recipient.domain!);
    for (const domain of domains) assert.equal(simulator.effects.customersCreated.filter((d) => d === domain).length, 1, domain);
    assert.equal(new Set(simulator.effects.checkouts).size, simulator.effects.checkouts.length);

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const overlaps = await client.query(
        `SELECT a.order_id, a.position FROM task_runs a JOIN task_runs b
           ON a.order_id = b.order_id AND a.position = b.position AND a.id < b.id
         WHERE b.started_at < a.finished_at OR a.finished_at IS NULL`,
      );
      assert.deepEqual(overlaps.rows, [], 'no task ran on two instances at once');
      const { rows } = await client.query(`SELECT count(DISTINCT instance_id)::int AS n FROM task_runs`);
      assert.ok(rows[0].n >= 1);
      const tasks = await client.query(`SELECT count(*)::int AS n FROM tasks WHERE kind = 'create-subscription' AND status = 'succeeded' AND order_id = ANY($1)`, [orders.map((o) => o.id)]);
      assert.equal(tasks.rows[0].n, 12);
    } finally {
      await client.end();
    }
  });

  it('streams, from an instance that runs no tasks, the changes another instance makes', async () => {
    const placed = parse(Order, (await call(first.baseUrl, '/orders', { method: 'POST', json: newTenantOrder('Listen Notify Ltd', uniquePrefix('notify')), key: nextKey() })).body);
    const response = await fetch(`${apiOnly.baseUrl}/orders/${placed.id}/events`);
    assert.equal(response.status, 200);
    const snapshots = (await readEvents(response)).filter((e) => e.event === 'snapshot').map((e) => parse(Order, JSON.parse(e.data!)));
    assert.equal(snapshots.at(-1)!.status, 'completed');
    const statuses = new Set(snapshots.flatMap((s) => s.tasks.map((t) => `${t.id}:${t.status}`)));
    for (const task of placed.tasks) assert.ok(statuses.has(`${task.id}:succeeded`), `${task.id} seen succeeded`);
    assert.ok(snapshots.length >= 4, `${snapshots.length} snapshots`);
  });
});

describe('instances starting together on an empty PostgreSQL database', { skip: SKIP_POSTGRES }, () => {
  it('apply each migration exactly once', async () => {
    for (let round = 0; round < 3; round++) {
      const database = await freshPostgres();
      try {
        const dbs = await Promise.all(Array.from({ length: 4 }, () => openDb({ databaseUrl: database.url, poolSize: 2 })));
        const applied = await Promise.all(dbs.map((db) => migrate(db)));
        assert.deepEqual(applied.flat().sort(), migrations.map((m) => m.version).sort());
        const rows = await dbs[0]!.query<{ version: string }>('SELECT version FROM schema_migrations ORDER BY version');
        assert.deepEqual(rows.map((r) => r.version), migrations.map((m) => m.version));
        await Promise.all(dbs.map((db) => db.close()));
      } finally {
        await database.drop();
      }
    }
  });
});
