// Bundles server TypeScript for Node 20 (which cannot run TypeScript) with esbuild, which
// the project already uses: dependencies stay external, SQL migrations are inlined as text.
// Output goes to server/.build/, written atomically so two processes may build at once.
import { build } from 'esbuild';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const serverDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const outDir = join(serverDir, '.build');

/** Bundles each `entries` (paths relative to server/) to server/.build/<name>.mjs; returns the files. */
export async function bundle(entries) {
  const result = await build({
    entryPoints: Object.fromEntries(Object.entries(entries).map(([name, path]) => [name, join(serverDir, path)])),
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    loader: { '.sql': 'text' },
    tsconfig: join(serverDir, 'tsconfig.json'),
    logLevel: 'warning',
    write: false,
  });
  await mkdir(outDir, { recursive: true });
  const files = [];
  for (const file of result.outputFiles) {
    await mkdir(dirname(file.path), { recursive: true });
    const temporary = `${file.path}.${process.pid}.tmp`;
    await writeFile(temporary, file.contents);
    await rename(temporary, file.path);
    files.push(file.path);
  }
  return files;
}
