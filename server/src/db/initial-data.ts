// The evaluation workflow it files objections through carries type-graphql decorators.
import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import { DEFAULT_SCORING_POLICY, type ScoringPolicy } from '@kinerja/shared';
import { object as fileObjection } from '../modules/evaluations/evaluation.workflow.js';
import { closeHistoryThrough } from '../modules/results/index.js';
import { runImport } from '../modules/import/import.service.js';
import { formatReport, progressPrinter } from '../modules/import/report.js';
import { writeDemoData, type ObjectionRow } from '../demo-data/generate.js';
import { localDate } from '../demo-data/settings.js';

export interface InitialDataOptions {
  log: (line: string) => void;
  policy?: ScoringPolicy;
  /** Demo data generator options (defaults: the Sibolga set of 3,500 employees, seed 2017). */
  seed?: number;
  employees?: number;
  /**
   * The day the data are as of, `YYYY-MM-DD` (default: the machine's date today; `KINERJA_DEMO_TODAY` in the
   * configuration): its quarter is the current one, left OPEN in a mid-quarter state; the quarters before are closed.
   */
  today?: string;
}

export const DEMO_DATA_ACTOR = 'system:demo-data';

/**
 * Loads the Kota Sibolga demo data set into an empty database, through the same importer as real data: the
 * generator writes the eight CSV files to a temporary folder and `runImport` loads them. Then, as with real history,
 * the quarters before the current one are closed (their evaluations finalised), and the employees who object to
 * their evaluation of the current quarter file their objections through the workflow
 * (docs/demo-data.md#the-current-quarter). A database that already has an agency is left alone: demo data never goes over data that is
 * there. Returns whether it loaded anything.
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
    const generatorOptions = {
      seed: options.seed,
      employees: options.employees,
      today: options.today ?? localDate(new Date()),
    };
    const generated = await writeDemoData(dir, generatorOptions);
    const { current } = generated.settings;
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
    const through =
      current.quarter === 1 ? { year: current.year - 1, quarter: 4 } : { ...current, quarter: current.quarter - 1 };
    const closed = await closeHistoryThrough(orm, through, {
      actor: DEMO_DATA_ACTOR,
      policy: options.policy ?? DEFAULT_SCORING_POLICY,
      reason: 'demo data: the quarters before the current one are history',
    });
    const { objections } = generated;
    await fileObjections(orm, objections, options.policy ?? DEFAULT_SCORING_POLICY);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    log(
      `Demo data loaded in ${seconds} s: ${report.files.find((f) => f.file === 'employees.csv')?.rows ?? 0} employees, ` +
        `${report.evaluations.created} evaluations; ${closed.length} past quarters closed, ` +
        `${current.year} Q${current.quarter} open with ${objections.length} objections.`,
    );
    return true;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Files each objection as its employee would (the workflow's `object`: the objection row, the status OBJECTED, a new
 * version, the audit entry), recorded under the demo data's actor.
 */
async function fileObjections(
  orm: MikroORM,
  objections: readonly ObjectionRow[],
  policy: ScoringPolicy,
): Promise<void> {
  for (const objection of objections) {
    const em = orm.em.fork();
    const [evaluation] = await em.execute<{ id: number; version: number; employee_id: number; agency_id: number }[]>(
      `select e.id, e.version, e.employee_id, emp.agency_id
         from evaluation e join employee emp on emp.id = e.employee_id join period p on p.id = e.period_id
        where emp.nip = ? and p.year = ? and p.quarter = ?`,
      [objection.nip, objection.year, objection.quarter],
    );
    if (!evaluation) throw new Error(`demo data: no evaluation to object to for ${objection.nip}`);
    const viewer = {
      userId: null,
      login: DEMO_DATA_ACTOR,
      role: 'EMPLOYEE' as const,
      employeeId: evaluation.employee_id,
      agencyId: evaluation.agency_id,
      anonymous: false,
    };
    await fileObjection(
      em,
      { scope: { viewer, directReportIds: new Set(), lineIds: new Set() }, policy },
      { evaluationId: evaluation.id, version: evaluation.version, reason: objection.reason },
    );
  }
}
