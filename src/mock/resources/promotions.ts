/**
 * Promotions: Microsoft runs them per product, term, billing and market, and checks each
 * customer's eligibility. The mock runs one. A quote line of an offered product and term gets
 * it applied (with its saving) or is told why not; other lines hear nothing of it.
 */
import type { AppliedPromotion, IneligiblePromotion, OrderLineInput, Recipient } from '../../api/schemas.js';
import { divideRoundHalfUp } from '../proration.js';
import type { MockState } from '../state.js';
import { ownerOf, subscriptionsOf } from './subscriptions.js';

interface Promotion {
  id: string;
  name: string;
  productId: string;
  term: OrderLineInput['term'];
  /** Percent off every bill of the first term. */
  percentOff: number;
  /** Customer countries (ISO 3166-1 alpha-2) it runs in. */
  markets: readonly string[];
}

export const PROMOTIONS: readonly Promotion[] = [
  {
    id: 'promo-m365bp-p1y-15',
    name: 'Microsoft 365 Business Premium: 15 % off the first year for new subscriptions',
    productId: 'cfq7ttc0lckm-0001',
    term: 'P1Y',
    percentOff: 15,
    markets: ['US', 'CA', 'GB', 'IE', 'DE', 'FR'],
  },
];

/** The reseller's own market, for internal orders. */
const RESELLER_MARKET = 'US';

function marketOf(state: MockState, recipient: Recipient): string | undefined {
  if (recipient.kind === 'internal') return RESELLER_MARKET;
  if (recipient.kind === 'new') return recipient.company.address.country;
  return state.customers.find((c) => c.id === recipient.customerId)?.country;
}

function ineligibility(state: MockState, recipient: Recipient, line: OrderLineInput, promotion: Promotion): string | undefined {
  if (line.kind === 'add-seats') {
    return 'The promotion is for new subscriptions only; seats added to a subscription are billed at its price.';
  }
  const market = marketOf(state, recipient);
  if (!market || !promotion.markets.includes(market)) {
    return `The promotion does not run in the customer’s market (${market ?? 'unknown'}).`;
  }
  const existing = subscriptionsOf(state, ownerOf(recipient)).find((s) => s.productId === promotion.productId && s.status !== 'expired');
  if (existing) {
    return `The recipient already has ${existing.productName} (subscription ${existing.id}); the promotion is for a first subscription of it.`;
  }
  return undefined;
}

/** The promotion a line gets on its first invoice `amount`, or the one it could have had and why not. */
export function promotionFor(
  state: MockState,
  recipient: Recipient,
  line: OrderLineInput,
  amount: number,
): { promotion?: AppliedPromotion; promotionNotApplied?: IneligiblePromotion } {
  const promotion = PROMOTIONS.find((p) => p.productId === line.productId && p.term === line.term);
  if (!promotion) return {};
  const reason = ineligibility(state, recipient, line, promotion);
  if (reason) return { promotionNotApplied: { id: promotion.id, name: promotion.name, reason } };
  return {
    promotion: {
      id: promotion.id,
      name: promotion.name,
      percentOff: promotion.percentOff,
      saving: divideRoundHalfUp(amount * promotion.percentOff, 100),
    },
  };
}
