/** The simulator as a process (see process.ts): it ends itself after 30 idle minutes. */
import { startSimulator } from './index.js';

const IDLE_MS = 30 * 60_000;
const port = Number(process.env.SIMULATOR_PORT ?? 8790);
const speed = Number(process.env.SIMULATOR_SPEED ?? 1) || 1;
const simulator = await startSimulator({ port, speed });
console.log(`Partner Center simulator at ${simulator.url} (speed ${speed}); control API under /__sim`);
const idle = setInterval(() => {
  const last = simulator.requests.at(-1)?.at ?? startedAt;
  if (Date.now() - last > IDLE_MS) void simulator.close().then(() => process.exit(0));
}, 60_000);
const startedAt = Date.now();
idle.unref();
process.once('SIGTERM', () => void simulator.close().then(() => process.exit(0)));
process.once('SIGINT', () => void simulator.close().then(() => process.exit(0)));
