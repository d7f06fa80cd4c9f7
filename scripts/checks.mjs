// `npm run checks`: compiles the zod schemas the widget validates with into
// src/api/checks-cart.gen.ts and src/api/checks.gen.ts (see src/api/check.ts).
// `--check` (run by the build) fails when a committed file differs from what the schemas give.
import { readFile, writeFile } from 'node:fs/promises';
import { loadTs } from './load-ts.mjs';

const { compileChecks } = await loadTs('scripts/compile-checks.ts');
const root = new URL('../', import.meta.url);
const stale = [];
for (const [file, text] of Object.entries(compileChecks())) {
  const current = await readFile(new URL(file, root), 'utf8').catch(() => undefined);
  if (current === text) continue;
  if (process.argv.includes('--check')) stale.push(file);
  else {
    await writeFile(new URL(file, root), text);
    console.log(`${file}: written`);
  }
}
if (stale.length) {
  console.error(`${stale.join(', ')}: not what the zod schemas compile to; run \`npm run checks\` and commit the result.`);
  process.exit(1);
}
