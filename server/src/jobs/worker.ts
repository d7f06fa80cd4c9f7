/**
 * Provisioning as durable jobs. The `tasks` table is the queue: a worker claims the first
 * unfinished task of an order that is due, with `FOR UPDATE SKIP LOCKED`, and takes a lease
 * on it (`locked_by`, `locked_until`) that it renews while it works. An instance that dies
 * stops renewing; once the lease runs out any instance claims the task again and the handler
 * resumes from what the task saved (its Partner Center request ids, its cart). Every write of
 * a result is fenced on the lease, so an instance that lost its lease cannot overwrite the
 * work of the one that took over. Each change notifies `lc_orders`, which feeds the event
 * streams of every instance.
 */
import type { TaskStatus } from '../../../src/api/schemas.js';
import type { Db, Queryable } from '../db/index.js';
import type { TaskRow, OrderRow } from '../orders/snapshot.js';
import { isGatewayError } from '../partner-center/gateway.js';
import { handlers, type Job, type Outcome, type HandlerContext } from './handlers.js';

export interface WorkerOptions {
  /** Names this instance in leases and in task_runs. */
  instanceId: string;
  /** Tasks run at once by this instance. */
  concurrency: number;
  leaseMs: number;
  /** How often an idle worker looks for due tasks when no notification wakes it. */
  pollMs?: number;
  /** Attempts of a task that keeps failing with retryable errors before it fails for good. */
  maxAttempts?: number;
  /** First retry delay (doubled per attempt). */
  backoffMs?: number;
}

export interface Worker {
  stop(): Promise<void>;
}

const ACTIVE: TaskStatus[] = ['pending', 'running', 'waiting', 'action-required'];

export async function startWorker(db: Db, context: HandlerContext, options: WorkerOptions): Promise<Worker> {
  const pollMs = options.pollMs ?? 1000;
  const maxAttempts = options.maxAttempts ?? 8;
  const backoffMs = options.backoffMs ?? 2000;
  let stopped = false;
  // Idle loops sleep until a notification (a new order, a finished task) or the poll interval.
  const waiters = new Set<() => void>();
  const wakeAll = () => [...waiters].forEach((wake) => wake());
  const unlisten = await db.listen('lc_tasks', wakeAll);

  async function claim(): Promise<TaskRow | undefined> {
    const [row] = await db.query<TaskRow>(
      `UPDATE tasks SET locked_by = $1, locked_until = now() + make_interval(secs => $2)
       WHERE (order_id, position) = (
         SELECT t.order_id, t.position FROM tasks t
         WHERE t.status = ANY($3) AND t.run_at <= now() AND (t.locked_until IS NULL OR t.locked_until < now())
           AND NOT EXISTS (SELECT 1 FROM tasks p WHERE p.order_id = t.order_id AND p.position < t.position AND p.status <> 'succeeded')
         ORDER BY t.run_at
         LIMIT 1
         FOR UPDATE SKIP LOCKED)
       RETURNING *`,
      [options.instanceId, options.leaseMs / 1000, ACTIVE],
    );
    return row;
  }

  /** Runs `sql` on this task only while this instance still holds its lease. */
  async function fenced(tx: Queryable, task: TaskRow, sql: string, params: unknown[]): Promise<boolean> {
    const rows = await tx.query(`${sql} WHERE order_id = $1 AND id = $2 AND locked_by = $3 RETURNING id`, [task.order_id, task.id, options.instanceId, ...params]);
    return rows.length > 0;
  }

  async function touchOrder(tx: Queryable, orderId: string): Promise<void> {
    await tx.query(`UPDATE orders SET updated_at = now() WHERE id = $1`, [orderId]);
    await tx.query(`SELECT pg_notify('lc_orders', $1)`, [orderId]);
  }

  async function run(task: TaskRow): Promise<void> {
    const [order] = await db.query<OrderRow>('SELECT * FROM orders WHERE id = $1', [task.order_id]);
    if (!order) return;
    const [{ run_id: runId }] = (await db.query<{ run_id: number }>(
      `INSERT INTO task_runs (order_id, position, instance_id) VALUES ($1, $2, $3) RETURNING id AS run_id`,
      [task.order_id, task.position, options.instanceId],
    )) as [{ run_id: number }];
    const heartbeat = setInterval(() => {
      void db
        .query(`UPDATE tasks SET locked_until = now() + make_interval(secs => $4) WHERE order_id = $1 AND id = $2 AND locked_by = $3`, [
          task.order_id,
          task.id,
          options.instanceId,
          options.leaseMs / 1000,
        ])
        .catch(() => {});
    }, options.leaseMs / 3);
    heartbeat.unref();

    let outcome: Outcome;
    try {
      if (task.status === 'pending') {
        await db.transaction(async (tx) => {
          if (await fenced(tx, task, `UPDATE tasks SET status = 'running', started_at = coalesce(started_at, now())`, [])) await touchOrder(tx, task.order_id);
        });
        task.status = 'running';
      }
      const job: Job = {
        task,
        order,
        save: async (state) => {
          Object.assign(task.state, state);
          const ok = await fenced(db, task, 'UPDATE tasks SET state = state || $4::jsonb', [JSON.stringify(state)]);
          if (!ok) throw new LeaseLost();
        },
        setOrder: async (fields) => {
          const ok = await db.transaction(async (tx) => {
            const held = await tx.query('SELECT 1 FROM tasks WHERE order_id = $1 AND id = $2 AND locked_by = $3 FOR UPDATE', [task.order_id, task.id, options.instanceId]);
            if (!held.length) return false;
            const columns = Object.keys(fields);
            await tx.query(`UPDATE orders SET ${columns.map((c, i) => `${c} = $${i + 2}`).join(', ')} WHERE id = $1`, [
              order.id,
              ...columns.map((c) => {
                const value = fields[c as keyof typeof fields];
                return value !== null && typeof value === 'object' ? JSON.stringify(value) : value;
              }),
            ]);
            return true;
          });
          if (!ok) throw new LeaseLost();
          Object.assign(order, fields);
        },
      };
      outcome = await handlers[task.kind](job, context);
    } catch (error) {
      outcome = failure(error, task.attempts + 1);
    } finally {
      clearInterval(heartbeat);
    }
    if (outcome.status === 'lease-lost') {
      await db.query('UPDATE task_runs SET finished_at = now(), outcome = $2 WHERE id = $1', [runId, 'lease-lost']);
      return;
    }
    await db.transaction(async (tx) => {
      const ok = await apply(tx, task, outcome);
      await tx.query('UPDATE task_runs SET finished_at = now(), outcome = $2 WHERE id = $1', [runId, ok ? outcome.status : 'lease-lost']);
      if (ok && visible(task, outcome)) {
        await touchOrder(tx, task.order_id);
        if (outcome.status === 'succeeded' || outcome.status === 'requeue') await tx.query(`SELECT pg_notify('lc_tasks', $1)`, [task.order_id]);
      }
    });
  }

  function failure(error: unknown, attempts: number): Outcome {
    if (error instanceof LeaseLost) return { status: 'lease-lost' };
    if (isGatewayError(error) && !error.retryable) {
      if (error.kind !== 'declined' && error.kind !== 'agreement-missing') console.error(`[worker] ${error.kind}: ${error.upstream ?? error.message}`);
      return { status: 'failed', detail: error.message, retryable: error.kind === 'declined' };
    }
    if (!isGatewayError(error)) console.error('[worker] task error:', error);
    if (attempts >= maxAttempts) {
      return { status: 'failed', detail: 'Partner Center could not be reached after several attempts. Placing the order again later should work.', retryable: true };
    }
    const asked = isGatewayError(error) && error.retryAfterSeconds !== undefined ? error.retryAfterSeconds * 1000 : 0;
    return { status: 'retry', delayMs: Math.max(asked, backoffMs * 2 ** (attempts - 1)), error: isGatewayError(error) ? error.message : 'Internal error' };
  }

  async function apply(tx: Queryable, task: TaskRow, outcome: Outcome): Promise<boolean> {
    const release = 'locked_by = NULL, locked_until = NULL';
    switch (outcome.status) {
      case 'succeeded':
        return fenced(tx, task, `UPDATE tasks SET status = 'succeeded', finished_at = now(), detail = $4, action_url = NULL, ${release}`, [outcome.detail ?? null]);
      case 'failed':
        return fenced(tx, task, `UPDATE tasks SET status = 'failed', finished_at = now(), detail = $4, state = state || $5::jsonb, ${release}`, [
          outcome.detail,
          JSON.stringify({ retryable: outcome.retryable }),
        ]);
      case 'retry':
        return fenced(tx, task, `UPDATE tasks SET attempts = attempts + 1, last_error = $4, run_at = now() + make_interval(secs => $5), ${release}`, [
          outcome.error,
          outcome.delayMs / 1000,
        ]);
      case 'requeue':
        // The handler changed the plan (a task inserted before this one): run whatever is first now.
        return fenced(tx, task, `UPDATE tasks SET status = 'pending', ${release}`, []);
      case 'lease-lost':
        return false;
      default:
        return fenced(tx, task, `UPDATE tasks SET status = $4, detail = $5, action_url = $6, run_at = now() + make_interval(secs => $7), ${release}`, [
          outcome.status,
          outcome.detail ?? null,
          outcome.status === 'action-required' ? (outcome.actionUrl ?? null) : null,
          outcome.recheckMs / 1000,
        ]);
    }
  }

  async function loop(): Promise<void> {
    while (!stopped) {
      let task: TaskRow | undefined;
      try {
        task = await claim();
      } catch (error) {
        if (!stopped) console.error('[worker] claiming failed:', (error as Error).message);
      }
      if (task) {
        await run(task).catch((error: unknown) => console.error('[worker] run failed:', error));
        continue;
      }
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, pollMs);
        waiters.add(done);
      });
    }
  }

  const loops = Array.from({ length: options.concurrency }, () => loop());
  return {
    async stop() {
      stopped = true;
      wakeAll();
      await Promise.all(loops);
      await unlisten();
    },
  };
}

class LeaseLost extends Error {}

/** Whether the outcome changes what the order's snapshot shows (a poll that found nothing new does not). */
function visible(task: TaskRow, outcome: Outcome): boolean {
  switch (outcome.status) {
    case 'retry':
    case 'lease-lost':
      return false;
    case 'running':
    case 'waiting':
    case 'action-required':
      return (
        outcome.status !== task.status ||
        (outcome.detail ?? null) !== task.detail ||
        (outcome.status === 'action-required' ? (outcome.actionUrl ?? null) : null) !== task.action_url
      );
    default:
      return true;
  }
}
