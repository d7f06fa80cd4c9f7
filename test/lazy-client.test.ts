/**
 * The script-tag file's `HttpCheckoutApi`: the file carries the cart's schemas only; every other
 * answer is validated with schemas that travel in the steps' file, loaded alongside the first
 * call that needs them. A page using the client alone (no checkout) sees the same calls and
 * errors as with the ES modules, and a failed load of that file is a `NetworkError` of the call,
 * gone once the file loads again. Needs `npm run build`.
 */
import { expect } from '@open-wc/testing';
import type { HttpCheckoutApi as Client } from '../src/api/client.js';
import type { isNetworkError as IsNetworkError } from '../src/api/errors.js';
import { E3, internalOrder, rejection } from './helpers/client.js';
import { COPY, loadScriptTagFile, stepFiles } from './helpers/lazy.js';
import { createTestMock } from './helpers/mock.js';

describe('script-tag file: the client loads the rest of the contract with the steps', () => {
  let file: { HttpCheckoutApi: typeof Client; isNetworkError: typeof IsNetworkError };
  before(async () => {
    await loadScriptTagFile();
    file = (await import(/* @vite-ignore */ `${COPY}license-checkout.js`)) as typeof file;
  });
  after(() => stepFiles(false));

  it('reads the catalog without the steps; a later answer, when their file fails, is a NetworkError of that call; the next call loads it', async () => {
    const mock = await createTestMock();
    const api = new file.HttpCheckoutApi({ baseUrl: mock.baseUrl, retry: 0 });
    const before = (await stepFiles(true)).length;

    const catalog = await api.getCatalog();
    expect(catalog.products.map((p) => p.id)).to.include(E3);
    expect((await stepFiles()).length, 'steps fetched for the catalog').to.equal(before);

    // The order is placed, but its answer cannot be validated: as when an answer is lost, the
    // caller keeps the key, and asking again with it returns the same order, never a second one.
    const key = 'lazy-client-order-1';
    const error = (await rejection(api.placeOrder(internalOrder, { idempotencyKey: key }))) as Error & { endpoint: string; cause: unknown };
    expect(file.isNetworkError(error), String(error)).to.equal(true);
    expect(error.endpoint).to.equal('POST /orders');
    expect(String(error.cause)).to.match(/import/i);
    expect((await stepFiles()).length, 'the steps file was asked for').to.be.greaterThan(before);

    await stepFiles(false);
    const order = await api.placeOrder(internalOrder, { idempotencyKey: key });
    expect(order.status).to.be.oneOf(['provisioning', 'waiting', 'completed']);
    expect(await mock.requests({ method: 'POST', path: '/orders' }), 'both attempts reached the backend').to.have.length(2);
    expect((await api.getOrder(order.id)).id, 'the same order').to.equal(order.id);
    const customers = await api.searchCustomers('Adatum');
    expect(customers.customers.map((c) => c.companyName).join()).to.contain('Adatum');
  });

  it('still validates every later answer as strictly: a broken one is a ContractError', async () => {
    const mock = await createTestMock();
    const api = new file.HttpCheckoutApi({ baseUrl: mock.baseUrl, retry: 0 });
    await mock.inject({ method: 'GET', path: '/customers', status: 200, body: { customers: [{ id: '', companyName: 'x' }] } });
    const error = (await rejection(api.searchCustomers('x'))) as Error & { name: string; issues: Array<{ path: string }> };
    expect(error.name).to.equal('ContractError');
    expect(error.issues.map((i) => i.path)).to.include.members(['customers.0.id', 'customers.0.defaultDomain']);
  });
});
