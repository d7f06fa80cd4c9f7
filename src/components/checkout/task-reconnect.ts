import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { TaskStatus, type Task } from '@lit/task';

/**
 * Look-ups (`@lit/task`) of an element that leaves the page and may come back: Task does not
 * abort on disconnect by itself. Pending ones are aborted then (their answer would act on a
 * checkout nobody sees) and asked again on return.
 */
export class TaskReconnect implements ReactiveController {
  private _rerun: Array<Task<readonly unknown[], unknown>> = [];

  constructor(
    host: ReactiveControllerHost,
    private readonly _tasks: ReadonlyArray<Task<readonly unknown[], unknown>>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    for (const task of this._rerun.splice(0)) void task.run();
  }

  hostDisconnected(): void {
    for (const task of this._tasks) {
      if (task.status !== TaskStatus.PENDING) continue;
      this._rerun.push(task);
      task.abort();
    }
  }
}
