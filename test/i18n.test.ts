/**
 * The optional translations (`src/i18n/de.ts`, `src/i18n/ar.ts`): each covers exactly the
 * keys of the elements' default tables, keeps every placeholder of the English text, leaves
 * nothing empty, and words and formats a real checkout when passed as `<lc-checkout>.strings`.
 */
import { expect, fixture, fixtureSync, html, waitUntil } from '@open-wc/testing';
import '../src/index.js'; // every element, steps included (checkout.js alone loads steps when shown)
import { configureTags } from '../src/tags.js';
import type { LcCheckout } from '../src/components/checkout/checkout.js';
import { allDefaults, defaultsByElement } from '../src/i18n/all-defaults.js';
import { ar } from '../src/i18n/ar.js';
import { de } from '../src/i18n/de.js';
import type { StringTable } from '../src/i18n/strings.js';
import { BASIC, E3, stepRoot, text, waitForStep } from './helpers/flow.js';
import { createTestMock, type TestMock } from './helpers/mock.js';
import { textName } from './helpers/tags.js';

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
      ...['per.annual', 'per.monthly'].map((key) => `${key} lc-cart lc-order-review lc-order-summary lc-price`),
      ...['term.P1M', 'term.P1Y', 'term.P3Y'].map((key) => `${key} lc-cart lc-order-review`),
    ]);
  });
});

const translations: Array<[string, StringTable]> = [
  ['de', de],
  ['ar', ar],
];

/** A cart count's plural form beside `one` and `other` that `lang` has (`cartCount.lines.two` in Arabic). */
const pluralFormOf = (lang: string, key: string) => {
  const [, form] = /^cartCount\.(?:lines|seats)\.(\w+)$/.exec(key) ?? [];
  return !!form && new Intl.PluralRules(lang).resolvedOptions().pluralCategories.includes(form as Intl.LDMLPluralRule);
};

for (const [name, table] of translations) {
  describe(`i18n/${name}`, () => {
    it('has exactly the default keys (and the plural forms its language has)', () => {
      const missing = Object.keys(defaults).filter((key) => !(key in table));
      const extra = Object.keys(table).filter((key) => !(key in defaults) && !pluralFormOf(name, key));
      expect(missing, 'missing keys').to.deep.equal([]);
      expect(extra, 'keys no element has').to.deep.equal([]);
    });

    it('keeps the placeholders of every English text (a count form for one number may say it in words)', () => {
      // Arabic's «منتج واحد» (one product) and «منتجان» (two products) need no digit.
      const inWords = (key: string) => /^cartCount\.(?:lines|seats)\.one$/.test(key) && placeholders(table[key]!).length === 0;
      const differing = Object.keys(defaults)
        .filter((key) => key in table && !inWords(key))
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

describe('the product-page tags with the same table', () => {
  afterEach(() => configureTags({ strings: undefined }));

  for (const [lang, table, words] of [
    ['de-DE', de, { add: 'In den Warenkorb', count: 'Warenkorb 2 Produkte', price: 'pro Monat' }],
    ['ar-EG', ar, { add: 'أضف إلى السلة', count: 'السلة منتجان', price: 'شهريًا' }],
  ] as const) {
    it(`configureTags({ strings }) with i18n/${lang.slice(0, 2)} words every tag in it`, async () => {
      const mock = await createTestMock();
      configureTags({ strings: table });
      // fixtureSync: open-wc's fixture() waits an animation frame for a plain <p>, and a test
      // page in the background (two run at once) gets none, so it would wait forever.
      const page = fixtureSync<HTMLElement>(html`<p lang=${lang}>
        <lc-add-to-cart api-base=${mock.baseUrl} product=${E3}></lc-add-to-cart>
        <lc-cart-count api-base=${mock.baseUrl}></lc-cart-count>
        <lc-price api-base=${mock.baseUrl} product=${E3}></lc-price>
      </p>`);
      await Promise.all([...page.children].map((tag) => (tag as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete));
      const tag = (name: string) => page.querySelector(name)!.shadowRoot!;
      await waitUntil(() => text(tag('lc-price')).includes(words.price), `<lc-price> not in ${lang}`, { timeout: 3000 });
      expect(textName(tag('lc-add-to-cart').querySelector('button'))).to.equal(`${words.add} Microsoft 365 E3`);
      const add = async (product: string) => {
        const other = await fixture<HTMLElement>(html`<lc-add-to-cart api-base=${mock.baseUrl} product=${product}></lc-add-to-cart>`);
        await waitUntil(() => !other.shadowRoot!.querySelector('button')!.disabled && text(other.shadowRoot!.querySelector('button')) !== '');
        other.shadowRoot!.querySelector('button')!.click();
      };
      await add(E3);
      await add(BASIC);
      await waitUntil(() => (page.querySelector('lc-cart-count') as HTMLElement & { count: number }).count === 2, 'the count did not reach 2', { timeout: 3000 });
      await (page.querySelector('lc-cart-count') as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      expect(textName(tag('lc-cart-count').querySelector('[part~="link"]'))).to.equal(words.count);
    });
  }
});
