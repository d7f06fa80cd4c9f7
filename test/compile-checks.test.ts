/**
 * The compiler of the browser's checks (scripts/compile-checks.ts, `npm run checks`) refuses
 * every zod construct `src/api/check.ts` does not implement, naming where it is, so a schema
 * change can never reach the browser compiled loosely. (That what it compiles behaves as zod does
 * is test/checks.test.ts; that the committed files are what the schemas give, the build's check.)
 */
import { expect } from '@open-wc/testing';
import * as z from 'zod/mini';
import { compileChecks } from '../scripts/compile-checks.js';

const compile = (schema: z.ZodMiniType) => compileChecks([{ file: 'src/api/x.gen.ts', note: 'a test', roots: { X: schema as never } }]);

describe('compiling the checks', () => {
  it('compiles what check.ts implements', () => {
    const text = compile(z.object({ a: z.optional(z.string().check(z.minLength(1), z.regex(/^a/))), n: z.int().check(z.gte(1)), t: z.discriminatedUnion('k', [z.object({ k: z.literal('x') }), z.object({ k: z.literal('y'), v: z.boolean() })]) }))['src/api/x.gen.ts']!;
    expect(text).to.contain('export const X = obj({ a: opt(str(minLen(1), fmt("regex", /^a/))), n: num(int, gte(1)), t: tagged("k", [["x", obj({ k: oneOf(["x"]) })], ["y", obj({ k: oneOf(["y"]), v: bool })]]) });');
  });

  const refused: Array<[string, () => z.ZodMiniType, RegExp]> = [
    ['a refinement', () => z.string().check(z.refine((v) => v !== 'x')), /X: the check custom is not compiled/],
    ['a transform', () => z.pipe(z.string(), z.transform((v) => v.length)), /X: the zod type pipe is not compiled/],
    ['a custom message', () => z.string({ error: 'Say something' }), /X: a custom message/],
    ['a union without a discriminator', () => z.union([z.string(), z.number()]), /X: only z.discriminatedUnion/],
    ['a URL of any scheme', () => z.url(), /X: only z.url\(\{ protocol/],
    ['a strict object', () => z.strictObject({ a: z.string() }), /X: only z.object and z.looseObject/],
    ['a check on an optional', () => z.optional(z.string()).check(z.refine(() => true)), /X: checks on an optional/],
    ['a nested refinement, by its path', () => z.object({ list: z.array(z.object({ name: z.string().check(z.refine(() => true)) })) }), /X\.list\[\]\.name: the check custom/],
    ['a number format other than int', () => z.float32(), /X: the number format float32/],
  ];
  for (const [what, schema, message] of refused) {
    it(`refuses ${what}`, () => {
      expect(() => compile(schema())).to.throw(message);
    });
  }
});
