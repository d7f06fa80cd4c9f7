/**
 * The mock backend over real HTTP (the hub inside the test runner), with plain `fetch`:
 * every rule the widget and the README rely on, and every answer checked against the contract.
 */
import { expect } from '@open-wc/testing';
import * as z from 'zod/mini';
import {
  AddressValidation,
  Agreement,
  Catalog,
  CustomerList,
  DomainAvailability,
  DOMAIN_PREFIX_PATTERN,
  Order,
  Problem,
  Quote,
  TenantLookup,
  type OrderRequest,
} from '../src/api/schemas.js';
import { createMockBackend } from '../src/mock/index.js';
import { call, expectProblem, fieldsOf, messageFor, parse, placeOrder, pollOrder } from './helpers/contract.js';
import { createTestMock, type TestMock } from './helpers/mock.js';

const E3 = 'cfq7ttc0lfld-0001';
const BASIC = 'cfq7ttc0lh18-0001';
const TODAY = '2027-01-16';
const AGREEMENT_TEMPLATE = '117a15a0-5a13-4e8d-b9c6-3b1c6c0e5b2f';

const acceptance = {
  templateId: AGREEMENT_TEMPLATE,
  firstName: 'Dana',
  lastName: 'Whitfield',
  email: 'dana@northwindtraders.com',
  dateAccepted: '2026-01-05',
};

function newCompany(companyName: string, postalCode = '98101') {
  return {
    companyName,
    address: { country: 'US', line1: '1 Microsoft Way', city: 'Redmond', state: 'WA', postalCode },
    contact: { firstName: 'Dana', lastName: 'Whitfield', email: 'dana@northwindtraders.com' },
  };
}

function newTenantOrder(companyName: string, prefix: string): OrderRequest {
  return {
    lines: [
      { productId: E3, term: 'P1Y', billing: 'monthly', quantity: 25 },
      { productId: BASIC, term: 'P1M', billing: 'monthly', quantity: 3 },
    ],
    recipient: { kind: 'new', company: newCompany(companyName), tenant: { kind: 'new', prefix } },
    agreement: acceptance,
  };
}

describe('mock backend: catalog, customers, agreement', () => {
  let mock: TestMock;
  before(async () => {
    mock = await createTestMock({ today: TODAY });
  });

  it('lists at least 8 Microsoft products with New Commerce terms and prices', async () => {
    const answer = await call(mock, '/catalog');
    expect(answer.status).to.equal(200);
    const catalog = parse(Catalog, answer.body);
    expect(catalog.currency).to.equal('USD');
    expect(catalog.products.length).to.be.at.least(8);
    const names = catalog.products.map((p) => p.name);
    expect(names).to.include.members(['Microsoft 365 Business Premium', 'Microsoft 365 E3', 'Exchange Online (Plan 1)', 'Microsoft Entra ID P1']);
    for (const product of catalog.products) {
      const offer = (term: string, billing: string) => product.offers.find((o) => o.term === term && o.billing === billing);
      const monthly = offer('P1Y', 'monthly')!;
      expect(monthly, product.name).to.exist;
      // P1M: billed monthly only, about 20% dearer than an annual term; billed annually, 12 months less 5 %.
      expect(offer('P1M', 'annual'), product.name).to.be.undefined;
      expect(offer('P1M', 'monthly')!.unitPrice).to.equal(Math.round(monthly.unitPrice * 1.2));
      expect(offer('P1Y', 'annual')!.unitPrice).to.equal(Math.round(monthly.unitPrice * 12 * 0.95));
      expect(product.minQuantity).to.equal(1);
      expect(product.description).to.be.a('string').and.not.empty;
      if (product.name.includes('Business')) expect(product.maxQuantity, product.name).to.equal(300);
    }
    const threeYear = catalog.products.filter((p) => p.offers.some((o) => o.term === 'P3Y'));
    expect(threeYear.length).to.be.within(1, catalog.products.length - 1);
  });

  it('finds customers by company name or domain, ignoring case; Adatum has no agreement on file', async () => {
    const all = parse(CustomerList, (await call(mock, '/customers?search=')).body);
    expect(all.customers.length).to.be.at.least(6);
    expect(all.customers.filter((c) => !c.agreementOnFile).map((c) => c.companyName)).to.deep.equal(['Adatum Corporation']);

    const adatum = parse(CustomerList, (await call(mock, '/customers?search=Adatum')).body);
    expect(adatum.customers).to.have.length(1);
    expect(adatum.customers[0]).to.include({ companyName: 'Adatum Corporation', agreementOnFile: false });

    const byDomain = parse(CustomerList, (await call(mock, '/customers?search=LITWAREINC.onmicrosoft')).body);
    expect(byDomain.customers.map((c) => c.companyName)).to.deep.equal(['Litware, Inc.']);
    expect(parse(CustomerList, (await call(mock, '/customers')).body).customers).to.have.length(all.customers.length);
    expect(parse(CustomerList, (await call(mock, '/customers?search=nobody-by-this-name')).body).customers).to.be.empty;
  });

  it('gives the current agreement, in attest mode by default and customer-accepts when asked', async () => {
    const attest = parse(Agreement, (await call(mock, '/agreement')).body);
    expect(attest).to.include({ templateId: AGREEMENT_TEMPLATE, mode: 'attest' });
    expect(attest.url).to.match(/^https:\/\/www\.microsoft\.com\//);
    const other = await createTestMock({ agreementMode: 'customer-accepts' });
    expect(parse(Agreement, (await call(other, '/agreement')).body).mode).to.equal('customer-accepts');
  });

  it('answers unknown routes 404, wrong methods 405 and bad JSON 400, as problems', async () => {
    expectProblem(await call(mock, '/nothing-here'), 404);
    expectProblem(await call(mock, '/orders/x/y/z'), 404);
    const wrongMethod = await call(mock, '/catalog', { method: 'POST', json: {} });
    expectProblem(wrongMethod, 405);
    expect(wrongMethod.headers.get('allow')).to.equal('GET');
    expectProblem(await call(mock, '/addresses/validate'), 405);
    const badJson = await call(mock, '/quotes', { method: 'POST', body: '{"lines": [', headers: { 'content-type': 'application/json' } });
    expect(expectProblem(badJson, 400).code).to.equal('invalid-json');
  });
});

describe('mock backend: domains and tenants', () => {
  let mock: TestMock;
  before(async () => {
    mock = await createTestMock();
  });

  async function domain(prefix: string) {
    return call(mock, `/domains/${encodeURIComponent(prefix)}`);
  }

  it('accepts prefixes of 1 and 27 letters or digits', async () => {
    for (const prefix of ['a', 'A1b2C3d4E5f6G7h8I9j0K1l2M3n', '9']) {
      const answer = await domain(prefix);
      expect(answer.status, prefix).to.equal(200);
      const availability = parse(DomainAvailability, answer.body);
      expect(availability).to.deep.include({ prefix, domain: `${prefix.toLowerCase()}.onmicrosoft.com`, available: true, suggestions: [] });
    }
  });

  it('rejects an empty prefix, 28 characters, hyphens, dots, unicode and broken encoding, saying which rule failed', async () => {
    const cases: Array<[string, RegExp]> = [
      ['/domains/', /1 to 27/],
      [`/domains/${'a'.repeat(28)}`, /27 characters.*28/],
      ['/domains/north-wind', /not “-”/],
      ['/domains/northwind.com', /not “\.”/],
      [`/domains/${encodeURIComponent('café')}`, /not “é”/],
      ['/domains/north%20wind', /spaces/],
      ['/domains/%E0%A4%A', /percent-encoded/],
    ];
    for (const [path, message] of cases) {
      const problem = expectProblem(await call(mock, path), 422);
      expect(fieldsOf(problem), path).to.deep.equal(['prefix']);
      expect(messageFor(problem, 'prefix'), path).to.match(message);
    }
  });

  it('says contoso and any prefix starting with "taken" are taken, with 3 available suggestions', async () => {
    for (const prefix of ['contoso', 'Contoso', 'taken', 'TakenByAnother', `taken${'x'.repeat(22)}`]) {
      const availability = parse(DomainAvailability, (await domain(prefix)).body);
      expect(availability.available, prefix).to.equal(false);
      expect(availability.suggestions, prefix).to.have.length(3);
      for (const suggestion of availability.suggestions) {
        expect(suggestion).to.match(DOMAIN_PREFIX_PATTERN);
        expect(parse(DomainAvailability, (await domain(suggestion)).body).available, suggestion).to.equal(true);
      }
    }
  });

  it('finds the Fabrikam tenant whatever the case, and no other', async () => {
    const fabrikam = parse(TenantLookup, (await call(mock, '/tenants/Fabrikam.OnMicrosoft.com')).body);
    expect(fabrikam).to.include({ domain: 'fabrikam.onmicrosoft.com', exists: true, companyName: 'Fabrikam, Inc.' });
    expect(fabrikam.tenantId).to.be.a('string').and.not.empty;
    const other = parse(TenantLookup, (await call(mock, '/tenants/northwind.onmicrosoft.com')).body);
    expect(other).to.deep.equal({ domain: 'northwind.onmicrosoft.com', exists: false });
    for (const bad of ['fabrikam', 'fab rikam.onmicrosoft.com', '-x.onmicrosoft.com']) {
      expect(fieldsOf(expectProblem(await call(mock, `/tenants/${encodeURIComponent(bad)}`), 422)), bad).to.deep.equal(['domain']);
    }
  });

  it('takes a new tenant prefix once an order used it, in that instance only', async () => {
    const placed = await placeOrder(mock, newTenantOrder('Northwind Traders', 'NorthwindTraders'));
    expect(placed.status).to.equal(201);
    expect(parse(DomainAvailability, (await domain('northwindtraders')).body).available).to.equal(false);
    const fresh = await createTestMock();
    expect(parse(DomainAvailability, (await call(fresh, '/domains/northwindtraders')).body).available).to.equal(true);
  });
});

describe('mock backend: addresses', () => {
  let mock: TestMock;
  before(async () => {
    mock = await createTestMock();
  });
  const address = { country: 'US', line1: '1 Microsoft Way', city: 'redmond', state: 'WA', postalCode: '98052' };
  const validate = (body: unknown) => call(mock, '/addresses/validate', { method: 'POST', json: body });

  it('verifies an ordinary address', async () => {
    expect(parse(AddressValidation, (await validate(address)).body)).to.deep.equal({ status: 'verified', suggestions: [] });
  });

  it('rejects postal code 00000 with a message', async () => {
    const result = parse(AddressValidation, (await validate({ ...address, postalCode: '00000' })).body);
    expect(result.status).to.equal('not-valid');
    expect(result.message).to.contain('00000');
    expect(result.suggestions).to.be.empty;
  });

  it('offers exactly one correction for postal code 99999', async () => {
    const result = parse(AddressValidation, (await validate({ ...address, postalCode: '99999' })).body);
    expect(result.status).to.equal('interaction-required');
    expect(result.message).to.be.a('string');
    expect(result.suggestions).to.have.length(1);
    expect(result.suggestions[0]!.postalCode).to.not.equal('99999');
    expect(result.suggestions[0]!.city).to.equal('Redmond');
  });

  it('requires a state in the US, Canada and Australia only', async () => {
    for (const country of ['US', 'CA', 'AU']) {
      const problem = expectProblem(await validate({ ...address, country, state: undefined }), 422);
      expect(fieldsOf(problem), country).to.deep.equal(['state']);
    }
    expect((await validate({ ...address, country: 'GB', state: undefined, postalCode: 'SW1A 1AA' })).status).to.equal(200);
  });

  it('names each invalid field', async () => {
    const problem = expectProblem(await validate({ country: 'usa', line1: '', city: 'Redmond', postalCode: 'x'.repeat(21) }), 422);
    expect(problem.code).to.equal('validation-failed');
    expect(fieldsOf(problem)).to.have.members(['country', 'line1', 'postalCode']);
    expect(messageFor(problem, 'country')).to.contain('two-letter');
    expect(messageFor(problem, 'line1')).to.contain('required');
    expect(messageFor(problem, 'postalCode')).to.contain('20');
  });
});

describe('mock backend: quotes', () => {
  let mock: TestMock;
  before(async () => {
    mock = await createTestMock({ today: TODAY });
  });
  const quote = (body: unknown) => call(mock, '/quotes', { method: 'POST', json: body });

  it('prorates each line from today to the end of its billing period', async () => {
    const answer = await quote({
      lines: [
        { productId: E3, term: 'P1Y', billing: 'monthly', quantity: 10 },
        { productId: E3, term: 'P1Y', billing: 'annual', quantity: 2 },
      ],
      recipient: { kind: 'internal' },
    });
    expect(answer.status).to.equal(201);
    const result = parse(Quote, answer.body);
    expect(result.startDate).to.equal(TODAY);
    const [monthly, annual] = result.lines;
    // 10 × $36.00 for 16 of January's 31 days: 36000 × 16 / 31 = 18580.6
    expect(monthly).to.deep.include({ name: 'Microsoft 365 E3', unitPrice: 3600, periodAmount: 36000, periodStart: '2027-01-01', periodEnd: '2027-01-31', chargedDays: 16, periodDays: 31, proratedAmount: 18581 });
    // 2 × $410.40 for 350 of 365 days: 82080 × 350 / 365 = 78706.8
    expect(annual).to.deep.include({ unitPrice: 41040, periodAmount: 82080, periodEnd: '2027-12-31', chargedDays: 350, periodDays: 365, proratedAmount: 78707 });
    expect(result.recurringTotal).to.equal(36000 + 82080);
    expect(result.firstInvoiceTotal).to.equal(18581 + 78707);
    expect(Date.parse(result.expiresAt)).to.be.greaterThan(Date.now());
  });

  it('uses the start date given, and refuses one in the past', async () => {
    const leap = parse(Quote, (await quote({ lines: [{ productId: BASIC, term: 'P1M', billing: 'monthly', quantity: 1 }], recipient: { kind: 'internal' }, startDate: '2028-02-15' })).body);
    expect(leap.lines[0]).to.deep.include({ unitPrice: 720, periodDays: 29, chargedDays: 15, proratedAmount: 372 }); // 720 × 15 / 29 = 372.4
    const past = expectProblem(await quote({ lines: [{ productId: BASIC, term: 'P1M', billing: 'monthly', quantity: 1 }], recipient: { kind: 'internal' }, startDate: '2027-01-15' }), 422);
    expect(fieldsOf(past)).to.deep.equal(['startDate']);
  });

  it('names the line field that is not offered or out of bounds', async () => {
    const problem = expectProblem(
      await quote({
        lines: [
          { productId: BASIC, term: 'P1Y', billing: 'monthly', quantity: 301 },
          { productId: BASIC, term: 'P1M', billing: 'annual', quantity: 1 },
          { productId: BASIC, term: 'P3Y', billing: 'monthly', quantity: 1 },
          { productId: 'no-such-product', term: 'P1Y', billing: 'monthly', quantity: 1 },
          { productId: E3, term: 'P1Y', billing: 'monthly', quantity: 0 },
          { productId: E3, term: 'P2Y', billing: 'monthly', quantity: 2.5 },
        ],
        recipient: { kind: 'existing', customerId: 'cst-unknown' },
      }),
      422,
    );
    // Schema errors come first and alone: quantity 0, term P2Y and 2.5 fail parsing.
    expect(fieldsOf(problem)).to.have.members(['lines.4.quantity', 'lines.5.term', 'lines.5.quantity']);
    expect(messageFor(problem, 'lines.5.quantity')).to.contain('whole number');

    const rules = expectProblem(
      await quote({
        lines: [
          { productId: BASIC, term: 'P1Y', billing: 'monthly', quantity: 301 },
          { productId: BASIC, term: 'P1M', billing: 'annual', quantity: 1 },
          { productId: BASIC, term: 'P3Y', billing: 'monthly', quantity: 1 },
          { productId: 'no-such-product', term: 'P1Y', billing: 'monthly', quantity: 1 },
        ],
        recipient: { kind: 'existing', customerId: 'cst-unknown' },
      }),
      422,
    );
    expect(fieldsOf(rules)).to.have.members(['lines.0.quantity', 'lines.1.billing', 'lines.2.term', 'lines.3.productId', 'recipient.customerId']);
    expect(messageFor(rules, 'lines.0.quantity')).to.contain('300');
  });

  it('rejects a request without lines', async () => {
    const problem = expectProblem(await quote({ lines: [], recipient: { kind: 'internal' } }), 422);
    expect(fieldsOf(problem)).to.deep.equal(['lines']);
    expect(fieldsOf(expectProblem(await quote({ lines: [{ productId: E3, term: 'P1Y', billing: 'monthly', quantity: 1 }], recipient: { kind: 'friend' } }), 422))).to.deep.equal(['recipient.kind']);
  });
});

describe('mock backend: placing orders', () => {
  let mock: TestMock;
  beforeEach(async () => {
    mock = await createTestMock({ speed: 2000, today: TODAY });
  });

  it('needs an Idempotency-Key', async () => {
    const answer = await call(mock, '/orders', { method: 'POST', json: newTenantOrder('Northwind Traders', 'northwindtraders') });
    expect(expectProblem(answer, 400).code).to.equal('idempotency-key-missing');
  });

  it('returns the same order for the same key and body, and refuses the key with another body', async () => {
    const order = newTenantOrder('Northwind Traders', 'northwindtraders');
    const first = await placeOrder(mock, order, 'same-key');
    expect(first.status).to.equal(201);
    const placed = parse(Order, first.body);
    expect(first.headers.get('location')).to.match(new RegExp(`/orders/${placed.id}$`));

    // A retry with the keys in another order is the same body.
    const reordered = { agreement: order.agreement, recipient: order.recipient, lines: order.lines };
    const again = await placeOrder(mock, reordered, 'same-key');
    expect(again.status).to.equal(200);
    expect(parse(Order, again.body).id).to.equal(placed.id);

    const other = await placeOrder(mock, { ...order, lines: [{ productId: E3, term: 'P1Y', billing: 'monthly', quantity: 26 }] }, 'same-key');
    expect(expectProblem(other, 422).code).to.equal('idempotency-key-reused');

    const posted = await mock.requests({ method: 'post', path: '/orders' });
    expect(posted).to.have.length(3);
    expect(posted.map((r) => r.headers['idempotency-key'])).to.deep.equal(['same-key', 'same-key', 'same-key']);
    expect(posted[0]!.body).to.deep.equal(order);
  });

  it('places orders for each kind of recipient', async () => {
    const internal = await placeOrder(mock, { lines: [{ productId: E3, term: 'P1Y', billing: 'monthly', quantity: 5 }], recipient: { kind: 'internal' } });
    expect(internal.status).to.equal(201);
    expect(parse(Order, internal.body).tasks.map((t) => t.kind)).to.deep.equal(['create-subscription']);

    const contoso = await placeOrder(mock, { lines: [{ productId: E3, term: 'P1Y', billing: 'monthly', quantity: 5 }], recipient: { kind: 'existing', customerId: 'cst-7f3a2c91' } });
    const contosoOrder = parse(Order, contoso.body);
    expect(contosoOrder.recipient).to.deep.equal({ kind: 'existing', companyName: 'Contoso Ltd.', domain: 'contoso.onmicrosoft.com' });
    expect(contosoOrder.tasks.map((t) => t.kind)).to.deep.equal(['create-subscription']);

    const adatum = await placeOrder(mock, { lines: [{ productId: E3, term: 'P1Y', billing: 'monthly', quantity: 5 }], recipient: { kind: 'existing', customerId: 'cst-1b84d0e6' }, agreement: acceptance });
    expect(parse(Order, adatum.body).tasks.map((t) => t.kind)).to.deep.equal(['record-agreement', 'create-subscription']);

    const newTenant = parse(Order, (await placeOrder(mock, newTenantOrder('Northwind Traders', 'northwindtraders'))).body);
    expect(newTenant.tasks.map((t) => t.kind)).to.deep.equal(['create-tenant', 'link-reseller', 'record-agreement', 'create-subscription', 'create-subscription']);
    expect(newTenant.tasks.map((t) => t.label)).to.include('Create subscription: Microsoft 365 E3 × 25');
    // $36.00 × 25 for 16/31 days + $7.20 × 3 for 16/31 days
    expect(newTenant.firstInvoiceTotal).to.equal(Math.round((90000 * 16) / 31) + Math.round((2160 * 16) / 31));
  });

  it('requires the agreement for new customers and customers without one on file', async () => {
    const withoutAgreement = { ...newTenantOrder('Northwind Traders', 'northwindtraders'), agreement: undefined };
    expect(fieldsOf(expectProblem(await placeOrder(mock, withoutAgreement), 422))).to.deep.equal(['agreement']);
    const adatum = { lines: [{ productId: E3, term: 'P1Y', billing: 'monthly', quantity: 5 }], recipient: { kind: 'existing', customerId: 'cst-1b84d0e6' } };
    expect(fieldsOf(expectProblem(await placeOrder(mock, adatum), 422))).to.deep.equal(['agreement']);
    const future = { ...newTenantOrder('Northwind Traders', 'northwindtraders'), agreement: { ...acceptance, dateAccepted: '2027-01-17', email: 'not-an-email' } };
    expect(fieldsOf(expectProblem(await placeOrder(mock, future), 422))).to.deep.equal(['agreement.email']);
    const tomorrow = { ...newTenantOrder('Northwind Traders', 'northwindtraders'), agreement: { ...acceptance, dateAccepted: '2027-01-17', templateId: 'old' } };
    expect(fieldsOf(expectProblem(await placeOrder(mock, tomorrow), 422))).to.have.members(['agreement.dateAccepted', 'agreement.templateId']);
  });

  it('refuses a company name that differs from the existing tenant’s registered name, showing both', async () => {
    const order = {
      lines: [{ productId: E3, term: 'P1Y', billing: 'monthly', quantity: 5 }],
      recipient: { kind: 'new', company: newCompany('Fabrikam Inc'), tenant: { kind: 'existing', domain: 'fabrikam.onmicrosoft.com' } },
      agreement: acceptance,
    };
    const problem = expectProblem(await placeOrder(mock, order), 422);
    expect(fieldsOf(problem)).to.deep.equal(['company.companyName']);
    expect(problem.detail).to.contain('“Fabrikam Inc”').and.contain('“Fabrikam, Inc.”');
    expect(problem.registeredCompanyName).to.equal('Fabrikam, Inc.');

    const unknownTenant = { ...order, recipient: { ...order.recipient, tenant: { kind: 'existing', domain: 'nobody.onmicrosoft.com' } } };
    expect(fieldsOf(expectProblem(await placeOrder(mock, unknownTenant), 422))).to.deep.equal(['tenant.domain']);
  });

  it('refuses a taken prefix, an unknown customer, and names nested fields of the recipient', async () => {
    expect(fieldsOf(expectProblem(await placeOrder(mock, newTenantOrder('Northwind Traders', 'takenalready')), 422))).to.deep.equal(['tenant.prefix']);
    expect(fieldsOf(expectProblem(await placeOrder(mock, newTenantOrder('Northwind Traders', 'north-wind')), 422))).to.deep.equal(['tenant.prefix']);
    const unknown = { lines: [{ productId: E3, term: 'P1Y', billing: 'monthly', quantity: 5 }], recipient: { kind: 'existing', customerId: 'cst-nope' } };
    expect(fieldsOf(expectProblem(await placeOrder(mock, unknown), 422))).to.deep.equal(['recipient.customerId']);

    const order = newTenantOrder('Northwind Traders', 'northwindtraders') as { recipient: { company: ReturnType<typeof newCompany> } };
    order.recipient.company.address.postalCode = '';
    order.recipient.company.contact.email = 'dana@';
    order.recipient.company.companyName = '';
    const problem = expectProblem(await placeOrder(mock, order), 422);
    expect(fieldsOf(problem)).to.have.members(['company.companyName', 'company.address.postalCode', 'company.contact.email']);
    expect(messageFor(problem, 'company.contact.email')).to.contain('email');

    const noState = newTenantOrder('Northwind Traders', 'northwindtraders') as { recipient: { company: ReturnType<typeof newCompany> } };
    delete (noState.recipient.company.address as { state?: string }).state;
    expect(fieldsOf(expectProblem(await placeOrder(mock, noState), 422))).to.deep.equal(['company.address.state']);
  });

  it('answers 404 for an unknown order', async () => {
    expect(expectProblem(await call(mock, '/orders/ord_nope'), 404).code).to.equal('order-not-found');
    expect(expectProblem(await call(mock, '/orders/ord_nope/events'), 404).code).to.equal('order-not-found');
  });
});

describe('mock backend: provisioning', () => {
  it('provisions a new tenant to completed, with the admin credentials', async () => {
    const mock = await createTestMock({ speed: 1000 });
    const placed = parse(Order, (await placeOrder(mock, newTenantOrder('Northwind Traders', 'northwindtraders'))).body);
    expect(placed.status).to.equal('provisioning');
    expect(placed.tasks[0]).to.include({ kind: 'create-tenant', status: 'running' });
    expect(placed.tasks.slice(1).every((t) => t.status === 'pending')).to.equal(true);
    expect(placed.progress).to.be.below(0.2);
    expect(placed.estimatedSecondsRemaining).to.be.above(0.04).and.below(0.1); // 57 simulated seconds at speed 1000
    expect(placed.credentials).to.be.undefined;

    const done = await pollOrder(mock, placed.id, (o) => o.status !== 'provisioning');
    expect(done.status).to.equal('completed');
    expect(done.progress).to.equal(1);
    expect(done.tasks.every((t) => t.status === 'succeeded' && t.startedAt && t.finishedAt)).to.equal(true);
    expect(done.credentials!.userName).to.equal('admin@northwindtraders.onmicrosoft.com');
    expect(done.credentials!.temporaryPassword).to.have.length.of.at.least(8);
    expect(Date.parse(done.updatedAt)).to.be.at.least(Date.parse(done.createdAt));
    // The new tenant now exists for lookups.
    expect(parse(TenantLookup, (await call(mock, '/tenants/northwindtraders.onmicrosoft.com')).body).exists).to.equal(true);
  });

  it('fails at the first subscription when the company name contains Fail', async () => {
    const mock = await createTestMock({ speed: 2000 });
    const placed = parse(Order, (await placeOrder(mock, newTenantOrder('Fail Fast Ltd', 'failfast'))).body);
    const failed = await pollOrder(mock, placed.id, (o) => o.status !== 'provisioning');
    expect(failed.status).to.equal('failed');
    expect(failed.retryable).to.equal(true);
    // The tenant was created before the failure: its administrator comes with the failed order.
    expect(failed.tasks.find((t) => t.kind === 'create-tenant')!.status).to.equal('succeeded');
    expect(failed.credentials!.userName).to.equal('admin@failfast.onmicrosoft.com');
    const subscriptions = failed.tasks.filter((t) => t.kind === 'create-subscription');
    expect(subscriptions[0]!.status).to.equal('failed');
    expect(subscriptions[0]!.detail).to.be.a('string').and.not.empty;
    expect(subscriptions[1]!.status).to.equal('pending');
    expect(failed.tasks.filter((t) => t.kind !== 'create-subscription').every((t) => t.status === 'succeeded')).to.equal(true);
  });

  it('lets the same company place a failed new-tenant order again: the tenant is reused and only the subscriptions are created', async () => {
    const mock = await createTestMock({ speed: 2000 });
    const order = newTenantOrder('Fail Fast Ltd', 'failfast');
    const first = parse(Order, (await placeOrder(mock, order)).body);
    expect(first.tasks.map((t) => t.kind)).to.include('create-tenant');
    expect((await pollOrder(mock, first.id, (o) => o.status !== 'provisioning')).status).to.equal('failed');

    // The prefix stays taken for everyone: the tenant exists.
    expect(parse(DomainAvailability, (await call(mock, '/domains/failfast')).body).available).to.equal(false);

    // Placed again with a new idempotency key: accepted, on the same tenant, without creating it.
    const answer = await placeOrder(mock, order);
    expect(answer.status, JSON.stringify(answer.body)).to.equal(201);
    const again = parse(Order, answer.body);
    expect(again.id).to.not.equal(first.id);
    expect(again.recipient).to.deep.equal({ kind: 'new', companyName: 'Fail Fast Ltd', domain: 'failfast.onmicrosoft.com' });
    expect(again.tasks.map((t) => t.kind)).to.deep.equal(['create-subscription', 'create-subscription']);
    // `Fail` fails only the company's first order: this one completes, with the tenant's administrator.
    const done = await pollOrder(mock, again.id, (o) => o.status !== 'provisioning');
    expect(done.status).to.equal('completed');
    expect(done.tasks.every((t) => t.status === 'succeeded')).to.equal(true);
    expect(done.credentials!.userName).to.equal('admin@failfast.onmicrosoft.com');
    // The failed order stays as it was.
    expect(parse(Order, (await call(mock, `/orders/${first.id}`)).body).status).to.equal('failed');
    // No second customer for the same company.
    const found = parse(CustomerList, (await call(mock, '/customers?search=Fail%20Fast')).body).customers;
    expect(found.map((c) => c.defaultDomain)).to.deep.equal(['failfast.onmicrosoft.com']);

    // Another company (even one differing only in case) cannot order on that prefix.
    for (const other of ['Other Corp', 'fail fast ltd']) {
      const refused = expectProblem(await placeOrder(mock, newTenantOrder(other, 'failfast')), 422);
      expect(messageFor(refused, 'tenant.prefix')).to.contain('already taken');
    }
    // Nor can the same company once the retry completed: the tenant is no longer a failed order's.
    expect(messageFor(expectProblem(await placeOrder(mock, order), 422), 'tenant.prefix')).to.contain('already taken');
  });

  it('refuses that prefix to the same company while its first order is still running', async () => {
    const mock = await createTestMock({ speed: 100 }); // fails after 0.45 s
    const order = newTenantOrder('Fail Early Ltd', 'failearly');
    const first = parse(Order, (await placeOrder(mock, order)).body);
    expect(first.status).to.equal('provisioning');
    expect(messageFor(expectProblem(await placeOrder(mock, order), 422), 'tenant.prefix')).to.contain('already taken');
  });

  it('stays waiting on Microsoft’s review when the company name contains Review', async () => {
    const mock = await createTestMock({ speed: 2000 });
    const placed = parse(Order, (await placeOrder(mock, newTenantOrder('Review Me Corp', 'reviewme'))).body);
    const waiting = await pollOrder(mock, placed.id, (o) => o.status !== 'provisioning');
    expect(waiting.status).to.equal('waiting');
    const review = waiting.tasks.find((t) => t.kind === 'review-customer')!;
    expect(review.status).to.equal('waiting');
    expect(review.detail).to.contain('close this page');
    expect(waiting.tasks.filter((t) => t.kind === 'create-subscription').map((t) => t.status)).to.deep.equal(['pending', 'pending']);
    expect(waiting.progress).to.be.below(1);
    await new Promise((r) => setTimeout(r, 100)); // 200 simulated seconds later: still waiting
    expect(parse(Order, (await call(mock, `/orders/${placed.id}`)).body).status).to.equal('waiting');
  });

  it('takes ten times longer when the company name contains Slow', async () => {
    const mock = await createTestMock({ speed: 1000 });
    const normal = parse(Order, (await placeOrder(mock, newTenantOrder('Quick Ltd', 'quickltd'))).body);
    const slow = parse(Order, (await placeOrder(mock, newTenantOrder('Slow Going Ltd', 'slowgoing'))).body);
    slow.tasks.forEach((task, i) => expect(task.estimatedSeconds).to.be.closeTo(normal.tasks[i]!.estimatedSeconds! * 10, 0.01));
  });

  it('asks the customer to accept the reseller relationship for an existing tenant, then completes', async () => {
    const mock = await createTestMock({ speed: 300 });
    const order = {
      lines: [{ productId: E3, term: 'P1Y', billing: 'monthly', quantity: 5 }],
      recipient: { kind: 'new', company: newCompany('Fabrikam, Inc.'), tenant: { kind: 'existing', domain: 'fabrikam.onmicrosoft.com' } },
      agreement: acceptance,
    };
    const answer = await placeOrder(mock, order);
    expect(answer.status).to.equal(201);
    const placed = parse(Order, answer.body);
    expect(placed.recipient).to.deep.equal({ kind: 'new', companyName: 'Fabrikam, Inc.', domain: 'fabrikam.onmicrosoft.com' });
    expect(placed.tasks.map((t) => t.kind)).to.deep.equal(['accept-relationship', 'record-agreement', 'create-subscription']);
    // Nothing runs while the customer has to act: the order waits and the page may close.
    expect(placed.status).to.equal('waiting');
    expect(placed.tasks[0]!.status).to.equal('action-required');
    expect(placed.tasks[0]!.actionUrl).to.match(/^https:\/\/admin\.microsoft\.com\//);
    expect(placed.tasks[0]!.detail).to.contain('Fabrikam, Inc.');
    const done = await pollOrder(mock, placed.id, (o) => o.status === 'completed' || o.status === 'failed');
    expect(done.status).to.equal('completed');
    expect(done.tasks[0]!.actionUrl).to.be.undefined;
    expect(done.credentials).to.be.undefined;
  });

  it('lets the customer accept the agreement on Microsoft’s page in customer-accepts mode', async () => {
    const mock = await createTestMock({ speed: 200, agreementMode: 'customer-accepts' });
    const order = { ...newTenantOrder('Northwind Traders', 'northwindtraders'), agreement: undefined };
    const answer = await placeOrder(mock, order);
    expect(answer.status).to.equal(201);
    const placed = parse(Order, answer.body);
    expect(placed.tasks.map((t) => t.kind)).to.deep.equal(['create-tenant', 'link-reseller', 'accept-agreement', 'create-subscription', 'create-subscription']);
    const asking = await pollOrder(mock, placed.id, (o) => o.tasks[2]!.status !== 'pending');
    expect(asking.status).to.equal('waiting');
    expect(asking.tasks[2]!.status).to.equal('action-required');
    expect(asking.tasks[2]!.actionUrl).to.match(/^https:\/\//);
    expect((await pollOrder(mock, placed.id, (o) => o.status === 'completed' || o.status === 'failed')).status).to.equal('completed');
  });
});

/** Reads a server-sent event stream to its end, returning its events and comments. */
async function readEvents(response: Response): Promise<Array<{ event?: string; data?: string; comment?: string }>> {
  const events: Array<{ event?: string; data?: string; comment?: string }> = [];
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const item: { event?: string; data?: string; comment?: string } = {};
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) item.comment = line.slice(1).trim();
        else if (line.startsWith('event: ')) item.event = line.slice(7);
        else if (line.startsWith('data: ')) item.data = line.slice(6);
      }
      events.push(item);
    }
  }
  expect(buffer, 'no partial event at the end').to.equal('');
  return events;
}

describe('mock backend: order events', () => {
  it('streams snapshots as the order changes and ends after the terminal one', async () => {
    // Speed 100: the shortest task runs 50 ms, room enough to see it running on a busy machine.
    const mock = await createTestMock({ speed: 100 });
    const placed = parse(Order, (await placeOrder(mock, newTenantOrder('Northwind Traders', 'northwindtraders'))).body);
    const response = await fetch(`${mock.baseUrl}/orders/${placed.id}/events`);
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.contain('text/event-stream');
    const events = await readEvents(response);
    const snapshots = events.filter((e) => e.event === 'snapshot').map((e) => parse(Order, JSON.parse(e.data!)));
    expect(snapshots.length).to.be.at.least(5); // one per task change at the least
    expect(snapshots[0]!.status).to.equal('provisioning');
    expect(snapshots.at(-1)!.status).to.equal('completed');
    expect(snapshots.slice(0, -1).every((s) => s.status === 'provisioning')).to.equal(true);
    const progress = snapshots.map((s) => s.progress);
    expect([...progress].sort((a, b) => a - b)).to.deep.equal(progress);
    // Every task's running and succeeded states were seen.
    for (const task of placed.tasks) {
      const seen = new Set(snapshots.map((s) => s.tasks.find((t) => t.id === task.id)!.status));
      expect([...seen], task.label).to.include.members(['running', 'succeeded']);
    }
  });

  it('sends one snapshot and ends at once for an order already finished', async () => {
    const mock = await createTestMock({ speed: 5000 });
    const placed = parse(Order, (await placeOrder(mock, { lines: [{ productId: E3, term: 'P1Y', billing: 'monthly', quantity: 1 }], recipient: { kind: 'internal' } })).body);
    await pollOrder(mock, placed.id, (o) => o.status === 'completed');
    const events = await readEvents(await fetch(`${mock.baseUrl}/orders/${placed.id}/events`));
    expect(events).to.have.length(1);
    expect(parse(Order, JSON.parse(events[0]!.data!)).status).to.equal('completed');
  });

  it('keeps a waiting order’s stream open, and stops when the client aborts', async () => {
    const mock = await createTestMock({ speed: 2000 });
    const placed = parse(Order, (await placeOrder(mock, newTenantOrder('Review Me Corp', 'reviewme'))).body);
    await pollOrder(mock, placed.id, (o) => o.status === 'waiting');
    const controller = new AbortController();
    const response = await fetch(`${mock.baseUrl}/orders/${placed.id}/events`, { signal: controller.signal });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    const first = await reader.read();
    expect(first.value).to.match(/^event: snapshot\ndata: .*"status":"waiting"/);
    const next = reader.read().then(() => 'more', () => 'aborted');
    const outcome = await Promise.race([next, new Promise((r) => setTimeout(() => r('still open'), 150))]);
    expect(outcome).to.equal('still open');
    controller.abort();
    expect(await next).to.equal('aborted');
  });

  it('answers 404 when the instance has no events, so clients poll', async () => {
    const mock = await createTestMock({ speed: 1000, sse: false });
    const placed = parse(Order, (await placeOrder(mock, { lines: [{ productId: E3, term: 'P1Y', billing: 'monthly', quantity: 1 }], recipient: { kind: 'internal' } })).body);
    expect(expectProblem(await call(mock, `/orders/${placed.id}/events`), 404).code).to.equal('not-supported');
    expect((await call(mock, `/orders/${placed.id}`)).status).to.equal(200);
  });
});

describe('mock backend: faults and isolation', () => {
  it('answers the next matching requests with an injected status, headers and body, then recovers', async () => {
    const mock = await createTestMock();
    await mock.inject({ path: '/catalog', status: 503, headers: { 'retry-after': '2' }, times: 2 });
    for (let i = 0; i < 2; i++) {
      const answer = await call(mock, '/catalog');
      expectProblem(answer, 503);
      expect(answer.headers.get('retry-after')).to.equal('2');
    }
    expect((await call(mock, '/catalog')).status).to.equal(200);
    expect(await mock.requests({ path: '/catalog' })).to.have.length(3);
  });

  it('sends an injected body as given: JSON, or a string as it is', async () => {
    const mock = await createTestMock();
    await mock.inject({ method: 'GET', path: '/catalog', status: 200, body: { currency: 'usd', products: 'none' } });
    const wrong = await call(mock, '/catalog');
    expect(wrong.status).to.equal(200);
    expect(z.safeParse(Catalog, wrong.body).success).to.equal(false);
    await mock.inject({ path: '/customers', status: 502, body: '<html>Bad gateway</html>' });
    const html = await call(mock, '/customers?search=a');
    expect(html.status).to.equal(502);
    expect(html.body).to.equal('<html>Bad gateway</html>');
    // A method filter leaves other methods alone.
    await mock.inject({ method: 'POST', path: '/catalog', status: 500 });
    expect((await call(mock, '/catalog')).status).to.equal(200);
  });

  it('delays an answer, and delays then fails when a status is given', async () => {
    const mock = await createTestMock();
    await mock.inject({ path: '/agreement', delayMs: 250 });
    let started = performance.now();
    const slow = await call(mock, '/agreement');
    expect(performance.now() - started).to.be.at.least(240);
    parse(Agreement, slow.body);
    started = performance.now();
    await call(mock, '/agreement');
    expect(performance.now() - started).to.be.below(200);
    await mock.inject({ path: '/orders', method: 'POST', delayMs: 100, status: 504 });
    started = performance.now();
    expectProblem(await placeOrder(mock, newTenantOrder('Northwind Traders', 'northwindtraders')), 504);
    expect(performance.now() - started).to.be.at.least(90);
  });

  it('drops the connection for a network error fault', async () => {
    const mock = await createTestMock();
    await mock.inject({ path: '/domains', networkError: true });
    let error: unknown;
    try {
      await fetch(`${mock.baseUrl}/domains/northwind`);
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(TypeError);
    expect((await call(mock, '/domains/northwind')).status).to.equal(200);
    expect(await mock.requests({ method: 'GET', path: '/domains/northwind' })).to.have.length(2);
  });

  it('records method, path, query, lower-case headers and body', async () => {
    const mock = await createTestMock();
    await call(mock, '/customers?search=Ada', { headers: { Authorization: 'Bearer t0ken', 'X-Reseller': 'northwind' } });
    await call(mock, '/addresses/validate', { method: 'POST', json: { country: 'US' } });
    const [search, address] = await mock.requests();
    expect(search).to.deep.include({ method: 'GET', path: '/customers', search: '?search=Ada' });
    expect(search!.headers).to.include({ authorization: 'Bearer t0ken', 'x-reseller': 'northwind' });
    expect(search!.body).to.be.undefined;
    expect(address).to.deep.include({ method: 'POST', path: '/addresses/validate', body: { country: 'US' } });
    expect(address!.headers['content-type']).to.equal('application/json');
    expect(address!.at).to.be.within(Date.now() - 10_000, Date.now() + 1000);
  });

  it('keeps instances apart', async () => {
    const [a, b] = await Promise.all([createTestMock({ speed: 1000 }), createTestMock()]);
    expect(a.baseUrl).to.not.equal(b.baseUrl);
    expect(a.baseUrl.startsWith(`${location.origin}/mock/`)).to.equal(true);
    const placed = parse(Order, (await placeOrder(a, newTenantOrder('Northwind Traders', 'northwindtraders'))).body);
    expect((await call(b, `/orders/${placed.id}`)).status).to.equal(404);
    expect((await b.requests()).map((r) => `${r.method} ${r.path}`)).to.deep.equal([`GET /orders/${placed.id}`]);
    await a.inject({ path: '/catalog', status: 500 });
    expect((await call(b, '/catalog')).status).to.equal(200);
  });

  it('serves a default instance at /api, with a control id "default"', async () => {
    const response = await fetch('/api/agreement');
    expect(response.status).to.equal(200);
    parse(Agreement, await response.json());
    const problem = await fetch('/mock/no-such-instance/catalog');
    expect(problem.status).to.equal(404);
    expect(parse(Problem, await problem.json()).code).to.equal('instance-not-found');
    const bad = await fetch('/__mock/instances', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ speed: -1 }) });
    expect(bad.status).to.equal(422);
    expect(parse(Problem, await bad.json()).errors![0]!.field).to.equal('speed');
  });
});

describe('mock backend in the page (as Storybook uses it)', () => {
  it('serves the contract through its own fetch, relative URLs included', async () => {
    const backend = createMockBackend({ basePath: '/store', speed: 1000 });
    const catalog = parse(Catalog, await (await backend.fetch('/store/catalog')).json());
    expect(catalog.products.length).to.be.at.least(8);
    const request = new Request(new URL('/store/domains/contoso', location.href));
    expect(parse(DomainAvailability, await (await backend.fetch(request)).json()).available).to.equal(false);
    expect((await backend.fetch('/api/catalog')).status).to.equal(404); // outside its base path
    expect(backend.requests.map((r) => r.path)).to.deep.equal(['/catalog', '/domains/contoso', '/api/catalog']);
  });

  it('rejects like a real fetch on a network fault, and forgets everything on reset', async () => {
    const backend = createMockBackend({ speed: 1000 });
    backend.inject({ path: '/orders', method: 'POST', networkError: true });
    const post = () =>
      backend.fetch('/api/orders', {
        method: 'POST',
        headers: { 'idempotency-key': 'k', 'content-type': 'application/json' },
        body: JSON.stringify({ lines: [{ productId: E3, term: 'P1Y', billing: 'monthly', quantity: 1 }], recipient: { kind: 'internal' } }),
      });
    let error: unknown;
    await post().catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(TypeError);
    const placed = parse(Order, await (await post()).json());
    expect((await backend.fetch(`/api/orders/${placed.id}`)).status).to.equal(200);
    backend.reset();
    expect(backend.requests).to.be.empty;
    expect((await backend.fetch(`/api/orders/${placed.id}`)).status).to.equal(404);
  });

  it('honours the caller’s abort signal while delaying', async () => {
    const backend = createMockBackend({ latencyMs: 5000 });
    const controller = new AbortController();
    const pending = backend.fetch('/api/catalog', { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    let error: unknown;
    await pending.catch((e: unknown) => (error = e));
    expect((error as DOMException).name).to.equal('AbortError');
  });
});
