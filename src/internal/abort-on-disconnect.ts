import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * One request at a time for an element, aborted when a newer one starts or when the element
 * leaves the page: an answer for a form nobody sees must not act on it.
 */
export class AbortOnDisconnect implements ReactiveController {
  private _current?: AbortController;

  /** `onDisconnect` runs after a request was aborted because the host left (to reset its busy state). */
  constructor(
    host: ReactiveControllerHost,
    private readonly _onDisconnect?: () => void,
  ) {
    host.addController(this);
  }

  /** Starts a request: aborts the one before and returns the new request's controller. */
  start(): AbortController {
    this.abort();
    this._current = new AbortController();
    return this._current;
  }

  /** Ends the request `controller` without aborting it (its answer arrived). */
  finish(controller: AbortController): void {
    if (this._current === controller) this._current = undefined;
  }

  /** Runs `work` as the current request; an abort (a newer request, the host leaving) ends it quietly. */
  async run(work: (signal: AbortSignal) => Promise<void>): Promise<void> {
    const controller = this.start();
    try {
      await work(controller.signal);
    } catch (error) {
      if (!controller.signal.aborted) throw error;
    } finally {
      this.finish(controller);
    }
  }

  abort(): void {
    this._current?.abort();
    this._current = undefined;
  }

  hostDisconnected(): void {
    if (!this._current) return;
    this.abort();
    this._onDisconnect?.();
  }
}
