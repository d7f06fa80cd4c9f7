// Finds the Firefox the second-browser tests drive, and launches it through puppeteer over
// WebDriver BiDi (no geckodriver): web-test-runner's Chrome launcher takes any puppeteer.
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import { isExecutable } from './chromium.mjs';

export function findFirefox() {
  if (process.env.FIREFOX_PATH && !isExecutable(process.env.FIREFOX_PATH)) {
    console.error(`\nFIREFOX_PATH is set to ${process.env.FIREFOX_PATH}, but no runnable browser is there.\n`);
    process.exit(1);
  }
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].filter(Boolean);
  const found = candidates.find(isExecutable);
  if (found) return found;
  console.error(`
The Firefox tests need a Firefox, and none was found.
Looked for: ${candidates.join(', ')}
  - Debian or Ubuntu:  sudo apt-get install firefox-esr
  - elsewhere:         FIREFOX_PATH=/path/to/firefox npm run test:firefox
`);
  process.exit(1);
}

export function firefoxLauncher() {
  return chromeLauncher({
    puppeteer: puppeteerCore,
    launchOptions: {
      browser: 'firefox',
      executablePath: findFirefox(),
      headless: true,
    },
  });
}
