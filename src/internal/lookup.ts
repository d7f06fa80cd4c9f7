import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import { sleep } from './sleep.js';

export interface LookupOptions<A extends readonly unknown[], T> {
  /** The inputs; a change starts a new look-up and aborts the one under way. */
  args: () => A;
  /** The request for these inputs, or undefined when there is nothing to look up. */
  lookup: (args: A) => ((signal: AbortSignal) => Promise<T>) | undefined;
  /** Quiet time after the last change of `args` before the request goes out. */
  debounce?: number;
  /** The first look-up goes out without the pause (a list to show at once). */
  immediate?: boolean;
  onComplete?: (value: T) => void;
}

/**
 * A backend look-up driven by the host's state (`@lit/task`), debounced while the user types,
 * the superseded request aborted. Task does not abort on disconnect by itself: this does,
 * and looks up again, without the pause, when the host comes back.
 */
export class LookupController<A extends readonly unknown[], T> implements ReactiveController {
  private readonly _task: Task<A, T>;
  /** The next run goes out at once: nothing more will be typed (Retry, a pick, a return). */
  private _now: boolean;
  private _interrupted = false;

  constructor(host: ReactiveControllerHost, options: LookupOptions<A, T>) {
    const debounce = options.debounce ?? 0;
    this._now = options.immediate ?? false;
    this._task = new Task<A, T>(host, {
      task: async (args, { signal }) => {
        const request = options.lookup(args);
        if (!request) return initialState as T;
        const now = this._now;
        this._now = false;
        if (!now) await sleep(debounce, signal);
        return request(signal);
      },
      args: options.args,
      onComplete: options.onComplete,
    });
    host.addController(this);
  }

  /** A look-up is under way (or was cut off by a disconnect and will run again). */
  get pending(): boolean {
    return this._task.status === TaskStatus.PENDING || this._interrupted;
  }

  /** The last look-up failed (not one cut off by a disconnect). */
  get failed(): boolean {
    return this._task.status === TaskStatus.ERROR && !this._interrupted;
  }

  /** The last answer, kept while a newer look-up runs; undefined before the first or after a failure. */
  get value(): T | undefined {
    const { status, value } = this._task;
    return status === TaskStatus.COMPLETE || status === TaskStatus.PENDING ? value : undefined;
  }

  /** Why the last look-up failed, as thrown (undefined unless `failed`). */
  get error(): unknown {
    return this.failed ? this._task.error : undefined;
  }

  get status(): TaskStatus {
    return this._task.status;
  }

  /** The next look-up, whenever the inputs change, goes out without the pause. */
  skipDebounce(): void {
    this._now = true;
  }

  /** Looks up again now, without the pause (Retry, Enter). */
  run(): void {
    this._now = true;
    void this._task.run();
  }

  hostConnected(): void {
    if (!this._interrupted) return;
    this._interrupted = false;
    this.run();
  }

  hostDisconnected(): void {
    if (this._task.status !== TaskStatus.PENDING) return;
    this._interrupted = true;
    this._task.abort();
  }
}
