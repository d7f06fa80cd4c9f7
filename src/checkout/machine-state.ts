/**
 * The checkout machine's state and actions (see `machine.ts`): what one checkout holds, as an
 * immutable, JSON-safe plain object, and everything that can happen to it.
 */
import type { AcceptanceRequest, AdminAccessTemplates, Agreement, Catalog, Customer, DomainAvailability, Order, OrderLineInput, OrderRequest, Quote, Recipient, TenantLookup } from '../api/schemas.js';
import type { AgreementDraft, CompanyDraft, TenantDraft } from './validate.js';
import type { AdminAccessDraft } from './admin-access.js';
import { emptyAdminAccess, emptyAgreement, emptyCompany, emptyTenant } from './empty-drafts.js';
import type { LineChoice, RecipientSubscriptions } from './machine-lines.js';

export type { LineChoice, RecipientSubscriptions } from './machine-lines.js';

// ---------------------------------------------------------------------------------------
// State

/**
 * The steps, in flow order. Everything after the order is placed is `provisioning`: its
 * outcome (running, waiting on someone, completed, failed) is the order's own status, see
 * `orderPhase()`, so the step list stays short and the outcome has one source of truth.
 */
export const STEPS = [
  'cart',
  'customer-type',
  'customer-details',
  'tenant-domain',
  'agreement',
  'review',
  'provisioning',
] as const;
export type Step = (typeof STEPS)[number];

export type RecipientKind = Recipient['kind'];

/** One placement attempt: its idempotency key and the content it was made for. */
export interface Submission {
  /** Sent as `Idempotency-Key`; the same for every retry of the same content. */
  readonly idempotencyKey: string;
  /** The order request the key belongs to (serialized); other content gets a new key. */
  readonly fingerprint: string;
  /** `POST /orders` is under way: "Place order" is disabled and leaving the page is guarded. */
  readonly inFlight: boolean;
}

export interface CheckoutState {
  readonly step: Step;
  /** Steps reached so far on the current path (for `go-to` and the step list). */
  readonly visited: readonly Step[];
  readonly lines: readonly OrderLineInput[];
  /** The catalog, when loaded: lets the cart rule check offers and quantity bounds. */
  readonly catalog?: Catalog;
  readonly recipientKind?: RecipientKind;
  /** The chosen existing customer. */
  readonly customer?: Customer;
  /** The new customer's form. */
  readonly company: Readonly<CompanyDraft>;
  /** The new customer's tenant form and look-ups. */
  readonly tenant: Readonly<TenantDraft>;
  /** `GET /agreement`: the current agreement, and whether acceptance must come before the order. */
  readonly agreement?: Agreement;
  /** The signatory and the acceptance request made for them. */
  readonly agreementDraft: Readonly<AgreementDraft>;
  /** `GET /admin-access/templates`: the GDAP role templates and a new tenant's default roles. */
  readonly adminTemplates?: AdminAccessTemplates;
  /** The admin access (GDAP) asked for with the order. */
  readonly adminAccess: Readonly<AdminAccessDraft>;
  /** `POST /quotes` for the current lines and recipient; cleared when either changes. */
  readonly quote?: Quote;
  readonly submission?: Submission;
  /** The placed order's id, known from `POST /orders`'s answer (or from a resume). */
  readonly orderId?: string;
  /** The latest snapshot of the placed order. */
  readonly order?: Order;
  /** The recipient's subscriptions and allowed end dates (existing customers, internal orders). */
  readonly subscriptions?: RecipientSubscriptions;
  /** What the reseller chose per cart line (by the cart's line key); the default applies to the others. */
  readonly lineChoices?: Readonly<Record<string, LineChoice>>;
  /** The purchase order number or customer reference typed on the review (sent when not blank). */
  readonly purchaseOrder?: string;
  /**
   * After a reload: the recipient kind the resumed order was placed for (kept with its
   * reference), so the step list shows the path it went through before its snapshot arrives.
   */
  readonly resumedKind?: RecipientKind;
}

/** What the machine needs from outside; injected so tests are deterministic. */
export interface MachineEnv {
  /** A new idempotency key. */
  newKey(): string;
}

export { randomKey } from '../internal/random-key.js';

/** A fresh checkout at the cart. */
export function createCheckout(lines: readonly OrderLineInput[] = [], catalog?: Catalog): CheckoutState {
  return {
    step: 'cart',
    visited: ['cart'],
    lines: [...lines],
    ...(catalog ? { catalog } : {}),
    company: emptyCompany,
    tenant: emptyTenant,
    agreementDraft: emptyAgreement,
    adminAccess: emptyAdminAccess,
  };
}

// ---------------------------------------------------------------------------------------
// Actions

export type CheckoutAction =
  /** The cart changed (ignored once the order is under way). */
  | { type: 'set-lines'; lines: readonly OrderLineInput[] }
  | { type: 'catalog-loaded'; catalog: Catalog }
  /** Checkout from the cart: to customer-type, with at least one valid line. */
  | { type: 'start' }
  | { type: 'choose-recipient'; kind: RecipientKind }
  /** Picks an existing customer (implies the `existing` kind); `undefined` clears the pick. */
  | { type: 'select-customer'; customer: Customer | undefined }
  | { type: 'update-company'; values: Partial<CompanyDraft> }
  /** Form values of the tenant step; a changed prefix or domain drops its look-up. */
  | { type: 'update-tenant'; values: Partial<Pick<TenantDraft, 'hasTenant' | 'domain' | 'prefix'>> }
  /** `GET /domains/{prefix}` answered; ignored when the prefix has changed since. */
  | { type: 'availability-loaded'; availability: DomainAvailability }
  /** `GET /tenants/{domain}` answered; ignored when the domain has changed since. */
  | { type: 'tenant-loaded'; lookup: TenantLookup }
  | { type: 'agreement-loaded'; agreement: Agreement }
  /** The signatory's fields, or the acceptance request (created, regenerated, or a newer status). */
  | { type: 'update-agreement'; values: Partial<AgreementDraft> }
  /** A newer snapshot of the acceptance request; ignored for another request. */
  | { type: 'acceptance-updated'; acceptance: AcceptanceRequest }
  | { type: 'admin-templates-loaded'; templates: AdminAccessTemplates }
  | { type: 'update-admin-access'; values: Partial<AdminAccessDraft> }
  | { type: 'next' }
  | { type: 'back' }
  /** Jumps to a visited step of the current path (forward only across valid steps). */
  | { type: 'go-to'; step: Step }
  /** `POST /quotes` answered; ignored when its lines are not the cart's. */
  | { type: 'quote-loaded'; quote: Quote }
  /**
   * "Place order" pressed. Accepted once per attempt: the state then carries the
   * idempotency key and the request to send (`buildOrderRequest`). Ignored while a request
   * is in flight, so a double click sends one request.
   */
  | { type: 'order-submitting' }
  /**
   * After a reload while `POST /orders` was in flight: the stored request goes again with its
   * stored key (the backend answers with the order it made, or makes it now).
   */
  | { type: 'order-resubmitting'; idempotencyKey: string; request: OrderRequest }
  /** `POST /orders` failed or timed out: the button comes back, the key stays for the retry. */
  | { type: 'order-submit-failed' }
  | { type: 'order-placed'; order: Order }
  /** A newer snapshot of the placed order (SSE or polling). */
  | { type: 'order-updated'; order: Order }
  /** After a reload: follow an order placed earlier (its id from `sessionStorage`). */
  | { type: 'order-resumed'; orderId: string; order?: Order; recipientKind?: RecipientKind }
  /** The backend does not know the resumed order: drop it and start over at the cart. */
  | { type: 'order-not-found'; orderId: string }
  /** A failed order the backend calls retryable: back to review for a new attempt (new key). */
  | { type: 'retry-order' }
  /** A fresh checkout; empties the cart after a placed (not failed) order. */
  | { type: 'reset' }
  /** The recipient's subscriptions and end dates arrived; ignored when they are another recipient's. */
  | { type: 'subscriptions-loaded'; subscriptions: RecipientSubscriptions }
  /** Seats or a new subscription (with its end date and auto-renew) for the cart line `key`. */
  | { type: 'choose-line'; key: string; choice: LineChoice }
  | { type: 'set-purchase-order'; purchaseOrder: string };

