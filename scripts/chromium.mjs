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
];

export function findChromium() {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
  ].filter(Boolean);
  for (const path of candidates) {
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // try the next one
    }
  }
  console.error(`
The tests run in a real headless Chromium, and none was found.
Looked for: ${candidates.join(', ')}

Get one, then run the tests again:
  - Debian or Ubuntu:                  sudo apt-get install chromium
  - a Chrome or Chromium you already have:  CHROME_PATH=/path/to/chrome npm test
`);
  process.exit(1);
}
