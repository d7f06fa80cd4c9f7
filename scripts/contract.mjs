// `npm run contract`: writes dist/openapi.json, generated from the zod schemas.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { loadTs } from './load-ts.mjs';

const { buildOpenApi } = await loadTs('src/api/openapi.ts');
const { version } = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
const doc = buildOpenApi(version);
await mkdir(new URL('../dist/', import.meta.url), { recursive: true });
await writeFile(new URL('../dist/openapi.json', import.meta.url), `${JSON.stringify(doc, null, 2)}\n`);
console.log(`dist/openapi.json: ${Object.keys(doc.paths).length} paths, ${Object.keys(doc.components.schemas).length} schemas`);
