/**
 * The server's load figure: N concurrent checkouts for a fixed time against one store
 * (catalog, domain availability, quote, the order submitted twice at once with one key,
 * provisioning to the end against the simulator), on PGlite and, when one is configured,
 * on PostgreSQL. Reports orders per second, p50/p95 of POST /orders and of a snapshot read,
 * and duplicate and lost orders (both must be 0).
 *
 *   BENCH_SECONDS (20), BENCH_CONCURRENCY (8), BENCH_SPEED (simulator speed, 50),
 *   TEST_DATABASE_URL or DATABASE_URL (a PostgreSQL server to create a database on).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Order } from '../../src/api/schemas.js';
import { BUILD_DIR, call, freshPgliteDir, freshPostgres, newTenantOrder, POSTGRES_URL, startSimulator, startStore } from '../test/helpers.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
const speed = Number(process.env.BENCH_SPEED ?? 50);

interface Figures {
  database: string;
  seconds: number;
  concurrency: number;
  checkouts: number;
  completed: number;
  ordersPerSecond: number;
  postOrderMs: { p50: number; p95: number };
  snapshotMs: { p50: number; p95: number };
  duplicates: number;
  lost: number;
}

function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;
}

async function timed<T>(into: number[], work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    into.push(performance.now() - started);
  }
}

async function run(database: 'PGlite' | 'PostgreSQL'): Promise<Figures> {
  const simulator = await startSimulator({ speed });
  const pg = database === 'PostgreSQL' ? await freshPostgres() : undefined;
  const store = await startStore({ simulator, speed, workers: 8, ...(pg ? { databaseUrl: pg.url } : { dataDir: await freshPgliteDir() }) });
  const base = store.baseUrl;
  const postOrder: number[] = [];
  const snapshot: number[] = [];
  const placed = new Map<string, string>(); // idempotency key → order id
  let duplicates = 0;
  let completed = 0;
  const until = Date.now() + seconds * 1000;
  let n = 0;

  async function checkout(worker: number): Promise<void> {
    while (Date.now() < until) {
      const i = n++;
      const prefix = `bench${process.pid}w${worker}n${i}`.slice(0, 27);
      await call(base, '/catalog');
      await call(base, `/domains/${prefix}`);
      const body = newTenantOrder(`Bench ${worker}-${i}`, prefix);
      await call(base, '/quotes', { method: 'POST', json: { lines: body.lines, recipient: body.recipient } });
      const key = `bench-${worker}-${i}-${Date.now()}`;
      // A double submit: the same order twice at once, as an impatient second click would.
      const answers = await Promise.all([0, 1].map(() => timed(postOrder, () => call(base, '/orders', { method: 'POST', json: body, key }))));
      const ids = new Set(answers.filter((a) => a.status === 200 || a.status === 201).map((a) => a.body.id as string));
      if (ids.size > 1) duplicates += ids.size - 1;
      const id = [...ids][0];
      if (!id) continue;
      placed.set(key, id);
      for (;;) {
        const answer = await timed(snapshot, () => call(base, `/orders/${id}`));
        const order = answer.body as Order;
        if (order.status === 'completed') {
          if (Date.now() <= until) completed++;
          break;
        }
        if (order.status === 'failed' || Date.now() > until + 60_000) break;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }

  await Promise.all(Array.from({ length: concurrency }, (_, w) => checkout(w)));
  // Lost: an order the store answered for that it no longer has, or that never completed.
  let lost = 0;
  for (const id of placed.values()) {
    const answer = await call(base, `/orders/${id}`);
    if (answer.status !== 200 || answer.body.status !== 'completed') lost++;
  }
  const rows = await store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM orders');
  duplicates += Math.max(0, rows[0]!.n - placed.size);
  const tenants = simulator.effects.customersCreated;
  duplicates += tenants.length - new Set(tenants).size;
  await store.close();
  await simulator.close();
  await pg?.drop();
  return {
    database,
    seconds,
    concurrency,
    checkouts: placed.size,
    completed,
    ordersPerSecond: Math.round((completed / seconds) * 100) / 100,
    postOrderMs: { p50: percentile(postOrder, 50), p95: percentile(postOrder, 95) },
    snapshotMs: { p50: percentile(snapshot, 50), p95: percentile(snapshot, 95) },
    duplicates,
    lost,
  };
}

const results: Figures[] = [await run('PGlite')];
if (POSTGRES_URL) results.push(await run('PostgreSQL'));
else console.log('(no TEST_DATABASE_URL: PostgreSQL left out)');

console.log(`\nServer load: ${concurrency} concurrent checkouts for ${seconds} s, simulator speed ${speed}`);
console.log('database    checkouts  completed  orders/s  POST /orders p50/p95 ms  snapshot p50/p95 ms  duplicates  lost');
for (const r of results) {
  console.log(
    `${r.database.padEnd(10)}  ${String(r.checkouts).padStart(9)}  ${String(r.completed).padStart(9)}  ${String(r.ordersPerSecond).padStart(8)}  ${`${r.postOrderMs.p50} / ${r.postOrderMs.p95}`.padStart(23)}  ${`${r.snapshotMs.p50} / ${r.snapshotMs.p95}`.padStart(19)}  ${String(r.duplicates).padStart(10)}  ${String(r.lost).padStart(4)}`,
  );
}
await writeFile(join(BUILD_DIR, 'bench-results.json'), JSON.stringify(results, null, 2));
if (results.some((r) => r.duplicates || r.lost)) process.exitCode = 1;
