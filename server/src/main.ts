/**
 * `npm run server`: one store instance from the environment. Without Partner Center
 * credentials it talks to the simulator, started beside it when none is running, and says
 * so loudly. SIGINT/SIGTERM stop it cleanly; a `kill -9` loses nothing (see README).
 */
import { configFromEnv } from './config.js';
import { startServer } from './server.js';
import { ensureSimulator } from '../simulator/process.js';

let config: ReturnType<typeof configFromEnv>;
try {
  config = configFromEnv();
} catch (error) {
  // A configuration mistake is a sentence for the operator, not a stack trace.
  console.error(`The store did not start: ${(error as Error).message}`);
  process.exit(1);
}
if (!config.partnerCenter && !config.simulator.url) {
  config.simulator.url = await ensureSimulator(config.simulator.port, config.simulator.speed);
}
const server = await startServer(config);
const banner = (lines: string[]) => console.log(['', '='.repeat(78), ...lines.map((l) => `  ${l}`), '='.repeat(78), ''].join('\n'));
const warnings: string[] = [];
if (!config.partnerCenter) {
  warnings.push(`!! NO PARTNER CENTER CREDENTIALS: talking to the Partner Center SIMULATOR at ${config.simulator.url}`);
  warnings.push(`!! (speed ${config.simulator.speed}). Nothing is ordered from Microsoft. Set PARTNER_CENTER_* to go live.`);
}
if (!config.credentialsKey) {
  warnings.push('!! NO CREDENTIALS_KEY: new tenants\' administrator passwords are encrypted with a random key');
  warnings.push('!! of this process and DO NOT SURVIVE A RESTART. Set CREDENTIALS_KEY (32 bytes, base64 or hex).');
}
if (config.open) {
  warnings.push('!! OPEN MODE: no RESELLERS or AUTH_JWKS_URL configured. Every caller is the demo reseller');
  warnings.push('!! and any web page may call the API. For trying it out on this machine only.');
}
banner([
  `license-checkout store API at ${server.url}/api   (instance ${server.instanceId})`,
  `database: ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.pgliteDir}`}; workers: ${config.workers}`,
  ...warnings,
]);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping (tasks in flight resume on the next start).`);
    void server.close().then(() => process.exit(0));
  });
}
