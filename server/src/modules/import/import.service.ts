import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import { DEFAULT_SCORING_POLICY, type Message, type ScoringPolicy } from '@kinerja/shared';
import { ImportContext } from './context.js';
import { importAgencies } from './files/agencies.js';
import { importCriteria } from './files/criteria.js';
import { importEmployees } from './files/employees.js';
import { importInnovations } from './files/innovations.js';
import { importOrgPerformance } from './files/org-performance.js';
import { importParticipations } from './files/participations.js';
import { importScores } from './files/scores.js';
import { importTrainings } from './files/trainings.js';
import {
  IMPORT_FILES,
  type FileReport,
  type ImportFileName,
  type ImportProgress,
  type ImportReport,
} from './import.types.js';
import { supportsCopyFrom, type Sql } from './staging.js';
import { countImportRows } from '../../observability/metrics.js';
import { markStaleOne, recordPolicyInForce, writeAnnualResults, writesDone, type StaleKind } from '../results/index.js';

export interface RunImportOptions {
  /** The ORM, or a request's EntityManager wrapped (`{ em }`): only its connection pool is used. */
  orm: Pick<MikroORM, 'em'>;
  folder: string;
  dryRun?: boolean;
  /** Who runs it, for the audit log: an account login, `cli:<os user>` or `system:demo-data`. */
  actor: string;
  /** Why, for the audit log; the folder when none is given (the command line). */
  reason?: string | null;
  /** The policy whose version FINAL evaluations store (the configured one; default: that of docs/scoring.md#the-scoring-policy). */
  policy?: ScoringPolicy;
  onProgress?: (progress: ImportProgress) => void;
  /**
   * From this many new scores on, the foreign keys of evaluation_score are checked once after the insert instead of
   * row by row, and the score, evaluation and criterion tables are held exclusively until the import ends.
   */
  bulkThreshold?: number;
}

/** A province's first load, not a quarter's scores of a city (Sibolga's is about 40,000 rows). */
export const DEFAULT_BULK_THRESHOLD = 1_000_000;

type FileImporter = (ctx: ImportContext, path: string) => Promise<FileReport>;

const IMPORTERS: Record<ImportFileName, FileImporter> = {
  'agencies.csv': importAgencies,
  'employees.csv': importEmployees,
  'criteria.csv': importCriteria,
  'scores.csv': importScores,
  'innovations.csv': importInnovations,
  'trainings.csv': importTrainings,
  'participations.csv': importParticipations,
  'org_performance.csv': importOrgPerformance,
};

/**
 * Imports a folder of the city's spreadsheets (docs/import.md): all or nothing, in one transaction on one
 * connection. The files present are applied in the format's order; every error of every file is collected; with any
 * error, or for a dry run, the transaction is rolled back and nothing is written. A committed import leaves one
 * `import.run` entry in the audit log (a dry run and a rejected import write nothing at all, that entry included).
 */
export async function runImport(options: RunImportOptions): Promise<ImportReport> {
  const started = Date.now();
  const folder = resolve(options.folder);
  const dryRun = options.dryRun ?? false;
  const report: ImportReport = {
    folder,
    dryRun,
    committed: false,
    ok: false,
    files: [],
    evaluations: { created: 0, updated: 0, unchanged: 0 },
    periodsCreated: 0,
    bulk: false,
    errors: [],
    errorCount: 0,
    durationMs: 0,
  };
  const present = findFiles(folder, report);
  if (present.length === 0) {
    report.durationMs = Date.now() - started;
    return report;
  }

  const knex = options.orm.em.getConnection().getKnex();
  const sql = (await knex.client.acquireConnection()) as Sql;
  try {
    const useCopy = await supportsCopyFrom(sql);
    const ctx = new ImportContext(
      sql,
      options.policy ?? DEFAULT_SCORING_POLICY,
      options.actor,
      useCopy,
      options.bulkThreshold ?? DEFAULT_BULK_THRESHOLD,
      options.onProgress ?? (() => undefined),
    );
    for (const e of report.errors) ctx.error(e.file as ImportFileName, e.line, e.column, e.value, e.problem);
    await sql.query('begin');
    try {
      await useBulkSessionSettings(sql);
      await ctx.loadAgencies();
      await ctx.loadEmployees();
      await ctx.loadCriteria();
      await ctx.loadTrainings();
      for (const file of present) {
        try {
          const fileReport = await IMPORTERS[file](ctx, join(folder, file));
          report.files.push({
            file,
            rows: fileReport.rows,
            created: fileReport.created,
            updated: fileReport.updated,
            unchanged: fileReport.unchanged,
          });
          if ('evaluations' in fileReport) {
            const scores = fileReport as FileReport & Pick<ImportReport, 'evaluations' | 'periodsCreated'>;
            report.evaluations = scores.evaluations;
            report.periodsCreated = scores.periodsCreated;
          }
        } catch (error) {
          // A refusal by the database that the checks did not foresee: the transaction is lost, so stop here.
          const detail = error instanceof Error ? error.message : String(error);
          ctx.error(file, null, null, null, { code: 'IMPORT_DATABASE_REFUSED', params: { detail } });
          break;
        }
      }
      report.bulk = ctx.bulk;
      report.errors = ctx.errors;
      report.errorCount = ctx.errorCount;
      report.ok = ctx.errorCount === 0;
      if (!report.ok || dryRun) {
        await sql.query('rollback');
      } else {
        await storeResultsOfImport(sql, ctx.policy, report);
        await sql.query(
          `insert into audit_log (actor, action, entity_type, after, reason) values ($1, 'import.run', 'import', $2, $3)`,
          [
            options.actor.slice(0, 120),
            JSON.stringify({
              files: report.files,
              evaluations: report.evaluations,
              periodsCreated: report.periodsCreated,
            }),
            options.reason || folder,
          ],
        );
        await writesDone(sql);
        await sql.query('commit');
        report.committed = true;
      }
    } catch (error) {
      await sql.query('rollback').catch(() => undefined);
      throw error;
    }
  } finally {
    await knex.client.releaseConnection(sql);
  }
  countImportRows(report.files, report.committed ? 'committed' : dryRun && report.ok ? 'dry_run' : 'rejected');
  report.durationMs = Date.now() - started;
  return report;
}

/**
 * What a committed import adds for the stored results (docs/scoring.md "Stored results"): the policy is recorded,
 * the annual results of the employee-years whose evaluations or innovations changed are rewritten by the results
 * writer (the quarterly ones were written with the evaluations), and the analytics' stale marks are set for what the
 * other files changed (for those files, city-wide: a mark per kind, every agency and year).
 */
async function storeResultsOfImport(sql: Sql, policy: ScoringPolicy, report: ImportReport): Promise<void> {
  await recordPolicyInForce(sql, policy);
  const changed = (file: ImportFileName) => {
    const f = report.files.find((r) => r.file === file);
    return f !== undefined && f.created + f.updated > 0;
  };
  const keys: string[] = [];
  if (report.files.some((f) => f.file === 'scores.csv')) {
    keys.push('select employee_id, year from import_eval where created or changed or scores_changed');
  }
  if (changed('innovations.csv')) keys.push('select employee_id, year from innovation');
  if (keys.length > 0) {
    const { rows } = await sql.query<{ employee_id: number; year: number }>(keys.join(' union '));
    await writeAnnualResults(
      sql,
      rows.map((r) => ({ employeeId: r.employee_id, year: r.year })),
      policy,
    );
  }
  const kinds: [ImportFileName, StaleKind][] = [
    ['employees.csv', 'employees'],
    ['criteria.csv', 'criteria'],
    ['innovations.csv', 'innovations'],
    ['trainings.csv', 'training'],
    ['participations.csv', 'training'],
    ['org_performance.csv', 'org_predikat'],
  ];
  for (const [file, kind] of kinds) if (changed(file)) await markStaleOne(sql, kind, null);
}

/**
 * The import files present in the folder, in the order they are applied. A `.csv` file that is not one of them is an
 * error (a misspelt file name must not silently leave data out), and so is a folder with none of them.
 */
function findFiles(folder: string, report: ImportReport): ImportFileName[] {
  const folderError = (problem: Message) => {
    report.errors.push({ file: '', line: null, column: null, value: folder, problem });
    report.errorCount++;
  };
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    folderError({ code: 'IMPORT_FOLDER_MISSING', params: { folder } });
    return [];
  }
  const names = readdirSync(folder);
  for (const name of names) {
    if (name.toLowerCase().endsWith('.csv') && !(IMPORT_FILES as readonly string[]).includes(name)) {
      report.errors.push({
        file: name,
        line: null,
        column: null,
        value: name,
        problem: { code: 'IMPORT_UNKNOWN_FILE', params: { name, known: IMPORT_FILES.join(', ') } },
      });
      report.errorCount++;
    }
  }
  const present = IMPORT_FILES.filter((f) => names.includes(f));
  if (present.length === 0) folderError({ code: 'IMPORT_FOLDER_EMPTY', params: { known: IMPORT_FILES.join(', ') } });
  return present;
}

/**
 * Memory for one import's transaction (`set local`: it ends with the transaction). The staging tables are temporary
 * tables, which live in the session's own buffers (`temp_buffers`, 8 MB by default): a million staged rows are about
 * 100 MB, so with the default every pass over them goes to disk. `temp_buffers` can only change before the session
 * first touches a temporary table, so on a pooled connection that has already imported it stays as it was (a
 * savepoint keeps the refusal from ending the transaction). Grouping and joining the staged rows by evaluation
 * hashes in memory with a larger `work_mem`; building indexes after a bulk insert sorts in `maintenance_work_mem`.
 */
async function useBulkSessionSettings(sql: Sql): Promise<void> {
  await sql.query(`set local work_mem = '128MB'`);
  await sql.query(`set local maintenance_work_mem = '512MB'`);
  await sql.query('savepoint import_temp_buffers');
  try {
    await sql.query(`set local temp_buffers = '1GB'`);
    await sql.query('release savepoint import_temp_buffers');
  } catch {
    await sql.query('rollback to savepoint import_temp_buffers');
  }
}
