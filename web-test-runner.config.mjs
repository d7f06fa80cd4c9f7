import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { chromiumArgs, findChromium } from './scripts/chromium.mjs';
import { firefoxLauncher } from './scripts/firefox.mjs';
import { loadTs } from './scripts/load-ts.mjs';
import { summaryReporter } from './scripts/summary-reporter.mjs';

// LC_BROWSER=firefox (npm run test:firefox): the whole-flow and provisioning files in Firefox ESR.
const firefox = process.env.LC_BROWSER === 'firefox';
// The mock backend runs in this Node process and is reached over real HTTP: a default
// instance at /api, and one fresh instance per test at /mock/{id}/ (see test/helpers/mock.ts).
const { createMockHub } = await loadTs('src/mock/hub.ts');
const hub = createMockHub();

/**
 * The policy a strict host page sets (issue 15): the widget must work under it unchanged.
 * `connect-src` falls under `default-src 'self'`, so the mock is reached on the same origin.
 */
export const strictCsp =
  "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";

/**
 * A fault whose headers carry this name is answered with a TCP reset instead (test/faults.test.ts):
 * the mock's own `networkError` sends bytes that are no HTTP, which is a different failure.
 */
export const RESET_HEADER = 'x-test-reset-connection';

function resetOnMarker(res) {
  const writeHead = res.writeHead;
  res.writeHead = function (status, ...rest) {
    const headers = rest.find((arg) => arg && typeof arg === 'object') ?? {};
    if (!Object.keys(headers).some((name) => name.toLowerCase() === RESET_HEADER)) return writeHead.call(this, status, ...rest);
    res.socket?.resetAndDestroy();
    // What the handler writes next goes nowhere.
    res.write = res.end = res.flushHeaders = () => res;
    return res;
  };
}

export default {
  files: firefox ? ['test/flow.test.ts', 'test/provisioning.test.ts'] : 'test/**/*.test.ts',
  nodeResolve: { exportConditions: ['production'] },
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  // Firefox over BiDi runs the whole-flow file several times slower than Chromium here.
  ...(firefox ? { testsFinishTimeout: 600_000 } : {}),
  reporters: [defaultReporter(), summaryReporter()],
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' })],
  middleware: [
    // test/pages/csp-*.html: served with the strict policy (test/csp.test.ts).
    async (ctx, next) => {
      await next();
      if (/^\/test\/pages\/csp-[\w-]+\.html$/.test(ctx.path)) ctx.set('Content-Security-Policy', strictCsp);
    },
    async (ctx, next) => {
      if (!hub.matches(ctx.path)) return next();
      ctx.respond = false;
      resetOnMarker(ctx.res);
      await hub.handleNode(ctx.req, ctx.res);
    },
  ],
  browsers: [
    firefox
      ? firefoxLauncher()
      : chromeLauncher({ launchOptions: { executablePath: findChromium(), headless: true, args: chromiumArgs } }),
  ],
};
