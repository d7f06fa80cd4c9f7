/**
 * Change notifications and the server-sent event streams built on them. Whoever changes an
 * order or an acceptance request (the instance answering a request, the worker of any
 * instance) runs `pg_notify(channel, id)` in the same transaction; every instance LISTENs
 * and wakes the streams it holds for that id, which read the snapshot from the database.
 */
import type { Db } from './db/index.js';

export interface Changes {
  subscribe(id: string, onChange: () => void): () => void;
  close(): Promise<void>;
}

export async function listenForChanges(db: Db, channel: string): Promise<Changes> {
  const subscribers = new Map<string, Set<() => void>>();
  const unlisten = await db.listen(channel, (id) => {
    for (const onChange of subscribers.get(id) ?? []) onChange();
  });
  return {
    subscribe(id, onChange) {
      if (!subscribers.has(id)) subscribers.set(id, new Set());
      subscribers.get(id)!.add(onChange);
      return () => {
        const set = subscribers.get(id);
        set?.delete(onChange);
        if (set?.size === 0) subscribers.delete(id);
      };
    },
    close: unlisten,
  };
}

/** A comment line keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 15_000;
/** Running tasks' progress moves, links expire, a missed notification is caught up: read this often too. */
const TICK_MS = 1_000;

export interface SnapshotSource<T> {
  /** The current snapshot, or undefined when it is gone. */
  load(): Promise<T | undefined>;
  /** Equal keys mean nothing worth sending changed. */
  key(snapshot: T): string;
  /** The last snapshot of the stream. */
  done(snapshot: T): boolean;
  subscribe(onChange: () => void): () => void;
}

/** `event: snapshot` on every change, ending after the last one or when the client leaves. */
export function snapshotStream<T>(source: SnapshotSource<T>, signal: AbortSignal): Response {
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
            const snapshot = await source.load();
            if (snapshot === undefined || closed) return stop();
            const key = source.key(snapshot);
            if (key !== last) {
              last = key;
              write(`event: snapshot\ndata: ${JSON.stringify(snapshot)}\n\n`);
            }
            if (source.done(snapshot)) return stop();
          } while (again && !closed);
        } catch (error) {
          console.error('[events] reading a snapshot failed:', (error as Error).message);
          stop();
        } finally {
          reading = false;
        }
      };
      const unsubscribe = source.subscribe(() => void refresh());
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
