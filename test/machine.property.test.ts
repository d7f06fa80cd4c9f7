/**
 * Property-based tests of the checkout state machine: random sequences of every action the
 * element can feed it (user input, backend answers in any order, stale answers, double
 * clicks, resumes, resets) must keep the flow's invariants after every single step.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { AcceptanceRequest, Agreement, Catalog, Customer, Order, OrderLineInput, Quote } from '../src/api/schemas.js';
import {
  buildOrderRequest,
  createCheckout,
  orderPhase,
  stepsFor,
  transition,
  type CheckoutAction,
  type CheckoutState,
  type MachineEnv,
} from '../src/checkout/machine.js';
import { emptyCompany, emptyTenant } from '../src/checkout/validate.js';
import { validCompany } from './helpers/drafts.js';

const TODAY = '2025-06-15';

const line: OrderLineInput = { productId: 'm365-bp', term: 'P1Y', billing: 'monthly', quantity: 5 };
const line2: OrderLineInput = { productId: 'm365-bp', term: 'P1Y', billing: 'monthly', quantity: 7 };
const tooMany: OrderLineInput = { ...line, quantity: 9999 };

const catalog: Catalog = {
  currency: 'USD',
  products: [
    {
      id: 'm365-bp',
      name: 'Microsoft 365 Business Premium',
      minQuantity: 1,
      maxQuantity: 300,
      offers: [{ term: 'P1Y', billing: 'monthly', unitPrice: 2200 }],
    },
  ],
};

const customers: Customer[] = [
  { id: 'c-1', companyName: 'Contoso Ltd', defaultDomain: 'contoso.onmicrosoft.com', agreementOnFile: true },
  { id: 'c-2', companyName: 'Adatum Corp', defaultDomain: 'adatum.onmicrosoft.com', agreementOnFile: false },
];

const mca: Agreement = { templateId: 'mca-2024', version: '2024-01', url: 'https://example.com/mca' };
/** The usual store, and one that requires acceptance before the order. */
const agreements: Agreement[] = [mca, { ...mca, acceptanceRequiredBeforeOrder: true }];

/** An acceptance request for `company` in `status`, as `POST /agreement-acceptances` and its follower give it. */
function acceptance(company: string, status: AcceptanceRequest['status']): AcceptanceRequest {
  return {
    id: `mca-${company.length}`,
    status,
    url: 'https://example.com/accept',
    expiresAt: '2025-06-22T10:00:00Z',
    signatory: { firstName: 'Lee', lastName: 'Chen', email: 'lee@fabrikam.com' },
    company: { name: company, country: 'US', language: 'en' },
  };
}
const signatory = { someoneElse: true, firstName: 'Lee', lastName: 'Chen', email: 'lee@fabrikam.com' };


function quoteFor(lines: readonly OrderLineInput[], id: string): Quote {
  return {
    id,
    currency: 'USD',
    startDate: TODAY,
    lines: lines.map((l) => ({
      ...l,
      name: l.productId,
      unitPrice: 100,
      periodAmount: 100 * l.quantity,
      periodStart: '2025-06-01',
      periodEnd: '2025-06-30',
      proratedFrom: TODAY,
      chargedDays: 16,
      periodDays: 30,
      proratedAmount: 50 * l.quantity,
    })),
    recurringTotal: 500,
    firstInvoiceTotal: 250,
    expiresAt: '2025-06-16T00:00:00Z',
  };
}

const orderArb: fc.Arbitrary<Order> = fc.record({
  id: fc.constantFrom('o-1', 'o-2'),
  status: fc.constantFrom('provisioning', 'waiting', 'completed', 'failed'),
  minute: fc.integer({ min: 0, max: 59 }),
  retryable: fc.boolean(),
  lines: fc.constantFrom<OrderLineInput[]>([line], [line2], [line, line2]),
}).map(({ id, status, minute, retryable, lines }) => ({
  id,
  status,
  createdAt: '2025-06-15T10:00:00Z',
  updatedAt: `2025-06-15T10:${String(minute).padStart(2, '0')}:00Z`,
  recipient: { kind: 'internal', companyName: 'Reseller' },
  currency: 'USD',
  lines,
  firstInvoiceTotal: 250,
  tasks: [],
  progress: status === 'completed' ? 1 : 0.5,
  ...(status === 'failed' ? { retryable } : {}),
}));

const failedOrder: Order = {
  id: 'o-1',
  status: 'failed',
  retryable: true,
  createdAt: '2025-06-15T10:00:00Z',
  updatedAt: '2025-06-15T10:05:00Z',
  recipient: { kind: 'internal', companyName: 'Reseller' },
  currency: 'USD',
  lines: [line],
  firstInvoiceTotal: 250,
  tasks: [],
  progress: 0.5,
};

const linesArb = fc.constantFrom<OrderLineInput[]>([], [line], [line2], [line, line2], [tooMany]);
const prefixArb = fc.constantFrom('fabrikamnew', 'contoso', 'bad prefix!', '');

/** Every action but `order-resumed`, with values that make the interesting branches reachable (valid and invalid). */
const actionArbs = [
  { arbitrary: linesArb.map((lines) => ({ type: 'set-lines' as const, lines })), weight: 1 },
  { arbitrary: fc.constant({ type: 'catalog-loaded' as const, catalog }), weight: 1 },
  { arbitrary: fc.constant({ type: 'start' as const }), weight: 2 },
  { arbitrary: fc.constantFrom('internal', 'existing', 'new').map((kind) => ({ type: 'choose-recipient' as const, kind })), weight: 3 },
  { arbitrary: fc.option(fc.constantFrom(...customers), { nil: undefined }).map((customer) => ({ type: 'select-customer' as const, customer })), weight: 2 },
  {
    arbitrary: fc.oneof(fc.constant(validCompany), fc.record({ companyName: fc.string(), postalCode: fc.constantFrom('98052', '', 'x') }, { requiredKeys: [] }))
      .map((values) => ({ type: 'update-company' as const, values })),
    weight: 3,
  },
  {
    arbitrary: fc.record({ hasTenant: fc.boolean(), prefix: prefixArb, domain: fc.constantFrom('fabrikam.onmicrosoft.com', 'nope') }, { requiredKeys: [] })
      .map((values) => ({ type: 'update-tenant' as const, values })),
    weight: 2,
  },
  {
    arbitrary: fc.record({ prefix: prefixArb, available: fc.boolean() }).map(({ prefix, available }) => ({
      type: 'availability-loaded' as const,
      availability: { prefix, domain: `${prefix}.onmicrosoft.com`, available, suggestions: [] },
    })),
    weight: 2,
  },
  {
    arbitrary: fc.record({ exists: fc.boolean(), companyName: fc.constantFrom('Fabrikam, Inc.', 'Other') }).map(({ exists, companyName }) => ({
      type: 'tenant-loaded' as const,
      lookup: { domain: 'fabrikam.onmicrosoft.com', exists, ...(exists ? { companyName, tenantId: 't-1' } : {}) },
    })),
    weight: 1,
  },
  { arbitrary: fc.constantFrom(...agreements).map((agreement) => ({ type: 'agreement-loaded' as const, agreement })), weight: 2 },
  {
    arbitrary: fc.constantFrom(
      { ...signatory, acceptance: acceptance('Fabrikam, Inc.', 'link-generated') },
      { acceptance: acceptance('Adatum Corp', 'link-generated') },
      { acceptance: acceptance('Fabrikam, Inc.', 'link-expired') },
      { someoneElse: false },
    ).map((values) => ({ type: 'update-agreement' as const, values })),
    weight: 2,
  },
  {
    arbitrary: fc
      .tuple(fc.constantFrom('Fabrikam, Inc.', 'Adatum Corp'), fc.constantFrom<AcceptanceRequest['status']>('link-generated', 'customer-accepted', 'link-expired'))
      .map(([company, status]) => ({ type: 'acceptance-updated' as const, acceptance: acceptance(company, status) })),
    weight: 1,
  },
  { arbitrary: fc.constant({ type: 'next' as const }), weight: 8 },
  { arbitrary: fc.constant({ type: 'back' as const }), weight: 2 },
  { arbitrary: fc.constantFrom('cart', 'customer-type', 'customer-details', 'tenant-domain', 'agreement', 'review', 'provisioning').map((step) => ({ type: 'go-to' as const, step })), weight: 1 },
  {
    arbitrary: fc.tuple(fc.constantFrom<OrderLineInput[]>([line], [line2], [line, line2]), fc.constantFrom('q-1', 'q-2')).map(([lines, id]) => ({
      type: 'quote-loaded' as const,
      quote: quoteFor(lines, id),
    })),
    weight: 4,
  },
  { arbitrary: fc.constant({ type: 'order-submitting' as const }), weight: 5 },
  { arbitrary: fc.constant({ type: 'order-submit-failed' as const }), weight: 2 },
  { arbitrary: orderArb.map((order) => ({ type: 'order-placed' as const, order })), weight: 3 },
  { arbitrary: orderArb.map((order) => ({ type: 'order-updated' as const, order })), weight: 2 },
  { arbitrary: fc.constantFrom('o-1', 'o-2').map((orderId) => ({ type: 'order-not-found' as const, orderId })), weight: 1 },
  { arbitrary: fc.constant({ type: 'retry-order' as const }), weight: 1 },
  { arbitrary: fc.constant({ type: 'reset' as const }), weight: 1 },
];
const actionArb: fc.Arbitrary<CheckoutAction> = fc.oneof(...actionArbs);

/** The same, plus resuming an order after a reload (its id from sessionStorage, perhaps a snapshot). */
const resumeArb: fc.Arbitrary<CheckoutAction> = fc.tuple(fc.constantFrom('o-1', 'o-2'), fc.option(orderArb, { nil: undefined })).map(([orderId, order]) => ({
  type: 'order-resumed' as const,
  orderId,
  ...(order ? { order } : {}),
}));
const actionOrResumeArb: fc.Arbitrary<CheckoutAction> = fc.oneof(...actionArbs, { arbitrary: resumeArb, weight: 3 });

const internalAtReview: CheckoutAction[] = [
  { type: 'catalog-loaded', catalog },
  { type: 'start' },
  { type: 'choose-recipient', kind: 'internal' },
  { type: 'next' },
  { type: 'quote-loaded', quote: quoteFor([line], 'q-1') },
];

/** Scripted beginnings, so that random actions also start from deep in the flow. */
const starts: Array<{ name: string; actions: CheckoutAction[] }> = [
  { name: 'empty', actions: [] },
  { name: 'internal at review', actions: internalAtReview },
  {
    name: 'new customer at review',
    actions: [
      { type: 'start' },
      { type: 'choose-recipient', kind: 'new' },
      { type: 'next' },
      { type: 'update-company', values: validCompany },
      { type: 'next' },
      { type: 'update-tenant', values: { hasTenant: false, prefix: 'fabrikamnew' } },
      { type: 'availability-loaded', availability: { prefix: 'fabrikamnew', domain: 'fabrikamnew.onmicrosoft.com', available: true, suggestions: [] } },
      { type: 'next' },
      { type: 'agreement-loaded', agreement: mca },
      { type: 'update-agreement', values: { ...signatory, acceptance: acceptance('Fabrikam, Inc.', 'link-generated') } },
      { type: 'next' },
      { type: 'quote-loaded', quote: quoteFor([line], 'q-1') },
    ],
  },
  { name: 'internal, order in flight', actions: [...internalAtReview, { type: 'order-submitting' }] },
  { name: 'internal, order placed', actions: [...internalAtReview, { type: 'order-submitting' }, { type: 'order-placed', order: { ...failedOrder, status: 'provisioning' } }] },
  { name: 'existing customer chosen', actions: [{ type: 'start' }, { type: 'select-customer', customer: customers[1] }, { type: 'agreement-loaded', agreement: mca }, { type: 'next' }] },
];

function testEnv(): MachineEnv & { issued: string[] } {
  const issued: string[] = [];
  return { issued, newKey: () => `key-${issued.push('') && issued.length}` };
}

/** Invariants of one state on its own. */
function checkState(state: CheckoutState, context: string): void {
  // Never a step that the current path does not have.
  expect(stepsFor(state), `${context}: step ${state.step} off the path`).to.include(state.step);
  expect(state.visited, `${context}: current step not visited`).to.include(state.step);
  // Provisioning is shown exactly when there is an order to show.
  expect(state.step === 'provisioning', `${context}: provisioning without an order (or an order elsewhere)`).to.equal(state.orderId !== undefined);
  if (state.order) expect(state.order.id, `${context}: snapshot of another order`).to.equal(state.orderId);
  // Beyond the first two steps a recipient has been chosen.
  if (!['cart', 'customer-type', 'provisioning'].includes(state.step)) expect(state.recipientKind, context).to.not.equal(undefined);
  // One customer: nothing of another recipient kind survives.
  if (state.recipientKind !== 'existing') expect(state.customer, `${context}: a customer kept for ${state.recipientKind}`).to.equal(undefined);
  if (state.recipientKind !== 'new') {
    expect(state.company, `${context}: company kept for ${state.recipientKind}`).to.deep.equal(emptyCompany);
    expect(state.tenant, `${context}: tenant kept for ${state.recipientKind}`).to.deep.equal(emptyTenant);
  }
  // The request that would be sent names this recipient and no other.
  const request = buildOrderRequest(state);
  if (request) {
    expect(request.recipient.kind, context).to.equal(state.recipientKind);
    if (request.recipient.kind === 'existing') expect(request.recipient.customerId, context).to.equal(state.customer?.id);
  }
}

/** Invariants of one transition. */
function checkTransition(before: CheckoutState, action: CheckoutAction, after: CheckoutState, context: string): void {
  // Never a second order: an order, once known, is only left by starting over.
  if (before.orderId && after.orderId) expect(after.orderId, `${context}: the order changed`).to.equal(before.orderId);
  if (before.orderId && !after.orderId) expect(['reset', 'order-not-found', 'retry-order'], context).to.include(action.type);
  // A retry of the same content reuses its idempotency key: the backend answers with the same order.
  if (before.submission && after.submission && before.submission.fingerprint === after.submission.fingerprint) {
    expect(after.submission.idempotencyKey, `${context}: new key for the same content`).to.equal(before.submission.idempotencyKey);
  }
  // While the request is in flight, nothing can start a second one or change what is ordered.
  if (orderPhase(before) === 'submitting' && action.type === 'order-submitting') expect(after, context).to.equal(before);
  if (orderPhase(before) !== 'editing' && action.type !== 'reset' && action.type !== 'order-not-found' && action.type !== 'retry-order' && after.orderId === before.orderId) {
    expect(after.recipientKind, `${context}: recipient changed after placing`).to.equal(before.recipientKind);
    expect(after.customer, `${context}: customer changed after placing`).to.deep.equal(before.customer);
  }
  // Only a placement attempt, never a backend answer alone, creates an order in the state.
  if (!before.orderId && after.orderId && action.type === 'order-placed') expect(before.submission, context).to.not.equal(undefined);
}

/** Runs `actions` after `start`, checking every state and transition. */
function runChecked(start: (typeof starts)[number], actions: CheckoutAction[]): void {
  const env = testEnv();
  let state = start.actions.reduce((s, a) => transition(s, a, env), createCheckout([line]));
  checkState(state, `after the "${start.name}" start`);
  actions.forEach((action, index) => {
    const next = transition(state, action, env);
    const context = `${start.name}, action ${index} ${JSON.stringify(action)}`;
    checkTransition(state, action, next, context);
    checkState(next, context);
    state = next;
  });
}

describe('checkout machine (property-based)', () => {
  it('keeps one customer, a reachable step and at most one order through any sequence of actions', () => {
    fc.assert(
      fc.property(fc.constantFrom(...starts), fc.array(actionArb, { maxLength: 60 }), runChecked),
      { numRuns: 300 },
    );
  });

  // The example: a failed, retryable order resumed after a reload (no recipient in the state) and
  // retried once landed on a review with no recipient, a review that could never place an order.
  it('keeps the same invariants when orders are resumed after a reload', () => {
    fc.assert(fc.property(fc.constantFrom(...starts), fc.array(actionOrResumeArb, { maxLength: 60 }), runChecked), {
      numRuns: 300,
      examples: [[starts[0]!, [{ type: 'order-resumed', orderId: 'o-1' }, { type: 'order-updated', order: { ...failedOrder } }, { type: 'retry-order' }]]],
    });
  });

  it('sends one POST /orders key for any number of "Place order" presses on unchanged content', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom<CheckoutAction>({ type: 'order-submitting' }, { type: 'order-submit-failed' }), { minLength: 1, maxLength: 30 }), (presses) => {
        const env = testEnv();
        let state = internalAtReview.reduce((s, a) => transition(s, a, env), createCheckout([line]));
        const keys = new Set<string>();
        for (const action of presses) {
          state = transition(state, action, env);
          if (state.submission) keys.add(state.submission.idempotencyKey);
        }
        expect(keys.size).to.be.at.most(1);
      }),
    );
  });

  it('reaches an order from the scripted starts (the generators do get deep into the flow)', () => {
    // Guards the properties above against generators that never place an order.
    let placedRuns = 0;
    const beforeAnyOrder = starts.filter((start) => !start.actions.some((action) => action.type === 'order-submitting'));
    fc.assert(
      fc.property(fc.constantFrom(...beforeAnyOrder), fc.array(actionArb, { maxLength: 60 }), (start, actions) => {
        const env = testEnv();
        let state = start.actions.reduce((s, a) => transition(s, a, env), createCheckout([line]));
        let placed = false;
        for (const action of actions) {
          state = transition(state, action, env);
          placed ||= state.orderId !== undefined;
        }
        if (placed) placedRuns += 1;
      }),
      // A fixed seed: this counts, so it must not depend on luck.
      { numRuns: 300, seed: 1 },
    );
    expect(placedRuns).to.be.at.least(3);
  });

});
