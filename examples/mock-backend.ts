// Dev-server plugin for the examples: the mock backend at /api, as `npm start` has it, so
// `npx vite examples/<name>` runs an example without a store backend.
import type { Plugin } from 'vite';
import { createMockHub } from '../src/mock/hub.js';

export function mockBackend(): Plugin {
  return {
    name: 'license-checkout-examples:mock-backend',
    configureServer(server) {
      const hub = createMockHub();
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '/').split('?')[0] ?? '/';
        if (!hub.matches(path)) return next();
        hub.handleNode(req, res).catch(next);
      });
    },
  };
}

/** `license-checkout` resolved to this repository's sources, as a published package would be. */
export const packageAliases = [
  { find: /^license-checkout\/react$/, replacement: new URL('../src/react.ts', import.meta.url).pathname },
  { find: /^license-checkout\/mock$/, replacement: new URL('../src/mock/index.ts', import.meta.url).pathname },
  { find: /^license-checkout$/, replacement: new URL('../src/index.ts', import.meta.url).pathname },
];
