/**
 * `HttpCheckoutApi` against the mock backend over real HTTP (one fresh instance per test,
 * faults injected on the server side), plus the event-stream parser on its own.
 */
import { expect } from '@open-wc/testing';
import { HttpCheckoutApi, type HttpCheckoutApiOptions } from '../src/api/client.js';
import { parseRetryAfter } from '../src/api/http.js';
import { ApiError, ContractError, NetworkError, isApiError, isContractError, isNetworkError } from '../src/api/errors.js';
import { createEventStreamParser, type ServerSentEvent } from '../src/api/sse.js';
import type { AcceptanceRequest, Order, OrderRequest } from '../src/api/schemas.js';
import { E3, internalOrder, rejection } from './helpers/client.js';
import { acceptedAgreementId } from './helpers/contract.js';
import { createTestMock, type TestMock } from './helpers/mock.js';

const TODAY = '2027-01-16';
/** A new customer's order, with an acceptance request the customer accepted on the mock's page. */
async function newTenantOrder(mock: TestMock, companyName: string, prefix: string): Promise<OrderRequest> {
  return {
    lines: [{ productId: E3, term: 'P1Y', billing: 'monthly', quantity: 5 }],
    recipient: {
      kind: 'new',
      company: {
        companyName,
        address: { country: 'US', line1: '1 Microsoft Way', city: 'Redmond', state: 'WA', postalCode: '98052' },
        contact: { firstName: 'Dana', lastName: 'Whitfield', email: 'dana@northwindtraders.com' },
      },
      tenant: { kind: 'new', prefix },
    },
    agreementAcceptanceId: await acceptedAgreementId(mock, companyName),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function setup(mockOptions: Parameters<typeof createTestMock>[0] = {}, clientOptions: Partial<HttpCheckoutApiOptions> = {}) {
  const mock = await createTestMock({ today: TODAY, ...mockOptions });
  const api = new HttpCheckoutApi({ baseUrl: mock.baseUrl, retry: { backoffLimit: 50 }, ...clientOptions });
  return { mock, api };
}

describe('HttpCheckoutApi: every endpoint against the mock', () => {
  let mock: TestMock;
  let api: HttpCheckoutApi;
  before(async () => {
    ({ mock, api } = await setup());
  });

  it('reads the catalog, customers, agreement, domains and tenants', async () => {
    const catalog = await api.getCatalog();
    expect(catalog.currency).to.equal('USD');
    expect(catalog.products.map((p) => p.id)).to.include(E3);

    const { customers } = await api.searchCustomers('Adatum');
    expect(customers).to.have.length(1);
    expect(customers[0]).to.include({ companyName: 'Adatum Corporation', agreementOnFile: false });
    const [search] = await mock.requests({ path: '/customers' });
    expect(search!.search).to.equal('?search=Adatum');
    expect(search!.headers.accept).to.equal('application/json');

    expect(await api.getAgreement()).to.include({ templateId: '117a15a0-5a13-4e8d-b9c6-3b1c6c0e5b2f', acceptanceRequiredBeforeOrder: false });

    const taken = await api.checkDomain('contoso');
    expect(taken).to.include({ available: false, domain: 'contoso.onmicrosoft.com' });
    expect(taken.suggestions).to.not.be.empty;
    expect((await api.checkDomain('northwind42')).available).to.equal(true);

    const tenant = await api.lookupTenant('fabrikam.onmicrosoft.com');
    expect(tenant).to.include({ exists: true, companyName: 'Fabrikam, Inc.' });
    expect((await api.lookupTenant('nobody.onmicrosoft.com')).exists).to.equal(false);
  });

  it('validates addresses and prices quotes', async () => {
    const address = { country: 'US', line1: '1 Main St', city: 'seattle', state: 'WA', postalCode: '99999' };
    const checked = await api.validateAddress(address);
    expect(checked.status).to.equal('interaction-required');
    expect(checked.suggestions).to.have.length(1);
    expect(checked.suggestions[0]!.postalCode).to.not.equal('99999');

    const quote = await api.createQuote({ lines: internalOrder.lines, recipient: { kind: 'internal' } });
    expect(quote.startDate).to.equal(TODAY);
    expect(quote.lines).to.have.length(1);
    expect(quote.firstInvoiceTotal).to.equal(quote.lines[0]!.proratedAmount);
    const [posted] = await mock.requests({ method: 'POST', path: '/quotes' });
    expect(posted!.headers['content-type']).to.contain('application/json');
    expect(posted!.body).to.deep.equal({ lines: internalOrder.lines, recipient: { kind: 'internal' } });
  });

  it('places an order with a fresh UUID idempotency key and reads it back', async () => {
    const placed = await api.placeOrder(internalOrder);
    expect(placed.status).to.equal('provisioning');
    const [post] = await mock.requests({ method: 'POST', path: '/orders' });
    expect(post!.headers['idempotency-key']).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const again = await api.getOrder(placed.id);
    expect(again.id).to.equal(placed.id);

    await api.placeOrder(internalOrder);
    const keys = (await mock.requests({ method: 'POST', path: '/orders' })).map((r) => r.headers['idempotency-key']);
    expect(keys[0]).to.not.equal(keys[1]); // a new call is a new order
  });

  it('returns the same order for the same idempotency key, and a 422 for the same key with another body', async () => {
    const first = await api.placeOrder(internalOrder, { idempotencyKey: 'order-key-1' });
    const second = await api.placeOrder(internalOrder, { idempotencyKey: 'order-key-1' });
    expect(second.id).to.equal(first.id);
    const error = await rejection(api.placeOrder({ ...internalOrder, lines: [{ ...internalOrder.lines[0]!, quantity: 6 }] }, { idempotencyKey: 'order-key-1' }));
    expect(error).to.be.instanceOf(ApiError);
    expect(error).to.include({ status: 422, code: 'idempotency-key-reused', endpoint: 'POST /orders' });
  });

  it('encodes path parameters', async () => {
    const error = await rejection(api.checkDomain('a/b?c'));
    expect(isApiError(error) && error.status).to.equal(422);
    const [request] = (await mock.requests({ method: 'GET' })).filter((r) => r.path.startsWith('/domains/a'));
    expect(request).to.include({ path: '/domains/a%2Fb%3Fc', search: '' });
  });
});

describe('HttpCheckoutApi: subscriptions, end dates, seats and purchase orders', () => {
  it('reads a customer’s subscriptions, or the reseller’s own without an id', async () => {
    const { mock, api } = await setup();
    const contoso = await api.getSubscriptions('cst-7f3a2c91');
    expect(contoso.subscriptions.map((s) => [s.id, s.productName, s.endDate])).to.deep.equal([
      ['sub-c0b9e512', 'Microsoft 365 Business Premium', '2027-04-03'],
      ['sub-c0e4a7d3', 'Exchange Online (Plan 1)', '2027-02-05'],
    ]);
    expect((await api.getSubscriptions(undefined)).subscriptions.map((s) => s.id)).to.deep.equal(['sub-00a1f5c8']);
    expect((await mock.requests({ method: 'GET' })).map((r) => r.path)).to.deep.equal(['/customers/cst-7f3a2c91/subscriptions', '/subscriptions']);
    const missing = await rejection(api.getSubscriptions('cst/../x'));
    expect(isApiError(missing) && missing.status).to.equal(404);
    expect((await mock.requests({ method: 'GET' })).at(-1)!.path).to.equal('/customers/cst%2F..%2Fx/subscriptions'); // encoded: one path segment
  });

  it('asks for the end dates of a term, with the customer and start date only when given', async () => {
    const { mock, api } = await setup();
    const dates = await api.getEndDates('P1Y', { customerId: 'cst-7f3a2c91', startDate: '2027-03-01' });
    expect(dates.endDates.map((o) => o.date)).to.deep.equal(['2027-04-03', '2028-02-29']);
    await api.getEndDates('P1M');
    expect((await mock.requests({ path: '/end-dates' })).map((r) => r.search)).to.deep.equal([
      '?term=P1Y&customerId=cst-7f3a2c91&startDate=2027-03-01',
      '?term=P1M',
    ]);
    const unknown = await rejection(api.getEndDates('P1Y', { customerId: 'cst-nobody' }));
    expect(isApiError(unknown) && unknown.fieldErrors.map((e) => e.field)).to.deep.equal(['customerId']);
  });

  it('raises a ContractError for subscriptions that break the contract', async () => {
    const { mock, api } = await setup();
    await mock.inject({ path: '/subscriptions', status: 200, body: { subscriptions: [{ id: 'sub-1', quantity: 0 }] } });
    const error = await rejection(api.getSubscriptions(undefined));
    expect(isContractError(error)).to.equal(true);
    expect((error as ContractError).issues.map((i) => i.path)).to.include('subscriptions.0.quantity');
  });

  it('places seats and a purchase order, and reads back the seat cap as a field error on the line', async () => {
    const { api } = await setup({ speed: 1000 });
    const seats = { kind: 'add-seats', subscriptionId: 'sub-1a7f3b60', productId: 'cfq7ttc0lh18-0001', term: 'P1Y', billing: 'monthly' } as const;
    const order = await api.placeOrder({ recipient: { kind: 'existing', customerId: 'cst-5c2e9a47' }, lines: [{ ...seats, quantity: 5 }], purchaseOrder: 'PO 4711' });
    expect(order.purchaseOrder).to.equal('PO 4711');
    expect(order.lines).to.deep.equal([{ ...seats, quantity: 5 }]);
    expect(order.lineTerms?.[0]?.subscriptionId).to.equal('sub-1a7f3b60');
    const capped = await rejection(api.createQuote({ recipient: { kind: 'existing', customerId: 'cst-5c2e9a47' }, lines: [{ ...seats, quantity: 11 }] }));
    expect(isApiError(capped) && capped.status).to.equal(422);
    expect((capped as ApiError).fieldErrors.map((e) => e.field)).to.deep.equal(['lines.0.quantity']);
  });
});

describe('HttpCheckoutApi: country rules', () => {
  it('reads a country\'s rules: state required with its list, the postal code and phone patterns', async () => {
    const { mock, api } = await setup();
    const us = await api.getCountryRules('US');
    expect(us.country).to.equal('US');
    expect(us.stateRequired).to.equal(true);
    expect(us.states).to.deep.include({ code: 'WA', name: 'Washington' });
    expect(new RegExp(`^(?:${us.postalCodePattern})$`).test('98052')).to.equal(true);
    expect(new RegExp(`^(?:${us.postalCodePattern})$`).test('9805')).to.equal(false);
    expect(new RegExp(us.phonePattern!).test('+1 425 555 0100')).to.equal(true);

    const canada = await api.getCountryRules('CA');
    expect(canada.states.map((s) => s.code)).to.include.members(['ON', 'QC', 'BC']);
    const uk = await api.getCountryRules('GB');
    expect([uk.stateRequired, uk.states]).to.deep.equal([false, []]);
    expect(new RegExp(`^(?:${uk.postalCodePattern})$`).test('SW1A 1AA')).to.equal(true);

    const unknown = await rejection(api.getCountryRules('XX'));
    expect(isApiError(unknown) && [unknown.status, unknown.problem?.code]).to.deep.equal([404, 'country-not-found']);
    expect((await mock.requests({ method: 'GET' })).map((r) => r.path)).to.include.members(['/country-rules/US', '/country-rules/GB', '/country-rules/XX']);
  });

  it('raises a ContractError for rules that break the contract', async () => {
    const { mock, api } = await setup();
    await mock.inject({ path: '/country-rules/US', status: 200, body: { country: 'US', stateRequired: 'yes', states: [] } });
    const error = await rejection(api.getCountryRules('US'));
    expect(isContractError(error)).to.equal(true);
    expect((error as ContractError).issues.map((i) => i.path)).to.include('stateRequired');
  });
});

describe('HttpCheckoutApi: base URL, headers, token', () => {
  it('works with or without a trailing slash, absolute or page-relative', async () => {
    const mock = await createTestMock();
    const path = new URL(mock.baseUrl).pathname;
    for (const baseUrl of [mock.baseUrl, `${mock.baseUrl}/`, path, `${path}/`]) {
      const catalog = await new HttpCheckoutApi({ baseUrl }).getCatalog();
      expect(catalog.products, baseUrl).to.not.be.empty;
    }
    const requests = await mock.requests();
    expect(requests.map((r) => r.path)).to.deep.equal(['/catalog', '/catalog', '/catalog', '/catalog']);
  });

  it('sends extra headers (static or per call) and the access token as a Bearer header', async () => {
    const mock = await createTestMock();
    let n = 0;
    const api = new HttpCheckoutApi({
      baseUrl: mock.baseUrl,
      headers: () => ({ 'X-Reseller': 'northwind', 'X-Call': String(++n) }),
      getAccessToken: async () => 'tok-123',
    });
    await api.getCatalog();
    await api.placeOrder(internalOrder, { idempotencyKey: 'k-headers' });
    const [get, post] = await mock.requests();
    expect(get!.headers).to.include({ 'x-reseller': 'northwind', 'x-call': '1', authorization: 'Bearer tok-123' });
    expect(post!.headers).to.include({ 'x-call': '2', authorization: 'Bearer tok-123', 'idempotency-key': 'k-headers' });

    const plain = new HttpCheckoutApi({ baseUrl: mock.baseUrl, headers: { 'X-Static': 'yes' }, getAccessToken: () => undefined });
    await plain.getAgreement();
    const [agreement] = await mock.requests({ path: '/agreement' });
    expect(agreement!.headers['x-static']).to.equal('yes');
    expect(agreement!.headers).to.not.have.property('authorization');
  });
});

describe('HttpCheckoutApi: errors', () => {
  it('turns a 422 problem into an ApiError with status, code and field errors', async () => {
    const { mock, api } = await setup();
    const error = await rejection(api.checkDomain('a-b'));
    expect(error).to.be.instanceOf(ApiError).and.instanceOf(Error);
    const apiError = error as ApiError;
    expect(apiError.name).to.equal('ApiError');
    expect(apiError).to.include({ status: 422, code: 'validation-failed', endpoint: 'GET /domains/{prefix}' });
    expect(apiError.title).to.equal('The request has invalid fields');
    expect(apiError.fieldErrors.map((e) => e.field)).to.deep.equal(['prefix']);
    expect(apiError.fieldErrors[0]!.message).to.contain('“-”');
    expect(apiError.message).to.contain('GET /domains/{prefix}').and.contain('422');

    const order = await rejection(api.placeOrder(await newTenantOrder(mock, 'Northwind Traders', 'takenalready')));
    expect(isApiError(order) && order.fieldErrors.map((e) => e.field)).to.deep.equal(['tenant.prefix']);
  });

  it('raises a ContractError naming the endpoint and the bad field path', async () => {
    const { mock, api } = await setup();
    const catalog = (await (await fetch(`${mock.baseUrl}/catalog`)).json()) as { products: { offers: { unitPrice: unknown }[] }[] };
    catalog.products[0]!.offers[1]!.unitPrice = '1200';
    await mock.inject({ path: '/catalog', status: 200, body: catalog });
    const error = await rejection(api.getCatalog());
    expect(error).to.be.instanceOf(ContractError);
    const contract = error as ContractError;
    expect(contract.name).to.equal('ContractError');
    expect(contract.endpoint).to.equal('GET /catalog');
    expect(contract.issues).to.deep.equal([{ path: 'products.0.offers.1.unitPrice', message: 'expected number, got string' }]);
    expect(contract.message).to.contain('GET /catalog').and.contain('products.0.offers.1.unitPrice');
    expect(isContractError(contract) && !isApiError(contract)).to.equal(true);
  });

  it('raises a ContractError for a 2xx body that is no JSON or is empty', async () => {
    const { mock, api } = await setup();
    await mock.inject({ path: '/agreement', status: 200, body: '<html>Welcome</html>' });
    const html = await rejection(api.getAgreement());
    expect(isContractError(html) && html.issues).to.deep.equal([{ path: '', message: 'not JSON' }]);
    await mock.inject({ method: 'POST', path: '/quotes', status: 201, body: '' });
    const empty = await rejection(api.createQuote({ lines: internalOrder.lines, recipient: { kind: 'internal' } }));
    expect(isContractError(empty) && empty.endpoint).to.equal('POST /quotes');
  });

  it('turns a non-JSON or broken error body into an ApiError with the HTTP status', async () => {
    const { mock, api } = await setup({}, { retry: 0 });
    await mock.inject({ path: '/catalog', status: 502, body: '<html>Bad gateway</html>' });
    const html = await rejection(api.getCatalog());
    expect(html).to.be.instanceOf(ApiError);
    expect(html).to.include({ status: 502, code: undefined, endpoint: 'GET /catalog' });
    expect((html as ApiError).title).to.be.a('string').and.not.empty;
    expect((html as ApiError).fieldErrors).to.deep.equal([]);

    await mock.inject({ path: '/agreement', status: 400, headers: { 'content-type': 'application/problem+json' }, body: '{"title": "Bro' });
    const broken = await rejection(api.getAgreement());
    expect(isApiError(broken) && broken.status).to.equal(400);
  });

  it('raises a NetworkError when there is no answer, after retrying a GET', async () => {
    const { mock, api } = await setup();
    await mock.inject({ path: '/catalog', networkError: true, times: 3 });
    const error = await rejection(api.getCatalog());
    expect(error).to.be.instanceOf(NetworkError);
    expect(error).to.include({ name: 'NetworkError', timedOut: false, endpoint: 'GET /catalog' });
    expect(await mock.requests({ path: '/catalog' })).to.have.length(3); // the first try and 2 retries
  });

  it('raises a NetworkError when a custom fetch rejects', async () => {
    let calls = 0;
    const cause = new TypeError('Failed to fetch');
    const api = new HttpCheckoutApi({
      baseUrl: 'https://store.invalid/api',
      retry: { limit: 1, backoffLimit: 10 },
      fetch: async () => {
        calls++;
        throw cause;
      },
    });
    const error = await rejection(api.getOrder('ord_1'));
    expect(isNetworkError(error) && error.cause).to.equal(cause);
    expect(calls).to.equal(2);
  });

  it('times out a slow answer as a NetworkError with timedOut', async () => {
    const { mock, api } = await setup({}, { timeout: 200, retry: 0 });
    await mock.inject({ path: '/agreement', delayMs: 3000 });
    const started = performance.now();
    const error = await rejection(api.getAgreement());
    expect(error).to.be.instanceOf(NetworkError);
    expect(error).to.include({ timedOut: true, endpoint: 'GET /agreement' });
    expect(performance.now() - started).to.be.below(2000);
  });
});

describe('HttpCheckoutApi: retries', () => {
  it('retries a GET after a 503 and then succeeds', async () => {
    const { mock, api } = await setup();
    await mock.inject({ path: '/catalog', status: 503, times: 2 });
    const catalog = await api.getCatalog();
    expect(catalog.products).to.not.be.empty;
    expect(await mock.requests({ path: '/catalog' })).to.have.length(3);
  });

  it('gives up after the retry limit with the last ApiError', async () => {
    const { mock, api } = await setup({}, { retry: { limit: 1, backoffLimit: 10 } });
    await mock.inject({ path: '/agreement', status: 500, times: 5 });
    const error = await rejection(api.getAgreement());
    expect(isApiError(error) && error.status).to.equal(500);
    expect(await mock.requests({ path: '/agreement' })).to.have.length(2);
  });

  it('does not retry a 4xx other than 408/429', async () => {
    const { mock, api } = await setup();
    await mock.inject({ path: '/catalog', status: 404 });
    expect(isApiError(await rejection(api.getCatalog()))).to.equal(true);
    expect(await mock.requests({ path: '/catalog' })).to.have.length(1);
  });

  it('honours Retry-After in seconds on a 429', async () => {
    const { mock, api } = await setup();
    await mock.inject({ path: '/catalog', status: 429, headers: { 'retry-after': '1' } });
    await api.getCatalog();
    const [first, second] = await mock.requests({ path: '/catalog' });
    expect(second, 'a retry').to.exist;
    expect(second!.at - first!.at).to.be.at.least(950).and.below(2500);
  });

  it('honours Retry-After as an HTTP date', async () => {
    const { mock, api } = await setup();
    const at = new Date(Date.now() + 2000);
    await mock.inject({ path: '/agreement', status: 503, headers: { 'retry-after': at.toUTCString() } });
    await api.getAgreement();
    const [first, second] = await mock.requests({ path: '/agreement' });
    // The date has whole seconds, so the wait is between 1 and 2 s.
    expect(second!.at - first!.at).to.be.at.least(900).and.below(3000);
  });

  it('does not wait for a Retry-After past the cap; the ApiError carries it', async () => {
    const { mock, api } = await setup();
    await mock.inject({ path: '/catalog', status: 429, headers: { 'retry-after': '3600' } });
    const error = await rejection(api.getCatalog());
    expect(error).to.be.instanceOf(ApiError);
    expect(error).to.include({ status: 429, retryAfter: 3600 });
    expect(await mock.requests({ path: '/catalog' })).to.have.length(1);
  });

  it('parses Retry-After values', () => {
    const now = Date.parse('2027-01-16T12:00:00Z');
    expect(parseRetryAfter('7', now)).to.equal(7);
    expect(parseRetryAfter(' 0 ', now)).to.equal(0);
    expect(parseRetryAfter('Sat, 16 Jan 2027 12:00:30 GMT', now)).to.equal(30);
    expect(parseRetryAfter('Sat, 16 Jan 2027 11:00:00 GMT', now)).to.equal(0);
    expect(parseRetryAfter('soon', now)).to.equal(undefined);
    expect(parseRetryAfter('-5', now)).to.equal(undefined);
    expect(parseRetryAfter(null, now)).to.equal(undefined);
  });

  it('retries a timed-out POST /orders with the same Idempotency-Key: one order', async () => {
    const { mock, api } = await setup({}, { timeout: 300 });
    await mock.inject({ method: 'POST', path: '/orders', delayMs: 3000 });
    const order = await api.placeOrder(internalOrder);
    const posts = await mock.requests({ method: 'POST', path: '/orders' });
    expect(posts).to.have.length(2);
    const key = posts[0]!.headers['idempotency-key'];
    expect(key).to.be.a('string').and.not.empty;
    expect(posts[1]!.headers['idempotency-key']).to.equal(key);
    expect(posts[1]!.body).to.deep.equal(posts[0]!.body);
    // The key is bound to this one order: submitting it again gives the same order back.
    expect((await api.placeOrder(internalOrder, { idempotencyKey: key })).id).to.equal(order.id);
  });

  it('retries POST /orders after a lost answer and gets the order the server already made', async () => {
    const mock = await createTestMock();
    let made: string | undefined;
    const api = new HttpCheckoutApi({
      baseUrl: mock.baseUrl,
      retry: { backoffLimit: 10 },
      // The server places the order, then the connection drops before we read the answer.
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        if (made === undefined && response.status === 201) {
          made = ((await response.json()) as Order).id;
          throw new TypeError('Failed to fetch');
        }
        return response;
      },
    });
    const order = await api.placeOrder(internalOrder);
    expect(made).to.be.a('string');
    expect(order.id).to.equal(made);
    const posts = await mock.requests({ method: 'POST', path: '/orders' });
    expect(posts).to.have.length(2);
    expect(posts[1]!.headers['idempotency-key']).to.equal(posts[0]!.headers['idempotency-key']);
  });

  it('retries POST /orders after a 503 with the same key', async () => {
    const { mock, api } = await setup();
    await mock.inject({ method: 'POST', path: '/orders', status: 503 });
    await api.placeOrder(internalOrder, { idempotencyKey: 'k-503' });
    const posts = await mock.requests({ method: 'POST', path: '/orders' });
    expect(posts.map((p) => p.headers['idempotency-key'])).to.deep.equal(['k-503', 'k-503']);
  });

  it('does not retry quotes or address checks on a 503, a network error or a timeout', async () => {
    const { mock, api } = await setup({}, { timeout: 300 });
    const request = { lines: internalOrder.lines, recipient: { kind: 'internal' as const } };
    await mock.inject({ method: 'POST', path: '/quotes', status: 503 });
    expect(isApiError(await rejection(api.createQuote(request)))).to.equal(true);
    await mock.inject({ method: 'POST', path: '/quotes', networkError: true });
    expect(isNetworkError(await rejection(api.createQuote(request)))).to.equal(true);
    await mock.inject({ method: 'POST', path: '/addresses/validate', delayMs: 3000 });
    const address = { country: 'US', line1: '1 Main St', city: 'Seattle', state: 'WA', postalCode: '98101' };
    expect(await rejection(api.validateAddress(address))).to.include({ name: 'NetworkError', timedOut: true });
    await sleep(400); // would a retry come?
    expect(await mock.requests({ method: 'POST', path: '/quotes' })).to.have.length(2);
    expect(await mock.requests({ method: 'POST', path: '/addresses/validate' })).to.have.length(1);
  });

  it('retries a quote after a 429 with Retry-After: the server did nothing', async () => {
    const { mock, api } = await setup();
    await mock.inject({ method: 'POST', path: '/quotes', status: 429, headers: { 'retry-after': '0' } });
    const quote = await api.createQuote({ lines: internalOrder.lines, recipient: { kind: 'internal' } });
    expect(quote.lines).to.have.length(1);
    expect(await mock.requests({ method: 'POST', path: '/quotes' })).to.have.length(2);
  });
});

describe('HttpCheckoutApi: backoff, long Retry-After, stalled bodies, the custom fetch', () => {
  /** Milliseconds between consecutive recorded requests. */
  const gaps = (requests: { at: number }[]) => requests.slice(1).map((r, i) => r.at - requests[i]!.at);
  /** A body that sends `first` and then nothing, never ending; `cancelled` tells whether it was cancelled. */
  function stalledBody(first: string) {
    const state = { cancelled: false };
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => controller.enqueue(new TextEncoder().encode(first)),
      cancel: () => {
        state.cancelled = true;
      },
    });
    return { body, state };
  }

  it('backs off 0.3 s, then twice as long', async () => {
    const { mock, api } = await setup({}, { retry: { limit: 2, backoffLimit: 10_000 } });
    await mock.inject({ path: '/catalog', status: 503, times: 2 });
    await api.getCatalog();
    const [first, second] = gaps(await mock.requests({ path: '/catalog' }));
    expect(first).to.be.at.least(280).and.below(580);
    expect(second).to.be.at.least(580).and.below(1200);
  });

  it('caps the backoff at backoffLimit', async () => {
    const { mock, api } = await setup({}, { retry: { limit: 3, backoffLimit: 100 } });
    await mock.inject({ path: '/catalog', networkError: true, times: 3 });
    await api.getCatalog();
    const waits = gaps(await mock.requests({ path: '/catalog' }));
    expect(waits).to.have.length(3);
    // Uncapped they would be 300, 600 and 1200 ms.
    for (const wait of waits) expect(wait).to.be.at.least(90).and.below(280);
  });

  it('does not retry a 503 whose Retry-After date is more than a minute away; the ApiError carries it', async () => {
    const { mock, api } = await setup();
    const at = new Date(Date.now() + 120_000);
    await mock.inject({ path: '/agreement', status: 503, headers: { 'retry-after': at.toUTCString() } });
    const error = await rejection(api.getAgreement());
    expect(isApiError(error) && error.status).to.equal(503);
    expect((error as ApiError).retryAfter).to.be.within(118, 120);
    expect(await mock.requests({ path: '/agreement' })).to.have.length(1);
  });

  it('honours a short Retry-After on a 503 over the backoff, even past backoffLimit', async () => {
    const { mock, api } = await setup({}, { retry: { limit: 1, backoffLimit: 10 } });
    await mock.inject({ path: '/catalog', status: 503, headers: { 'retry-after': '1' } });
    await api.getCatalog();
    const [wait] = gaps(await mock.requests({ path: '/catalog' }));
    expect(wait).to.be.at.least(950).and.below(2500);
  });

  it('times out a 2xx body that stalls, aborts its request and does not retry', async () => {
    const requests: Request[] = [];
    const stalled = stalledBody('{"templateId": "1');
    const api = new HttpCheckoutApi({
      baseUrl: 'https://store.invalid/api',
      timeout: 200,
      fetch: async (input) => {
        requests.push(input as Request);
        return new Response(stalled.body, { status: 200, headers: { 'content-type': 'application/json' } });
      },
    });
    const started = performance.now();
    const error = await rejection(api.getAgreement());
    expect(error).to.be.instanceOf(NetworkError);
    expect(error).to.include({ timedOut: true, endpoint: 'GET /agreement' });
    expect(performance.now() - started).to.be.at.least(190).and.below(1500);
    expect(requests).to.have.length(1);
    // A real fetch stops reading when its request's signal aborts.
    expect(requests[0]!.signal.aborted).to.equal(true);
  });

  it('still raises the ApiError with its status when an error body stalls', async () => {
    const stalled = stalledBody('{"title": "Bro');
    const api = new HttpCheckoutApi({
      baseUrl: 'https://store.invalid/api',
      timeout: 200,
      retry: 0,
      fetch: async () => new Response(stalled.body, { status: 500, headers: { 'content-type': 'application/problem+json' } }),
    });
    const error = await rejection(api.getCatalog());
    expect(isApiError(error) && [error.status, error.code, error.fieldErrors]).to.deep.equal([500, undefined, []]);
  });

  it('times out a custom fetch that ignores the signal, and rejects at once with the abort reason', async () => {
    let calls = 0;
    const api = new HttpCheckoutApi({
      baseUrl: 'https://store.invalid/api',
      timeout: 150,
      retry: { limit: 1, backoffLimit: 10 },
      fetch: () => {
        calls++;
        return new Promise<Response>(() => {});
      },
    });
    const timedOut = await rejection(api.getCatalog());
    expect(timedOut).to.include({ name: 'NetworkError', timedOut: true });
    expect(calls).to.equal(2); // a GET retries a timeout

    const controller = new AbortController();
    const reason = new Error('left the page');
    const pending = api.getCatalog({ signal: controller.signal });
    setTimeout(() => controller.abort(reason), 50);
    expect(await rejection(pending)).to.equal(reason);
  });

  it('gives a custom fetch one Request: URL, method, headers and the JSON body', async () => {
    const seen: Request[] = [];
    const mock = await createTestMock();
    const api = new HttpCheckoutApi({
      baseUrl: `${mock.baseUrl}/`,
      headers: { 'content-type': 'application/vnd.store+json', 'x-store': 'northwind' },
      fetch: (input, init) => {
        expect(init).to.equal(undefined);
        seen.push((input as Request).clone());
        return fetch(input);
      },
    });
    await api.searchCustomers('Adatum & Co');
    await api.placeOrder(internalOrder, { idempotencyKey: 'k-request' });
    const [get, post] = seen;
    expect(get).to.be.instanceOf(Request);
    expect(get!.url).to.equal(`${mock.baseUrl}/customers?search=Adatum+%26+Co`);
    expect([get!.method, get!.headers.get('accept'), get!.headers.get('x-store')]).to.deep.equal(['GET', 'application/json', 'northwind']);
    expect(post!.url).to.equal(`${mock.baseUrl}/orders`);
    expect(post!.method).to.equal('POST');
    // A content type the integrator set is kept, as ky kept it.
    expect(post!.headers.get('content-type')).to.equal('application/vnd.store+json');
    expect(post!.headers.get('idempotency-key')).to.equal('k-request');
    expect(await post!.json()).to.deep.equal(internalOrder);
  });

  it('takes a timeout too long for setTimeout as no practical limit, not as zero', async () => {
    const { api } = await setup({}, { timeout: Number.MAX_SAFE_INTEGER });
    expect((await api.getCatalog()).products).to.not.be.empty;
  });
});

describe('HttpCheckoutApi: aborting', () => {
  it('rejects with an AbortError, not a NetworkError', async () => {
    const { mock, api } = await setup();
    await mock.inject({ path: '/catalog', delayMs: 3000 });
    const controller = new AbortController();
    const pending = api.getCatalog({ signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    const error = await rejection(pending);
    expect(error).to.be.instanceOf(DOMException);
    expect((error as DOMException).name).to.equal('AbortError');
    expect(isNetworkError(error)).to.equal(false);
  });

  it('rejects with the signal’s own reason, and sends nothing when already aborted', async () => {
    const { mock, api } = await setup();
    const reason = new Error('left the page');
    const error = await rejection(api.getAgreement({ signal: AbortSignal.abort(reason) }));
    expect(error).to.equal(reason);
    expect(await mock.requests()).to.have.length(0);
  });

  it('stops pending retries', async () => {
    const { mock, api } = await setup({}, { retry: { limit: 2, backoffLimit: 10_000 } });
    await mock.inject({ path: '/catalog', status: 503, headers: { 'retry-after': '1' }, times: 3 });
    const controller = new AbortController();
    const pending = api.getCatalog({ signal: controller.signal });
    while ((await mock.requests({ path: '/catalog' })).length === 0) await sleep(10);
    await sleep(50);
    const started = performance.now();
    controller.abort();
    const error = await rejection(pending);
    expect((error as Error).name).to.equal('AbortError');
    expect(performance.now() - started, 'rejects at once, not after the retry delay').to.be.below(300);
    await sleep(1200);
    expect(await mock.requests({ path: '/catalog' })).to.have.length(1);
  });
});

describe('HttpCheckoutApi: watchOrder', () => {
  it('receives snapshots until the order completes', async () => {
    const { mock, api } = await setup({ speed: 100 });
    const placed = await api.placeOrder(await newTenantOrder(mock, 'Northwind Traders', 'northwindwatch'));
    const snapshots: Order[] = [];
    await api.watchOrder(placed.id, (order) => snapshots.push(order));
    expect(snapshots.length).to.be.at.least(2);
    expect(snapshots.every((s) => s.id === placed.id)).to.equal(true);
    expect(snapshots.at(-1)!.status).to.equal('completed');
    expect(snapshots.at(-1)!.tasks.every((t) => t.status === 'succeeded')).to.equal(true);
    const progress = snapshots.map((s) => s.progress);
    expect(progress).to.deep.equal([...progress].sort((a, b) => a - b));
  });

  it('sends the Accept and Authorization headers', async () => {
    const { mock, api } = await setup({ speed: 2000 }, { getAccessToken: () => 'tok-sse' });
    const placed = await api.placeOrder(internalOrder);
    await api.watchOrder(placed.id, () => {});
    const [request] = await mock.requests({ path: `/orders/${placed.id}/events` });
    expect(request!.headers).to.include({ accept: 'text/event-stream', authorization: 'Bearer tok-sse' });
  });

  it('rejects with ApiError 404 when the backend has no events, so callers can poll', async () => {
    const { api } = await setup({ sse: false, speed: 1000 });
    const placed = await api.placeOrder(internalOrder);
    const error = await rejection(api.watchOrder(placed.id, () => expect.fail('no snapshot expected')));
    expect(error).to.be.instanceOf(ApiError);
    expect(error).to.include({ status: 404, code: 'not-supported', endpoint: 'GET /orders/{id}/events' });
  });

  it('rejects with a ContractError for a snapshot that breaks the contract', async () => {
    const { mock, api } = await setup();
    await mock.inject({
      path: '/orders/ord_x/events',
      status: 200,
      headers: { 'content-type': 'text/event-stream' },
      body: ': hello\n\nevent: snapshot\ndata: {"id": 42,\ndata: "status": "completed"}\n\n',
    });
    const seen: Order[] = [];
    const error = await rejection(api.watchOrder('ord_x', (o) => seen.push(o)));
    expect(error).to.be.instanceOf(ContractError);
    const contract = error as ContractError;
    expect(contract.endpoint).to.equal('GET /orders/{id}/events');
    // The two data lines were joined into one JSON document: only its fields are wrong.
    expect(contract.issues[0]).to.deep.equal({ path: 'id', message: 'expected string, got number' });
    expect(seen).to.have.length(0);
  });

  it('rejects with a ContractError when the answer is not an event stream', async () => {
    const { mock, api } = await setup();
    await mock.inject({ path: '/orders/ord_x/events', status: 200, body: { status: 'completed' } });
    const error = await rejection(api.watchOrder('ord_x', () => {}));
    expect(isContractError(error) && error.issues[0]!.message).to.contain('text/event-stream');
  });

  it('stops with the abort reason when aborted mid-stream', async () => {
    const { mock, api } = await setup({ speed: 5 });
    const placed = await api.placeOrder(await newTenantOrder(mock, 'Northwind Traders', 'northwindabort'));
    const controller = new AbortController();
    const seen: Order[] = [];
    const error = await rejection(
      api.watchOrder(
        placed.id,
        (order) => {
          seen.push(order);
          controller.abort();
        },
        { signal: controller.signal },
      ),
    );
    expect((error as Error).name).to.equal('AbortError');
    expect(seen).to.have.length(1);
    expect(seen[0]!.status).to.equal('provisioning');
  });

  it('rejects with what onSnapshot throws', async () => {
    const { api } = await setup({ speed: 5 });
    const placed = await api.placeOrder(internalOrder);
    const oops = new Error('render failed');
    expect(
      await rejection(
        api.watchOrder(placed.id, () => {
          throw oops;
        }),
      ),
    ).to.equal(oops);
  });
});

describe('HttpCheckoutApi: agreement acceptance requests and admin access', () => {
  const request = {
    signatory: { firstName: 'Dana', lastName: 'Whitfield', email: 'dana@northwindtraders.com' },
    company: { name: 'Northwind Traders', country: 'US', language: 'en-US' },
  };
  /** Presses Accept on the mock's page, as the signatory's browser would. */
  const acceptAt = (url: string) => fetch(url, { method: 'POST', body: new URLSearchParams({ decision: 'accept' }) });

  it('creates, reads and renews an acceptance request, and reads the role templates', async () => {
    const { mock, api } = await setup();
    const created = await api.createAgreementAcceptance(request);
    expect(created).to.deep.include({ status: 'link-generated', company: request.company });
    const [posted] = await mock.requests({ method: 'POST', path: '/agreement-acceptances' });
    expect(posted!.body).to.deep.equal(request);
    expect(await api.getAgreementAcceptance(created.id)).to.deep.equal(created);
    const renewed = await api.regenerateAgreementAcceptanceLink(created.id);
    expect(renewed.id).to.equal(created.id);
    expect(renewed.url).to.not.equal(created.url);
    expect(await mock.requests({ method: 'POST', path: `/agreement-acceptances/${created.id}/link` })).to.have.length(1);

    const { templates, defaultRoles } = await api.getAdminAccessTemplates();
    expect(templates.find((t) => t.id === 'full')!.includesGlobalAdministrator).to.equal(true);
    expect(defaultRoles.optOutAllowed).to.equal(true);
  });

  it('rejects with the field errors of a bad request, and a 409 for renewing an accepted one', async () => {
    const { api } = await setup();
    const invalid = await rejection(api.createAgreementAcceptance({ ...request, company: { ...request.company, language: 'English' } }));
    expect(invalid).to.be.instanceOf(ApiError);
    expect((invalid as ApiError).fieldErrors.map((e) => e.field)).to.deep.equal(['company.language']);
    const created = await api.createAgreementAcceptance(request);
    await acceptAt(created.url);
    const conflict = await rejection(api.regenerateAgreementAcceptanceLink(created.id));
    expect(conflict).to.include({ status: 409, code: 'already-accepted', endpoint: 'POST /agreement-acceptances/{id}/link' });
  });

  it('raises a ContractError for a malformed acceptance request or template list', async () => {
    const { mock, api } = await setup();
    await mock.inject({
      path: '/agreement-acceptances/mca_x',
      status: 200,
      body: { id: 'mca_x', status: 'accepted', url: 'javascript:alert(1)', expiresAt: '2027-01-16T10:00:00Z' },
    });
    const acceptance = await rejection(api.getAgreementAcceptance('mca_x'));
    expect(acceptance).to.be.instanceOf(ContractError);
    expect((acceptance as ContractError).endpoint).to.equal('GET /agreement-acceptances/{id}');
    expect((acceptance as ContractError).issues.map((i) => i.path)).to.have.members(['status', 'url']);

    await mock.inject({ path: '/admin-access/templates', status: 200, body: { templates: [{ id: 'x', name: 'X', description: '', roles: [] }], defaultRoles: { roles: [] } } });
    const templates = await rejection(api.getAdminAccessTemplates());
    expect(templates).to.be.instanceOf(ContractError);
    expect((templates as ContractError).issues.map((i) => i.path)).to.have.members([
      'templates.0.roles',
      'templates.0.includesGlobalAdministrator',
      'defaultRoles.optOutAllowed',
    ]);
  });

  it('follows an acceptance request until the customer accepts, and rejects with a 404 where there are no events', async () => {
    const { api } = await setup();
    const created = await api.createAgreementAcceptance(request);
    const seen: AcceptanceRequest[] = [];
    await api.watchAgreementAcceptance(created.id, (snapshot) => {
      seen.push(snapshot);
      if (snapshot.status === 'link-generated') void acceptAt(snapshot.url);
    });
    expect(seen.map((s) => s.status)).to.deep.equal(['link-generated', 'customer-accepted']);

    const { api: polling } = await setup({ sse: false });
    const other = await polling.createAgreementAcceptance(request);
    const error = await rejection(polling.watchAgreementAcceptance(other.id, () => expect.fail('no snapshot expected')));
    expect(error).to.include({ status: 404, code: 'not-supported', endpoint: 'GET /agreement-acceptances/{id}/events' });
  });

  it('places an order that references the acceptance request and asks for admin access', async () => {
    const { mock, api } = await setup({ speed: 1000 });
    const created = await api.createAgreementAcceptance(request);
    const order = { ...(await newTenantOrder(mock, 'Northwind Traders', 'northwindgdap')), agreementAcceptanceId: created.id, adminAccess: { defaultRoles: false } };
    const placed = await api.placeOrder(order);
    expect(placed.tasks.map((t) => t.kind)).to.include('record-agreement').and.not.include('grant-default-roles');
    const [posted] = await mock.requests({ method: 'POST', path: '/orders' });
    expect(posted!.body).to.deep.include({ agreementAcceptanceId: created.id, adminAccess: { defaultRoles: false } });
  });
});

describe('event-stream parser', () => {
  function parseAll(chunks: string[]): ServerSentEvent[] {
    const events: ServerSentEvent[] = [];
    const parser = createEventStreamParser((e) => events.push(e));
    for (const chunk of chunks) parser.push(chunk);
    return events;
  }

  it('reads fields, comments and multi-line data', () => {
    const events = parseAll(['\uFEFF: comment\n', 'event: snapshot\nid: 7\ndata: line 1\ndata:line 2\ndata\n\n', 'data: plain\n\n']);
    expect(events).to.deep.equal([
      { type: 'snapshot', data: 'line 1\nline 2\n', lastEventId: '7' },
      { type: 'message', data: 'plain', lastEventId: '7' },
    ]);
  });

  it('accepts CR LF, CR and LF line ends split anywhere across chunks', () => {
    const text = 'event: a\r\ndata: 1\r\n\r\nevent: b\rdata: 2\r\rdata: 3\n\n';
    const expected = [
      { type: 'a', data: '1', lastEventId: '' },
      { type: 'b', data: '2', lastEventId: '' },
      { type: 'message', data: '3', lastEventId: '' },
    ];
    for (let i = 0; i <= text.length; i++) {
      expect(parseAll([text.slice(0, i), text.slice(i)]), `split at ${i}`).to.deep.equal(expected);
    }
    expect(parseAll([...text])).to.deep.equal(expected);
  });

  it('drops events without data and an unfinished event at the end', () => {
    expect(parseAll(['event: ping\n\n', 'retry: 1000\n\n', 'data: cut off'])).to.deep.equal([]);
  });
});
