// In-page half of the transfer figures (bench/run.mjs, "JavaScript transferred"): waits until
// the page is usable, then reads the network log of the page (Resource Timing: every script
// file with its compressed body size as received; the bench server sends .js gzip -9).
// `?page=product`: the tags are usable (8 buttons named and enabled, the price shown).
// `?page=checkout`: the cart inside <lc-checkout> is usable (its Checkout button enabled);
// then, after the steps' file has loaded while idle, everything.
const page = new URL(import.meta.url).searchParams.get('page');
const STEP_TAGS = ['lc-customer-type', 'lc-customer-details', 'lc-tenant-domain', 'lc-agreement', 'lc-order-review', 'lc-provisioning'];

/** Script files fetched so far, this measuring script left out. */
const scripts = () =>
  performance
    .getEntriesByType('resource')
    .filter((e) => new URL(e.name).pathname.endsWith('.js') && !e.name.includes('/bench/pages/'))
    .map((e) => ({ path: new URL(e.name).pathname, transferredBodyBytes: e.encodedBodySize, decodedBytes: e.decodedBodySize, startTime: e.startTime }));

const until = async (check, what, ms = 15000) => {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

const shadow = (el, selector) => el?.shadowRoot?.querySelector(selector);

async function product() {
  const buttons = () => [...document.querySelectorAll('lc-add-to-cart')].map((el) => shadow(el, 'button'));
  await until(() => buttons().length === 8 && buttons().every((b) => b && !b.disabled && b.textContent.trim().length > 'Add to cart'.length), 'the 8 buttons');
  await until(() => shadow(document.querySelector('lc-price'), '[part~="price"]')?.textContent.trim(), 'the price');
  await until(() => shadow(document.querySelector('lc-cart-count'), 'a'), 'the cart count');
  return { usableAt: performance.now(), scripts: scripts() };
}

async function checkout() {
  const el = document.querySelector('lc-checkout');
  const button = () => shadow(shadow(el, 'lc-cart'), '[part~="checkout-button"]');
  await until(() => button() && !button().disabled, 'the cart');
  const usableAt = performance.now();
  // What was asked for before the cart was usable; the steps' file is fetched only later, while idle.
  const untilUsable = scripts().filter((s) => s.startTime < usableAt);
  await Promise.all(STEP_TAGS.map((tag) => customElements.whenDefined(tag)));
  await new Promise((resolve) => setTimeout(resolve, 200));
  return { usableAt, scripts: untilUsable, allScripts: scripts() };
}

window.transfer = (page === 'product' ? product() : checkout()).catch((error) => ({ error: error.message }));
