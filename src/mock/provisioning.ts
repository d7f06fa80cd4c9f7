/**
 * Simulated provisioning. An order's tasks form one chain that runs in simulated time
 * (real time × speed). Nothing is scheduled: every read computes each task's state from
 * the time elapsed since the order was placed, so a snapshot is cheap, deterministic for a
 * given clock, and no timer keeps a process alive.
 */
import type { AdminCredentials, Order, OrderLineInput, OrderLineTerms, ProvisioningTask, TaskKind, TaskStatus } from '../api/schemas.js';

/**
 * How a task behaves once its turn comes:
 * `work` runs for its duration and succeeds; `fail` runs and fails; `action` is
 * action-required (a person must act) for its duration, then succeeds; `hold` waits
 * forever (e.g. Microsoft reviewing the customer) and blocks what follows; `await` is
 * action-required until a person really acts (on one of the mock's pages), then runs for
 * its duration and succeeds.
 */
export type TaskBehaviour = 'work' | 'fail' | 'action' | 'hold' | 'await';

/** What an `await` task waits for: read at every snapshot, since a person acts at any time. */
export interface AwaitedAction {
  /** Real time (ms) the person acted, or undefined while they have not. */
  actedAt(): number | undefined;
  /** The link to send them while waiting; undefined when there is none (it expired). */
  url(): string | undefined;
  /** The task's detail while waiting. */
  detail(): string;
}

export interface PlannedTask {
  id: string;
  kind: TaskKind;
  label: string;
  behaviour: TaskBehaviour;
  /** Simulated seconds (at speed 1) the task takes; ignored for `hold`. */
  seconds: number;
  /** Detail while running, action-required or waiting. */
  activeDetail?: string;
  /** Detail once it succeeded, or why it failed. */
  doneDetail?: string;
  actionUrl?: string;
  /** For `await` tasks. */
  awaits?: AwaitedAction;
}

export interface OrderRecord {
  id: string;
  /** Real time the order was placed, ms since the epoch. */
  placedAt: number;
  speed: number;
  recipient: Order['recipient'];
  currency: string;
  lines: OrderLineInput[];
  /** What each line commits to, in the same order. */
  lineTerms?: OrderLineTerms[];
  firstInvoiceTotal: number;
  /** The purchase order number sent with the order. */
  purchaseOrder?: string;
  tasks: PlannedTask[];
  /** Shown once the order completed (new tenants only). */
  credentials?: AdminCredentials;
  /** The order's admin-access (GDAP) request as it stands, when it carries one. */
  adminAccess?: () => NonNullable<Order['adminAccess']>;
}

interface TaskState {
  status: TaskStatus;
  /** Simulated seconds since placement. */
  start?: number;
  /** For an `await` task: when it started running, after the person acted. */
  runFrom?: number;
  end?: number;
}

const TERMINAL: ReadonlySet<Order['status']> = new Set(['completed', 'failed']);

export function isTerminal(status: Order['status']): boolean {
  return TERMINAL.has(status);
}

function elapsedSimSeconds(record: OrderRecord, now: number): number {
  return Math.max(0, ((now - record.placedAt) / 1000) * record.speed);
}

function realMs(record: OrderRecord, simSeconds: number): number {
  return record.placedAt + (simSeconds * 1000) / record.speed;
}

/** When an `await` task whose turn came at `turn` runs from, or undefined while nobody acted. */
function awaitedFrom(record: OrderRecord, task: PlannedTask, turn: number): number | undefined {
  const acted = task.awaits?.actedAt();
  return acted === undefined ? undefined : Math.max(turn, ((acted - record.placedAt) / 1000) * record.speed);
}

/** Each task's state at simulated time `elapsed`. */
function taskStates(record: OrderRecord, elapsed: number): TaskState[] {
  let t = 0;
  let blocked = false;
  return record.tasks.map((task): TaskState => {
    if (blocked || elapsed < t) return { status: 'pending' };
    const start = t;
    if (task.behaviour === 'hold') {
      blocked = true;
      return { status: 'waiting', start };
    }
    if (task.behaviour === 'await') {
      const from = awaitedFrom(record, task, start);
      if (from === undefined || elapsed < from) {
        blocked = true;
        return { status: 'action-required', start };
      }
      t = from + task.seconds;
      return elapsed < t ? { status: 'running', start, runFrom: from } : { status: 'succeeded', start, runFrom: from, end: t };
    }
    const end = start + task.seconds;
    t = end;
    if (elapsed < end) return { status: task.behaviour === 'action' ? 'action-required' : 'running', start };
    if (task.behaviour === 'fail') {
      blocked = true;
      return { status: 'failed', start, end };
    }
    return { status: 'succeeded', start, end };
  });
}

function orderStatus(states: TaskState[]): Order['status'] {
  if (states.some((s) => s.status === 'failed')) return 'failed';
  if (states.every((s) => s.status === 'succeeded')) return 'completed';
  if (states.some((s) => s.status === 'running')) return 'provisioning';
  if (states.some((s) => s.status === 'waiting' || s.status === 'action-required')) return 'waiting';
  return 'provisioning';
}

function iso(ms: number): string {
  return new Date(Math.round(ms)).toISOString();
}

/** The order as `GET /orders/{id}` answers at real time `now`. */
export function orderSnapshot(record: OrderRecord, now = Date.now()): Order {
  const elapsed = elapsedSimSeconds(record, now);
  const states = taskStates(record, elapsed);
  const status = orderStatus(states);
  const failedAt = states.findIndex((s) => s.status === 'failed');

  let updated = record.placedAt;
  const tasks = record.tasks.map((task, i): ProvisioningTask => {
    const state = states[i]!;
    const out: ProvisioningTask = { id: task.id, kind: task.kind, label: task.label, status: state.status };
    if (task.behaviour === 'work' || task.behaviour === 'fail' || task.behaviour === 'await') out.estimatedSeconds = round3(task.seconds / record.speed);
    if (state.start !== undefined) {
      out.startedAt = iso(realMs(record, state.start));
      updated = Math.max(updated, realMs(record, state.start));
    }
    if (state.end !== undefined) {
      out.finishedAt = iso(realMs(record, state.end));
      updated = Math.max(updated, realMs(record, state.end));
    }
    const active = state.status === 'running' || state.status === 'action-required' || state.status === 'waiting';
    if (active && task.activeDetail) out.detail = task.activeDetail;
    if ((state.status === 'succeeded' || state.status === 'failed') && task.doneDetail) out.detail = task.doneDetail;
    if (state.status === 'pending' && failedAt >= 0 && i > failedAt) out.detail = 'Not started because an earlier task failed.';
    if (state.status === 'action-required' && task.actionUrl) out.actionUrl = task.actionUrl;
    if (state.status === 'action-required' && task.awaits) {
      out.detail = task.awaits.detail();
      const url = task.awaits.url();
      if (url) out.actionUrl = url;
    }
    return out;
  });

  let progress: number;
  if (status === 'completed') progress = 1;
  else {
    let done = 0;
    states.forEach((state, i) => {
      const task = record.tasks[i]!;
      if (state.status === 'succeeded') done += 1;
      else if (state.status === 'running' && state.start !== undefined && task.seconds > 0) {
        done += Math.min(1, (elapsed - (state.runFrom ?? state.start)) / task.seconds);
      }
    });
    progress = record.tasks.length ? done / record.tasks.length : 1;
  }

  const order: Order = {
    id: record.id,
    status,
    createdAt: iso(record.placedAt),
    updatedAt: iso(updated),
    recipient: record.recipient,
    currency: record.currency,
    lines: record.lines,
    ...(record.lineTerms ? { lineTerms: record.lineTerms } : {}),
    firstInvoiceTotal: record.firstInvoiceTotal,
    tasks,
    progress: Math.min(1, Math.max(0, round4(progress))),
  };
  if (status === 'completed') order.estimatedSecondsRemaining = 0;
  if (status === 'provisioning') order.estimatedSecondsRemaining = round3(secondsRunnable(record, states, elapsed) / record.speed);
  if (status === 'failed') order.retryable = true;
  // A failed order that created its tenant still hands over its administrator: a later
  // retry reuses the tenant, and without them now nobody could sign in to it.
  const tenantCreated = record.tasks.some((task, i) => task.kind === 'create-tenant' && states[i]!.status === 'succeeded');
  if ((status === 'completed' || (status === 'failed' && tenantCreated)) && record.credentials) order.credentials = record.credentials;
  if (record.purchaseOrder !== undefined) order.purchaseOrder = record.purchaseOrder;
  if (record.adminAccess) order.adminAccess = record.adminAccess();
  return order;
}

/** Simulated seconds left for the tasks that can run now: up to the next task that waits on someone. */
function secondsRunnable(record: OrderRecord, states: TaskState[], elapsed: number): number {
  let left = 0;
  for (let i = 0; i < states.length; i++) {
    const task = record.tasks[i]!;
    const state = states[i]!;
    if (state.status === 'succeeded') continue;
    if (task.behaviour === 'action' || task.behaviour === 'hold') break;
    if (state.status === 'running') left += Math.max(0, task.seconds - (elapsed - (state.runFrom ?? state.start ?? elapsed)));
    // An `await` task's turn may still find nobody acted: what follows it is not counted.
    else if (state.status === 'pending' && task.behaviour !== 'await') left += task.seconds;
    else break;
  }
  return left;
}

/** Real time (ms) of the next task state change after `now`, or undefined when none will come. */
export function nextChangeAt(record: OrderRecord, now = Date.now()): number | undefined {
  const elapsed = elapsedSimSeconds(record, now);
  let t = 0;
  for (const task of record.tasks) {
    if (task.behaviour === 'hold') return elapsed < t ? realMs(record, t) : undefined;
    if (elapsed < t) return realMs(record, t);
    if (task.behaviour === 'await') {
      // Nobody acted yet: the change comes from the person, and the state's listeners tell it.
      const from = awaitedFrom(record, task, t);
      if (from === undefined) return undefined;
      t = from;
    }
    t += task.seconds;
    if (elapsed < t) return realMs(record, t);
    if (task.behaviour === 'fail') return undefined;
  }
  return undefined;
}

/** Milliseconds matter at test speeds; more digits would only be noise. */
function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}

function round4(n: number): number {
  return Math.round(n * 10000) / 10000;
}
