import { expect } from '@open-wc/testing';
import type { OrderRequest } from '../src/api/schemas.js';
import { clearOrderRef, loadOrderRef, loadPendingOrder, orderStorageKey, saveOrderRef, savePendingOrder } from '../src/checkout/order-storage.js';
import { draftStorageKey } from '../src/checkout/draft-storage.js';
import { storedResumeStep } from '../src/checkout/session-storage.js';

const SCOPE = 'http://localhost:8000/mock/storage-test';

describe('order storage', () => {
  let warn: typeof console.warn;
  let warnings: unknown[][];

  beforeEach(() => {
    sessionStorage.clear();
    warn = console.warn;
    warnings = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
  });
  afterEach(() => {
    console.warn = warn;
    sessionStorage.clear();
  });

  it('keeps the order id and idempotency key in sessionStorage under the backend, and clears them', () => {
    saveOrderRef(SCOPE, { orderId: 'ord_123', idempotencyKey: 'key-1' });
    expect(sessionStorage.getItem('license-checkout:order:' + SCOPE)).to.be.a('string');
    expect(orderStorageKey(SCOPE)).to.equal(`license-checkout:order:${SCOPE}`);
    expect(localStorage.getItem(orderStorageKey(SCOPE))).to.equal(null);
    expect(loadOrderRef(SCOPE)).to.deep.equal({ orderId: 'ord_123', idempotencyKey: 'key-1' });
    // Another backend has its own reference.
    expect(loadOrderRef('http://other.example/api')).to.equal(undefined);
    saveOrderRef(SCOPE, { orderId: 'ord_456' });
    expect(loadOrderRef(SCOPE)).to.deep.equal({ orderId: 'ord_456' });
    clearOrderRef(SCOPE);
    expect(loadOrderRef(SCOPE)).to.equal(undefined);
    expect(sessionStorage.length).to.equal(0);
    expect(warnings).to.have.length(0);
  });

  it('keeps an order being sent (request and key) until its reference replaces it; each form reads only as itself', () => {
    const request: OrderRequest = { lines: [{ productId: 'p-1', term: 'P1Y', billing: 'monthly', quantity: 2 }], recipient: { kind: 'internal' } };
    expect(savePendingOrder(SCOPE, { idempotencyKey: 'key-3', request })).to.equal(true);
    expect(loadPendingOrder(SCOPE)).to.deep.equal({ idempotencyKey: 'key-3', request });
    expect(loadOrderRef(SCOPE)).to.equal(undefined);
    saveOrderRef(SCOPE, { orderId: 'ord_3', idempotencyKey: 'key-3' });
    expect(loadPendingOrder(SCOPE)).to.equal(undefined);
    expect(loadOrderRef(SCOPE)).to.deep.equal({ orderId: 'ord_3', idempotencyKey: 'key-3' });
    // A request that is no order request is not stored.
    expect(savePendingOrder(SCOPE, { idempotencyKey: 'key-4', request: { lines: [] } as never })).to.equal(false);
    expect(loadOrderRef(SCOPE)).to.deep.equal({ orderId: 'ord_3', idempotencyKey: 'key-3' });
    expect(warnings).to.have.length(1);
  });

  it('drops a corrupted entry with a warning', () => {
    for (const corrupted of ['{not json', '{"orderId":""}', '{"orderId":42}', '[]', 'null', '{"idempotencyKey":"k"}']) {
      sessionStorage.setItem(orderStorageKey(SCOPE), corrupted);
      expect(loadOrderRef(SCOPE), corrupted).to.equal(undefined);
      expect(sessionStorage.getItem(orderStorageKey(SCOPE)), corrupted).to.equal(null);
    }
    expect(warnings).to.have.length(6);
    expect(String(warnings[0]![0])).to.contain('corrupted');
  });

  it('never stores anything secret, even when handed a whole order with credentials', () => {
    const order = {
      orderId: 'ord_789',
      idempotencyKey: 'key-2',
      id: 'ord_789',
      credentials: { userName: 'admin@northwind.onmicrosoft.com', temporaryPassword: 'S3cret!pass' },
      temporaryPassword: 'S3cret!pass',
    };
    saveOrderRef(SCOPE, order);
    const stored = sessionStorage.getItem(orderStorageKey(SCOPE))!;
    expect(JSON.parse(stored)).to.deep.equal({ orderId: 'ord_789', idempotencyKey: 'key-2' });
    expect(stored).not.to.contain('S3cret');
    expect(stored).not.to.contain('admin@');
    // Extra members put there by someone else are not handed back either.
    sessionStorage.setItem(orderStorageKey(SCOPE), JSON.stringify({ orderId: 'ord_1', password: 'x' }));
    expect(loadOrderRef(SCOPE)).to.deep.equal({ orderId: 'ord_1' });
  });

  it('does not store an invalid reference', () => {
    saveOrderRef(SCOPE, { orderId: '' });
    expect(sessionStorage.getItem(orderStorageKey(SCOPE))).to.equal(null);
    expect(warnings).to.have.length(1);
  });

  it('storedResumeStep: what a reload restores at once, read without validating it', () => {
    const request = { lines: [{ productId: 'p', term: 'P1Y', billing: 'monthly', quantity: 1 }], recipient: { kind: 'internal' } } as OrderRequest;
    const draft = (step: unknown) => sessionStorage.setItem(draftStorageKey(SCOPE), JSON.stringify({ v: 1, step }));
    expect(storedResumeStep(SCOPE), 'nothing stored').to.equal(undefined);
    draft('cart');
    expect(storedResumeStep(SCOPE), 'a draft at the cart').to.equal(undefined);
    draft('tenant-domain');
    expect(storedResumeStep(SCOPE)).to.equal('tenant-domain');
    expect(storedResumeStep('http://other.example/api'), 'another backend').to.equal(undefined);
    draft('nowhere');
    expect(storedResumeStep(SCOPE), 'no step of the checkout').to.equal(undefined);
    sessionStorage.setItem(draftStorageKey(SCOPE), '{not json');
    expect(storedResumeStep(SCOPE)).to.equal(undefined);
    // An order still being sent: where its draft is, else at the cart; a placed one: its progress.
    savePendingOrder(SCOPE, { idempotencyKey: 'key-1', request });
    expect(storedResumeStep(SCOPE)).to.equal('cart');
    draft('review');
    expect(storedResumeStep(SCOPE)).to.equal('review');
    saveOrderRef(SCOPE, { orderId: 'ord_123' });
    expect(storedResumeStep(SCOPE)).to.equal('provisioning');
    expect(warnings).to.deep.equal([]);
  });
});
