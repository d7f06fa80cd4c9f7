/**
 * The whole flow inside `<lc-checkout>`, driven like a user (labels, key presses, clicks),
 * against the mock backend over HTTP: every recipient kind and both tenant kinds, one order
 * per double submit, retries with the same idempotency key, a backend outage mid-flow that
 * keeps every value, and hostile strings shown as text; then the order's provisioning in
 * `<lc-provisioning>` to each outcome (completed, failed and tried again, waiting on Microsoft),
 * with the public events and the navigation guard.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { catalog as mockCatalog } from '../src/mock/data.js';
import type { LcCheckout } from '../src/components/checkout/checkout.js';
import type { LcProvisioning } from '../src/components/provisioning/provisioning.js';
import type { LcOrderFailedEvent } from '../src/events/order-failed.js';
import type { LcOrderPlacedEvent } from '../src/events/order-placed.js';
import type { LcProvisioningProgressEvent } from '../src/events/provisioning-progress.js';
import type { LcStepChangeEvent } from '../src/events/step-change.js';
import {
  E3,
  chooseExisting,
  chooseInternal,
  chooseNew,
  click,
  confirmedOrderId,
  continueStep,
  control,
  currentStep,
  currentStepUpdate,
  fillCart,
  fillAgreement,
  fillCompany,
  hasControl,
  mountCheckout,
  newCustomerWithTenant,
  newCustomerToReview,
  placeOrderButton,
  reviewWithQuote,
  stepRoot,
  text,
  typePrefix,
  waitForOrderStatus,
  waitForStep, allStorage, watchStoredCart } from './helpers/flow.js';
import { clearPageStorage, createTestMock, type TestMock } from './helpers/mock.js';

const HOSTILE = '<img src=x onerror="window.__pwned=1">';

function stepItems(el: LcCheckout): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="step-item"]')];
}

function currentItem(el: LcCheckout): string {
  return text(stepItems(el).find((item) => item.getAttribute('aria-current') === 'step'));
}

function stepChanges(el: LcCheckout): string[] {
  const seen: string[] = [];
  el.addEventListener('lc-step-change', (e: LcStepChangeEvent) => seen.push(`${e.previousStep}>${e.step}`));
  return seen;
}

function placedEvents(el: LcCheckout): LcOrderPlacedEvent[] {
  const seen: LcOrderPlacedEvent[] = [];
  el.addEventListener('lc-order-placed', (e) => seen.push(e));
  return seen;
}

/** Where focus is, through the shadow roots. */
function deepActive(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

const ORDER_EVENTS = ['lc-order-placed', 'lc-provisioning-progress', 'lc-order-complete', 'lc-order-failed'] as const;

/** The order's public events, in the order they were fired. */
function orderEvents(el: LcCheckout): Event[] {
  const seen: Event[] = [];
  for (const type of ORDER_EVENTS) el.addEventListener(type, (e) => seen.push(e));
  return seen;
}

/** Whether something holds the page back on `beforeunload` now (what the guard's listener does). */
function beforeUnloadPrevented(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

/** Counts the `beforeunload` listeners added to and removed from `window` until `restore()`. */
function spyBeforeUnload(): { added: number; removed: number; restore(): void } {
  const add = window.addEventListener;
  const remove = window.removeEventListener;
  const spy = { added: 0, removed: 0, restore: () => Object.assign(window, { addEventListener: add, removeEventListener: remove }) };
  window.addEventListener = function (this: Window, type: string, ...rest: unknown[]) {
    if (type === 'beforeunload') spy.added++;
    return (add as (...a: unknown[]) => void).call(this, type, ...rest);
  } as typeof window.addEventListener;
  window.removeEventListener = function (this: Window, type: string, ...rest: unknown[]) {
    if (type === 'beforeunload') spy.removed++;
    return (remove as (...a: unknown[]) => void).call(this, type, ...rest);
  } as typeof window.removeEventListener;
  return spy;
}

const storedOrderRefs = () => Object.keys(sessionStorage).filter((key) => key.startsWith('license-checkout:order:'));

function rows(shown: LcProvisioning): HTMLElement[] {
  return [...shown.shadowRoot!.querySelectorAll<HTMLElement>('[part~="status-row"]')];
}

async function orders(mock: TestMock) {
  return mock.requests({ method: 'POST', path: '/orders' });
}

/** No `<img>` (or any element made from a hostile string) anywhere in the checkout's shadow trees. */
function imagesIn(root: ShadowRoot | Element): number {
  let count = root.querySelectorAll('img').length;
  for (const node of root.querySelectorAll('*')) if (node.shadowRoot) count += imagesIn(node.shadowRoot);
  return count;
}

describe('checkout flow', () => {
  let mock: TestMock;
  let cartWatch: ReturnType<typeof watchStoredCart> | undefined;

  beforeEach(async () => {
    clearPageStorage();
    mock = await createTestMock({ speed: 1000 });
  });
  afterEach(() => {
    cartWatch?.restore();
    cartWatch = undefined;
    clearPageStorage();
  });

  it('internal use: cart → recipient → review → one order, with step list, focus and events', async () => {
    const el = await mountCheckout(mock);
    const changes = stepChanges(el);
    const placed = placedEvents(el);
    await fillCart(el);
    expect(currentItem(el)).to.equal('Recipient');
    await chooseInternal(el);
    const review = await reviewWithQuote(el);
    expect(currentItem(el)).to.equal('Review');
    expect(stepItems(el).map((item) => text(item))).to.deep.equal(['Cart', 'Recipient', 'Review', 'Order']);
    // Focus went to the review's heading.
    await waitUntil(() => currentStep(el).shadowRoot!.contains(deepActive()) && deepActive()!.matches('h2'), 'focus not on the review heading');
    expect(text(review.querySelector('[part~="summary"]'))).to.contain('Your own organization (internal use)');
    expect(text(review.querySelector('[part~="line-name"]'))).to.equal('Microsoft 365 E3');
    await expect(el).to.be.accessible();

    placeOrderButton(el).click();
    const orderId = await confirmedOrderId(el);
    expect(orderId).to.match(/^ord_/);
    expect(changes).to.deep.equal(['cart>customer-type', 'customer-type>review', 'review>provisioning']);
    expect(placed).to.have.length(1);
    expect(placed[0]!.orderId).to.equal(orderId);
    expect(placed[0]!.order).to.not.have.property('credentials');
    await expect(el).to.be.accessible();
    const sent = await orders(mock);
    expect(sent).to.have.length(1);
    expect(sent[0]!.body).to.deep.include({ recipient: { kind: 'internal' } });
    expect(sent[0]!.headers['idempotency-key']).to.match(/^[0-9a-f-]{36}$/);
    // Sent with the quote the user saw.
    expect((sent[0]!.body as { quoteId?: string }).quoteId).to.equal(el.state.quote?.id);
  });

  it('a new customer order: <lc-provisioning> shows the tasks to completed; events without credentials; ref and cart gone; Start a new order', async () => {
    cartWatch = watchStoredCart(mock);
    const el = await mountCheckout(mock);
    const events = orderEvents(el);
    await fillCart(el);
    expect(cartWatch.last).to.contain(E3);
    await newCustomerToReview(el, 'Tailspin Toys Europe');
    placeOrderButton(el).click();
    const id = await confirmedOrderId(el);
    const shown = await waitForOrderStatus(el, 'completed');
    // Every task of the order, each done, in words.
    expect(rows(shown)).to.have.length(shown.order!.tasks.length);
    expect(rows(shown).length).to.be.at.least(4);
    expect(rows(shown).map((row) => text(row.querySelector('[part~="task-status"]')))).to.deep.equal(rows(shown).map(() => 'Done'));
    expect(text(shown.shadowRoot!.querySelector('[part~="step-heading"]'))).to.equal('Your order is complete');

    const types = events.map((e) => e.type);
    expect(types[0]).to.equal('lc-order-placed');
    expect(types.at(-1)).to.equal('lc-order-complete');
    expect(types.filter((t) => t === 'lc-order-complete')).to.have.length(1);
    expect(types).to.not.include('lc-order-failed');
    const progress = events.filter((e) => e.type === 'lc-provisioning-progress') as LcProvisioningProgressEvent[];
    // The first snapshot (POST /orders's answer) has the tasks still to do; the last one is complete.
    expect(progress[0]!.status).to.equal('provisioning');
    expect(progress[0]!.tasks.length).to.equal(shown.order!.tasks.length);
    expect(progress.at(-1)!.status).to.equal('completed');
    expect(events.every((e) => (e as { orderId?: string }).orderId === id)).to.equal(true);

    // The new admin's password is on screen once, and nowhere else.
    const password = shown.order!.credentials!.temporaryPassword;
    expect(text(shown.shadowRoot!.querySelector('[part~="password"]'))).to.equal(password);
    for (const event of events) {
      expect(JSON.stringify(event), event.type).to.not.contain(password);
      expect(JSON.stringify(event), event.type).to.not.contain('credentials');
    }
    expect(JSON.stringify(el.state)).to.not.contain(password);
    expect(el.state.order).to.not.have.property('credentials');
    expect(allStorage()).to.not.contain(password);

    // Done: nothing to resume, the cart is empty (in storage too), the guard is off.
    expect(storedOrderRefs()).to.deep.equal([]);
    await waitUntil(() => cartWatch!.last === null, 'the stored cart was not emptied');
    expect(el.state.lines).to.deep.equal([]);
    expect(el.provisioningActive).to.equal(false);
    expect(beforeUnloadPrevented()).to.equal(false);
    await expect(el).to.be.accessible();

    await click(shown.shadowRoot!, 'Start a new order');
    const cart = await waitForStep(el, 'cart');
    await waitUntil(() => cart.shadowRoot!.querySelector('[part~="empty"]'), 'the cart is not empty');
    expect(el.state.orderId).to.equal(undefined);
    expect(el.state.recipientKind).to.equal(undefined);
    expect(el.state.company.companyName).to.equal('');
  });

  it('a Fail order: lc-order-failed and the failed state; Try again goes back to the review and places a new order, which completes', async () => {
    const el = await mountCheckout(mock);
    const events = orderEvents(el);
    await fillCart(el);
    await newCustomerToReview(el, 'Fail Tailspin Toys');
    placeOrderButton(el).click();
    const id = await confirmedOrderId(el);
    const shown = await waitForOrderStatus(el, 'failed');
    const failed = events.filter((e) => e.type === 'lc-order-failed') as LcOrderFailedEvent[];
    expect(failed).to.have.length(1);
    expect(failed[0]!.orderId).to.equal(id);
    expect(failed[0]!.retryable).to.equal(true);
    expect(failed[0]!.task?.kind).to.equal('create-subscription');
    expect(events.map((e) => e.type)).to.not.include('lc-order-complete');
    expect(text(shown.shadowRoot!.querySelector('[part~="step-heading"]'))).to.equal('Your order could not be completed');
    expect(text(shown.shadowRoot!.querySelector('[part~="support-details"]'))).to.contain(id);
    expect(el.provisioningActive).to.equal(false);
    // A reload now would show what failed: the reference stays until the user moves on.
    expect(storedOrderRefs()).to.have.length(1);
    await expect(el).to.be.accessible();

    await click(shown.shadowRoot!, 'Try again');
    await reviewWithQuote(el);
    expect(storedOrderRefs()).to.deep.equal([]);
    expect(el.state.lines).to.have.length(1);
    placeOrderButton(el).click();
    // A new attempt, not a resend of the failed one: a new idempotency key, the same order.
    await waitUntil(async () => (await orders(mock)).length === 2, 'no second POST /orders');
    const sent = await orders(mock);
    expect(sent[1]!.headers['idempotency-key']).to.not.equal(sent[0]!.headers['idempotency-key']);
    const [first, again] = sent.map((r) => r.body as { lines: unknown; recipient: unknown; quoteId?: string });
    expect(again!.lines).to.deep.equal(first!.lines);
    expect(again!.recipient).to.deep.equal(first!.recipient);
    expect(again!.quoteId).to.not.equal(first!.quoteId);
    // The mock accepts it on the tenant the failed order created (`Fail` fails only the first
    // order of a company), creates only the subscription, and the retry completes.
    const retried = await waitForOrderStatus(el, 'completed');
    expect(retried.order!.id).to.not.equal(id);
    expect(retried.order!.tasks.map((t) => t.kind)).to.deep.equal(['create-subscription']);
    expect(events.filter((e) => e.type === 'lc-order-complete')).to.have.length(1);
    expect(events.filter((e) => e.type === 'lc-order-failed')).to.have.length(1);
  });

  it('a Review order: waiting on Microsoft releases the guard (no beforeunload listener) and says the page can be closed', async () => {
    const el = await mountCheckout(mock);
    const events = orderEvents(el);
    await fillCart(el);
    await newCustomerToReview(el, 'Review Tailspin Toys');
    const spy = spyBeforeUnload();
    try {
      placeOrderButton(el).click();
      const shown = await waitForOrderStatus(el, 'waiting');
      expect(el.provisioningActive).to.equal(false);
      // Held while the order was sent and the tasks ran, then released: the listener is gone.
      expect(spy.added).to.equal(1);
      expect(spy.removed).to.equal(1);
      expect(beforeUnloadPrevented()).to.equal(false);
      expect(text(shown.shadowRoot!.querySelector('[part~="outcome"]'))).to.contain('You can close this page safely');
      expect(rows(shown).some((row) => row.dataset.status === 'waiting')).to.equal(true);
      expect(events.map((e) => e.type)).to.not.include.members(['lc-order-complete', 'lc-order-failed']);
      // Still followed, and a reload comes back to it.
      expect(storedOrderRefs()).to.have.length(1);
      await expect(el).to.be.accessible();
    } finally {
      spy.restore();
    }
  });

  it('existing customer with the agreement on file: no agreement step, straight to review', async () => {
    const el = await mountCheckout(mock);
    await fillCart(el);
    await chooseExisting(el, 'Contoso', /^Contoso Ltd\./);
    const review = await reviewWithQuote(el);
    expect(stepItems(el).map((item) => text(item))).to.deep.equal(['Cart', 'Recipient', 'Review', 'Order']);
    expect(text(review.querySelector('[part~="summary"]'))).to.contain('Contoso Ltd. (existing customer)');
    expect(text(review.querySelector('[part~="summary"]'))).to.contain('contoso.onmicrosoft.com');
    placeOrderButton(el).click();
    await confirmedOrderId(el);
    const [sent] = await orders(mock);
    expect(sent!.body).to.deep.include({ recipient: { kind: 'existing', customerId: 'cst-7f3a2c91' } });
    expect(sent!.body).to.not.have.property('agreement');
  });

  it('going back keeps what was chosen, and the step list leads back', async () => {
    const el = await mountCheckout(mock);
    await fillCart(el);
    await chooseExisting(el, 'Contoso', /^Contoso Ltd\./);
    await reviewWithQuote(el);
    await click(stepRoot(el), 'Back');
    await waitForStep(el, 'customer-type');
    const root = stepRoot(el);
    expect(control(root, 'Existing customer').checked).to.equal(true);
    expect(text(root.querySelector('[part~="selected"]'))).to.equal('Selected customer: Contoso Ltd. (contoso.onmicrosoft.com)');
    // The list comes back with the chosen customer checked.
    await waitUntil(() => hasControl(root, /^Contoso Ltd\./) && control(root, /^Contoso Ltd\./).checked, 'the chosen customer is not checked in the list');
    // Forward again without changing anything: the same quote, no new request.
    const quotesBefore = (await mock.requests({ path: '/quotes' })).length;
    await continueStep(el);
    await reviewWithQuote(el);
    expect((await mock.requests({ path: '/quotes' })).length).to.equal(quotesBefore);
    // Edit the cart from the review: back at the cart with its line.
    await click(stepRoot(el), 'Edit the cart');
    await waitForStep(el, 'cart');
    expect(stepRoot(el).querySelector<HTMLInputElement>('[part~="quantity-input"]')!.value).to.equal('3');
  });

  it('existing customer without the agreement (Adatum): the agreement step, then one order carrying it', async () => {
    const el = await mountCheckout(mock);
    await fillCart(el);
    await chooseExisting(el, 'Adatum', /^Adatum Corporation/);
    await waitForStep(el, 'agreement');
    expect(stepItems(el).map((item) => text(item))).to.deep.equal(['Cart', 'Recipient', 'Agreement', 'Review', 'Order']);
    expect(currentItem(el)).to.equal('Agreement');
    await fillAgreement(el);
    const review = await reviewWithQuote(el);
    expect(text(review.querySelector('[part~="summary"]'))).to.contain('Accepted by Grace Hopper');
    placeOrderButton(el).click();
    await confirmedOrderId(el);
    const [sent] = await orders(mock);
    expect(sent!.body).to.deep.include({ recipient: { kind: 'existing', customerId: 'cst-1b84d0e6' } });
    // The request made on the agreement step, not the retired attestation.
    expect(sent!.body).to.not.have.property('agreement');
    expect(sent!.body).to.include({ agreementAcceptanceId: el.state.agreementDraft.acceptance!.id });
    expect(el.state.agreementDraft.acceptance!.signatory).to.include({ firstName: 'Grace', lastName: 'Hopper', email: 'grace@customer.example' });
  });

  it('new customer, new tenant: a taken prefix (contoso) offers suggestions; picking one leads on to one order', async () => {
    const el = await mountCheckout(mock);
    await fillCart(el);
    await chooseNew(el);
    expect(stepItems(el).map((item) => text(item))).to.deep.equal(['Cart', 'Recipient', 'Company', 'Tenant', 'Agreement', 'Review', 'Order']);
    await fillCompany(el, { companyName: 'Tailspin Toys Europe' });
    await continueStep(el);
    const root = await typePrefix(el, 'contoso');
    expect(text(root.querySelector('[part~="availability"]'))).to.contain('contoso.onmicrosoft.com is already taken.');
    const suggestion = root.querySelector<HTMLButtonElement>('[part~="suggestion-button"]')!;
    const picked = text(suggestion).replace(/^Use /, '');
    suggestion.click();
    await waitUntil(() => /is available/.test(text(root.querySelector('[part~="availability"]'))), 'the suggestion was not checked');
    await continueStep(el);
    await fillAgreement(el);
    const review = await reviewWithQuote(el);
    expect(text(review.querySelector('[part~="summary"]'))).to.contain('Tailspin Toys Europe (new customer)');
    expect(text(review.querySelector('[part~="summary"]'))).to.contain(`${picked} (created with this order)`);
    placeOrderButton(el).click();
    await confirmedOrderId(el);
    const [sent] = await orders(mock);
    const recipient = (sent!.body as { recipient: { kind: string; company: { companyName: string }; tenant: unknown } }).recipient;
    expect(recipient.kind).to.equal('new');
    expect(recipient.company.companyName).to.equal('Tailspin Toys Europe');
    expect(recipient.tenant).to.deep.equal({ kind: 'new', prefix: picked.replace('.onmicrosoft.com', '') });
  });

  it('new customer, existing tenant (Fabrikam): the name mismatch is shown; adopting the registered name leads on', async () => {
    const el = await mountCheckout(mock);
    const root = await newCustomerWithTenant(el, 'Fabrikam', 'fabrikam.onmicrosoft.com');
    await waitUntil(() => root.querySelector('[part~="comparison"]'), 'no name comparison', { timeout: 4000 });
    expect(text(root.querySelector('[part~="comparison"]'))).to.contain('Fabrikam, Inc.');
    await click(root, 'Use “Fabrikam, Inc.”');
    await waitUntil(() => el.state.company.companyName === 'Fabrikam, Inc.', 'the registered name was not adopted');
    await continueStep(el);
    await fillAgreement(el);
    const review = await reviewWithQuote(el);
    expect(text(review.querySelector('[part~="summary"]'))).to.contain('Fabrikam, Inc. (new customer)');
    placeOrderButton(el).click();
    await confirmedOrderId(el);
    const [sent] = await orders(mock);
    const recipient = (sent!.body as { recipient: { company: { companyName: string }; tenant: unknown } }).recipient;
    expect(recipient.company.companyName).to.equal('Fabrikam, Inc.');
    expect(recipient.tenant).to.deep.equal({ kind: 'existing', domain: 'fabrikam.onmicrosoft.com' });
  });

  it('going back from the tenant keeps every typed company field; a hostile company name stays text', async () => {
    const el = await mountCheckout(mock);
    await fillCart(el);
    await chooseNew(el);
    await fillCompany(el, { companyName: HOSTILE, line1: '42 Rue <b>Sainte</b>', city: 'Redmond' });
    await continueStep(el);
    await typePrefix(el, 'tailspinhostile');
    await click(stepRoot(el), 'Back');
    const details = (await waitForStep(el, 'customer-details')).shadowRoot!;
    expect(control(details, 'Company name').value).to.equal(HOSTILE);
    expect(control(details, 'Address line 1').value).to.equal('42 Rue <b>Sainte</b>');
    expect(control(details, 'Email').value).to.equal('ada@tailspin.example');
    await continueStep(el);
    const tenant = (await waitForStep(el, 'tenant-domain')).shadowRoot!;
    expect(control(tenant, 'Domain prefix').value).to.equal('tailspinhostile');
    await waitUntil(() => /is available/.test(text(tenant.querySelector('[part~="availability"]'))), 'availability lost');
    await continueStep(el);
    await fillAgreement(el);
    const review = await reviewWithQuote(el);
    expect(text(review.querySelector('[part~="summary"]'))).to.contain(`${HOSTILE} (new customer)`);
    expect(imagesIn(el.shadowRoot!)).to.equal(0);
    expect(el.shadowRoot!.querySelector('b')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('a 422 on a company field sends the user back to the company details with the message there', async () => {
    await mock.inject({
      method: 'POST',
      path: '/orders',
      status: 422,
      body: {
        type: 'about:blank',
        title: 'Validation failed',
        status: 422,
        code: 'validation-failed',
        errors: [{ field: 'company.address.postalCode', message: 'The store cannot deliver invoices to this postal code.' }],
      },
    });
    const el = await mountCheckout(mock);
    await fillCart(el);
    await chooseNew(el);
    await fillCompany(el, { companyName: 'Tailspin Toys Europe' });
    await continueStep(el);
    await typePrefix(el, 'tailspin422');
    await continueStep(el);
    await fillAgreement(el);
    await reviewWithQuote(el);
    placeOrderButton(el).click();
    const details = (await waitForStep(el, 'customer-details')).shadowRoot!;
    await currentStepUpdate(el);
    expect(text(details)).to.contain('The store cannot deliver invoices to this postal code.');
    // Next to the field it names.
    const postal = control(details, 'ZIP code');
    const describedBy = (postal.getAttribute('aria-describedby') ?? '').split(' ').map((id) => text(details.getElementById(id)));
    expect(describedBy.join(' ')).to.contain('The store cannot deliver invoices');
    // Everything typed is still there.
    expect(control(details, 'Company name').value).to.equal('Tailspin Toys Europe');
  });

  it('a double click on Place order sends one POST /orders', async () => {
    const el = await mountCheckout(mock);
    await fillCart(el);
    await chooseInternal(el);
    await reviewWithQuote(el);
    const place = placeOrderButton(el);
    place.click();
    place.click();
    await el.updateComplete;
    place.click();
    await confirmedOrderId(el);
    // Give a stray second request time to arrive.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await orders(mock)).to.have.length(1);
  });

  it('a 503 on Place order: a clear message, values kept, and the retry reuses the idempotency key', async () => {
    await mock.inject({ method: 'POST', path: '/orders', status: 503 });
    const el = await mountCheckout(mock);
    const placed = placedEvents(el);
    await fillCart(el);
    await chooseExisting(el, 'Contoso', /^Contoso Ltd\./);
    const review = await reviewWithQuote(el);
    placeOrderButton(el).click();
    await waitUntil(() => review.querySelector('[part~="error"]'), 'no error shown');
    expect(text(review.querySelector('[part~="error"]'))).to.contain('could not take the order just now');
    expect(text(review.querySelector('[part~="error"]'))).to.contain('it cannot order twice');
    expect(el.step).to.equal('review');
    expect(el.state.customer?.companyName).to.equal('Contoso Ltd.');
    expect(placed).to.have.length(0);

    placeOrderButton(el).click();
    await confirmedOrderId(el);
    const sent = await orders(mock);
    expect(sent).to.have.length(2);
    expect(sent[1]!.headers['idempotency-key']).to.equal(sent[0]!.headers['idempotency-key']);
    expect(placed).to.have.length(1);
  });

  it('a timed-out Place order is retried with the same key and gives one order', async () => {
    // The first attempt's answer comes after the client gave up (timeout 3 s in mountCheckout): the backend made the order.
    await mock.inject({ method: 'POST', path: '/orders', delayMs: 3500 });
    const el = await mountCheckout(mock);
    await fillCart(el);
    await chooseInternal(el);
    const review = await reviewWithQuote(el);
    placeOrderButton(el).click();
    await waitUntil(() => review.querySelector('[part~="error"]'), 'no timeout message', { timeout: 6000 });
    expect(text(review.querySelector('[part~="error"]'))).to.contain('did not answer');
    // Wait for the slow first request to have been handled, then retry.
    await new Promise((resolve) => setTimeout(resolve, 700));
    placeOrderButton(el).click();
    const id = await confirmedOrderId(el);
    const sent = await orders(mock);
    expect(sent).to.have.length(2);
    expect(sent[1]!.headers['idempotency-key']).to.equal(sent[0]!.headers['idempotency-key']);
    // The backend answered the retry with the order the first attempt made.
    const again = await fetch(`${mock.baseUrl}/orders/${id}`);
    expect(again.status).to.equal(200);
  }).timeout(15000);

  it('the quote failing (network) shows Retry; Retry brings it, nothing entered is lost', async () => {
    await mock.inject({ method: 'POST', path: '/quotes', networkError: true });
    const el = await mountCheckout(mock);
    await fillCart(el);
    await chooseExisting(el, 'Contoso', /^Contoso Ltd\./);
    await waitForStep(el, 'review');
    const review = stepRoot(el);
    await waitUntil(() => review.querySelector('[part~="quote-failed"]'), 'no quote error shown');
    expect(text(review.querySelector('[part~="quote-failed"]'))).to.contain('The first invoice could not be calculated.');
    expect(placeOrderButton(el).getAttribute('aria-disabled')).to.equal('true');
    await click(review, 'Try again');
    await reviewWithQuote(el);
    expect(el.state.customer?.id).to.equal('cst-7f3a2c91');
    expect(el.state.lines).to.deep.equal([{ productId: E3, term: 'P1Y', billing: 'monthly', quantity: 3 }]);
  });

  it('a backend outage on Place order (no answer) keeps everything and Place order works again', async () => {
    await mock.inject({ method: 'POST', path: '/orders', networkError: true, times: 2 });
    const el = await mountCheckout(mock);
    await fillCart(el);
    await chooseExisting(el, 'Contoso', /^Contoso Ltd\./);
    const review = await reviewWithQuote(el);
    for (let attempt = 0; attempt < 2; attempt++) {
      await waitUntil(() => placeOrderButton(el).getAttribute('aria-disabled') === 'false', 'Place order did not come back');
      placeOrderButton(el).click();
      await waitUntil(() => review.querySelector('[part~="error"]') && el.state.submission?.inFlight === false, 'no error shown');
    }
    expect(text(review.querySelector('[part~="error"]'))).to.contain('The store did not answer');
    // Everything is still there.
    expect(text(review.querySelector('[part~="summary"]'))).to.contain('Contoso Ltd.');
    expect(text(review.querySelector('[part~="line-name"]'))).to.equal('Microsoft 365 E3');
    placeOrderButton(el).click();
    await confirmedOrderId(el);
    const sent = await orders(mock);
    expect(new Set(sent.map((r) => r.headers['idempotency-key'])).size).to.equal(1);
  });

  it('a 422 naming a field sends the user to that step with the message', async () => {
    await mock.inject({
      method: 'POST',
      path: '/orders',
      status: 422,
      body: {
        type: 'about:blank',
        title: 'Validation failed',
        status: 422,
        code: 'validation-failed',
        errors: [{ field: 'recipient.customerId', message: 'This customer was moved to another reseller.' }],
      },
    });
    const el = await mountCheckout(mock);
    await fillCart(el);
    await chooseExisting(el, 'Contoso', /^Contoso Ltd\./);
    await reviewWithQuote(el);
    placeOrderButton(el).click();
    await waitForStep(el, 'customer-type');
    await currentStepUpdate(el);
    expect(text(stepRoot(el))).to.contain('This customer was moved to another reseller.');
    expect(text(el.shadowRoot!.querySelector('[part~="notice"]'))).to.contain('needs some details changed');
  });

  it('hostile product names from the backend are shown as text', async () => {
    const catalog = {
      ...mockCatalog,
      products: mockCatalog.products.map((p) => (p.id === E3 ? { ...p, name: HOSTILE } : p)),
    };
    // The checkout and its cart each load the catalog.
    await mock.inject({ method: 'GET', path: '/catalog', status: 200, body: catalog, times: 2 });
    const el = await mountCheckout(mock);
    await waitForStep(el, 'cart');
    await el.addProduct(E3, { quantity: 3 });
    const cart = currentStep(el);
    await waitUntil(() => cart.shadowRoot!.querySelector('[part~="line-name"]'));
    expect(text(cart.shadowRoot!.querySelector('[part~="line-name"]'))).to.equal(HOSTILE);
    await click(cart.shadowRoot!, 'Checkout');
    await waitForStep(el, 'customer-type');
    await chooseInternal(el);
    const review = await reviewWithQuote(el);
    expect(text(review.querySelector('[part~="line-name"]'))).to.be.oneOf([HOSTILE, 'Microsoft 365 E3']);
    expect(imagesIn(el.shadowRoot!)).to.equal(0);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});
