import { AGENCY_KINDS, type AgencyKind } from '@kinerja/shared';
import type { ImportContext } from '../context.js';
import type { FileReport } from '../import.types.js';
import { parseEnum } from '../values.js';
import { importSimpleFile } from './common.js';

interface AgencyRow {
  code: string;
  name: string;
  kind: AgencyKind | null;
}

/** agencies.csv: `code*`, `name*`, `kind`; natural key: code. */
export async function importAgencies(ctx: ImportContext, path: string): Promise<FileReport> {
  const report = await importSimpleFile<AgencyRow>(ctx, path, {
    file: 'agencies.csv',
    columns: [{ name: 'code', required: true }, { name: 'name', required: true }, { name: 'kind' }],
    spec: {
      table: 'agency',
      columns: [
        { name: 'code', type: 'text', key: 'plain' },
        { name: 'name', type: 'text' },
        { name: 'kind', type: 'text' },
      ],
      touch: 'updated_at = now()',
    },
    keyColumn: 'code',
    check(row) {
      const code = row.maxLength('code', row.required('code'), 32);
      const name = row.maxLength('name', row.required('name'), 200);
      const kind = row.parse('kind', (raw) => parseEnum(raw, AGENCY_KINDS));
      if (code !== null && /\s/.test(code)) row.fail('code', { code: 'IMPORT_CODE_SPACES', params: { code } });
      if (row.failed) {
        if (code) ctx.refused.agencies.add(code);
        return null;
      }
      return { code: code!, name: name!, kind };
    },
    key: (r) => r.code,
    describeKey: (r) => ({ file: 'agencies.csv', code: r.code }),
    values: (r) => [r.code, r.name, r.kind],
  });
  await ctx.loadAgencies();
  return report;
}
