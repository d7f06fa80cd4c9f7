/**
 * Which events a host page sees. The public ones (the README's event table) leave
 * `<lc-checkout>`; what a step tells the root (drafts on every keystroke, Next, Back, Place
 * order…) stops at its shadow root. A step used alone still tells its light-DOM owner.
 */
import { expect, fixtureSync, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/components/order-review/order-review.js';
import type { LcOrderReview } from '../src/components/order-review/order-review.js';
import * as events from '../src/events/index.js';
import type { LcCheckout } from '../src/components/checkout/checkout.js';
import {
  E3,
  chooseNew,
  click,
  confirmedOrderId,
  continueStep,
  fillAgreement,
  fillCart,
  fillCompany,
  mountCheckout,
  placeOrderButton,
  typePrefix,
  stepRoot,
  typeInto,
  waitForOrderStatus,
  waitForStep,
} from './helpers/flow.js';
import { createTestMock } from './helpers/mock.js';

type EventClass = (new (...args: never[]) => Event) & { eventName: string };

const eventClasses = (Object.values(events) as unknown[]).filter(
  (value): value is EventClass => typeof value === 'function' && typeof (value as { eventName?: unknown }).eventName === 'string',
);
const allNames = eventClasses.map((cls) => cls.eventName);

/** The `lc-*` names in the first column of the table under the README's "Events" heading. */
async function readmeEventTable(): Promise<string[]> {
  const response = await fetch('/README.md');
  expect(response.ok, 'README.md is served').to.equal(true);
  const lines = (await response.text()).split('\n');
  const start = lines.findIndex((line) => /^#{2,4}\s+Events\s*$/.test(line));
  expect(start, 'the README has an "Events" section').to.be.greaterThan(-1);
  const names: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^#{1,4}\s/.test(line)) break;
    const match = /^\|\s*`(lc-[a-z-]+)`\s*\|/.exec(line);
    if (match) names.push(match[1]!);
  }
  return names;
}

describe('events a host page sees', () => {
  // Each test's mock has its own base URL, so its stored cart is its own; localStorage is
  // shared with the test files running in other tabs and is left alone.
  afterEach(() => sessionStorage.clear());

  it('src/events names each event once; the README table lists only real events', async () => {
    expect(allNames.length).to.be.at.least(19);
    expect(new Set(allNames).size).to.equal(allNames.length);
    const documented = await readmeEventTable();
    expect(documented.length).to.be.at.least(8);
    expect(allNames).to.include.members(documented);
  });

  it('internal events bubble but are not composed; public ones are both', async () => {
    const documented = new Set(await readmeEventTable());
    const internal = eventClasses.filter((cls) => !documented.has(cls.eventName));
    expect(internal.map((cls) => cls.eventName)).to.include.members(['lc-step-input', 'lc-step-next', 'lc-place-order', 'lc-checkout-request']);
    for (const cls of internal) {
      // Their constructors take plain values; none is needed to read the flags.
      const event = new (cls as unknown as new () => Event)();
      expect({ name: cls.eventName, bubbles: event.bubbles, composed: event.composed }).to.deep.equal({
        name: cls.eventName,
        bubbles: true,
        composed: false,
      });
    }
  });

  it('through a whole checkout only the documented events reach document', async () => {
    const documented = await readmeEventTable();
    const seen: Event[] = [];
    const record = (event: Event) => seen.push(event);
    for (const name of allNames) document.addEventListener(name, record);
    try {
      const mock = await createTestMock({ speed: 1000 });
      // The first quote fails, so the review's Retry (an internal event) and lc-error are part of the run.
      await mock.inject({ method: 'POST', path: '/quotes', status: 503 });
      const el = await mountCheckout(mock);
      await fillCart(el, [{ productId: E3, quantity: 2 }]);
      // Back to the cart through Back, a quantity typed there, Checkout again.
      await click(stepRoot(el), 'Back');
      await waitForStep(el, 'cart');
      const quantity = stepRoot(el).querySelector<HTMLInputElement>('[part~="quantity-input"]')!;
      await typeInto(quantity, '5');
      quantity.dispatchEvent(new Event('change', { bubbles: true }));
      await click(stepRoot(el), 'Checkout');
      await waitForStep(el, 'customer-type');

      await chooseNewToFailedQuote(el);
      await click(stepRoot(el), 'Try again');
      await waitUntil(() => stepRoot(el).querySelector('[part~="proration"]'), 'the quote did not come on Retry');
      placeOrderButton(el).click();
      await confirmedOrderId(el);
      const shown = await waitForOrderStatus(el, 'completed');
      await click(shown.shadowRoot!, 'Start a new order');
      await waitForStep(el, 'cart');

      const types = new Set(seen.map((event) => event.type));
      expect([...types].filter((type) => !documented.includes(type)), 'internal events that reached document').to.deep.equal([]);
      // The run did produce events, from the checkout itself, and the usual public ones.
      expect(seen.every((event) => event.target === el)).to.equal(true);
      expect([...types]).to.include.members(['lc-step-change', 'lc-cart-change', 'lc-error', 'lc-order-placed', 'lc-provisioning-progress', 'lc-order-complete']);
    } finally {
      for (const name of allNames) document.removeEventListener(name, record);
    }
  }).timeout(20000);

  it('a step used alone still tells its light-DOM owner', async () => {
    // fixtureSync: fixture() would wait for a frame for a plain <div> (none come in a background tab).
    const owner = fixtureSync<HTMLDivElement>(html`<div><lc-order-review no-back></lc-order-review></div>`);
    const review = owner.querySelector<LcOrderReview>('lc-order-review')!;
    await review.updateComplete;
    review.quoteState = 'error';
    await waitUntil(() => review.shadowRoot!.querySelector('[part~="retry-button"]'), 'no Retry on a failed quote');
    const retry = review.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry-button"]')!;
    const heard = oneEvent(owner, 'lc-quote-retry');
    retry.click();
    const event = await heard;
    expect(event.target).to.equal(review);
    expect(event.composed).to.equal(false);
  });
});

/** A new customer through to the review, whose first quote fails. */
async function chooseNewToFailedQuote(el: LcCheckout): Promise<void> {
  await chooseNew(el);
  await fillCompany(el, { companyName: 'Tailspin Toys Europe' });
  await continueStep(el);
  await typePrefix(el, `ev${Date.now() % 1_000_000}`);
  await continueStep(el);
  await fillAgreement(el);
  await waitForStep(el, 'review');
  await waitUntil(() => stepRoot(el).querySelector('[part~="quote-failed"]'), 'the quote did not fail');
}
