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
import type { Customer, Order, OrderLineInput, Quote } from '../api/schemas.js';
import {
  canGoBack,
  canGoNext,
  canPlaceOrder,
  buildOrderRequest,
  firstInvalidStep,
  isEditable,
  orderPhase,
  stepErrors,
  stepsFor,
  agreementNeeded,
  orderLines,
  subscriptionOwner,
} from './machine-selectors.js';
import { lineKey as cartLineKey } from './cart-store.js';
import { createCheckout, randomKey, type CheckoutAction, type CheckoutState, type MachineEnv, type RecipientKind, type Step } from './machine-state.js';
import { emptyAdminAccess, type AdminAccessDraft } from './admin-access.js';
import { emptyAgreement, emptyCompany, emptyTenant, hasErrors, normalizeDomain, samePrefix, type CompanyDraft, type TenantDraft } from './validate.js';

export * from './machine-state.js';
export * from './machine-selectors.js';
export { effectiveChoice, subscriptionsFor, linesWithChoices } from './machine-lines.js';
export type { AgreementDraft, CompanyDraft, ErrorCode, FieldErrors, TenantDraft } from './validate.js';

/** New idempotency keys, as the page makes them. */
export const defaultEnv: MachineEnv = { newKey: randomKey };

// ---------------------------------------------------------------------------------------
// Transitions

/**
 * Copies into `target` those of `keys` whose value in `values` has the type `type`: an action's
 * values come from a step's event or a stored draft, so anything else is ignored.
 */
function assignTyped<T extends object>(target: T, values: object, keys: readonly (keyof T & string)[], type: 'string' | 'boolean'): T {
  for (const key of keys) {
    const value = (values as Record<string, unknown>)[key];
    if (typeof value === type) (target as Record<string, unknown>)[key] = value;
  }
  return target;
}

/** Structural equality for the small plain values in the state. */
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** A line's offer and quantity. */
const lineKey = (line: OrderLineInput) => `${cartLineKey(line)}|${line.quantity}`;

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

/** A line's kind and subscription, besides its offer and quantity. */
const kindKey = (line: { kind?: string; subscriptionId?: string }) => `${line.kind ?? 'new'}\u0000${line.subscriptionId ?? ''}`;

/**
 * Whether a quote was made for exactly these lines (a late answer for an older cart, or for
 * other seat, end-date or renewal choices, is not).
 */
function quoteMatches(quote: Quote, lines: readonly OrderLineInput[]): boolean {
  const a = quote.lines.map((line) => `${lineKey(line)}\u0000${kindKey(line)}`).sort();
  const b = lines.map((line) => `${lineKey(line)}\u0000${kindKey(line)}`).sort();
  if (!same(a, b)) return false;
  // A chosen end date or auto-renew off must be what the quote priced (a backend may leave them out).
  return lines.every((line) => {
    if (line.kind === 'add-seats' || (!line.endDate && line.autoRenew !== false)) return true;
    return quote.lines.some(
      (q) =>
        lineKey(q) === lineKey(line) &&
        (!line.endDate || q.endDate === undefined || q.endDate === line.endDate) &&
        (line.autoRenew !== false || q.autoRenew !== true),
    );
  });
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
  const { quote: _quote, customer: _customer, subscriptions: _subscriptions, lineChoices: _lineChoices, purchaseOrder: _purchaseOrder, ...rest } = state;
  return pruneVisited({
    ...rest,
    recipientKind: kind,
    ...(customer ? { customer } : {}),
    company: emptyCompany,
    tenant: emptyTenant,
    agreementDraft: emptyAgreement,
    adminAccess: emptyAdminAccess,
    // Back to choosing: later steps were for the previous recipient.
    step: state.step === 'cart' ? 'cart' : 'customer-type',
    visited: state.visited.filter((step) => step === 'cart' || step === 'customer-type'),
  });
}

function next(state: CheckoutState): CheckoutState {
  if (!canGoNext(state)) return state;
  const steps = stepsFor(state);
  const target = steps[steps.indexOf(state.step) + 1]!;
  return visit(state, target);
}

function goTo(state: CheckoutState, target: Step): CheckoutState {
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
    const moved = next(current);
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

/**
 * A resumed order's retry: after a reload the recipient itself is not kept (only its kind), so
 * it is rebuilt from what the order's snapshot carries (kind, company name, domain) and the
 * checkout opens the first step that still needs something from the reseller; the review when
 * nothing is missing (an internal order).
 */
function recipientFromOrder(state: CheckoutState, order: Order): CheckoutState {
  const { kind, companyName, domain } = order.recipient;
  let rebuilt: CheckoutState = { ...state, recipientKind: kind };
  if (kind === 'new') {
    // A tenant the failed order created exists now: the retry names it; otherwise the same prefix again.
    const created = order.tasks.some((task) => task.kind === 'create-tenant' && task.status === 'succeeded');
    const tenant: TenantDraft = !domain
      ? emptyTenant
      : created
        ? { ...emptyTenant, hasTenant: true, domain }
        : { ...emptyTenant, prefix: domain.replace(/\.onmicrosoft\.com$/i, '') };
    rebuilt = { ...rebuilt, company: { ...emptyCompany, companyName }, tenant };
  }
  return reopen(rebuilt);
}

/** Editing again after a failed order: the first step that still needs something, else the review. */
function reopen(state: CheckoutState): CheckoutState {
  const path = stepsFor(state);
  const step = firstInvalidStep(state) ?? 'review';
  return { ...state, step, visited: path.slice(0, path.indexOf(step) + 1) };
}

/**
 * A fresh checkout that keeps the cart and what the backend told (catalog, agreement, admin
 * templates): nothing entered for a recipient survives.
 */
function startOver(state: CheckoutState, lines: readonly OrderLineInput[]): CheckoutState {
  const fresh = createCheckout(lines, state.catalog);
  return { ...fresh, ...(state.agreement ? { agreement: state.agreement } : {}), ...(state.adminTemplates ? { adminTemplates: state.adminTemplates } : {}) };
}

const isOlder = (order: Order, than: Order | undefined): boolean =>
  than !== undefined && Date.parse(order.updatedAt) < Date.parse(than.updatedAt);

/**
 * The reducer. Pure apart from `env` (new idempotency keys). Returns the same
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
      return state.step === 'cart' ? next(state) : state;

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
      const company = assignTyped({ ...state.company }, action.values, Object.keys(emptyCompany) as Array<keyof CompanyDraft>, 'string');
      return same(company, state.company) ? state : withoutQuote({ ...state, company });
    }

    case 'update-tenant': {
      if (!editable || state.recipientKind !== 'new') return state;
      const tenant = assignTyped<TenantDraft>({ ...state.tenant }, action.values, ['hasTenant'], 'boolean');
      assignTyped(tenant, action.values, ['domain', 'prefix'], 'string');
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
      const { values } = action;
      const draft = assignTyped({ ...state.agreementDraft }, values, ['firstName', 'lastName', 'email', 'phone'], 'string');
      assignTyped(draft, values, ['someoneElse'], 'boolean');
      if (values.acceptance) draft.acceptance = values.acceptance;
      return same(draft, state.agreementDraft) ? state : { ...state, agreementDraft: draft };
    }

    case 'acceptance-updated': {
      const current = state.agreementDraft.acceptance;
      // Followed after the order too: the review and provisioning say what it is waiting for.
      if (!current || current.id !== action.acceptance.id || same(current, action.acceptance)) return state;
      return { ...state, agreementDraft: { ...state.agreementDraft, acceptance: action.acceptance } };
    }

    case 'admin-templates-loaded':
      return same(action.templates, state.adminTemplates) ? state : { ...state, adminTemplates: action.templates };

    case 'update-admin-access': {
      if (!editable) return state;
      const draft = assignTyped<AdminAccessDraft>({ ...state.adminAccess }, action.values, ['defaultRoles', 'request', 'autoExtend'], 'boolean');
      assignTyped(draft, action.values, ['templateId'], 'string');
      if (typeof action.values.days === 'number' && Number.isInteger(action.values.days) && action.values.days >= 1 && action.values.days <= 730) {
        draft.days = action.values.days;
      }
      return same(draft, state.adminAccess) ? state : { ...state, adminAccess: draft };
    }

    case 'next':
      return next(state);

    case 'back': {
      if (!canGoBack(state)) return state;
      const steps = stepsFor(state);
      const index = steps.indexOf(state.step);
      return visit(state, index > 0 ? steps[index - 1]! : 'cart');
    }

    case 'go-to':
      return goTo(state, action.step);

    case 'quote-loaded':
      if (!editable || !state.recipientKind || !quoteMatches(action.quote, orderLines(state))) return state;
      return same(action.quote, state.quote) ? state : { ...state, quote: action.quote };

    case 'order-submitting': {
      if (!canPlaceOrder(state)) return state;
      const request = buildOrderRequest(state)!;
      const fingerprint = JSON.stringify(request);
      // A retry of the same content reuses the key, so the backend answers with the same order.
      const idempotencyKey =
        state.submission && state.submission.fingerprint === fingerprint ? state.submission.idempotencyKey : env.newKey();
      return { ...state, submission: { idempotencyKey, fingerprint, inFlight: true } };
    }

    case 'order-resubmitting': {
      if (!editable) return state;
      const { idempotencyKey, request } = action;
      // What is being ordered is the stored request's lines, whatever the cart holds now.
      const lines = ownLines(state.lines, request.lines);
      const resent = lines === state.lines ? state : withoutQuote({ ...state, lines });
      return { ...resent, submission: { idempotencyKey, fingerprint: JSON.stringify(request), inFlight: true } };
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
      // The checkout becomes the resumed order's. A recipient being entered (the order comes from
      // another backend's storage when the client changes mid-draft) is not the order's: kept, a
      // "Try again" would order for it. The cart stays, for after the order.
      const resumed: CheckoutState = {
        ...visit(startOver(state, state.lines), 'provisioning'),
        orderId,
        ...(action.recipientKind ? { resumedKind: action.recipientKind } : {}),
      };
      // What was ordered is the order's lines, not whatever the cart holds now.
      return order ? withOrder({ ...resumed, lines: order.lines }, order) : resumed;
    }

    case 'order-not-found':
      if (state.orderId !== action.orderId) return state;
      return createCheckout(state.order?.status === 'completed' ? [] : state.lines, state.catalog);

    case 'retry-order': {
      if (state.order?.status !== 'failed' || !state.order.retryable) return state;
      // A new attempt: a new key (the old one would return the failed order) and a new quote.
      const { order: _order, orderId: _orderId, submission: _submission, quote: _quote, resumedKind: _resumedKind, ...rest } = state;
      const retried: CheckoutState = { ...rest, lines: state.order.lines.map((line) => ({ ...line })) };
      return state.recipientKind ? reopen(retried) : recipientFromOrder(retried, state.order);
    }

    case 'subscriptions-loaded': {
      const { subscriptions } = action;
      if (!editable || subscriptionOwner(state) !== subscriptions.owner || same(subscriptions, state.subscriptions)) return state;
      return withoutQuote({ ...state, subscriptions });
    }

    case 'choose-line': {
      if (!editable || !state.lines.some((line) => cartLineKey(line) === action.key)) return state;
      const lineChoices = { ...state.lineChoices, [action.key]: action.choice };
      return same(lineChoices, state.lineChoices) ? state : withoutQuote({ ...state, lineChoices });
    }

    case 'set-purchase-order':
      if (!editable || action.purchaseOrder === (state.purchaseOrder ?? '')) return state;
      return { ...state, purchaseOrder: action.purchaseOrder };

    case 'reset': {
      const phase = orderPhase(state);
      if (phase === 'submitting' || phase === 'placed' || phase === 'provisioning') return state;
      // Licences were bought (or are on their way): the next customer starts with an empty cart.
      const bought = phase === 'completed' || phase === 'waiting';
      return startOver(state, bought ? [] : state.lines);
    }
  }
}
