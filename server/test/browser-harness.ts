/** The store and the simulator the browser test's page talks to (open mode: any origin may call). */
import { startSimulator, startStore } from './helpers.js';

export async function start() {
  const simulator = await startSimulator({ speed: 100 });
  const store = await startStore({ simulator, speed: 100 });
  return {
    baseUrl: store.baseUrl,
    async close() {
      await store.close();
      await simulator.close();
    },
  };
}
