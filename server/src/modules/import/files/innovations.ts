import type { ImportContext } from '../context.js';
import type { FileReport } from '../import.types.js';
import { parseQuarter, parseYear } from '../values.js';
import { importSimpleFile, type RowCheck } from './common.js';

interface InnovationRow {
  nip: string;
  employeeId: number;
  year: number;
  quarter: number;
  title: string;
  description: string | null;
  verifiedById: number | null;
}

/** Looks up an employee named in a column; reports a NIP that is not known (unless its own row was refused). */
export function knownEmployee(ctx: ImportContext, row: RowCheck, column: string, nip: string | null): number | null {
  if (nip === null || nip === '') return null;
  const employee = ctx.employees.get(nip);
  if (employee) return employee.id;
  if (ctx.refused.nips.has(nip)) row.failed = true;
  else row.fail(column, { code: 'IMPORT_EMPLOYEE_NOT_FOUND', params: { nip } }, nip);
  return null;
}

/**
 * innovations.csv; natural key: NIP + year + quarter + title. An empty verified_by_nip leaves a stored verification as
 * it is (an administrator may have verified the innovation in the application); a verifier given is recorded with the
 * time of the first verification.
 */
export async function importInnovations(ctx: ImportContext, path: string): Promise<FileReport> {
  return importSimpleFile<InnovationRow>(ctx, path, {
    file: 'innovations.csv',
    columns: [
      { name: 'nip', required: true },
      { name: 'year', required: true },
      { name: 'quarter', required: true },
      { name: 'title', required: true },
      { name: 'description' },
      { name: 'verified_by_nip' },
    ],
    spec: {
      table: 'innovation',
      columns: [
        { name: 'employee_id', type: 'int', key: 'plain' },
        { name: 'year', type: 'smallint', key: 'plain' },
        { name: 'quarter', type: 'smallint', key: 'plain' },
        { name: 'title', type: 'text', key: 'plain' },
        { name: 'description', type: 'text' },
        { name: 'verified_by_id', type: 'int', update: 'coalesce(i.verified_by_id, t.verified_by_id)' },
        {
          name: 'verified_at',
          type: 'bool',
          insert: 'case when i.verified_by_id is not null then now() end',
          update: 'case when i.verified_by_id is not null then coalesce(t.verified_at, now()) else t.verified_at end',
          compare: false,
        },
      ],
    },
    keyColumn: 'title',
    check(row) {
      const nip = row.required('nip');
      const employeeId = knownEmployee(ctx, row, 'nip', nip);
      const year = row.parse('year', parseYear, true);
      const quarter = row.parse('quarter', parseQuarter, true);
      const title = row.maxLength('title', row.required('title'), 300);
      const verifiedById = knownEmployee(ctx, row, 'verified_by_nip', row.orNull('verified_by_nip'));
      if (row.failed || employeeId === null) return null;
      return {
        nip: nip!,
        employeeId,
        year: year!,
        quarter: quarter!,
        title: title!,
        description: row.orNull('description'),
        verifiedById,
      };
    },
    key: (r) => `${r.employeeId}\u0000${r.year}\u0000${r.quarter}\u0000${r.title}`,
    describeKey: (r) => ({ file: 'innovations.csv', nip: r.nip, year: r.year, quarter: r.quarter, title: r.title }),
    values: (r) => [r.employeeId, r.year, r.quarter, r.title, r.description, r.verifiedById, null],
  });
}
