/**
 * The contract, conformance-tested over real HTTP against both implementations: the mock
 * backend (its Node hub, in this process) and the server (on PGlite, with the Partner Center
 * simulator). One suite, two targets: whatever a widget may rely on must hold for both.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import {
  AcceptanceRequest,
  AddressValidation,
  AdminAccessTemplates,
  Agreement,
  Catalog,
  CountryRules,
  CustomerList,
  DomainAvailability,
  DOMAIN_PREFIX_PATTERN,
  EndDates,
  SubscriptionList,
  Order,
  Problem,
  Quote,
  TenantLookup,
} from '../../src/api/schemas.js';
import { createMockHub } from '../../src/mock/hub.js';
import { COUNTRY_STATES, POSTAL_CODE_PATTERNS } from '../../src/mock/country-states.data.js';
import { acceptance, ACCEPTED, acceptedAgreementId, BASIC, call, E3, newCompany, newTenantOrder, nextKey, parse, pollOrder, readEvents, startSimulator, startStore, uniquePrefix, type Answer } from './helpers.js';

const TODAY = '2027-01-16';

interface Target {
  name: string;
  start(): Promise<{ baseUrl: string; close(): Promise<void> }>;
}

const targets: Target[] = [
  {
    name: 'mock backend',
    async start() {
      const hub = createMockHub();
      const server: Server = createServer((req, res) => void hub.handleNode(req, res));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const created = await call(origin, '/__mock/instances', { method: 'POST', json: { speed: 200, today: TODAY } });
      return {
        baseUrl: origin + created.body.baseUrl,
        close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
      };
    },
  },
  {
    name: 'server',
    async start() {
      const simulator = await startSimulator({ speed: 100, today: TODAY });
      const store = await startStore({ simulator, today: TODAY, speed: 100 });
      return {
        baseUrl: store.baseUrl,
        async close() {
          await store.close();
          await simulator.close();
        },
      };
    },
  },
];

function problemOf(answer: Answer, status: number): Problem {
  assert.equal(answer.status, status, JSON.stringify(answer.body));
  assert.match(answer.headers.get('content-type') ?? '', /application\/problem\+json/);
  const problem = parse(Problem, answer.body);
  assert.equal(problem.status, status);
  assert.equal(typeof problem.code, 'string');
  assert.doesNotMatch(JSON.stringify(problem), /\bat .+:\d+:\d+\)/, 'no stack trace');
  return problem;
}

const fields = (problem: Problem) => (problem.errors ?? []).map((e) => e.field).sort();

for (const target of targets) {
  describe(`contract conformance: ${target.name}`, () => {
    let base = '';
    let close = async () => {};
    before(async () => {
      ({ baseUrl: base, close } = await target.start());
    });
    after(() => close());

    const order = (body: unknown, key = nextKey()) => call(base, '/orders', { method: 'POST', json: body, key });

    it('lists the catalog: products with New Commerce offers', async () => {
      const catalog = parse(Catalog, (await call(base, '/catalog')).body);
      assert.equal(catalog.currency, 'USD');
      assert.ok(catalog.products.length >= 8);
      assert.ok(catalog.products.some((p) => p.offers.some((o) => o.term === 'P3Y')));
    });

    it('searches the reseller’s customers by name or domain, ignoring case', async () => {
      const all = parse(CustomerList, (await call(base, '/customers?search=')).body).customers;
      assert.ok(all.length >= 6);
      const adatum = parse(CustomerList, (await call(base, '/customers?search=aDaTuM')).body).customers;
      assert.deepEqual(
        adatum.map((c) => [c.companyName, c.agreementOnFile]),
        [['Adatum Corporation', false]],
      );
      const byDomain = parse(CustomerList, (await call(base, '/customers?search=LITWAREINC.onmicrosoft')).body).customers;
      assert.deepEqual(byDomain.map((c) => c.companyName), ['Litware, Inc.']);
      assert.deepEqual(parse(CustomerList, (await call(base, '/customers?search=nobody-by-this-name')).body).customers, []);
    });

    it('gives the current agreement', async () => {
      const agreement = parse(Agreement, (await call(base, '/agreement')).body);
      assert.equal(agreement.templateId, acceptance.templateId);
      assert.equal(agreement.acceptanceRequiredBeforeOrder, false);
    });

    it('answers unknown routes 404, wrong methods 405 with Allow, bad JSON 400', async () => {
      problemOf(await call(base, '/nothing-here'), 404);
      problemOf(await call(base, '/orders/x/y/z'), 404);
      const wrong = await call(base, '/catalog', { method: 'POST', json: {} });
      problemOf(wrong, 405);
      assert.equal(wrong.headers.get('allow'), 'GET');
      const bad = await call(base, '/quotes', { method: 'POST', body: '{"lines": [', headers: { 'content-type': 'application/json' } });
      assert.equal(problemOf(bad, 400).code, 'invalid-json');
    });

    it('checks domain prefixes: the rule, taken ones with three available suggestions', async () => {
      for (const prefix of ['a', 'A1b2C3d4E5f6G7h8I9j0K1l2M3n']) {
        const availability = parse(DomainAvailability, (await call(base, `/domains/${prefix}`)).body);
        assert.deepEqual(availability, { prefix, domain: `${prefix.toLowerCase()}.onmicrosoft.com`, available: true, suggestions: [] });
      }
      for (const path of ['/domains/', `/domains/${'a'.repeat(28)}`, '/domains/north-wind', '/domains/north%20wind', `/domains/${encodeURIComponent('café')}`, '/domains/%E0%A4%A']) {
        assert.deepEqual(fields(problemOf(await call(base, path), 422)), ['prefix'], path);
      }
      for (const prefix of ['contoso', 'TakenByAnother']) {
        const availability = parse(DomainAvailability, (await call(base, `/domains/${prefix}`)).body);
        assert.equal(availability.available, false);
        assert.equal(availability.suggestions.length, 3);
        for (const suggestion of availability.suggestions) {
          assert.match(suggestion, DOMAIN_PREFIX_PATTERN);
          assert.equal(parse(DomainAvailability, (await call(base, `/domains/${suggestion}`)).body).available, true, suggestion);
        }
      }
    });

    it('looks up existing tenants by domain', async () => {
      const fabrikam = parse(TenantLookup, (await call(base, '/tenants/Fabrikam.OnMicrosoft.com')).body);
      assert.equal(fabrikam.exists, true);
      assert.equal(fabrikam.domain, 'fabrikam.onmicrosoft.com');
      assert.equal(fabrikam.companyName, 'Fabrikam, Inc.');
      assert.deepEqual(parse(TenantLookup, (await call(base, '/tenants/northwind.onmicrosoft.com')).body), { domain: 'northwind.onmicrosoft.com', exists: false });
      assert.deepEqual(fields(problemOf(await call(base, '/tenants/fabrikam'), 422)), ['domain']);
    });

    it('validates addresses: verified, not valid, one correction, state required, fields named', async () => {
      const address = { country: 'US', line1: '1 Microsoft Way', city: 'redmond', state: 'WA', postalCode: '98052' };
      const validate = (body: unknown) => call(base, '/addresses/validate', { method: 'POST', json: body });
      assert.deepEqual(parse(AddressValidation, (await validate(address)).body), { status: 'verified', suggestions: [] });
      const invalid = parse(AddressValidation, (await validate({ ...address, postalCode: '00000' })).body);
      assert.equal(invalid.status, 'not-valid');
      assert.match(invalid.message ?? '', /00000/);
      const corrected = parse(AddressValidation, (await validate({ ...address, postalCode: '99999' })).body);
      assert.equal(corrected.status, 'interaction-required');
      assert.equal(corrected.suggestions.length, 1);
      assert.equal(corrected.suggestions[0]!.city, 'Redmond');
      assert.deepEqual(fields(problemOf(await validate({ ...address, state: undefined }), 422)), ['state']);
      assert.deepEqual(fields(problemOf(await validate({ country: 'usa', line1: '', city: 'Redmond', postalCode: 'x'.repeat(21) }), 422)), ['country', 'line1', 'postalCode']);
    });

    it('gives a country’s address rules: its states by code and name, whether one is required, its patterns; 404 for no country', async () => {
      const rulesOf = async (country: string) => parse(CountryRules, (await call(base, `/country-rules/${country}`)).body);
      const us = await rulesOf('US');
      assert.equal(us.country, 'US');
      assert.equal(us.stateRequired, true);
      // Every state of the generated address data, in its order, with its Latin-script name.
      assert.deepEqual(us.states, COUNTRY_STATES.US!.map(([code, name]) => ({ code, name })));
      assert.deepEqual(us.states.find((s) => s.code === 'WA'), { code: 'WA', name: 'Washington' });
      assert.equal(us.postalCodePattern, POSTAL_CODE_PATTERNS.US);
      for (const zip of ['98052', '98052-6399']) assert.match(zip, new RegExp(`^(?:${us.postalCodePattern})$`), zip);
      assert.doesNotMatch('9805', new RegExp(`^(?:${us.postalCodePattern})$`));
      assert.match('+1 (425) 555-0100', new RegExp(us.phonePattern ?? ''));
      for (const country of ['CA', 'AU']) {
        const rules = await rulesOf(country);
        assert.equal(rules.stateRequired, true, country);
        assert.deepEqual(rules.states.map((s) => s.code), COUNTRY_STATES[country]!.map(([code]) => code), country);
      }
      // A list of states that is not required (Brazil), and a country without any (Germany).
      const br = await rulesOf('BR');
      assert.equal(br.stateRequired, false);
      assert.deepEqual(br.states.find((s) => s.code === 'SP'), { code: 'SP', name: 'São Paulo' });
      const de = await rulesOf('DE');
      assert.deepEqual([de.stateRequired, de.states, de.postalCodePattern], [false, [], POSTAL_CODE_PATTERNS.DE]);
      for (const country of ['ZZ', 'us', 'USA', '12']) {
        assert.equal(problemOf(await call(base, `/country-rules/${country}`), 404).code, 'country-not-found', country);
      }
    });

    it('prorates quotes from today and names the fields it refuses', async () => {
      const answer = await call(base, '/quotes', {
        method: 'POST',
        json: { lines: [{ productId: E3, term: 'P1Y', billing: 'monthly', quantity: 10 }, { productId: E3, term: 'P1Y', billing: 'annual', quantity: 2 }], recipient: { kind: 'internal' } },
      });
      assert.equal(answer.status, 201);
      const quote = parse(Quote, answer.body);
      assert.equal(quote.startDate, TODAY);
      // The catalog's prices, prorated from 16 January: 16 of January's 31 days, 350 of 2027's 365.
      const e3 = parse(Catalog, (await call(base, '/catalog')).body).products.find((p) => p.id === E3)!;
      const price = (billing: string) => e3.offers.find((o) => o.term === 'P1Y' && o.billing === billing)!.unitPrice;
      const expected = [Math.round((10 * price('monthly') * 16) / 31), Math.round((2 * price('annual') * 350) / 365)];
      assert.deepEqual(quote.lines.map((l) => l.proratedAmount), expected);
      assert.equal(quote.firstInvoiceTotal, expected[0]! + expected[1]!);
      const past = await call(base, '/quotes', { method: 'POST', json: { lines: [{ productId: BASIC, term: 'P1M', billing: 'monthly', quantity: 1 }], recipient: { kind: 'internal' }, startDate: '2027-01-15' } });
      assert.deepEqual(fields(problemOf(past, 422)), ['startDate']);
      const rules = await call(base, '/quotes', {
        method: 'POST',
        json: {
          lines: [
            { productId: BASIC, term: 'P1Y', billing: 'monthly', quantity: 301 },
            { productId: BASIC, term: 'P1M', billing: 'annual', quantity: 1 },
            { productId: BASIC, term: 'P3Y', billing: 'monthly', quantity: 1 },
            { productId: 'no-such-product', term: 'P1Y', billing: 'monthly', quantity: 1 },
          ],
          recipient: { kind: 'existing', customerId: 'cst-unknown' },
        },
      });
      assert.deepEqual(fields(problemOf(rules, 422)), ['lines.0.quantity', 'lines.1.billing', 'lines.2.term', 'lines.3.productId', 'recipient.customerId']);
      const schema = await call(base, '/quotes', { method: 'POST', json: { lines: [{ productId: E3, term: 'P2Y', billing: 'monthly', quantity: 2.5 }], recipient: { kind: 'friend' } } });
      assert.deepEqual(fields(problemOf(schema, 422)), ['lines.0.quantity', 'lines.0.term', 'recipient.kind']);
    });

    it('needs an Idempotency-Key; the same key and body give the same order, another body a 422', async () => {
      // One acceptance request for both sends: the same body.
      const body = { ...newTenantOrder('Northwind Traders', uniquePrefix('northwind')), agreementAcceptanceId: await acceptedAgreementId(base, 'Northwind Traders') };
      assert.equal(problemOf(await call(base, '/orders', { method: 'POST', json: body }), 400).code, 'idempotency-key-missing');
      const key = nextKey();
      const first = await order(body, key);
      assert.equal(first.status, 201, JSON.stringify(first.body));
      const placed = parse(Order, first.body);
      assert.match(first.headers.get('location') ?? '', new RegExp(`/orders/${placed.id}$`));
      const again = await order({ agreementAcceptanceId: body.agreementAcceptanceId, recipient: body.recipient, lines: body.lines }, key);
      assert.equal(again.status, 200);
      assert.equal(parse(Order, again.body).id, placed.id);
      const other = await order({ ...body, lines: [{ productId: E3, term: 'P1Y', billing: 'monthly', quantity: 26 }] }, key);
      assert.equal(problemOf(other, 422).code, 'idempotency-key-reused');
    });

    it('takes an Idempotency-Key of up to 255 characters; a longer one is a 422 naming the header, and orders nothing', async () => {
      const body = { lines: [{ productId: E3, term: 'P1Y', billing: 'monthly', quantity: 5 }], recipient: { kind: 'internal' } };
      const long = nextKey().padEnd(256, 'k');
      const refused = problemOf(await order(body, long), 422);
      assert.deepEqual(fields(refused), ['Idempotency-Key']);
      // Not stored either: the same key and body are refused again, not answered with an order.
      assert.equal((await order(body, long)).status, 422);
      const longest = await order(body, long.slice(0, 255));
      assert.equal(longest.status, 201, JSON.stringify(longest.body));
    });

    it('plans the tasks for each kind of recipient', async () => {
      const line = { productId: E3, term: 'P1Y', billing: 'monthly', quantity: 5 };
      const kinds = async (body: unknown) => {
        const answer = await order(body);
        assert.equal(answer.status, 201, JSON.stringify(answer.body));
        return parse(Order, answer.body).tasks.map((t) => t.kind);
      };
      assert.deepEqual(await kinds({ lines: [line], recipient: { kind: 'internal' } }), ['create-subscription']);
      assert.deepEqual(await kinds({ lines: [line], recipient: { kind: 'existing', customerId: 'cst-7f3a2c91' } }), ['create-subscription']);
      // Adatum has no agreement on file: refused without one, then recorded with the order.
      assert.deepEqual(fields(problemOf(await order({ lines: [line], recipient: { kind: 'existing', customerId: 'cst-1b84d0e6' } }), 422)), ['agreementAcceptanceId']);
      const adatum = await acceptedAgreementId(base, 'Adatum Corporation');
      assert.deepEqual(await kinds({ lines: [line], recipient: { kind: 'existing', customerId: 'cst-1b84d0e6' }, agreementAcceptanceId: adatum }), ['record-agreement', 'create-subscription']);
      const placed = parse(Order, (await order(newTenantOrder('Northwind Traders', uniquePrefix('northwind')))).body);
      assert.deepEqual(placed.tasks.map((t) => t.kind), ['create-tenant', 'link-reseller', 'record-agreement', 'create-subscription', 'create-subscription']);
      assert.ok(placed.tasks.some((t) => t.label === 'Create subscription: Microsoft 365 E3 × 25'));
      assert.equal(placed.firstInvoiceTotal, Math.round((90000 * 16) / 31) + Math.round((2160 * 16) / 31));
    });

    it('refuses what Microsoft would: no agreement, a name unlike the tenant’s, a taken prefix, unknown customers, bad fields', async () => {
      const noAgreement = { ...newTenantOrder('Northwind Traders', uniquePrefix('northwind')), agreementAcceptanceId: undefined };
      assert.deepEqual(fields(problemOf(await order(noAgreement), 422)), ['agreementAcceptanceId']);
      const line = { productId: E3, term: 'P1Y', billing: 'monthly', quantity: 5 };
      // The retired partner attestation is refused before anything else, naming the field.
      const retired = problemOf(await order({ ...noAgreement, agreement: acceptance }), 422);
      assert.equal(retired.code, 'attestation-retired');
      assert.deepEqual(fields(retired), ['agreement']);

      const fabrikam = { lines: [line], recipient: { kind: 'new', company: newCompany('Fabrikam Inc'), tenant: { kind: 'existing', domain: 'fabrikam.onmicrosoft.com' } }, agreementAcceptanceId: ACCEPTED };
      const mismatch = problemOf(await order(fabrikam), 422);
      assert.deepEqual(fields(mismatch), ['company.companyName']);
      assert.equal(mismatch.registeredCompanyName, 'Fabrikam, Inc.');
      assert.ok(mismatch.detail?.includes('“Fabrikam Inc”') && mismatch.detail.includes('“Fabrikam, Inc.”'));
      const nobody = { ...fabrikam, recipient: { ...fabrikam.recipient, tenant: { kind: 'existing', domain: 'nobody.onmicrosoft.com' } } };
      assert.deepEqual(fields(problemOf(await order(nobody), 422)), ['tenant.domain']);

      assert.deepEqual(fields(problemOf(await order(newTenantOrder('Northwind Traders', 'takenalready')), 422)), ['tenant.prefix']);
      assert.deepEqual(fields(problemOf(await order({ lines: [line], recipient: { kind: 'existing', customerId: 'cst-nope' } }), 422)), ['recipient.customerId']);
      const broken = newTenantOrder('', uniquePrefix('northwind'));
      broken.recipient.company.address.postalCode = '';
      broken.recipient.company.contact.email = 'dana@';
      assert.deepEqual(fields(problemOf(await order(broken), 422)), ['company.address.postalCode', 'company.companyName', 'company.contact.email']);
      const noState = newTenantOrder('Northwind Traders', uniquePrefix('northwind'));
      delete (noState.recipient.company.address as { state?: string }).state;
      assert.deepEqual(fields(problemOf(await order(noState), 422)), ['company.address.state']);
    });

    it('holds a prefix once an order used it', async () => {
      const prefix = uniquePrefix('held');
      assert.equal((await order(newTenantOrder('Held Ltd', prefix))).status, 201);
      assert.equal(parse(DomainAvailability, (await call(base, `/domains/${prefix}`)).body).available, false);
      assert.deepEqual(fields(problemOf(await order(newTenantOrder('Someone Else', prefix)), 422)), ['tenant.prefix']);
    });

    it('answers 404 for an unknown order and its events', async () => {
      assert.equal(problemOf(await call(base, '/orders/ord_nope'), 404).code, 'order-not-found');
      assert.equal(problemOf(await call(base, '/orders/ord_nope/events'), 404).code, 'order-not-found');
    });

    it('provisions a new tenant to completed, with the administrator’s credentials, and the tenant then exists', async () => {
      const prefix = uniquePrefix('complete');
      const placed = parse(Order, (await order(newTenantOrder('Complete Ltd', prefix))).body);
      assert.equal(placed.status, 'provisioning');
      assert.ok(['pending', 'running'].includes(placed.tasks[0]!.status));
      assert.equal(placed.credentials, undefined);
      const done = parse(Order, await pollOrder(base, placed.id, (o) => o.status === 'completed' || o.status === 'failed'));
      assert.equal(done.status, 'completed');
      assert.equal(done.progress, 1);
      assert.ok(done.tasks.every((t) => t.status === 'succeeded' && t.startedAt && t.finishedAt));
      assert.equal(done.credentials?.userName, `admin@${prefix}.onmicrosoft.com`);
      assert.ok((done.credentials?.temporaryPassword.length ?? 0) >= 8);
      assert.equal(parse(TenantLookup, (await call(base, `/tenants/${prefix}.onmicrosoft.com`)).body).exists, true);
    });

    it('fails at the first subscription for a company named with Fail, saying why, retryable', async () => {
      const placed = parse(Order, (await order(newTenantOrder(`Fail Fast ${uniquePrefix('')}`, uniquePrefix('failfast')))).body);
      const failed = parse(Order, await pollOrder(base, placed.id, (o) => o.status === 'failed' || o.status === 'completed'));
      assert.equal(failed.status, 'failed');
      assert.equal(failed.retryable, true);
      const subscriptions = failed.tasks.filter((t) => t.kind === 'create-subscription');
      assert.equal(subscriptions[0]!.status, 'failed');
      assert.ok(subscriptions[0]!.detail);
      assert.equal(subscriptions[1]!.status, 'pending');
      assert.ok(failed.tasks.filter((t) => t.kind !== 'create-subscription').every((t) => t.status === 'succeeded'));
    });

    it('lets the same company place a failed new-tenant order again, on the tenant it created', async () => {
      const company = `Fail Again ${uniquePrefix('')}`;
      const prefix = uniquePrefix('failagain');
      const first = parse(Order, (await order(newTenantOrder(company, prefix))).body);
      assert.equal((await pollOrder(base, first.id, (o) => o.status === 'failed' || o.status === 'completed')).status, 'failed');
      assert.equal(parse(DomainAvailability, (await call(base, `/domains/${prefix}`)).body).available, false);
      assert.deepEqual(fields(problemOf(await order(newTenantOrder('Someone Else Ltd', prefix)), 422)), ['tenant.prefix']);
      const again = await order(newTenantOrder(company, prefix));
      assert.equal(again.status, 201, JSON.stringify(again.body));
      const retry = parse(Order, again.body);
      assert.notEqual(retry.id, first.id);
      assert.deepEqual(retry.tasks.map((t) => t.kind), ['create-subscription', 'create-subscription']);
      const done = await pollOrder(base, retry.id, (o) => o.status === 'failed' || o.status === 'completed');
      assert.equal(done.status, 'completed');
      assert.equal(done.credentials?.userName, `admin@${prefix}.onmicrosoft.com`);
    });

    it('waits for an existing tenant’s customer to accept the reseller relationship, then completes', async () => {
      const body = {
        lines: [{ productId: E3, term: 'P1Y', billing: 'monthly', quantity: 5 }],
        recipient: { kind: 'new', company: newCompany('Fabrikam, Inc.'), tenant: { kind: 'existing', domain: 'fabrikam.onmicrosoft.com' } },
        agreementAcceptanceId: ACCEPTED,
      };
      const placed = parse(Order, (await order(body)).body);
      assert.deepEqual(placed.tasks.map((t) => t.kind), ['accept-relationship', 'record-agreement', 'create-subscription']);
      const asking = parse(Order, await pollOrder(base, placed.id, (o) => o.tasks[0]!.status !== 'pending' && o.tasks[0]!.status !== 'running'));
      if (asking.tasks[0]!.status === 'action-required') {
        assert.equal(asking.status, 'waiting');
        assert.match(asking.tasks[0]!.actionUrl ?? '', /^https:\/\/admin\.microsoft\.com\//);
        assert.match(asking.tasks[0]!.detail ?? '', /Fabrikam, Inc\./);
      }
      const done = parse(Order, await pollOrder(base, placed.id, (o) => o.status === 'completed' || o.status === 'failed'));
      assert.equal(done.status, 'completed');
      assert.equal(done.tasks[0]!.actionUrl, undefined);
    });

    it('streams snapshots as the order changes and ends after the terminal one', async () => {
      const placed = parse(Order, (await order(newTenantOrder('Streamed Ltd', uniquePrefix('streamed')))).body);
      const response = await fetch(`${base}/orders/${placed.id}/events`);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /text\/event-stream/);
      const snapshots = (await readEvents(response)).filter((e) => e.event === 'snapshot').map((e) => parse(Order, JSON.parse(e.data!)));
      assert.ok(snapshots.length >= 2, `${snapshots.length} snapshots`);
      assert.equal(snapshots.at(-1)!.status, 'completed');
      const progress = snapshots.map((s) => s.progress);
      assert.deepEqual([...progress].sort((a, b) => a - b), progress);
      const finished = await readEvents(await fetch(`${base}/orders/${placed.id}/events`));
      assert.equal(finished.length, 1);
      assert.equal(parse(Order, JSON.parse(finished[0]!.data!)).status, 'completed');
    });

    it('keeps a waiting order’s stream open until the client leaves (a company under review)', async () => {
      const placed = parse(Order, (await order(newTenantOrder('Review Me Corp', uniquePrefix('reviewme')))).body);
      const waiting = await pollOrder(base, placed.id, (o) => o.status === 'waiting');
      assert.ok(waiting.tasks.some((t) => t.kind === 'review-customer' && t.status === 'waiting'));
      const controller = new AbortController();
      const response = await fetch(`${base}/orders/${placed.id}/events`, { signal: controller.signal });
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      const first = await reader.read();
      assert.match(first.value ?? '', /^event: snapshot\ndata: .*"status":"waiting"/);
      const next = reader.read().then(
        () => 'more',
        () => 'aborted',
      );
      assert.equal(await Promise.race([next, new Promise((r) => setTimeout(() => r('still open'), 300))]), 'still open');
      controller.abort();
      assert.equal(await next, 'aborted');
    });
    it('creates agreement acceptance requests whose link the customer accepts on Microsoft’s page', async () => {
      const create = (company: string, email = 'dana@northwindtraders.com') =>
        call(base, '/agreement-acceptances', {
          method: 'POST',
          json: { signatory: { firstName: 'Dana', lastName: 'Whitfield', email }, company: { name: company, country: 'US', language: 'en' } },
        });
      const created = await create('Accepting Ltd');
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const request = parse(AcceptanceRequest, created.body);
      assert.equal(request.status, 'link-generated');
      assert.match(created.headers.get('location') ?? '', new RegExp(`/agreement-acceptances/${request.id}$`));
      assert.deepEqual(parse(AcceptanceRequest, (await call(base, `/agreement-acceptances/${request.id}`)).body).id, request.id);
      assert.equal(problemOf(await call(base, '/agreement-acceptances/mca_nope'), 404).code, 'acceptance-not-found');
      assert.deepEqual(fields(problemOf(await call(base, '/agreement-acceptances', { method: 'POST', json: { signatory: { firstName: '', lastName: 'W', email: 'x' }, company: { name: 'A', country: 'usa', language: 'en' } } }), 422)), [
        'company.country',
        'signatory.email',
        'signatory.firstName',
      ]);

      // The page's Accept is a form POST to the link.
      const page = await fetch(request.url);
      assert.equal(page.status, 200);
      assert.equal((await fetch(request.url, { method: 'POST', body: new URLSearchParams() })).status, 200);
      const accepted = parse(AcceptanceRequest, (await call(base, `/agreement-acceptances/${request.id}`)).body);
      assert.equal(accepted.status, 'customer-accepted');
      assert.ok(accepted.acceptedAt);
      assert.equal(problemOf(await call(base, `/agreement-acceptances/${request.id}/link`, { method: 'POST' }), 409).code, 'already-accepted');

      // An expired link (test value) gets a new one that works.
      const expired = parse(AcceptanceRequest, (await create('Expired Links Ltd')).body);
      assert.equal(expired.status, 'link-expired');
      const renewed = parse(AcceptanceRequest, (await call(base, `/agreement-acceptances/${expired.id}/link`, { method: 'POST' })).body);
      assert.equal(renewed.status, 'link-generated');
      assert.notEqual(renewed.url, expired.url);
      assert.equal((await fetch(renewed.url)).status, 200);
    });

    it('lets an order wait on the customer’s acceptance, then records the agreement', async () => {
      const company = `Waiting Acceptance ${uniquePrefix('')}`;
      const request = parse(
        AcceptanceRequest,
        (await call(base, '/agreement-acceptances', { method: 'POST', json: { signatory: { firstName: 'Ari', lastName: 'Stone', email: 'ari@example.com' }, company: { name: company, country: 'US', language: 'en' } } })).body,
      );
      const body = { ...newTenantOrder(company, uniquePrefix('waiting')), agreementAcceptanceId: request.id };
      assert.deepEqual(fields(problemOf(await order({ ...body, agreement: acceptance }), 422)), ['agreement']);
      assert.deepEqual(fields(problemOf(await order({ ...body, agreementAcceptanceId: 'mca_unknown' }), 422)), ['agreementAcceptanceId']);
      assert.deepEqual(fields(problemOf(await order({ ...body, recipient: { ...body.recipient, company: newCompany('Someone Else Ltd') } }), 422)), ['agreementAcceptanceId']);
      const placed = await order(body);
      assert.equal(placed.status, 201, JSON.stringify(placed.body));
      const id = parse(Order, placed.body).id;
      const waiting = await pollOrder(base, id, (o) => o.tasks.some((t) => t.kind === 'record-agreement' && t.status === 'action-required'));
      const task = waiting.tasks.find((t) => t.kind === 'record-agreement')!;
      assert.equal(task.actionUrl, request.url);
      assert.equal(waiting.status, 'waiting');
      await fetch(request.url, { method: 'POST', body: new URLSearchParams() });
      const done = await pollOrder(base, id, (o) => o.status === 'completed' || o.status === 'failed');
      assert.equal(done.status, 'completed');
      assert.equal(parse(AcceptanceRequest, (await call(base, `/agreement-acceptances/${request.id}`)).body).status, 'agreement-created');
    });

    it('offers GDAP role templates and the default roles, and says who accepted the agreement directly', async () => {
      const gdap = parse(AdminAccessTemplates, (await call(base, '/admin-access/templates')).body);
      assert.ok(gdap.templates.length >= 2);
      assert.deepEqual(gdap.templates.filter((t) => t.includesGlobalAdministrator).map((t) => t.id), ['full']);
      assert.ok(gdap.defaultRoles.roles.length > 0);
      const direct = parse(CustomerList, (await call(base, '/customers?search=Wide World')).body).customers;
      assert.equal(direct[0]?.acceptedDirectly, true);
      assert.notEqual(parse(Agreement, (await call(base, '/agreement')).body).acceptanceRequiredBeforeOrder, true);
    });

    it('refuses admin access that does not fit the recipient or the template', async () => {
      const line = { productId: E3, term: 'P1Y', billing: 'monthly', quantity: 1 };
      const contoso = { lines: [line], recipient: { kind: 'existing', customerId: 'cst-7f3a2c91' } };
      const request = { templateId: 'helpdesk', duration: 'P365D', autoExtend: false };
      assert.deepEqual(fields(problemOf(await order({ ...contoso, adminAccess: { defaultRoles: true } }), 422)), ['adminAccess.defaultRoles']);
      assert.deepEqual(fields(problemOf(await order({ ...newTenantOrder('Gdap Ltd', uniquePrefix('gdap')), adminAccess: { request } }), 422)), ['adminAccess.request']);
      assert.deepEqual(fields(problemOf(await order({ ...contoso, adminAccess: { request: { ...request, templateId: 'full', autoExtend: true } } }), 422)), ['adminAccess.request.autoExtend']);
      assert.deepEqual(fields(problemOf(await order({ ...contoso, adminAccess: { request: { ...request, templateId: 'nope' } } }), 422)), ['adminAccess.request.templateId']);
      assert.deepEqual(fields(problemOf(await order({ ...contoso, adminAccess: { request: { ...request, duration: 'P731D' } } }), 422)), ['adminAccess.request.duration']);
    });

    it('asks an existing customer’s administrator to approve admin access at its own link, last', async () => {
      const line = { productId: E3, term: 'P1Y', billing: 'monthly', quantity: 1 };
      const placed = await order({ lines: [line], recipient: { kind: 'existing', customerId: 'cst-5c2e9a47' }, adminAccess: { request: { templateId: 'helpdesk', duration: 'P365D', autoExtend: true } } });
      assert.equal(placed.status, 201, JSON.stringify(placed.body));
      const first = parse(Order, placed.body);
      assert.deepEqual(first.tasks.map((t) => t.kind), ['create-subscription', 'approve-admin-access']);
      assert.equal(first.adminAccess?.status, 'approval-pending');
      assert.equal(first.adminAccess?.templateId, 'helpdesk');
      const asking = await pollOrder(base, first.id, (o) => o.tasks[1]!.status === 'action-required');
      const url = asking.tasks[1]!.actionUrl!;
      assert.match(url, /^https?:\/\//);
      assert.equal(asking.adminAccess?.approvalUrl, url);
      assert.equal(asking.status, 'waiting');
      assert.equal((await fetch(url, { method: 'POST', body: new URLSearchParams() })).status, 200);
      const done = await pollOrder(base, first.id, (o) => o.status === 'completed' || o.status === 'failed');
      assert.equal(done.status, 'completed');
      assert.equal(done.adminAccess?.status, 'active');
      assert.equal(done.adminAccess?.approvalUrl, undefined);
    });

    it('grants a new tenant the default roles when asked', async () => {
      const placed = parse(Order, (await order({ ...newTenantOrder('Default Roles Ltd', uniquePrefix('roles')), adminAccess: { defaultRoles: true } })).body);
      assert.deepEqual(placed.tasks.map((t) => t.kind), ['create-tenant', 'link-reseller', 'grant-default-roles', 'record-agreement', 'create-subscription', 'create-subscription']);
      const done = await pollOrder(base, placed.id, (o) => o.status === 'completed' || o.status === 'failed');
      assert.equal(done.status, 'completed');
    });
    it('lists subscriptions: an existing customer’s, the reseller’s own, 404 for an unknown customer', async () => {
      const contoso = parse(SubscriptionList, (await call(base, '/customers/cst-7f3a2c91/subscriptions')).body).subscriptions;
      const premium = contoso.find((s) => s.id === 'sub-c0b9e512');
      assert.deepEqual(premium && { term: premium.term, billing: premium.billing, quantity: premium.quantity, status: premium.status }, { term: 'P1Y', billing: 'monthly', quantity: 40, status: 'active' });
      assert.ok(parse(SubscriptionList, (await call(base, '/subscriptions')).body).subscriptions.some((s) => s.id === 'sub-00a1f5c8'));
      assert.equal(problemOf(await call(base, '/customers/cst-nobody/subscriptions'), 404).code, 'customer-not-found');
    });

    it('offers end dates: the calendar month end first, and the recipient’s subscriptions’ ends', async () => {
      const answer = parse(EndDates, (await call(base, '/end-dates?term=P1Y&customerId=cst-7f3a2c91')).body);
      assert.equal(answer.startDate, TODAY);
      assert.ok(answer.endDates.some((d) => d.reason === 'calendar-month-end'));
      const aligned = answer.endDates.find((d) => d.subscriptionId === 'sub-c0b9e512');
      assert.ok(aligned, JSON.stringify(answer));
      assert.deepEqual(fields(problemOf(await call(base, '/end-dates'), 422)), ['term']);
      assert.deepEqual(fields(problemOf(await call(base, '/end-dates?term=P1Y&customerId=cst-nobody'), 422)), ['customerId']);
    });

    it('quotes seats to a subscription’s end, a chosen end date, the promotion; refuses caps and dates not offered', async () => {
      const quote = (lines: unknown[], customerId: string) => call(base, '/quotes', { method: 'POST', json: { lines, recipient: { kind: 'existing', customerId } } });
      const premium = 'cfq7ttc0lckm-0001';
      const seats = await quote([{ kind: 'add-seats', subscriptionId: 'sub-c0b9e512', productId: premium, term: 'P1Y', billing: 'monthly', quantity: 5 }], 'cst-7f3a2c91');
      assert.equal(seats.status, 201, JSON.stringify(seats.body));
      const line = parse(Quote, seats.body).lines[0]!;
      const contoso = parse(SubscriptionList, (await call(base, '/customers/cst-7f3a2c91/subscriptions')).body).subscriptions;
      assert.equal(line.kind, 'add-seats');
      assert.equal(line.endDate, contoso.find((s) => s.id === 'sub-c0b9e512')!.endDate);
      assert.ok(line.cancellableUntil);

      const promoted = parse(Quote, (await quote([{ productId: premium, term: 'P1Y', billing: 'monthly', quantity: 10 }], 'cst-9d61f3b2')).body).lines[0]!;
      assert.equal(promoted.promotion?.percentOff, 15);

      assert.deepEqual(fields(problemOf(await quote([{ productId: BASIC, term: 'P1Y', billing: 'monthly', quantity: 16 }], 'cst-5c2e9a47'), 422)), ['lines.0.quantity']);
      assert.deepEqual(fields(problemOf(await quote([{ productId: E3, term: 'P1Y', billing: 'monthly', quantity: 1, endDate: '2027-03-03' }], 'cst-7f3a2c91'), 422)), ['lines.0.endDate']);
      assert.deepEqual(fields(problemOf(await quote([{ kind: 'add-seats', subscriptionId: 'sub-nope', productId: premium, term: 'P1Y', billing: 'monthly', quantity: 1 }], 'cst-7f3a2c91'), 422)), ['lines.0.subscriptionId']);
    });

    it('adds seats to a subscription and creates a co-termed one that does not renew, with the purchase order', async () => {
      const exchange = 'cfq7ttc0lh16-0001';
      const list = async () => parse(SubscriptionList, (await call(base, '/customers/cst-7f3a2c91/subscriptions')).body).subscriptions;
      const before = (await list()).find((s) => s.id === 'sub-c0e4a7d3')!.quantity;
      const premiumEnd = (await list()).find((s) => s.id === 'sub-c0b9e512')!.endDate;
      const answer = await order({
        lines: [
          { kind: 'add-seats', subscriptionId: 'sub-c0e4a7d3', productId: exchange, term: 'P1M', billing: 'monthly', quantity: 3 },
          { productId: 'cfq7ttc0lh2h-0001', term: 'P1Y', billing: 'monthly', quantity: 4, endDate: premiumEnd, autoRenew: false },
        ],
        recipient: { kind: 'existing', customerId: 'cst-7f3a2c91' },
        purchaseOrder: 'PO-2027-0042',
      });
      assert.equal(answer.status, 201, JSON.stringify(answer.body));
      const placed = parse(Order, answer.body);
      assert.deepEqual(placed.tasks.map((t) => t.kind), ['add-seats', 'create-subscription']);
      assert.equal(placed.purchaseOrder, 'PO-2027-0042');
      assert.deepEqual(placed.lineTerms?.map((t) => [t.endDate, t.autoRenew]), [
        [(await list()).find((s) => s.id === 'sub-c0e4a7d3')!.endDate, true],
        [premiumEnd, false],
      ]);
      const done = await pollOrder(base, placed.id, (o) => o.status === 'completed' || o.status === 'failed');
      assert.equal(done.status, 'completed');
      const after = await list();
      assert.equal(after.find((s) => s.id === 'sub-c0e4a7d3')!.quantity, before + 3);
      assert.ok(after.some((s) => s.productId === 'cfq7ttc0lh2h-0001' && s.endDate === premiumEnd && s.autoRenew === false && s.quantity === 4), JSON.stringify(after));
    });
  });
}
