/** What the client's tests share: an order for the reseller itself, and a promise's rejection. */
import { expect } from '@open-wc/testing';
import type { OrderRequest } from '../../src/api/schemas.js';

/** Microsoft 365 E3 in the mock's catalog. */
export const E3 = 'cfq7ttc0lfld-0001';

export const internalOrder: OrderRequest = { lines: [{ productId: E3, term: 'P1Y', billing: 'monthly', quantity: 5 }], recipient: { kind: 'internal' } };

/** The promise's rejection, failing the test when it resolves instead. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  expect.fail('expected the call to reject, but it resolved');
}
