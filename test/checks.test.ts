/**
 * The compiled checks (src/api/check.ts, src/api/checks*.gen.ts) against the zod schemas they
 * were compiled from: for values generated from each schema's own shape (valid ones, near
 * misses at every limit, wrong types, extra and missing keys, hostile text), the same success,
 * the same parsed value and the same issues (code, path and the details the widget reads).
 * The browser runs the checks; the server, the mock and the contract's OpenAPI file run zod:
 * this is what keeps them one set of rules.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import * as z from 'zod/mini';
import { check, type Check, type CheckIssue } from '../src/api/check.js';
import * as cartChecks from '../src/api/checks-cart.gen.js';
import * as laterChecks from '../src/api/checks.gen.js';
import * as contract from '../src/api/schemas.js';
import * as stored from '../src/checkout/stored.schemas.js';
import { isStoredLine } from '../src/checkout/cart-format.js';
import { checkCatalog } from '../src/tags/catalog.js';

type Schema = z.core.$ZodType;
type Def = Record<string, any>;

const compiled: Record<string, Check<unknown>> = { ...cartChecks, ...laterChecks };
const schemas: Record<string, unknown> = { ...contract, ...stored };

/** Texts that break naive code: markup, bidi controls, emoji (two UTF-16 units), NUL, spaces. */
const hostile = fc.constantFrom('', ' ', '<img src=x onerror=alert(1)>', '\u202eevil', '😀', '😀😀😀', '\u0000', 'a\u0301', ' \t\n', 'null', '__proto__');

const anyText = fc.oneof(fc.string(), fc.string({ unit: 'grapheme', maxLength: 8 }), hostile);

/** Anything JSON (and storage) can hold, and a few things it cannot. */
const noise: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(undefined, null, true, false, 0, -1, 1.5, NaN, Infinity, '', 'x', [], {}, { length: 3 }, { length: ['', null] }, { length: '500' }),
  fc.jsonValue({ maxDepth: 2 }),
);

/** Around a length limit, counting code points (emoji are two UTF-16 units, one code point). */
const aroundLength = (n: number) =>
  fc.oneof(
    fc.string({ minLength: Math.max(0, n - 1), maxLength: n + 1 }),
    fc.string({ unit: fc.constantFrom('a', '😀'), minLength: Math.max(0, n - 1), maxLength: n + 1 }),
  );

const URLS = [
  'https://example.com/a',
  'http://example.com',
  ' https://example.com/x ',
  'https://exa\nmple.com/\tpath',
  'HTTPS://EXAMPLE.COM',
  'https:/example.com',
  'http:example.com',
  'https://',
  'javascript:alert(1)',
  'data:text/html,<b>x</b>',
  'ftp://example.com',
  '//example.com',
  'https://a b.com',
  'https://[::1]/',
  'https://example.com:99999/',
];

function stringArb(def: Def): fc.Arbitrary<unknown> {
  const parts: Array<fc.Arbitrary<unknown>> = [anyText];
  if (def.format === 'url') parts.push(fc.constantFrom(...URLS), fc.tuple(fc.webUrl(), fc.boolean()).map(([u, padded]) => (padded ? ` ${u} ` : u)));
  const patterns: RegExp[] = [];
  if (def.pattern instanceof RegExp && def.format !== 'url') patterns.push(def.pattern);
  for (const c of (def.checks ?? []) as Schema[]) {
    const cd = c._zod.def as Def;
    if (cd.check === 'min_length') parts.push(aroundLength(cd.minimum));
    if (cd.check === 'max_length') parts.push(aroundLength(cd.maximum));
    if (cd.check === 'string_format' && cd.pattern) patterns.push(cd.pattern);
  }
  for (const pattern of patterns) {
    try {
      const matching = fc.stringMatching(pattern);
      parts.push(matching, matching, matching.map((s) => `${s} `), matching.map((s) => s.slice(1)));
    } catch {
      // fast-check cannot build this expression (a lookahead): the plain texts above stand in
    }
  }
  return fc.oneof(...parts);
}

const numberArb = (def: Def) => {
  const limits = ((def.checks ?? []) as Schema[]).map((c) => (c._zod.def as Def).value as number).filter((v) => typeof v === 'number');
  return fc.oneof(
    fc.integer({ min: -3, max: 500 }),
    fc.double(),
    fc.constantFrom(0, -0, 0.5, 1, 1.5, 100, 100.01, 2 ** 53, -(2 ** 53), Number.MAX_VALUE, NaN, Infinity, -Infinity),
    ...limits.map((v) => fc.constantFrom(v - 1, v - 0.5, v, v + 0.5, v + 1)),
  );
};

const arbs = new Map<Schema, fc.Arbitrary<unknown>>();

/** Values shaped after `schema`: mostly near-valid, one in six anything at all. */
function arb(schema: Schema, depth = 0): fc.Arbitrary<unknown> {
  const known = arbs.get(schema);
  if (known) return known;
  const def = schema._zod.def as Def;
  let shaped: fc.Arbitrary<unknown>;
  switch (def.type) {
    case 'string':
      shaped = stringArb(def);
      break;
    case 'number':
      shaped = numberArb(def);
      break;
    case 'boolean':
      shaped = fc.boolean();
      break;
    case 'enum':
    case 'literal':
      shaped = fc.oneof(fc.constantFrom(...schema._zod.values!), fc.constantFrom('', 'other', 1));
      break;
    case 'optional':
      shaped = fc.option(arb(def.innerType, depth), { nil: undefined, freq: 3 });
      break;
    case 'array':
      shaped = depth > 4 ? fc.constant([]) : fc.array(arb(def.element, depth + 1), { maxLength: 3 });
      break;
    case 'object': {
      const shape = def.shape as Record<string, Schema>;
      const record = fc.record(
        Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, depth > 4 ? noise : arb(v, depth + 1)])),
        { requiredKeys: Object.keys(shape).filter((k) => shape[k]!._zod.def.type !== 'optional') },
      );
      shaped = fc
        .tuple(
          record,
          fc.dictionary(fc.constantFrom('extra', 'constructor', 'toString', '__proto__', ...Object.keys(shape)), noise, { maxKeys: 2 }),
          fc.option(fc.constantFrom(...Object.keys(shape), 'none'), { nil: undefined }),
          fc.constantFrom('before', 'after', 'left out'),
        )
        .map(([value, extra, drop, extraAt]) => {
          // An own `__proto__` key, as JSON.parse makes one, not the prototype.
          const out: Record<string, unknown> = JSON.parse('{}');
          const put = (entries: Record<string, unknown>) => {
            for (const [k, v] of Object.entries(entries)) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
          };
          // Extra keys before the shape's (theirs then win), after them (they win), or none.
          if (extraAt === 'before') put(extra);
          put(value as Record<string, unknown>);
          if (extraAt === 'after') put(extra);
          if (drop) delete out[drop];
          return out;
        });
      break;
    }
    case 'union':
      shaped = fc.oneof(...(def.options as Schema[]).map((o) => arb(o, depth)));
      break;
    default:
      throw new Error(`no generator for zod type ${def.type}`);
  }
  const value = fc.oneof({ weight: 5, arbitrary: shaped }, { weight: 1, arbitrary: noise });
  arbs.set(schema, value);
  return value;
}

const valids = new Map<Schema, fc.Arbitrary<unknown>>();

/** A text field's valid values: its pattern's strings, or texts within its lengths, kept when zod agrees. */
function validText(schema: Schema): fc.Arbitrary<unknown> {
  const def = schema._zod.def as Def;
  const checks = ((def.checks ?? []) as Schema[]).map((c) => c._zod.def as Def);
  const min = checks.find((c) => c.check === 'min_length')?.minimum ?? 0;
  const max = Math.min(checks.find((c) => c.check === 'max_length')?.maximum ?? min + 12, min + 12);
  const pattern = [def.format === 'url' ? undefined : def.pattern, ...checks.map((c) => c.pattern)].find((p) => p instanceof RegExp) as RegExp | undefined;
  let source: fc.Arbitrary<string>;
  if (def.format === 'url') source = fc.webUrl({ validSchemes: ['http', 'https'] });
  else if (pattern) {
    try {
      source = fc.stringMatching(pattern);
    } catch {
      // A lookahead fast-check cannot build from: a domain name stands in.
      source = fc.domain();
    }
  } else source = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', 'é', '😀', '<'), minLength: min, maxLength: max });
  return source.filter((v) => z.safeParse(schema, v).success);
}

/** Values the schema accepts, shaped after it: what the property tests need to reach deep fields valid. */
function valid(schema: Schema): fc.Arbitrary<unknown> {
  const known = valids.get(schema);
  if (known) return known;
  const def = schema._zod.def as Def;
  let out: fc.Arbitrary<unknown>;
  switch (def.type) {
    case 'string':
      out = validText(schema);
      break;
    case 'number': {
      const checks = ((def.checks ?? []) as Schema[]).map((c) => c._zod.def as Def);
      const low = Math.max(-5, ...checks.filter((c) => c.check === 'greater_than').map((c) => c.value as number));
      const high = Math.min(500, ...checks.filter((c) => c.check === 'less_than').map((c) => c.value as number));
      out = fc.oneof(fc.integer({ min: Math.ceil(low), max: Math.floor(high) }), fc.double({ min: low, max: high, noNaN: true })).filter((v) => z.safeParse(schema, v).success);
      break;
    }
    case 'boolean':
      out = fc.boolean();
      break;
    case 'enum':
    case 'literal':
      out = fc.constantFrom(...schema._zod.values!);
      break;
    case 'optional':
      out = fc.option(valid(def.innerType), { nil: undefined, freq: 3 });
      break;
    case 'array': {
      const min = ((def.checks ?? []) as Schema[]).map((c) => c._zod.def as Def).find((c) => c.check === 'min_length')?.minimum ?? 0;
      out = fc.array(valid(def.element), { minLength: min, maxLength: Math.max(min, 2) });
      break;
    }
    case 'object': {
      const shape = def.shape as Record<string, Schema>;
      out = fc.record(Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, valid(v)])), {
        requiredKeys: Object.keys(shape).filter((k) => shape[k]!._zod.def.type !== 'optional'),
      });
      break;
    }
    case 'union':
      out = fc.oneof(...(def.options as Schema[]).map((o) => valid(o)));
      break;
    default:
      throw new Error(`no generator for zod type ${def.type}`);
  }
  valids.set(schema, out);
  return out;
}

/** What the widget may read of an issue, without the keys an issue leaves out. */
const essence = (issue: CheckIssue | z.core.$ZodIssue) => {
  const { code, path, expected, values, format, origin, minimum, maximum } = issue as CheckIssue;
  const picked: Record<string, unknown> = { code, path, expected, values, format, origin, minimum, maximum, message: issue.message };
  for (const key of Object.keys(picked)) if (picked[key] === undefined) delete picked[key];
  return picked;
};

function compare(name: string, schema: Schema, run: Check<unknown>, value: unknown): void {
  const expected = z.safeParse(schema, value);
  const actual = check(run, value);
  const what = `${name} ← ${JSON.stringify(value)}`;
  expect(actual.success, `${what}: zod says ${expected.success ? 'valid' : JSON.stringify(expected.error.issues)}`).to.equal(expected.success);
  if (expected.success && actual.success) expect(actual.data, what).to.deep.equal(expected.data);
  if (!expected.success && !actual.success) expect(actual.issues.map(essence), what).to.deep.equal(expected.error.issues.map(essence));
}

describe('compiled checks against their zod schemas', () => {
  it('has a zod schema of the same name for every compiled check', () => {
    const missing = Object.keys(compiled).filter((name) => !schemas[name] || typeof schemas[name] !== 'object');
    expect(missing).to.deep.equal([]);
    expect(Object.keys(compiled).length).to.be.greaterThan(50);
  });

  it('generates valid values that zod accepts (so the comparisons reach every field valid)', () => {
    for (const name of Object.keys(compiled)) {
      const schema = schemas[name] as Schema;
      for (const value of fc.sample(valid(schema), 20)) expect(z.safeParse(schema, value).success, `${name} ← ${JSON.stringify(value)}`).to.equal(true);
    }
  });

  for (const [name, run] of Object.entries(compiled)) {
    it(`${name}: the same answer as zod`, () => {
      const schema = schemas[name] as Schema;
      fc.assert(
        fc.property(fc.oneof(arb(schema), valid(schema)), (value) => compare(name, schema, run, value)),
        { numRuns: 300 },
      );
    });
  }

  describe('the cases zod treats specially, each on its own', () => {
    const same = (name: string, value: unknown) => compare(name, schemas[name] as Schema, compiled[name]!, value);
    const agreement = { templateId: 't', version: '1', url: 'https://example.com/mca' };

    it('a URL is trimmed and loses tabs and line breaks; a bad one is refused', () => {
      const parsed = check(laterChecks.Agreement, { ...agreement, url: ' https://exa\nmple.com/x ' });
      expect(parsed.success && parsed.data.url).to.equal('https://example.com/x');
      for (const url of URLS) same('Agreement', { ...agreement, url });
    });

    it('counts lengths in code points', () => {
      same('PurchaseOrder', '😀'.repeat(40));
      same('PurchaseOrder', '😀'.repeat(41));
      expect(check(laterChecks.PurchaseOrder, '😀'.repeat(40)).success).to.equal(true);
    });

    it('keeps an own __proto__ key out of the parsed value, and drops unknown keys (a loose object keeps them)', () => {
      const value = JSON.parse('{"field":"a","message":"b","__proto__":{"polluted":1},"extra":2}');
      same('FieldError', value);
      const parsed = check(cartChecks.FieldError, value);
      expect(parsed.success && Object.keys(parsed.data)).to.deep.equal(['field', 'message']);
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);

      // A loose object (the stored draft's company) keeps its unknown keys, but not that one.
      const draft = {
        v: 1,
        step: 'customer-details',
        company: JSON.parse('{"companyName":"Fabrikam","__proto__":{"polluted":1},"extra":2}'),
        tenant: { hasTenant: false, domain: '', prefix: '' },
        agreementDraft: {},
      };
      same('StoredDraft', draft);
      const stored = check(laterChecks.StoredDraft, draft);
      expect(stored.success).to.equal(true);
      const company = stored.success ? (stored.data.company as Record<string, unknown>) : {};
      expect(Object.keys(company)).to.deep.equal(['companyName', 'extra']);
      expect(Object.getPrototypeOf(company)).to.equal(Object.prototype);
      expect(company.polluted).to.equal(undefined);
    });

    it('a value of another type with a length of its own is measured as zod measures it', () => {
      // Found by the generated values: zod's length checks run on any value with a `length`.
      same('Address', { country: 'A', line1: '', line2: { length: ['', null] }, city: '', postalCode: '' });
      same('PurchaseOrder', { length: 41 });
      same('PurchaseOrder', ['a']);
    });

    it('a missing key, a fraction, an unknown tag and a failed element report as zod does', () => {
      same('FieldError', { field: 'a' });
      same('OrderLineInput', { productId: 'E3', term: 'P1Y', billing: 'annual', quantity: 1.5 });
      same('OrderLineInput', { kind: 'other', productId: 'E3' });
      same('OrderLineInput', { productId: 'E3', term: 'P1Y', billing: 'annual', quantity: 2 ** 53 });
      same('OrderRequest', { lines: [{ kind: 'add-seats' }], recipient: { kind: 'internal' } });
      same('OrderRequest', { lines: [{ productId: 'E3', term: 'P1Y', billing: 'annual', quantity: 0.5 }], recipient: { kind: 'internal' } });
      same('Catalog', { currency: 'usd', products: [{ id: 'E3', name: 'E3', minQuantity: 1, maxQuantity: 5, offers: [] }] });
    });

    it('gives every issue the message zod/mini gives', () => {
      const parsed = check(laterChecks.Contact, { firstName: 1 });
      expect(parsed.success).to.equal(false);
      if (!parsed.success) for (const i of parsed.issues) expect(i.message).to.equal('Invalid input');
    });
  });

  describe("the product-page tags' own checks (no room for the compiled ones in their budget)", () => {
    // Looser where the tags read nothing (a product's description), never stricter: a valid
    // catalog or cart line is never refused on a product page.
    it('accept every catalog the contract accepts, and refuse what breaks what they read', () => {
      fc.assert(
        fc.property(fc.oneof(arb(contract.Catalog as unknown as Schema), valid(contract.Catalog as unknown as Schema)), (value) => {
          const valid = z.safeParse(contract.Catalog, value).success;
          let accepted = true;
          try {
            checkCatalog(value, 'test');
          } catch {
            accepted = false;
          }
          if (valid) expect(accepted, JSON.stringify(value)).to.equal(true);
        }),
        { numRuns: 500 },
      );
      expect(() => checkCatalog({ currency: 'USD', products: [{ id: 'E3', name: 'E3', minQuantity: 1, maxQuantity: 2, offers: [] }] }, 'test')).to.throw(/products\[0\]/);
    });

    it('accept every stored line the contract accepts', () => {
      fc.assert(
        fc.property(fc.oneof(arb(contract.OrderLineInput as unknown as Schema), valid(contract.OrderLineInput as unknown as Schema)), (value) => {
          if (z.safeParse(contract.OrderLineInput, value).success) expect(isStoredLine(value), JSON.stringify(value)).to.equal(true);
        }),
        { numRuns: 500 },
      );
      expect(isStoredLine({ productId: 'E3', term: 'P1Y', billing: 'annual', quantity: 0 })).to.equal(false);
    });
  });
});
