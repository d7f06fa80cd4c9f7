import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/components/add-to-cart/add-to-cart.js';
import type { LcAddToCart } from '../src/components/add-to-cart/add-to-cart.js';
import type { LcCartChangeEvent } from '../src/events/cart-change.js';
import { ar } from '../src/i18n/ar.js';
import { de } from '../src/i18n/de.js';
import { createTestMock, type TestMock } from './helpers/mock.js';
import { BASIC, E3, catchWarnings, shadowText, storedLines, textName } from './helpers/tags.js';

function button(el: LcAddToCart): HTMLButtonElement {
  return el.shadowRoot!.querySelector('button')!;
}

const status = (el: LcAddToCart) => shadowText(el, '[part~="status"]');

/** Waits until the catalog is in: the product's name is part of the button's name. */
async function loaded(el: LcAddToCart, name = 'Microsoft 365'): Promise<LcAddToCart> {
  await waitUntil(() => textName(button(el)).includes(name) || button(el).disabled, 'the catalog did not load');
  return el;
}

describe('<lc-add-to-cart>', () => {
  let mock: TestMock;
  beforeEach(async () => {
    mock = await createTestMock();
  });

  it('is accessible before and after adding', async () => {
    const el = await loaded(await fixture<LcAddToCart>(html`<lc-add-to-cart api-base=${mock.baseUrl} product=${E3}></lc-add-to-cart>`));
    await expect(el).to.be.accessible();
    button(el).click();
    await waitUntil(() => status(el) === 'Added to cart');
    await expect(el).to.be.accessible();
  });

  it('is a button named by its visible label, then the product', async () => {
    const el = await loaded(await fixture<LcAddToCart>(html`<lc-add-to-cart api-base=${mock.baseUrl} product=${E3}></lc-add-to-cart>`));
    expect(button(el).localName).to.equal('button');
    expect(textName(button(el))).to.equal('Add to cart Microsoft 365 E3');
    // The product name is visually hidden: sighted users see the label alone.
    const hidden = button(el).querySelector('.visually-hidden')!;
    expect(hidden.getBoundingClientRect().width).to.be.at.most(1);
  });

  it('adds the default offer to the stored cart and fires lc-cart-change', async () => {
    const el = await loaded(await fixture<LcAddToCart>(html`<lc-add-to-cart api-base=${mock.baseUrl} product=${BASIC}></lc-add-to-cart>`));
    const changed = oneEvent(el, 'lc-cart-change');
    button(el).click();
    const event = (await changed) as unknown as LcCartChangeEvent;
    const line = { productId: BASIC, term: 'P1Y', billing: 'monthly', quantity: 1 };
    expect(event.reason).to.equal('add');
    expect(event.lines).to.deep.equal([line]);
    expect(event.bubbles && event.composed).to.equal(true);
    expect(storedLines(mock.baseUrl)).to.deep.equal([line]);
    await waitUntil(() => status(el) === 'Added to cart', 'no confirmation');
    expect(el.shadowRoot!.querySelector('[part~="status"]')!.getAttribute('role')).to.equal('status');
  });

  it('adds the given term, billing and quantity, merging with the same line', async () => {
    const el = await loaded(
      await fixture<LcAddToCart>(
        html`<lc-add-to-cart api-base=${mock.baseUrl} product=${E3} term="P1Y" billing="annual" quantity="5"></lc-add-to-cart>`,
      ),
    );
    button(el).click();
    await waitUntil(() => storedLines(mock.baseUrl)?.[0]?.quantity === 5);
    button(el).click();
    await waitUntil(() => storedLines(mock.baseUrl)?.[0]?.quantity === 10, 'the second click did not merge');
    expect(storedLines(mock.baseUrl)).to.deep.equal([{ productId: E3, term: 'P1Y', billing: 'annual', quantity: 10 }]);
  });

  it('says when the cart already holds the maximum', async () => {
    const el = await loaded(await fixture<LcAddToCart>(html`<lc-add-to-cart api-base=${mock.baseUrl} product=${BASIC} quantity="200"></lc-add-to-cart>`));
    button(el).click();
    await waitUntil(() => status(el) === 'Added to cart');
    button(el).click();
    await waitUntil(() => status(el).startsWith('Added: the cart holds the maximum'), 'no maximum message');
    expect(status(el)).to.equal('Added: the cart holds the maximum, 300.');
    expect(storedLines(mock.baseUrl)![0]!.quantity).to.equal(300);
  });

  it('warns and disables the button for an unknown product, storing nothing', async () => {
    const warnings = catchWarnings();
    try {
      const el = await fixture<LcAddToCart>(html`<lc-add-to-cart api-base=${mock.baseUrl} product="no-such-sku"></lc-add-to-cart>`);
      await waitUntil(() => button(el).disabled, 'the button stayed enabled');
      expect(status(el)).to.equal('Not available');
      expect(warnings.messages.join('\n')).to.match(/<lc-add-to-cart product="no-such-sku">: no product "no-such-sku" in the catalog; the button is disabled/);
      await expect(el).to.be.accessible();
      button(el).click();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(storedLines(mock.baseUrl)).to.equal(undefined);
    } finally {
      warnings.restore();
    }
  });

  it('warns and disables the button for a term or billing the product is not sold on', async () => {
    const warnings = catchWarnings();
    try {
      // Business Basic is sold on P1Y monthly only.
      const el = await fixture<LcAddToCart>(html`<lc-add-to-cart api-base=${mock.baseUrl} product=${BASIC} term="P3Y"></lc-add-to-cart>`);
      await waitUntil(() => button(el).disabled, 'the button stayed enabled');
      expect(warnings.messages.join('\n')).to.include(`${BASIC} is not offered with term P3Y`);
      expect(storedLines(mock.baseUrl)).to.equal(undefined);
    } finally {
      warnings.restore();
    }
  });

  it('shows the failure when the catalog cannot be loaded, and adds on the next try', async () => {
    // The tag's own load and the click's reload fail; the next click succeeds.
    await mock.inject({ path: '/catalog', status: 503, times: 2 });
    const warnings = catchWarnings();
    try {
      const el = await fixture<LcAddToCart>(html`<lc-add-to-cart api-base=${mock.baseUrl} product=${E3}></lc-add-to-cart>`);
      await waitUntil(() => warnings.messages.length > 0, 'the first load did not fail');
      expect(button(el).disabled).to.equal(false);
      button(el).click();
      await waitUntil(() => status(el) === 'Could not add it. Try again.', 'no failure shown');
      await expect(el).to.be.accessible();
      expect(warnings.messages[0]).to.match(/GET .*\/catalog failed \(HTTP 503\)/);
      expect(storedLines(mock.baseUrl)).to.equal(undefined);
      button(el).click();
      await waitUntil(() => status(el) === 'Added to cart', 'the retry did not add');
      expect(storedLines(mock.baseUrl)).to.have.length(1);
    } finally {
      warnings.restore();
    }
  });

  it('shows "Adding…" until the catalog arrives', async () => {
    await mock.inject({ path: '/catalog', delayMs: 400 });
    const el = await fixture<LcAddToCart>(html`<lc-add-to-cart api-base=${mock.baseUrl} product=${E3}></lc-add-to-cart>`);
    button(el).click();
    await waitUntil(() => status(el) === 'Adding…', 'no adding state');
    await expect(el).to.be.accessible();
    await waitUntil(() => status(el) === 'Added to cart', 'not added after the catalog came');
  });

  it('takes its label from the slot or from strings', async () => {
    const slotted = await loaded(
      await fixture<LcAddToCart>(html`<lc-add-to-cart api-base=${mock.baseUrl} product=${E3}>Buy now</lc-add-to-cart>`),
    );
    expect(textName(button(slotted))).to.equal('Buy now Microsoft 365 E3');
    const german = await loaded(
      await fixture<LcAddToCart>(html`<lc-add-to-cart api-base=${mock.baseUrl} product=${E3} .strings=${de}></lc-add-to-cart>`),
    );
    expect(textName(button(german))).to.equal('In den Warenkorb Microsoft 365 E3');
    const arabic = await loaded(
      await fixture<LcAddToCart>(html`<lc-add-to-cart lang="ar" dir="rtl" api-base=${mock.baseUrl} product=${E3} .strings=${ar}></lc-add-to-cart>`),
    );
    expect(textName(button(arabic))).to.equal('أضف إلى السلة Microsoft 365 E3');
  });

  it('uses the page default backend from <meta name="lc-api-base">', async () => {
    const meta = document.createElement('meta');
    meta.name = 'lc-api-base';
    meta.content = mock.baseUrl;
    document.head.append(meta);
    try {
      const el = await loaded(await fixture<LcAddToCart>(html`<lc-add-to-cart product=${E3}></lc-add-to-cart>`));
      button(el).click();
      await waitUntil(() => storedLines(mock.baseUrl)?.length === 1, 'not stored under the meta backend');
    } finally {
      meta.remove();
    }
  });
});
