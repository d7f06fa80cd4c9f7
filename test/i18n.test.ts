/**
 * The optional translations (`src/i18n/de.ts`, `src/i18n/ar.ts`): each covers exactly the
 * keys of the elements' default tables, keeps every placeholder of the English text, leaves
 * nothing empty, and words and formats a real checkout when passed as `<lc-checkout>.strings`.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/index.js'; // every element, steps included (checkout.js alone loads steps when shown)
import type { LcCheckout } from '../src/components/checkout/checkout.js';
import { allDefaults, defaultsByElement } from '../src/i18n/all-defaults.js';
import { ar } from '../src/i18n/ar.js';
import { de } from '../src/i18n/de.js';
import type { StringTable } from '../src/i18n/strings.js';
import { E3, stepRoot, text, waitForStep } from './helpers/flow.js';
import { createTestMock, type TestMock } from './helpers/mock.js';

const defaults: StringTable = allDefaults;

/** The placeholder names of a template, sorted, each once. */
function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();
}

describe('all-defaults', () => {
  it('merges every element table, and the shared keys have one text', () => {
    const owners = new Map<string, string[]>();
    for (const [tag, table] of Object.entries(defaultsByElement)) {
      for (const [key, value] of Object.entries(table as StringTable)) {
        owners.set(key, [...(owners.get(key) ?? []), tag]);
        expect(defaults[key], `${tag} ${key}`).to.equal(value);
      }
    }
    expect(Object.keys(defaults).sort(), 'the merged keys are the union of the tables').to.deep.equal([...owners.keys()].sort());
    // Only the vocabulary the cart shares with the review (and the amounts per period with the summary) is in several tables.
    const shared = [...owners].filter(([, tags]) => tags.length > 1).map(([key, tags]) => `${key} ${tags.join(' ')}`);
    expect(shared.sort()).to.deep.equal([
      ...['billing.annual', 'billing.monthly'].map((key) => `${key} lc-cart lc-order-review`),
      ...['per.annual', 'per.monthly'].map((key) => `${key} lc-cart lc-order-review lc-order-summary`),
      ...['term.P1M', 'term.P1Y', 'term.P3Y'].map((key) => `${key} lc-cart lc-order-review`),
    ]);
  });
});

const translations: Array<[string, StringTable]> = [
  ['de', de],
  ['ar', ar],
];
for (const [name, table] of translations) {
  describe(`i18n/${name}`, () => {
    it('has exactly the default keys', () => {
      const missing = Object.keys(defaults).filter((key) => !(key in table));
      const extra = Object.keys(table).filter((key) => !(key in defaults));
      expect(missing, 'missing keys').to.deep.equal([]);
      expect(extra, 'keys no element has').to.deep.equal([]);
    });

    it('keeps the placeholders of every English text', () => {
      const differing = Object.keys(defaults)
        .filter((key) => key in table)
        .filter((key) => placeholders(table[key]!).join() !== placeholders(defaults[key]!).join())
        .map((key) => `${key}: ${placeholders(table[key]!).join()} ≠ ${placeholders(defaults[key]!).join()}`);
      expect(differing).to.deep.equal([]);
    });

    it('leaves no text empty', () => {
      const empty = Object.entries(table).filter(([, value]) => typeof value !== 'string' || value.trim() === '');
      expect(empty.map(([key]) => key)).to.deep.equal([]);
    });
  });
}

describe('<lc-checkout> with a translation', () => {
  let mock: TestMock;

  beforeEach(async () => {
    mock = await createTestMock();
  });

  async function cartWithE3(el: LcCheckout): Promise<ShadowRoot> {
    await waitForStep(el, 'cart');
    const root = stepRoot(el);
    await waitUntil(() => !root.querySelector('[part~="loading"]'), 'the catalog did not load');
    await el.addProduct(E3, { quantity: 1 });
    await waitUntil(() => root.querySelector('[part~="unit-price"]'), 'no unit price');
    return root;
  }

  it('German: the cart heading and steps in German, money formatted the German way', async () => {
    const el = await fixture<LcCheckout>(html`<lc-checkout api-base=${mock.baseUrl} lang="de" .strings=${de}></lc-checkout>`);
    const root = await cartWithE3(el);
    expect(text(root.querySelector('[part~="heading"]'))).to.equal('Ihr Warenkorb');
    // Microsoft 365 E3: $36.00 a month; German puts the comma first and the sign after.
    expect(text(root.querySelector('[part~="unit-price"]'))).to.equal('36,00 $ pro Monat');
    expect(text(el.shadowRoot!.querySelector('[part~="step-item"]'))).to.equal('Warenkorb');
    expect(text(root)).to.include('Zur Kasse');
  });

  it('Arabic, right to left: the cart heading in Arabic, money formatted the Arabic way', async () => {
    const el = await fixture<LcCheckout>(
      html`<lc-checkout api-base=${mock.baseUrl} lang="ar" dir="rtl" .strings=${ar}></lc-checkout>`,
    );
    const root = await cartWithE3(el);
    expect(text(root.querySelector('[part~="heading"]'))).to.equal('سلة التسوق');
    // As the browser's Intl words US dollars in Arabic (right-to-left mark, "US$" after the amount).
    const money = new Intl.NumberFormat('ar', { style: 'currency', currency: 'USD' }).format(36).replace(/\s+/g, ' ');
    expect(money).to.not.equal('$36.00');
    expect(text(root.querySelector('[part~="unit-price"]'))).to.equal(`${money} شهريًا`);
    expect(getComputedStyle(root.querySelector('[part~="heading"]')!).direction).to.equal('rtl');
    expect(text(el.shadowRoot!.querySelector('[part~="step-item"]'))).to.equal('السلة');
  });
});
