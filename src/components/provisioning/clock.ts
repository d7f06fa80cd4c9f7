import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Re-renders its host every `interval` ms while `running`: a fixed number, or a function asked
 * before each tick (a countdown ticks finer near its end, and lands on it). Stops on disconnect
 * and whenever `running` is false, so a finished order or an expired link costs no timer.
 */
export class ClockController implements ReactiveController {
  private readonly _host: ReactiveControllerHost;
  private readonly _interval: number | (() => number);
  private _running = false;
  private _connected = false;
  private _timer?: ReturnType<typeof setTimeout>;

  constructor(host: ReactiveControllerHost, interval: number | (() => number) = 1000) {
    this._host = host;
    this._interval = interval;
    host.addController(this);
  }

  /** Milliseconds since the epoch; read during render. */
  get now(): number {
    return Date.now();
  }

  /** Set on every update: each setting counts the next tick from now. */
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
    clearTimeout(this._timer);
    const interval = this._interval;
    this._timer =
      this._running && this._connected
        ? setTimeout(
            () => {
              this._host.requestUpdate();
              this._sync();
            },
            typeof interval == 'number' ? interval : interval(),
          )
        : undefined;
  }
}
