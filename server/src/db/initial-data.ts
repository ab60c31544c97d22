import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import { DEFAULT_SCORING_POLICY, type ScoringPolicy } from '@kinerja/shared';
import { closePeriodsThrough } from '../modules/import/close-periods.js';
import { runImport } from '../modules/import/import.service.js';
import { formatReport, progressPrinter } from '../modules/import/report.js';
import { writeDemoData } from '../demo-data/generate.js';

export interface InitialDataOptions {
  log: (line: string) => void;
  policy?: ScoringPolicy;
  /** Demo data generator options (defaults: the Sibolga set of 3,500 employees, seed 2017). */
  seed?: number;
  employees?: number;
  /** Today, for closing the demo's past quarters (default: now). */
  today?: Date;
}

export const DEMO_DATA_ACTOR = 'system:demo-data';

/**
 * Loads the Kota Sibolga demo data set into an empty database, through the same importer as real data: the
 * generator writes the eight CSV files to a temporary folder and `runImport` loads them. Then, as with real history,
 * the quarters that ended before today are closed (their evaluations finalised). A database that already has an
 * agency is left alone: demo data never goes over data that is there. Returns whether it loaded anything.
 */
export async function loadInitialData(orm: MikroORM, options: InitialDataOptions): Promise<boolean> {
  const { log } = options;
  const [{ present }] = await orm.em
    .getConnection()
    .execute<{ present: boolean }[]>('select exists (select 1 from agency) as present');
  if (present) return false;
  const started = Date.now();
  const dir = await mkdtemp(join(tmpdir(), 'kinerja-demo-'));
  try {
    const generated = await writeDemoData(dir, { seed: options.seed, employees: options.employees });
    const rows = generated.files.reduce((sum, f) => sum + f.rows, 0);
    log(`Demo data: ${rows.toLocaleString('en-US')} rows of the Kota Sibolga data set generated; importing them.`);
    const report = await runImport({
      orm,
      folder: dir,
      actor: DEMO_DATA_ACTOR,
      policy: options.policy ?? DEFAULT_SCORING_POLICY,
      onProgress: progressPrinter((line) => log(`  ${line}`), 5000),
      // The database is empty and nothing else uses it yet: check foreign keys once, after the insert.
      bulkThreshold: 0,
    });
    if (!report.committed) {
      throw new Error(
        `the demo data set did not import (a bug of the generator or the importer):\n${formatReport(report)}`,
      );
    }
    const today = options.today ?? new Date();
    const current = { year: today.getUTCFullYear(), quarter: Math.floor(today.getUTCMonth() / 3) + 1 };
    const through =
      current.quarter === 1 ? { year: current.year - 1, quarter: 4 } : { ...current, quarter: current.quarter - 1 };
    const closed = await closePeriodsThrough({
      orm,
      through,
      actor: DEMO_DATA_ACTOR,
      policy: options.policy,
      reason: 'demo data: the quarters before today are history',
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    log(
      `Demo data loaded in ${seconds} s: ${report.files.find((f) => f.file === 'employees.csv')?.rows ?? 0} employees, ` +
        `${report.evaluations.created} evaluations; ${closed.length} past quarters closed.`,
    );
    return true;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
