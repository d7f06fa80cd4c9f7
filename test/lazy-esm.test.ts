/**
 * `license-checkout/lazy` as a bundler user imports it (here the modules themselves, as a
 * bundler's dev server serves them): the checkout and the cart are defined, each step's module
 * is imported when needed (or ahead, while idle), and a step shown before its module arrived
 * says it is loading, then renders.
 */
import { expect, waitUntil } from '@open-wc/testing';
import '../src/lazy.js';
import { STEP_TAGS, checkoutButton, forgetCarts, checkoutWithCart, shown } from './helpers/lazy.js';

describe('license-checkout/lazy (ES modules)', () => {
  afterEach(forgetCarts);

  it('defines no step until needed; a step shown before its module arrived says "loading", then renders', async () => {
    expect(customElements.get('lc-checkout')).to.exist;
    for (const tag of STEP_TAGS) expect(customElements.get(tag), tag).to.equal(undefined);
    // No idle time for this test: nothing is fetched ahead, so the step must load when shown.
    const idle = window.requestIdleCallback;
    window.requestIdleCallback = () => 0;
    try {
      const el = await checkoutWithCart();
      expect(customElements.get('lc-customer-type')).to.equal(undefined);
      checkoutButton(el)!.click();
      await el.updateComplete;
      const placeholder = el.shadowRoot!.querySelector('[data-step="customer-type"].step-loading');
      expect(placeholder, 'the loading placeholder').to.exist;
      expect(shown(placeholder!.querySelector('h2'))).to.equal('Recipient');
      expect(shown(placeholder!.querySelector('[part~="loading"]'))).to.equal('Loading this step…');
      // Focus is on the placeholder's heading, then on the step's own once it arrives.
      expect(el.shadowRoot!.activeElement).to.equal(placeholder!.querySelector('h2'));
      await waitUntil(() => el.shadowRoot!.querySelector('lc-customer-type'), 'the step never rendered', { timeout: 5000 });
      expect(el.shadowRoot!.querySelector('.step-loading')).to.equal(null);
      await waitUntil(() => el.shadowRoot!.activeElement?.localName === 'lc-customer-type', 'focus did not move into the step', { timeout: 2000 });
    } finally {
      window.requestIdleCallback = idle;
    }
  });
});
