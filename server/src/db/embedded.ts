import { mkdirSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { lockDataDir } from './data-dir-lock.js';

/** A running embedded PostgreSQL (PGlite behind its wire-protocol socket, in a worker thread). */
export interface EmbeddedPostgres {
  /** Connection URL for ordinary PostgreSQL clients. */
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Folder for the database files; null keeps everything in memory (tests). */
  dataDir: string | null;
  host?: string;
  /** 0 lets the operating system choose a free port. */
  port?: number;
}

/**
 * Starts PGlite in a worker thread and waits until it accepts connections. PGlite serves one statement at a time:
 * use a connection pool of size 1 against it.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedPostgres> {
  let unlock = () => {};
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    // One process per data folder (PGlite does not check it): a second one is refused, saying which holds it.
    unlock = lockDataDir(options.dataDir);
  }
  const worker = new Worker(new URL('./pglite-worker.js', import.meta.url), {
    workerData: { dataDir: options.dataDir, host: options.host ?? '127.0.0.1', port: options.port ?? 0 },
  });
  const address = await new Promise<string>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`embedded PostgreSQL stopped while starting (exit ${code})`)));
    worker.once('message', (message: { type: string; address: string }) => {
      if (message.type === 'ready') resolve(message.address);
    });
  }).catch((error: unknown) => {
    unlock();
    throw error;
  });
  worker.removeAllListeners('exit');
  worker.removeAllListeners('error');
  worker.on('error', (error) => console.error('embedded PostgreSQL failed:', error));
  let stopped: Promise<void> | null = null;
  return {
    url: `postgresql://postgres@${address}/postgres`,
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        const timer = setTimeout(() => void worker.terminate().then(() => resolve()), 5000);
        worker.once('message', (message: { type: string }) => {
          if (message.type !== 'stopped') return;
          clearTimeout(timer);
          void worker.terminate().then(() => resolve());
        });
        worker.postMessage({ type: 'stop' });
      }).then(unlock);
      return stopped;
    },
  };
}
