/**
 * The simulator as a process of its own, so that it keeps its state (tenants, carts, orders)
 * while the store server is stopped, killed and started again, as Partner Center would.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The simulator's URL: the one already listening on `port`, or a new detached one. */
export async function ensureSimulator(port: number, speed: number): Promise<string> {
  const url = `http://127.0.0.1:${port}`;
  if (await answers(url)) return url;
  // Resolved from the bundle in server/.build/.
  const script = fileURLToPath(new URL('../bin/simulator.mjs', import.meta.url));
  const child = spawn(process.execPath, [script], { detached: true, stdio: 'ignore', env: { ...process.env, SIMULATOR_PORT: String(port), SIMULATOR_SPEED: String(speed) } });
  child.unref();
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 100));
    if (await answers(url)) return url;
  }
  throw new Error(`The Partner Center simulator did not start on port ${port}.`);
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/__sim/effects`, { signal: AbortSignal.timeout(500) })).ok;
  } catch {
    return false;
  }
}
