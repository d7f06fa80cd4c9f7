// `npm run mock-server`: the mock backend as a plain Node HTTP server, with CORS, for
// integrators who want to try the contract from their own pages or tools.
//   PORT (default 8787), MOCK_SPEED (default 1), MOCK_LATENCY_MS (default 150).
import { createServer } from 'node:http';
import { loadTs } from './load-ts.mjs';

const { createMockHub } = await loadTs('src/mock/hub.ts');
const hub = createMockHub();
const port = Number(process.env.PORT ?? 8787);
const host = '127.0.0.1';

const sockets = new Set();
const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (!hub.matches(path)) {
    res.writeHead(404, { 'content-type': 'application/problem+json', 'access-control-allow-origin': '*' });
    res.end(JSON.stringify({ type: 'about:blank', title: 'Not found', status: 404, detail: 'The store API is under /api.' }));
    return;
  }
  hub.handleNode(req, res, { cors: true }).catch((error) => {
    console.error(error);
    if (!res.headersSent) res.writeHead(500);
    res.end();
  });
});
server.on('connection', (socket) => {
  sockets.add(socket);
  socket.on('close', () => sockets.delete(socket));
});

server.on('error', (error) => {
  console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use; set PORT to another one.` : error);
  process.exit(1);
});

server.listen(port, host, () => {
  const base = `http://${host}:${port}/api`;
  console.log(`Mock store backend at ${base}  (speed ${process.env.MOCK_SPEED ?? 1}, latency ${process.env.MOCK_LATENCY_MS ?? 150} ms)

Try:  curl ${base}/catalog

Test values:
  domain prefix "contoso", or any prefix starting with "taken"  → not available, with suggestions
  tenant domain fabrikam.onmicrosoft.com                       → exists, registered name "Fabrikam, Inc."
  company name containing "Fail"                               → provisioning fails at the subscription task
  company name containing "Slow"                               → provisioning takes ten times longer
  company name containing "Review"                             → a "Microsoft reviews the new customer" task that stays waiting
  new customer with an existing tenant                         → "customer accepts the reseller relationship" action-required for a while
  postal code 00000 / 99999                                    → address not valid / one suggested correction
  customer search "Adatum"                                     → a customer whose agreement is not on file

Per-client instances: POST /__mock/instances {"speed":100,"agreementMode":"customer-accepts"} → /mock/<id>
Press Ctrl+C to stop.`);
});

function stop(signal) {
  console.log(`\n${signal}: stopping the mock backend.`);
  // Open SSE streams would hold close() forever: end them.
  for (const socket of sockets) socket.destroy();
  server.close(() => process.exit(0));
}
process.once('SIGINT', () => stop('SIGINT'));
process.once('SIGTERM', () => stop('SIGTERM'));
