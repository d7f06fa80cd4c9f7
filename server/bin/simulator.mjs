#!/usr/bin/env node
// The Partner Center simulator on its own: SIMULATOR_PORT (8790), SIMULATOR_SPEED (1).
import { pathToFileURL } from 'node:url';
import { bundle, outDir } from '../scripts/build.mjs';

await bundle({ simulator: 'simulator/main.ts' });
await import(pathToFileURL(`${outDir}/simulator.mjs`).href);
