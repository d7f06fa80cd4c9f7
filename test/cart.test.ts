import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import { catalog as mockCatalog } from '../src/mock/data.js';
import type { CheckoutApi } from '../src/api/api.js';
import type { Catalog } from '../src/api/schemas.js';
import { storageKey } from '../src/checkout/cart-store.js';
import '../src/components/cart/cart.js';
import type { LcCart } from '../src/components/cart/cart.js';
import type { LcCartChangeEvent } from '../src/events/cart-change.js';
import type { LcCheckoutRequestEvent } from '../src/events/cart-checkout-request.js';
import { clearPageStorage, createTestMock, type TestMock } from './helpers/mock.js';
import { changedTexts, shownTexts } from './helpers/texts.js';

const E3 = 'cfq7ttc0lfld-0001'; // P1Y monthly $36.00, P1Y annual $410.40, P1M $43.20; 1–10,000
const BASIC = 'cfq7ttc0lh18-0001'; // P1Y monthly $6.00; 1–300

function root(el: LcCart): ShadowRoot {
  return el.shadowRoot!;
}

function rows(el: LcCart): HTMLElement[] {
  return [...root(el).querySelectorAll<HTMLElement>('[part~="line"]')];
}

function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function part(scope: Element | ShadowRoot, name: string): HTMLElement | null {
  return scope.querySelector<HTMLElement>(`[part~="${name}"]`);
}

function quantityInput(row: Element): HTMLInputElement {
  return part(row, 'quantity-input') as HTMLInputElement;
}


async function mount(mock: TestMock, lang?: string): Promise<LcCart> {
  const el = await fixture<LcCart>(html`<lc-cart api-base=${mock.baseUrl} lang=${ifDefined(lang)}></lc-cart>`);
  await waitUntil(() => !part(root(el), 'loading'), 'the catalog did not load');
  return el;
}

/** Collects `lc-cart-change` events from `el`. */
function changes(el: LcCart): LcCartChangeEvent[] {
  const seen: LcCartChangeEvent[] = [];
  el.addEventListener('lc-cart-change', (e) => seen.push(e));
  return seen;
}

/** Replaces the field's text the way a user does: select all, type. */
async function typeInto(input: HTMLInputElement, value: string): Promise<void> {
  input.focus();
  input.select();
  await sendKeys({ type: value });
}

/** The message a promise rejects with; fails the test when it resolves. */
async function rejection(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(Error);
    return (error as Error).message;
  }
  throw new Error('expected the promise to reject');
}

/**
 * Leaves a quantity field the test typed into. A number input fires `change` (which
 * commits the quantity) on leaving it after a user edit. A test page in a background tab
 * (the runner runs two at once) gets no focus, blur or such `change` events, so `blur()`
 * only moves focus there; the events are then dispatched by hand, `change` first as in
 * the browser.
 */
async function blur(el: LcCart, input: HTMLInputElement): Promise<void> {
  if (root(el).activeElement !== input) throw new Error('blur: the quantity field is not focused');
  let fired = false;
  const onBlur = () => (fired = true);
  input.addEventListener('blur', onBlur);
  input.blur();
  input.removeEventListener('blur', onBlur);
  if (!fired) {
    input.dispatchEvent(new Event('change', { bubbles: true }));
    input.dispatchEvent(new FocusEvent('blur'));
    input.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
  }
  await el.updateComplete;
}

describe('<lc-cart>', () => {
  let mock: TestMock;

  beforeEach(async () => {
    clearPageStorage();
    mock = await createTestMock();
  });
  afterEach(() => clearPageStorage());

  it('is accessible with lines, totals and notes', async () => {
    const el = await mount(mock);
    await el.addProduct(E3, { term: 'P1Y', billing: 'monthly', quantity: 3 });
    await el.addProduct(BASIC);
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('is accessible when empty and when the catalog failed', async () => {
    const el = await mount(mock);
    await expect(el).to.be.accessible();
    await mock.inject({ path: '/catalog', status: 403 });
    const failed = await fixture<LcCart>(html`<lc-cart api-base=${mock.baseUrl}></lc-cart>`);
    await waitUntil(() => part(root(failed), 'failed'), 'no error state');
    await expect(failed).to.be.accessible();
  });

  it('renders a line from the catalog with prices formatted in the page language', async () => {
    const el = await mount(mock);
    await el.addProduct(E3, { term: 'P1Y', billing: 'monthly', quantity: 3 });
    await el.updateComplete;
    const [row] = rows(el);
    expect(text(part(row!, 'line-name'))).to.equal('Microsoft 365 E3');
    expect(text(part(row!, 'unit-price'))).to.equal('$36.00 per month');
    expect(text(part(row!, 'line-total'))).to.equal('$108.00 per month');
    expect(text(part(root(el), 'totals'))).to.equal('Total $108.00 per month');
    // Each amount is isolated, so a right-to-left page cannot split it around "per month".
    const amounts = (node: Element | null) => [...(node?.querySelectorAll('bdi') ?? [])].map((b) => text(b));
    expect(amounts(part(row!, 'unit-price'))).to.deep.equal(['$36.00']);
    expect(amounts(part(row!, 'line-total'))).to.deep.equal(['$108.00']);
    expect(amounts(part(root(el), 'totals'))).to.deep.equal(['$108.00']);
    expect(text(part(root(el), 'notes'))).to.contain(
      'Invoices are prorated: the first invoice covers from today to the end of the billing period.',
    );
    expect(text(part(root(el), 'notes'))).to.contain(
      'An order is for one customer. To order for several customers, check out once for each.',
    );
  });

  it('formats money with Intl in another lang (de-DE)', async () => {
    const el = await mount(mock, 'de-DE');
    await el.addProduct(BASIC, { quantity: 250 });
    await el.updateComplete;
    const [row] = rows(el);
    expect(text(part(row!, 'unit-price'))).to.equal('6,00 $ per month');
    expect(text(part(row!, 'line-total'))).to.equal('1.500,00 $ per month');
  });

  it('shows only the terms and billings the product offers, in words', async () => {
    const el = await mount(mock);
    await el.addProduct(BASIC, { term: 'P1M' });
    await el.updateComplete;
    const [row] = rows(el);
    const terms = [...(part(row!, 'term-select') as HTMLSelectElement).options].map((o) => o.textContent?.trim());
    expect(terms).to.deep.equal(['1 month', '1 year']);
    // A monthly term is billed monthly only.
    const billings = [...(part(row!, 'billing-select') as HTMLSelectElement).options].map((o) => o.textContent?.trim());
    expect(billings).to.deep.equal(['Billed monthly']);
  });

  it('changing billing and term updates the price and fires lc-cart-change', async () => {
    const el = await mount(mock);
    await el.addProduct(E3, { term: 'P1Y', billing: 'monthly', quantity: 2 });
    await el.updateComplete;
    const seen = changes(el);
    const billing = part(rows(el)[0]!, 'billing-select') as HTMLSelectElement;
    billing.value = 'annual';
    billing.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(text(part(rows(el)[0]!, 'unit-price'))).to.equal('$410.40 per year');
    expect(text(part(rows(el)[0]!, 'line-total'))).to.equal('$820.80 per year');
    expect(text(part(root(el), 'totals'))).to.equal('Total $820.80 per year');
    expect(seen.map((e) => e.reason)).to.deep.equal(['billing']);
    expect(seen[0]!.lines).to.deep.equal([{ productId: E3, term: 'P1Y', billing: 'annual', quantity: 2 }]);

    // P1M has monthly billing only: the line switches to it instead of keeping an offer that does not exist.
    const term = part(rows(el)[0]!, 'term-select') as HTMLSelectElement;
    term.value = 'P1M';
    term.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(el.lines).to.deep.equal([{ productId: E3, term: 'P1M', billing: 'monthly', quantity: 2 }]);
    expect((part(rows(el)[0]!, 'billing-select') as HTMLSelectElement).value).to.equal('monthly');
    expect(text(part(rows(el)[0]!, 'unit-price'))).to.equal('$43.20 per month');
  });

  describe('quantity', () => {
    let el: LcCart;
    let input: HTMLInputElement;

    beforeEach(async () => {
      el = await mount(mock);
      await el.addProduct(BASIC, { quantity: 3 });
      await el.updateComplete;
      input = quantityInput(rows(el)[0]!);
    });

    it('has a label, bounds and a hint', () => {
      const label = root(el).querySelector(`label[for="${input.id}"]`);
      expect(text(label)).to.equal('Quantity');
      expect(input.type).to.equal('number');
      expect(input.inputMode).to.equal('numeric');
      expect([input.min, input.max, input.step]).to.deep.equal(['1', '300', '1']);
      const hint = root(el).getElementById(input.getAttribute('aria-describedby')!);
      expect(text(hint)).to.equal('From 1 to 300 licences');
    });

    it('writes large bounds with the locale\'s grouping, in the hint and the error', async () => {
      await el.addProduct(E3, { quantity: 2 });
      await el.updateComplete;
      const e3 = quantityInput(rows(el)[1]!);
      expect(text(root(el).getElementById(e3.getAttribute('aria-describedby')!.split(' ')[0]!))).to.equal('From 1 to 10,000 licences');
      await typeInto(e3, '10001');
      e3.blur();
      await el.updateComplete;
      expect(text(part(rows(el)[1]!, 'error'))).to.contain('10,000').and.not.contain('10000');
      el.lang = 'de-DE';
      await el.updateComplete;
      expect(text(root(el).getElementById(e3.getAttribute('aria-describedby')!.split(' ')[0]!))).to.contain('10.000');
    });

    it('commits a typed valid quantity and updates the totals', async () => {
      const seen = changes(el);
      await typeInto(input, '12');
      await el.updateComplete;
      // Not committed while typing: the cart changes once, when the field is left.
      expect(el.lines[0]!.quantity).to.equal(3);
      await blur(el, input);
      expect(el.lines[0]!.quantity).to.equal(12);
      expect(text(part(rows(el)[0]!, 'line-total'))).to.equal('$72.00 per month');
      expect(seen.map((e) => [e.reason, e.lines[0]!.quantity])).to.deep.equal([['quantity', 12]]);
      expect(seen[0]!.totals!.byBilling).to.deep.equal({ monthly: 7200 });
    });

    for (const [what, typed] of [
      ['above the maximum', '301'],
      ['below the minimum', '0'],
      ['negative', '-2'],
      ['a decimal', '2.5'],
      ['an exponent', '1e3'],
    ] as const) {
      it(`rejects ${what} (${typed}): shows the error, keeps the text and the last valid quantity`, async () => {
        await typeInto(input, '7');
        await blur(el, input);
        const seen = changes(el);
        await typeInto(input, typed);
        await blur(el, input);
        const row = rows(el)[0]!;
        const error = part(row, 'error');
        expect(text(error)).to.equal('Enter a whole number from 1 to 300.');
        expect(input.getAttribute('aria-invalid')).to.equal('true');
        expect(input.getAttribute('aria-describedby')!.split(' ')).to.include(error!.id);
        expect(input.value).to.equal(typed);
        expect(el.lines[0]!.quantity).to.equal(7);
        expect(text(part(row, 'line-total'))).to.equal('$42.00 per month');
        expect(seen).to.have.length(0);
        expect((part(root(el), 'checkout-button') as HTMLButtonElement).disabled).to.equal(true);
        expect(text(root(el).getElementById('checkout-reason'))).to.equal('Fix the lines marked above to check out.');
      });
    }

    it('rejects pasted text and an emptied field without firing lc-cart-change', async () => {
      const seen = changes(el);
      // What a paste of "12abc" leaves in a number input: no parsable value.
      input.value = '12abc';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await el.updateComplete;
      expect(text(part(rows(el)[0]!, 'error'))).to.equal('Enter a quantity from 1 to 300.');
      expect(el.lines[0]!.quantity).to.equal(3);
      expect(seen).to.have.length(0);
    });

    it('does not flag an emptied field while typing, only when left empty', async () => {
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await el.updateComplete;
      expect(part(rows(el)[0]!, 'error')).to.equal(null);
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await el.updateComplete;
      expect(text(part(rows(el)[0]!, 'error'))).to.equal('Enter a quantity from 1 to 300.');
    });

    it('clears the error once the quantity is fixed', async () => {
      await typeInto(input, '999');
      await blur(el, input);
      expect(part(rows(el)[0]!, 'error')).not.to.equal(null);
      await typeInto(input, '25');
      await blur(el, input);
      expect(part(rows(el)[0]!, 'error')).to.equal(null);
      expect(input.getAttribute('aria-invalid')).to.equal('false');
      expect(el.lines[0]!.quantity).to.equal(25);
      expect((part(root(el), 'checkout-button') as HTMLButtonElement).disabled).to.equal(false);
    });

    it('steps with ArrowUp and stops at the maximum', async () => {
      const seen = changes(el);
      input.focus();
      await sendKeys({ press: 'ArrowUp' });
      await el.updateComplete;
      expect(input.value).to.equal('4');
      expect(el.lines[0]!.quantity).to.equal(4);
      expect(seen.map((e) => e.lines[0]!.quantity)).to.deep.equal([4]);
      expect(text(part(rows(el)[0]!, 'line-total'))).to.equal('$24.00 per month');

      el.lines = [{ ...el.lines[0]!, quantity: 300 }];
      await el.updateComplete;
      input.focus();
      await sendKeys({ press: 'ArrowUp' });
      await el.updateComplete;
      expect(input.value).to.equal('300');
      expect(seen).to.have.length(1);
    });
  });

  it('removes a line, announces it, keeps focus in the cart and shows the empty state', async () => {
    const el = await mount(mock);
    await el.addProduct(E3, { term: 'P1Y', billing: 'monthly' });
    await el.addProduct(BASIC);
    await el.updateComplete;
    const seen = changes(el);
    const remove = part(rows(el)[0]!, 'remove-button') as HTMLButtonElement;
    expect(text(remove)).to.equal('Remove Microsoft 365 E3');
    remove.click();
    await el.updateComplete;
    expect(rows(el).map((r) => text(part(r, 'line-name')))).to.deep.equal(['Microsoft 365 Business Basic']);
    expect(seen.map((e) => e.reason)).to.deep.equal(['remove']);
    expect(text(root(el).querySelector('[role="status"]'))).to.equal('Microsoft 365 E3 removed. Cart total $6.00 per month.');
    await waitUntil(() => root(el).activeElement === part(rows(el)[0]!, 'remove-button'), 'focus did not move to the next line');

    (part(rows(el)[0]!, 'remove-button') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(rows(el)).to.have.length(0);
    expect(text(part(root(el), 'empty'))).to.equal('Your cart is empty. Add a product to start an order.');
    expect((part(root(el), 'checkout-button') as HTMLButtonElement).disabled).to.equal(true);
    expect(text(root(el).getElementById('checkout-reason'))).to.equal('Add a product to check out.');
  });

  it('shows a clear error when the catalog fails, and Retry loads it', async () => {
    await mock.inject({ path: '/catalog', status: 403 });
    const el = await fixture<LcCart>(html`<lc-cart api-base=${mock.baseUrl}></lc-cart>`);
    await waitUntil(() => part(root(el), 'failed'), 'no error state');
    expect(text(part(root(el), 'failed'))).to.contain('The products could not be loaded.');
    expect(part(root(el), 'failed')!.getAttribute('role')).to.equal('alert');
    (part(root(el), 'retry-button') as HTMLButtonElement).click();
    await waitUntil(() => part(root(el), 'empty'), 'Retry did not load the catalog');
    expect(part(root(el), 'failed')).to.equal(null);
    expect(await mock.requests({ method: 'GET', path: '/catalog' })).to.have.length(2);
  });

  it('shows a loading state until the catalog arrives', async () => {
    await mock.inject({ path: '/catalog', delayMs: 400 });
    const el = await fixture<LcCart>(html`<lc-cart api-base=${mock.baseUrl}></lc-cart>`);
    expect(text(part(root(el), 'loading'))).to.equal('Loading products…');
    expect((part(root(el), 'checkout-button') as HTMLButtonElement).disabled).to.equal(true);
    await waitUntil(() => part(root(el), 'empty'), 'the catalog did not load');
  });

  it('aborts the catalog load when removed from the page and loads again when put back', async () => {
    await mock.inject({ path: '/catalog', delayMs: 300 });
    const el = await fixture<LcCart>(html`<lc-cart api-base=${mock.baseUrl}></lc-cart>`);
    const parent = el.parentNode!;
    // Remove it only once the (delayed) first request has reached the mock, so the abort
    // and the second load are what the request log shows, whatever the machine's speed.
    for (let i = 0; i < 100 && (await mock.requests({ method: 'GET', path: '/catalog' })).length === 0; i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
    el.remove();
    await new Promise((r) => setTimeout(r, 20));
    parent.append(el);
    await waitUntil(() => part(root(el), 'empty'), 'the catalog was not loaded again');
    expect(part(root(el), 'failed')).to.equal(null);
    expect(await mock.requests({ method: 'GET', path: '/catalog' })).to.have.length(2);
  });

  describe('addProduct()', () => {
    it('works before the catalog has loaded, merges identical lines, and fires lc-cart-change', async () => {
      await mock.inject({ path: '/catalog', delayMs: 200 });
      const el = await fixture<LcCart>(html`<lc-cart api-base=${mock.baseUrl}></lc-cart>`);
      const seen = changes(el);
      const first = el.addProduct(E3, { term: 'P1Y', billing: 'annual', quantity: 2 });
      const second = el.addProduct(E3, { term: 'P1Y', billing: 'annual', quantity: 3 });
      expect(el.lines).to.have.length(0);
      expect(await first).to.deep.equal({ productId: E3, term: 'P1Y', billing: 'annual', quantity: 2 });
      expect(await second).to.deep.equal({ productId: E3, term: 'P1Y', billing: 'annual', quantity: 5 });
      await el.updateComplete;
      expect(rows(el)).to.have.length(1);
      expect(quantityInput(rows(el)[0]!).value).to.equal('5');
      expect(seen.map((e) => e.reason)).to.deep.equal(['add', 'add']);
      expect(seen[1]!.totals).to.deep.equal({ currency: 'USD', byBilling: { annual: 205200 }, licences: 5, problems: 0 });
      expect(text(root(el).querySelector('[role="status"]'))).to.equal('Microsoft 365 E3 added. Cart total $2,052.00 per year.');
    });

    it('rejects an unknown product, an offer the product lacks and a bad quantity, leaving the cart alone', async () => {
      const el = await mount(mock);
      const seen = changes(el);
      expect(await rejection(el.addProduct('no-such-product'))).to.match(/unknown product "no-such-product"/);
      expect(await rejection(el.addProduct(BASIC, { term: 'P3Y' }))).to.match(/not offered/);
      expect(await rejection(el.addProduct(BASIC, { quantity: 301 }))).to.match(/from 1 to 300/);
      expect(el.lines).to.have.length(0);
      expect(seen).to.have.length(0);
    });

    it('rejects when the catalog cannot be loaded', async () => {
      await mock.inject({ path: '/catalog', status: 403 });
      const el = await fixture<LcCart>(html`<lc-cart api-base=${mock.baseUrl}></lc-cart>`);
      expect(await rejection(el.addProduct(E3))).to.be.a('string');
    });
  });

  it('clear() empties the cart and fires lc-cart-change', async () => {
    const el = await mount(mock);
    await el.addProduct(E3);
    const seen = changes(el);
    el.clear();
    await el.updateComplete;
    expect(el.lines).to.deep.equal([]);
    expect(seen.map((e) => [e.reason, e.lines.length])).to.deep.equal([['clear', 0]]);
    expect(part(root(el), 'empty')).not.to.equal(null);
  });

  it('setting lines (controlled use) renders them without firing lc-cart-change', async () => {
    const el = await mount(mock);
    const seen = changes(el);
    el.lines = [{ productId: BASIC, term: 'P1Y', billing: 'monthly', quantity: 10 }];
    await el.updateComplete;
    expect(text(part(rows(el)[0]!, 'line-total'))).to.equal('$60.00 per month');
    expect(seen).to.have.length(0);
  });

  it('an owner setting the same lines again renders nothing again, and still reverts a change it did not take', async () => {
    // As <lc-checkout> uses it: the owner passes the catalog and frozen lines; a Lit owner sets them on every render of its own.
    const nameReads: string[] = [];
    const products = mockCatalog.products.map((p) => {
      const product = { ...p };
      Object.defineProperty(product, 'name', { enumerable: true, get: () => (nameReads.push(p.id), p.name) });
      return product;
    });
    const catalog = { ...mockCatalog, products } as Catalog;
    const lines = Object.freeze([
      Object.freeze({ productId: BASIC, term: 'P1Y' as const, billing: 'monthly' as const, quantity: 10 }),
      Object.freeze({ productId: E3, term: 'P1Y' as const, billing: 'annual' as const, quantity: 2 }),
    ]);
    const el = await fixture<LcCart>(html`<lc-cart lang="en-US" .catalog=${catalog} .catalogState=${'ready'} .lines=${lines}></lc-cart>`);
    await el.updateComplete;
    expect(rows(el)).to.have.length(2);
    const reported = el.lines;
    nameReads.length = 0;
    el.lines = lines;
    el.requestUpdate();
    await el.updateComplete;
    expect(nameReads, 'no line rendered again').to.deep.equal([]);
    expect(el.lines).to.equal(reported);

    // The user changes a quantity; an owner that does not take the change sets its lines again: they come back.
    const seen = changes(el);
    const input = quantityInput(rows(el)[0]!);
    input.value = '12';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(seen.map((e) => e.lines[0]!.quantity)).to.deep.equal([12]);
    el.lines = lines;
    await el.updateComplete;
    expect(el.lines[0]!.quantity).to.equal(10);
    expect(quantityInput(rows(el)[0]!).value).to.equal('10');
  });

  it('fires lc-checkout-request with the lines and totals, bubbling to its light-DOM owner but not composed', async () => {
    const el = await mount(mock);
    await el.addProduct(BASIC, { quantity: 4 });
    await el.updateComplete;
    const button = part(root(el), 'checkout-button') as HTMLButtonElement;
    expect(button.disabled).to.equal(false);
    expect(text(button)).to.equal('Checkout');
    setTimeout(() => button.click());
    const event = (await oneEvent(document, 'lc-checkout-request')) as LcCheckoutRequestEvent;
    expect(event.bubbles && !event.composed).to.equal(true);
    expect(event.lines).to.deep.equal([{ productId: BASIC, term: 'P1Y', billing: 'monthly', quantity: 4 }]);
    expect(event.totals.byBilling).to.deep.equal({ monthly: 2400 });
  });

  it('reports a stored line whose product left the catalog, and blocks checkout', async () => {
    localStorage.setItem(
      storageKey(mock.baseUrl),
      JSON.stringify({ version: 1, lines: [{ productId: 'retired-product', term: 'P1Y', billing: 'monthly', quantity: 2 }] }),
    );
    const el = await mount(mock);
    const [row] = rows(el);
    expect(text(part(row!, 'line-name'))).to.equal('Unknown product (retired-product)');
    expect(text(part(row!, 'error'))).to.equal('This product is no longer available. Remove it to check out.');
    expect(part(row!, 'line-total')).to.equal(null);
    expect((part(root(el), 'checkout-button') as HTMLButtonElement).disabled).to.equal(true);
  });

  describe('persistence', () => {
    it('restores the cart after a re-mount', async () => {
      const el = await mount(mock);
      await el.addProduct(E3, { term: 'P1Y', billing: 'annual', quantity: 7 });
      el.remove();
      const again = await mount(mock);
      expect(again.lines).to.deep.equal([{ productId: E3, term: 'P1Y', billing: 'annual', quantity: 7 }]);
      expect(quantityInput(rows(again)[0]!).value).to.equal('7');
    });

    it('discards a corrupted stored cart with a warning and shows an empty cart', async () => {
      localStorage.setItem(storageKey(mock.baseUrl), '{"version":1,"lines":[{"productId":');
      const warnings: unknown[][] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args);
      try {
        const el = await mount(mock);
        expect(el.lines).to.deep.equal([]);
        expect(part(root(el), 'empty')).not.to.equal(null);
      } finally {
        console.warn = warn;
      }
      expect(warnings.map((w) => String(w[0])).join('\n')).to.contain('discarded');
    });

    it('keeps one cart per API base URL', async () => {
      const other = await createTestMock();
      // What the carts write, by key: test files in other tabs clear localStorage at any time.
      const written = new Map<string, string>();
      const { setItem } = Storage.prototype;
      Storage.prototype.setItem = function (this: Storage, name: string, value: string) {
        if (this === localStorage) written.set(name, value);
        setItem.call(this, name, value);
      };
      try {
        const a = await mount(mock);
        await a.addProduct(E3);
        const b = await mount(other);
        expect(b.lines).to.deep.equal([]);
        await b.addProduct(BASIC, { quantity: 2 });
      } finally {
        Storage.prototype.setItem = setItem;
      }
      expect([...written.keys()].filter((key) => key.startsWith('license-checkout:cart:'))).to.have.length(2);
      const putBack = () => written.forEach((value, key) => localStorage.setItem(key, value));
      putBack();
      const a2 = await mount(mock);
      expect(a2.lines.map((l) => l.productId)).to.deep.equal([E3]);
      putBack();
      const b2 = await mount(other);
      expect(b2.lines.map((l) => [l.productId, l.quantity])).to.deep.equal([[BASIC, 2]]);
    });
  });

  it('renders hostile product names from the backend as text', async () => {
    const evil = '<img src=x onerror="window.__lcPwned=true">Evil <b>Suite</b>';
    const hostile: Catalog = {
      ...mockCatalog,
      products: mockCatalog.products.map((p) => (p.id === E3 ? { ...p, name: evil } : p)),
    };
    await mock.inject({ path: '/catalog', status: 200, body: hostile });
    const el = await mount(mock);
    await el.addProduct(E3);
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    expect(root(el).querySelector('img, b')).to.equal(null);
    expect(text(part(rows(el)[0]!, 'line-name'))).to.equal(evil);
    expect((window as { __lcPwned?: boolean }).__lcPwned).to.equal(undefined);
  });

  it('takes the API client from a property and its strings can be overridden', async () => {
    const fake: CheckoutApi = {
      getCatalog: async () => ({ currency: 'EUR', products: [mockCatalog.products.find((p) => p.id === BASIC)!] }),
    } as Partial<CheckoutApi> as CheckoutApi;
    const el = await fixture<LcCart>(html`<lc-cart lang="en-GB" .api=${fake} .strings=${{ 'cart.checkout': 'Continue' }}></lc-cart>`);
    await waitUntil(() => part(root(el), 'empty'));
    await el.addProduct(BASIC, { quantity: 2 });
    await el.updateComplete;
    expect(text(part(rows(el)[0]!, 'line-total'))).to.equal('€12.00 per month');
    expect(text(part(root(el), 'checkout-button'))).to.equal('Continue');
  });

  it('changes only the text whose key its strings override, not for other steps’ or unprefixed keys', async () => {
    const el = await mount(mock);
    await el.addProduct(BASIC, { quantity: 2 });
    await el.updateComplete;
    const before = shownTexts(el);
    el.strings = { 'cart.heading': 'Panier' };
    await el.updateComplete;
    const after = shownTexts(el);
    expect(changedTexts(before, after)).to.deep.equal([['Your cart', 'Panier']]);
    expect(text(part(root(el), 'heading'))).to.equal('Panier');
    // The same heading under the steps' part name too.
    expect(part(root(el), 'step-heading')).to.equal(part(root(el), 'heading'));
    // One table for every step, as <lc-checkout>.strings is: the other steps' keys and the
    // old unprefixed ones leave the cart as it was.
    const shared: Record<string, string> = {
      'cart.heading': 'Panier',
      heading: 'Unprefixed',
      checkout: 'Unprefixed',
      retry: 'Unprefixed',
      remove: 'Unprefixed',
      'customerType.heading': 'Customer type',
      'customerDetails.heading': 'Customer details',
      'checkout.retry': 'Checkout',
      'review.quantity': 'Review',
    };
    el.strings = shared;
    await el.updateComplete;
    expect(shownTexts(el)).to.deep.equal(after);
  });

  it('changing one quantity in a large cart re-renders only that line and the totals', async () => {
    // Rendering a line shows its product's name: the catalog served here counts who reads it.
    const nameReads: number[] = [];
    const products = Array.from({ length: 300 }, (_, i) => {
      const product = {
        id: `p${i}`,
        minQuantity: 1,
        maxQuantity: 300,
        offers: [{ term: 'P1Y' as const, billing: 'monthly' as const, unitPrice: 100 + i }],
      };
      Object.defineProperty(product, 'name', {
        enumerable: true,
        get: () => {
          nameReads.push(i);
          return `Product ${i}`;
        },
      });
      return product as typeof product & { name: string };
    });
    const fake = { getCatalog: async () => ({ currency: 'USD', products }) } as Partial<CheckoutApi> as CheckoutApi;
    const el = await fixture<LcCart>(html`<lc-cart lang="en-US" .api=${fake}></lc-cart>`);
    el.lines = products.map((p) => ({ productId: p.id, term: 'P1Y', billing: 'monthly', quantity: 5 }));
    await waitUntil(() => rows(el).length === 300, 'the 300 lines');
    await el.updateComplete;
    const before = rows(el);
    const inputs = before.map(quantityInput);
    const totals = text(part(root(el), 'totals'));
    expect(text(part(rows(el)[299]!, 'line-name'))).to.equal('Product 299');
    // Watch every DOM change, and which lines are rendered again (they read their product's name).
    nameReads.length = 0;
    const touched = new Set<Node>();
    const observer = new MutationObserver((records) => records.forEach((r) => touched.add(r.target)));
    observer.observe(root(el), { subtree: true, childList: true, attributes: true, characterData: true });
    const changed = inputs[150]!;
    changed.value = '7';
    changed.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    changed.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await el.updateComplete;
    observer.disconnect();

    expect(el.lines[150]!.quantity).to.equal(7);
    expect(text(part(rows(el)[150]!, 'line-total'))).to.equal('$17.50 per month');
    expect(text(part(root(el), 'totals'))).to.not.equal(totals);
    expect([...new Set(nameReads)]).to.deep.equal([150]);
    // Every line is the same element as before, and no other line's DOM was touched.
    expect(rows(el).every((row, i) => row === before[i])).to.equal(true);
    expect(rows(el).map(quantityInput).every((input, i) => input === inputs[i])).to.equal(true);
    const lineOf = (node: Node) => before.find((row) => row.contains(node));
    const linesTouched = new Set([...touched].map(lineOf).filter(Boolean));
    expect([...linesTouched]).to.deep.equal([before[150]]);
    expect(inputs.filter((input, i) => i !== 150 && input.value !== '5')).to.deep.equal([]);
  });

  it('lays out within 320 px and right-to-left', async () => {
    // Not fixture(<div>): it waits for an animation frame, which a background test page never gets.
    const wrapper = document.createElement('div');
    wrapper.dir = 'rtl';
    wrapper.style.inlineSize = '320px';
    document.body.append(wrapper);
    const el = await fixture<LcCart>(html`<lc-cart api-base=${mock.baseUrl}></lc-cart>`, { parentNode: wrapper });
    await waitUntil(() => !part(root(el), 'loading'));
    await el.addProduct(E3, { term: 'P1Y', billing: 'monthly' });
    await el.updateComplete;
    expect(el.scrollWidth).to.be.at.most(320);
    const row = rows(el)[0]!;
    const rowBox = row.getBoundingClientRect();
    const remove = part(row, 'remove-button')!.getBoundingClientRect();
    // In RTL the name starts on the right; every control fits inside the row.
    for (const control of row.querySelectorAll('select, input, button')) {
      const box = control.getBoundingClientRect();
      expect(box.left).to.be.at.least(rowBox.left - 0.5);
      expect(box.right).to.be.at.most(rowBox.right + 0.5);
    }
    const name = part(row, 'line-name')!.getBoundingClientRect();
    expect(name.right).to.be.greaterThan(remove.right);
    // The wrapper goes after open-wc's own fixture cleanup, which removes from it.
    setTimeout(() => wrapper.remove(), 100);
  });
});
