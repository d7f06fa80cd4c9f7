/**
 * `<lc-checkout>` as an integrator meets it: configuration (`api-base`, `apiOptions`, `api`,
 * `lang`, `strings`), the step list, step-change events and focus, the public methods, and
 * the designed states (catalog loading or down, empty cart), and the navigation guard while
 * the order's tasks run. The whole flow is in flow.test.ts; resume after a reload in resume.test.ts.
 */
import { expect, fixture, fixtureSync, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { CheckoutApi } from '../src/api/api.js';
import { HttpCheckoutApi } from '../src/api/client.js';
import type { LcCheckout } from '../src/components/checkout/checkout.js';
import type { LcErrorEvent } from '../src/events/error.js';
import type { LcNavigationBlockedEvent } from '../src/events/navigation-blocked.js';
import type { LcStepChangeEvent } from '../src/events/step-change.js';
import {
  BASIC,
  E3,
  chooseInternal,
  chooseNew,
  click,
  currentStep,
  fillCart,
  mountCheckout,
  placeOrderButton,
  provisioningOf,
  reviewWithQuote,
  stepRoot,
  text,
  typeInto,
  waitForOrderStatus,
  waitForStep,
} from './helpers/flow.js';
import { clearPageStorage, createTestMock, type TestMock } from './helpers/mock.js';

function part(el: LcCheckout, name: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

function stepItems(el: LcCheckout): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="step-item"]')];
}

/** Where focus is, through the shadow roots. */
function deepActive(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

function beforeUnloadPrevented(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

/** Clicks a host page link; returns whether something stopped it before a safety net that keeps this page here. */
function linkClickPrevented(a: HTMLAnchorElement): boolean {
  let prevented: boolean | undefined;
  const net = (event: Event) => {
    prevented = event.defaultPrevented;
    event.preventDefault();
  };
  a.addEventListener('click', net);
  a.click();
  a.removeEventListener('click', net);
  if (prevented === undefined) throw new Error('the click did not reach the link');
  return prevented;
}

async function cartLoaded(el: LcCheckout): Promise<ShadowRoot> {
  await waitForStep(el, 'cart');
  const root = stepRoot(el);
  await waitUntil(() => !root.querySelector('[part~="loading"]'), 'the catalog did not load');
  return root;
}

describe('<lc-checkout>', () => {
  let mock: TestMock;

  beforeEach(async () => {
    clearPageStorage('http://127.0.0.1:9/nowhere');
    mock = await createTestMock({ speed: 1000 });
  });
  afterEach(() => {
    clearPageStorage('http://127.0.0.1:9/nowhere');
  });

  it('is accessible at the cart, empty and with lines', async () => {
    const el = await mountCheckout(mock);
    await cartLoaded(el);
    await expect(el).to.be.accessible();
    await el.addProduct(E3, { quantity: 2 });
    await expect(el).to.be.accessible();
  });

  it('marks the current step in the step list, and lists the steps of the path', async () => {
    const el = await mountCheckout(mock);
    await cartLoaded(el);
    const list = part(el, 'step-list')!;
    expect(list.localName).to.equal('ol');
    expect(stepItems(el).map((item) => text(item))).to.deep.equal(['Cart', 'Recipient', 'Review', 'Order']);
    expect(stepItems(el).map((item) => item.getAttribute('aria-current'))).to.deep.equal(['step', 'false', 'false', 'false']);
    // Steps not reached yet are not buttons.
    expect(list.querySelector('button')).to.equal(null);
  });

  it('numbers the steps of the path in their markers, the "more steps" marker not counted', async () => {
    const el = await mountCheckout(mock);
    await cartLoaded(el);
    const markers = () => stepItems(el).map((item) => getComputedStyle(item, '::before').content);
    expect(part(el, 'step-more')).not.to.equal(null);
    expect(markers()).to.deep.equal(['"1"', '"2"', '"3"', '"4"']);
    // Once the path is known, every step of it.
    await fillCart(el);
    await chooseNew(el);
    const names = stepItems(el).map((item) => text(item));
    expect(names).to.include.members(['Cart', 'Recipient', 'Company', 'Review', 'Order']);
    expect(markers()).to.deep.equal(names.map((_, i) => `"${i + 1}"`));
  });

  it('shows the empty cart, and loads the catalog once for the cart and the checkout rules', async () => {
    const el = await mountCheckout(mock);
    const root = await cartLoaded(el);
    expect(text(root.querySelector('[part~="empty"]'))).to.contain('Your cart is empty');
    await waitUntil(() => el.state.catalog, 'the checkout did not load the catalog');
    expect(el.state.catalog!.products.some((p) => p.id === E3)).to.equal(true);
    expect(await mock.requests({ method: 'GET', path: '/catalog' })).to.have.length(1);
    // Still one through a whole checkout: the cart, the recipient, the review.
    await fillCart(el);
    await chooseInternal(el);
    await reviewWithQuote(el);
    expect(await mock.requests({ method: 'GET', path: '/catalog' })).to.have.length(1);
  });

  it('renders itself and its cart twice at the start (without, then with the catalog), and only the new line on addProduct()', async () => {
    // Rendering a cart line shows its product's name: the catalog served here counts who reads it.
    const catalog = await new HttpCheckoutApi({ baseUrl: mock.baseUrl }).getCatalog();
    const nameReads: string[] = [];
    const products = catalog.products.map((p) => {
      const product = { ...p };
      Object.defineProperty(product, 'name', { enumerable: true, get: () => (nameReads.push(p.id), p.name) });
      return product;
    });
    const api = { getCatalog: () => Promise.resolve({ ...catalog, products }) } as Partial<CheckoutApi> as CheckoutApi;
    const updates: Record<string, number> = { 'lc-checkout': 0, 'lc-cart': 0 };
    const restore = Object.keys(updates).map((tag) => {
      const proto = customElements.get(tag)!.prototype as { update(changed: unknown): void };
      const original = proto.update;
      proto.update = function (this: unknown, changed: unknown) {
        updates[tag]!++;
        original.call(this, changed);
      };
      return () => (proto.update = original);
    });
    // Narrower than the wide layout, which would be one more (later) render of its own.
    const wrapper = document.createElement('div');
    wrapper.style.inlineSize = '320px';
    document.body.append(wrapper);
    try {
      const el = await fixture<LcCheckout>(html`<lc-checkout lang="en-US" .api=${api}></lc-checkout>`, { parentNode: wrapper });
      const root = await cartLoaded(el);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(updates).to.deep.equal({ 'lc-checkout': 2, 'lc-cart': 2 });

      await el.addProduct(E3);
      await el.addProduct(BASIC);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(root.querySelectorAll('[part~="line"]')).to.have.length(2);
      // The host page adds a third product: the checkout renders it, then its announcement; the cart renders once.
      updates['lc-checkout'] = updates['lc-cart'] = 0;
      nameReads.length = 0;
      const third = products.find((p) => p.id !== E3 && p.id !== BASIC)!.id;
      await el.addProduct(third);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(root.querySelectorAll('[part~="line"]')).to.have.length(3);
      expect(updates).to.deep.equal({ 'lc-checkout': 2, 'lc-cart': 1 });
      // A new array of lines renders every line once (its lines are the cart's own copies); not again on the announcement.
      expect(nameReads.filter((id) => id === E3 || id === BASIC).sort()).to.deep.equal([E3, BASIC].sort());
    } finally {
      restore.forEach((undo) => undo());
      // The wrapper goes after open-wc's own fixture cleanup, which removes from it.
      setTimeout(() => wrapper.remove(), 100);
    }
  });

  it('keeps typed values and offers Retry when the backend is down at the start', async () => {
    await mock.inject({ path: '/catalog', status: 503, times: 1 });
    const errors: LcErrorEvent[] = [];
    const collect = (e: Event) => errors.push(e as LcErrorEvent);
    document.addEventListener('lc-error', collect);
    try {
      const el = await mountCheckout(mock);
      await waitForStep(el, 'cart');
      const root = stepRoot(el);
      await waitUntil(() => root.querySelector('[part~="failed"]'), 'no error state');
      expect(text(root.querySelector('[part~="failed"]'))).to.contain('The products could not be loaded.');
      await waitUntil(() => errors.length > 0, 'no lc-error');
      expect(errors[0]!.context).to.equal('catalog');
      await click(root, 'Retry');
      await waitUntil(() => root.querySelector('[part~="empty"]'), 'Retry did not load the catalog');
      expect(errors).to.have.length(1);
      expect(await mock.requests({ method: 'GET', path: '/catalog' })).to.have.length(2);
    } finally {
      document.removeEventListener('lc-error', collect);
    }
  });

  it('addProduct() works before the checkout is on the page (queued), and the state follows the cart', async () => {
    const el = document.createElement('lc-checkout');
    el.apiBase = mock.baseUrl;
    const added = el.addProduct(BASIC, { quantity: 4 });
    // fixtureSync: a plain <div> has no updateComplete, and fixture() would wait for a frame (none come in a background tab).
    fixtureSync(html`<div></div>`).append(el);
    const line = await added;
    expect(line).to.include({ productId: BASIC, quantity: 4 });
    await waitUntil(() => el.state.lines.length === 1, 'the checkout state did not get the line');
    expect(el.state.lines[0]).to.include({ productId: BASIC, quantity: 4 });
    el.remove();
  });

  it('addProduct() while an invalid quantity is typed in another line keeps that text and its error', async () => {
    const el = await mountCheckout(mock);
    const root = await cartLoaded(el);
    await el.addProduct(E3, { quantity: 3 });
    const inputs = () => [...root.querySelectorAll<HTMLInputElement>('[part~="quantity-input"]')];
    await waitUntil(() => inputs().length === 1, 'the line did not show');
    await typeInto(inputs()[0]!, '0');
    await waitUntil(() => inputs()[0]!.getAttribute('aria-invalid') === 'true', 'the typed quantity was not flagged');
    await el.addProduct(BASIC, { quantity: 2 });
    await waitUntil(() => inputs().length === 2, 'the added line did not show');
    await (currentStep(el) as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    const [typed, added] = inputs();
    expect(typed!.value).to.equal('0');
    expect(typed!.getAttribute('aria-invalid')).to.equal('true');
    expect(text(typed!.closest('[part~="field"]')!.querySelector('[part~="error"]'))).to.contain('from 1 to');
    expect(added!.value).to.equal('2');
    // The cart keeps the last valid quantity, and an invalid line still blocks checking out.
    expect(el.state.lines.map((line) => [line.productId, line.quantity])).to.deep.equal([[E3, 3], [BASIC, 2]]);
    expect((root.querySelector('[part~="checkout-button"]') as HTMLButtonElement).disabled).to.equal(true);
  });

  it('Checkout fires lc-step-change, moves focus to the next heading and announces the step', async () => {
    const el = await mountCheckout(mock);
    await cartLoaded(el);
    await el.addProduct(E3, { quantity: 3 });
    const changed = oneEvent(el, 'lc-step-change') as Promise<LcStepChangeEvent>;
    await click(stepRoot(el), 'Checkout');
    const event = await changed;
    expect(event.step).to.equal('customer-type');
    expect(event.previousStep).to.equal('cart');
    expect(event.steps).to.deep.equal(['cart', 'customer-type', 'review', 'provisioning']);
    expect(event.bubbles && event.composed).to.equal(true);
    await waitForStep(el, 'customer-type');
    await waitUntil(() => deepActive()?.matches('h1, h2, h3, [part~="step-heading"], [part~="heading"]'), 'focus did not move to the heading');
    expect(currentStep(el).shadowRoot!.contains(deepActive())).to.equal(true);
    expect(stepItems(el).map((item) => item.getAttribute('aria-current'))).to.deep.equal(['false', 'step', 'false', 'false']);
    await waitUntil(() => text(part(el, 'status')) !== '', 'nothing announced');
    expect(text(part(el, 'status'))).to.equal('Step 2 of 4: Recipient. More steps follow once the recipient is chosen');
    expect(part(el, 'status')!.getAttribute('role')).to.equal('status');
  });

  it('says the step’s place as the step list shows it, the Order step counted', async () => {
    /** What the list shows: the current step's place among its items, and whether more follow. */
    const listed = () => {
      const items = stepItems(el);
      const at = items.findIndex((item) => item.getAttribute('aria-current') === 'step');
      return `Step ${at + 1} of ${items.length}: ${text(items[at]!)}.${part(el, 'step-more') ? ' More steps follow once the recipient is chosen' : ''}`;
    };
    const announced = async (expected: string) => {
      await waitUntil(() => text(part(el, 'status')) === expected, `announced “${text(part(el, 'status'))}”, not “${expected}”`);
      expect(listed()).to.equal(expected);
    };
    const el = await mountCheckout(mock);
    await fillCart(el);
    await announced('Step 2 of 4: Recipient. More steps follow once the recipient is chosen');
    await chooseNew(el);
    await announced('Step 3 of 7: Company.');
    expect(text(stepItems(el).at(-1)!)).to.equal('Order');
    (stepItems(el)[1]!.querySelector('button') as HTMLButtonElement).click();
    await waitForStep(el, 'customer-type');
    await announced('Step 2 of 7: Recipient.');
    await chooseInternal(el);
    await waitForStep(el, 'review');
    await announced('Step 3 of 4: Review.');
  });

  it('a visited step in the list is a button back to it, and the cart keeps its lines', async () => {
    const el = await mountCheckout(mock);
    await fillCart(el, [{ productId: E3, quantity: 7 }]);
    const back = part(el, 'step-button') as HTMLButtonElement;
    expect(back.getAttribute('aria-label')).to.equal('Go back to Cart');
    back.click();
    await waitForStep(el, 'cart');
    const quantity = stepRoot(el).querySelector<HTMLInputElement>('[part~="quantity-input"]')!;
    expect(quantity.value).to.equal('7');
  });

  it('reset() goes back to the cart and forgets the recipient', async () => {
    const el = await mountCheckout(mock);
    await fillCart(el);
    el.reset();
    await waitForStep(el, 'cart');
    expect(el.state.recipientKind).to.equal(undefined);
    expect(el.state.lines).to.have.length(1);
  });

  it('sends apiOptions headers, and makes a new client when apiOptions change', async () => {
    const el = await fixture<LcCheckout>(
      html`<lc-checkout api-base=${mock.baseUrl} .apiOptions=${{ headers: { 'x-reseller': 'one' }, getAccessToken: () => 'tok-1' }}></lc-checkout>`,
    );
    await cartLoaded(el);
    await waitUntil(async () => (await mock.requests({ path: '/catalog' })).length >= 1, 'catalog not requested');
    const first = await mock.requests({ path: '/catalog' });
    expect(first.every((r) => r.headers['x-reseller'] === 'one' && r.headers.authorization === 'Bearer tok-1')).to.equal(true);

    el.apiOptions = { headers: { 'x-reseller': 'two' } };
    await waitUntil(async () => (await mock.requests({ path: '/catalog' })).some((r) => r.headers['x-reseller'] === 'two'), 'no request with the new options');
  });

  it('uses an api object instead of HTTP when given one', async () => {
    const http = new HttpCheckoutApi({ baseUrl: mock.baseUrl });
    const calls: string[] = [];
    const api = new Proxy(http, {
      get(target, name, receiver) {
        const value = Reflect.get(target, name, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          calls.push(String(name));
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    }) as CheckoutApi;
    const el = await fixture<LcCheckout>(html`<lc-checkout api-base="http://127.0.0.1:9/nowhere" .api=${api}></lc-checkout>`);
    await cartLoaded(el);
    await waitUntil(() => el.state.catalog, 'no catalog through the api object');
    expect(calls).to.include('getCatalog');
  });

  it('formats with its lang and passes strings overrides to every element inside', async () => {
    const el = await fixture<LcCheckout>(
      html`<lc-checkout
        api-base=${mock.baseUrl}
        lang="de-DE"
        .strings=${{ 'checkout.step.cart': 'Warenkorb', 'cart.heading': 'Ihr Warenkorb' }}
      ></lc-checkout>`,
    );
    const root = await cartLoaded(el);
    await el.addProduct(E3, { quantity: 1 });
    await waitUntil(() => root.querySelector('[part~="unit-price"]'));
    expect(text(root.querySelector('[part~="unit-price"]'))).to.equal('36,00 $ per month');
    expect(text(root.querySelector('[part~="heading"]'))).to.equal('Ihr Warenkorb');
    expect(text(stepItems(el)[0])).to.equal('Warenkorb');
  });

  it('fits 320 px, right to left, without horizontal scrolling', async () => {
    const host = fixtureSync<HTMLDivElement>(html`<div dir="rtl" style="width: 320px"></div>`);
    const el = document.createElement('lc-checkout');
    el.apiBase = mock.baseUrl;
    host.append(el);
    await cartLoaded(el);
    await el.addProduct(E3, { quantity: 3 });
    await el.updateComplete;
    const overflows = () => [el, currentStep(el)].filter((node) => node.scrollWidth > node.clientWidth + 1).map((node) => node.localName);
    expect(overflows()).to.deep.equal([]);
    expect(el.getBoundingClientRect().width).to.equal(320);
    // The step list wraps inside the width; only the current step keeps its name visible.
    const list = part(el, 'step-list')!;
    expect(list.getBoundingClientRect().right).to.be.at.most(el.getBoundingClientRect().right + 0.5);
    expect(getComputedStyle(list).direction).to.equal('rtl');
    await click(stepRoot(el), 'Checkout');
    await waitForStep(el, 'customer-type');
    expect(overflows()).to.deep.equal([]);
  });

  it('re-exports the parts of the steps inside', async () => {
    const el = await mountCheckout(mock);
    await cartLoaded(el);
    // The cart re-exports its own parts and those every step shares.
    const fromCart = (currentStep(el).getAttribute('exportparts') ?? '').split(/,\s*/);
    for (const name of ['button', 'checkout-button', 'quantity-input', 'step-heading', 'input', 'per-year-offer']) {
      expect(fromCart).to.include(name);
    }
    // Every later step re-exports every part of every step.
    await fillCart(el);
    const exported = currentStep(el).getAttribute('exportparts') ?? '';
    for (const name of [
      'button',
      'checkout-button',
      'quantity-input',
      'next-button',
      'place-order-button',
      'step-heading',
      'input',
      'order-id',
      'status-row',
      'task-status',
      'progress',
      'outcome',
      'new-order-button',
      'copy-button',
    ]) {
      expect(exported.split(/,\s*/)).to.include(name);
    }
    // And every part the elements inside document (the custom-elements manifest, from their JSDoc).
    const manifest = (await (await fetch('/custom-elements.json')).json()) as {
      modules: Array<{ declarations?: Array<{ tagName?: string; cssParts?: Array<{ name: string }> }> }>;
    };
    const inside = ['lc-cart', 'lc-customer-type', 'lc-customer-details', 'lc-tenant-domain', 'lc-admin-access', 'lc-agreement', 'lc-order-review', 'lc-provisioning'];
    const documented = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => inside.includes(d.tagName ?? ''));
    expect(documented.map((d) => d.tagName).sort()).to.deep.equal([...inside].sort());
    const missing = documented.flatMap((d) => (d.cssParts ?? []).filter((p) => !exported.split(/,\s*/).includes(p.name)).map((p) => `${d.tagName}: ${p.name}`));
    expect(missing, 'parts not re-exported by <lc-checkout>').to.deep.equal([]);
  });

  it('holds the page while a task runs (beforeunload, host links, lc-navigation-blocked, a notice) and lets go once complete', async () => {
    // Slow enough to look at the page while the task runs (about 2.4 s).
    mock = await createTestMock({ speed: 5 });
    const el = await mountCheckout(mock);
    const blocked: LcNavigationBlockedEvent[] = [];
    el.addEventListener('lc-navigation-blocked', (e) => blocked.push(e));
    const a = document.createElement('a');
    a.href = '/__leave-test/elsewhere';
    a.textContent = 'Elsewhere';
    document.body.append(a);
    try {
      await fillCart(el);
      await chooseInternal(el);
      await reviewWithQuote(el);
      expect(el.provisioningActive).to.equal(false);
      expect(beforeUnloadPrevented()).to.equal(false);
      expect(linkClickPrevented(a)).to.equal(false);
      expect(blocked).to.have.length(0);

      placeOrderButton(el).click();
      const shown = await provisioningOf(el);
      await waitUntil(() => shown.order?.tasks.some((task) => task.status === 'running'), 'no task running');
      expect(el.provisioningActive).to.equal(true);
      expect(beforeUnloadPrevented()).to.equal(true);
      expect(linkClickPrevented(a)).to.equal(true);
      expect(blocked).to.have.length(1);
      expect(blocked[0]!.kind).to.equal('link');
      expect(blocked[0]!.url).to.equal(a.href);
      expect(blocked[0]!.cancelable && blocked[0]!.bubbles && blocked[0]!.composed).to.equal(true);
      await el.updateComplete;
      await shown.updateComplete;
      const notice = shown.shadowRoot!.querySelector('[part~="notice"]');
      expect(text(notice)).to.contain('Please stay on this page until the running tasks have finished');
      expect(notice!.getAttribute('role')).to.equal('alert');

      // A host app with its own router takes over by cancelling the event: the link is not stopped.
      el.addEventListener('lc-navigation-blocked', (e) => e.preventDefault(), { once: true });
      expect(linkClickPrevented(a)).to.equal(false);
      expect(blocked).to.have.length(2);

      await waitForOrderStatus(el, 'completed', 6000);
      expect(el.provisioningActive).to.equal(false);
      expect(beforeUnloadPrevented()).to.equal(false);
      expect(linkClickPrevented(a)).to.equal(false);
      expect(blocked).to.have.length(2);
      expect(shown.shadowRoot!.querySelector('[part~="notice"]')).to.equal(null);
    } finally {
      a.remove();
    }
  }).timeout(15000);

  it('a custom strings table words the guard message', async () => {
    mock = await createTestMock({ speed: 5 });
    const el = await mountCheckout(mock);
    el.strings = { 'checkout.leaveMessage': 'Bitte bleiben Sie auf dieser Seite.' };
    const a = document.createElement('a');
    a.href = '/__leave-test/elsewhere';
    document.body.append(a);
    try {
      await fillCart(el);
      await chooseInternal(el);
      await reviewWithQuote(el);
      placeOrderButton(el).click();
      const shown = await provisioningOf(el);
      await waitUntil(() => el.provisioningActive && shown.order?.status === 'provisioning', 'the order is not running');
      expect(linkClickPrevented(a)).to.equal(true);
      await el.updateComplete;
      await shown.updateComplete;
      expect(text(shown.shadowRoot!.querySelector('[part~="notice"]'))).to.equal('Bitte bleiben Sie auf dieser Seite.');
    } finally {
      a.remove();
    }
  }).timeout(15000);
});
