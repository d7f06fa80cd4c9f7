/**
 * The widget against the server: a whole checkout for a new customer in real Chromium, from
 * the cart to the completed order, with `<lc-checkout>` talking to the server over HTTP (cross
 * origin, so CORS is part of it) and the server provisioning through the simulator.
 */
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import { click, confirmedOrderId, fillCart, mountCheckout, newCustomerToReview, placeOrderButton, reviewWithQuote, text, waitForOrderStatus } from '../../test/helpers/flow.js';
import type { TestMock } from '../../test/helpers/mock.js';
import { storageKey } from '../../src/checkout/cart-store.js';

const { baseUrl } = (await (await fetch('/__server')).json()) as { baseUrl: string };

describe('the checkout against the reference server', () => {
  // The checkout keeps its draft (and a placed order's id) in sessionStorage across reloads,
  // so each test starts without the one before's; of localStorage only the cart it filled goes.
  const cartKey = storageKey(new URL(baseUrl, document.baseURI).href);
  const forget = () => {
    sessionStorage.clear();
    localStorage.removeItem(cartKey);
  };
  beforeEach(forget);
  afterEach(forget);

  it('orders for a new customer and follows provisioning to the end', async () => {
    const el = await mountCheckout({ baseUrl } as TestMock, { retry: 0, timeout: 10_000 });
    await fillCart(el);
    await newCustomerToReview(el, 'Browser Flow Ltd');
    placeOrderButton(el).click();
    const id = await confirmedOrderId(el);
    expect(id).to.match(/^ord_/);
    const shown = await waitForOrderStatus(el, 'completed', 30_000);
    expect(text(shown.shadowRoot!.querySelector('[part~="step-heading"]'))).to.equal('Your order is complete');
    expect(shown.order!.tasks.map((t) => t.kind)).to.include.members(['create-tenant', 'record-agreement', 'create-subscription']);
    // The server has it too, as the page saw it.
    const order = await (await fetch(`${baseUrl}/orders/${id}`)).json();
    expect(order.status).to.equal('completed');
  });

  it('shows a refused subscription as failed, and Try again completes on the same tenant', async () => {
    const el = await mountCheckout({ baseUrl } as TestMock, { retry: 0, timeout: 10_000 });
    await fillCart(el);
    await newCustomerToReview(el, 'Fail Browser Flow Ltd');
    placeOrderButton(el).click();
    const first = await confirmedOrderId(el);
    const failed = await waitForOrderStatus(el, 'failed', 30_000);
    expect(text(failed.shadowRoot!.querySelector('[part~="step-heading"]'))).to.equal('Your order could not be completed');
    await click(failed.shadowRoot!, 'Try again');
    await reviewWithQuote(el);
    placeOrderButton(el).click();
    const shown = await waitForOrderStatus(el, 'completed', 30_000);
    expect(shown.order!.id).to.not.equal(first);
    expect(shown.order!.tasks.map((t) => t.kind)).to.not.include('create-tenant');
  });
});
