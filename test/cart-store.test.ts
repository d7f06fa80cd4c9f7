import { expect } from '@open-wc/testing';
import { clearPageStorage } from './helpers/mock.js';
import type { Catalog, Product } from '../src/api/schemas.js';
import {
  EMPTY_CART,
  addProduct,
  changeOffer,
  lineKey,
  loadCart,
  normalizeCart,
  parseQuantity,
  priceCart,
  removeLine,
  saveCart,
  setQuantity,
  storageKey,
  backendScope,
  type Cart,
} from '../src/checkout/cart-store.js';

const e3: Product = {
  id: 'e3',
  name: 'Microsoft 365 E3',
  minQuantity: 1,
  maxQuantity: 300,
  offers: [
    { term: 'P1M', billing: 'monthly', unitPrice: 4320 },
    { term: 'P1Y', billing: 'monthly', unitPrice: 3600 },
    { term: 'P1Y', billing: 'annual', unitPrice: 43200 },
    { term: 'P3Y', billing: 'annual', unitPrice: 43200 },
  ],
};
const basic: Product = {
  id: 'basic',
  name: 'Business Basic',
  minQuantity: 5,
  maxQuantity: 20,
  offers: [{ term: 'P1Y', billing: 'monthly', unitPrice: 600 }],
};
const catalog: Catalog = { currency: 'USD', products: [e3, basic] };

function added(cart: Cart, product: Product, options = {}): Cart {
  const result = addProduct(cart, product, options);
  if (!result.ok) throw new Error(result.message);
  return result.cart;
}

describe('cart-store', () => {
  describe('addProduct', () => {
    it('adds a line with a one-year term billed monthly and the minimum quantity by default', () => {
      expect(added(EMPTY_CART, basic)).to.deep.equal([{ productId: 'basic', term: 'P1Y', billing: 'monthly', quantity: 5 }]);
      expect(added(EMPTY_CART, e3)).to.deep.equal([{ productId: 'e3', term: 'P1Y', billing: 'monthly', quantity: 1 }]);
      expect(added(EMPTY_CART, e3, { billing: 'annual' })[0]).to.include({ term: 'P1Y', billing: 'annual' });
      expect(added(EMPTY_CART, e3, { term: 'P3Y' })[0]).to.include({ term: 'P3Y', billing: 'annual' });
      expect(added(EMPTY_CART, e3, { term: 'P1M' })[0]).to.include({ term: 'P1M', billing: 'monthly' });
    });

    it('merges an identical line and caps the quantity at the maximum', () => {
      let cart = added(EMPTY_CART, e3, { term: 'P1Y', billing: 'annual', quantity: 200 });
      const result = addProduct(cart, e3, { term: 'P1Y', billing: 'annual', quantity: 150 });
      expect(result.ok).to.equal(true);
      if (!result.ok) return;
      cart = result.cart;
      expect(cart).to.have.length(1);
      expect(cart[0]!.quantity).to.equal(300);
      expect(result.capped).to.equal(true);
    });

    it('keeps lines apart when term or billing differ', () => {
      let cart = added(EMPTY_CART, e3, { term: 'P1Y', billing: 'annual' });
      cart = added(cart, e3, { term: 'P1Y', billing: 'monthly' });
      expect(cart.map(lineKey)).to.deep.equal(['e3|P1Y|annual', 'e3|P1Y|monthly']);
    });

    it('rejects an offer the product does not have and a quantity out of bounds', () => {
      expect(addProduct(EMPTY_CART, basic, { term: 'P3Y', billing: 'annual' })).to.include({ ok: false, reason: 'unknown-offer' });
      expect(addProduct(EMPTY_CART, basic, { billing: 'annual' })).to.include({ ok: false, reason: 'unknown-offer' });
      expect(addProduct(EMPTY_CART, basic, { quantity: 4 })).to.include({ ok: false, reason: 'invalid-quantity' });
      expect(addProduct(EMPTY_CART, basic, { quantity: 5.5 })).to.include({ ok: false, reason: 'invalid-quantity' });
    });

    it('never mutates the cart it was given', () => {
      const before = added(EMPTY_CART, e3, { quantity: 2 });
      const after = added(before, e3, { quantity: 3 });
      expect(before[0]!.quantity).to.equal(2);
      expect(after[0]!.quantity).to.equal(5);
      expect(Object.isFrozen(after)).to.equal(true);
      expect(Object.isFrozen(after[0])).to.equal(true);
    });
  });

  describe('removeLine, setQuantity, changeOffer', () => {
    it('removes a line by key and returns the same cart for an unknown key', () => {
      const cart = added(added(EMPTY_CART, e3), basic);
      expect(removeLine(cart, 'e3|P1Y|monthly').map((l) => l.productId)).to.deep.equal(['basic']);
      expect(removeLine(cart, 'nope')).to.equal(cart);
    });

    it('sets a valid quantity and throws a RangeError for an invalid one', () => {
      const cart = added(EMPTY_CART, basic);
      expect(setQuantity(cart, 'basic|P1Y|monthly', 7, basic)[0]!.quantity).to.equal(7);
      expect(() => setQuantity(cart, 'basic|P1Y|monthly', 21, basic)).to.throw(RangeError);
      expect(() => setQuantity(cart, 'basic|P1Y|monthly', 4, basic)).to.throw(RangeError);
      expect(() => setQuantity(cart, 'basic|P1Y|monthly', 6.5, basic)).to.throw(RangeError);
    });

    it('switches to a billing the new term offers', () => {
      const cart = added(EMPTY_CART, e3, { term: 'P1Y', billing: 'monthly' });
      const { cart: next, key } = changeOffer(cart, 'e3|P1Y|monthly', e3, { term: 'P3Y' });
      expect(key).to.equal('e3|P3Y|annual');
      expect(next[0]).to.deep.equal({ productId: 'e3', term: 'P3Y', billing: 'annual', quantity: 1 });
    });

    it('merges with an identical line after a change, at the earlier position', () => {
      let cart = added(EMPTY_CART, basic);
      cart = added(cart, e3, { term: 'P1Y', billing: 'annual', quantity: 4 });
      cart = added(cart, e3, { term: 'P1Y', billing: 'monthly', quantity: 6 });
      const { cart: next } = changeOffer(cart, 'e3|P1Y|monthly', e3, { billing: 'annual' });
      expect(next).to.deep.equal([
        { productId: 'basic', term: 'P1Y', billing: 'monthly', quantity: 5 },
        { productId: 'e3', term: 'P1Y', billing: 'annual', quantity: 10 },
      ]);
    });
  });

  describe('parseQuantity', () => {
    const ok = (input: string) => parseQuantity(input, e3);
    it('accepts whole numbers within bounds, with spaces and leading zeros', () => {
      expect(ok('1')).to.deep.equal({ ok: true, value: 1 });
      expect(ok(' 300 ')).to.deep.equal({ ok: true, value: 300 });
      expect(ok('007')).to.deep.equal({ ok: true, value: 7 });
    });

    it('accepts digits of other scripts (Arabic-Indic, full-width)', () => {
      expect(ok('٣')).to.deep.equal({ ok: true, value: 3 });
      expect(ok('١٢')).to.deep.equal({ ok: true, value: 12 });
      expect(ok('１２')).to.deep.equal({ ok: true, value: 12 });
    });

    it('says why text is not a valid quantity', () => {
      const reason = (input: string) => {
        const result = parseQuantity(input, e3);
        return result.ok ? result.value : result.reason;
      };
      expect(reason('')).to.equal('empty');
      expect(reason('   ')).to.equal('empty');
      expect(reason('1e3')).to.equal('not-whole');
      expect(reason('12abc')).to.equal('not-whole');
      expect(reason('1.5')).to.equal('not-whole');
      expect(reason('2.0')).to.equal('not-whole');
      expect(reason('1,000')).to.equal('not-whole');
      expect(reason('1 000')).to.equal('not-whole');
      expect(reason('0x10')).to.equal('not-whole');
      expect(reason('-2')).to.equal('too-small');
      expect(reason('0')).to.equal('too-small');
      expect(reason('301')).to.equal('too-large');
      expect(reason('99999999999999999999999')).to.equal('too-large');
    });

    it('reports the bounds with the reason', () => {
      expect(parseQuantity('4', basic)).to.deep.equal({ ok: false, reason: 'too-small', min: 5, max: 20 });
    });
  });

  describe('priceCart', () => {
    it('prices lines in minor units and totals them per billing frequency', () => {
      let cart = added(EMPTY_CART, e3, { term: 'P1Y', billing: 'monthly', quantity: 3 });
      cart = added(cart, e3, { term: 'P1Y', billing: 'annual', quantity: 2 });
      cart = added(cart, basic, { quantity: 10 });
      const { lines, totals } = priceCart(cart, catalog);
      expect(lines.map((l) => l.total)).to.deep.equal([10800, 86400, 6000]);
      expect(totals).to.deep.equal({ currency: 'USD', byBilling: { monthly: 16800, annual: 86400 }, licences: 15, problems: 0 });
    });

    it('reports lines whose product or offer left the catalog instead of pricing them at zero', () => {
      const cart = normalizeCart([
        { productId: 'gone', term: 'P1Y', billing: 'monthly', quantity: 1 },
        { productId: 'basic', term: 'P3Y', billing: 'annual', quantity: 5 },
        { productId: 'basic', term: 'P1Y', billing: 'monthly', quantity: 50 },
        { productId: 'e3', term: 'P1Y', billing: 'monthly', quantity: 1 },
      ]).cart;
      const { lines, totals } = priceCart(cart, catalog);
      expect(lines.map((l) => l.problem)).to.deep.equal(['unknown-product', 'unknown-offer', 'invalid-quantity', undefined]);
      expect(lines[0]!.total).to.equal(undefined);
      expect(totals.byBilling).to.deep.equal({ monthly: 3600 });
      expect(totals.problems).to.equal(3);
    });
    it('keeps unchanged lines and their prices by identity, pricing only what changed', () => {
      let cart = added(EMPTY_CART, e3, { term: 'P1Y', billing: 'monthly', quantity: 3 });
      cart = added(cart, e3, { term: 'P1Y', billing: 'annual', quantity: 2 });
      cart = added(cart, basic, { quantity: 10 });
      const first = priceCart(cart, catalog);
      const next = setQuantity(cart, lineKey(cart[1]!), 4, e3);
      expect(next[0]).to.equal(cart[0]);
      expect(next[2]).to.equal(cart[2]);
      expect(Object.isFrozen(next[1])).to.equal(true);
      const second = priceCart(next, catalog);
      expect(second.lines[0]).to.equal(first.lines[0]);
      expect(second.lines[2]).to.equal(first.lines[2]);
      expect(second.lines[1]).to.not.equal(first.lines[1]);
      expect(second.lines[1]!.total).to.equal(172800);
      expect(second.totals).to.deep.equal({ currency: 'USD', byBilling: { monthly: 16800, annual: 172800 }, licences: 17, problems: 0 });
      // Another catalog prices again: a product whose offer changed gets its new price.
      const cheaper: Catalog = { currency: 'USD', products: [e3, { ...basic, offers: [{ term: 'P1Y', billing: 'monthly', unitPrice: 500 }] }] };
      expect(priceCart(next, cheaper).lines[2]!.total).to.equal(5000);
    });
  });

  describe('persistence', () => {
    const base = 'https://store.example/api';
    let warnings: unknown[][];
    let warn: typeof console.warn;

    beforeEach(() => {
      clearPageStorage(base, 'https://other.example/api');
      warnings = [];
      warn = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args);
    });
    afterEach(() => {
      console.warn = warn;
      clearPageStorage(base, 'https://other.example/api');
    });

    it('stores versioned JSON per base URL and reads it back', () => {
      const cart = added(EMPTY_CART, e3, { quantity: 4 });
      saveCart(base, cart);
      expect(JSON.parse(localStorage.getItem('license-checkout:cart:https://store.example/api')!)).to.deep.equal({
        version: 1,
        lines: [{ productId: 'e3', term: 'P1Y', billing: 'monthly', quantity: 4 }],
      });
      expect(loadCart(base + '/')).to.deep.equal(cart);
      expect(loadCart('https://other.example/api')).to.deep.equal([]);
      expect(storageKey('/api/')).to.equal(storageKey('/api'));
    });

    it('scopes a backend by its resolved base URL, without trailing slashes', () => {
      expect(backendScope('/api/')).to.equal(`${location.origin}/api`);
      expect(backendScope(' https://store.example/api// ')).to.equal('https://store.example/api');
      expect(backendScope('')).to.equal(undefined);
      expect(backendScope('   ')).to.equal(undefined);
      expect(backendScope(undefined)).to.equal(undefined);
      expect(backendScope(42)).to.equal(undefined);
    });

    it('removes the entry when the cart is emptied', () => {
      saveCart(base, added(EMPTY_CART, e3));
      saveCart(base, EMPTY_CART);
      expect(localStorage.getItem(storageKey(base))).to.equal(null);
    });

    for (const [what, stored] of [
      ['bad JSON', '{"version":1,"lines":['],
      ['a wrong shape', '{"version":1,"lines":[{"productId":"e3","quantity":"lots"}]}'],
      ['another version', '{"version":99,"lines":[]}'],
      ['a bare array', '[]'],
    ] as const) {
      it(`discards a stored cart with ${what}, with a warning and without throwing`, () => {
        localStorage.setItem(storageKey(base), stored);
        expect(loadCart(base)).to.deep.equal([]);
        expect(warnings).to.have.length(1);
        expect(String(warnings[0]![0])).to.contain('discarded');
        expect(localStorage.getItem(storageKey(base))).to.equal(null);
      });
    }

    it('survives a storage that throws', () => {
      const broken = {
        getItem() {
          throw new DOMException('denied', 'SecurityError');
        },
        setItem() {
          throw new DOMException('full', 'QuotaExceededError');
        },
        removeItem() {},
      } as unknown as Storage;
      expect(loadCart(base, broken)).to.deep.equal([]);
      expect(() => saveCart(base, added(EMPTY_CART, e3), broken)).not.to.throw();
      expect(warnings).to.have.length(2);
    });
  });
});
