/**
 * What each cart line becomes in the order under new commerce: seats added to one of the
 * recipient's subscriptions, or a new subscription with its end date and auto-renew. Pure:
 * the machine's selectors and `<lc-order-review>` (alone, in Storybook) use the same rules.
 */
import type { EndDateOption, OrderLineInput, Subscription, Term } from '../api/schemas.js';
import { lineKey } from './cart-store.js';

/** The reseller's choice for one cart line. */
export type LineChoice =
  /** A new subscription; `endDate` one of the allowed end dates (left out: the default), `autoRenew` true when left out. */
  | { kind: 'new'; endDate?: string; autoRenew?: boolean }
  /** Seats added to `subscriptionId`: they end and renew with it. */
  | { kind: 'add-seats'; subscriptionId: string };

/** The recipient's subscriptions and the end dates a new subscription may take, per term. */
export interface RecipientSubscriptions {
  /** Whose they are: the existing customer's id, or `''` for the reseller's own organization. */
  readonly owner: string;
  readonly subscriptions: readonly Subscription[];
  readonly endDates: Readonly<Partial<Record<Term, readonly EndDateOption[]>>>;
}

type Offer = Pick<OrderLineInput, 'productId' | 'term' | 'billing'>;

/** The active subscriptions a line's seats can be added to: same product, term and billing. */
export function subscriptionsFor(line: Offer, subscriptions: readonly Subscription[] | undefined): Subscription[] {
  return (subscriptions ?? []).filter(
    (s) => s.status === 'active' && s.productId === line.productId && s.term === line.term && s.billing === line.billing,
  );
}

/**
 * The choice in force for a line: the stored one while it still applies (its subscription
 * still matches, its end date is still allowed), else the default. Adding seats is
 * preselected when the recipient has a matching subscription: it is the usual order ("ten
 * more seats for a customer we serve") and keeps one renewal date; of several, the one
 * ending last (the longest commitment already made), else a new subscription.
 */
export function effectiveChoice(
  line: Offer,
  known: Pick<RecipientSubscriptions, 'subscriptions' | 'endDates'> | undefined,
  stored: LineChoice | undefined,
): LineChoice {
  const matching = subscriptionsFor(line, known?.subscriptions);
  if (stored?.kind === 'add-seats' && matching.some((s) => s.id === stored.subscriptionId)) return stored;
  if (stored?.kind === 'new') {
    const allowed = known?.endDates[line.term];
    if (!stored.endDate || !allowed || allowed.some((option) => option.date === stored.endDate)) return stored;
    const { endDate: _dropped, ...rest } = stored;
    return rest;
  }
  const latest = [...matching].sort((a, b) => b.endDate.localeCompare(a.endDate))[0];
  return latest ? { kind: 'add-seats', subscriptionId: latest.id } : { kind: 'new' };
}

/**
 * The order line for a cart line and its choice. A new subscription with nothing chosen stays
 * exactly the cart's line (no `kind`), as before seat additions existed.
 */
function toOrderLine(line: OrderLineInput, choice: LineChoice): OrderLineInput {
  const offer = { productId: line.productId, term: line.term, billing: line.billing, quantity: line.quantity };
  if (choice.kind === 'add-seats') return { kind: 'add-seats', subscriptionId: choice.subscriptionId, ...offer };
  return {
    ...offer,
    ...(choice.endDate ? { endDate: choice.endDate } : {}),
    ...(choice.autoRenew === false ? { autoRenew: false } : {}),
  };
}

/** The order lines for the cart's lines with the choices made (by line key). */
export function linesWithChoices(
  lines: readonly OrderLineInput[],
  known: RecipientSubscriptions | undefined,
  stored: Readonly<Record<string, LineChoice>> | undefined,
): OrderLineInput[] {
  return lines.map((line) => {
    const choice = stored?.[lineKey(line)];
    // A line that already says what it is (a retried order's) keeps it unless something was chosen since.
    if (!choice && !known && line.kind === 'add-seats') return { ...line };
    return toOrderLine(line, effectiveChoice(line, known, choice));
  });
}
