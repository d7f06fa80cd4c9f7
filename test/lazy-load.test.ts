/**
 * The script-tag file (dist/license-checkout.js, built from src/script-tag.ts) on a page: it defines
 * the checkout and the cart; each later step's code is a file beside it, fetched from the
 * file's own location, ahead of time while the page is idle once the cart is usable.
 * Needs `npm run build` (npm test builds first).
 */
import { expect } from '@open-wc/testing';
import { COPY, STEP_TAGS, checkoutButton, forgetCarts, checkoutWithCart, loadScriptTagFile, shown, stepFiles } from './helpers/lazy.js';

const scripts = () => performance.getEntriesByType('resource').filter((e) => e.name.includes('/cdn-copy/')).map((e) => new URL(e.name).pathname);

describe('script-tag file: steps loaded when needed', () => {
  before(loadScriptTagFile);
  afterEach(forgetCarts);

  it('defines the checkout and the cart at once, and no step before the cart is shown', () => {
    expect(customElements.get('lc-checkout'), '<lc-checkout>').to.exist;
    expect(customElements.get('lc-cart'), '<lc-cart>').to.exist;
    for (const tag of STEP_TAGS) expect(customElements.get(tag), tag).to.equal(undefined);
    expect(scripts()).to.deep.equal([`${COPY}license-checkout.js`]);
  });

  it('exports what a page without a bundler imports from it, and nothing only the later steps use', async () => {
    const file = (await import(/* @vite-ignore */ `${COPY}license-checkout.js`)) as Record<string, unknown>;
    expect(file['LcCheckout']).to.equal(customElements.get('lc-checkout'));
    expect(file['LcCart']).to.equal(customElements.get('lc-cart'));
    for (const name of ['LcElement', 'VERSION', 'HttpCheckoutApi', 'ApiError', 'ContractError', 'NetworkError', 'isApiError', 'isCheckoutError']) {
      expect(file[name], name).to.exist;
    }
    // The machine, the order's helpers and the schemas are the ES modules' (license-checkout/lazy).
    for (const name of ['checkout', 'OrderFollower', 'NavigationGuard', 'saveOrderRef', 'Catalog', 'LcOrderPlacedEvent']) {
      expect(file[name], name).to.equal(undefined);
    }
    expect(scripts(), 'nothing more fetched').to.deep.equal([`${COPY}license-checkout.js`]);
  });

  it('fetches the steps from beside the file while idle once the cart is shown; the next step then renders at once', async () => {
    const el = await checkoutWithCart();
    await Promise.all(STEP_TAGS.map((tag) => customElements.whenDefined(tag)));
    const files = await stepFiles();
    expect(files.length, 'step files fetched').to.be.greaterThan(0);
    // Resolved against the file's own URL, wherever the copy lives.
    for (const file of files) expect(file.startsWith(`${COPY}license-checkout/`), file).to.equal(true);

    checkoutButton(el)!.click();
    await el.updateComplete;
    expect(el.step).to.equal('customer-type');
    expect(el.shadowRoot!.querySelector('.step-loading'), 'no loading placeholder').to.equal(null);
    const step = el.shadowRoot!.querySelector('lc-customer-type')!;
    await (step as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
    expect(shown(step.shadowRoot!.querySelector('h2'))).to.equal('Customer');
  });
});
