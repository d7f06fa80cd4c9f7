/**
 * `<lc-order-review>` alone, with properties: what it shows of the quote, and that "Place
 * order" fires once per placement whatever the user does with the mouse or the keyboard.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Catalog, OrderLineInput, Quote } from '../src/api/schemas.js';
import '../src/components/order-review/order-review.js';
import type { LcOrderReview, RecipientSummary } from '../src/components/order-review/order-review.js';
import type { LcPlaceOrderEvent } from '../src/events/place-order.js';
import type { LcQuoteRetryEvent } from '../src/events/quote-retry.js';
import type { LcStepBackEvent } from '../src/events/step-back.js';
import type { LcStepEditEvent } from '../src/events/step-edit.js';
import { catalog as mockCatalog } from '../src/mock/data.js';
import { byRole, textOf as text } from './helpers/dom.js';

const E3 = 'cfq7ttc0lfld-0001'; // P1Y monthly $36.00
const BASIC = 'cfq7ttc0lh18-0001'; // priced by the hand-built quote below (P1Y annual $72.00)

const lines: OrderLineInput[] = [
  { productId: E3, term: 'P1Y', billing: 'monthly', quantity: 3 },
  { productId: BASIC, term: 'P1Y', billing: 'annual', quantity: 2 },
];

const quote: Quote = {
  id: 'qt_0123456789abcdef',
  currency: 'USD',
  startDate: '2026-12-16',
  lines: [
    {
      productId: E3,
      name: 'Microsoft 365 E3',
      term: 'P1Y',
      billing: 'monthly',
      quantity: 3,
      unitPrice: 3600,
      periodAmount: 10800,
      periodStart: '2026-12-01',
      periodEnd: '2026-12-31',
      proratedFrom: '2026-12-16',
      chargedDays: 16,
      periodDays: 31,
      proratedAmount: 5574,
    },
    {
      productId: BASIC,
      name: 'Microsoft 365 Business Basic',
      term: 'P1Y',
      billing: 'annual',
      quantity: 2,
      unitPrice: 7200,
      periodAmount: 14400,
      periodStart: '2026-12-16',
      periodEnd: '2027-12-15',
      proratedFrom: '2026-12-16',
      chargedDays: 365,
      periodDays: 365,
      proratedAmount: 14400,
    },
  ],
  recurringTotal: 25200,
  firstInvoiceTotal: 19974,
  expiresAt: '2026-12-17T09:00:00Z',
};

const recipient: RecipientSummary = {
  kind: 'new',
  companyName: 'Fabrikam, Inc.',
  tenantDomain: 'fabrikam.onmicrosoft.com',
  newTenant: false,
};


function part(el: LcOrderReview, name: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

function parts(el: LcOrderReview, name: string): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
}

/** The button that places the order, found as a user finds it (its name changes while placing). */
function placeButton(el: LcOrderReview): HTMLButtonElement {
  return byRole<HTMLButtonElement>(el, 'button', { name: /^(Place order|Placing order…)$/ });
}

function placeEvents(el: LcOrderReview): LcPlaceOrderEvent[] {
  const seen: LcPlaceOrderEvent[] = [];
  el.addEventListener('lc-place-order', (e) => seen.push(e));
  return seen;
}

async function mount(overrides: Partial<LcOrderReview> = {}): Promise<LcOrderReview> {
  const el = await fixture<LcOrderReview>(html`<lc-order-review lang="en-GB"></lc-order-review>`);
  Object.assign(el, { lines, catalog: mockCatalog, recipient, quote, quoteState: 'ready', ...overrides });
  await el.updateComplete;
  return el;
}

describe('<lc-order-review>', () => {
  it('is accessible with a quote, while the quote loads, when it failed and while placing', async () => {
    const el = await mount({
      agreement: { mode: 'attest', signatory: 'Ada Lovelace', dateAccepted: '2026-12-16' },
    });
    await expect(el).to.be.accessible();
    el.quote = undefined;
    el.quoteState = 'loading';
    await el.updateComplete;
    await expect(el).to.be.accessible();
    el.quoteState = 'error';
    await el.updateComplete;
    await expect(el).to.be.accessible();
    Object.assign(el, { quote, quoteState: 'ready', submitting: true });
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('shows the recipient, the tenant and the agreement', async () => {
    const el = await mount({
      agreement: { mode: 'attest', signatory: 'Ada Lovelace', dateAccepted: '2026-12-16' },
    });
    const summary = text(part(el, 'summary'));
    expect(summary).to.contain('Ordered for Fabrikam, Inc. (new customer)');
    expect(summary).to.contain('Microsoft tenant fabrikam.onmicrosoft.com');
    expect(summary).to.contain('Accepted by Ada Lovelace on 16 Dec 2026');

    el.recipient = { kind: 'new', companyName: 'Tailspin', tenantDomain: 'tailspin365.onmicrosoft.com', newTenant: true };
    el.agreement = { mode: 'customer-accepts' };
    await el.updateComplete;
    expect(text(part(el, 'summary'))).to.contain('tailspin365.onmicrosoft.com (created with this order)');
    expect(text(part(el, 'summary'))).to.contain('The customer accepts it on Microsoft’s page after the order');

    el.recipient = { kind: 'internal' };
    el.agreement = undefined;
    await el.updateComplete;
    expect(text(part(el, 'summary'))).to.equal('Ordered for Your own organization (internal use) Edit Microsoft tenant Your own tenant');
  });

  it('shows each line with term, billing, quantity, unit price, period amount and the prorated first invoice with its period', async () => {
    const el = await mount();
    const [e3, basic] = parts(el, 'line');
    expect(text(e3!.querySelector('[part~="line-name"]'))).to.equal('Microsoft 365 E3');
    expect(text(e3)).to.contain('1 year · Billed monthly');
    expect(text(e3)).to.contain('Quantity 3');
    expect(text(e3)).to.contain('Unit price US$36.00 per month');
    expect(text(e3)).to.contain('Each period US$108.00 per month');
    expect(text(e3!.querySelector('[part~="proration"]'))).to.equal('US$55.74 (16 – 31 Dec 2026, 16 of 31 days)');
    expect(text(basic!.querySelector('[part~="proration"]'))).to.equal('US$144.00 (16 Dec 2026 – 15 Dec 2027, 365 of 365 days)');
    expect(text(basic)).to.contain('Each period US$144.00 per year');
  });

  it('totals the first invoice, then the recurring amounts per month and per year', async () => {
    const el = await mount();
    expect(text(part(el, 'totals'))).to.equal('First invoice (before tax) US$199.74 Then US$108.00 per month US$144.00 per year');
  });

  it('formats money, numbers and dates with Intl in its lang', async () => {
    const el = await mount();
    el.lang = 'de-DE';
    await el.updateComplete;
    expect(text(part(el, 'totals'))).to.contain('199,74 $');
    // Ranges in the same date style as single dates (German medium: 16.12.2026), not a style of their own.
    expect(text(parts(el, 'proration')[0])).to.equal('55,74 $ (16.–31.12.2026, 16 of 31 days)');
    expect(text(parts(el, 'proration')[1])).to.contain('16.12.2026 – 15.12.2027');
    el.agreement = { mode: 'attest', signatory: 'Ada Lovelace', dateAccepted: '2026-12-16' };
    await el.updateComplete;
    expect(text(part(el, 'summary'))).to.contain('16.12.2026');
  });

  it('fires lc-place-order once for a double click, and again only after the owner answered', async () => {
    const el = await mount();
    const seen = placeEvents(el);
    placeButton(el).click();
    placeButton(el).click();
    await el.updateComplete;
    placeButton(el).click();
    expect(seen).to.have.length(1);
    expect(seen[0]!.quoteId).to.equal(quote.id);
    expect(placeButton(el).getAttribute('aria-disabled')).to.equal('true');

    // The owner places it, then it fails: the button comes back for a retry.
    el.submitting = true;
    await el.updateComplete;
    placeButton(el).click();
    Object.assign(el, { submitting: false, error: 'The store did not answer.' });
    await el.updateComplete;
    expect(text(part(el, 'error'))).to.equal('The store did not answer.');
    placeButton(el).click();
    expect(seen).to.have.length(2);
  });

  it('pressing Enter twice on the focused button fires once', async () => {
    const el = await mount();
    const seen = placeEvents(el);
    placeButton(el).focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(seen).to.have.length(1);
    // Focus stays on the button while it is busy (not dropped to <body>).
    expect(el.shadowRoot!.activeElement).to.equal(placeButton(el));
  });

  it('shows that the order is being placed, and ignores presses meanwhile', async () => {
    const el = await mount({ submitting: true });
    const seen = placeEvents(el);
    const button = placeButton(el);
    expect(text(button)).to.equal('Placing order…');
    expect(button.getAttribute('aria-busy')).to.equal('true');
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(parts(el, 'edit-button').every((b) => b.hidden)).to.equal(true);
    button.click();
    expect(seen).to.have.length(0);
  });

  it('a vetoed lc-place-order gives the button back, and the next press fires again', async () => {
    const el = await mount();
    el.addEventListener('lc-place-order', (e) => e.preventDefault(), { once: true });
    const seen = placeEvents(el);
    placeButton(el).click();
    await el.updateComplete;
    expect(seen).to.have.length(1);
    expect(seen[0]!.cancelable).to.equal(true);
    expect(seen[0]!.defaultPrevented, 'the first press was vetoed').to.equal(true);
    expect(text(placeButton(el))).to.equal('Place order');
    expect(placeButton(el).getAttribute('aria-disabled')).to.not.equal('true');

    placeButton(el).click();
    await el.updateComplete;
    expect(seen).to.have.length(2);
    expect(seen[1]!.quoteId).to.equal(quote.id);
    expect(seen[1]!.defaultPrevented).to.equal(false);
    expect(placeButton(el).getAttribute('aria-disabled')).to.equal('true');
  });

  it('shows a skeleton while the quote loads, and cannot place the order yet', async () => {
    const el = await mount({ quote: undefined, quoteState: 'loading' });
    const seen = placeEvents(el);
    expect(parts(el, 'loading').length).to.be.greaterThan(0);
    expect(text(el.shadowRoot!.querySelector('.section-head ~ .hint, p.hint[aria-live]'))).to.equal('Calculating the first invoice…');
    // Unit prices come from the catalog meanwhile.
    expect(text(parts(el, 'line')[0])).to.contain('Unit price US$36.00 per month');
    expect(placeButton(el).getAttribute('aria-disabled')).to.equal('true');
    placeButton(el).click();
    expect(seen).to.have.length(0);
  });

  it('offers a retry when the quote failed', async () => {
    const el = await mount({ quote: undefined, quoteState: 'error' });
    const failed = part(el, 'quote-failed')!;
    expect(failed.getAttribute('role')).to.equal('alert');
    expect(text(failed)).to.contain('The first invoice could not be calculated.');
    const retries: LcQuoteRetryEvent[] = [];
    el.addEventListener('lc-quote-retry', (e) => retries.push(e));
    const places = placeEvents(el);
    (part(el, 'retry-button') as HTMLButtonElement).click();
    expect(retries).to.have.length(1);
    expect(placeButton(el).getAttribute('aria-disabled')).to.equal('true');
    placeButton(el).click();
    expect(places, 'no order without a quote').to.have.length(0);
  });

  it('Edit links ask to go back to the step that holds the data', async () => {
    const el = await mount({ agreement: { mode: 'attest', signatory: 'A B', dateAccepted: '2026-12-16' } });
    const steps: string[] = [];
    el.addEventListener('lc-step-edit', (e: LcStepEditEvent) => steps.push(e.step));
    for (const button of parts(el, 'edit-button')) button.click();
    expect(steps).to.deep.equal(['customer-details', 'tenant-domain', 'agreement', 'cart']);
    const backs: LcStepBackEvent[] = [];
    el.addEventListener('lc-step-back', (e) => backs.push(e));
    (part(el, 'back-button') as HTMLButtonElement).click();
    expect(backs.map((e) => e.step)).to.deep.equal(['review']);
  });

  it('shows hostile names from the backend as text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const catalog: Catalog = {
      ...mockCatalog,
      products: mockCatalog.products.map((p) => (p.id === E3 ? { ...p, name: hostile } : p)),
    };
    const el = await mount({
      catalog,
      quote: undefined,
      quoteState: 'loading',
      recipient: { kind: 'existing', companyName: hostile, tenantDomain: 'x.onmicrosoft.com' },
    });
    expect(text(parts(el, 'line-name')[0])).to.equal(hostile);
    expect(text(part(el, 'summary'))).to.contain(hostile);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('focusHeading() focuses the step heading, named `step-heading` like the other steps and `heading` as before', async () => {
    const el = await mount();
    await el.focusHeading();
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'step-heading'));
    expect(part(el, 'heading')).to.equal(part(el, 'step-heading'));
  });

  it('keeps money, dates and domains in their own order right to left (isolated in <bdi>)', async () => {
    const el = await mount({
      agreement: { mode: 'attest', signatory: 'Ada Lovelace', dateAccepted: '2026-12-16' },
    });
    el.dir = 'rtl';
    await el.updateComplete;
    const isolated = [...el.shadowRoot!.querySelectorAll('bdi')].map(text);
    expect(isolated).to.include('fabrikam.onmicrosoft.com');
    expect(isolated).to.include('16 Dec 2026');
    const money = isolated.filter((t) => /^(US)?\$\d/.test(t));
    expect(money.length, 'amounts isolated').to.be.greaterThan(2);
    // Each amount is whole inside its <bdi>: "US$125.00" never splits around "per month".
    for (const amount of money) expect(amount).to.match(/^(US)?\$[\d,]+\.\d{2}$/);
    expect(text(part(el, 'totals'))).to.match(/per month/);
  });
});
