import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PGlite serves one process per data folder and does not check it itself: a second process (a command-line tool
 * while the server runs, or a second `pnpm start`) opens the same files and the two corrupt each other's writes. So
 * whoever opens the embedded database takes this lock file first; a lock left by a process that no longer runs
 * (killed with SIGKILL) is taken over.
 */
export const LOCK_FILE = 'kinerja.lock';

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
    readonly command: string,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by process ${pid} (${command}). The embedded PostgreSQL serves ` +
        'one process at a time: stop that process first (e.g. the server started by `pnpm start`), or use a ' +
        'PostgreSQL server through DATABASE_URL.',
    );
    this.name = 'DataDirLockedError';
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock of a data folder for this process; returns the function that releases it. */
export function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, LOCK_FILE);
  const content = JSON.stringify({ pid: process.pid, command: process.argv.slice(1).join(' ') });
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder: { pid?: unknown; command?: unknown } = {};
      try {
        holder = JSON.parse(readFileSync(file, 'utf8')) as typeof holder;
      } catch {
        // Unreadable or half-written: treated as stale below.
      }
      const pid = typeof holder.pid === 'number' ? holder.pid : null;
      if (pid !== null && pid !== process.pid && isRunning(pid)) {
        throw new DataDirLockedError(dataDir, pid, String(holder.command ?? 'unknown command'));
      }
      // The holder is gone (or it is this very process): take the lock over.
      try {
        unlinkSync(file);
      } catch {
        // Another process took it over first; the next attempt sees its lock.
      }
      continue;
    }
    writeSync(fd, content);
    closeSync(fd);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      process.off('exit', release);
      try {
        const now = JSON.parse(readFileSync(file, 'utf8')) as { pid?: unknown };
        if (now.pid === process.pid) unlinkSync(file);
      } catch {
        // Already gone.
      }
    };
    process.on('exit', release);
    return release;
  }
  throw new Error(`Could not take the lock ${file}`);
}
