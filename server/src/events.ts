/**
 * Order change notifications and `GET /orders/{id}/events`. Whoever changes an order (the
 * instance placing it, the worker of any instance provisioning it) runs
 * `pg_notify('lc_orders', id)` in the same transaction; every instance LISTENs and wakes the
 * event streams it holds for that order, which read the snapshot from the database.
 */
import type { Db } from './db/index.js';
import { readOrder } from './orders/snapshot.js';

export interface OrderEvents {
  subscribe(orderId: string, onChange: () => void): () => void;
  close(): Promise<void>;
}

export async function listenForOrders(db: Db): Promise<OrderEvents> {
  const subscribers = new Map<string, Set<() => void>>();
  const unlisten = await db.listen('lc_orders', (id) => {
    for (const onChange of subscribers.get(id) ?? []) onChange();
  });
  return {
    subscribe(orderId, onChange) {
      if (!subscribers.has(orderId)) subscribers.set(orderId, new Set());
      subscribers.get(orderId)!.add(onChange);
      return () => {
        const set = subscribers.get(orderId);
        set?.delete(onChange);
        if (set?.size === 0) subscribers.delete(orderId);
      };
    },
    close: unlisten,
  };
}

/** A comment line keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 15_000;
/** While a task runs its progress moves; a missed notification is caught up this often too. */
const TICK_MS = 1_000;

export function orderEventStream(db: Db, events: OrderEvents, resellerId: string, orderId: string, signal: AbortSignal): Response {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      let last = '';
      let reading = false;
      let again = false;
      const timers: Array<ReturnType<typeof setInterval>> = [];
      const write = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      const stop = () => {
        if (closed) return;
        closed = true;
        unsubscribe();
        timers.forEach(clearInterval);
        signal.removeEventListener('abort', stop);
        try {
          controller.close();
        } catch {
          // the consumer already went away
        }
      };
      cleanup = stop;
      // Reads are serialised: a notification during a read asks for one more read after it.
      const refresh = async () => {
        if (reading) {
          again = true;
          return;
        }
        reading = true;
        try {
          do {
            again = false;
            const order = await readOrder(db, resellerId, orderId);
            if (!order || closed) return stop();
            const key = `${order.status}|${order.updatedAt}|${order.progress.toFixed(2)}`;
            if (key !== last) {
              last = key;
              write(`event: snapshot\ndata: ${JSON.stringify(order)}\n\n`);
            }
            if (order.status === 'completed' || order.status === 'failed') return stop();
          } while (again && !closed);
        } catch (error) {
          console.error('[events] reading the order failed:', (error as Error).message);
          stop();
        } finally {
          reading = false;
        }
      };
      const unsubscribe = events.subscribe(orderId, () => void refresh());
      signal.addEventListener('abort', stop, { once: true });
      timers.push(setInterval(() => void refresh(), TICK_MS));
      timers.push(setInterval(() => write(': heartbeat\n\n'), HEARTBEAT_MS));
      for (const timer of timers) timer.unref();
      if (signal.aborted) return stop();
      void refresh();
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(body, {
    status: 200,
    headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' },
  });
}
