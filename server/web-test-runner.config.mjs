// `npm run test:server:browser`: the widget in headless Chromium against the reference server
// (PGlite + simulator, started here); the page learns the server's URL from /__server.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { pathToFileURL } from 'node:url';
import { chromiumArgs, findChromium } from '../scripts/chromium.mjs';
import { checkoutReporter } from '../scripts/test-reporter.mjs';
import { bundle, outDir } from './scripts/build.mjs';

await bundle({ 'browser-harness': 'test/browser-harness.ts' });
const { start } = await import(pathToFileURL(`${outDir}/browser-harness.mjs`).href);
const running = await start();

export default {
  rootDir: '..',
  files: 'server/test-browser/**/*.test.ts',
  nodeResolve: { exportConditions: ['production'] },
  testFramework: { config: { timeout: 60000 } },
  // No mock here: every 404 is listed.
  reporters: [checkoutReporter({ isMockPath: () => false })],
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' })],
  middleware: [
    async (ctx, next) => {
      if (ctx.path !== '/__server') return next();
      ctx.type = 'application/json';
      ctx.body = JSON.stringify({ baseUrl: running.baseUrl });
    },
  ],
  browsers: [chromeLauncher({ launchOptions: { executablePath: findChromium(), headless: true, args: chromiumArgs } })],
};
