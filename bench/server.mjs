// A small HTTP server on 127.0.0.1 for the benchmark: the mock hub at /api, /mock/* and
// /__mock/*, the built files at /dist/*, the benchmark's pages at /bench/*.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadTs } from '../scripts/load-ts.mjs';
import { root } from '../scripts/size.mjs';

const TYPES = { '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.html': 'text/html; charset=utf-8', '.json': 'application/json', '.css': 'text/css' };

export async function startServer() {
  const { createMockHub } = await loadTs('src/mock/hub.ts');
  const hub = createMockHub({ latencyMs: 0 });
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    try {
      if (hub.matches(path)) return await hub.handleNode(req, res);
      const top = path.split('/')[1];
      if (top !== 'dist' && top !== 'bench' && top !== 'cache') throw Object.assign(new Error('not found'), { code: 'ENOENT' });
      const base = top === 'cache' ? join(root, 'node_modules', '.cache', 'license-checkout-bench') : root;
      const rel = top === 'cache' ? path.slice('/cache'.length) : path;
      const file = normalize(join(base, rel));
      if (!file.startsWith(base)) throw Object.assign(new Error('outside'), { code: 'ENOENT' });
      let body = await readFile(file);
      const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
      // Scripts compressed as a CDN would (gzip -9), so the network log shows the bytes transferred.
      if (extname(file) === '.js' && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        body = gzipSync(body, { level: 9 });
        headers['content-encoding'] = 'gzip';
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch (error) {
      if (!res.headersSent) res.writeHead(error.code === 'ENOENT' ? 404 : 500, { 'content-type': 'text/plain' });
      res.end(String(error.message));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    async createMock(options) {
      const response = await fetch(`${origin}/__mock/instances`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(options) });
      if (!response.ok) throw new Error(`creating a mock instance: HTTP ${response.status}`);
      const { id, baseUrl } = await response.json();
      return {
        id,
        baseUrl: `${origin}${baseUrl}`,
        requests: async () => (await fetch(`${origin}/__mock/instances/${id}/requests`)).json(),
      };
    },
    close: () => new Promise((resolve) => {
      server.closeAllConnections?.();
      server.close(resolve);
    }),
  };
}
