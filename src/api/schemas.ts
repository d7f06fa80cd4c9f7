/**
 * The backend contract: every request and response body of the store's HTTP API, as zod
 * schemas. These are the single source of truth: the TypeScript types below are inferred
 * from them, the HTTP client parses every response with them, the mock backend parses every
 * request with them, and `npm run contract` turns them into `dist/openapi.json`.
 *
 * Runtime code uses `zod/mini` (a fraction of full zod's size); the schemas are ordinary
 * zod core schemas, so full zod's tools (JSON Schema output) accept them at build time.
 *
 * Money is always an integer amount in the currency's minor unit (cents for USD), so no
 * floating-point rounding ever reaches an invoice.
 */
import * as z from 'zod/mini';
import { AdminAccessChoice, AdminAccessStatus, AdminRole, IsoDateTime, Recipient, WebUrl } from './schemas-base.js';
import { Billing, CurrencyCode, FieldError, IsoDate, MinorAmount, OrderLineInput, Term } from './schemas-cart.js';

export * from './schemas-cart.js';
export * from './schemas-base.js';

/** A purchase order number or customer reference, carried with the order (invoices show it). */
export const PurchaseOrder = z.string().check(z.minLength(1), z.maxLength(40));

// ---------------------------------------------------------------------------------------
// GET /customers/{id}/subscriptions, GET /subscriptions

export const SubscriptionStatus = z.enum(['active', 'suspended', 'expired']);
export type SubscriptionStatus = z.infer<typeof SubscriptionStatus>;

/** One of a customer's subscriptions (or of the reseller's own organization). */
export const Subscription = z.object({
  id: z.string().check(z.minLength(1)),
  productId: z.string().check(z.minLength(1)),
  productName: z.string(),
  term: Term,
  billing: Billing,
  quantity: z.int().check(z.gte(1)),
  startDate: IsoDate,
  /** The last day of the current term. */
  endDate: IsoDate,
  /** Whether it renews the day after `endDate`. */
  autoRenew: z.boolean(),
  /** Only an active subscription takes more seats or co-terms a new one. */
  status: SubscriptionStatus,
});
export type Subscription = z.infer<typeof Subscription>;

export const SubscriptionList = z.object({
  subscriptions: z.array(Subscription),
});
export type SubscriptionList = z.infer<typeof SubscriptionList>;

// ---------------------------------------------------------------------------------------
// GET /end-dates?term=&customerId=&startDate=

/**
 * Why a date may end a new subscription: the end of a calendar month (the last one on or
 * before the term's natural end), or the end date of one of the recipient's active
 * subscriptions (co-terming).
 */
export const EndDateReason = z.enum(['calendar-month-end', 'subscription']);
export type EndDateReason = z.infer<typeof EndDateReason>;

export const EndDateOption = z.object({
  date: IsoDate,
  reason: EndDateReason,
  /** For `subscription`: the subscription it aligns with, and its product's name. */
  subscriptionId: z.optional(z.string()),
  productName: z.optional(z.string()),
});
export type EndDateOption = z.infer<typeof EndDateOption>;

export const EndDates = z.object({
  term: Term,
  startDate: IsoDate,
  /** The allowed end dates, earliest first; the calendar month end is the default. */
  endDates: z.array(EndDateOption).check(z.minLength(1)),
});
export type EndDates = z.infer<typeof EndDates>;

// ---------------------------------------------------------------------------------------
// POST /quotes

export const QuoteRequest = z.object({
  lines: z.array(OrderLineInput).check(z.minLength(1)),
  recipient: Recipient,
  /** The day the subscriptions start; today when left out. */
  startDate: z.optional(IsoDate),
});
export type QuoteRequest = z.infer<typeof QuoteRequest>;

/** A promotion applied to a quote line. */
export const AppliedPromotion = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string(),
  /** The discount, in percent, on every bill of the first term. */
  percentOff: z.number().check(z.gt(0), z.lte(100)),
  /** What it takes off this line's first invoice, minor units. */
  saving: MinorAmount.check(z.nonnegative()),
});
export type AppliedPromotion = z.infer<typeof AppliedPromotion>;

/** A promotion a line could have had, and why it does not. */
export const IneligiblePromotion = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string(),
  reason: z.string(),
});
export type IneligiblePromotion = z.infer<typeof IneligiblePromotion>;

/** What a quote says of every line, whatever its kind. */
const quotedLine = {
  productId: z.string(),
  name: z.string(),
  term: Term,
  billing: Billing,
  quantity: z.int(),
  unitPrice: MinorAmount,
  /** One full billing period for this line: unitPrice × quantity. */
  periodAmount: MinorAmount,
  /** The billing period the start date falls in. */
  periodStart: IsoDate,
  periodEnd: IsoDate,
  /** What the first invoice charges: from the start date to periodEnd, inclusive. */
  proratedFrom: IsoDate,
  chargedDays: z.int(),
  periodDays: z.int(),
  /** What the first invoice charges for this line, after any promotion. */
  proratedAmount: MinorAmount,
  // The terms below are optional so that quotes of backends without subscriptions stay
  // valid; the mock always sends endDate, autoRenew and cancellableUntil.
  /** The last day of the term the line is bought for: the chosen end date, or the subscription's. */
  endDate: z.optional(IsoDate),
  autoRenew: z.optional(z.boolean()),
  /** The day the next term starts; absent when the line does not renew. */
  renewsOn: z.optional(IsoDate),
  /** Until when the line can be cancelled or reduced if ordered now (168 hours after purchase). */
  cancellableUntil: z.optional(IsoDateTime),
  /** The promotion applied to this line. */
  promotion: z.optional(AppliedPromotion),
  /** A promotion offered for this product, term and billing that this line does not get, and why. */
  promotionNotApplied: z.optional(IneligiblePromotion),
};

/** A quoted line: a new subscription (`kind` left out or `new`) or seats added to `subscriptionId`. */
export const QuoteLine = z.discriminatedUnion('kind', [
  z.object({ kind: z.optional(z.literal('new')), ...quotedLine }),
  z.object({ kind: z.literal('add-seats'), subscriptionId: z.string(), ...quotedLine }),
]);
export type QuoteLine = z.infer<typeof QuoteLine>;

export const Quote = z.object({
  id: z.string(),
  currency: CurrencyCode,
  startDate: IsoDate,
  lines: z.array(QuoteLine),
  /** Sum of the lines' full billing periods. */
  recurringTotal: MinorAmount,
  /** Sum of the prorated amounts: what the first invoice charges before tax. */
  firstInvoiceTotal: MinorAmount,
  /** When the quote's prices stop being guaranteed. */
  expiresAt: IsoDateTime,
});
export type Quote = z.infer<typeof Quote>;

// ---------------------------------------------------------------------------------------
// POST /orders, GET /orders/{id}, GET /orders/{id}/events

export const OrderRequest = z.object({
  lines: z.array(OrderLineInput).check(z.minLength(1)),
  recipient: Recipient,
  /**
   * The acceptance request of a recipient without an agreement on file. Pending acceptance is
   * allowed unless the store requires it first: the order then waits on it during provisioning.
   */
  agreementAcceptanceId: z.optional(z.string().check(z.minLength(1))),
  adminAccess: z.optional(AdminAccessChoice),
  quoteId: z.optional(z.string()),
  /** The reseller's purchase order number or customer reference: up to 40 characters, echoed on the order. */
  purchaseOrder: z.optional(PurchaseOrder),
});
export type OrderRequest = z.infer<typeof OrderRequest>;

/**
 * What a placed line commits to. The order keeps its `lines` exactly as ordered (a retry
 * sends them again), and says this of each, in the same order, in `lineTerms`.
 */
export const OrderLineTerms = z.object({
  /** The last day of the term: the chosen end date, the calendar month end, or the subscription's. */
  endDate: IsoDate,
  autoRenew: z.boolean(),
  /** The day the next term starts; absent when the line does not renew. */
  renewsOn: z.optional(IsoDate),
  /** Until when the line can be cancelled or reduced: 168 hours after the order was placed. */
  cancellableUntil: IsoDateTime,
  /** The subscription the line created or added seats to, once the backend knows it. */
  subscriptionId: z.optional(z.string()),
});
export type OrderLineTerms = z.infer<typeof OrderLineTerms>;

export const TaskStatus = z.enum([
  'pending',
  'running',
  'succeeded',
  'failed',
  /** Waiting on someone else (e.g. Microsoft reviewing a new customer); not an error. */
  'waiting',
  /** Waiting on an action by a person, usually the customer (a link to send). */
  'action-required',
]);
export type TaskStatus = z.infer<typeof TaskStatus>;

export const TaskKind = z.enum([
  'create-tenant',
  'link-reseller',
  'accept-relationship',
  'record-agreement',
  'review-customer',
  'create-subscription',
  /** Seats added to an existing subscription. */
  'add-seats',
  /** The new tenant gets the default GDAP roles. */
  'grant-default-roles',
  /** The customer's Global Administrator approves the admin-access (GDAP) request at its link. */
  'approve-admin-access',
]);
export type TaskKind = z.infer<typeof TaskKind>;

export const ProvisioningTask = z.object({
  id: z.string(),
  kind: TaskKind,
  /** What the task does, in the backend's words (e.g. "Create subscription: Microsoft 365 E3"). */
  label: z.string(),
  status: TaskStatus,
  startedAt: z.optional(IsoDateTime),
  finishedAt: z.optional(IsoDateTime),
  /** The backend's estimate of the task's whole duration. */
  estimatedSeconds: z.optional(z.number().check(z.nonnegative())),
  /** More about the state: why it failed, who must act. */
  detail: z.optional(z.string()),
  /** For action-required: the link to send to the person who must act. */
  actionUrl: z.optional(WebUrl),
});
export type ProvisioningTask = z.infer<typeof ProvisioningTask>;

export const OrderStatus = z.enum([
  /** Tasks are pending or running: keep the page open. */
  'provisioning',
  /** Nothing runs; what is left waits on someone else. The page can be closed. */
  'waiting',
  'completed',
  'failed',
]);
export type OrderStatus = z.infer<typeof OrderStatus>;

/** A new tenant's first administrator: shown once, never stored by the widget. */
export const AdminCredentials = z.object({
  userName: z.string(),
  temporaryPassword: z.string(),
});
export type AdminCredentials = z.infer<typeof AdminCredentials>;

export const Order = z.object({
  id: z.string().check(z.minLength(1)),
  status: OrderStatus,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  recipient: z.object({
    kind: z.enum(['internal', 'existing', 'new']),
    companyName: z.string(),
    domain: z.optional(z.string()),
  }),
  currency: CurrencyCode,
  lines: z.array(OrderLineInput),
  /** One per line, in the same order: its end date, renewal and cancellation deadline. */
  lineTerms: z.optional(z.array(OrderLineTerms)),
  firstInvoiceTotal: MinorAmount,
  /** The purchase order number sent with the order, as sent. */
  purchaseOrder: z.optional(z.string()),
  tasks: z.array(ProvisioningTask),
  /** Share of the work done, 0–1. */
  progress: z.number().check(z.gte(0), z.lte(1)),
  /** The backend's estimate of the seconds left for tasks that can run now. */
  estimatedSecondsRemaining: z.optional(z.number().check(z.nonnegative())),
  /** For a failed order: whether placing the same order again may succeed (a passing failure). */
  retryable: z.optional(z.boolean()),
  /** A new tenant's administrator: on a completed order, and on a failed one that created the tenant. */
  credentials: z.optional(AdminCredentials),
  /** The admin access (GDAP) this order asked for, when it asked for any. */
  adminAccess: z.optional(
    z.object({
      status: AdminAccessStatus,
      roles: z.array(AdminRole),
      /** Only for a request: its template, duration and auto-extend as sent. */
      templateId: z.optional(z.string()),
      duration: z.optional(z.string()),
      autoExtend: z.optional(z.boolean()),
      /** While `approval-pending`: where the customer's Global Administrator approves it. */
      approvalUrl: z.optional(WebUrl),
    }),
  ),
});
export type Order = z.infer<typeof Order>;

// ---------------------------------------------------------------------------------------
// Errors: RFC 9457 problem details

export const Problem = z.looseObject({
  type: z.optional(z.string()),
  title: z.string(),
  status: z.int(),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  /** Machine-readable reason, e.g. `validation-failed`, `idempotency-key-reused`. */
  code: z.optional(z.string()),
  errors: z.optional(z.array(FieldError)),
});
export type Problem = z.infer<typeof Problem>;
