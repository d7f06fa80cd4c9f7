// `npm run start:server`: the reference server (PGlite + simulator unless configured
// otherwise) and the demo page proxied to it, together; Ctrl+C stops both.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { serverDir } from './build.mjs';

const port = process.env.PORT || '8788';
const children = [];
function start(args, env, onExit) {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  children.push(child);
  child.on('exit', onExit);
  return child;
}
function stop() {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(0), 500).unref();
}
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

// The page outlives the server: kill the server (even with -9) and start it again with
// `npm run server`, and the checkout on the page carries on with the same order.
const server = start([join(serverDir, 'bin', 'server.mjs')], { PORT: port }, (code, signal) => {
  console.log(`\nThe server stopped (${signal ?? code}). The demo page stays up: start the server again with \`npm run server\`.`);
});
let ready = false;
server.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (!ready && String(chunk).includes('store API at')) {
    ready = true;
    const vite = start([join(serverDir, '..', 'node_modules', 'vite', 'bin', 'vite.js'), '--config', join(serverDir, 'demo', 'vite.config.ts'), '--host', '127.0.0.1'], {
      SERVER_URL: `http://127.0.0.1:${port}`,
    }, stop);
    vite.stdout.pipe(process.stdout);
  }
});
