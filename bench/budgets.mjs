// The three page budgets of bench/budget.json (issue 13) from the builds themselves: each
// budget's files as `npm run build` writes them, the dependency floor of what those files
// contain (only what their src/ modules import from lit, @lit/* and zod/mini, bundled
// alone), and what each part costs (leave-one-out: the same build with that part external;
// "own code" is the build with every dependency external). `npm run bench` adds what a real
// page transfers, from the network log (bench/pages/transfer.js).
import { build } from 'vite';
import { writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { readBudgets, root, sizes, measureFiles } from '../scripts/size.mjs';
import { bundle, dependencyImports, floorEntry, mockOnlyStrings } from './size.mjs';

const cacheDir = join(root, 'node_modules', '.cache', 'license-checkout-bench');

/** Which build makes a budget's files, and which of its chunks count. */
const BUILDS = {
  productPage: { mode: 'bundle-tags', chunks: () => true },
  cartInteractive: { mode: 'bundle', chunks: (chunk) => chunk.isEntry },
  allCheckout: { mode: 'bundle', chunks: () => true },
};

const GROUPS = {
  'lit + @lit/*': (id) => /^lit(\/|$)|^@lit\/|\/node_modules\/(lit|lit-html|lit-element|@lit)\//.test(id),
  zod: (id) => /^zod(\/|$)|\/node_modules\/zod\//.test(id),
  'strings (*.strings.ts)': (id) => /\.strings(\.js|\.ts)?$/.test(id),
  // Parts of the checkout's own code the cart does not need, yet loaded with it (checkout.ts imports them):
  'order: session, follower, SSE, navigation guard, stored ref': (id) => /checkout\/(order-session|order-follower|navigation-guard|order-storage)(\.js|\.ts)?$|api\/sse(\.js|\.ts)?$/.test(id),
  'rules: machine, validators, countries': (id) => /checkout\/(machine|machine-state|machine-selectors|machine-lines|validate|countries|step-values)(\.js|\.ts)?$/.test(id),
};
const dependency = (id) => GROUPS['lit + @lit/*'](id) || GROUPS.zod(id);

async function scriptTagBuild(mode, external) {
  const result = await build({
    root,
    mode,
    logLevel: 'silent',
    build: { write: false, ...(external ? { rolldownOptions: { external } } : {}) },
  });
  return (Array.isArray(result) ? result : [result]).flatMap((r) => r.output).filter((o) => o.type === 'chunk');
}

const gzipOf = (chunks) => chunks.reduce((sum, chunk) => sum + sizes(chunk.code).gzipBytes, 0);
const minOf = (chunks) => chunks.reduce((sum, chunk) => sum + chunk.code.length, 0);

export async function measureBudgets(log = () => {}) {
  await mkdir(cacheDir, { recursive: true });
  const budgets = readBudgets();
  const mockStrings = await mockOnlyStrings();
  const out = {};
  for (const [name, { mode, chunks: counts }] of Object.entries(BUILDS)) {
    const budget = budgets[name];
    log(`budgets: ${name}`);
    const files = measureFiles(budget.files);
    const built = (await scriptTagBuild(mode)).filter(counts);
    // Modules with code in the output (a module whose exports were all left out does not count).
    const modules = built.flatMap((chunk) => Object.entries(chunk.modules ?? {}).filter(([, m]) => m.renderedLength > 0).map(([id]) => id));
    const srcFiles = modules.filter((id) => id.startsWith(join(root, 'src') + '/'));
    const used = await dependencyImports(srcFiles);
    // A package the build left out altogether (the tags import a module that builds zod
    // schemas, all unused and dropped) is not part of this page's floor.
    const rendered = new Set(modules.map((id) => id.match(/\/node_modules\/((@[^/]+\/)?[^/]+)/)?.[1]).filter(Boolean));
    for (const spec of [...used.keys()]) {
      const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
      const present = pkg === 'lit' ? ['lit', 'lit-html', 'lit-element', '@lit/reactive-element'].some((p) => rendered.has(p)) : rendered.has(pkg);
      if (!present) used.delete(spec);
    }
    const floorFile = join(cacheDir, `floor-${name}.js`);
    await writeFile(floorFile, floorEntry(used));
    const floor = sizes((await bundle(floorFile)).code);
    const total = { minBytes: minOf(built), gzipBytes: gzipOf(built) };
    const leaveOneOut = {};
    for (const [group, test] of Object.entries(GROUPS)) {
      if (!modules.some((id) => test(id))) continue;
      log(`budgets: ${name} without ${group}`);
      const without = (await scriptTagBuild(mode, (id) => test(id))).filter(counts);
      leaveOneOut[group] = { minBytes: total.minBytes - minOf(without), gzipBytes: total.gzipBytes - gzipOf(without) };
    }
    log(`budgets: ${name}, own code alone`);
    const own = (await scriptTagBuild(mode, (id) => dependency(id))).filter(counts);
    const mockModules = modules.filter((id) => id.includes('/src/mock/'));
    const text = built.map((chunk) => chunk.code).join('\n');
    out[name] = {
      files: files.files.map((f) => ({ file: f.file, minBytes: f.minBytes, gzipBytes: f.gzipBytes })),
      minBytes: files.minBytes,
      gzipBytes: files.gzipBytes,
      brotliBytes: files.brotliBytes,
      maxGzipBytes: budget.maxGzipBytes,
      targetGzipBytes: budget.targetGzipBytes,
      floor: { ...floor, imports: Object.fromEntries([...used].map(([spec, names]) => [spec, [...names].map((n) => n || '(side effects)').sort()])) },
      ownCode: { minBytes: minOf(own), gzipBytes: gzipOf(own), method: 'the same build with lit, @lit/* and zod external' },
      leaveOneOut,
      mock: {
        modules: mockModules.map((id) => relative(root, id)),
        mockOnlyStringsFound: mockStrings.filter((s) => text.includes(s)),
        mockOnlyStringsChecked: mockStrings.length,
      },
      method: 'sum of each file min + gzip -9 (as npm run size); floor, own code and leave-one-out from the same Vite build through the JS API',
    };
  }
  return out;
}
