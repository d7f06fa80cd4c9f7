// In-page half of the benchmark: loads the built bundle, and exposes `window.bench` for
// bench/run.mjs (puppeteer) to call.
//
// What every rendering time (a), (b), (c) covers, on both sides alike:
//   performance.now() before the action (append / input+change events / click), then the
//   work it causes until the result is in the DOM, then a forced synchronous style + layout
//   (`layout()` below), then performance.now().
// The vanilla reference does its work synchronously. The widget renders in microtasks (Lit
// updates after a microtask, and `updateComplete` resolves in microtasks), so it is awaited
// with `settle()`: through microtasks only, awaiting the elements' `updateComplete`, i.e.
// within the same task, exactly like the reference. Nothing can paint inside one task, so
// neither side's time contains a rendering frame (paint, compositing, rAF callbacks): paint
// is excluded on both sides; style and layout are included on both sides. Only if the widget
// is still not done after MICRO_TURNS microtask turns does `settle()` yield whole tasks (a
// frame may then fall into the widget's time); each run reports how many tasks it yielded,
// and bench/run.mjs prints it, so such a run is visible rather than silently unfair.
import { mountVanillaCart } from '/bench/vanilla-cart.js';

const bundleUrl = new URL(location.href).searchParams.get('bundle') ?? '/dist/license-checkout.js';
const lc = await import(bundleUrl);

const stage = document.getElementById('stage');
const yieldTask = () => new Promise((resolve) => {
  // A macrotask without setTimeout's clamping (and not affected by the time scale).
  const channel = new MessageChannel();
  channel.port1.onmessage = () => resolve();
  channel.port2.postMessage(0);
});
/** Forces style recalculation and layout now (both sides end their timing with it). */
const layout = (node) => node.getBoundingClientRect().height + document.body.offsetHeight;

const MICRO_TURNS = 200;
/**
 * Waits until `check()` is truthy without leaving the current task: after each failed check it
 * awaits the `updateComplete` of the Lit elements `updating()` lists (or one microtask). After
 * MICRO_TURNS turns it falls back to yielding tasks. Resolves with { value, tasks }, `tasks`
 * being the number of tasks yielded (0: the whole wait stayed in the task that started it).
 */
async function settle(check, what, updating = () => [], timeoutMs = 10000) {
  const start = performance.now();
  let tasks = 0;
  for (let turn = 0; ; turn++) {
    const value = check();
    if (value) return { value, tasks };
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    if (turn < MICRO_TURNS) {
      await Promise.all(updating().filter(Boolean).map((el) => el.updateComplete));
    } else {
      tasks++;
      await yieldTask();
    }
  }
}

async function until(check, what, timeoutMs = 10000) {
  const start = performance.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await yieldTask();
  }
}

let catalog;
let bigCatalog;
let http;
let storageTemplate;

/** A `CheckoutApi` in memory: the catalog from memory, anything else through the mock over HTTP. */
function memoryApi(cat) {
  const api = Object.create(null);
  for (const name of ['searchCustomers', 'checkDomain', 'lookupTenant', 'validateAddress', 'getAgreement', 'createQuote', 'placeOrder', 'getOrder', 'watchOrder']) {
    api[name] = (...args) => http[name](...args);
  }
  api.getCatalog = () => Promise.resolve(cat);
  api.baseUrl = `bench-memory-${cat.products.length}`; // keys the stored cart
  return api;
}

const STEP_TAGS = ['lc-customer-type', 'lc-customer-details', 'lc-tenant-domain', 'lc-agreement', 'lc-order-review', 'lc-provisioning'];
const checkoutDefined = () => Boolean(customElements.get('lc-checkout'));

function cartOf(checkout) {
  return checkout.shadowRoot?.querySelector('lc-cart');
}

function cartReady(checkout, lines) {
  const root = cartOf(checkout)?.shadowRoot;
  if (!root) return false;
  const button = root.querySelector('[part~="checkout-button"]');
  return root.querySelectorAll('[part~="line"]').length === lines && button && !button.disabled;
}

/** Makes `lines` the stored cart of `api`, in the format the cart itself writes. */
function storeCart(api, lines) {
  const key = storageTemplate.key.replace(storageTemplate.base, api.baseUrl);
  localStorage.setItem(key, JSON.stringify({ ...storageTemplate.value, lines: lines.map((l) => ({ ...storageTemplate.line, ...l })) }));
}

function linesFor(cat, count) {
  const lines = [];
  for (const product of cat.products) {
    for (const offer of product.offers) {
      if (lines.length === count) return lines;
      lines.push({ productId: product.id, term: offer.term, billing: offer.billing, quantity: Math.max(product.minQuantity, Math.min(product.maxQuantity, 5)) });
    }
  }
  return lines;
}

function sheetsOf(tag) {
  return customElements.get(tag).elementStyles.map((s) => (s instanceof CSSStyleSheet ? s : s.styleSheet));
}

function mountCheckout(api) {
  const el = document.createElement('lc-checkout');
  el.setAttribute('lang', 'en-US');
  el.api = api;
  stage.append(el);
  return el;
}

window.bench = {
  status() {
    return {
      checkout: checkoutDefined(),
      elements: ['lc-checkout', 'lc-cart', 'lc-customer-type', 'lc-customer-details', 'lc-tenant-domain', 'lc-agreement', 'lc-order-review', 'lc-provisioning'].filter((t) => customElements.get(t)),
      exports: Object.keys(lc),
    };
  },

  /** Loads the catalog from the mock at `mockBase`, and learns how the cart stores itself. */
  async setup(mockBase) {
    http = new lc.HttpCheckoutApi({ baseUrl: mockBase, retry: 0 });
    catalog = await http.getCatalog();
    // A big catalog for the 1,000-line cart: the real products, cloned under new ids.
    const products = [];
    for (let i = 0; products.length < 1000; i++) {
      const p = catalog.products[i % catalog.products.length];
      products.push({ ...p, id: `${p.id}-b${i}`, name: `${p.name} (${i + 1})`, offers: [p.offers[0]] });
    }
    bigCatalog = { ...catalog, products };
    if (!checkoutDefined()) return { checkout: false };
    // The stored cart's key and shape, learned from the element itself.
    localStorage.clear();
    const api = memoryApi(catalog);
    const el = mountCheckout(api);
    await el.addProduct(catalog.products[0].id);
    await el.updateComplete;
    // The script-tag file loads the steps' file while idle once the cart is shown: the figures
    // below time rendering, not that load, so they start once every step is defined.
    await Promise.race([
      Promise.all(STEP_TAGS.map((tag) => customElements.whenDefined(tag))),
      new Promise((resolve) => setTimeout(resolve, 10000)),
    ]);
    el.remove();
    const key = Object.keys(localStorage).find((k) => localStorage.getItem(k).includes(catalog.products[0].id));
    if (!key) throw new Error('the cart did not store itself');
    const value = JSON.parse(localStorage.getItem(key));
    storageTemplate = { key, base: api.baseUrl, value, line: value.lines[0] };
    localStorage.clear();
    return { checkout: true, storageKey: key };
  },

  /** (a) First render of a 10-line checkout until interactive; `kind` 'widget' or 'vanilla'. */
  async firstRender(kind, count = 10) {
    const lines = linesFor(catalog, count);
    stage.replaceChildren();
    await yieldTask();
    if (kind === 'vanilla') {
      const sheets = { checkout: sheetsOf('lc-checkout'), cart: sheetsOf('lc-cart') };
      const t0 = performance.now();
      const v = mountVanillaCart(stage, { catalog, lines, sheets });
      layout(v.host);
      const ms = performance.now() - t0;
      v.host.remove();
      return { ms, tasks: 0 };
    }
    const api = memoryApi(catalog);
    storeCart(api, lines);
    const t0 = performance.now();
    const el = mountCheckout(api);
    const { tasks } = await settle(() => cartReady(el, count), 'the cart to be interactive', () => [el, cartOf(el)]);
    layout(el);
    const ms = performance.now() - t0;
    el.remove();
    return { ms, tasks };
  },

  /**
   * (b) Mounts a 1,000-line cart (not timed); then `runs` quantity changes of line 501. Each is
   * timed from setting the value (input + change events) until the totals text differs from
   * before, + forced layout. The totals element and the input are resolved once, before any
   * timing, on both sides (no tree-wide query inside the timing).
   */
  async bigUpdate(kind, runs, { profile = false } = {}) {
    const count = 1000;
    const lines = linesFor(bigCatalog, count);
    stage.replaceChildren();
    let totalsText, input, host, updating;
    if (kind === 'vanilla') {
      const v = mountVanillaCart(stage, { catalog: bigCatalog, lines, sheets: { checkout: sheetsOf('lc-checkout'), cart: sheetsOf('lc-cart') } });
      host = v.host;
      totalsText = v.totalsText;
      input = v.quantityInput(500);
      updating = () => [];
    } else {
      const api = memoryApi(bigCatalog);
      storeCart(api, lines);
      host = mountCheckout(api);
      await until(() => cartReady(host, count), 'the 1,000-line cart', 60000);
      const cart = cartOf(host);
      const root = cart.shadowRoot;
      const totals = root.querySelector('[part~="totals"]');
      totalsText = () => totals.textContent;
      input = root.querySelectorAll('[part~="quantity-input"]')[500];
      updating = () => [cart, host];
      const t = totalsText();
      if (!t) throw new Error('no totals in the cart');
    }
    layout(host);
    const times = [];
    if (profile) console.profile('bigUpdate'); // bench/profile.mjs: only the timed loop
    for (let i = 0; i < runs; i++) {
      await yieldTask();
      const before = totalsText();
      const next = String(Number(input.value) === 6 ? 7 : 6);
      const t0 = performance.now();
      input.value = next;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      const { tasks } = await settle(() => totalsText() !== before, 'the totals to change', updating);
      layout(host);
      times.push({ ms: performance.now() - t0, tasks });
    }
    if (profile) console.profileEnd('bigUpdate');
    host.remove();
    return times;
  },

  /** (c) customer type → customer details: from Continue until the details form is shown. */
  async stepChange() {
    const lines = linesFor(catalog, 3);
    stage.replaceChildren();
    // Each run starts fresh: the checkout keeps a draft of the steps in sessionStorage and would resume it.
    sessionStorage.clear();
    const api = memoryApi(catalog);
    storeCart(api, lines);
    const el = mountCheckout(api);
    await until(() => cartReady(el, 3), 'the cart');
    cartOf(el).shadowRoot.querySelector('[part~="checkout-button"]').click();
    const step = await until(() => el.step === 'customer-type' && visibleStep(el, 'customer-type'), 'the customer-type step');
    await step.updateComplete;
    clickLabel(step.shadowRoot, 'A customer I resell to');
    await step.updateComplete;
    clickLabel(step.shadowRoot, 'New customer');
    await step.updateComplete;
    await el.updateComplete;
    const next = buttonByText(step.shadowRoot, 'Continue');
    await until(() => !next.disabled, 'Continue to be enabled');
    layout(el); // as the reference does: the timed layout is only what the step change dirtied
    const t0 = performance.now();
    next.click();
    const { tasks } = await settle(() => {
      const node = visibleStep(el, 'customer-details');
      return node && node.shadowRoot && node.shadowRoot.querySelector('input') ? node : undefined;
    }, 'the details step', () => [el, step, visibleStep(el, 'customer-details')]);
    layout(el);
    const ms = performance.now() - t0;
    el.remove();
    return { ms, tasks };
  },

  /** (c) reference: the same swap done by hand, a details form of the same fields replacing a step. */
  stepChangeVanilla() {
    stage.replaceChildren();
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = sheetsOf('lc-checkout');
    const before = document.createElement('section');
    before.textContent = 'Who is the order for?';
    root.append(before);
    stage.append(host);
    layout(host);
    const t0 = performance.now();
    before.replaceWith(vanillaDetails(sheetsOf('lc-customer-details')));
    layout(host);
    const ms = performance.now() - t0;
    host.remove();
    return { ms, tasks: 0 };
  },

  /** Memory: heap is read from outside (CDP); this mounts and unmounts `cycles` times. */
  async mountCycles(cycles) {
    const lines = linesFor(catalog, 10);
    for (let i = 0; i < cycles; i++) {
      const api = memoryApi(catalog);
      storeCart(api, lines);
      const el = mountCheckout(api);
      await until(() => cartReady(el, 10), 'the cart');
      el.remove();
      await yieldTask();
    }
    localStorage.clear();
    return __bench.listeners();
  },

  listeners: () => __bench.listeners(),

  /**
   * Drives a whole new-customer checkout against the mock at `mockBase` over HTTP, up to the
   * placed order. Returns when the provisioning step shows; the order then runs on its own.
   */
  async flowToOrder({ mockBase, companyName, prefix, scaleAfterPlacing = 1 }) {
    stage.replaceChildren();
    localStorage.clear();
    sessionStorage.clear();
    const el = document.createElement('lc-checkout');
    el.setAttribute('lang', 'en-US');
    el.apiOptions = { retry: 0 };
    el.setAttribute('api-base', mockBase);
    const outcome = { events: [] };
    for (const type of ['lc-order-placed', 'lc-order-complete', 'lc-order-failed', 'lc-provisioning-progress']) {
      el.addEventListener(type, () => {
        outcome.events.push(type);
        if (type === 'lc-order-complete' || type === 'lc-order-failed') outcome.terminal = { type, at: Date.now() };
      });
    }
    window.__flow = { el, outcome };
    stage.append(el);
    for (const product of catalog.products.slice(0, 3)) await el.addProduct(product.id, { quantity: 2 });
    await until(() => cartReady(el, 3), 'the cart lines');
    cartOf(el).shadowRoot.querySelector('[part~="checkout-button"]').click();

    let step = await stepNamed(el, 'customer-type');
    clickLabel(step.shadowRoot, 'A customer I resell to');
    await step.updateComplete;
    clickLabel(step.shadowRoot, 'New customer');
    await step.updateComplete;
    await next(el, step);

    step = await stepNamed(el, 'customer-details');
    const d = step.shadowRoot;
    setField(d, 'Company name', companyName);
    setField(d, 'Country or region', 'US');
    await step.updateComplete;
    setField(d, 'Address line 1', '1 Main Street');
    setField(d, 'City', 'Redmond');
    // The United States' address form (its words and its states) once the country's rules are in.
    await until(() => [...d.querySelectorAll('label')].some((l) => l.textContent.trim().startsWith('ZIP code')) && control(d, 'State').querySelector?.('option[value="WA"]'), 'the US address form');
    setField(d, 'State', 'WA');
    setField(d, 'ZIP code', '98052');
    setField(d, 'First name', 'Ada');
    setField(d, 'Last name', 'Lovelace');
    setField(d, 'Email', 'ada@bench.example');
    await step.updateComplete;
    await next(el, step);

    step = await stepNamed(el, 'tenant-domain');
    setField(step.shadowRoot, 'Domain prefix', prefix);
    await step.updateComplete;
    await until(() => /available/i.test(step.shadowRoot.querySelector('[part~="availability"]')?.textContent ?? ''), 'the domain availability', 5000);
    await next(el, step);

    // The agreement: the primary contact signs; the acceptance link is created and accepted on
    // the mock's stand-in for Microsoft's page, as the customer would, before Continue.
    step = await stepNamed(el, 'agreement');
    const a = step.shadowRoot;
    const create = await until(() => [...a.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Create the acceptance link'), 'the agreement form');
    create.click();
    await until(() => el.state.agreementDraft.acceptance?.url, 'the acceptance link', 5000);
    const accepted = await fetch(el.state.agreementDraft.acceptance.url, { method: 'POST', body: new URLSearchParams({ decision: 'accept' }) });
    if (!accepted.ok) throw new Error(`the mock's Accept answered ${accepted.status}`);
    await until(() => el.state.agreementDraft.acceptance?.status === 'customer-accepted', 'the checkout to notice the acceptance', 5000);
    await step.updateComplete;
    await next(el, step);

    step = await stepNamed(el, 'review');
    await until(() => step.shadowRoot.querySelector('[part~="proration"]'), 'the quote', 5000);
    const place = step.shadowRoot.querySelector('[part~="place-order-button"]');
    await until(() => !place.disabled, 'Place order to be enabled');
    __bench.timeScale = scaleAfterPlacing;
    place.click();
    await until(() => el.step === 'provisioning' || outcome.events.includes('lc-order-placed'), 'the order to be placed', 10000);
    outcome.placedAt = Date.now();
    return { step: el.step, provisioningElement: Boolean(el.shadowRoot.querySelector('lc-provisioning')) };
  },

  flowOutcome: () => ({ ...window.__flow.outcome, step: window.__flow.el.step }),
  unmountFlow() {
    window.__flow.el.remove();
    __bench.timeScale = 1;
    return __bench.listeners();
  },

  /** (ii) A standalone <lc-tenant-domain> on the mock; returns after focusing its prefix input. */
  async mountTenantDomain(mockBase) {
    stage.replaceChildren();
    const el = document.createElement('lc-tenant-domain');
    el.api = new lc.HttpCheckoutApi({ baseUrl: mockBase, retry: 0 });
    stage.append(el);
    await el.updateComplete;
    const input = control(el.shadowRoot, 'Domain prefix');
    input.focus();
    __bench.fetches.length = 0;
    return true;
  },
  fetchLog: (pattern) => __bench.fetches.filter((f) => f.url.includes(pattern)),

  checkoutDefined,
};

async function stepNamed(el, step) {
  // A step may show a placeholder without a shadow root while it loads (the agreement does).
  const node = await until(() => el.step === step && visibleStep(el, step)?.shadowRoot && visibleStep(el, step), `the ${step} step (now ${el.step})`, 8000);
  await node.updateComplete;
  return node;
}
async function next(el, step) {
  const button = step.shadowRoot.querySelector('[part~="next-button"]') ?? buttonByText(step.shadowRoot, 'Continue');
  await until(() => !button.disabled, 'Continue to be enabled');
  button.click();
  await el.updateComplete;
}
function control(root, text) {
  const label = [...root.querySelectorAll('label')].find((l) => l.textContent.replace(/\s+/g, ' ').trim().startsWith(text) && l.control);
  if (!label) throw new Error(`no control labelled "${text}" (labels: ${[...root.querySelectorAll('label')].map((l) => l.textContent.replace(/\s+/g, ' ').trim()).join(' | ')})`);
  return label.control;
}
function setField(root, text, value) {
  const node = control(root, text);
  node.focus();
  node.value = value;
  node.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  node.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  node.blur();
}
function visibleStep(el, step) {
  return el.shadowRoot?.querySelector(`[data-step="${step}"]:not([hidden])`) ?? undefined;
}
function clickLabel(root, text) {
  const label = [...root.querySelectorAll('label')].find((l) => l.textContent.replace(/\s+/g, ' ').trim().startsWith(text));
  if (!label) throw new Error(`no label "${text}"`);
  label.control.click();
}
function buttonByText(root, text) {
  const b = [...root.querySelectorAll('button')].find((n) => !n.hidden && n.textContent.replace(/\s+/g, ' ').trim().startsWith(text));
  if (!b) throw new Error(`no button "${text}"`);
  return b;
}

/** A hand-built new-customer form: company, country (all ISO countries), address, contact. */
function vanillaDetails(sheets) {
  const host = document.createElement('lc-vanilla-details');
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = sheets;
  const names = new Intl.DisplayNames(['en-US'], { type: 'region' });
  const section = document.createElement('section');
  const heading = document.createElement('h2');
  heading.textContent = 'Your customer’s company';
  heading.tabIndex = -1;
  section.append(heading);
  const fields = [
    ['companyName', 'Company name', 'organization'], ['country', 'Country or region', 'country'], ['line1', 'Address line 1', 'address-line1'],
    ['line2', 'Address line 2 (optional)', 'address-line2'], ['city', 'City', 'address-level2'], ['state', 'State or province', 'address-level1'],
    ['postalCode', 'Postal code', 'postal-code'], ['firstName', 'First name', 'given-name'], ['lastName', 'Last name', 'family-name'],
    ['email', 'Email', 'email'], ['phone', 'Phone (optional)', 'tel'],
  ];
  for (const [id, text, auto] of fields) {
    const wrap = document.createElement('div');
    wrap.className = 'field';
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = text;
    let control;
    if (id === 'country') {
      control = document.createElement('select');
      for (let a = 65; a < 91; a++) for (let b = 65; b < 91; b++) {
        const code = String.fromCharCode(a, b);
        const name = names.of(code);
        if (name && name !== code) control.append(new Option(name, code));
      }
    } else {
      control = document.createElement('input');
      control.type = id === 'email' ? 'email' : 'text';
    }
    control.id = id;
    control.autocomplete = auto;
    const hint = document.createElement('span');
    hint.className = 'hint';
    wrap.append(label, control, hint);
    section.append(wrap);
  }
  root.append(section);
  heading.focus();
  return host;
}
