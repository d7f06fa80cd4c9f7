// Finds the Chromium the tests drive, or says how to get one and exits.
import { accessSync, constants } from 'node:fs';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // wtr runs test files in parallel pages, all but one in the background: without these,
  // background pages get throttled timers and a lower priority, and timing-sensitive tests
  // (waits of a second, the whole-flow walks) run out of time on a loaded machine.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

export const isExecutable = (path) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

export function findChromium() {
  // An explicit CHROME_PATH that does not work is a mistake to report, not to paper over.
  if (process.env.CHROME_PATH && !isExecutable(process.env.CHROME_PATH)) {
    console.error(`
CHROME_PATH is set to ${process.env.CHROME_PATH}, but no runnable browser is there.
Point it at a Chrome or Chromium executable, or unset it to use /usr/bin/chromium
(Debian or Ubuntu: sudo apt-get install chromium).
`);
    process.exit(1);
  }
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
  ].filter(Boolean);
  const found = candidates.find(isExecutable);
  if (found) return found;
  console.error(`
The tests run in a real headless Chromium, and none was found.
Looked for: ${candidates.join(', ')}

Get one, then run the tests again:
  - Debian or Ubuntu:                  sudo apt-get install chromium
  - a Chrome or Chromium you already have:  CHROME_PATH=/path/to/chrome npm test
`);
  process.exit(1);
}
