import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumArgs, findChromium } from './scripts/chromium.mjs';
import { firefoxLauncher } from './scripts/firefox.mjs';
import { loadTs } from './scripts/load-ts.mjs';
import { lazyCopy } from './scripts/wtr-lazy-copy.mjs';
import { checkoutReporter } from './scripts/test-reporter.mjs';

// LC_BROWSER=firefox (npm run test:firefox): the whole-flow and provisioning files, and the compiled checks against zod, in Firefox ESR.
const firefox = process.env.LC_BROWSER === 'firefox';
// The mock backend runs in this Node process and is reached over real HTTP: a default
// instance at /api, and one fresh instance per test at /mock/{id}/ (see test/helpers/mock.ts).
const { createMockHub } = await loadTs('src/mock/hub.ts');
const hub = createMockHub();
const cdnCopy = lazyCopy();

/**
 * The policy a strict host page sets (issue 15): the widget must work under it unchanged.
 * `connect-src` falls under `default-src 'self'`, so the mock is reached on the same origin.
 */
export const strictCsp =
  "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";

/**
 * Connection resets for test/faults.test.ts (the mock's own `networkError` answers with bytes
 * that are no HTTP, a different failure): `POST /__test-resets?method=GET&prefix=/mock/…/catalog&on=1`
 * makes every matching request end in a TCP reset until the same call with `on=0`; both answer
 * `{ "count": n }`, the connections reset so far for that rule.
 */
const resets = new Map();

async function resetConnections(ctx, next) {
  if (ctx.path === '/__test-resets' && ctx.method === 'POST') {
    const { method = '', prefix = '', on = '0' } = ctx.query;
    const key = `${String(method).toUpperCase()} ${prefix}`;
    const rule = resets.get(key) ?? { method: String(method).toUpperCase(), prefix: String(prefix), on: false, count: 0 };
    rule.on = on === '1';
    resets.set(key, rule);
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ count: rule.count });
    return;
  }
  for (const rule of resets.values()) {
    if (rule.on && (!rule.method || rule.method === ctx.method) && ctx.path.startsWith(rule.prefix)) {
      rule.count += 1;
      ctx.respond = false;
      ctx.req.socket.resetAndDestroy();
      return;
    }
  }
  return next();
}

export default {
  // test/layout.test.ts runs on its own afterwards (`npm test`: wtr, then wtr --files it with
  // concurrency 1): it checks focus rings and scrolling, which only the focused foreground page
  // has, and walks the whole flow four times, too slow beside another file on a loaded machine.
  files: firefox ? ['test/flow.test.ts', 'test/provisioning.test.ts', 'test/checks.test.ts'] : ['test/**/*.test.ts', '!test/layout.test.ts'],
  nodeResolve: { exportConditions: ['production'] },
  // Firefox: one page at a time, as the flow's timing assertions (1 s waits) were written against Chromium's speed.
  concurrency: firefox ? 1 : 2,
  // Firefox over BiDi runs the whole flow several times slower than Chromium here.
  testFramework: { config: { timeout: firefox ? 30_000 : 10_000 } },
  // A test file's whole run: the layout walk (the flow at two widths, both directions) takes
  // about 20 s alone and far longer beside another file on a loaded machine.
  testsFinishTimeout: firefox ? 600_000 : 300_000,
  ...(firefox
    ? {
        testRunnerHtml: (testFramework) => `<!doctype html>
<html><body>
  <script type="module" src="${testFramework}"></script>
  <script type="module" src="/test/helpers/firefox-known-failures.js"></script>
</body></html>`,
      }
    : {}),
  reporters: [checkoutReporter({ isMockPath: (path) => hub.matches(path) })],
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }), cdnCopy.plugin],
  middleware: [
    cdnCopy.middleware,
    resetConnections,
    // test/pages/csp-*.html: served with the strict policy (test/csp.test.ts).
    async (ctx, next) => {
      await next();
      if (/^\/test\/pages\/csp-[\w-]+\.html$/.test(ctx.path)) ctx.set('Content-Security-Policy', strictCsp);
    },
    async (ctx, next) => {
      if (!hub.matches(ctx.path)) return next();
      ctx.respond = false;
      await hub.handleNode(ctx.req, ctx.res);
    },
  ],
  browsers: [
    firefox
      ? firefoxLauncher()
      : chromeLauncher({ launchOptions: { executablePath: findChromium(), headless: true, args: chromiumArgs } }),
  ],
};
