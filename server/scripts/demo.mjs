// `npm run start:server`: the reference server (PGlite + simulator unless configured
// otherwise) and the demo page proxied to it, together; Ctrl+C stops both.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { serverDir } from './build.mjs';

const port = process.env.PORT || '8788';
const children = [];
function start(args, env) {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  children.push(child);
  child.on('exit', (code) => {
    console.log(`${args[0].split('/').pop()} exited (${code}); stopping the demo.`);
    stop();
  });
  return child;
}
function stop() {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(0), 500).unref();
}
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

const server = start([join(serverDir, 'bin', 'server.mjs')], { PORT: port });
let ready = false;
server.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (!ready && String(chunk).includes('store API at')) {
    ready = true;
    const vite = start([join(serverDir, '..', 'node_modules', 'vite', 'bin', 'vite.js'), '--config', join(serverDir, 'demo', 'vite.config.ts'), '--host', '127.0.0.1'], {
      SERVER_URL: `http://127.0.0.1:${port}`,
    });
    vite.stdout.pipe(process.stdout);
  }
});
