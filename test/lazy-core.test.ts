/**
 * The script-tag file before the checkout's core arrives (the core: its rules and order, in
 * the steps' file beside it). The checkout is the cart and behaves as documented: `step`,
 * `state`, `provisioningActive`, `addProduct()`. Checkout pressed before the core arrived shows
 * the next step loading, or what failed with Retry; Retry brings the core, which starts the
 * checkout. Needs `npm run build`.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { checkoutButton, checkoutWithCart, forgetCarts, loadScriptTagFile, shown, stepFiles } from './helpers/lazy.js';

type Checkout = HTMLElement & {
  step: string;
  state: { step: string; lines: ReadonlyArray<{ productId: string; quantity: number }>; catalog?: unknown; recipientKind?: string };
  provisioningActive: boolean;
  addProduct(productId: string, options?: { quantity?: number }): Promise<{ productId: string; quantity: number }>;
  reset(): void;
  updateComplete: Promise<boolean>;
};

/** The step list's current item. */
const currentStep = (el: HTMLElement) => el.shadowRoot!.querySelector('[part~="step-item"][aria-current="step"]');

describe('script-tag file: the checkout before its core arrives', () => {
  before(loadScriptTagFile);
  after(() => stepFiles(false));
  afterEach(forgetCarts);

  it('is the cart until then; Checkout shows the next step loading, Retry after a failed load, and the core takes over', async () => {
    // The steps' file (with the core) fails: neither the idle prefetch nor Checkout can bring it.
    await stepFiles(true);
    const before = (await stepFiles()).length;
    const el = (await checkoutWithCart()) as Checkout;
    await waitUntil(async () => (await stepFiles()).length > before, 'the core was never prefetched', { timeout: 5000 });
    const steps: string[] = [];
    el.addEventListener('lc-step-change', (e) => steps.push(e.step));

    // The documented surface, before the core.
    expect(el.step).to.equal('cart');
    expect(el.provisioningActive).to.equal(false);
    expect(el.state.step).to.equal('cart');
    expect(el.state.lines.map((l) => [l.productId, l.quantity])).to.deep.equal([['cfq7ttc0lfld-0001', 3]]);
    expect(el.state.catalog, 'the catalog the cart has').to.exist;
    const cartChanges: number[] = [];
    el.addEventListener('lc-cart-change', (e) => cartChanges.push(e.lines.length));
    const added = await el.addProduct('cfq7ttc0ldpb-0001', { quantity: 2 });
    expect([added.productId, added.quantity]).to.deep.equal(['cfq7ttc0ldpb-0001', 2]);
    expect(cartChanges).to.deep.equal([2]);
    expect(el.state.lines).to.have.length(2);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.step-loading'), 'no placeholder on the cart').to.equal(null);

    // Checkout: the next step's heading, then what failed, with Retry; the cart is hidden.
    checkoutButton(el)!.click();
    await el.updateComplete;
    const placeholder = () => el.shadowRoot!.querySelector('[data-step="customer-type"].step-loading');
    expect(placeholder(), 'the next step, loading').to.exist;
    expect(shown(placeholder()!.querySelector('h2'))).to.equal('Recipient');
    expect(el.shadowRoot!.activeElement).to.equal(placeholder()!.querySelector('h2'));
    expect((el.shadowRoot!.querySelector('lc-cart') as HTMLElement).hidden).to.equal(true);
    // The step list says where the user is: the step on screen, not the cart.
    expect(shown(currentStep(el))).to.equal('Recipient');
    expect(shown(el.shadowRoot!.querySelector('[part~="step-caption"]'))).to.equal('Recipient');
    const failed = () => placeholder()?.querySelector('[part~="failed"]');
    await waitUntil(failed, 'no failure shown', { timeout: 5000 });
    expect(failed()!.getAttribute('role')).to.equal('alert');
    expect(shown(failed())).to.contain('This step could not be loaded.');
    // Nothing moved: the machine is not there to move it.
    expect(el.step).to.equal('cart');
    expect(steps).to.deep.equal([]);

    // Retry, once the file can be loaded: the core starts the checkout where Checkout was pressed.
    await stepFiles(false);
    const retry = [...failed()!.querySelectorAll('button')].find((b) => shown(b) === 'Try again')!;
    retry.focus();
    retry.click();
    await waitUntil(() => el.shadowRoot!.querySelector('lc-customer-type'), 'the step never arrived after Retry', { timeout: 5000 });
    expect(el.step).to.equal('customer-type');
    expect(steps).to.deep.equal(['customer-type']);
    expect(el.state.lines, 'the lines added before the core').to.have.length(2);
    expect(placeholder()).to.equal(null);
    const step = el.shadowRoot!.querySelector('lc-customer-type') as HTMLElement & { updateComplete: Promise<boolean> };
    await step.updateComplete;
    expect(shown(step.shadowRoot!.querySelector('h2'))).to.equal('Customer');
    await waitUntil(() => el.shadowRoot!.activeElement === step, 'focus did not move into the step', { timeout: 2000 });

    // The machine is there: back to the cart, and the order rules apply.
    el.reset();
    await el.updateComplete;
    expect(el.step).to.equal('cart');
    expect((el.shadowRoot!.querySelector('lc-cart') as HTMLElement).hidden).to.equal(false);
  });
});
