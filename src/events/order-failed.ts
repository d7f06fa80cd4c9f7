import type { Order, ProvisioningTask } from '../api/schemas.js';
import type { OrderWithoutCredentials } from './order-complete.js';

/**
 * Fired (by `<lc-checkout>`, or whoever follows the order) once, when the order's own status
 * became `failed`. Never fired for connection problems: only the backend's order status says
 * an order failed.
 */
export class LcOrderFailedEvent extends Event {
  static readonly eventName = 'lc-order-failed' as const;

  readonly orderId: string;
  /** The task that failed (its `detail` says why), when the backend marked one. */
  readonly task: ProvisioningTask | undefined;
  /** Whether placing the same order again may succeed. */
  readonly retryable: boolean;
  /** The failed order, without `credentials`. */
  readonly order: OrderWithoutCredentials;

  constructor(order: Order) {
    super(LcOrderFailedEvent.eventName, { bubbles: true, composed: true });
    const { credentials: _credentials, ...rest } = order;
    this.orderId = order.id;
    this.task = order.tasks.find((task) => task.status === 'failed');
    this.retryable = order.retryable === true;
    this.order = rest;
  }
}

declare global {
  interface HTMLElementEventMap {
    'lc-order-failed': LcOrderFailedEvent;
  }
}
