import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { DataDirLockedError } from './db/data-dir-lock.js';
import { openDatabase } from './db/database.js';
import { loadInitialData } from './db/initial-data.js';
import { ensureDemoAccounts, formatDemoAccounts } from './modules/auth/demo-accounts.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    replicaUrls: config.replicaUrls,
  });
  console.log(db.embedded ? `Embedded PostgreSQL (PGlite), data in ${config.dataDir}` : 'PostgreSQL from DATABASE_URL');
  if (config.loadDemoData) {
    await loadInitialData(db.orm, {
      log: (line) => console.log(line),
      policy: config.policy,
      today: config.demoToday ?? undefined,
    });
  }
  // Demo mode only: one account per role over the demo data, printed with the shared password.
  if (config.demoMode) console.log(formatDemoAccounts(await ensureDemoAccounts(db.orm.em.fork())));

  const app = await createApp(config, db.orm, { replicas: db.replicas });
  app.httpServer.listen(config.port, config.host);
  await once(app.httpServer, 'listening');
  const { port } = app.httpServer.address() as AddressInfo;
  const base = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  console.log(`Kinerja is running.\n  Dashboard: ${base}/\n  GraphQL API and GraphiQL: ${base}/graphql`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping (at most ${config.shutdownTimeoutSeconds} s)`);
    // Apollo's stop can hang when a request never ends: a watchdog ends the process regardless.
    const watchdog = setTimeout(() => {
      console.error('Shutdown took too long; exiting.');
      process.exit(1);
    }, config.shutdownTimeoutSeconds * 1000);
    watchdog.unref();
    try {
      await app.apollo.stop();
      await db.close();
      process.exit(0);
    } catch (error) {
      console.error('Shutdown failed:', error);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`Configuration error: ${error.message}`);
  } else if (error instanceof DataDirLockedError) {
    console.error(`Kinerja could not start: ${error.message}`);
  } else {
    console.error('Kinerja could not start:', error);
  }
  process.exit(1);
});
