/**
 * The script-tag file, Checkout pressed before the checkout's core arrived and its file failing:
 * the step list's Cart leads back to the cart, and Checkout later still brings the core. A page
 * of its own (the core, once loaded, stays for the page). Needs `npm run build`.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { checkoutButton, checkoutWithCart, forgetCarts, loadScriptTagFile, shown, stepFiles } from './helpers/lazy.js';

type Checkout = HTMLElement & { step: string; updateComplete: Promise<boolean> };

/** The step list's current item. */
const currentStep = (el: HTMLElement) => el.shadowRoot!.querySelector('[part~="step-item"][aria-current="step"]');

describe('script-tag file: back to the cart before the core arrives', () => {
  before(loadScriptTagFile);
  after(() => stepFiles(false));
  afterEach(forgetCarts);
  it("the step list's Cart leads back from the step waiting for the core; Checkout later still works", async () => {
    await stepFiles(true);
    const el = (await checkoutWithCart()) as Checkout;
    checkoutButton(el)!.click();
    await el.updateComplete;
    const placeholder = () => el.shadowRoot!.querySelector('[data-step="customer-type"].step-loading');
    await waitUntil(() => placeholder()?.querySelector('[part~="failed"]'), 'no failure shown', { timeout: 5000 });
    const back = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="step-button"]')!;
    expect(back.getAttribute('aria-label')).to.equal('Go back to Cart');
    back.click();
    await el.updateComplete;
    const cart = el.shadowRoot!.querySelector('lc-cart') as HTMLElement;
    expect(cart.hidden).to.equal(false);
    expect(placeholder()).to.equal(null);
    expect(shown(currentStep(el))).to.equal('Cart');
    await waitUntil(() => el.shadowRoot!.activeElement === cart, 'focus did not move to the cart', { timeout: 2000 });
    expect(el.step).to.equal('cart');

    // The file can be loaded now: Checkout brings the core, which starts the checkout.
    await stepFiles(false);
    checkoutButton(el)!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('lc-customer-type'), 'the step never arrived', { timeout: 5000 });
    expect(el.step).to.equal('customer-type');
    expect(shown(currentStep(el))).to.equal('Recipient');
  });
});
