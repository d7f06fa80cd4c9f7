/**
 * The server's own promises beyond the shared contract suite: idempotency under restarts and
 * concurrency, hostile input kept as data, Partner Center's refusals as the contract's
 * problems, and each reseller seeing only its own orders and customers.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { AcceptanceRequest, CustomerList, Order, Problem } from '../../src/api/schemas.js';
import type { ResellerConfig } from '../src/config.js';
import { acceptance, call, E3, freshDatabase, newTenantOrder, nextKey, parse, pollOrder, startSimulator, startStore, uniquePrefix, type Simulator } from './helpers.js';

let simulator: Simulator;
before(async () => {
  simulator = await startSimulator({ speed: 200 });
});
after(() => simulator.close());

describe('idempotency keys', () => {
  it('returns the same order for the same key and body after a restart', async () => {
    const database = await freshDatabase();
    const body = newTenantOrder('Restart Ltd', uniquePrefix('restart'));
    const key = nextKey();
    let store = await startStore({ simulator, ...database, workers: 0 });
    const first = await call(store.baseUrl, '/orders', { method: 'POST', json: body, key });
    assert.equal(first.status, 201);
    await store.close();
    store = await startStore({ simulator, ...database, workers: 0 });
    try {
      const again = await call(store.baseUrl, '/orders', { method: 'POST', json: body, key });
      assert.equal(again.status, 200);
      assert.equal(again.body.id, first.body.id);
      const other = await call(store.baseUrl, '/orders', { method: 'POST', json: { ...body, lines: body.lines.slice(1) }, key });
      assert.equal(other.status, 422);
      assert.equal(other.body.code, 'idempotency-key-reused');
    } finally {
      await store.close();
      await database.drop();
    }
  });

  it('takes over a key whose request died, and answers 409 while its request still runs', async () => {
    const store = await startStore({ simulator, workers: 0 });
    try {
      const body = newTenantOrder('Abandoned Ltd', uniquePrefix('abandoned'));
      const { createHash } = await import('node:crypto');
      const { canonicalJson } = await import('../../src/mock/http.js');
      const hash = createHash('sha256').update(canonicalJson(body)).digest('hex');
      const insert = (key: string, lockedFor: string) =>
        store.db.query(
          `INSERT INTO idempotency_keys (reseller_id, key, body_hash, state, holder, locked_until, expires_at) VALUES ('demo', $1, $2, 'running', 'dead-request', now() + $3::interval, now() + interval '1 day')`,
          [key, hash, lockedFor],
        );
      await insert('held-key', '1 minute');
      const held = await call(store.baseUrl, '/orders', { method: 'POST', json: body, key: 'held-key' });
      assert.equal(held.status, 409);
      assert.equal(held.headers.get('retry-after'), '1');
      await insert('dead-key', '-1 second');
      const taken = await call(store.baseUrl, '/orders', { method: 'POST', json: body, key: 'dead-key' });
      assert.equal(taken.status, 201, JSON.stringify(taken.body));
      const [row] = await store.db.query<{ holder: string; state: string; order_id: string }>(`SELECT holder, state, order_id FROM idempotency_keys WHERE key = 'dead-key'`);
      assert.notEqual(row!.holder, 'dead-request');
      assert.equal(row!.state, 'done');
      assert.equal(row!.order_id, taken.body.id);
    } finally {
      await store.close();
    }
  });

  it('makes one order of 50 concurrent POSTs with one key; the others get it or a 409 with Retry-After', async () => {
    const store = await startStore({ simulator, workers: 0 });
    try {
      const body = newTenantOrder('Concurrent Ltd', uniquePrefix('concurrent'));
      const key = nextKey();
      const answers = await Promise.all(Array.from({ length: 50 }, () => call(store.baseUrl, '/orders', { method: 'POST', json: body, key })));
      const statuses = answers.map((a) => a.status);
      assert.equal(statuses.filter((s) => s === 201).length, 1, statuses.join(' '));
      assert.ok(statuses.every((s) => s === 201 || s === 200 || s === 409), statuses.join(' '));
      for (const conflict of answers.filter((a) => a.status === 409)) {
        assert.equal(conflict.headers.get('retry-after'), '1');
        assert.equal(parse(Problem, conflict.body).code, 'idempotency-key-in-use');
      }
      const ids = new Set(answers.filter((a) => a.status < 300).map((a) => a.body.id));
      assert.equal(ids.size, 1);
      const [{ count }] = (await store.db.query<{ count: number }>('SELECT count(*)::int AS count FROM orders')) as [{ count: number }];
      assert.equal(count, 1);
      // Once the first request is done, a retry gets the order.
      const retry = await call(store.baseUrl, '/orders', { method: 'POST', json: body, key });
      assert.equal(retry.status, 200);
      assert.equal(retry.body.id, [...ids][0]);
    } finally {
      await store.close();
    }
  });
});

describe('hostile and malformed input', () => {
  let store: Awaited<ReturnType<typeof startStore>>;
  before(async () => {
    store = await startStore({ simulator });
  });
  after(() => store.close());

  it('stores and returns hostile strings as data, never as SQL', async () => {
    const hostile = `Robert'); DROP TABLE orders; -- <script>alert(1)</script> % _ \\ "ünï¢ødé" 🙂`;
    const body = newTenantOrder(hostile, uniquePrefix('hostile'));
    body.recipient.company.contact.lastName = `O'Brien"; DELETE FROM customers; --`;
    const answer = await call(store.baseUrl, '/orders', { method: 'POST', json: body, key: `'; DROP TABLE idempotency_keys; --` });
    assert.equal(answer.status, 201, JSON.stringify(answer.body));
    const order = parse(Order, answer.body);
    assert.equal(order.recipient.companyName, hostile);
    const read = parse(Order, (await call(store.baseUrl, `/orders/${order.id}`)).body);
    assert.equal(read.recipient.companyName, hostile);
    await pollOrder(store.baseUrl, order.id, (o) => o.status === 'completed');
    const found = parse(CustomerList, (await call(store.baseUrl, `/customers?search=${encodeURIComponent("robert'); drop")}`)).body);
    assert.deepEqual(found.customers.map((c) => c.companyName), [hostile]);
    // % and _ are letters in a search, not wildcards.
    assert.deepEqual(parse(CustomerList, (await call(store.baseUrl, '/customers?search=%25%25')).body).customers, []);
    assert.deepEqual(parse(CustomerList, (await call(store.baseUrl, '/customers?search=_')).body).customers.map((c) => c.companyName), [hostile]);
    const tables = await store.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name IN ('orders', 'customers', 'idempotency_keys')`);
    assert.equal(tables[0]!.n, 3);
  });

  it('shows hostile names on Microsoft’s acceptance page as text', async () => {
    const name = `<img src=x onerror=alert(1)> & "Co" 'Ltd'`;
    const created = await call(store.baseUrl, '/agreement-acceptances', {
      method: 'POST',
      json: { signatory: { firstName: '<b>Eve</b>', lastName: 'O\'Hara', email: 'eve@example.com' }, company: { name, country: 'US', language: 'en' } },
    });
    const request = parse(AcceptanceRequest, created.body);
    assert.equal(request.company?.name, name);
    const page = await (await fetch(request.url)).text();
    assert.ok(!page.includes('<img') && !page.includes('<b>Eve'), page);
    assert.ok(page.includes('&#60;img src=x onerror=alert(1)&#62;'));
  });

  it('answers malformed bodies with problems, never a 500', async () => {
    const bodies = ['null', '[]', '42', '"text"', '{"lines": "all"}', '{"lines":[{"productId":{"$gt":""}}]}', `{"recipient":${'['.repeat(5000)}${']'.repeat(5000)}}`, JSON.stringify({ lines: [{ productId: 'x'.repeat(100_000) }] })];
    for (const text of bodies) {
      for (const path of ['/orders', '/quotes', '/addresses/validate']) {
        const answer = await call(store.baseUrl, path, { method: 'POST', body: text, headers: { 'content-type': 'application/json', 'idempotency-key': nextKey() } });
        assert.ok(answer.status === 400 || answer.status === 422, `${path} ${text.slice(0, 40)}: ${answer.status}`);
        parse(Problem, answer.body);
      }
    }
    const huge = await call(store.baseUrl, '/quotes', { method: 'POST', json: { lines: [], pad: 'x'.repeat(1_100_000) } });
    assert.equal(huge.status, 413);
    const key = await call(store.baseUrl, '/orders', { method: 'POST', json: newTenantOrder('Long Key', uniquePrefix('longkey')), key: 'k'.repeat(300) });
    assert.equal(key.status, 422);
  });
});

describe('Partner Center’s refusals as the contract’s problems', () => {
  let store: Awaited<ReturnType<typeof startStore>>;
  before(async () => {
    store = await startStore({ simulator });
  });
  after(() => store.close());

  it('fails a purchase Microsoft refuses with 13605, says why, and asks for the agreement next time', async () => {
    simulator.failNextCheckout('contoso.onmicrosoft.com', '13605', 'The customer has not accepted the Microsoft Customer Agreement. (internal trace 0x2f)');
    const placed = await call(store.baseUrl, '/orders', { method: 'POST', json: { lines: [{ productId: E3, term: 'P1Y', billing: 'monthly', quantity: 2 }], recipient: { kind: 'existing', customerId: 'cst-7f3a2c91' } }, key: nextKey() });
    assert.equal(placed.status, 201);
    const failed = await pollOrder(store.baseUrl, placed.body.id, (o) => o.status === 'failed' || o.status === 'completed');
    assert.equal(failed.status, 'failed');
    assert.equal(failed.retryable, false);
    assert.match(failed.tasks[0]!.detail ?? '', /Microsoft Customer Agreement.*13605/);
    assert.doesNotMatch(JSON.stringify(failed), /internal trace/);
    const contoso = parse(CustomerList, (await call(store.baseUrl, '/customers?search=contoso')).body).customers[0]!;
    assert.equal(contoso.agreementOnFile, false);
    const again = await call(store.baseUrl, '/orders', { method: 'POST', json: { lines: [{ productId: E3, term: 'P1Y', billing: 'monthly', quantity: 2 }], recipient: { kind: 'existing', customerId: 'cst-7f3a2c91' } }, key: nextKey() });
    assert.equal(again.status, 422);
    assert.deepEqual(again.body.errors.map((e: { field: string }) => e.field), ['agreement']);
  });

  it('turns "under review" into a waiting review task, and completes once Microsoft approves', async () => {
    const prefix = uniquePrefix('review');
    const placed = await call(store.baseUrl, '/orders', { method: 'POST', json: newTenantOrder('Review Pending Ltd', prefix), key: nextKey() });
    const waiting = await pollOrder(store.baseUrl, placed.body.id, (o) => o.status === 'waiting');
    const review = waiting.tasks.find((t) => t.kind === 'review-customer')!;
    assert.equal(review.status, 'waiting');
    assert.match(review.detail ?? '', /close this page/);
    assert.deepEqual(waiting.tasks.map((t) => t.kind), ['create-tenant', 'link-reseller', 'record-agreement', 'review-customer', 'create-subscription', 'create-subscription']);
    simulator.approveReview(`${prefix}.onmicrosoft.com`);
    const done = await pollOrder(store.baseUrl, placed.body.id, (o) => o.status === 'completed' || o.status === 'failed');
    assert.equal(done.status, 'completed');
  });

  it('answers 503 with Retry-After when Partner Center is down, without its words', async () => {
    simulator.inject({ method: 'HEAD', path: '/v1/domains/', status: 503, description: 'Backend pool exhausted at node pc-17', times: 4 }); // the store's four attempts
    const answer = await call(store.baseUrl, '/domains/northwindnew');
    assert.equal(answer.status, 503);
    assert.equal(parse(Problem, answer.body).code, 'partner-center-unavailable');
    assert.ok(answer.headers.get('retry-after'));
    assert.doesNotMatch(JSON.stringify(answer.body), /pc-17/);
  });
});

describe('a store that wants the acceptance before the order', () => {
  it('refuses an order on a pending request, and takes it once the customer accepted', async () => {
    const store = await startStore({ simulator, rules: { acceptanceBeforeOrder: true } });
    try {
      assert.equal((await call(store.baseUrl, '/agreement')).body.acceptanceRequiredBeforeOrder, true);
      const request = parse(
        AcceptanceRequest,
        (await call(store.baseUrl, '/agreement-acceptances', { method: 'POST', json: { signatory: { firstName: 'Kim', lastName: 'Lee', email: 'kim@example.com' }, company: { name: 'Strict Rules Ltd', country: 'US', language: 'en' } } })).body,
      );
      assert.equal(request.requiredBeforeOrder, true);
      const body = { ...newTenantOrder('Strict Rules Ltd', uniquePrefix('strict')), agreement: undefined, agreementAcceptanceId: request.id };
      const early = await call(store.baseUrl, '/orders', { method: 'POST', json: body, key: nextKey() });
      assert.deepEqual(early.body.errors.map((e: { field: string }) => e.field), ['agreementAcceptanceId']);
      await fetch(request.url, { method: 'POST', body: new URLSearchParams() });
      const placed = await call(store.baseUrl, '/orders', { method: 'POST', json: body, key: nextKey() });
      assert.equal(placed.status, 201, JSON.stringify(placed.body));
      assert.equal((await pollOrder(store.baseUrl, placed.body.id, (o) => o.status === 'completed' || o.status === 'failed')).status, 'completed');
    } finally {
      await store.close();
    }
  });
});

describe('who may see what', () => {
  const northwind: ResellerConfig = { id: 'northwind', name: 'Northwind IT', domain: 'northwindit.onmicrosoft.com', apiKeys: ['nw-key-0123456789abcdef'], origins: ['https://shop.northwind.example'], demoCustomers: true };
  const tailspin: ResellerConfig = { id: 'tailspin', name: 'Tailspin Resellers', domain: 'tailspinit.onmicrosoft.com', apiKeys: ['ts-key-0123456789abcdef'], origins: ['https://tailspin.example'], demoCustomers: false };
  let store: Awaited<ReturnType<typeof startStore>>;
  let jwks: ReturnType<typeof createServer>;
  let privateKey: CryptoKey;
  before(async () => {
    const keys = await generateKeyPair('ES256');
    privateKey = keys.privateKey as CryptoKey;
    const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'k1', alg: 'ES256' };
    jwks = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`;
    store = await startStore({ simulator, resellers: [northwind, tailspin], jwt: { jwksUrl, issuer: 'https://id.example', audience: 'license-checkout', resellerClaim: 'reseller' } });
  });
  after(async () => {
    await store.close();
    jwks.close();
  });

  const jwt = (claims: Record<string, unknown>, options: { issuer?: string; expires?: string } = {}) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).setIssuer(options.issuer ?? 'https://id.example').setAudience('license-checkout').setIssuedAt().setExpirationTime(options.expires ?? '5m').sign(privateKey);

  it('refuses requests without a valid token', async () => {
    for (const token of [undefined, 'nope', await jwt({ reseller: 'northwind' }, { issuer: 'https://evil.example' }), await jwt({ reseller: 'northwind' }, { expires: '-1m' }), await jwt({ reseller: 'someone-else' })]) {
      const answer = await call(store.baseUrl, '/catalog', { token });
      assert.equal(answer.status, 401, String(token));
      assert.equal(parse(Problem, answer.body).code, 'unauthorized');
    }
    assert.equal((await call(store.baseUrl, '/catalog', { token: await jwt({ reseller: 'tailspin' }) })).status, 200);
  });

  it('keeps each reseller’s customers and orders to itself: another’s order is a 404', async () => {
    const nw = 'nw-key-0123456789abcdef';
    const ts = await jwt({ reseller: 'tailspin' });
    assert.ok(parse(CustomerList, (await call(store.baseUrl, '/customers', { token: nw })).body).customers.length >= 6);
    assert.deepEqual(parse(CustomerList, (await call(store.baseUrl, '/customers', { token: ts })).body).customers, []);

    const placed = await call(store.baseUrl, '/orders', { method: 'POST', json: newTenantOrder('Isolated Ltd', uniquePrefix('isolated')), key: 'shared-key', token: nw });
    assert.equal(placed.status, 201);
    const id = placed.body.id;
    const theirs = await call(store.baseUrl, `/orders/${id}`, { token: ts });
    const missing = await call(store.baseUrl, '/orders/ord_00000000000000000000', { token: ts });
    assert.equal(theirs.status, 404);
    assert.deepEqual({ ...theirs.body, detail: undefined }, { ...missing.body, detail: undefined });
    assert.equal((await call(store.baseUrl, `/orders/${id}/events`, { token: ts })).status, 404);
    // Keys are per reseller: the same key is another order for another reseller.
    const mine = await call(store.baseUrl, '/orders', { method: 'POST', json: { lines: [{ productId: E3, term: 'P1Y', billing: 'monthly', quantity: 1 }], recipient: { kind: 'internal' } }, key: 'shared-key', token: ts });
    assert.equal(mine.status, 201);
    assert.equal(mine.body.recipient.companyName, 'Tailspin Resellers');
    // Northwind's customers are not Tailspin's to order for.
    const cross = await call(store.baseUrl, '/orders', { method: 'POST', json: { lines: [{ productId: E3, term: 'P1Y', billing: 'monthly', quantity: 1 }], recipient: { kind: 'existing', customerId: 'cst-7f3a2c91' }, agreement: acceptance }, key: nextKey(), token: ts });
    assert.deepEqual(cross.body.errors.map((e: { field: string }) => e.field), ['recipient.customerId']);
    await pollOrder(store.baseUrl, id, (o) => o.status === 'completed', { token: nw });
    assert.deepEqual(parse(CustomerList, (await call(store.baseUrl, '/customers?search=isolated', { token: ts })).body).customers, []);
    assert.equal(parse(CustomerList, (await call(store.baseUrl, '/customers?search=isolated', { token: nw })).body).customers.length, 1);
  });

  it('keeps acceptance requests to their reseller too', async () => {
    const created = await call(store.baseUrl, '/agreement-acceptances', {
      method: 'POST',
      token: 'nw-key-0123456789abcdef',
      json: { signatory: { firstName: 'Dana', lastName: 'W', email: 'dana@example.com' }, company: { name: 'Private Ltd', country: 'US', language: 'en' } },
    });
    assert.equal(created.status, 201);
    const other = await call(store.baseUrl, `/agreement-acceptances/${created.body.id}`, { token: 'ts-key-0123456789abcdef' });
    assert.equal(other.status, 404);
    assert.equal((await call(store.baseUrl, `/agreement-acceptances/${created.body.id}/link`, { method: 'POST', token: 'ts-key-0123456789abcdef' })).status, 404);
    const order = await call(store.baseUrl, '/orders', {
      method: 'POST',
      token: 'ts-key-0123456789abcdef',
      key: nextKey(),
      json: { ...newTenantOrder('Private Ltd', uniquePrefix('private')), agreement: undefined, agreementAcceptanceId: created.body.id },
    });
    assert.deepEqual(order.body.errors.map((e: { field: string }) => e.field), ['agreementAcceptanceId']);
  });

  it('allows each reseller’s own origins only (CORS)', async () => {
    const preflight = await fetch(`${store.baseUrl}/orders`, { method: 'OPTIONS', headers: { origin: 'https://shop.northwind.example', 'access-control-request-method': 'POST' } });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://shop.northwind.example');
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Idempotency-Key/);
    const stranger = await fetch(`${store.baseUrl}/orders`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    assert.equal(stranger.headers.get('access-control-allow-origin'), null);
    const own = await call(store.baseUrl, '/catalog', { token: 'nw-key-0123456789abcdef', headers: { origin: 'https://shop.northwind.example' } });
    assert.equal(own.headers.get('access-control-allow-origin'), 'https://shop.northwind.example');
    const other = await call(store.baseUrl, '/catalog', { token: 'nw-key-0123456789abcdef', headers: { origin: 'https://tailspin.example' } });
    assert.equal(other.status, 200);
    assert.equal(other.headers.get('access-control-allow-origin'), null);
  });
});

