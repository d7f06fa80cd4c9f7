/** `GET /orders/{id}/events`: the order's snapshots as server-sent events. */
import { isTerminal, nextChangeAt, orderSnapshot, type OrderRecord } from './provisioning.js';
import { unref } from './http.js';

/** A comment line every 15 s keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 15_000;
/** While a task runs, progress moves: send it about once a second. */
const PROGRESS_TICK_MS = 1_000;

export function orderEvents(record: OrderRecord, signal: AbortSignal): Response {
  const encoder = new TextEncoder();
  let nextTimer: ReturnType<typeof setTimeout> | undefined;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let closed = false;

  const stop = () => {
    closed = true;
    clearTimeout(nextTimer);
    clearInterval(heartbeat);
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
        const now = Date.now();
        const order = orderSnapshot(record, now);
        // updatedAt moves on every task change; progress moves while a task runs.
        const key = `${order.status}|${order.updatedAt}|${order.progress.toFixed(2)}`;
        if (key !== last) {
          last = key;
          write(`event: snapshot\ndata: ${JSON.stringify(order)}\n\n`);
        }
        if (isTerminal(order.status)) return close();
        const change = nextChangeAt(record, now);
        const running = order.tasks.some((t) => t.status === 'running');
        let wait = change === undefined ? undefined : Math.max(0, change - now) + 1;
        if (running) wait = Math.min(wait ?? PROGRESS_TICK_MS, PROGRESS_TICK_MS);
        if (wait !== undefined) {
          nextTimer = setTimeout(tick, wait);
        }
      };
      onAbort = close;
      signal.addEventListener('abort', onAbort, { once: true });
      heartbeat = setInterval(() => write(': heartbeat\n\n'), HEARTBEAT_MS);
      // An open stream's progress timer keeps Node running; a bare heartbeat need not.
      unref(heartbeat);
      if (signal.aborted) return close();
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
