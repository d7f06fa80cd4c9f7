// Writes dist/THIRD-PARTY-LICENSES.txt: the licence of every package the script-tag files
// (dist/license-checkout.js, its steps, dist/license-checkout-tags.js) carry inside them — the
// runtime dependencies and theirs. Lit's BSD-3-Clause asks that a redistribution in binary form
// reproduce its notice; the minified files keep no comments, so the notices travel beside them.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const manifest = (name) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8'));

const seen = new Map();
const visit = (name) => {
  if (seen.has(name)) return;
  const pkg = manifest(name);
  seen.set(name, pkg);
  for (const dependency of Object.keys(pkg.dependencies ?? {})) visit(dependency);
};
for (const name of Object.keys(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies ?? {})) visit(name);

const sections = [...seen].sort(([a], [b]) => a.localeCompare(b)).map(([name, pkg]) => {
  const dir = join(root, 'node_modules', name);
  const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f));
  // Over-inclusive on purpose (a dependency used only on Node or for types is listed too): a
  // package without a licence file is named with its licence's identifier.
  const body = file && existsSync(join(dir, file)) ? readFileSync(join(dir, file), 'utf8').trim() : `(the package ships no licence file; its package.json says ${pkg.license})`;
  return `${name} ${pkg.version} (${pkg.license})\n\n${body}\n`;
});
const text = `The script-tag files of license-checkout include the following packages.\n\n${sections.join(`\n${'-'.repeat(72)}\n\n`)}`;
writeFileSync(join(root, 'dist', 'THIRD-PARTY-LICENSES.txt'), text);
console.log(`dist/THIRD-PARTY-LICENSES.txt: ${seen.size} packages (${[...seen.keys()].join(', ')})`);
