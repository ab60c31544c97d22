// Runs PGlite and its PostgreSQL wire-protocol socket in a worker thread, so that a long query does not stall the
// API's event loop. Plain JavaScript so that the same file runs from src (tests) and dist (start).
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** @type {{ dataDir: string | null, host: string, port: number }} */
const options = workerData;

const db = await PGlite.create(options.dataDir ?? undefined);
// PGlite is single-user: the socket server queues the statements of its few connections and keeps a transaction on
// the connection that opened it. Clients still use a pool of one where they can.
const server = new PGLiteSocketServer({ db, host: options.host, port: options.port, maxConnections: 4 });
await server.start();
const address = server.getServerConn();
parentPort?.postMessage({ type: 'ready', address });

parentPort?.on('message', async (message) => {
  if (message?.type !== 'stop') return;
  try {
    await server.stop();
    await db.close();
  } finally {
    parentPort?.postMessage({ type: 'stopped' });
  }
});
