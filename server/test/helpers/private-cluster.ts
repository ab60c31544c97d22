import { execFile } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** PostgreSQL 15's server binaries (Debian's postgresql-15); PG_BIN overrides. */
export const PG_BIN = process.env.PG_BIN || '/usr/lib/postgresql/15/bin';

/**
 * A PostgreSQL 15 cluster of the test's own, on a spare port and in a temporary folder: for tests that stop, restart,
 * kill or copy a database server (docs/operations.md), which must never touch the machine's shared PostgreSQL.
 * initdb refuses to run as root, so as root the server runs as the `postgres` user.
 */
export interface PrivateCluster {
  port: number;
  dataDir: string;
  /** A connection URL to one of its databases (the superuser `postgres`, trust authentication on loopback). */
  url(database?: string): string;
  start(): Promise<void>;
  /** Stops the server: `fast` ends sessions cleanly, `immediate` is a crash (recovery at the next start). */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  /** Runs one of the cluster's client programs (pg_dump, pg_restore, psql, createdb, pg_basebackup ...). */
  client(program: string, args: string[]): Promise<string>;
  /** Stops the server and removes its files. */
  destroy(): Promise<void>;
}

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

function asPostgres(program: string, args: string[]): [string, string[]] {
  const binary = join(PG_BIN, program);
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args];
}

async function postgresIds(): Promise<{ uid: number; gid: number } | null> {
  if (process.getuid?.() !== 0) return null;
  const { stdout } = await run('id', ['-u', 'postgres']);
  const { stdout: gid } = await run('id', ['-g', 'postgres']);
  return { uid: Number(stdout.trim()), gid: Number(gid.trim()) };
}

/**
 * Creates a fresh cluster (initdb) and starts it. `settings` are extra server settings (e.g. for a primary that
 * serves a standby: `{ wal_level: 'replica' }`); a standby is made with `client('pg_basebackup', ...)` instead.
 */
export async function createPrivateCluster(
  options: { settings?: Record<string, string>; dataDir?: string; init?: boolean } = {},
): Promise<PrivateCluster> {
  const port = await freePort();
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'kinerja-pg-'));
  const ids = await postgresIds();
  if (ids) chownSync(dataDir, ids.uid, ids.gid);
  chmodSync(dataDir, 0o700);
  if (options.init !== false) {
    const [cmd, args] = asPostgres('initdb', [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--no-sync',
    ]);
    await run(cmd, args, { env: { ...process.env, LC_ALL: 'C.UTF-8' } });
  }
  const settings = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: dataDir,
    max_connections: '40',
    shared_buffers: '32MB',
    ...options.settings,
  };
  const serverOptions = [`-p ${port}`, ...Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`)].join(' ');
  const pgCtl = (args: string[]) => {
    const [cmd, full] = asPostgres('pg_ctl', ['-D', dataDir, ...args]);
    return run(cmd, full);
  };
  let running = false;
  const cluster: PrivateCluster = {
    port,
    dataDir,
    url: (database = 'postgres') => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    async start() {
      await pgCtl(['-w', '-t', '60', '-l', join(dataDir, 'server.log'), '-o', serverOptions, 'start']);
      running = true;
    },
    async stop(mode = 'fast') {
      await pgCtl(['-w', '-t', '60', '-m', mode, 'stop']);
      running = false;
    },
    async client(program, args) {
      const { stdout } = await run(
        join(PG_BIN, program),
        ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', ...args],
        {
          maxBuffer: 64 * 1024 * 1024,
        },
      );
      return stdout;
    },
    async destroy() {
      if (running) await cluster.stop('immediate').catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  await cluster.start();
  return cluster;
}
