#!/usr/bin/env node
// `npm run server`: bundles the server (about 0.2 s) and runs it. See server/README.md.
import { pathToFileURL } from 'node:url';
import { bundle, outDir } from '../scripts/build.mjs';

await bundle({ main: 'src/main.ts' });
await import(pathToFileURL(`${outDir}/main.mjs`).href);
