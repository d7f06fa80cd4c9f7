// `npm run test:server`: bundles the server and its tests (server/test/*.test.ts), runs them
// with node's test runner, one file at a time, and closes with "N passed, N failed, N skipped".
//   TEST_DATABASE_URL (or DATABASE_URL): a PostgreSQL server the tests may create databases
//   on; without it, the PostgreSQL-only tests skip, unless CI=true, where they are required.
//   Arguments: test file names to run only those (e.g. `npm run test:server -- conformance`).
import { readdir } from 'node:fs/promises';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { join } from 'node:path';
import { bundle, outDir, serverDir } from './build.mjs';

const filters = process.argv.slice(2);
const names = (await readdir(join(serverDir, 'test'))).filter((f) => f.endsWith('.test.ts')).filter((f) => !filters.length || filters.some((x) => f.includes(x)));
const entries = { main: 'src/main.ts', simulator: 'simulator/main.ts' };
for (const name of names) entries[`test/${name.replace(/\.ts$/, '')}`] = `test/${name}`;
await bundle(entries);

const files = names.map((name) => join(outDir, 'test', name.replace(/\.ts$/, '.mjs')));
let passed = 0;
let failed = 0;
let skipped = 0;
const stream = run({ files, concurrency: 1, timeout: 300_000 });
stream.on('test:pass', (event) => {
  if (event.details?.type === 'suite') return;
  if (event.skip || event.todo) skipped++;
  else passed++;
});
stream.on('test:fail', (event) => {
  if (event.details?.type === 'suite' && event.details?.error?.failureType !== 'hookFailed') return;
  failed++;
});
stream.compose(spec).pipe(process.stdout);
await new Promise((resolve) => stream.on('end', resolve));
// The spec reporter writes asynchronously: let it finish before the closing line.
await new Promise((resolve) => setTimeout(resolve, 100));
console.log(`server tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed || !passed ? 1 : 0;
