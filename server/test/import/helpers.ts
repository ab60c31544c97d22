import { fileURLToPath } from 'node:url';
import type { MikroORM } from '@mikro-orm/postgresql';
import { runImport } from '../../src/modules/import/import.service.js';
import type { ImportError, ImportReport } from '../../src/modules/import/import.types.js';

/** A fixture folder under test/fixtures/import. */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url));
}

export function importFolder(
  orm: MikroORM,
  folder: string,
  dryRun = false,
  bulkThreshold?: number,
): Promise<ImportReport> {
  return runImport({ orm, folder, dryRun, actor: 'test:import', bulkThreshold });
}

/** The errors without the folder path, in the order reported. */
export function errorList(report: ImportReport): ImportError[] {
  return report.errors.map((e) => ({ ...e }));
}

/** Row counts of every table the import writes (the audit log included). */
export async function tableCounts(orm: MikroORM): Promise<Record<string, number>> {
  const tables = [
    'agency',
    'employee',
    'criterion',
    'period',
    'evaluation',
    'evaluation_score',
    'innovation',
    'training',
    'participation',
    'org_performance',
    'audit_log',
  ];
  const counts: Record<string, number> = {};
  const conn = orm.em.getConnection();
  for (const t of tables) {
    const rows = await conn.execute<{ n: number }[]>(`select count(*)::int as n from ${t}`);
    counts[t] = rows[0]!.n;
  }
  return counts;
}

/** Per file: [rows, created, updated, unchanged]. */
export function fileCounts(report: ImportReport): Record<string, [number, number, number, number]> {
  return Object.fromEntries(report.files.map((f) => [f.file, [f.rows, f.created, f.updated, f.unchanged]]));
}

/** Empties every table the import writes, so that one database serves several scenarios. */
export async function emptyDatabase(orm: MikroORM): Promise<void> {
  await orm.em
    .getConnection()
    .execute(
      'truncate agency, employee, criterion, period, evaluation, evaluation_score, objection, innovation, training,' +
        ' participation, org_performance, audit_log restart identity cascade',
    );
}
