/**
 * Issue 11 in the elements, through `<lc-checkout>` against the mock over real HTTP: seats
 * added to an existing subscription or a new subscription with an aligned end date, the seat
 * cap next to its line, auto-renew off, the promotion, the purchase order number; and alone,
 * with hand-built snapshots, the cancellation deadline in German and Arabic, and totals that
 * follow the typing.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Order, OrderRequest, Quote, QuoteRequest } from '../src/api/schemas.js';
import '../src/components/cart/cart.js';
import type { LcCart } from '../src/components/cart/cart.js';
import type { LcCheckout } from '../src/components/checkout/checkout.js';
import '../src/components/order-review/order-review.js';
import type { LcOrderReview } from '../src/components/order-review/order-review.js';
import '../src/components/provisioning/provisioning.js';
import type { LcProvisioning } from '../src/components/provisioning/provisioning.js';
import { catalog } from '../src/mock/data.js';
import { ar } from '../src/i18n/ar.js';
import { de } from '../src/i18n/de.js';
import {
  E3,
  BASIC,
  check,
  chooseExisting,
  chooseInternal,
  click,
  continueStep,
  control,
  currentStep,
  currentStepUpdate,
  fillCart,
  mountCheckout,
  placeOrderButton,
  reviewWithQuote,
  selectOption,
  stepRoot,
  text,
  typeInto,
  waitForStep,
} from './helpers/flow.js';
import { clearPageStorage, createTestMock, fieldErrorsFault, type TestMock } from './helpers/mock.js';
import { normalize } from './helpers/dom.js';

const PREMIUM = 'cfq7ttc0lckm-0001'; // Microsoft 365 Business Premium: P1Y monthly $22.00
const TODAY = '2027-01-16';

async function toCustomerType(el: LcCheckout, productId: string, quantity: number): Promise<void> {
  await waitForStep(el, 'cart');
  await el.addProduct(productId, { quantity, term: 'P1Y', billing: 'monthly' });
  const cart = currentStep(el) as LcCart;
  await cart.updateComplete;
  const checkout = cart.shadowRoot!.querySelector<HTMLButtonElement>('[part~="checkout-button"]')!;
  await waitUntil(() => !checkout.disabled, 'Checkout stays disabled');
  checkout.click();
  await waitForStep(el, 'customer-type');
}

const orders = async (mock: TestMock) => (await mock.requests({ method: 'POST', path: '/orders' })).map((r) => r.body as OrderRequest);
const quotes = async (mock: TestMock) => (await mock.requests({ method: 'POST', path: '/quotes' })).map((r) => r.body as QuoteRequest);

async function placeAndComplete(el: LcCheckout): Promise<LcProvisioning> {
  placeOrderButton(el).click();
  await waitForStep(el, 'provisioning', 6000);
  await waitUntil(() => el.state.order?.status === 'completed' || el.state.order?.status === 'waiting', 'the order did not finish', { timeout: 10000 });
  const provisioning = currentStep(el) as LcProvisioning;
  await provisioning.updateComplete;
  return provisioning;
}

describe('the review for an existing customer who already has the product', () => {
  let mock: TestMock;
  let el: LcCheckout;

  beforeEach(async () => {
    clearPageStorage();
    mock = await createTestMock({ today: TODAY, speed: 1000 });
    el = await mountCheckout(mock);
    await toCustomerType(el, PREMIUM, 10);
    await chooseExisting(el, 'Contoso', 'Contoso Ltd.');
  });

  it('preselects adding the seats to the subscription, prorates to its next billing day, says the deadline, and sends add-seats', async () => {
    const root = await reviewWithQuote(el);
    await expect(currentStep(el)).to.be.accessible();
    const seats = control(root, 'Add 10 seats to the subscription ending Apr 3, 2027');
    expect(seats.checked).to.equal(true);
    expect(control(root, 'A new subscription').checked).to.equal(false);
    const line = root.querySelector('[part~="line"]')!;
    expect(text(line)).to.contain('Added seats are charged only until that subscription’s next billing day');
    // Its next billing day (3 Feb) in a term ending 3 Apr: 19 of 31 days.
    expect(text(line.querySelector('[part~="proration"]'))).to.contain('19 of 31 days');
    expect(text(line.querySelector('[part~="renewal"]'))).to.equal('The seats end on Apr 3, 2027 and renew with the subscription on Apr 4, 2027.');
    const deadline = el.state.quote!.lines[0]!.cancellableUntil!;
    // 168 hours after the purchase, made on the mock's today.
    expect(Date.parse(deadline) - Date.parse(`${TODAY}T00:00:00Z`)).to.be.within(7 * 86400_000, 8 * 86400_000);
    expect(text(line.querySelector('[part~="cancellation"]'))).to.contain(
      new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(new Date(deadline)),
    );
    // No end date or auto-renew of its own: the seats follow the subscription.
    expect(root.querySelector('[part~="auto-renew-checkbox"]')).to.equal(null);

    const provisioning = await placeAndComplete(el);
    const [sent] = await orders(mock);
    expect(sent!.lines).to.deep.equal([{ kind: 'add-seats', subscriptionId: 'sub-c0b9e512', productId: PREMIUM, term: 'P1Y', billing: 'monthly', quantity: 10 }]);
    const outcome = provisioning.shadowRoot!.querySelector('[part~="outcome"]')!;
    // What was bought, in words (issue 12: not the task's label).
    expect(text(outcome)).to.contain('Microsoft 365 Business Premium: 10 licences added to the existing subscription');
    expect(text(outcome.querySelector('[part~="order-terms"]'))).to.contain('Can be cancelled or reduced until');
  });

  it('buys a new subscription ending with the existing one instead, when chosen', async () => {
    const root = await reviewWithQuote(el);
    check(root, 'A new subscription');
    await currentStepUpdate(el);
    expect(text(root.querySelector('[part~="line"]'))).to.contain('A new subscription has its own term');
    // The allowed dates: the calendar month end, and the Business Premium subscription's end date.
    const select = control<HTMLSelectElement>(root, 'Ends on');
    expect([...select.options].map((o) => o.value)).to.include('2027-04-03');
    expect(text(select.selectedOptions[0]!)).to.contain('(end of the month)');
    selectOption(root, 'Ends on', '2027-04-03');
    await currentStepUpdate(el);
    await waitUntil(() => el.state.quote?.lines[0]?.endDate === '2027-04-03', 'no quote for the aligned end date', { timeout: 4000 });
    await currentStepUpdate(el);
    const line = root.querySelector('[part~="line"]')!;
    expect(text(line.querySelector('[part~="renewal"]'))).to.contain('Renews on Apr 4, 2027.');
    const lastQuote = (await quotes(mock)).at(-1)!;
    expect(lastQuote.lines).to.deep.equal([{ productId: PREMIUM, term: 'P1Y', billing: 'monthly', quantity: 10, endDate: '2027-04-03' }]);

    await placeAndComplete(el);
    const [sent] = await orders(mock);
    expect(sent!.lines).to.deep.equal([{ productId: PREMIUM, term: 'P1Y', billing: 'monthly', quantity: 10, endDate: '2027-04-03' }]);
  });

  it('explains the promotion it does not get (it already has Business Premium)', async () => {
    const root = await reviewWithQuote(el);
    check(root, 'A new subscription');
    await waitUntil(() => el.state.quote?.lines[0]?.kind !== 'add-seats' && el.state.quote, 'no quote for a new subscription', { timeout: 4000 });
    await currentStepUpdate(el);
    const refused = root.querySelector('[part~="promotion-not-applied"]');
    expect(text(refused)).to.match(/^Promotion “.+” does not apply: .+/);
    expect(root.querySelector('[part~="promotion"]')).to.equal(null);
  });
});

describe('the review: seat caps, auto-renew, promotions, purchase order', () => {
  let mock: TestMock;

  beforeEach(async () => {
    clearPageStorage();
    mock = await createTestMock({ today: TODAY, speed: 1000 });
  });

  it('shows the seat cap the store refuses next to the line', async () => {
    const el = await mountCheckout(mock);
    await toCustomerType(el, BASIC, 16);
    await chooseExisting(el, 'Litware', 'Litware, Inc.');
    await waitForStep(el, 'review');
    const root = stepRoot(el);
    await waitUntil(() => root.querySelector('[part~="line-error"]'), 'no message next to the line', { timeout: 4000 });
    const message = text(root.querySelector('[part~="line"] [part~="line-error"]'));
    expect(message).to.match(/285/);
    expect(text(root.querySelector('[part~="quote-failed"]'))).to.contain('see the message next to the line');
    expect(placeOrderButton(el).getAttribute('aria-disabled')).to.equal('true');
    await expect(currentStep(el)).to.be.accessible();
  });

  it('a seat cap refused by POST /orders stays next to its line until that line changes in the cart', async () => {
    const caps = [
      { field: 'lines.0.quantity', message: 'At most 2 seats of Microsoft 365 E3 for this customer.' },
      { field: 'lines.1.quantity', message: 'At most 1 seat of Microsoft 365 Business Basic for this customer.' },
    ];
    await mock.inject(fieldErrorsFault('/orders', caps, 'POST'));
    const el = await mountCheckout(mock);
    await fillCart(el, [
      { productId: E3, quantity: 3 },
      { productId: BASIC, quantity: 2 },
    ]);
    await chooseInternal(el);
    await reviewWithQuote(el);
    const lineErrors = () => [...stepRoot(el).querySelectorAll('[part~="line"]')].map((line) => text(line.querySelector('[part~="line-error"]')));
    placeOrderButton(el).click();
    await waitUntil(() => lineErrors().some(Boolean), 'no message next to the lines', { timeout: 4000 });
    expect(lineErrors()).to.deep.equal([
      'At most 2 seats of Microsoft 365 E3 for this customer.',
      'At most 1 seat of Microsoft 365 Business Basic for this customer.',
    ]);

    // Back to the cart, where the second line changes; the first does not.
    (el.shadowRoot!.querySelector('[part~="step-button"]') as HTMLButtonElement).click();
    await waitForStep(el, 'cart');
    const quantity = stepRoot(el).querySelectorAll<HTMLInputElement>('[part~="quantity-input"]')[1]!;
    await typeInto(quantity, '1');
    await sendKeys({ press: 'Tab' });
    await waitUntil(() => el.state.lines[1]?.quantity === 1, 'the cart did not take the new quantity');
    await click(stepRoot(el), 'Checkout');
    await waitForStep(el, 'customer-type');
    await continueStep(el);
    await reviewWithQuote(el);
    await currentStepUpdate(el);
    expect(lineErrors()).to.deep.equal(['At most 2 seats of Microsoft 365 E3 for this customer.', '']);
  });

  it('sends auto-renew off and says so on the review and on success', async () => {
    const el = await mountCheckout(mock);
    await toCustomerType(el, E3, 3);
    await chooseInternal(el);
    const root = await reviewWithQuote(el);
    const renew = control(root, 'Renew automatically');
    expect(renew.checked).to.equal(true);
    expect(text(root.querySelector('[part~="renewal"]'))).to.match(/^Renews on /);
    renew.click();
    await waitUntil(() => el.state.quote?.lines[0]?.autoRenew === false, 'no quote without renewal', { timeout: 4000 });
    await currentStepUpdate(el);
    const end = el.state.quote!.lines[0]!.endDate!;
    expect(text(root.querySelector('[part~="renewal"]'))).to.equal(`Does not renew: it ends on ${new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${end}T00:00:00Z`))}.`);

    const provisioning = await placeAndComplete(el);
    const [sent] = await orders(mock);
    expect(sent!.lines[0]).to.include({ autoRenew: false });
    expect(text(provisioning.shadowRoot!.querySelector('[part~="order-terms"]'))).to.contain('without renewal');
  });

  it('applies the running promotion to a new yearly Business Premium and shows what it saves', async () => {
    const el = await mountCheckout(mock);
    await toCustomerType(el, PREMIUM, 5);
    await chooseExisting(el, 'Tailspin', 'Tailspin Toys');
    const root = await reviewWithQuote(el);
    const promotion = el.state.quote!.lines[0]!.promotion!;
    expect(promotion.percentOff).to.equal(15);
    expect(normalize(root.querySelector('[part~="promotion"]')!.textContent!)).to.equal(
      `Promotion “${promotion.name}”: 15 % off, ${new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(promotion.saving / 100)} less on the first invoice`,
    );
  });

  it('sends the purchase order number and shows it on success, hostile text as text', async () => {
    const hostile = '<img src=x onerror="window.__po=1">PO-7';
    const el = await mountCheckout(mock);
    await toCustomerType(el, E3, 2);
    await chooseInternal(el);
    const root = await reviewWithQuote(el);
    const input = control(root, 'Purchase order number');
    expect(input.maxLength).to.equal(40);
    await typeInto(input, hostile);
    await currentStepUpdate(el);
    expect(el.state.purchaseOrder).to.equal(hostile);

    const provisioning = await placeAndComplete(el);
    const [sent] = await orders(mock);
    expect(sent!.purchaseOrder).to.equal(hostile);
    const shown = provisioning.shadowRoot!.querySelector('[part~="purchase-order"]')!;
    expect(shown.textContent!.trim()).to.equal(hostile);
    expect(provisioning.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as { __po?: number }).__po).to.equal(undefined);
  });
});

// ---------------------------------------------------------------------------------------
// Alone, with hand-built snapshots: the deadline in the page's locale and time zone

const DEADLINE = '2027-01-23T14:05:00Z';

const quote: Quote = {
  id: 'qt_deadline',
  currency: 'EUR',
  startDate: '2027-01-16',
  lines: [
    {
      kind: 'add-seats',
      subscriptionId: 'sub-1',
      productId: PREMIUM,
      name: 'Microsoft 365 Business Premium',
      term: 'P1Y',
      billing: 'monthly',
      quantity: 10,
      unitPrice: 2200,
      periodAmount: 22000,
      periodStart: '2027-01-04',
      periodEnd: '2027-02-03',
      proratedFrom: '2027-01-16',
      chargedDays: 19,
      periodDays: 31,
      proratedAmount: 13484,
      endDate: '2027-04-03',
      autoRenew: true,
      renewsOn: '2027-04-04',
      cancellableUntil: DEADLINE,
    },
  ],
  recurringTotal: 22000,
  firstInvoiceTotal: 13484,
  expiresAt: '2027-01-17T00:00:00Z',
};

const subscriptions = {
  owner: 'cst-1',
  subscriptions: [
    { id: 'sub-1', productId: PREMIUM, productName: 'Microsoft 365 Business Premium', term: 'P1Y' as const, billing: 'monthly' as const, quantity: 40, startDate: '2026-04-04', endDate: '2027-04-03', autoRenew: true, status: 'active' as const },
  ],
  endDates: {},
};

const order: Order = {
  id: 'ord-1',
  status: 'completed',
  createdAt: '2027-01-16T14:05:00Z',
  updatedAt: '2027-01-16T14:06:00Z',
  recipient: { kind: 'existing', companyName: 'Contoso Ltd.', domain: 'contoso.onmicrosoft.com' },
  currency: 'EUR',
  lines: [{ kind: 'add-seats', subscriptionId: 'sub-1', productId: PREMIUM, term: 'P1Y', billing: 'monthly', quantity: 10 }],
  lineTerms: [{ endDate: '2027-04-03', autoRenew: true, renewsOn: '2027-04-04', cancellableUntil: DEADLINE, subscriptionId: 'sub-1' }],
  firstInvoiceTotal: 13484,
  purchaseOrder: 'PO-2027-001',
  tasks: [{ id: 't1', kind: 'add-seats', label: 'Add 10 seats to Microsoft 365 Business Premium', status: 'succeeded' }],
  progress: 1,
};

const deadlineIn = (lang: string) =>
  new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(new Date(DEADLINE));

for (const [lang, strings, month] of [
  ['de-DE', de, 'Jan.'],
  ['ar', ar, 'يناير'],
] as const) {
  describe(`the cancellation deadline in ${lang}`, () => {
    it('on the review, as a date and time in the page locale and time zone', async () => {
      const el = await fixture<LcOrderReview>(html`<lc-order-review
        lang=${lang}
        dir=${lang === 'ar' ? 'rtl' : 'ltr'}
        .strings=${strings}
        .catalog=${catalog}
        .lines=${[{ productId: PREMIUM, term: 'P1Y', billing: 'monthly', quantity: 10 }]}
        .quote=${quote}
        .subscriptions=${subscriptions}
        quote-state="ready"
      ></lc-order-review>`);
      const shown = text(el.shadowRoot!.querySelector('[part~="cancellation"]'));
      expect(shown).to.contain(deadlineIn(lang));
      expect(shown).to.contain(month);
      expect(shown).to.contain(lang === 'ar' ? 'يمكن الإلغاء أو التخفيض حتى' : 'Kündigen oder reduzieren möglich bis');
      await expect(el).to.be.accessible();
    });

    it('on the success screen, with the purchase order number', async () => {
      const el = await fixture<LcProvisioning>(html`<lc-provisioning lang=${lang} .strings=${strings} .order=${order}></lc-provisioning>`);
      const terms = text(el.shadowRoot!.querySelector('[part~="order-terms"]'));
      expect(terms).to.contain(deadlineIn(lang));
      expect(text(el.shadowRoot!.querySelector('[part~="purchase-order"]'))).to.equal('PO-2027-001');
      await expect(el).to.be.accessible();
    });
  });
}

describe('the review alone: choosing how a line is bought', () => {
  it('reports the choice as lc-step-input and shows it at once', async () => {
    const el = await fixture<LcOrderReview>(html`<lc-order-review
      lang="en-US"
      .catalog=${catalog}
      .lines=${[{ productId: PREMIUM, term: 'P1Y', billing: 'monthly', quantity: 10 }]}
      .subscriptions=${subscriptions}
      quote-state="loading"
    ></lc-order-review>`);
    const values: unknown[] = [];
    el.addEventListener('lc-step-input', (event) => values.push(event.value));
    const root = el.shadowRoot!;
    expect(control(root, 'Add 10 seats').checked).to.equal(true);
    // Before the quote, the renewal comes from the subscription itself.
    expect(text(root.querySelector('[part~="renewal"]'))).to.equal('The seats end on Apr 3, 2027 and renew with the subscription on Apr 4, 2027.');
    control(root, 'A new subscription').click();
    await el.updateComplete;
    expect(values).to.deep.equal([{ line: { key: `${PREMIUM}|P1Y|monthly`, choice: { kind: 'new' } } }]);
    expect(control(root, 'Renew automatically').checked).to.equal(true);
    await expect(el).to.be.accessible();
  });
});

// ---------------------------------------------------------------------------------------
// The cart: prices per year, and totals that follow the typing (issue 12 item 3)

describe('the cart', () => {
  async function mountCart(): Promise<LcCart> {
    const el = await fixture<LcCart>(html`<lc-cart
      lang="en-US"
      .catalogState=${'ready'}
      .catalog=${catalog}
      .lines=${[{ productId: E3, term: 'P1Y', billing: 'monthly', quantity: 3 }]}
    ></lc-cart>`);
    await el.updateComplete;
    return el;
  }

  it('shows what each term and billing choice costs per licence and year, the chosen one marked', async () => {
    const el = await mountCart();
    const perYear = el.shadowRoot!.querySelector('[part~="per-year"]')!;
    const rows = [...perYear.querySelectorAll('li')].map((li) => text(li));
    // E3: P1M $43.20 a month, P1Y $36.00 a month or $410.40 a year upfront, P3Y the same.
    expect(rows).to.include('1 month, Billed monthly $518.40');
    expect(rows).to.include('1 year, Billed monthly $432.00 (chosen)');
    expect(rows).to.include('1 year, Billed annually $410.40 (lowest)');
    expect(text(perYear.querySelector('[part~="per-year-chosen"]'))).to.contain('(chosen)');
    await expect(el).to.be.accessible();
  });

  it('changes the line and cart totals while a valid quantity is typed, not for an invalid one', async () => {
    const el = await mountCart();
    const root = el.shadowRoot!;
    const changes: unknown[] = [];
    el.addEventListener('lc-cart-change', (event) => changes.push(event));
    const input = root.querySelector<HTMLInputElement>('[part~="quantity-input"]')!;
    expect(text(root.querySelector('[part~="line-total"]'))).to.equal('$108.00 per month');
    input.focus();
    input.select();
    await sendKeys({ type: '12' });
    await el.updateComplete;
    // Still in the field: the totals follow the typing; the cart takes it on leaving the field.
    expect(root.activeElement).to.equal(input);
    expect(text(root.querySelector('[part~="line-total"]'))).to.equal('$432.00 per month');
    expect(text(root.querySelector('[part~="totals"]'))).to.contain('$432.00 per month');
    expect(changes).to.have.length(0);

    await sendKeys({ type: '000000' });
    await el.updateComplete;
    expect(text(root.querySelector('[part~="quantity-input"] ~ [part~="error"]'))).to.contain('Enter a whole number');
    // The invalid value keeps its message and leaves the total at the last valid one.
    expect(text(root.querySelector('[part~="totals"]'))).to.contain('$108.00 per month');
  });
});
