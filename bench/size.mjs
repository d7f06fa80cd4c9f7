// Size figures: the all-in bundle, each element's own bundle, the mock backend, the
// dependency floor, and what drives the all-in size (leave-one-out builds).
// Every bundle is built the way `vite build --mode bundle` builds dist/license-checkout.js:
// Vite's JS API, lib mode, ES output, target es2022, minified (both minify switches: lib mode
// leaves whitespace without `rolldownOptions.output.minify`), dependencies inlined.
import { build } from 'vite';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { root, sizes } from '../scripts/size.mjs';
import { loadTs } from '../scripts/load-ts.mjs';

/** The build's template minifiers (vite.config.ts), so these bundles are built as the shipped files are. */
const { minifyLitCss, minifyLitHtml } = await loadTs('vite.config.ts');

const cacheDir = join(root, 'node_modules', '.cache', 'license-checkout-bench');
/** Runtime dependencies whose imports make the floor. */
const DEPENDENCIES = [/^lit(\/|$)/, /^@lit\/context(\/|$)/, /^@lit\/task(\/|$)/, /^zod\/mini$/, /^zod(\/|$)/];

/** Builds one entry as a minified self-contained bundle; returns its code and its modules. */
export async function bundle(entry, { external } = {}) {
  const result = await build({
    configFile: false,
    root,
    logLevel: 'silent',
    mode: 'production',
    plugins: [minifyLitCss(), minifyLitHtml()],
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      emptyOutDir: false,
      lib: { entry, formats: ['es'], fileName: () => 'bundle.js' },
      // One file, as the all-in and each element's figure mean (the steps' dynamic imports inlined).
      rolldownOptions: { output: { minify: true, codeSplitting: false, comments: false }, ...(external ? { external } : {}) },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
  const chunks = outputs.filter((o) => o.type === 'chunk');
  const code = chunks.map((c) => c.code).join('\n');
  const modules = Object.assign({}, ...chunks.map((c) => c.modules ?? {}));
  return { code, modules, chunks: chunks.length };
}

/** The elements: one folder per element with a module of the same name. */
export async function elementEntries() {
  const dir = join(root, 'src', 'components');
  const names = (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
  return names.filter((name) => existsSync(join(dir, name, `${name}.ts`))).map((name) => ({ name, entry: join(dir, name, `${name}.ts`) }));
}

/**
 * The named imports from the runtime dependencies in the given source files: what the
 * widget really uses of lit, @lit/context, @lit/task and zod/mini. A namespace import
 * (`import * as z from 'zod/mini'`) counts the members the file reads (`z.object` → object).
 */
export async function dependencyImports(files) {
  const used = new Map(); // specifier → Set of names ('default' for a default import, '' for a bare import)
  const add = (spec, name) => {
    if (!used.has(spec)) used.set(spec, new Set());
    used.get(spec).add(name);
  };
  const importRe = /(^|[\n;])\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]|(^|[\n;])\s*import\s*['"]([^'"]+)['"]/g;
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    for (const m of text.matchAll(importRe)) {
      const spec = m[5] ?? m[7];
      if (!DEPENDENCIES.some((re) => re.test(spec))) continue;
      if (m[7]) {
        add(spec, '');
        continue;
      }
      if (m[3]) continue; // `import type`: erased
      const clause = m[4].trim();
      const ns = clause.match(/\*\s+as\s+(\w+)/);
      if (ns) {
        // Member chains (`z.iso.date`): a nested namespace is kept as deep as it is read.
        const members = text.matchAll(new RegExp(`\\b${ns[1]}((?:\\.[A-Za-z_$][\\w$]*)+)`, 'g'));
        for (const member of members) add(spec, `*${member[1]}`);
        continue;
      }
      const def = clause.match(/^(\w+)\s*(,|$)/);
      if (def && m[2] === 'import') add(spec, 'default');
      const braces = clause.match(/\{([^}]*)\}/);
      if (braces) {
        for (const part of braces[1].split(',')) {
          const name = part.trim();
          if (!name || name.startsWith('type ')) continue;
          add(spec, name.split(/\s+as\s+/)[0].trim());
        }
      }
    }
  }
  // Keep runtime exports only (drops types read through a namespace, such as `z.infer`).
  for (const [spec, names] of used) {
    const module = await import(spec);
    for (const name of [...names]) {
      if (!name || name === 'default') continue;
      if (!name.startsWith('*')) {
        if (!(name in module)) names.delete(name);
        continue;
      }
      // Longest prefix of the chain that is a value; stop below it when it is a function.
      names.delete(name);
      let value = module;
      const kept = [];
      for (const key of name.slice(2).split('.')) {
        if (value == null || !(key in Object(value))) break;
        value = value[key];
        kept.push(key);
        if (typeof value === 'function' || typeof value !== 'object') break;
      }
      if (kept.length && (typeof value === 'function' || typeof value !== 'object' || Object.prototype.toString.call(value) !== '[object Module]')) {
        names.add(`*.${kept.join('.')}`);
      }
    }
  }
  return used;
}

/** An entry module re-exporting exactly `used`, with unique export names. */
export function floorEntry(used) {
  const lines = ['// Generated by bench/size.mjs: what the widget imports from its dependencies, nothing else.'];
  let n = 0;
  for (const [spec, names] of [...used].sort(([a], [b]) => a.localeCompare(b))) {
    const named = [...names].filter((name) => name && name !== 'default' && !name.startsWith('*')).sort();
    if (names.has('')) lines.push(`import ${JSON.stringify(spec)};`);
    const chains = [...names].filter((name) => name.startsWith('*.')).sort();
    if (chains.length) {
      const ns = `ns${n++}`;
      lines.push(`import * as ${ns} from ${JSON.stringify(spec)};`);
      for (const chain of chains) lines.push(`export const e${n++} = ${ns}${chain.slice(1)};`);
    }
    if (names.has('default')) lines.push(`export { default as d${n++} } from ${JSON.stringify(spec)};`);
    if (named.length) lines.push(`export { ${named.map((name) => `${name} as e${n++}`).join(', ')} } from ${JSON.stringify(spec)};`);
  }
  return lines.join('\n') + '\n';
}

const isDep = (id) => id.includes('/node_modules/');
const packageOf = (id) => {
  const m = id.match(/node_modules\/((@[^/]+\/)?[^/]+)/);
  return m ? m[1] : undefined;
};

/** Mock-only string literals: long literals in src/mock that no other source file contains. */
export async function mockOnlyStrings() {
  const all = await listTs(join(root, 'src'));
  const mockFiles = all.filter((f) => f.includes('/src/mock/'));
  const others = await Promise.all(all.filter((f) => !f.includes('/src/mock/')).map((f) => readFile(f, 'utf8')));
  const otherText = others.join('\n');
  const found = new Set();
  for (const file of mockFiles) {
    const text = await readFile(file, 'utf8');
    for (const m of text.matchAll(/'([^'\\\n$]{14,})'|"([^"\\\n$]{14,})"|`([^`\\$\n]{14,})`/g)) {
      const s = m[1] ?? m[2] ?? m[3];
      if (!otherText.includes(s)) found.add(s);
    }
  }
  return [...found];
}

async function listTs(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listTs(path)));
    else if (entry.name.endsWith('.ts')) out.push(path);
  }
  return out;
}

const kb = (n) => Math.round(n / 10.24) / 100;

/** All size figures; `log` reports progress. */
export async function measureSizes(log = () => {}) {
  await mkdir(cacheDir, { recursive: true });
  const results = { unit: 'bytes (KB = 1024 bytes)' };

  // 1. Every element in one file (src/index.ts bundled whole), for comparison with the pages'
  //    budgets (bench/budgets.mjs): the script-tag file itself loads the steps later.
  log('size: all-in bundle');
  const allIn = await bundle(join(root, 'src', 'index.ts'));
  const dist = Buffer.from(allIn.code);
  results.allIn = { entry: 'src/index.ts (one file)', ...sizes(dist), rebuiltMinBytes: allIn.code.length };
  const srcFiles = Object.keys(allIn.modules).filter((id) => id.startsWith(join(root, 'src') + '/'));

  // 2. Mock code in the all-in bundle: its modules, and its mock-only strings.
  const mockModules = Object.entries(allIn.modules).filter(([id]) => id.includes('/src/mock/'));
  const strings = await mockOnlyStrings();
  const leaked = strings.filter((s) => dist.includes(Buffer.from(s)));
  results.mockInAllIn = {
    bytes: mockModules.reduce((sum, [, m]) => sum + m.renderedLength, 0),
    modules: mockModules.map(([id]) => relative(root, id)),
    mockOnlyStringsChecked: strings.length,
    mockOnlyStringsFound: leaked,
    method: 'src/mock/* modules in the all-in build (rolldown module list, rendered bytes) + mock-only string literals searched in it',
  };

  // 3. The mock backend, alone.
  log('size: mock backend');
  const mock = await bundle(join(root, 'src', 'mock', 'index.ts'));
  results.mock = { entry: 'src/mock/index.ts', ...sizes(mock.code) };

  // 4. Each element with what it pulls in.
  results.elements = {};
  for (const { name, entry } of await elementEntries()) {
    log(`size: element ${name}`);
    const built = await bundle(entry);
    results.elements[name] = { entry: relative(root, entry), ...sizes(built.code) };
  }

  // 5. The dependency floor: only what the widget's own modules import from its dependencies.
  log('size: dependency floor');
  const used = await dependencyImports(srcFiles);
  const floorFile = join(cacheDir, 'floor.js');
  await writeFile(floorFile, floorEntry(used));
  const floor = await bundle(floorFile);
  results.floor = {
    imports: Object.fromEntries([...used].map(([spec, names]) => [spec, [...names].map((n) => n || '(side effects)').sort()])),
    ...sizes(floor.code),
  };
  // Each dependency's own floor, for orientation.
  results.floorByPackage = {};
  const byPackage = new Map();
  for (const [spec, names] of used) {
    const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
    if (!byPackage.has(pkg)) byPackage.set(pkg, new Map());
    byPackage.get(pkg).set(spec, names);
  }
  for (const [pkg, specs] of byPackage) {
    const file = join(cacheDir, `floor-${pkg.replace(/[@/]/g, '_')}.js`);
    await writeFile(file, floorEntry(specs));
    results.floorByPackage[pkg] = sizes((await bundle(file)).code);
  }
  results.ratioAllInToFloor = { value: round(results.allIn.gzipBytes / results.floor.gzipBytes, 2), unit: '× (min+gzip)' };

  // 6. What drives the all-in size: rendered bytes per origin (before minification), and
  //    leave-one-out builds (the same bundle with one group left external; the difference is
  //    what that group costs after minification and compression).
  const origin = (id) => {
    if (id.startsWith('\0')) return 'runtime';
    if (isDep(id)) return packageOf(id);
    const rel = relative(join(root, 'src'), id);
    if (/\.strings\.ts$/.test(rel) || rel.startsWith('i18n/')) return 'src: strings (*.strings.ts, i18n/)';
    if (/\.styles\.ts$/.test(rel) || rel.startsWith('styles/')) return 'src: styles (*.styles.ts, styles/)';
    if (rel === 'checkout/countries.ts') return 'src: checkout/countries.ts';
    if (rel.startsWith('api/')) return 'src: api/ (schemas, client)';
    if (rel.startsWith('checkout/')) return 'src: checkout/ (machine, validators, cart model, controllers)';
    if (rel.startsWith('components/')) return 'src: components/ (element code)';
    return `src: ${rel.split('/')[0]}`;
  };
  const rendered = {};
  for (const [id, m] of Object.entries(allIn.modules)) rendered[origin(id)] = (rendered[origin(id)] ?? 0) + m.renderedLength;
  results.renderedBytesByOrigin = Object.fromEntries(Object.entries(rendered).sort((a, b) => b[1] - a[1]));

  const groups = {
    zod: (id) => /^zod(\/|$)/.test(id),
    'lit + @lit/*': (id) => /^lit(\/|$)|^@lit\//.test(id),
    'src/checkout/countries.ts': (id) => /checkout\/countries(\.js|\.ts)?$/.test(id),
    'zod locales (0 when not imported)': (id) => /zod\/(v4\/)?locales/.test(id),
    'src: *.strings.ts (default texts)': (id) => /\.strings(\.js|\.ts)?$/.test(id),
    'src: *.styles.ts (CSS)': (id) => /\.styles(\.js|\.ts)?$/.test(id),
    'src/checkout/machine.ts + validate.ts': (id) => /checkout\/(machine|validate)(\.js|\.ts)?$/.test(id),
  };
  results.leaveOneOut = {};
  for (const [name, test] of Object.entries(groups)) {
    log(`size: all-in without ${name}`);
    const without = await bundle(join(root, 'src', 'index.ts'), { external: (id) => test(id) });
    const s = sizes(without.code);
    results.leaveOneOut[name] = {
      minBytes: results.allIn.rebuiltMinBytes - s.minBytes,
      gzipBytes: sizes(allIn.code).gzipBytes - s.gzipBytes,
      method: 'all-in minus the all-in built with this group external',
    };
  }
  // Repeated long strings in the minified bundle (what a shared string table would save).
  const literals = new Map();
  // Text-like literals only (no code punctuation), so minified code between quotes is not counted.
  for (const m of allIn.code.matchAll(/"([^"\\$<>{}=;()[\]]{24,})"|'([^'\\$<>{}=;()[\]]{24,})'|`([^`\\$<>{}=;()[\]]{24,})`/g)) {
    const s = m[1] ?? m[2] ?? m[3];
    literals.set(s, (literals.get(s) ?? 0) + 1);
  }
  const repeats = [...literals].filter(([, n]) => n > 1);
  results.duplicatedStrings = {
    distinct: repeats.length,
    extraBytes: repeats.reduce((sum, [s, n]) => sum + s.length * (n - 1), 0),
    examples: repeats.sort((a, b) => b[0].length * (b[1] - 1) - a[0].length * (a[1] - 1)).slice(0, 5).map(([s, n]) => `${n}× ${s.slice(0, 60)}`),
  };
  results.kb = { allInGzip: kb(results.allIn.gzipBytes), floorGzip: kb(results.floor.gzipBytes) };
  return results;
}

const round = (n, d) => Math.round(n * 10 ** d) / 10 ** d;
