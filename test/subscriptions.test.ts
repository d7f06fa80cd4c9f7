/**
 * The mock backend over real HTTP: existing customers' subscriptions, the allowed end dates,
 * seats added to a subscription or a new one, seat caps, the promotion, renewal, the
 * cancellation deadline and the purchase order number. Today is fixed, and the seeded
 * subscriptions are dated from it (docs/backend.md lists them).
 */
import { expect } from '@open-wc/testing';
import { EndDates, Order, Quote, SubscriptionList, type QuoteLine } from '../src/api/schemas.js';
import { call, expectProblem, fieldsOf, messageFor, parse, placeOrder, pollOrder } from './helpers/contract.js';
import { createTestMock, type TestMock } from './helpers/mock.js';

const TODAY = '2027-01-16';
const HOUR = 3600_000;

const BASIC = 'cfq7ttc0lh18-0001';
const PREMIUM = 'cfq7ttc0lckm-0001';
const E3 = 'cfq7ttc0lfld-0001';

const CONTOSO = 'cst-7f3a2c91';
const ADATUM = 'cst-1b84d0e6';
const LITWARE = 'cst-5c2e9a47';
const TAILSPIN = 'cst-9d61f3b2';
const WIDE_WORLD = 'cst-3ea7c5d8';
const WOODGROVE = 'cst-6f0b8e14';

/** Contoso's Business Premium: one year billed monthly, 4 April 2026 – 3 April 2027. */
const CONTOSO_PREMIUM = 'sub-c0b9e512';
const contosoSeats = (quantity: number) => ({ kind: 'add-seats', subscriptionId: CONTOSO_PREMIUM, productId: PREMIUM, term: 'P1Y', billing: 'monthly', quantity });
const existing = (customerId: string) => ({ kind: 'existing', customerId });
/** A new customer in the US, on a new tenant: no subscriptions yet. */
const NEW_CUSTOMER = {
  kind: 'new',
  company: {
    companyName: 'Northwind Traders',
    address: { country: 'US', line1: '1 Microsoft Way', city: 'Redmond', state: 'WA', postalCode: '98101' },
    contact: { firstName: 'Dana', lastName: 'Whitfield', email: 'dana@northwindtraders.com' },
  },
  tenant: { kind: 'new', prefix: 'northwindtraders' },
};

/** A quote's only line, after checking the whole answer against the contract. */
async function quoteLine(mock: TestMock, recipient: unknown, line: unknown): Promise<QuoteLine> {
  const answer = await call(mock, '/quotes', { method: 'POST', json: { recipient, lines: [line] } });
  expect(answer.status, JSON.stringify(answer.body)).to.equal(201);
  return parse(Quote, answer.body).lines[0]!;
}

/** The cancellation deadline is 168 hours after the purchase, made on the mock's today at the time of day now. */
function expectCancellableWeekAfter(deadline: string | undefined, day = TODAY) {
  const hours = (Date.parse(deadline!) - Date.parse(`${day}T00:00:00Z`)) / HOUR;
  expect(hours, deadline).to.be.within(168, 192);
  const timeOfDay = (Date.now() % (24 * HOUR)) / HOUR;
  expect(Math.abs(hours - 168 - timeOfDay), 'the time of day of the purchase').to.be.below(0.05);
}

describe('mock backend: subscriptions', () => {
  let mock: TestMock;
  before(async () => {
    mock = await createTestMock({ today: TODAY });
  });

  it('lists an existing customer’s subscriptions with their terms and dates', async () => {
    const answer = await call(mock, `/customers/${CONTOSO}/subscriptions`);
    expect(answer.status).to.equal(200);
    const { subscriptions } = parse(SubscriptionList, answer.body);
    expect(subscriptions).to.deep.equal([
      {
        id: CONTOSO_PREMIUM,
        productId: PREMIUM,
        productName: 'Microsoft 365 Business Premium',
        term: 'P1Y',
        billing: 'monthly',
        quantity: 40,
        startDate: '2026-04-04',
        endDate: '2027-04-03',
        autoRenew: true,
        status: 'active',
      },
      {
        id: 'sub-c0e4a7d3',
        productId: 'cfq7ttc0lh16-0001',
        productName: 'Exchange Online (Plan 1)',
        term: 'P1M',
        billing: 'monthly',
        quantity: 12,
        startDate: '2027-01-06',
        endDate: '2027-02-05',
        autoRenew: true,
        status: 'active',
      },
    ]);
  });

  it('has Litware near the Business Basic cap, an annual E3 and an expired plan at Wide World Importers, none at Adatum', async () => {
    const list = async (id: string) => parse(SubscriptionList, (await call(mock, `/customers/${id}/subscriptions`)).body).subscriptions;
    const litware = await list(LITWARE);
    expect(litware.filter((s) => s.productId === BASIC).reduce((sum, s) => sum + s.quantity, 0)).to.equal(285);
    const wideWorld = await list(WIDE_WORLD);
    expect(wideWorld.map((s) => [s.productName, s.term, s.billing, s.quantity, s.endDate, s.status])).to.deep.equal([
      ['Microsoft 365 E3', 'P1Y', 'annual', 120, '2027-06-06', 'active'],
      ['Office 365 E1', 'P1Y', 'monthly', 30, '2026-11-15', 'expired'],
    ]);
    expect(await list(ADATUM)).to.deep.equal([]);
  });

  it('lists the reseller’s own subscriptions for internal orders, and answers 404 for an unknown customer', async () => {
    const own = parse(SubscriptionList, (await call(mock, '/subscriptions')).body).subscriptions;
    expect(own.map((s) => [s.productName, s.term, s.billing, s.quantity, s.endDate])).to.deep.equal([['Microsoft 365 Business Premium', 'P1Y', 'annual', 15, '2027-10-08']]);
    expect(expectProblem(await call(mock, '/customers/cst-nobody/subscriptions'), 404).code).to.equal('customer-not-found');
  });
});

describe('mock backend: allowed end dates', () => {
  let mock: TestMock;
  before(async () => {
    mock = await createTestMock({ today: TODAY });
  });
  const endDates = async (query: string) => {
    const answer = await call(mock, `/end-dates?${query}`);
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
    return parse(EndDates, answer.body);
  };

  it('offers the calendar month end and the end of each active subscription within the term, earliest first', async () => {
    const yearly = await endDates(`term=P1Y&customerId=${CONTOSO}`);
    expect(yearly).to.deep.equal({
      term: 'P1Y',
      startDate: TODAY,
      endDates: [
        { date: '2027-04-03', reason: 'subscription', subscriptionId: CONTOSO_PREMIUM, productName: 'Microsoft 365 Business Premium' },
        { date: '2027-12-31', reason: 'calendar-month-end' },
      ],
    });
    // A monthly term aligns with the monthly Exchange plan; a yearly one (above) does not.
    const monthly = await endDates(`term=P1M&customerId=${CONTOSO}`);
    expect(monthly.endDates.map((o) => [o.date, o.reason, o.subscriptionId])).to.deep.equal([
      ['2027-01-31', 'calendar-month-end', undefined],
      ['2027-02-05', 'subscription', 'sub-c0e4a7d3'],
    ]);
  });

  it('leaves out expired subscriptions and ends beyond the term, and counts from the start date given', async () => {
    expect((await endDates(`term=P1Y&customerId=${WIDE_WORLD}`)).endDates.map((o) => o.date)).to.deep.equal(['2027-06-06', '2027-12-31']);
    // Woodgrove's three-year E5 ends on 10 November 2028: past a yearly term, within a three-year one.
    expect((await endDates(`term=P1Y&customerId=${WOODGROVE}`)).endDates.map((o) => o.date)).to.deep.equal(['2027-12-31']);
    expect((await endDates(`term=P3Y&customerId=${WOODGROVE}`)).endDates.map((o) => o.date)).to.deep.equal(['2028-11-10', '2029-12-31']);
    const later = await endDates(`term=P1Y&customerId=${CONTOSO}&startDate=2027-03-01`);
    expect(later.startDate).to.equal('2027-03-01');
    expect(later.endDates.map((o) => o.date)).to.deep.equal(['2027-04-03', '2028-02-29']);
  });

  it('uses the reseller’s own subscriptions without a customer id', async () => {
    expect((await endDates('term=P1Y')).endDates.map((o) => [o.date, o.subscriptionId])).to.deep.equal([
      ['2027-10-08', 'sub-00a1f5c8'],
      ['2027-12-31', undefined],
    ]);
  });

  it('names the query parameter that is missing or wrong', async () => {
    expect(fieldsOf(expectProblem(await call(mock, '/end-dates'), 422))).to.deep.equal(['term']);
    expect(fieldsOf(expectProblem(await call(mock, '/end-dates?term=P2Y'), 422))).to.deep.equal(['term']);
    expect(fieldsOf(expectProblem(await call(mock, '/end-dates?term=P1Y&customerId=cst-nobody'), 422))).to.deep.equal(['customerId']);
    expect(fieldsOf(expectProblem(await call(mock, '/end-dates?term=P1Y&startDate=2027-01-15'), 422))).to.deep.equal(['startDate']);
    expect(fieldsOf(expectProblem(await call(mock, '/end-dates?term=P1Y&startDate=2027-02-30'), 422))).to.deep.equal(['startDate']);
  });
});

describe('mock backend: quoting seats and new subscriptions', () => {
  let mock: TestMock;
  before(async () => {
    mock = await createTestMock({ today: TODAY });
  });

  it('prorates seats added to a monthly-billed subscription to its next billing day, renewing with it', async () => {
    const line = await quoteLine(mock, existing(CONTOSO), contosoSeats(10));
    expect(line).to.deep.include({
      kind: 'add-seats',
      subscriptionId: CONTOSO_PREMIUM,
      quantity: 10,
      unitPrice: 2200,
      periodStart: '2027-01-04',
      periodEnd: '2027-02-03',
      chargedDays: 19,
      periodDays: 31,
      proratedAmount: 13484, // 22000 × 19 / 31
      endDate: '2027-04-03',
      autoRenew: true,
      renewsOn: '2027-04-04',
    });
    expectCancellableWeekAfter(line.cancellableUntil);
  });

  it('prorates seats added to an annual-billed subscription to its end date', async () => {
    const line = await quoteLine(mock, existing(WIDE_WORLD), { kind: 'add-seats', subscriptionId: 'sub-3e51d08b', productId: E3, term: 'P1Y', billing: 'annual', quantity: 5 });
    // 16 January to 6 June 2027 is 142 of the year's 365 days: 205200 × 142 / 365 = 79831.23.
    expect(line).to.deep.include({ periodStart: '2026-06-07', periodEnd: '2027-06-06', chargedDays: 142, periodDays: 365, periodAmount: 205200, proratedAmount: 79831, endDate: '2027-06-06' });
  });

  it('ends a new subscription on the aligned date chosen, and does not renew it when auto-renew is off', async () => {
    const line = await quoteLine(mock, existing(CONTOSO), { productId: PREMIUM, term: 'P1Y', billing: 'annual', quantity: 5, endDate: '2027-04-03', autoRenew: false });
    // 16 January to 3 April is 78 days of the year ending on 3 April: 125400 × 78 / 365 = 26797.8.
    expect(line).to.deep.include({ kind: 'new', periodStart: '2026-04-04', periodEnd: '2027-04-03', chargedDays: 78, periodDays: 365, proratedAmount: 26798, endDate: '2027-04-03', autoRenew: false });
    expect(line).not.to.have.property('renewsOn');
    expect(line).not.to.have.property('promotion');
  });

  it('ends a new subscription without an end date on the calendar month end, renewing the day after', async () => {
    const line = await quoteLine(mock, existing(CONTOSO), { productId: E3, term: 'P1Y', billing: 'monthly', quantity: 10 });
    expect(line).to.deep.include({ kind: 'new', periodEnd: '2027-01-31', chargedDays: 16, proratedAmount: 18581, endDate: '2027-12-31', autoRenew: true, renewsOn: '2028-01-01' });
    expectCancellableWeekAfter(line.cancellableUntil);
  });

  it('counts the cancellation deadline from the start date of a quote that starts later', async () => {
    const answer = await call(mock, '/quotes', { method: 'POST', json: { recipient: existing(CONTOSO), lines: [contosoSeats(1)], startDate: '2027-02-10' } });
    expectCancellableWeekAfter(parse(Quote, answer.body).lines[0]!.cancellableUntil, '2027-02-10');
  });

  it('refuses an end date that is not offered, listing those that are', async () => {
    const answer = await call(mock, '/quotes', {
      method: 'POST',
      json: { recipient: existing(CONTOSO), lines: [{ productId: E3, term: 'P1Y', billing: 'monthly', quantity: 1 }, { productId: PREMIUM, term: 'P1Y', billing: 'annual', quantity: 5, endDate: '2027-05-31' }] },
    });
    const problem = expectProblem(answer, 422);
    expect(fieldsOf(problem)).to.deep.equal(['lines.1.endDate']);
    expect(messageFor(problem, 'lines.1.endDate')).to.contain('2027-04-03, 2027-12-31');
  });

  it('refuses seats for a subscription the recipient does not have, one not active, or of another offer', async () => {
    const quote = (recipient: unknown, line: unknown) => call(mock, '/quotes', { method: 'POST', json: { recipient, lines: [line] } });
    const unknown = expectProblem(await quote(existing(CONTOSO), { ...contosoSeats(1), subscriptionId: 'sub-3e51d08b' }), 422);
    expect(fieldsOf(unknown)).to.deep.equal(['lines.0.subscriptionId']);
    const expired = expectProblem(await quote(existing(WIDE_WORLD), { kind: 'add-seats', subscriptionId: 'sub-3e2f96a4', productId: 'cfq7ttc0lf8r-0001', term: 'P1Y', billing: 'monthly', quantity: 1 }), 422);
    expect(messageFor(expired, 'lines.0.subscriptionId')).to.contain('expired');
    const otherBilling = expectProblem(await quote(existing(CONTOSO), { ...contosoSeats(1), billing: 'annual' }), 422);
    expect(fieldsOf(otherBilling)).to.deep.equal(['lines.0.billing']);
    expect(messageFor(otherBilling, 'lines.0.billing')).to.contain('P1Y billed monthly');
    expect(messageFor(expectProblem(await quote(NEW_CUSTOMER, contosoSeats(1)), 422), 'lines.0.subscriptionId')).to.contain('new customer');
  });

  it('refuses seats starting after their subscription has ended', async () => {
    const answer = await call(mock, '/quotes', { method: 'POST', json: { recipient: existing(CONTOSO), lines: [contosoSeats(1)], startDate: '2027-04-04' } });
    const problem = expectProblem(answer, 422);
    expect(fieldsOf(problem)).to.deep.equal(['lines.0.subscriptionId']);
    expect(messageFor(problem, 'lines.0.subscriptionId')).to.contain('ends on 2027-04-03, before the start date 2027-04-04');
    // On its last day, one day is charged.
    const last = parse(Quote, (await call(mock, '/quotes', { method: 'POST', json: { recipient: existing(CONTOSO), lines: [contosoSeats(1)], startDate: '2027-04-03' } })).body);
    expect(last.lines[0]).to.deep.include({ chargedDays: 1, periodStart: '2027-03-04', periodEnd: '2027-04-03', periodDays: 31 });
  });

  it('names the missing subscription and an unknown line kind', async () => {
    const quote = (line: unknown) => call(mock, '/quotes', { method: 'POST', json: { recipient: existing(CONTOSO), lines: [line] } });
    expect(fieldsOf(expectProblem(await quote({ ...contosoSeats(1), subscriptionId: undefined }), 422))).to.deep.equal(['lines.0.subscriptionId']);
    const kind = expectProblem(await quote({ ...contosoSeats(1), kind: 'upgrade' }), 422);
    expect(messageFor(kind, 'lines.0.kind')).to.equal('Must be one of: "new", "add-seats".');
  });
});

describe('mock backend: seat caps', () => {
  it('refuses more than 300 Business Basic licences across a customer’s subscriptions, naming each line of it', async () => {
    const mock = await createTestMock({ today: TODAY });
    const basic = (quantity: number) => ({ productId: BASIC, term: 'P1Y', billing: 'monthly', quantity });
    const quote = (lines: unknown[]) => call(mock, '/quotes', { method: 'POST', json: { recipient: existing(LITWARE), lines } });
    // Litware holds 285: 15 more fit, 16 do not, whether as a new subscription or as seats.
    expect((await quote([basic(15)])).status).to.equal(201);
    const one = expectProblem(await quote([basic(16)]), 422);
    expect(fieldsOf(one)).to.deep.equal(['lines.0.quantity']);
    expect(messageFor(one, 'lines.0.quantity')).to.equal(
      'Microsoft 365 Business Basic allows 300 licences per customer across all its subscriptions. The recipient already has 285, so at most 15 more can be ordered; this order has 16.',
    );
    const seats = expectProblem(await quote([{ kind: 'add-seats', subscriptionId: 'sub-1a7f3b60', ...basic(16) }]), 422);
    expect(fieldsOf(seats)).to.deep.equal(['lines.0.quantity']);
    const split = expectProblem(await quote([basic(10), { productId: E3, term: 'P1Y', billing: 'monthly', quantity: 500 }, basic(6)]), 422);
    expect(fieldsOf(split)).to.deep.equal(['lines.0.quantity', 'lines.2.quantity']);
  });

  it('counts what orders placed before added', async () => {
    const mock = await createTestMock({ today: TODAY, speed: 1000 });
    const order = (quantity: number) => ({ recipient: existing(LITWARE), lines: [{ kind: 'add-seats', subscriptionId: 'sub-1a82c4f9', productId: BASIC, term: 'P1M', billing: 'monthly', quantity }] });
    expect((await placeOrder(mock, order(15))).status).to.equal(201);
    const full = expectProblem(await placeOrder(mock, order(1)), 422);
    expect(messageFor(full, 'lines.0.quantity')).to.contain('already has 300, so at most 0 more');
    const subscriptions = parse(SubscriptionList, (await call(mock, `/customers/${LITWARE}/subscriptions`)).body).subscriptions;
    expect(subscriptions.find((s) => s.id === 'sub-1a82c4f9')!.quantity).to.equal(50);
  });
});

describe('mock backend: the promotion', () => {
  let mock: TestMock;
  before(async () => {
    mock = await createTestMock({ today: TODAY });
  });
  const premium = (term: string, billing: string) => ({ productId: PREMIUM, term, billing, quantity: 10 });

  it('takes 15 % off a new yearly Business Premium for a customer without one', async () => {
    const line = await quoteLine(mock, existing(TAILSPIN), premium('P1Y', 'monthly'));
    // 22000 × 16 / 31 = 11354.8 → 11355 before the promotion; 15 % of it is 1703.25.
    expect(line.promotion).to.deep.equal({
      id: 'promo-m365bp-p1y-15',
      name: 'Microsoft 365 Business Premium: 15 % off the first year for new subscriptions',
      percentOff: 15,
      saving: 1703,
    });
    expect(line.proratedAmount).to.equal(11355 - 1703);
    expect(line.unitPrice, 'the list price stays').to.equal(2200);
    expect(line).not.to.have.property('promotionNotApplied');
    const quote = parse(Quote, (await call(mock, '/quotes', { method: 'POST', json: { recipient: existing(TAILSPIN), lines: [premium('P1Y', 'monthly'), premium('P1M', 'monthly')] } })).body);
    expect(quote.firstInvoiceTotal).to.equal(quote.lines[0]!.proratedAmount + quote.lines[1]!.proratedAmount);
    // The monthly term is not offered the promotion, so nothing is said of it.
    expect(quote.lines[1]).not.to.have.any.keys('promotion', 'promotionNotApplied');
  });

  it('explains why a customer does not get it: already a customer of the product, another market, added seats', async () => {
    const contoso = await quoteLine(mock, existing(CONTOSO), premium('P1Y', 'annual'));
    expect(contoso).not.to.have.property('promotion');
    expect(contoso.promotionNotApplied!.id).to.equal('promo-m365bp-p1y-15');
    expect(contoso.promotionNotApplied!.reason).to.equal(
      'The recipient already has Microsoft 365 Business Premium (subscription sub-c0b9e512); the promotion is for a first subscription of it.',
    );
    expect((await quoteLine(mock, existing(WOODGROVE), premium('P1Y', 'annual'))).promotionNotApplied!.reason).to.contain('market (AU)');
    expect((await quoteLine(mock, existing(CONTOSO), contosoSeats(10))).promotionNotApplied!.reason).to.contain('new subscriptions only');
    // The reseller's own organization already has Business Premium too.
    expect((await quoteLine(mock, { kind: 'internal' }, premium('P1Y', 'monthly'))).promotionNotApplied!.reason).to.contain('sub-00a1f5c8');
  });
});

describe('mock backend: orders with seats, end dates and a purchase order number', () => {
  it('adds seats: the task says so, the subscription grows, the order carries the terms and the purchase order', async () => {
    const mock = await createTestMock({ today: TODAY, speed: 1000 });
    const answer = await placeOrder(mock, { recipient: existing(CONTOSO), lines: [contosoSeats(10)], purchaseOrder: 'PO-2027-0042' });
    expect(answer.status).to.equal(201);
    const placed = parse(Order, answer.body);
    expect(placed.purchaseOrder).to.equal('PO-2027-0042');
    expect(placed.firstInvoiceTotal).to.equal(13484);
    // The lines as ordered, and what each commits to.
    expect(placed.lines).to.deep.equal([contosoSeats(10)]);
    expect(placed.lineTerms).to.have.length(1);
    expect(placed.lineTerms![0]).to.deep.include({ subscriptionId: CONTOSO_PREMIUM, endDate: '2027-04-03', autoRenew: true, renewsOn: '2027-04-04' });
    expectCancellableWeekAfter(placed.lineTerms![0]!.cancellableUntil);
    expect(placed.tasks.map((t) => [t.kind, t.label])).to.deep.equal([
      ['add-seats', 'Add 10 seats to Microsoft 365 Business Premium (subscription sub-c0b9e512, ending 2027-04-03)'],
    ]);
    const done = await pollOrder(mock, placed.id, (o) => o.status === 'completed' || o.status === 'failed');
    expect(done.status).to.equal('completed');
    expect(done.purchaseOrder).to.equal('PO-2027-0042');
    const subscriptions = parse(SubscriptionList, (await call(mock, `/customers/${CONTOSO}/subscriptions`)).body).subscriptions;
    expect(subscriptions.find((s) => s.id === CONTOSO_PREMIUM)!.quantity).to.equal(50);
  });

  it('creates a new subscription ending on the chosen date, not renewing, that the customer then has', async () => {
    const mock = await createTestMock({ today: TODAY, speed: 1000 });
    const line = { productId: E3, term: 'P1Y', billing: 'annual', quantity: 8, endDate: '2027-04-03', autoRenew: false };
    const placed = parse(Order, (await placeOrder(mock, { recipient: existing(CONTOSO), lines: [line] })).body);
    expect(placed).not.to.have.property('purchaseOrder');
    expect(placed.lines).to.deep.equal([line]);
    const ordered = placed.lineTerms![0]!;
    expect(ordered).to.deep.include({ endDate: '2027-04-03', autoRenew: false });
    expect(ordered).not.to.have.property('renewsOn');
    expectCancellableWeekAfter(ordered.cancellableUntil);
    expect(placed.tasks.map((t) => t.kind)).to.deep.equal(['create-subscription']);
    const subscriptions = parse(SubscriptionList, (await call(mock, `/customers/${CONTOSO}/subscriptions`)).body).subscriptions;
    const created = subscriptions.find((s) => s.id === ordered.subscriptionId);
    expect(created).to.deep.include({ productId: E3, term: 'P1Y', billing: 'annual', quantity: 8, startDate: TODAY, endDate: '2027-04-03', autoRenew: false, status: 'active' });
  });

  it('gives a new customer’s subscriptions to the customer the order creates', async () => {
    const mock = await createTestMock({ today: TODAY, speed: 1000 });
    const agreement = { templateId: '117a15a0-5a13-4e8d-b9c6-3b1c6c0e5b2f', firstName: 'Dana', lastName: 'Whitfield', email: 'dana@northwindtraders.com', dateAccepted: '2027-01-10' };
    const recipient = NEW_CUSTOMER;
    const quoted = await quoteLine(mock, recipient, { productId: PREMIUM, term: 'P1Y', billing: 'annual', quantity: 20 });
    expect(quoted.promotion?.percentOff, 'a new US customer gets the promotion').to.equal(15);
    expect((await placeOrder(mock, { recipient, lines: [{ productId: PREMIUM, term: 'P1Y', billing: 'annual', quantity: 20 }], agreement })).status).to.equal(201);
    const found = (await call(mock, '/customers?search=northwind')).body as { customers: Array<{ id: string }> };
    const subscriptions = parse(SubscriptionList, (await call(mock, `/customers/${found.customers[0]!.id}/subscriptions`)).body).subscriptions;
    expect(subscriptions.map((s) => [s.productId, s.quantity, s.endDate])).to.deep.equal([[PREMIUM, 20, '2027-12-31']]);
  });

  it('takes a purchase order of up to 40 characters, as data, and names it when longer or empty', async () => {
    const mock = await createTestMock({ today: TODAY, speed: 1000 });
    const order = (purchaseOrder: string) => ({ recipient: { kind: 'internal' }, lines: [{ productId: E3, term: 'P1M', billing: 'monthly', quantity: 1 }], purchaseOrder });
    const hostile = '"><img src=x onerror=alert(1)>&amp;\u202e';
    const answer = await placeOrder(mock, order(hostile));
    expect(answer.status).to.equal(201);
    expect(answer.headers.get('content-type')).to.contain('application/json');
    const placed = parse(Order, answer.body);
    expect(placed.purchaseOrder).to.equal(hostile);
    expect(parse(Order, (await call(mock, `/orders/${placed.id}`)).body).purchaseOrder).to.equal(hostile);
    expect((await placeOrder(mock, order('P'.repeat(40)))).status).to.equal(201);
    const long = expectProblem(await placeOrder(mock, order('P'.repeat(41))), 422);
    expect(fieldsOf(long)).to.deep.equal(['purchaseOrder']);
    expect(messageFor(long, 'purchaseOrder')).to.equal('Must be at most 40 characters.');
    expect(fieldsOf(expectProblem(await placeOrder(mock, order('')), 422))).to.deep.equal(['purchaseOrder']);
  });
});
