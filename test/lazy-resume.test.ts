/**
 * The script-tag file after a reload with something to restore: a draft past the cart, or a
 * placed order. The checkout loads its core at once (not when idle), shows the step it comes
 * back to as loading meanwhile, and then resumes there, as `import 'license-checkout'` does
 * from the start. Needs `npm run build`.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createTestMock, type TestMock } from './helpers/mock.js';
import { forgetCarts, loadScriptTagFile, shown } from './helpers/lazy.js';

type Checkout = HTMLElement & { step: string; state: { recipientKind?: string; orderId?: string }; updateComplete: Promise<boolean> };

/** What the checkout keeps its storage under for this mock: its absolute base URL. */
const scopeOf = (mock: TestMock) => mock.baseUrl.replace(/\/+$/, '');
const E3 = 'cfq7ttc0lfld-0001';

describe('script-tag file: a reload resumes through the lazily loaded core', () => {
  const idle = window.requestIdleCallback;
  const stored: Array<[Storage, string]> = [];

  before(loadScriptTagFile);
  beforeEach(() => {
    // Nothing is fetched while idle: whatever arrives was loaded at once.
    window.requestIdleCallback = () => 0;
  });
  afterEach(() => {
    window.requestIdleCallback = idle;
    for (const [storage, key] of stored.splice(0)) storage.removeItem(key);
    forgetCarts();
  });

  function store(storage: Storage, key: string, value: unknown): void {
    storage.setItem(key, JSON.stringify(value));
    stored.push([storage, key]);
  }

  it('a draft past the cart and a placed order: each shows its step loading, then resumes it', async () => {
    // Two backends: a draft at the review for an internal order on one, a placed order on the other.
    const [drafted, ordered] = await Promise.all([createTestMock(), createTestMock()]);
    const line = { productId: E3, term: 'P1Y', billing: 'monthly', quantity: 3 };
    store(localStorage, `license-checkout:cart:${scopeOf(drafted)}`, { version: 1, lines: [line] });
    store(sessionStorage, `license-checkout:draft:${scopeOf(drafted)}`, {
      v: 1,
      step: 'review',
      recipientKind: 'internal',
      company: {},
      tenant: { hasTenant: false, domain: '', prefix: '' },
      agreementDraft: {},
    });
    const placed = await fetch(`${ordered.baseUrl}/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `lazy-resume-${Date.now()}` },
      body: JSON.stringify({ lines: [line], recipient: { kind: 'internal' } }),
    });
    expect(placed.status, 'the mock took the order').to.equal(201);
    const { id: orderId } = (await placed.json()) as { id: string };
    store(sessionStorage, `license-checkout:order:${scopeOf(ordered)}`, { orderId });

    const [draft, order] = await Promise.all([
      fixture<Checkout>(html`<lc-checkout api-base=${drafted.baseUrl} lang="en-US"></lc-checkout>`),
      fixture<Checkout>(html`<lc-checkout api-base=${ordered.baseUrl} lang="en-US"></lc-checkout>`),
    ]);
    // Before the core: the step each comes back to, loading, and not the cart.
    for (const [el, step, heading] of [
      [draft, 'review', 'Review'],
      [order, 'provisioning', 'Order'],
    ] as const) {
      const placeholder = el.shadowRoot!.querySelector(`[data-step="${step}"].step-loading`);
      expect(placeholder, `${step}: loading`).to.exist;
      expect(shown(placeholder!.querySelector('h2'))).to.equal(heading);
      expect((el.shadowRoot!.querySelector('lc-cart') as HTMLElement).hidden, `${step}: the cart`).to.equal(true);
    }

    await waitUntil(() => draft.shadowRoot!.querySelector('lc-order-review'), 'the draft never resumed', { timeout: 5000 });
    expect(draft.step).to.equal('review');
    expect(draft.state.recipientKind).to.equal('internal');
    await waitUntil(() => order.shadowRoot!.querySelector('lc-provisioning'), 'the order never resumed', { timeout: 5000 });
    expect(order.step).to.equal('provisioning');
    expect(order.state.orderId).to.equal(orderId);
    const progress = order.shadowRoot!.querySelector('lc-provisioning')!;
    await waitUntil(() => shown(progress.shadowRoot?.querySelector('[part~="order-id"]')).includes(orderId), 'the order is not shown', { timeout: 5000 });
    expect(draft.shadowRoot!.querySelector('.step-loading')).to.equal(null);
    expect(order.shadowRoot!.querySelector('.step-loading')).to.equal(null);
  });
});
