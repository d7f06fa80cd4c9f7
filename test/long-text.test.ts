/**
 * Long text from a person or a backend never widens the host page (issue 15 items 3 and 4):
 * a 10,000-character customer search echoed back, a refused order's 10,000-character
 * `detail`, a provisioning task's 10,000-character label and detail. And the customer search
 * is limited, with a refused search reported as what it is, not as a connection problem.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Order } from '../src/api/schemas.js';
import '../src/components/provisioning/provisioning.js';
import type { LcProvisioning } from '../src/components/provisioning/provisioning.js';
import { SEARCH_MAX_LENGTH } from '../src/components/customer-type/customer-type.js';
import { chooseInternal, fillCart, mountCheckout, openCustomerSearch, placeOrderButton, reviewWithQuote, text } from './helpers/flow.js';
import { createTestMock } from './helpers/mock.js';

const LONG = 'W'.repeat(10_000);

/** The host page does not scroll sideways. */
function expectNoSidewaysScroll(what: string): void {
  const root = document.documentElement;
  expect(root.scrollWidth, `${what}: the page is ${root.scrollWidth}px wide in a ${root.clientWidth}px viewport`).to.be.at.most(root.clientWidth);
}

/** Types `value` into the search as one input event (a paste past the limit, or a script). */
function search(root: ShadowRoot, value: string): HTMLInputElement {
  const input = root.querySelector<HTMLInputElement>('input[type="search"]')!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  return input;
}

async function toCustomerSearch(mock: Awaited<ReturnType<typeof createTestMock>>): Promise<ShadowRoot> {
  const el = await mountCheckout(mock);
  await fillCart(el);
  return openCustomerSearch(el);
}

describe('long text and the customer search limit', () => {
  beforeEach(() => {
    sessionStorage.clear();
  });
  afterEach(() => {
    sessionStorage.clear();
  });

  it('a 10,000-character customer search: limited where it is sent, echoed in "No customer matches" without widening the page', async () => {
    const mock = await createTestMock({ speed: 1000 });
    const root = await toCustomerSearch(mock);
    const input = search(root, LONG);
    expect(input.maxLength).to.equal(SEARCH_MAX_LENGTH);
    await waitUntil(() => /No customer matches/.test(text(root.querySelector('[part~="search-status"]'))), 'no "No customer matches" message', { timeout: 4000 });
    expectNoSidewaysScroll('the search echoed');
    const searches = await mock.requests({ method: 'GET', path: '/customers' });
    const last = new URLSearchParams(searches.at(-1)!.search).get('search')!;
    expect(last.length).to.equal(SEARCH_MAX_LENGTH);
  });

  it('a search the server refuses (414) is reported as refused, not as a connection problem', async () => {
    const mock = await createTestMock({ speed: 1000 });
    const root = await toCustomerSearch(mock);
    await waitUntil(() => root.querySelector('[part~="search-status"]') && !/Searching/.test(text(root.querySelector('[part~="search-status"]'))));
    await mock.inject({ method: 'GET', path: '/customers', status: 414, body: '<html><body>URI Too Long</body></html>', headers: { 'content-type': 'text/html' } });
    search(root, 'Contoso');
    await waitUntil(() => root.querySelector('[part~="search-failed"]'), 'the refusal was not shown', { timeout: 4000 });
    const message = text(root.querySelector('[part~="search-failed"]'));
    expect(message).to.contain('refused');
    expect(message).to.contain('414');
    expect(message).to.not.contain('connection');
    // Lost connection is still told as such.
    await mock.inject({ method: 'GET', path: '/customers', networkError: true });
    search(root, 'Fabrikam');
    await waitUntil(() => /connection/.test(text(root.querySelector('[part~="search-failed"]'))), 'a network error was not told as one', { timeout: 4000 });
  });

  it("a refused order's 10,000-character detail wraps in the review", async () => {
    const mock = await createTestMock({ speed: 1000 });
    const el = await mountCheckout(mock);
    await fillCart(el);
    await chooseInternal(el);
    const review = await reviewWithQuote(el);
    await mock.inject({ method: 'POST', path: '/orders', status: 409, body: { type: 'about:blank', title: 'Conflict', status: 409, code: 'conflict', detail: LONG } });
    placeOrderButton(el).click();
    await waitUntil(() => text(review.querySelector('[part~="error"]')).includes('WWWW'), 'the refusal was not shown', { timeout: 4000 });
    expectNoSidewaysScroll('the refused order');
  });

  it("a provisioning task's 10,000-character label and detail wrap", async () => {
    const now = new Date().toISOString();
    const order: Order = {
      id: 'ord_0000000longtext',
      status: 'failed',
      createdAt: now,
      updatedAt: now,
      recipient: { kind: 'new', companyName: LONG, domain: `${'x'.repeat(200)}.onmicrosoft.com` },
      currency: 'USD',
      lines: [{ productId: 'cfq7ttc0lfld-0001', term: 'P1Y', billing: 'monthly', quantity: 1 }],
      firstInvoiceTotal: 3600,
      tasks: [
        { id: 'task_1', kind: 'create-tenant', label: LONG, status: 'succeeded', detail: LONG },
        { id: 'task_2', kind: 'create-subscription', label: LONG, status: 'failed', detail: LONG },
      ],
      progress: 0.5,
      retryable: true,
    };
    const el = await fixture<LcProvisioning>(html`<lc-provisioning lang="en" .order=${order}></lc-provisioning>`);
    await el.updateComplete;
    expect(text(el.shadowRoot!)).to.contain('WWWW');
    expectNoSidewaysScroll('the provisioning tasks');
    el.order = { ...order, status: 'provisioning', tasks: order.tasks.map((t) => ({ ...t, status: 'running' as const })) };
    await el.updateComplete;
    expectNoSidewaysScroll('the running tasks');
  });
});
