import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { ScoringPolicy } from '@kinerja/shared';
import { runImport } from './import.service.js';
import { IMPORT_FILES, type ImportFileName, type ImportReport } from './import.types.js';

/**
 * Import jobs (docs/import.md#upload-and-import-jobs): an upload of `POST /api/import` runs the importer in the
 * background, one job after the other (an import holds its tables in one transaction), and `importJob(id)` reads its
 * state and the importer's own progress. Jobs live in the memory of the server process: a restart forgets them (the
 * import itself is all or nothing, so a job cut short by a restart wrote nothing).
 */
export type ImportJobState = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED';

/** What a running job is doing. */
export type ImportJobPhase = 'WAITING' | 'COUNTING' | 'READING' | 'WRITING' | 'FINISHED';

export interface ImportJob {
  id: string;
  state: ImportJobState;
  phase: ImportJobPhase;
  dryRun: boolean;
  /** The account that uploaded it. */
  actor: string;
  files: ImportFileName[];
  /** Data rows in the uploaded files (lines after the header), counted before the import starts. */
  rowsTotal: number;
  /** Data rows the importer has read so far. */
  rowsDone: number;
  /** The file being read, or the last one. */
  file: ImportFileName | null;
  /** The importer's set-based step after a file's rows (e.g. "writing scores"), while it runs. */
  step: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  /** The importer's report, once it finished (with every problem by file, row and field when rejected). */
  report: ImportReport | null;
  /** Why the job failed without a report (the importer itself failed); null otherwise. */
  failure: string | null;
}

/** From 0 to 1: rows read out of the rows uploaded; 1 only once the job is done (the writing follows the reading). */
export function jobProgress(job: ImportJob): number {
  if (job.state === 'SUCCEEDED' || job.state === 'FAILED') return 1;
  if (job.rowsTotal === 0) return 0;
  return Math.min(0.99, job.rowsDone / job.rowsTotal);
}

/** Finished jobs are kept this long for the page that polls them. */
const KEEP_FINISHED_MS = 24 * 60 * 60 * 1000;

/** Counts the data rows of a CSV file: its line breaks, less the header (a last line without a break counts). */
export async function countDataRows(path: string): Promise<number> {
  let lines = 0;
  let last = 0x0a;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) lines += 1;
    if (chunk.length > 0) last = chunk[chunk.length - 1]!;
  }
  if (last !== 0x0a) lines += 1;
  return Math.max(0, lines - 1);
}

export interface StartJob {
  orm: Pick<MikroORM, 'em'>;
  /** A private folder holding the uploaded files; the job removes it when it ends. */
  folder: string;
  dryRun: boolean;
  actor: string;
  reason: string | null;
  policy: ScoringPolicy;
}

/** The jobs of this process, in the order uploaded; they run one at a time. */
export class ImportJobs {
  private readonly jobs = new Map<string, ImportJob>();
  private queue: Promise<void> = Promise.resolve();

  get(id: string): ImportJob | null {
    this.forgetOld();
    return this.jobs.get(id) ?? null;
  }

  /** Queues the import of an uploaded folder; answers the job at once (QUEUED). */
  async start(request: StartJob): Promise<ImportJob> {
    const names = (await readdir(request.folder)).filter((n): n is ImportFileName =>
      (IMPORT_FILES as readonly string[]).includes(n),
    );
    const job: ImportJob = {
      id: randomUUID(),
      state: 'QUEUED',
      phase: 'WAITING',
      dryRun: request.dryRun,
      actor: request.actor,
      files: IMPORT_FILES.filter((f) => names.includes(f)),
      rowsTotal: 0,
      rowsDone: 0,
      file: null,
      step: null,
      createdAt: new Date(),
      startedAt: null,
      finishedAt: null,
      report: null,
      failure: null,
    };
    this.jobs.set(job.id, job);
    this.queue = this.queue.then(() => this.run(job, request));
    return job;
  }

  /** Resolves when every job queued so far has ended (tests, shutdown). */
  async idle(): Promise<void> {
    await this.queue;
  }

  private async run(job: ImportJob, request: StartJob): Promise<void> {
    job.state = 'RUNNING';
    job.startedAt = new Date();
    try {
      job.phase = 'COUNTING';
      const rows = new Map<ImportFileName, number>();
      for (const file of job.files) rows.set(file, await countDataRows(join(request.folder, file)));
      job.rowsTotal = [...rows.values()].reduce((a, b) => a + b, 0);
      const doneBefore = new Map<ImportFileName, number>();
      let sum = 0;
      for (const file of job.files) {
        doneBefore.set(file, sum);
        sum += rows.get(file) ?? 0;
      }
      job.phase = 'READING';
      const report = await runImport({
        orm: request.orm,
        folder: request.folder,
        dryRun: request.dryRun,
        actor: request.actor,
        reason: request.reason ?? `POST /api/import: ${job.files.join(', ')}`,
        policy: request.policy,
        onProgress: (p) => {
          job.file = p.file;
          job.rowsDone = (doneBefore.get(p.file) ?? 0) + Math.min(p.rows, rows.get(p.file) ?? p.rows);
          job.phase = p.phase === 'step' ? 'WRITING' : 'READING';
          job.step = p.phase === 'step' ? (p.step ?? null) : null;
        },
      });
      job.report = report;
      job.rowsDone = job.rowsTotal;
      job.state = report.ok ? 'SUCCEEDED' : 'FAILED';
    } catch (error) {
      // The importer rolled back: nothing was written. The cause goes to the log, not to the page.
      job.failure = error instanceof Error ? error.message : String(error);
      job.state = 'FAILED';
    } finally {
      job.phase = 'FINISHED';
      job.step = null;
      job.finishedAt = new Date();
      await rm(request.folder, { recursive: true, force: true });
    }
  }

  private forgetOld(): void {
    const now = Date.now();
    for (const [id, job] of this.jobs) {
      if (job.finishedAt && now - job.finishedAt.getTime() > KEEP_FINISHED_MS) this.jobs.delete(id);
    }
  }
}

/** The jobs of this server process. */
export const importJobs = new ImportJobs();
