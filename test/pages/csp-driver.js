// Runs inside test/pages/csp-checkout.html, which is served with a strict Content Security
// Policy and Trusted Types: loads the library, walks a whole new-customer checkout through the
// UI (labels, clicks, input events) against the mock backend named by `?api=`, and reports to
// the parent page with postMessage. Plain JavaScript from the same origin: the policy allows
// nothing else.

const violations = [];
// Registered before the library loads, so a violation at definition time is seen too.
document.addEventListener('securitypolicyviolation', (e) => {
  violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile, line: e.lineNumber });
});

const params = new URLSearchParams(location.search);
const report = (result) => parent.postMessage({ source: 'csp-checkout', violations, ...result }, location.origin);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(predicate, what, timeout = 8000) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = predicate();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

const squash = (s) => (s ?? '').replace(/\s+/g, ' ').trim();

function currentStep(el) {
  return [...el.shadowRoot.querySelectorAll('[data-step]')].find((node) => !node.hidden);
}

async function stepRoot(el, step) {
  await until(() => el.step === step && currentStep(el)?.shadowRoot && currentStep(el).localName !== 'div', `step ${step}`);
  const node = currentStep(el);
  await node.updateComplete;
  return node.shadowRoot;
}

function control(root, label) {
  const found = [...root.querySelectorAll('label')].find((node) => squash(node.textContent).startsWith(label) && node.control);
  if (!found) throw new Error(`no control labelled ${label}`);
  return found.control;
}

/** What typing ends with: the value, then `input` and `change`, as the browser fires them. */
function fill(root, label, value) {
  const input = control(root, label);
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

async function click(root, name) {
  const button = await until(
    () => [...root.querySelectorAll('button')].find((node) => !node.hidden && !node.disabled && squash(node.textContent).startsWith(name)),
    `an enabled button ${name}`,
  );
  button.click();
}

async function checkout() {
  await import('../../src/index.ts');
  const el = document.createElement('lc-checkout');
  el.setAttribute('api-base', params.get('api'));
  el.setAttribute('lang', 'en-US');
  el.apiOptions = { retry: 0, timeout: 4000 };
  const completed = new Promise((resolve) => el.addEventListener('lc-order-complete', (e) => resolve(e), { once: true }));
  document.getElementById('host').append(el);

  const cart = await stepRoot(el, 'cart');
  await el.addProduct(params.get('product'), { quantity: 2 });
  await click(cart, 'Checkout');

  const type = await stepRoot(el, 'customer-type');
  control(type, 'A customer I resell to').click();
  await currentStep(el).updateComplete;
  control(type, 'New customer').click();
  await currentStep(el).updateComplete;
  await click(type, 'Continue');

  const details = await stepRoot(el, 'customer-details');
  fill(details, 'Company name', 'Strict Policy Ltd');
  fill(details, 'Country or region', 'US');
  await currentStep(el).updateComplete;
  for (const [label, value] of [
    ['Address line 1', '1 Main Street'],
    ['City', 'Redmond'],
    ['State or province', 'WA'],
    ['Postal code', '98052'],
    ['First name', 'Ada'],
    ['Last name', 'Lovelace'],
    ['Email', 'ada@strict.example'],
  ]) fill(details, label, value);
  await click(details, 'Continue');

  const tenant = await stepRoot(el, 'tenant-domain');
  fill(tenant, 'Domain prefix', `csp${Date.now() % 1_000_000}`);
  await until(() => /is available/.test(squash(tenant.querySelector('[part~="availability"]')?.textContent)), 'the prefix to be available');
  await click(tenant, 'Continue');

  await until(() => el.step === 'agreement' && currentStep(el)?.localName === 'lc-agreement', 'the agreement form');
  const agreement = await stepRoot(el, 'agreement');
  await until(() => agreement.querySelector('label'), 'the agreement fields');
  fill(agreement, 'First name', 'Grace');
  fill(agreement, 'Last name', 'Hopper');
  fill(agreement, 'Email', 'grace@strict.example');
  const accepted = [...agreement.querySelectorAll('label')].find((node) => /has accepted the Microsoft Customer Agreement/.test(node.textContent) && node.control).control;
  accepted.click();
  await currentStep(el).updateComplete;
  await click(agreement, 'Continue');

  const review = await stepRoot(el, 'review');
  await until(() => review.querySelector('[part~="proration"]'), 'the quote');
  (await until(() => review.querySelector('[part~="place-order-button"]:not([disabled])'), 'Place order')).click();

  const done = await Promise.race([completed, sleep(15000).then(() => undefined)]);
  if (!done) throw new Error(`the order did not complete (step ${el.step})`);
  const shown = await stepRoot(el, 'provisioning');
  return {
    ok: true,
    orderId: done.order?.id ?? done.orderId,
    status: shown.querySelector('section[data-status]')?.dataset.status,
    text: squash(shown.textContent).slice(0, 300),
  };
}

checkout().then(report, (error) => report({ ok: false, error: String(error?.stack ?? error) }));
