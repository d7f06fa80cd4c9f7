// `npm run bench:server`: bundles and runs server/bench/load.ts (see there for the knobs).
import { pathToFileURL } from 'node:url';
import { bundle, outDir } from '../scripts/build.mjs';

await bundle({ 'bench/load': 'bench/load.ts' });
await import(pathToFileURL(`${outDir}/bench/load.mjs`).href);
