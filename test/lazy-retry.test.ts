/**
 * A step whose file cannot be loaded (the server answers 500): the checkout shows the step's
 * heading, says the step could not be loaded, and offers Retry, which loads it once the
 * server answers again. Needs `npm run build`.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { checkoutButton, checkoutWithCart, forgetCarts, loadScriptTagFile, shown, stepFiles } from './helpers/lazy.js';

describe('script-tag file: a step that fails to load', () => {
  before(loadScriptTagFile);
  after(() => stepFiles(false));
  afterEach(forgetCarts);

  it('shows what failed with Retry, not a blank step, and Retry recovers', async () => {
    await stepFiles(true);
    const before = (await stepFiles()).length;
    const el = await checkoutWithCart();
    // The idle prefetch tried and failed quietly: the cart stays as it is.
    await waitUntil(async () => (await stepFiles()).length > before, 'the steps were never prefetched', { timeout: 5000 });
    expect(el.shadowRoot!.querySelector('[part~="failed"]')).to.equal(null);

    checkoutButton(el)!.click();
    const failed = () => el.shadowRoot!.querySelector('[data-step="customer-type"] [part~="failed"]');
    await waitUntil(failed, 'no failure shown for the step', { timeout: 5000 });
    const placeholder = el.shadowRoot!.querySelector('[data-step="customer-type"]')!;
    expect(shown(placeholder.querySelector('h2'))).to.equal('Recipient');
    expect(failed()!.getAttribute('role')).to.equal('alert');
    expect(shown(failed())).to.contain('This step could not be loaded.');
    // The shell's own rules (not the steps' form styles, which are not there yet): a step's heading and notice.
    const heading = getComputedStyle(placeholder.querySelector('h2')!);
    expect(parseFloat(heading.fontSize)).to.be.closeTo(1.25 * parseFloat(getComputedStyle(el).fontSize), 0.1);
    const notice = getComputedStyle(failed()!);
    expect([notice.borderInlineStartStyle, notice.borderInlineStartWidth, notice.overflowWrap]).to.deep.equal(['solid', '4px', 'anywhere']);
    expect(el.shadowRoot!.querySelector('lc-customer-type')).to.equal(null);
    expect(customElements.get('lc-customer-type')).to.equal(undefined);

    await stepFiles(false);
    const retry = [...failed()!.querySelectorAll('button')].find((b) => shown(b) === 'Try again')!;
    retry.focus();
    retry.click();
    await waitUntil(() => el.shadowRoot!.querySelector('lc-customer-type'), 'the step never arrived after Retry', { timeout: 5000 });
    expect(failed()).to.equal(null);
    const step = el.shadowRoot!.querySelector('lc-customer-type') as HTMLElement & { updateComplete: Promise<boolean> };
    await step.updateComplete;
    expect(shown(step.shadowRoot!.querySelector('h2'))).to.equal('Customer');
    // Focus was on Retry, which is gone: the step's heading has it now.
    await waitUntil(() => el.shadowRoot!.activeElement === step, 'focus did not move to the step', { timeout: 2000 });
  });
});
