import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { chromiumArgs, findChromium } from './scripts/chromium.mjs';
import { loadTs } from './scripts/load-ts.mjs';
import { lazyCopy } from './scripts/wtr-lazy-copy.mjs';
import { summaryReporter } from './scripts/summary-reporter.mjs';

const executablePath = findChromium();
// The mock backend runs in this Node process and is reached over real HTTP: a default
// instance at /api, and one fresh instance per test at /mock/{id}/ (see test/helpers/mock.ts).
const { createMockHub } = await loadTs('src/mock/hub.ts');
const hub = createMockHub();
const cdnCopy = lazyCopy();

export default {
  files: 'test/**/*.test.ts',
  nodeResolve: { exportConditions: ['production'] },
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  reporters: [defaultReporter(), summaryReporter()],
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }), cdnCopy.plugin],
  middleware: [
    cdnCopy.middleware,
    async (ctx, next) => {
      if (!hub.matches(ctx.path)) return next();
      ctx.respond = false;
      await hub.handleNode(ctx.req, ctx.res);
    },
  ],
  browsers: [chromeLauncher({ launchOptions: { executablePath, headless: true, args: chromiumArgs } })],
};
