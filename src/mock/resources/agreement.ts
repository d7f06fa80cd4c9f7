/** `GET /agreement`: the current Microsoft Customer Agreement and how this store has it accepted. */
import { currentAgreement } from '../data.js';
import { json } from '../http.js';
import type { Route } from '../router.js';
import type { MockState } from '../state.js';

export function agreementRoutes(state: MockState): Route[] {
  const { agreementMode, acceptanceBeforeOrder } = state.settings;
  return [{ path: '/agreement', methods: { GET: () => json({ ...currentAgreement(agreementMode), acceptanceRequiredBeforeOrder: acceptanceBeforeOrder }) } }];
}
