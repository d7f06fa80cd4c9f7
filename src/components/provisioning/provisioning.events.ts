/**
 * Kept for existing imports (`src/react.ts`): the events live in `src/events/` now. Import
 * them from there; this module goes once nothing imports it.
 */
export { LcNewOrderEvent } from '../../events/new-order.js';
export { LcRetryOrderEvent } from '../../events/retry-order.js';
