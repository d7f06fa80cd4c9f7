// Loads a TypeScript module of this project in Node (Node 20 cannot run TypeScript):
// bundles it with esbuild into node_modules/.cache and imports the result. Used by the
// test runner's config and by `npm run mock-server`, so neither needs a build first.
import { build } from 'esbuild';
import { mkdir, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export async function loadTs(entry) {
  const outdir = join(root, 'node_modules', '.cache', 'license-checkout');
  await mkdir(outdir, { recursive: true });
  const outfile = join(outdir, `${basename(entry, '.ts')}-${process.pid}.mjs`);
  await build({
    entryPoints: [join(root, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'warning',
  });
  try {
    return await import(pathToFileURL(outfile).href);
  } finally {
    // Loaded modules stay in memory; the file is only a vehicle, so nothing piles up.
    await rm(outfile, { force: true });
  }
}
