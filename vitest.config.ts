// Story tests: every story renders, runs its play function and passes axe, in headless Chromium.
import { defineConfig } from 'vitest/config';
import type { Reporter, TestModule } from 'vitest/node';
import { playwright } from '@vitest/browser-playwright';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { chromiumArgs, findChromium } from './scripts/chromium.mjs';

/** Ends the run with `N passed, N failed, N skipped` alone on a line, for CI logs. */
const summary: Reporter = {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') counts.failed++;
        else counts.skipped++;
      }
    }
    process.stdout.write(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
  },
};

export default defineConfig({
  test: {
    reporters: ['default', summary],
    // Printed once per story file: Storybook's renderer brings its own (dev) copy of lit-html
    // next to the stories' one. Harmless (templates work across copies), and pure noise in CI.
    onConsoleLog: (log) => !/Lit is in dev mode|Multiple versions of Lit loaded/.test(log),
    projects: [
      {
        extends: true,
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: {
          name: 'storybook',
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath: findChromium(), args: chromiumArgs } }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
