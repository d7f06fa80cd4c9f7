/**
 * The part of the contract the cart's first screen validates: the catalog (`GET /catalog`),
 * the order lines it stores, and a problem's field errors. A module of its own so the
 * script-tag file carries only these schemas (and the zod code they need); the client loads
 * the rest with the steps. `schemas.ts` re-exports all of it; import from there, except in
 * modules the script-tag file loads before the cart is usable.
 *
 * Money is always an integer amount in the currency's minor unit (cents for USD).
 */
import * as z from 'zod/mini';
import { BILLINGS, TERMS } from './contract-values.js';

export { offerPricePerYear } from './contract-values.js';

// ---------------------------------------------------------------------------------------
// Shared building blocks

/** Subscription term, as an ISO 8601 duration: one month, one year, three years. */
export const Term = z.enum(TERMS);
export type Term = z.infer<typeof Term>;

/** How often the subscription is invoiced. */
export const Billing = z.enum(BILLINGS);
export type Billing = z.infer<typeof Billing>;

/** ISO 4217 currency code, e.g. `USD`. */
export const CurrencyCode = z.string().check(z.regex(/^[A-Z]{3}$/));

/** An amount in the currency's minor unit (cents). */
export const MinorAmount = z.int();

/** A calendar date, `YYYY-MM-DD`. */
export const IsoDate = z.iso.date();

// ---------------------------------------------------------------------------------------
// GET /catalog

/** One way to buy a product: a term, a billing frequency and the price per licence per billing period. */
export const Offer = z.object({
  term: Term,
  billing: Billing,
  /** Price of one licence for one billing period (a month when monthly, a year when annual), minor units. */
  unitPrice: MinorAmount.check(z.nonnegative()),
});
export type Offer = z.infer<typeof Offer>;


export const Product = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
  description: z.optional(z.string()),
  /** Product family, for grouping: e.g. "Microsoft 365", "Security". */
  category: z.optional(z.string()),
  minQuantity: z.int().check(z.gte(1)),
  maxQuantity: z.int().check(z.gte(1)),
  /**
   * The most licences one customer may hold of this product across all its subscriptions
   * (Microsoft 365 Business Basic, Standard and Premium: 300); absent when there is no cap.
   */
  seatCap: z.optional(z.int().check(z.gte(1))),
  offers: z.array(Offer).check(z.minLength(1)),
});
export type Product = z.infer<typeof Product>;

export const Catalog = z.object({
  currency: CurrencyCode,
  products: z.array(Product),
});
export type Catalog = z.infer<typeof Catalog>;

// ---------------------------------------------------------------------------------------
// Order lines: a new subscription, or seats added to an existing one

/** The product and offer of a line: what every kind of line names. */
const lineOffer = {
  productId: z.string().check(z.minLength(1)),
  term: Term,
  billing: Billing,
};

/**
 * A new subscription. `kind` may be left out (lines without it are new subscriptions), so
 * carts written before seat additions existed stay valid.
 */
export const NewSubscriptionLine = z.object({
  kind: z.optional(z.literal('new')),
  ...lineOffer,
  quantity: z.int().check(z.gte(1)),
  /**
   * The day the first term ends: one of `GET /end-dates` for this term and recipient
   * (aligned with an existing subscription, or a calendar month end). Left out: the
   * calendar month end (the list's `calendar-month-end` entry).
   */
  endDate: z.optional(IsoDate),
  /** Whether the subscription renews at the end of its term; true when left out. */
  autoRenew: z.optional(z.boolean()),
});
export type NewSubscriptionLine = z.infer<typeof NewSubscriptionLine>;

/**
 * Seats added to one of the recipient's subscriptions. Product, term and billing are the
 * subscription's (the backend checks them); the seats are prorated to its end date and
 * renew with it, on its auto-renew setting.
 */
export const AddSeatsLine = z.object({
  kind: z.literal('add-seats'),
  subscriptionId: z.string().check(z.minLength(1)),
  ...lineOffer,
  /** The seats to add, not the new total. */
  quantity: z.int().check(z.gte(1)),
});
export type AddSeatsLine = z.infer<typeof AddSeatsLine>;

export const OrderLineInput = z.discriminatedUnion('kind', [NewSubscriptionLine, AddSeatsLine]);
export type OrderLineInput = z.infer<typeof OrderLineInput>;

// ---------------------------------------------------------------------------------------
// Errors: RFC 9457 problem details (the rest of `Problem` is read leniently, see http.ts)

export const FieldError = z.object({
  /** Dotted path of the request field, e.g. `company.address.postalCode`. */
  field: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof FieldError>;
