import { fileURLToPath } from 'node:url';
import type { MikroORM } from '@mikro-orm/postgresql';
import { runImport } from '../../src/modules/import/import.service.js';
import { renderMessage, type MessageLocale } from '@kinerja/shared';
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

/** An import error with its message in words, as a report shows it. */
export type WordedImportError = Omit<ImportError, 'problem'> & { message: string };

/** The errors in the order reported, each message in words in `locale` (Indonesian, the default, unless asked). */
export function errorList(report: ImportReport, locale: MessageLocale = 'id'): WordedImportError[] {
  return report.errors.map(({ problem, ...e }) => ({ ...e, message: renderMessage(problem, locale) }));
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
