/**
 * Versioned SQL migrations, applied in order at start-up. Each runs in its own transaction
 * under an advisory lock, so instances starting together apply each file exactly once.
 */
import type { Db } from './index.js';
import m001 from '../../migrations/001_init.sql';
import m002 from '../../migrations/002_acceptances_admin_access.sql';
import m003 from '../../migrations/003_subscriptions.sql';

export interface Migration {
  version: string;
  sql: string;
}

/** Every migration, oldest first. A new one is a new file in server/migrations and a line here. */
export const migrations: Migration[] = [
  { version: '001_init', sql: m001 },
  { version: '002_acceptances_admin_access', sql: m002 },
  { version: '003_subscriptions', sql: m003 },
];

/** An arbitrary constant naming this store's migration lock. */
const MIGRATION_LOCK = 7_243_014;

export async function migrate(db: Db, list: Migration[] = migrations): Promise<string[]> {
  // Under the lock too: two instances running CREATE TABLE IF NOT EXISTS at once can both try to create it.
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
  });
  const applied: string[] = [];
  for (const migration of list) {
    const ran = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version]);
      if (done.length) return false;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [migration.version]);
      return true;
    });
    if (ran) applied.push(migration.version);
  }
  return applied;
}
