/**
 * Recipients' subscriptions, read from Partner Center, and the rules order lines meet against
 * them: seats added to an active subscription of the same offer, the Business plans' seat cap,
 * co-termed end dates, each line's terms and promotions.
 *
 * Those rules are the mock's own (`src/mock/resources/subscriptions.ts`, `end-dates.ts`,
 * `promotions.ts`, `quotes.ts`), written over the mock's in-memory state. The server hands
 * them a state holding just this recipient, with the subscriptions Partner Center has, so the
 * two implementations apply one set of rules and word their field errors alike.
 */
import type { OrderLineInput, Recipient, Subscription, Term } from '../../src/api/schemas.js';
import { allowedEndDates } from '../../src/mock/resources/end-dates.js';
import type { PricedLine } from '../../src/mock/resources/build-quote.js';
import { quoteLines, recipientLineErrors } from '../../src/mock/resources/quotes.js';
import { addSeatsLabel, INTERNAL_OWNER, lineTerms, ownerOf } from '../../src/mock/resources/subscriptions.js';
import { createState, type MockState } from '../../src/mock/state.js';
import type { ResellerConfig } from './config.js';
import type { StoreContext } from './orders/place.js';
import type { PcSubscription } from './partner-center/gateway.js';

export { INTERNAL_OWNER, ownerOf };

/** A recipient as the rules see it: its subscriptions, and for promotions its country. */
export interface RecipientView {
  recipient: Recipient;
  subscriptions: Subscription[];
  rules: MockState;
}

export function toSubscription(s: PcSubscription): Subscription {
  const status = s.status === 'suspended' ? 'suspended' : s.status === 'expired' || s.status === 'deleted' ? 'expired' : 'active';
  return {
    id: s.id,
    productId: s.offerId,
    productName: s.offerName,
    term: s.termDuration as Term,
    billing: s.billingCycle === 'annual' ? 'annual' : 'monthly',
    quantity: s.quantity,
    startDate: s.effectiveStartDate,
    endDate: s.commitmentEndDate,
    autoRenew: s.autoRenewEnabled,
    status,
  };
}

/** The Microsoft tenant whose subscriptions a recipient orders against: the reseller's own, an existing customer's, none for a new one. */
export async function tenantFor(ctx: StoreContext, reseller: ResellerConfig, recipient: Recipient): Promise<string | undefined> {
  if (recipient.kind === 'new') return undefined;
  if (recipient.kind === 'internal') return (await ctx.gateway.findCustomerByDomain(reseller.domain))?.id;
  const [row] = await ctx.db.query<{ tenant_id: string | null; default_domain: string }>('SELECT tenant_id, default_domain FROM customers WHERE reseller_id = $1 AND id = $2', [
    reseller.id,
    recipient.customerId,
  ]);
  if (!row) return undefined;
  if (row.tenant_id) return row.tenant_id;
  const found = await ctx.gateway.findCustomerByDomain(row.default_domain);
  if (found) await ctx.db.query('UPDATE customers SET tenant_id = $3 WHERE reseller_id = $1 AND id = $2', [reseller.id, recipient.customerId, found.id]);
  return found?.id;
}

export async function subscriptionsFor(ctx: StoreContext, reseller: ResellerConfig, recipient: Recipient): Promise<Subscription[]> {
  const tenant = await tenantFor(ctx, reseller, recipient);
  return tenant ? (await ctx.gateway.listSubscriptions(tenant)).map(toSubscription) : [];
}

/** The recipient and its subscriptions, ready for the rules. `country`: an existing customer's, for promotions. */
export async function viewOf(ctx: StoreContext, reseller: ResellerConfig, recipient: Recipient, country?: string): Promise<RecipientView> {
  const subscriptions = await subscriptionsFor(ctx, reseller, recipient);
  const rules = createState({
    speed: 1,
    basePath: '',
    sse: false,
    latencyMs: 0,
    today: ctx.today(),
    acceptanceLinkSeconds: 0,
    acceptanceBeforeOrder: ctx.rules.acceptanceBeforeOrder,
    defaultRolesOptOut: ctx.rules.defaultRolesOptOut,
  });
  rules.customers = recipient.kind === 'existing' ? [{ id: recipient.customerId, companyName: '', defaultDomain: '', agreementOnFile: true, ...(country ? { country } : {}) }] : [];
  const owner = ownerOf(recipient);
  // Always set, even empty: the mock would otherwise seed its own test subscriptions.
  if (owner !== undefined) rules.subscriptions.set(owner, subscriptions);
  return { recipient, subscriptions, rules };
}

export function lineErrors(view: RecipientView, lines: OrderLineInput[], startDate: string, taken: Parameters<typeof recipientLineErrors>[4]) {
  return recipientLineErrors(view.rules, view.recipient, lines, startDate, taken);
}

export function quoted(view: RecipientView, priced: PricedLine[], startDate: string, purchasedAt: number) {
  return quoteLines(view.rules, view.recipient, priced, startDate, purchasedAt);
}

export function termsOf(view: RecipientView, line: OrderLineInput, startDate: string, purchasedAt: number) {
  return lineTerms(view.rules, view.recipient, line, startDate, purchasedAt);
}

export function endDatesFor(view: RecipientView, term: Term, startDate: string) {
  return allowedEndDates(view.rules, ownerOf(view.recipient), term, startDate);
}

export function seatsLabel(view: RecipientView, line: Extract<OrderLineInput, { kind: 'add-seats' }>): string {
  return addSeatsLabel(view.rules, view.recipient, line);
}
