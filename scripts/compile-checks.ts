/**
 * Compiles the zod schemas the widget validates with into calls of `src/api/check.ts`'s
 * combinators (run by `scripts/checks.mjs`, `npm run checks`). Each named schema becomes a
 * constant of the same name; a construct the combinators do not implement stops the
 * compilation with its name, so a schema change can never be compiled loosely.
 */
import * as z from 'zod/mini';
import * as contract from '../src/api/schemas.js';
import * as stored from '../src/checkout/stored.schemas.js';

type Schema = z.core.$ZodType;
type Def = Record<string, any>;

/** The files written, in order: each holds what its roots need and the files before it lack. */
export interface CheckGroup {
  file: string;
  note: string;
  roots: Record<string, Schema>;
}

const GROUPS: CheckGroup[] = [
  {
    file: 'src/api/checks-cart.gen.ts',
    note: "what the cart's first screen checks (the script-tag file carries these only)",
    roots: { Catalog: contract.Catalog, OrderLineInput: contract.OrderLineInput, FieldError: contract.FieldError, StoredLines: stored.StoredLines },
  },
  {
    file: 'src/api/checks.gen.ts',
    note: 'every other answer of the backend, the forms and what the checkout stores (loaded with the steps)',
    roots: {
      AcceptanceRequest: contract.AcceptanceRequest,
      AddressValidation: contract.AddressValidation,
      AdminAccessTemplates: contract.AdminAccessTemplates,
      Agreement: contract.Agreement,
      CountryRules: contract.CountryRules,
      CustomerList: contract.CustomerList,
      DomainAvailability: contract.DomainAvailability,
      EndDates: contract.EndDates,
      Order: contract.Order,
      Quote: contract.Quote,
      SubscriptionList: contract.SubscriptionList,
      TenantLookup: contract.TenantLookup,
      CompanyDetails: contract.CompanyDetails,
      Contact: contract.Contact,
      TenantDomain: contract.TenantDomain,
      OrderRequest: contract.OrderRequest,
      StoredRef: stored.StoredRef,
      StoredPending: stored.StoredPending,
      StoredDraft: stored.StoredDraft,
    },
  },
];

/** The condition zod gives its length checks by default (run on any value with a length). */
const LENGTH_WHEN = (z.minLength(1)._zod.def as Def).when;

const isSchema = (value: unknown): value is Schema => typeof value === 'object' && value !== null && '_zod' in value;

/** The module each named schema is typed from, as the generated files (in src/api/) import it. */
const NAMESPACES: Array<[alias: string, module: Record<string, unknown>, from: string]> = [
  ['S', contract, './schemas.js'],
  ['T', stored, '../checkout/stored.schemas.js'],
];

function names(): Map<Schema, { name: string; ns: string }> {
  const found = new Map<Schema, { name: string; ns: string }>();
  for (const [ns, module] of NAMESPACES)
    for (const [name, value] of Object.entries(module)) if (isSchema(value) && !found.has(value)) found.set(value, { name, ns });
  return found;
}

const literal = (value: unknown): string => (value === undefined ? 'undefined' : JSON.stringify(value));

/** The generated files' texts by path; `groups` (the widget's by default) in order, each importing what an earlier one defined. */
export function compileChecks(groups: CheckGroup[] = GROUPS): Record<string, string> {
  const named = names();
  const defined = new Map<Schema, { name: string; file: string }>();
  const out: Record<string, string> = {};

  for (const group of groups) {
    const lines: string[] = [];
    const used = new Set<string>();
    const imports = new Map<string, Set<string>>();
    const typeNamespaces = new Set<string>();
    const use = (name: string) => (used.add(name), name);

    const ref = (schema: Schema, where: string, rootName?: string): string => {
      const done = defined.get(schema);
      if (done) {
        if (done.file !== group.file) {
          const set = imports.get(done.file) ?? new Set<string>();
          set.add(done.name);
          imports.set(done.file, set);
        }
        return done.name;
      }
      const known = named.get(schema);
      const name = rootName ?? known?.name;
      if (!name) return build(schema, where);
      const expr = build(schema, name);
      let type = '';
      if (known) {
        typeNamespaces.add(known.ns);
        type = `: ${use('Check')}<z.output<typeof ${known.ns}.${known.name}>>`;
      }
      lines.push(`export const ${name}${type} = ${expr};`);
      defined.set(schema, { name, file: group.file });
      return name;
    };

    const rule = (check: Schema, where: string): string => {
      const def = check._zod.def as Def;
      if (def.abort || (def.when && def.when !== LENGTH_WHEN) || def.error) throw new Error(`${where}: a check with abort, when or a custom message is not compiled`);
      switch (def.check) {
        case 'min_length':
          return `${use('minLen')}(${def.minimum})`;
        case 'max_length':
          return `${use('maxLen')}(${def.maximum})`;
        case 'string_format':
          if (def.format !== 'regex') break;
          return `${use('fmt')}("regex", ${def.pattern})`;
        case 'greater_than':
          return `${use(def.inclusive ? 'gte' : 'gt')}(${def.value})`;
        case 'less_than':
          return `${use(def.inclusive ? 'lte' : 'lt')}(${def.value})`;
      }
      throw new Error(`${where}: the check ${def.check}${def.format ? ` (${def.format})` : ''} is not compiled`);
    };

    const rules = (def: Def, where: string): string[] => (def.checks ?? []).map((c: Schema) => rule(c, where));

    const build = (schema: Schema, where: string): string => {
      const def = schema._zod.def as Def;
      if (def.error || def.coerce) throw new Error(`${where}: a custom message or coercion is not compiled`);
      switch (def.type) {
        case 'string': {
          const first: string[] = [];
          if (def.check === 'string_format') {
            if (def.format === 'url') {
              if (def.normalize || def.hostname || def.protocol?.source !== '^https?$')
                throw new Error(`${where}: only z.url({ protocol: /^https?$/ }) is compiled`);
              first.push(`${use('url')}(${def.protocol})`);
            } else first.push(`${use('fmt')}(${literal(def.format)}, ${def.pattern})`);
          } else if (def.check) throw new Error(`${where}: the string check ${def.check} is not compiled`);
          return `${use('str')}(${[...first, ...rules(def, where)].join(', ')})`;
        }
        case 'number': {
          const first: string[] = [];
          if (def.check === 'number_format') {
            if (def.format !== 'safeint') throw new Error(`${where}: the number format ${def.format} is not compiled`);
            first.push(use('int'));
          } else if (def.check) throw new Error(`${where}: the number check ${def.check} is not compiled`);
          return `${use('num')}(${[...first, ...rules(def, where)].join(', ')})`;
        }
        case 'boolean':
          if (def.checks?.length) throw new Error(`${where}: checks on a boolean are not compiled`);
          return use('bool');
        case 'array':
          return `${use('arr')}(${[ref(def.element, `${where}[]`), ...rules(def, where)].join(', ')})`;
        case 'object': {
          if (def.checks?.length) throw new Error(`${where}: checks on an object are not compiled`);
          if (def.catchall && (def.catchall as Schema)._zod.def.type !== 'unknown')
            throw new Error(`${where}: only z.object and z.looseObject are compiled`);
          const shape = Object.entries(def.shape as Record<string, Schema>)
            .map(([key, value]) => `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)}: ${ref(value, `${where}.${key}`)}`)
            .join(', ');
          return `${use(def.catchall ? 'loose' : 'obj')}({ ${shape} })`;
        }
        case 'optional':
          if (def.checks?.length) throw new Error(`${where}: checks on an optional are not compiled`);
          return `${use('opt')}(${ref(def.innerType, where)})`;
        case 'enum':
        case 'literal':
          if (def.checks?.length) throw new Error(`${where}: checks on an enum are not compiled`);
          return `${use('oneOf')}([${[...(schema._zod.values as Set<unknown>)].map(literal).join(', ')}])`;
        case 'union': {
          if (def.discriminator === undefined || def.unionFallback || def.checks?.length)
            throw new Error(`${where}: only z.discriminatedUnion is compiled`);
          // What zod's own lookup table holds: each tag an option claims (undefined when it may
          // be left out), null where two options claim undefined.
          const byTag = new Map<unknown, string | null>();
          for (const option of def.options as Schema[]) {
            const built = ref(option, `${where}|`);
            for (const tag of (option._zod as any).propValues[def.discriminator] as Set<unknown>)
              byTag.set(tag, byTag.has(tag) ? null : built);
          }
          const entries = [...byTag].map(([tag, built]) => `[${literal(tag)}, ${built}]`).join(', ');
          return `${use('tagged')}(${JSON.stringify(def.discriminator)}, [${entries}])`;
        }
      }
      throw new Error(`${where}: the zod type ${def.type} is not compiled`);
    };

    for (const [name, schema] of Object.entries(group.roots)) {
      const done = defined.get(schema);
      if (done && done.name !== name) throw new Error(`${name}: already compiled as ${done.name}`);
      if (!done) ref(schema, name, name);
    }

    const head = [
      `// Generated by \`npm run checks\` from the zod schemas: do not edit. ${group.note[0]!.toUpperCase()}${group.note.slice(1)}.`,
      '// See src/api/check.ts.',
    ];
    if (typeNamespaces.size) head.push("import type * as z from 'zod/mini';");
    for (const [ns, , from] of NAMESPACES) if (typeNamespaces.has(ns)) head.push(`import type * as ${ns} from '${from}';`);
    const values = [...used].filter((n) => n !== 'Check').sort();
    head.push(`import { ${[...values, ...(used.has('Check') ? ['type Check'] : [])].join(', ')} } from './check.js';`);
    for (const [file, set] of imports) head.push(`import { ${[...set].sort().join(', ')} } from './${file.split('/').pop()!.replace(/\.ts$/, '.js')}';`);
    out[group.file] = `${head.join('\n')}\n\n${lines.join('\n')}\n`;
  }
  return out;
}
