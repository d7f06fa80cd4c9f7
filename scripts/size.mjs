// The size budgets: `npm run size` (after `npm run build`) fails when dist/license-checkout.js
// (the all-in bundle) or dist/license-checkout-tags.js (the product-page tags, budget `tags`),
// minified + gzip -9, is larger than bench/budget.json allows.
// Deterministic (byte counts of one file), so CI can enforce it; timings live in `npm run bench`.
import { readFileSync } from 'node:fs';
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

export function checkBudget() {
  const budgets = JSON.parse(readFileSync(join(root, 'bench', 'budget.json'), 'utf8'));
  // Every budget is checked and reported, even after one fails.
  return [budgets, budgets.tags].filter(Boolean).reduce((code, budget) => Math.max(code, checkOne(budget)), 0);
}

function checkOne(budget) {
  let file;
  try {
    file = readFileSync(join(root, budget.file));
  } catch {
    console.error(`size: ${budget.file} is missing; run \`npm run build\` first.`);
    return 1;
  }
  const actual = sizes(file).gzipBytes;
  const limit = budget.maxGzipBytes;
  const line = `${budget.file}: ${actual} bytes min+gzip, budget ${limit} bytes (${((actual / limit) * 100).toFixed(1)}%)`;
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
