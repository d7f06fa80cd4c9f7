import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/components/add-to-cart/add-to-cart.js';
import '../src/components/cart-count/cart-count.js';
import type { LcCartCount } from '../src/components/cart-count/cart-count.js';
import { ar } from '../src/i18n/ar.js';
import { de } from '../src/i18n/de.js';
import { storageKey } from '../src/checkout/cart-store.js';
import { createTestMock, type TestMock } from './helpers/mock.js';
import { BASIC, E3, textName } from './helpers/tags.js';

function link(el: LcCartCount): HTMLElement {
  return el.shadowRoot!.querySelector<HTMLElement>('[part~="link"]')!;
}

function store(base: string, lines: unknown[]): void {
  localStorage.setItem(storageKey(base), JSON.stringify({ version: 1, lines }));
}

describe('<lc-cart-count>', () => {
  let mock: TestMock;
  beforeEach(async () => {
    mock = await createTestMock();
  });

  it('is an accessible link to the checkout page', async () => {
    const el = await fixture<LcCartCount>(html`<lc-cart-count api-base=${mock.baseUrl} href="/checkout.html"></lc-cart-count>`);
    await expect(el).to.be.accessible();
    expect(link(el).localName).to.equal('a');
    expect(link(el).getAttribute('href')).to.equal('/checkout.html');
    expect(textName(link(el))).to.equal('Cart 0 products');
    expect(link(el).querySelector('[part~="count"]')!.textContent).to.equal('0');
  });

  it('counts the stored lines, or the licences with unit="seats", without asking the backend', async () => {
    store(mock.baseUrl, [
      { productId: E3, term: 'P1Y', billing: 'monthly', quantity: 25 },
      { productId: BASIC, term: 'P1Y', billing: 'monthly', quantity: 1 },
    ]);
    const lines = await fixture<LcCartCount>(html`<lc-cart-count api-base=${mock.baseUrl} href="/checkout"></lc-cart-count>`);
    const seats = await fixture<LcCartCount>(html`<lc-cart-count api-base=${mock.baseUrl} unit="seats"></lc-cart-count>`);
    expect(textName(link(lines))).to.equal('Cart 2 products');
    expect(textName(link(seats))).to.equal('Cart 26 licences');
    expect(seats.count).to.equal(26);
    // Without href the count is plain text.
    expect(link(seats).localName).to.equal('span');
    await expect(seats).to.be.accessible();
    expect(await mock.requests()).to.have.length(0);
  });

  it('follows additions made in this page', async () => {
    const count = await fixture<LcCartCount>(html`<lc-cart-count api-base=${mock.baseUrl}></lc-cart-count>`);
    const add = await fixture(html`<lc-add-to-cart api-base=${mock.baseUrl} product=${E3}></lc-add-to-cart>`);
    const button = add.shadowRoot!.querySelector('button')!;
    await waitUntil(() => textName(button).includes('E3'), 'the catalog did not load');
    button.click();
    await waitUntil(() => count.count === 1, 'the count did not follow the addition', { timeout: 3000 });
    expect(textName(link(count))).to.equal('Cart 1 product');
  });

  it("follows another tab's changes (the storage event)", async () => {
    const count = await fixture<LcCartCount>(html`<lc-cart-count api-base=${mock.baseUrl}></lc-cart-count>`);
    // The other tab: a same-origin frame with the tags on it, sharing this page's localStorage.
    const frame = document.createElement('iframe');
    frame.srcdoc = `<!doctype html><script type="module" src="/src/tags.ts"></script>
      <lc-add-to-cart api-base="${mock.baseUrl}" product="${BASIC}" quantity="3"></lc-add-to-cart>`;
    document.body.append(frame);
    try {
      await waitUntil(() => {
        const button = frame.contentDocument?.querySelector('lc-add-to-cart')?.shadowRoot?.querySelector('button');
        return button && textName(button).includes('Basic') ? button : false;
      }, 'the other tab did not load the tags', { timeout: 8000 });
      frame.contentDocument!.querySelector('lc-add-to-cart')!.shadowRoot!.querySelector('button')!.click();
      // Generous limits: the frame is a background page on a loaded machine (its tasks run late).
      await waitUntil(() => count.count === 1, 'the count did not follow the other tab', { timeout: 8000 });
      // And back: this tab empties the cart, the other tab's storage event is seen here too.
      localStorage.removeItem(storageKey(new URL(mock.baseUrl).href));
      frame.contentWindow!.localStorage.setItem(
        storageKey(new URL(mock.baseUrl).href),
        JSON.stringify({ version: 1, lines: [{ productId: E3, term: 'P1Y', billing: 'monthly', quantity: 1 }, { productId: BASIC, term: 'P1Y', billing: 'monthly', quantity: 3 }] }),
      );
      await waitUntil(() => count.count === 2, 'the count did not follow a write in the other window', { timeout: 8000 });
    } finally {
      frame.remove();
    }
  });

  it('reads a broken stored cart as empty', async () => {
    localStorage.setItem(storageKey(mock.baseUrl), '{"version":1,"lines":[{"productId":"x","quantity":"many"}]}');
    const el = await fixture<LcCartCount>(html`<lc-cart-count api-base=${mock.baseUrl}></lc-cart-count>`);
    expect(el.count).to.equal(0);
  });

  it('says the count in German and Arabic plural forms', async () => {
    store(mock.baseUrl, [
      { productId: E3, term: 'P1Y', billing: 'monthly', quantity: 1 },
      { productId: BASIC, term: 'P1Y', billing: 'monthly', quantity: 1 },
    ]);
    const deCount = await fixture<LcCartCount>(html`<lc-cart-count lang="de" api-base=${mock.baseUrl} .strings=${de}></lc-cart-count>`);
    expect(textName(link(deCount))).to.equal('Warenkorb 2 Produkte');
    const arCount = await fixture<LcCartCount>(
      html`<lc-cart-count dir="rtl" lang="ar-EG" api-base=${mock.baseUrl} .strings=${ar}></lc-cart-count>`,
    );
    // Arabic has a dual: two products is «منتجان»; Egyptian Arabic shows the digit in Arabic-Indic.
    expect(textName(link(arCount))).to.equal('السلة منتجان');
    expect(link(arCount).querySelector('[part~="count"]')!.textContent).to.equal('٢');
    await expect(arCount).to.be.accessible();
  });
});
