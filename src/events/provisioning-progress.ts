import type { Order, OrderStatus, ProvisioningTask } from '../api/schemas.js';

/**
 * Fired (by `<lc-checkout>`, or whoever follows the order) when a snapshot of the order being
 * provisioned changed something: a task's status, the progress, the order's status. Never
 * carries the new admin's credentials: the snapshot's `credentials` are not copied.
 */
export class LcProvisioningProgressEvent extends Event {
  static readonly eventName = 'lc-provisioning-progress' as const;

  readonly orderId: string;
  readonly status: OrderStatus;
  /** Share of the work done, 0–1. */
  readonly progress: number;
  /** The provisioning tasks, as the backend reported them. */
  readonly tasks: readonly ProvisioningTask[];
  /** The backend's estimate of the seconds left, when it gave one. */
  readonly estimatedSecondsRemaining: number | undefined;

  constructor(order: Order) {
    super(LcProvisioningProgressEvent.eventName, { bubbles: true, composed: true });
    this.orderId = order.id;
    this.status = order.status;
    this.progress = order.progress;
    this.tasks = order.tasks.map((task) => ({ ...task }));
    this.estimatedSecondsRemaining = order.estimatedSecondsRemaining;
  }
}

declare global {
  interface HTMLElementEventMap {
    'lc-provisioning-progress': LcProvisioningProgressEvent;
  }
}
