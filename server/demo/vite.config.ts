/**
 * The demo page (index.html) against the reference server instead of the built-in mock:
 * Vite serves the page and forwards /api to the server (SERVER_URL, default
 * http://127.0.0.1:8788). With DEMO_API_KEY set, the proxy signs every call as that reseller.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));
const target = process.env.SERVER_URL || 'http://127.0.0.1:8788';
const key = process.env.DEMO_API_KEY;

export default defineConfig({
  root,
  optimizeDeps: { entries: ['index.html'] },
  server: {
    proxy: {
      '/api': { target, changeOrigin: true, ...(key ? { headers: { authorization: `Bearer ${key}` } } : {}) },
    },
  },
});
