/**
 * `<lc-order-summary>` alone, with properties: lines, quantities and totals per billing
 * period, the prorated first invoice once quoted or placed, the wide (section) and narrow
 * (collapsible, total in view while closed) forms, and long values at 320 px.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Catalog, OrderLineInput, Quote, QuoteLine } from '../src/api/schemas.js';
import '../src/components/order-summary/order-summary.js';
import type { LcOrderSummary } from '../src/components/order-summary/order-summary.js';
import { catalog as mockCatalog } from '../src/mock/data.js';
import { isPerceivable, textOf as text } from './helpers/dom.js';

const E3 = 'cfq7ttc0lfld-0001'; // P1Y monthly $36.00
const BASIC = 'cfq7ttc0lh18-0001'; // P1Y annual $68.40 (5 % less than billed monthly)

const lines: OrderLineInput[] = [
  { productId: E3, term: 'P1Y', billing: 'monthly', quantity: 3 },
  { productId: BASIC, term: 'P1Y', billing: 'annual', quantity: 2 },
];

const catalog: Catalog = mockCatalog;

function part(el: LcOrderSummary, name: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

function allParts(el: LcOrderSummary, name: string): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
}

async function mount(props: Partial<Pick<LcOrderSummary, 'lines' | 'catalog' | 'quote' | 'order' | 'collapsible'>>): Promise<LcOrderSummary> {
  const el = await fixture<LcOrderSummary>(html`<lc-order-summary lang="en-US"></lc-order-summary>`);
  Object.assign(el, props);
  await el.updateComplete;
  return el;
}

describe('<lc-order-summary>', () => {
  it('lists each line with its quantity and amount per period, and the total per period', async () => {
    const el = await mount({ lines, catalog });
    expect(part(el, 'order-summary')!.localName).to.equal('section');
    const rows = allParts(el, 'summary-line').map((row) => text(row));
    expect(rows).to.deep.equal(['Microsoft 365 E3 × 3 $108.00 per month', 'Microsoft 365 Business Basic × 2 $136.80 per year']);
    expect(text(part(el, 'summary-total'))).to.equal('$108.00 per month $136.80 per year');
    // Not quoted yet: no first invoice.
    expect(part(el, 'summary-first-invoice')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows the quote’s prorated first invoice, and the placed order’s over the quote', async () => {
    const quote: Quote = {
      id: 'qt_1',
      currency: 'USD',
      startDate: '2026-12-16',
      lines: [],
      recurringTotal: 25200,
      firstInvoiceTotal: 19974,
      expiresAt: '2026-12-16T12:00:00Z',
    };
    const el = await mount({ lines, catalog, quote });
    expect(text(part(el, 'summary-first-invoice'))).to.equal('$199.74');
    el.order = { lines: [lines[0]!], currency: 'USD', firstInvoiceTotal: 5574 };
    await el.updateComplete;
    expect(allParts(el, 'summary-line')).to.have.length(1);
    expect(text(part(el, 'summary-first-invoice'))).to.equal('$55.74');
    expect(text(part(el, 'summary-total'))).to.equal('$108.00 per month');
  });

  it('takes a line’s amount from the quote when it quotes that line at that quantity, else from the catalog', async () => {
    const quoted = (productId: string, billing: 'monthly' | 'annual', quantity: number, unitPrice: number): QuoteLine => ({
      productId,
      name: `Quoted ${productId}`,
      term: 'P1Y',
      billing,
      quantity,
      unitPrice,
      periodAmount: unitPrice * quantity,
      periodStart: '2026-12-01',
      periodEnd: '2026-12-31',
      proratedFrom: '2026-12-16',
      chargedDays: 16,
      periodDays: 31,
      proratedAmount: 0,
    });
    // The store's price of E3 changed since the catalog was loaded; BASIC was quoted before its quantity changed.
    const quote: Quote = {
      id: 'qt_2',
      currency: 'USD',
      startDate: '2026-12-16',
      lines: [quoted(E3, 'monthly', 3, 3400), quoted(BASIC, 'annual', 5, 6840)],
      recurringTotal: 44400,
      firstInvoiceTotal: 0,
      expiresAt: '2026-12-16T12:00:00Z',
    };
    const el = await mount({ lines, catalog, quote });
    const rows = allParts(el, 'summary-line').map((row) => text(row));
    expect(rows).to.deep.equal(['Microsoft 365 E3 × 3 $102.00 per month', 'Microsoft 365 Business Basic × 2 $136.80 per year']);
    expect(text(part(el, 'summary-total'))).to.equal('$102.00 per month $136.80 per year');
  });

  it('collapses to its total when narrow: a native <details>, closed at first, the total in its summary', async () => {
    const el = await mount({ lines, catalog, collapsible: true });
    const details = part(el, 'order-summary') as HTMLDetailsElement;
    expect(details.localName).to.equal('details');
    expect(details.open).to.equal(false);
    const toggle = part(el, 'order-summary-toggle')!;
    expect(toggle.localName).to.equal('summary');
    // The total is in view while closed; the lines are not.
    expect(toggle.contains(part(el, 'summary-total'))).to.equal(true);
    expect(isPerceivable(part(el, 'summary-total')!)).to.equal(true);
    expect(part(el, 'summary-line')!.checkVisibility()).to.equal(false);
    await expect(el).to.be.accessible();
    toggle.click();
    await waitUntil(() => el.open, 'the summary did not follow its toggle');
    await el.updateComplete;
    expect(details.open).to.equal(true);
    expect(part(el, 'summary-line')!.checkVisibility()).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('wraps a hostile 10,000-character product name inside 320 px and keeps it whole', async function () {
    // Laying out 10,000 breakable characters twice is slow on a busy machine.
    this.timeout(30000);
    const name = 'X'.repeat(10_000);
    const hostile: Catalog = { ...catalog, products: catalog.products.map((p) => (p.id === E3 ? { ...p, name } : p)) };
    for (const collapsible of [false, true]) {
      // The width is on the element itself: fixture() of a plain <div> waits for an animation
      // frame, which a background tab (parallel test files) never gets.
      const el = await fixture<LcOrderSummary>(html`<lc-order-summary lang="en-US" style="inline-size: 320px"></lc-order-summary>`);
      Object.assign(el, { lines, catalog: hostile, collapsible, open: true });
      await el.updateComplete;
      expect(el.scrollWidth, `collapsible ${collapsible}`).to.be.at.most(320);
      expect(el.getBoundingClientRect().width).to.be.at.most(320);
      expect(part(el, 'summary-line')!.textContent).to.contain(name);
    }
  });

  it('formats in its locale and takes its strings from its own property', async () => {
    const el = await mount({ lines, catalog });
    el.lang = 'de-DE';
    el.strings = { 'summary.heading': 'Ihre Bestellung' };
    await el.updateComplete;
    expect(text(el.shadowRoot!.querySelector('h2'))).to.equal('Ihre Bestellung');
    expect(text(part(el, 'summary-total'))).to.contain('108,00');
  });

  it('shows nothing without lines', async () => {
    const el = await mount({ lines: [], catalog });
    expect(part(el, 'order-summary')).to.equal(null);
  });
});
