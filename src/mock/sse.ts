/**
 * Server-sent events of the mock: a resource's snapshots (`event: snapshot`), sent when they
 * change. Time-driven changes (provisioning, a link expiring) are read again when due; a
 * person acting (Accept, Approve, a new link) is told by the state's listeners.
 */
import { isTerminal, nextChangeAt, orderSnapshot, type OrderRecord } from './provisioning.js';
import { problem, unref } from './http.js';

/** A comment line every 15 s keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 15_000;
/** While a task runs, progress moves: send it about once a second. */
const PROGRESS_TICK_MS = 1_000;

export interface Snapshot {
  data: unknown;
  /** Changes when the snapshot is worth sending again. */
  key: string;
  /** The last one: the stream ends after it. */
  last: boolean;
  /** Real time (ms) to read again, when time alone changes the snapshot. */
  wakeAt?: number;
}

export interface SnapshotSource {
  read(now: number): Snapshot;
  /** Calls `onChange` when something changed that time alone does not tell; returns the unsubscribe. */
  subscribe(onChange: () => void): () => void;
}

export function snapshotEvents(source: SnapshotSource, signal: AbortSignal): Response {
  const encoder = new TextEncoder();
  let nextTimer: ReturnType<typeof setTimeout> | undefined;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let unsubscribe = () => {};
  let closed = false;

  const stop = () => {
    closed = true;
    clearTimeout(nextTimer);
    clearInterval(heartbeat);
    unsubscribe();
    signal.removeEventListener('abort', onAbort);
  };
  let onAbort = () => {};

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let last = '';
      const write = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop(); // the consumer went away
        }
      };
      const close = () => {
        if (closed) return;
        stop();
        try {
          controller.close();
        } catch {
          // already closed or errored by the consumer
        }
      };
      const tick = () => {
        if (closed) return;
        clearTimeout(nextTimer);
        const now = Date.now();
        const snapshot = source.read(now);
        if (snapshot.key !== last) {
          last = snapshot.key;
          write(`event: snapshot\ndata: ${JSON.stringify(snapshot.data)}\n\n`);
        }
        if (snapshot.last) return close();
        if (snapshot.wakeAt !== undefined) nextTimer = setTimeout(tick, Math.max(0, snapshot.wakeAt - now));
      };
      onAbort = close;
      signal.addEventListener('abort', onAbort, { once: true });
      heartbeat = setInterval(() => write(': heartbeat\n\n'), HEARTBEAT_MS);
      // An open stream's progress timer keeps Node running; a bare heartbeat need not.
      unref(heartbeat);
      if (signal.aborted) return close();
      unsubscribe = source.subscribe(tick);
      tick();
    },
    cancel() {
      stop();
    },
  });

  return new Response(body, {
    status: 200,
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    },
  });
}

/** `GET /orders/{id}/events`: the order's snapshots. */
export function orderEvents(record: OrderRecord, signal: AbortSignal, subscribe: SnapshotSource['subscribe']): Response {
  return snapshotEvents(
    {
      read(now) {
        const order = orderSnapshot(record, now);
        const change = nextChangeAt(record, now);
        const running = order.tasks.some((t) => t.status === 'running');
        let wakeAt = change === undefined ? undefined : change + 1;
        if (running) wakeAt = Math.min(wakeAt ?? now + PROGRESS_TICK_MS, now + PROGRESS_TICK_MS);
        // updatedAt moves on every task change; progress moves while a task runs; a person
        // acting changes a task's detail or link.
        const links = order.tasks.map((t) => t.actionUrl ?? '').join('|');
        return {
          data: order,
          key: `${order.status}|${order.updatedAt}|${order.progress.toFixed(2)}|${links}|${order.adminAccess?.status ?? ''}`,
          last: isTerminal(order.status),
          wakeAt,
        };
      },
      subscribe,
    },
    signal,
  );
}

/** A backend without event streams: clients fall back to polling. */
export function noEvents(poll: string): Response {
  return problem({
    status: 404,
    title: 'Not found',
    code: 'not-supported',
    detail: `This backend has no events; poll ${poll} instead.`,
  });
}
