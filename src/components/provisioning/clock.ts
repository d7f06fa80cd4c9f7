import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Re-renders its host once a second while `running`, for an elapsed-time display. Stops on
 * disconnect and whenever `running` is false, so a finished order costs no timer.
 */
export class ClockController implements ReactiveController {
  private readonly _host: ReactiveControllerHost;
  private readonly _interval: number;
  private _running = false;
  private _connected = false;
  private _timer?: ReturnType<typeof setInterval>;

  constructor(host: ReactiveControllerHost, interval = 1000) {
    this._host = host;
    this._interval = interval;
    host.addController(this);
  }

  /** Milliseconds since the epoch; read during render. */
  get now(): number {
    return Date.now();
  }

  get running(): boolean {
    return this._running;
  }
  set running(value: boolean) {
    this._running = value;
    this._sync();
  }

  hostConnected(): void {
    this._connected = true;
    this._sync();
  }

  hostDisconnected(): void {
    this._connected = false;
    this._sync();
  }

  private _sync(): void {
    const wanted = this._running && this._connected;
    if (wanted && this._timer === undefined) {
      this._timer = setInterval(() => this._host.requestUpdate(), this._interval);
    } else if (!wanted && this._timer !== undefined) {
      clearInterval(this._timer);
      this._timer = undefined;
    }
  }
}
