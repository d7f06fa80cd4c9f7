/**
 * A product page with the tags alone (8 buttons, a header count, a price), then the checkout
 * page: `<lc-checkout>` shows what was added there.
 */
import { expect, fixture, fixtureSync, html, waitUntil } from '@open-wc/testing';
import '../src/tags.js';
import '../src/index.js';
import type { LcCheckout } from '../src/components/checkout/checkout.js';
import { catalog } from '../src/mock/data.js';
import 'axe-core/axe.min.js';
import { createTestMock } from './helpers/mock.js';
import { BASIC, E3, shadowText, textName } from './helpers/tags.js';

describe('product page, then checkout page', () => {
  it('asks for the catalog once, and the checkout shows the lines added on the product page', async () => {
    const mock = await createTestMock();
    const products = catalog.products.slice(0, 8);
    // fixtureSync: a plain wrapper's fixture() waits for an animation frame, which a background
    // tab of the concurrent run may not get; the waits below are what matter.
    const page = fixtureSync<HTMLElement>(html`<main>
      <lc-cart-count api-base=${mock.baseUrl} href="/checkout.html"></lc-cart-count>
      <lc-price api-base=${mock.baseUrl} product=${E3}></lc-price>
      ${products.map((p) => html`<lc-add-to-cart api-base=${mock.baseUrl} product=${p.id}></lc-add-to-cart>`)}
    </main>`);
    await Promise.all([...page.querySelectorAll('lc-add-to-cart')].map((el) => el.updateComplete));
    const buttons = [...page.querySelectorAll('lc-add-to-cart')].map((el) => el.shadowRoot!.querySelector('button')!);
    await waitUntil(() => buttons.every((b) => textName(b).includes(' ')) && textName(buttons[7]).length > 'Add to cart'.length, 'the buttons did not get their products');
    await waitUntil(() => shadowText(page.querySelector('lc-price')!, '[part~="price"]') === '$36.00 per month');
    expect(await mock.requests({ path: '/catalog' })).to.have.length(1);
    expect(page.querySelector('lc-add-to-cart')!.shadowRoot!.querySelector('button')!.disabled).to.equal(false);

    buttons[0]!.click();
    buttons[3]!.click();
    const count = page.querySelector('lc-cart-count')!;
    await waitUntil(() => count.count === 2, 'the header count did not reach 2', { timeout: 3000 });
    expect(await mock.requests({ path: '/catalog' })).to.have.length(1);
    page.remove();

    // The checkout page: the same backend, so the same stored cart.
    const checkout = await fixture<LcCheckout>(html`<lc-checkout api-base=${mock.baseUrl}></lc-checkout>`);
    const names = () => {
      const cart = checkout.shadowRoot!.querySelector('lc-cart');
      return [...(cart?.shadowRoot?.querySelectorAll('[part~="line-name"]') ?? [])].map((n) => n.textContent!.trim());
    };
    await waitUntil(() => names().length === 2, 'the checkout did not show the two lines', { timeout: 5000 });
    expect(names()).to.deep.equal([products[0]!.name, products[3]!.name]);
  });
});

describe('one backend written with and without a trailing slash', () => {
  it('is one catalog request and one cart: a line added with api-base="…/api/" shows in <lc-checkout api-base="…/api">', async () => {
    const mock = await createTestMock();
    const path = new URL(mock.baseUrl).pathname; // e.g. /mock/3fa2…, as a page writes "/api"
    const page = fixtureSync<HTMLElement>(html`<main>
      <lc-price api-base=${path} product=${E3}></lc-price>
      <lc-add-to-cart api-base=${`${path}/`} product=${BASIC}></lc-add-to-cart>
      <lc-cart-count api-base=${`${path}//`}></lc-cart-count>
    </main>`);
    const add = page.querySelector('lc-add-to-cart')!;
    const button = () => add.shadowRoot!.querySelector('button')!;
    await waitUntil(() => shadowText(page.querySelector('lc-price')!, '[part~="price"]') === '$36.00 per month', 'no price');
    await waitUntil(() => textName(button()).includes('Business Basic'), 'the button did not get its product');
    expect(await mock.requests({ path: '/catalog' })).to.have.length(1);

    button().click();
    const count = page.querySelector('lc-cart-count')!;
    await waitUntil(() => count.count === 1, 'the count with "//" did not follow the addition', { timeout: 3000 });
    page.remove();

    const checkout = await fixture<LcCheckout>(html`<lc-checkout api-base=${path}></lc-checkout>`);
    const names = () => {
      const cart = checkout.shadowRoot!.querySelector('lc-cart');
      return [...(cart?.shadowRoot?.querySelectorAll('[part~="line-name"]') ?? [])].map((n) => n.textContent!.trim());
    };
    await waitUntil(() => names().length === 1, 'the checkout did not show the line', { timeout: 5000 });
    expect(names()).to.deep.equal([catalog.products.find((p) => p.id === BASIC)!.name]);
    expect(await mock.requests({ path: '/catalog' })).to.have.length(2); // the product page's one, the checkout's one
  });
});

describe('the demo pages', () => {
  it('the Add to cart buttons\' accessible names contain their visible text (axe label-content-name-mismatch, off by default)', async () => {
    const mock = await createTestMock();
    const products = catalog.products.slice(0, 8);
    // fixtureSync: a plain wrapper's fixture() waits for an animation frame, which a background
    // tab of the concurrent run may not get; the waits below are what matter.
    const page = fixtureSync<HTMLElement>(html`<main>
      ${products.map((p) => html`<lc-add-to-cart api-base=${mock.baseUrl} product=${p.id}></lc-add-to-cart>`)}
    </main>`);
    await Promise.all([...page.querySelectorAll('lc-add-to-cart')].map((el) => el.updateComplete));
    const buttons = [...page.querySelectorAll('lc-add-to-cart')].map((el) => el.shadowRoot!.querySelector('button')!);
    await waitUntil(() => buttons.every((b) => textName(b).length > 'Add to cart'.length), 'the buttons did not get their products');
    const axe = (window as unknown as { axe: { run: (node: Element, options: object) => Promise<{ violations: unknown[]; passes: unknown[] }> } }).axe;
    const result = await axe.run(page, { runOnly: ['label-content-name-mismatch'] });
    expect(result.violations).to.deep.equal([]);
    for (const button of buttons) expect(textName(button).startsWith('Add to cart')).to.equal(true);
  });


  it('the checkout page lists the test values in a "Try these" panel, open, above the checkout', async () => {
    const page = new DOMParser().parseFromString(await (await fetch('/checkout.html')).text(), 'text/html');
    const panel = page.querySelector('details.try-these')!;
    expect(panel.hasAttribute('open')).to.equal(true);
    expect(panel.querySelector('summary')!.textContent).to.contain('Try these');
    const values = [...panel.querySelectorAll('code')].map((code) => code.textContent);
    expect(values).to.include.members(['contoso', 'fabrikam.onmicrosoft.com', 'Fail', 'Review', '00000', '99999', 'Adatum']);
    expect(panel.compareDocumentPosition(page.querySelector('lc-checkout')!) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
  });
});
