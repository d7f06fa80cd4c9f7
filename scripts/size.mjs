// The size budgets: `npm run size` (after `npm run build`) fails when a budget of
// bench/budget.json is exceeded. Each budget names files (globs: `*` within one folder); its
// size is the sum of each file minified + gzip -9, as a browser receives them one by one:
// - productPage: the product-page tags (8 <lc-add-to-cart>, <lc-cart-count>, <lc-price> load only it);
// - cartInteractive: what <lc-checkout> loads until its cart is usable (the script-tag file alone);
// - allCheckout: the script-tag file and every step's file beside it.
// Deterministic (byte counts of files), so CI can enforce it; the network log of a real page
// is measured by `npm run bench`, timings too.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Minified, gzip (level 9) and brotli (quality 11) sizes of some code, in bytes. */
export function sizes(code) {
  const buffer = Buffer.isBuffer(code) ? code : Buffer.from(code);
  return {
    minBytes: buffer.length,
    gzipBytes: gzipSync(buffer, { level: 9 }).length,
    brotliBytes: brotliCompressSync(buffer, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buffer.length },
    }).length,
  };
}

/** The files a budget names (relative to the root), globs expanded; sorted. */
export function budgetFiles(patterns) {
  return patterns.flatMap((pattern) => {
    if (!pattern.includes('*')) return [pattern];
    const dir = dirname(pattern);
    const re = new RegExp(`^${pattern.slice(dir.length + 1).replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
    let names = [];
    try {
      names = readdirSync(join(root, dir));
    } catch {
      // no such folder: no files
    }
    return names.filter((name) => re.test(name)).sort().map((name) => `${dir}/${name}`);
  });
}

/** Summed sizes of a budget's files (each compressed alone), with the files; throws when one is missing. */
export function measureFiles(patterns) {
  const files = budgetFiles(patterns);
  const total = { minBytes: 0, gzipBytes: 0, brotliBytes: 0, files: [] };
  for (const file of files) {
    const s = sizes(readFileSync(join(root, file)));
    total.minBytes += s.minBytes;
    total.gzipBytes += s.gzipBytes;
    total.brotliBytes += s.brotliBytes;
    total.files.push({ file, ...s });
  }
  return total;
}

export function readBudgets() {
  return JSON.parse(readFileSync(join(root, 'bench', 'budget.json'), 'utf8')).budgets;
}

export function checkBudget() {
  // Every budget is checked and reported, even after one fails.
  return Object.entries(readBudgets()).reduce((code, [name, budget]) => Math.max(code, checkOne(name, budget)), 0);
}

function checkOne(name, budget) {
  let measured;
  try {
    measured = measureFiles(budget.files);
    if (measured.files.length === 0) throw new Error('no files');
  } catch {
    console.error(`size: ${name}: ${budget.files.join(', ')} missing; run \`npm run build\` first.`);
    return 1;
  }
  const actual = measured.gzipBytes;
  const limit = budget.maxGzipBytes;
  const files = measured.files.length === 1 ? measured.files[0].file : `${measured.files.length} files (${budget.files.join(', ')})`;
  const line = `${name}: ${files}: ${actual} bytes min+gzip, budget ${limit} bytes (${((actual / limit) * 100).toFixed(1)}%)`;
  if (actual > limit) {
    console.error(`size: over budget. ${line}\n${budget.reason}\nMake it smaller; raise bench/budget.json only with a reason.`);
    return 1;
  }
  console.log(`size: ok. ${line}`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = checkBudget();
}
