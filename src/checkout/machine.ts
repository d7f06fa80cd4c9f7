/**
 * The checkout state machine: plain TypeScript, no DOM. `<lc-checkout>` keeps one
 * `CheckoutState`, feeds every user action and backend answer through `transition()`, and
 * renders what the selectors say. Every rule of the flow lives here, so it is unit-tested
 * once, not per element:
 *
 * - one recipient per checkout: choosing another kind or another customer clears what was
 *   entered for the previous one (choosing the same one again keeps everything);
 * - the skips: internal → review; existing customer → agreement only when not on file;
 *   new customer → details → tenant → agreement → review;
 * - "Next" only when the current step is valid; going back only until the order is placed;
 * - after the order is placed nothing it was made of can change;
 * - one idempotency key per placement attempt, reused for retries of the same content.
 *
 * The state is an immutable, JSON-safe plain object (persistence can store it as is). A
 * transition that changes nothing returns the very same object, so a caller can tell an
 * ignored action (`next === state`), e.g. a second "Place order" click, from an accepted one.
 */
import {
  OrderRequest,
  type Agreement,
  type Catalog,
  type Customer,
  type DomainAvailability,
  type Order,
  type OrderLineInput,
  type Quote,
  type QuoteRequest,
  type Recipient,
  type TenantLookup,
} from '../api/schemas.js';
import {
  emptyAgreement,
  emptyCompany,
  emptyTenant,
  hasErrors,
  normalizeDomain,
  samePrefix,
  toAgreementAcceptance,
  toCompanyDetails,
  todayIso,
  validateAgreement,
  validateCompany,
  validateLines,
  validateTenant,
  type AgreementDraft,
  type CompanyDraft,
  type FieldErrors,
  type TenantDraft,
} from './validate.js';

export type { AgreementDraft, CompanyDraft, ErrorCode, FieldErrors, TenantDraft } from './validate.js';

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
  /** `GET /agreement`: the current agreement and its mode. */
  readonly agreement?: Agreement;
  /** The signatory's form (used in `attest` mode). */
  readonly agreementDraft: Readonly<AgreementDraft>;
  /** `POST /quotes` for the current lines and recipient; cleared when either changes. */
  readonly quote?: Quote;
  readonly submission?: Submission;
  /** The placed order's id, known from `POST /orders`'s answer (or from a resume). */
  readonly orderId?: string;
  /** The latest snapshot of the placed order. */
  readonly order?: Order;
}

/** What the machine needs from outside; injected so tests are deterministic. */
export interface MachineEnv {
  /** A new idempotency key. */
  newKey(): string;
  /** The local date, `YYYY-MM-DD` ("date accepted" may not be later). */
  today(): string;
}

/** A random UUID v4. `crypto.randomUUID` exists only in secure contexts; a reseller's page may be plain http. */
export function randomKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const defaultEnv: MachineEnv = { newKey: randomKey, today: () => todayIso() };

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
  | { type: 'update-agreement'; values: Partial<AgreementDraft> }
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
  /** `POST /orders` failed or timed out: the button comes back, the key stays for the retry. */
  | { type: 'order-submit-failed' }
  | { type: 'order-placed'; order: Order }
  /** A newer snapshot of the placed order (SSE or polling). */
  | { type: 'order-updated'; order: Order }
  /** After a reload: follow an order placed earlier (its id from `sessionStorage`). */
  | { type: 'order-resumed'; orderId: string; order?: Order }
  /** The backend does not know the resumed order: drop it and start over at the cart. */
  | { type: 'order-not-found'; orderId: string }
  /** A failed order the backend calls retryable: back to review for a new attempt (new key). */
  | { type: 'retry-order' }
  /** A fresh checkout; empties the cart after a placed (not failed) order. */
  | { type: 'reset' };

// ---------------------------------------------------------------------------------------
// Selectors

/** Where the checkout is, as far as the order goes. */
export type OrderPhase =
  /** No order yet: the user fills the steps. */
  | 'editing'
  /** `POST /orders` is in flight. */
  | 'submitting'
  /** An order id without a snapshot yet (just resumed). */
  | 'placed'
  /** The order's status: tasks pending or running. */
  | 'provisioning'
  /** Nothing runs; what is left waits on someone else. */
  | 'waiting'
  | 'completed'
  | 'failed';

export function orderPhase(state: CheckoutState): OrderPhase {
  if (state.orderId) return state.order ? state.order.status : 'placed';
  return state.submission?.inFlight ? 'submitting' : 'editing';
}

/** Whether the user may still change what will be ordered. */
export const isEditable = (state: CheckoutState): boolean => orderPhase(state) === 'editing';

/**
 * Whether leaving the page now can lose something: while `POST /orders` is in flight (its
 * answer carries the order id needed to resume) and while the order's tasks run.
 */
export function navigationGuardNeeded(state: CheckoutState): boolean {
  const phase = orderPhase(state);
  return phase === 'submitting' || phase === 'provisioning';
}

/** Whether the recipient must accept the Microsoft Customer Agreement with this order. */
export function agreementNeeded(state: CheckoutState): boolean {
  if (state.recipientKind === 'new') return true;
  if (state.recipientKind === 'existing') return state.customer ? !state.customer.agreementOnFile : false;
  return false;
}

/** Whether the order carries the signatory's acceptance (only in `attest` mode). */
export const acceptanceSent = (state: CheckoutState): boolean =>
  agreementNeeded(state) && state.agreement?.mode === 'attest';

/** The steps shown for the current recipient, in order, ending with provisioning. */
export function stepsFor(state: CheckoutState): Step[] {
  const steps: Step[] = ['cart', 'customer-type'];
  if (state.recipientKind === 'new') steps.push('customer-details', 'tenant-domain', 'agreement');
  else if (state.recipientKind === 'existing' && agreementNeeded(state)) steps.push('agreement');
  steps.push('review', 'provisioning');
  return steps;
}

export interface ValidationOptions {
  /** The step to check; the current one when left out. */
  step?: Step;
  /** The local date `YYYY-MM-DD`; today when left out. */
  today?: string;
}

/**
 * What blocks "Next" on a step: field name → error code. Empty when the step is valid.
 * Review and provisioning have no form: see `canPlaceOrder`.
 */
export function stepErrors(state: CheckoutState, options: ValidationOptions = {}): FieldErrors {
  const step = options.step ?? state.step;
  const today = options.today ?? todayIso();
  switch (step) {
    case 'cart':
      return validateLines(state.lines, state.catalog);
    case 'customer-type':
      if (!state.recipientKind) return { recipientKind: 'required' };
      if (state.recipientKind === 'existing' && !state.customer) return { customer: 'required' };
      return {};
    case 'customer-details':
      return validateCompany(state.company);
    case 'tenant-domain':
      return validateTenant(state.tenant, state.company.companyName);
    case 'agreement':
      if (!state.agreement) return { agreement: 'not-loaded' };
      // The customer accepts on Microsoft's page: this step only informs.
      if (state.agreement.mode === 'customer-accepts') return {};
      return validateAgreement(state.agreementDraft, today);
    case 'review':
    case 'provisioning':
      return {};
  }
}

/** The first step of the current path, before review, that is not valid. */
export function firstInvalidStep(state: CheckoutState, today: string = todayIso()): Step | undefined {
  return stepsFor(state)
    .slice(0, -2)
    .find((step) => hasErrors(stepErrors(state, { step, today })));
}

/** Whether "Next" leads anywhere: an editable checkout, a valid step before review. */
export function canGoNext(state: CheckoutState, today: string = todayIso()): boolean {
  if (!isEditable(state)) return false;
  const steps = stepsFor(state);
  const index = steps.indexOf(state.step);
  return index >= 0 && index < steps.indexOf('review') && !hasErrors(stepErrors(state, { today }));
}

/** Going back is allowed until the order is placed (and not while it is being placed). */
export const canGoBack = (state: CheckoutState): boolean => isEditable(state) && state.step !== 'cart';

/** "Place order": on review, nothing invalid, the quote shown, no attempt in flight, no order yet. */
export function canPlaceOrder(state: CheckoutState, today: string = todayIso()): boolean {
  return isEditable(state) && state.step === 'review' && Boolean(state.quote) && Boolean(buildOrderRequest(state, today));
}

/** The contract's `Recipient`, or `undefined` while the recipient's steps are incomplete. */
export function buildRecipient(state: CheckoutState, today: string = todayIso()): Recipient | undefined {
  const recipientSteps: Step[] = ['customer-type', 'customer-details', 'tenant-domain'];
  const incomplete = stepsFor(state).some(
    (step) => recipientSteps.includes(step) && hasErrors(stepErrors(state, { step, today })),
  );
  if (incomplete) return undefined;
  switch (state.recipientKind) {
    case 'internal':
      return { kind: 'internal' };
    case 'existing':
      return state.customer ? { kind: 'existing', customerId: state.customer.id } : undefined;
    case 'new': {
      const company = toCompanyDetails(state.company);
      if (!company) return undefined;
      const tenant = state.tenant.hasTenant
        ? { kind: 'existing' as const, domain: normalizeDomain(state.tenant.domain) }
        : { kind: 'new' as const, prefix: state.tenant.prefix };
      return { kind: 'new', company, tenant };
    }
    default:
      return undefined;
  }
}

/** `POST /quotes`'s body, or `undefined` while the cart or recipient is incomplete. */
export function buildQuoteRequest(state: CheckoutState, today: string = todayIso()): QuoteRequest | undefined {
  if (hasErrors(stepErrors(state, { step: 'cart' }))) return undefined;
  const recipient = buildRecipient(state, today);
  return recipient ? { lines: state.lines.map((line) => ({ ...line })), recipient } : undefined;
}

/**
 * `POST /orders`'s body, checked against the contract, or `undefined` while any step of
 * the path is invalid. The agreement acceptance is included only when the recipient needs
 * one and the mode is `attest`; in `customer-accepts` mode the customer accepts on
 * Microsoft's page and nothing is sent.
 */
export function buildOrderRequest(state: CheckoutState, today: string = todayIso()): OrderRequest | undefined {
  if (firstInvalidStep(state, today)) return undefined;
  const quoteRequest = buildQuoteRequest(state, today);
  if (!quoteRequest) return undefined;
  const request: OrderRequest = { lines: quoteRequest.lines, recipient: quoteRequest.recipient };
  if (agreementNeeded(state)) {
    if (!state.agreement) return undefined;
    if (state.agreement.mode === 'attest') {
      const acceptance = toAgreementAcceptance(state.agreementDraft, state.agreement.templateId, today);
      if (!acceptance) return undefined;
      request.agreement = acceptance;
    }
  }
  if (state.quote) request.quoteId = state.quote.id;
  return OrderRequest.safeParse(request).success ? request : undefined;
}

// ---------------------------------------------------------------------------------------
// Transitions

/** Structural equality for the small plain values in the state. */
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

const lineKey = (line: { productId: string; term: string; billing: string; quantity: number }) =>
  `${line.productId}\u0000${line.term}\u0000${line.billing}\u0000${line.quantity}`;

/** A frozen line of primitive values (the cart's lines are) cannot change: it need not be copied. */
const immutableLine = (line: OrderLineInput): boolean =>
  Object.isFrozen(line) && Object.values(line).every((value) => value === null || typeof value !== 'object');

/**
 * The state's lines for the cart's `next` lines: `previous` itself when every line is equal
 * (as JSON, as `same` compares); otherwise a new array that keeps each line equal to the one
 * at its place before, takes an immutable line as is, and copies any other (so a caller
 * mutating what it passed changes nothing). The cart keeps an unchanged line's object from
 * one cart to the next, so comparing a 1,000-line cart costs one identity check per line
 * (and none for the very array already held).
 */
function ownLines(previous: readonly OrderLineInput[], next: readonly OrderLineInput[]): readonly OrderLineInput[] {
  if (next === previous) return previous;
  let changed = previous.length !== next.length;
  let asGiven = Object.isFrozen(next);
  const lines = next.map((line, index) => {
    const before = previous[index];
    if (before !== undefined && (before === line || same(before, line))) {
      if (before !== line) asGiven = false;
      return before;
    }
    changed = true;
    if (immutableLine(line)) return line;
    asGiven = false;
    return { ...line };
  });
  if (!changed) return previous;
  // A frozen array of the very lines (the cart's): kept itself, so the next event with the same cart is one check.
  return asGiven ? next : lines;
}

/** Whether a quote was made for exactly these lines (a late answer for an older cart is not). */
function quoteMatches(quote: Quote, lines: readonly OrderLineInput[]): boolean {
  const a = quote.lines.map(lineKey).sort();
  const b = lines.map(lineKey).sort();
  return same(a, b);
}

/** Drops the quote: it priced other lines or another recipient. */
function withoutQuote(state: CheckoutState): CheckoutState {
  if (!state.quote) return state;
  const { quote: _quote, ...rest } = state;
  return rest;
}

/** The steps reached, kept only where they are still on the path. */
function pruneVisited(state: CheckoutState): CheckoutState {
  const path = stepsFor(state);
  const visited = state.visited.filter((step) => path.includes(step));
  const step = path.includes(state.step) ? state.step : 'customer-type';
  return { ...state, step, visited: visited.includes(step) ? visited : [...visited, step] };
}

const visit = (state: CheckoutState, step: Step): CheckoutState => ({
  ...state,
  step,
  visited: state.visited.includes(step) ? state.visited : [...state.visited, step],
});

/** A new recipient: nothing entered for the previous one survives. */
function switchRecipient(state: CheckoutState, kind: RecipientKind, customer?: Customer): CheckoutState {
  const { quote: _quote, customer: _customer, ...rest } = state;
  return pruneVisited({
    ...rest,
    recipientKind: kind,
    ...(customer ? { customer } : {}),
    company: emptyCompany,
    tenant: emptyTenant,
    agreementDraft: emptyAgreement,
    // Back to choosing: later steps were for the previous recipient.
    step: state.step === 'cart' ? 'cart' : 'customer-type',
    visited: state.visited.filter((step) => step === 'cart' || step === 'customer-type'),
  });
}

function next(state: CheckoutState, env: MachineEnv): CheckoutState {
  if (!canGoNext(state, env.today())) return state;
  const steps = stepsFor(state);
  const target = steps[steps.indexOf(state.step) + 1]!;
  // The representative accepts today in the usual case: pre-fill it, once.
  if (target === 'agreement' && state.agreementDraft.dateAccepted === '') {
    return visit({ ...state, agreementDraft: { ...state.agreementDraft, dateAccepted: env.today() } }, target);
  }
  return visit(state, target);
}

function goTo(state: CheckoutState, target: Step, env: MachineEnv): CheckoutState {
  if (!isEditable(state) || target === 'provisioning' || target === state.step) return state;
  if (!state.visited.includes(target)) return state;
  const steps = stepsFor(state);
  const from = steps.indexOf(state.step);
  const to = steps.indexOf(target);
  if (to < 0 || from < 0) return state;
  if (to < from) return visit(state, target);
  // Forward only across steps that are still valid, exactly as pressing Next would.
  let current = state;
  while (current.step !== target) {
    const moved = next(current, env);
    if (moved === current) return state;
    current = moved;
  }
  return current;
}

/** Applies a snapshot of the placed order; a completed order empties the cart. */
function withOrder(state: CheckoutState, order: Order): CheckoutState {
  const lines = order.status === 'completed' ? [] : state.lines;
  return { ...visit(state, 'provisioning'), orderId: order.id, order, lines };
}

const isOlder = (order: Order, than: Order | undefined): boolean =>
  than !== undefined && Date.parse(order.updatedAt) < Date.parse(than.updatedAt);

/**
 * The reducer. Pure apart from `env` (new idempotency keys, today's date). Returns the same
 * object when the action does not apply in the current state.
 */
export function transition(state: CheckoutState, action: CheckoutAction, env: MachineEnv = defaultEnv): CheckoutState {
  const editable = isEditable(state);
  switch (action.type) {
    case 'set-lines': {
      if (!editable) return state;
      const lines = ownLines(state.lines, action.lines);
      if (lines === state.lines) return state;
      const changed = withoutQuote({ ...state, lines });
      // Nothing can be reviewed for a cart that is empty or wrong: back to the cart. (On the
      // cart step itself there is nothing to go back from: the lines are validated when needed.)
      return changed.step !== 'cart' && hasErrors(stepErrors(changed, { step: 'cart' }))
        ? visit(changed, 'cart')
        : changed;
    }

    case 'catalog-loaded':
      return same(action.catalog, state.catalog) ? state : { ...state, catalog: action.catalog };

    case 'start':
      return state.step === 'cart' ? next(state, env) : state;

    case 'choose-recipient':
      if (!editable || action.kind === state.recipientKind) return state;
      return switchRecipient(state, action.kind);

    case 'select-customer': {
      if (!editable) return state;
      const { customer } = action;
      if (!customer) {
        if (!state.customer) return state;
        return switchRecipient(state, 'existing');
      }
      if (state.recipientKind === 'existing' && state.customer?.id === customer.id) {
        // The same customer (perhaps refreshed): keep what was entered.
        return same(customer, state.customer) ? state : pruneVisited({ ...state, customer });
      }
      return switchRecipient(state, 'existing', customer);
    }

    case 'update-company': {
      if (!editable || state.recipientKind !== 'new') return state;
      const company = { ...state.company };
      for (const [key, value] of Object.entries(action.values)) {
        if (key in emptyCompany && typeof value === 'string') company[key as keyof CompanyDraft] = value;
      }
      return same(company, state.company) ? state : withoutQuote({ ...state, company });
    }

    case 'update-tenant': {
      if (!editable || state.recipientKind !== 'new') return state;
      const { values } = action;
      const tenant: TenantDraft = {
        ...state.tenant,
        ...(typeof values.hasTenant === 'boolean' ? { hasTenant: values.hasTenant } : {}),
        ...(typeof values.domain === 'string' ? { domain: values.domain } : {}),
        ...(typeof values.prefix === 'string' ? { prefix: values.prefix } : {}),
      };
      if (tenant.availability && !samePrefix(tenant.availability.prefix, tenant.prefix)) delete tenant.availability;
      if (tenant.lookup && normalizeDomain(tenant.lookup.domain) !== normalizeDomain(tenant.domain)) delete tenant.lookup;
      return same(tenant, state.tenant) ? state : withoutQuote({ ...state, tenant });
    }

    case 'availability-loaded': {
      const { availability } = action;
      if (!editable || state.recipientKind !== 'new' || !samePrefix(availability.prefix, state.tenant.prefix)) return state;
      return { ...state, tenant: { ...state.tenant, availability } };
    }

    case 'tenant-loaded': {
      const { lookup } = action;
      if (!editable || state.recipientKind !== 'new') return state;
      if (normalizeDomain(lookup.domain) !== normalizeDomain(state.tenant.domain)) return state;
      return { ...state, tenant: { ...state.tenant, lookup } };
    }

    case 'agreement-loaded':
      if (!editable || same(action.agreement, state.agreement)) return state;
      return { ...state, agreement: action.agreement };

    case 'update-agreement': {
      if (!editable || !agreementNeeded(state)) return state;
      const draft = { ...state.agreementDraft };
      const { values } = action;
      for (const key of ['firstName', 'lastName', 'email', 'phone', 'dateAccepted'] as const) {
        const value = values[key];
        if (typeof value === 'string') draft[key] = value;
      }
      if (typeof values.accepted === 'boolean') draft.accepted = values.accepted;
      return same(draft, state.agreementDraft) ? state : { ...state, agreementDraft: draft };
    }

    case 'next':
      return next(state, env);

    case 'back': {
      if (!canGoBack(state)) return state;
      const steps = stepsFor(state);
      const index = steps.indexOf(state.step);
      return visit(state, index > 0 ? steps[index - 1]! : 'cart');
    }

    case 'go-to':
      return goTo(state, action.step, env);

    case 'quote-loaded':
      if (!editable || !state.recipientKind || !quoteMatches(action.quote, state.lines)) return state;
      return same(action.quote, state.quote) ? state : { ...state, quote: action.quote };

    case 'order-submitting': {
      if (!canPlaceOrder(state, env.today())) return state;
      const request = buildOrderRequest(state, env.today())!;
      const fingerprint = JSON.stringify(request);
      // A retry of the same content reuses the key, so the backend answers with the same order.
      const idempotencyKey =
        state.submission && state.submission.fingerprint === fingerprint ? state.submission.idempotencyKey : env.newKey();
      return { ...state, submission: { idempotencyKey, fingerprint, inFlight: true } };
    }

    case 'order-submit-failed':
      if (!state.submission?.inFlight || state.orderId) return state;
      return { ...state, submission: { ...state.submission, inFlight: false } };

    case 'order-placed': {
      const { order } = action;
      if (state.orderId) {
        return state.orderId === order.id ? transition(state, { type: 'order-updated', order }, env) : state;
      }
      // Only an attempt made through `order-submitting` can have placed an order.
      if (!state.submission) return state;
      return withOrder({ ...state, submission: { ...state.submission, inFlight: false } }, order);
    }

    case 'order-updated': {
      const { order } = action;
      if (state.orderId !== order.id || isOlder(order, state.order) || same(order, state.order)) return state;
      return withOrder(state, order);
    }

    case 'order-resumed': {
      const { orderId, order } = action;
      if (order && order.id !== orderId) return state;
      if (state.orderId) {
        return state.orderId === orderId && order ? transition(state, { type: 'order-updated', order }, env) : state;
      }
      if (!editable) return state;
      // What was ordered is the order's lines, not whatever the cart holds now.
      const resumed: CheckoutState = { ...visit(state, 'provisioning'), orderId };
      return order ? withOrder({ ...resumed, lines: order.lines }, order) : resumed;
    }

    case 'order-not-found':
      if (state.orderId !== action.orderId) return state;
      return createCheckout(state.order?.status === 'completed' ? [] : state.lines, state.catalog);

    case 'retry-order': {
      if (state.order?.status !== 'failed' || !state.order.retryable) return state;
      // A new attempt: a new key (the old one would return the failed order) and a new quote.
      const { order: _order, orderId: _orderId, submission: _submission, quote: _quote, ...rest } = state;
      return {
        ...rest,
        lines: state.order.lines.map((line) => ({ ...line })),
        step: 'review',
        visited: state.visited.filter((step) => step !== 'provisioning'),
      };
    }

    case 'reset': {
      const phase = orderPhase(state);
      if (phase === 'submitting' || phase === 'placed' || phase === 'provisioning') return state;
      // Licences were bought (or are on their way): the next customer starts with an empty cart.
      const bought = phase === 'completed' || phase === 'waiting';
      const fresh = createCheckout(bought ? [] : state.lines, state.catalog);
      return state.agreement ? { ...fresh, agreement: state.agreement } : fresh;
    }
  }
}
