/** `GET /agreement`: the current Microsoft Customer Agreement and whether this store wants it accepted before the order. */
import { currentAgreement } from '../data.js';
import { json } from '../http.js';
import type { Route } from '../router.js';
import type { MockState } from '../state.js';

export function agreementRoutes(state: MockState): Route[] {
  const { acceptanceBeforeOrder } = state.settings;
  return [{ path: '/agreement', methods: { GET: () => json({ ...currentAgreement(), acceptanceRequiredBeforeOrder: acceptanceBeforeOrder }) } }];
}
