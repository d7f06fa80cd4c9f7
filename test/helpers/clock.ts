/**
 * A clock the test moves by hand: `Date.now`, `setTimeout` and `clearTimeout` of the page,
 * until `restore()`. Timers run only when `next()` is called, so a test walks through hours
 * of countdown in milliseconds and sees every delay the code asked for. Mocha keeps its own
 * timers, and `waitUntil` (which uses `setTimeout`) must not be used while it is installed.
 */
export interface FakeClock {
  /** Milliseconds from now until each pending timer, soonest first. */
  readonly pending: number[];
  /** Runs the soonest timer, moving the clock to its time (never back); returns how far it moved. */
  next(): number;
  /** Moves the clock to `time` (ms since the epoch) without running any timer. */
  set(time: number): void;
  restore(): void;
}

export function fakeClock(start = Date.now()): FakeClock {
  const real = { now: Date.now, setTimeout: window.setTimeout, clearTimeout: window.clearTimeout };
  const timers = new Map<number, { at: number; run: () => void }>();
  let now = start;
  let ids = 0;
  const soonest = () => [...timers].sort((a, b) => a[1].at - b[1].at);
  Date.now = () => now;
  window.setTimeout = ((run: () => void, ms = 0) => {
    timers.set(++ids, { at: now + Math.max(0, ms), run });
    return ids;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => void timers.delete(id!)) as typeof window.clearTimeout;
  return {
    get pending() {
      return soonest().map(([, timer]) => timer.at - now);
    },
    next() {
      const first = soonest()[0];
      if (!first) throw new Error('no timer pending');
      timers.delete(first[0]);
      const from = now;
      now = Math.max(now, first[1].at);
      first[1].run();
      return now - from;
    },
    set(time) {
      now = time;
    },
    restore() {
      Object.assign(window, { setTimeout: real.setTimeout, clearTimeout: real.clearTimeout });
      Date.now = real.now;
    },
  };
}
