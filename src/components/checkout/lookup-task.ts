import type { ReactiveControllerHost } from 'lit';
import { Task, TaskStatus, type TaskConfig } from '@lit/task';

/** A `Task`'s configuration, with its `args` and what says that they ask for nothing. */
export interface LookupTaskConfig<T extends ReadonlyArray<unknown>, R> extends TaskConfig<T, R> {
  args: () => T;
  /** True when the task, given `args`, would return `initialState` without asking anything. */
  asksNothing(args: T): boolean;
}

/**
 * A look-up (`@lit/task`) that does not run while it is idle and its arguments ask for nothing.
 * A plain Task runs on its host's first update whatever its arguments, only to return
 * `initialState` when there is nothing to ask, and the end of that run renders its host once
 * more for nothing (the cart's first render, for one). Idle (`INITIAL`) means nothing is
 * pending, so such a run would change nothing else. Otherwise it is a Task: arguments that ask
 * for nothing still end (abort) a look-up under way.
 */
export class LookupTask<T extends ReadonlyArray<unknown>, R> extends Task<T, R> {
  private readonly _config: LookupTaskConfig<T, R>;

  constructor(host: ReactiveControllerHost, config: LookupTaskConfig<T, R>) {
    super(host, config);
    this._config = config;
  }

  override hostUpdate(): void {
    if (this.status === TaskStatus.INITIAL && this._config.asksNothing(this._config.args())) return;
    super.hostUpdate();
  }
}
