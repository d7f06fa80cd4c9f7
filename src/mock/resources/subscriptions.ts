/**
 * The recipients' subscriptions: `GET /customers/{id}/subscriptions`, `GET /subscriptions`
 * (the reseller's own organization, for internal orders), the seeded test values, and the
 * rules an order line meets against them: seats added to an active subscription of the same
 * product, term and billing; the seat cap of the Business plans; the terms of each line
 * (end date, renewal, cancellation window). Orders add subscriptions and seats when placed.
 */
import type { AddSeatsLine, Billing, FieldError, OrderLineInput, Product, Recipient, Subscription, Term } from '../../api/schemas.js';
import { catalog } from '../data.js';
import { json, problem, randomHex } from '../http.js';
import { addDays, addMonths, calendarMonthEndDate, dayNumber, naturalEndDate } from '../proration.js';
import type { Route } from '../router.js';
import type { MockState } from '../state.js';

/** The owner key of the reseller's own subscriptions. */
export const INTERNAL_OWNER = 'internal';

/** A purchase, a renewal or a seat addition can be cancelled or reduced for 168 hours. */
export const CANCELLATION_WINDOW_MS = 168 * 3600_000;

const BASIC = 'cfq7ttc0lh18-0001';
const STANDARD = 'cfq7ttc0ldpb-0001';
const PREMIUM = 'cfq7ttc0lckm-0001';
const EXCHANGE_P1 = 'cfq7ttc0lh16-0001';
const M365_E3 = 'cfq7ttc0lfld-0001';
const M365_E5 = 'cfq7ttc0lfk5-0001';
const O365_E1 = 'cfq7ttc0lf8r-0001';

interface Seed {
  owner: string;
  id: string;
  productId: string;
  term: Term;
  billing: Billing;
  quantity: number;
  /** The current term started this long before today (days too, so that today is no anniversary and seats added are prorated). */
  monthsAgo: number;
  daysAgo?: number;
  autoRenew: boolean;
}

/**
 * The test values (docs/backend.md lists them). Dates are relative to the instance's today,
 * so "ends in three months" stays true whatever the date.
 */
const SEEDS: readonly Seed[] = [
  // Contoso: Business Premium, one year billed monthly, ending in under three months; a monthly Exchange plan.
  { owner: 'cst-7f3a2c91', id: 'sub-c0b9e512', productId: PREMIUM, term: 'P1Y', billing: 'monthly', quantity: 40, monthsAgo: 9, daysAgo: 12, autoRenew: true },
  { owner: 'cst-7f3a2c91', id: 'sub-c0e4a7d3', productId: EXCHANGE_P1, term: 'P1M', billing: 'monthly', quantity: 12, monthsAgo: 0, daysAgo: 10, autoRenew: true },
  // Litware: 285 seats of Business Basic in two subscriptions, 15 under the cap of 300.
  { owner: 'cst-5c2e9a47', id: 'sub-1a7f3b60', productId: BASIC, term: 'P1Y', billing: 'monthly', quantity: 250, monthsAgo: 5, daysAgo: 3, autoRenew: true },
  { owner: 'cst-5c2e9a47', id: 'sub-1a82c4f9', productId: BASIC, term: 'P1M', billing: 'monthly', quantity: 35, monthsAgo: 0, daysAgo: 20, autoRenew: true },
  // Wide World Importers: Microsoft 365 E3, one year billed annually; an Office 365 E1 that expired.
  { owner: 'cst-3ea7c5d8', id: 'sub-3e51d08b', productId: M365_E3, term: 'P1Y', billing: 'annual', quantity: 120, monthsAgo: 7, daysAgo: 9, autoRenew: true },
  { owner: 'cst-3ea7c5d8', id: 'sub-3e2f96a4', productId: O365_E1, term: 'P1Y', billing: 'monthly', quantity: 30, monthsAgo: 14, autoRenew: false },
  // Tailspin Toys: Business Standard, not renewing (a Business Premium promotion is open to it).
  { owner: 'cst-9d61f3b2', id: 'sub-9d07be35', productId: STANDARD, term: 'P1Y', billing: 'annual', quantity: 25, monthsAgo: 2, daysAgo: 20, autoRenew: false },
  // Woodgrove Bank: Microsoft 365 E5 for three years.
  { owner: 'cst-6f0b8e14', id: 'sub-6f4c21e7', productId: M365_E5, term: 'P3Y', billing: 'annual', quantity: 500, monthsAgo: 14, daysAgo: 5, autoRenew: true },
  // The reseller's own organization (internal orders).
  { owner: INTERNAL_OWNER, id: 'sub-00a1f5c8', productId: PREMIUM, term: 'P1Y', billing: 'annual', quantity: 15, monthsAgo: 3, daysAgo: 7, autoRenew: true },
];

export function productById(id: string): Product | undefined {
  return catalog.products.find((p) => p.id === id);
}

function seeded(owner: string, today: string): Subscription[] {
  return SEEDS.filter((seed) => seed.owner === owner).map((seed) => {
    const startDate = addDays(addMonths(today, -seed.monthsAgo), -(seed.daysAgo ?? 0));
    const endDate = naturalEndDate(startDate, seed.term);
    return {
      id: seed.id,
      productId: seed.productId,
      productName: productById(seed.productId)!.name,
      term: seed.term,
      billing: seed.billing,
      quantity: seed.quantity,
      startDate,
      endDate,
      autoRenew: seed.autoRenew,
      status: dayNumber(endDate) < dayNumber(today) ? 'expired' : 'active',
    };
  });
}

/** Whose subscriptions a recipient orders against; undefined for a new customer, who has none yet. */
export function ownerOf(recipient: Recipient): string | undefined {
  if (recipient.kind === 'internal') return INTERNAL_OWNER;
  return recipient.kind === 'existing' ? recipient.customerId : undefined;
}

/** An owner's subscriptions (seeded on first use), as this instance has them now. */
export function subscriptionsOf(state: MockState, owner: string | undefined): Subscription[] {
  if (owner === undefined) return [];
  let list = state.subscriptions.get(owner);
  if (!list) {
    list = seeded(owner, state.today());
    state.subscriptions.set(owner, list);
  }
  return list;
}

export function subscriptionRoutes(state: MockState): Route[] {
  return [
    {
      path: '/customers/{id}/subscriptions',
      methods: {
        GET: ({ params }) =>
          state.customers.some((c) => c.id === params.id)
            ? json({ subscriptions: subscriptionsOf(state, params.id) })
            : problem({ status: 404, title: 'Customer not found', code: 'customer-not-found', detail: `No customer with id “${params.id}”.` }),
      },
    },
    { path: '/subscriptions', methods: { GET: () => json({ subscriptions: subscriptionsOf(state, INTERNAL_OWNER) }) } },
  ];
}

/** Seats still count while a subscription is suspended; an expired one holds none. */
const holdsSeats = (s: Subscription) => s.status !== 'expired';

/**
 * What is wrong with the lines against the recipient's subscriptions: an add-seats line
 * naming no active subscription of the recipient, or one of another product, term or
 * billing; and seat caps (a Business plan's 300 licences across all of a customer's
 * subscriptions) broken by the order, named on each line of that product. `taken` are the
 * fields that already have an error, so a line gets one message per field. Seats start on
 * `startDate`, so their subscription must not end before it.
 */
export function subscriptionErrors(
  state: MockState,
  recipient: Recipient,
  lines: readonly OrderLineInput[],
  startDate: string,
  taken: ReadonlySet<string>,
): FieldError[] {
  const owner = ownerOf(recipient);
  const subscriptions = subscriptionsOf(state, owner);
  const errors: FieldError[] = [];
  lines.forEach((line, i) => {
    if (line.kind !== 'add-seats') return;
    const field = `lines.${i}.subscriptionId`;
    const subscription = subscriptions.find((s) => s.id === line.subscriptionId);
    if (!subscription) {
      errors.push({
        field,
        message: owner
          ? `No subscription “${line.subscriptionId}” for this recipient.`
          : 'A new customer has no subscriptions yet: order a new subscription instead.',
      });
    } else if (subscription.status !== 'active') {
      errors.push({ field, message: `Subscription ${subscription.id} is ${subscription.status}: seats can only be added to an active subscription.` });
    } else if (dayNumber(subscription.endDate) < dayNumber(startDate)) {
      errors.push({ field, message: `Subscription ${subscription.id} ends on ${subscription.endDate}, before the start date ${startDate}.` });
    } else {
      const mismatched = (['productId', 'term', 'billing'] as const).filter((key) => line[key] !== subscription[key]);
      for (const key of mismatched) {
        errors.push({
          field: `lines.${i}.${key}`,
          message: `Subscription ${subscription.id} is ${subscription.productName}, ${subscription.term} billed ${subscription.billing}; seats added to it are the same.`,
        });
      }
    }
  });

  const ordered = new Map<string, number>();
  for (const line of lines) ordered.set(line.productId, (ordered.get(line.productId) ?? 0) + line.quantity);
  for (const [productId, adding] of ordered) {
    const product = productById(productId);
    if (!product?.seatCap) continue;
    const held = subscriptions.filter((s) => s.productId === productId && holdsSeats(s)).reduce((sum, s) => sum + s.quantity, 0);
    if (held + adding <= product.seatCap) continue;
    const left = Math.max(0, product.seatCap - held);
    const message =
      `${product.name} allows ${product.seatCap} licences per customer across all its subscriptions. ` +
      (held ? `The recipient already has ${held}, so at most ${left} more can be ordered; this order has ${adding}.` : `This order has ${adding}.`);
    lines.forEach((line, i) => {
      const field = `lines.${i}.quantity`;
      if (line.productId === productId && !taken.has(field)) errors.push({ field, message });
    });
  }
  return errors;
}

/** What a placed or quoted line commits to: its term's end, renewal, and the cancellation deadline. */
export interface LineTerms {
  endDate: string;
  autoRenew: boolean;
  renewsOn?: string;
  cancellableUntil: string;
}

/**
 * A valid line's terms. Seats end and renew with their subscription; a new subscription
 * ends on its chosen end date (checked against the allowed list before) or the calendar
 * month end, and renews unless `autoRenew` is false. `purchasedAt`: ms since the epoch.
 */
export function lineTerms(state: MockState, recipient: Recipient, line: OrderLineInput, startDate: string, purchasedAt: number): LineTerms {
  let endDate: string;
  let autoRenew: boolean;
  if (line.kind === 'add-seats') {
    const subscription = subscriptionsOf(state, ownerOf(recipient)).find((s) => s.id === line.subscriptionId)!;
    ({ endDate, autoRenew } = subscription);
  } else {
    endDate = line.endDate ?? calendarMonthEndDate(startDate, line.term);
    autoRenew = line.autoRenew ?? true;
  }
  return {
    endDate,
    autoRenew,
    ...(autoRenew ? { renewsOn: addDays(endDate, 1) } : {}),
    cancellableUntil: new Date(purchasedAt + CANCELLATION_WINDOW_MS).toISOString(),
  };
}

/** The provisioning task's label for seats added to a subscription. */
export function addSeatsLabel(state: MockState, recipient: Recipient, line: AddSeatsLine): string {
  const subscription = subscriptionsOf(state, ownerOf(recipient)).find((s) => s.id === line.subscriptionId);
  const seats = `${line.quantity} seat${line.quantity === 1 ? '' : 's'}`;
  return `Add ${seats} to ${subscription?.productName ?? line.productId} (subscription ${line.subscriptionId}, ending ${subscription?.endDate ?? 'unknown'})`;
}

/**
 * What a placed order changes: seats are added to their subscriptions at once, and each new
 * subscription line becomes a subscription of `owner` (the new customer's id for a new
 * customer). Returns the id of the subscription each line created or added to.
 */
export function applyOrder(
  state: MockState,
  owner: string,
  lines: ReadonlyArray<{ line: OrderLineInput; terms: LineTerms }>,
  today: string,
): string[] {
  const subscriptions = subscriptionsOf(state, owner);
  return lines.map(({ line, terms }) => {
    if (line.kind === 'add-seats') {
      subscriptions.find((s) => s.id === line.subscriptionId)!.quantity += line.quantity;
      return line.subscriptionId;
    }
    const id = `sub-${randomHex(4)}`;
    subscriptions.push({
      id,
      productId: line.productId,
      productName: productById(line.productId)!.name,
      term: line.term,
      billing: line.billing,
      quantity: line.quantity,
      startDate: today,
      endDate: terms.endDate,
      autoRenew: terms.autoRenew,
      status: 'active',
    });
    return id;
  });
}
