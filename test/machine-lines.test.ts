/**
 * The checkout machine's line choices (issue 11): seats on an existing subscription or a new
 * subscription with its end date and auto-renew, per cart line; the purchase order number.
 */
import { expect } from '@open-wc/testing';
import type { Customer, OrderLineInput, Quote, Subscription } from '../src/api/schemas.js';
import {
  buildOrderRequest,
  buildQuoteRequest,
  createCheckout,
  effectiveChoice,
  transition,
  type CheckoutAction,
  type CheckoutState,
  type MachineEnv,
  type RecipientSubscriptions,
} from '../src/checkout/machine.js';

const TODAY = '2027-01-16';
const env: MachineEnv = { newKey: () => 'key-1' };
const run = (state: CheckoutState, actions: CheckoutAction[]) => actions.reduce((s, a) => transition(s, a, env), state);

const line: OrderLineInput = { productId: 'bp', term: 'P1Y', billing: 'monthly', quantity: 10 };
const KEY = 'bp|P1Y|monthly';
const contoso: Customer = { id: 'c-1', companyName: 'Contoso', defaultDomain: 'contoso.onmicrosoft.com', agreementOnFile: true };
const other: Customer = { ...contoso, id: 'c-2', companyName: 'Other' };

const sub = (id: string, endDate: string, overrides: Partial<Subscription> = {}): Subscription => ({
  id,
  productId: 'bp',
  productName: 'Business Premium',
  term: 'P1Y',
  billing: 'monthly',
  quantity: 40,
  startDate: '2026-04-04',
  endDate,
  autoRenew: true,
  status: 'active',
  ...overrides,
});

const known = (owner: string, subscriptions: Subscription[]): RecipientSubscriptions => ({
  owner,
  subscriptions,
  endDates: {
    P1Y: [
      { date: '2027-04-03', reason: 'subscription', subscriptionId: 's-1', productName: 'Business Premium' },
      { date: '2027-12-31', reason: 'calendar-month-end' },
    ],
  },
});

function atReview(customer: Customer = contoso): CheckoutState {
  return run(createCheckout([line]), [{ type: 'start' }, { type: 'select-customer', customer }, { type: 'next' }]);
}

const quoteOf = (lines: OrderLineInput[]): Quote => ({
  id: 'q-1',
  currency: 'USD',
  startDate: TODAY,
  lines: lines.map((l) => ({
    ...l,
    name: 'Business Premium',
    unitPrice: 2200,
    periodAmount: 22000,
    periodStart: '2027-01-04',
    periodEnd: '2027-02-03',
    proratedFrom: TODAY,
    chargedDays: 19,
    periodDays: 31,
    proratedAmount: 13484,
  })) as Quote['lines'],
  recurringTotal: 22000,
  firstInvoiceTotal: 13484,
  expiresAt: '2027-01-17T00:00:00Z',
});

describe('checkout machine: line choices', () => {
  it('orders new subscriptions as the cart says until the recipient’s subscriptions are known', () => {
    expect(buildQuoteRequest(atReview())!.lines).to.deep.equal([line]);
  });

  it('preselects seats on the matching active subscription that ends last', () => {
    const state = run(atReview(), [
      { type: 'subscriptions-loaded', subscriptions: known('c-1', [sub('s-1', '2027-04-03'), sub('s-2', '2027-06-01'), sub('s-3', '2028-01-01', { status: 'expired' })]) },
    ]);
    expect(buildQuoteRequest(state)!.lines).to.deep.equal([{ kind: 'add-seats', subscriptionId: 's-2', ...line }]);
  });

  it('ignores subscriptions of another product, term or billing, and another recipient’s', () => {
    const mismatched = known('c-1', [sub('s-1', '2027-04-03', { billing: 'annual' }), sub('s-2', '2027-04-03', { productId: 'e3' })]);
    expect(buildQuoteRequest(run(atReview(), [{ type: 'subscriptions-loaded', subscriptions: mismatched }]))!.lines).to.deep.equal([line]);
    const state = atReview();
    expect(transition(state, { type: 'subscriptions-loaded', subscriptions: known('c-2', [sub('s-1', '2027-04-03')]) }, env)).to.equal(state);
  });

  it('sends a chosen new subscription with its end date and auto-renew off; drops the quote of the previous choice', () => {
    const quoted = run(atReview(), [
      { type: 'subscriptions-loaded', subscriptions: known('c-1', [sub('s-1', '2027-04-03')]) },
      { type: 'quote-loaded', quote: quoteOf([{ kind: 'add-seats', subscriptionId: 's-1', ...line }]) },
    ]);
    expect(quoted.quote).to.not.equal(undefined);
    const chosen = run(quoted, [{ type: 'choose-line', key: KEY, choice: { kind: 'new', endDate: '2027-04-03', autoRenew: false } }]);
    expect(chosen.quote).to.equal(undefined);
    const expected = { ...line, endDate: '2027-04-03', autoRenew: false };
    expect(buildQuoteRequest(chosen)!.lines).to.deep.equal([expected]);
    // A late quote for the seats is not this one's; one for the chosen line is.
    expect(transition(chosen, { type: 'quote-loaded', quote: quoteOf([{ kind: 'add-seats', subscriptionId: 's-1', ...line }]) }, env).quote).to.equal(undefined);
    const priced = run(chosen, [{ type: 'quote-loaded', quote: quoteOf([expected]) }]);
    expect(buildOrderRequest(priced)!.lines).to.deep.equal([expected]);
  });

  it('forgets an end date no longer allowed, and a choice for a line not in the cart', () => {
    const stored = { kind: 'new' as const, endDate: '2027-05-31' };
    expect(effectiveChoice(line, known('c-1', []), stored)).to.deep.equal({ kind: 'new' });
    const state = atReview();
    expect(transition(state, { type: 'choose-line', key: 'e3|P1Y|monthly', choice: { kind: 'new' } }, env)).to.equal(state);
  });

  it('carries the purchase order number, trimmed, and leaves it out when blank', () => {
    const state = run(atReview(), [{ type: 'quote-loaded', quote: quoteOf([line]) }]);
    expect(buildOrderRequest(state)).to.not.have.property('purchaseOrder');
    expect(buildOrderRequest(run(state, [{ type: 'set-purchase-order', purchaseOrder: '  PO-7 <b>  ' }]))!.purchaseOrder).to.equal('PO-7 <b>');
    expect(buildOrderRequest(run(state, [{ type: 'set-purchase-order', purchaseOrder: '   ' }]))).to.not.have.property('purchaseOrder');
    // Over 40 characters the order cannot be placed.
    expect(buildOrderRequest(run(state, [{ type: 'set-purchase-order', purchaseOrder: 'x'.repeat(41) }]))).to.equal(undefined);
  });

  it('forgets subscriptions, choices and the purchase order number when the recipient changes', () => {
    const state = run(atReview(), [
      { type: 'subscriptions-loaded', subscriptions: known('c-1', [sub('s-1', '2027-04-03')]) },
      { type: 'choose-line', key: KEY, choice: { kind: 'new', autoRenew: false } },
      { type: 'set-purchase-order', purchaseOrder: 'PO-1' },
      { type: 'select-customer', customer: other },
    ]);
    expect(state.subscriptions).to.equal(undefined);
    expect(state.lineChoices).to.equal(undefined);
    expect(state.purchaseOrder).to.equal(undefined);
  });

  it('changes nothing once the order is under way', () => {
    const submitting = run(atReview(), [{ type: 'quote-loaded', quote: quoteOf([line]) }, { type: 'order-submitting' }]);
    expect(submitting.submission?.inFlight).to.equal(true);
    expect(transition(submitting, { type: 'choose-line', key: KEY, choice: { kind: 'new', autoRenew: false } }, env)).to.equal(submitting);
    expect(transition(submitting, { type: 'set-purchase-order', purchaseOrder: 'PO-2' }, env)).to.equal(submitting);
  });
});
