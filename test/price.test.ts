import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/components/price/price.js';
import type { LcPrice } from '../src/components/price/price.js';
import { ar } from '../src/i18n/ar.js';
import { de } from '../src/i18n/de.js';
import { createTestMock, type TestMock } from './helpers/mock.js';
import { BASIC, E3, catchWarnings, shadowText } from './helpers/tags.js';

const shown = (el: LcPrice) => shadowText(el, '[part~="price"]');

async function priced(el: LcPrice): Promise<LcPrice> {
  await waitUntil(() => shown(el) !== '' && !shown(el).endsWith('…'), 'the price did not load');
  return el;
}

describe('<lc-price>', () => {
  let mock: TestMock;
  beforeEach(async () => {
    mock = await createTestMock();
  });

  it('is accessible while loading and when shown', async () => {
    await mock.inject({ path: '/catalog', delayMs: 300 });
    const el = await fixture<LcPrice>(html`<lc-price api-base=${mock.baseUrl} product=${E3}></lc-price>`);
    expect(shown(el)).to.equal('Loading…');
    await expect(el).to.be.accessible();
    await priced(el);
    await expect(el).to.be.accessible();
  });

  it("shows the default offer's price, or the given term and billing", async () => {
    const monthly = await priced(await fixture<LcPrice>(html`<lc-price api-base=${mock.baseUrl} product=${E3}></lc-price>`));
    expect(shown(monthly)).to.equal('$36.00 per month');
    const annual = await priced(
      await fixture<LcPrice>(html`<lc-price api-base=${mock.baseUrl} product=${E3} term="P1Y" billing="annual"></lc-price>`),
    );
    expect(shown(annual)).to.equal('$410.40 per year');
  });

  it('formats the price in German and Arabic', async () => {
    const german = await priced(await fixture<LcPrice>(html`<lc-price lang="de-DE" api-base=${mock.baseUrl} product=${E3} .strings=${de}></lc-price>`));
    expect(shown(german)).to.equal('36,00 $ pro Monat'); // the no-break space read as a space
    const arabic = await priced(await fixture<LcPrice>(html`<lc-price lang="ar-EG" dir="rtl" api-base=${mock.baseUrl} product=${E3} .strings=${ar}></lc-price>`));
    expect(shown(arabic)).to.equal(`${new Intl.NumberFormat('ar-EG', { style: 'currency', currency: 'USD' }).format(36)} شهريًا`.replace(/\s+/g, ' '));
    expect(shown(arabic)).to.match(/[٠-٩]/);
    // The amount is isolated, so it keeps its order inside right-to-left text.
    expect(arabic.shadowRoot!.querySelector('bdi')!.textContent).to.match(/٣٦/);
  });

  it('says "Not available" and warns for an unknown product or an offer not sold', async () => {
    const warnings = catchWarnings();
    try {
      const unknown = await priced(await fixture<LcPrice>(html`<lc-price api-base=${mock.baseUrl} product="nope"></lc-price>`));
      const notSold = await priced(await fixture<LcPrice>(html`<lc-price api-base=${mock.baseUrl} product=${BASIC} term="P3Y"></lc-price>`));
      expect(shown(unknown)).to.equal('Not available');
      expect(shown(notSold)).to.equal('Not available');
      expect(warnings.messages.join('\n')).to.include('<lc-price product="nope">: no product "nope" in the catalog');
      expect(warnings.messages.join('\n')).to.include(`${BASIC} is not offered with term P3Y`);
      await expect(unknown).to.be.accessible();
    } finally {
      warnings.restore();
    }
  });

  it('rejects a catalog that breaks the contract, naming where', async () => {
    await mock.inject({ path: '/catalog', status: 200, body: { currency: 'USD', products: [{ id: E3, name: 'E3', minQuantity: 1, maxQuantity: 5, offers: [{ term: 'P2Y', billing: 'monthly', unitPrice: 1 }] }] } });
    const warnings = catchWarnings();
    try {
      const el = await priced(await fixture<LcPrice>(html`<lc-price api-base=${mock.baseUrl} product=${E3}></lc-price>`));
      expect(shown(el)).to.equal('Not available');
      expect(warnings.messages.join('\n')).to.match(/the catalog from .*\/catalog breaks the contract at products\[0\]/);
    } finally {
      warnings.restore();
    }
  });
});
