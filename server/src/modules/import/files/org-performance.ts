import { ORG_PREDIKATS, type OrgPredikat } from '@kinerja/shared';
import type { ImportContext } from '../context.js';
import type { FileReport } from '../import.types.js';
import { parseEnum, parseYear } from '../values.js';
import { importSimpleFile } from './common.js';

interface OrgPerformanceRow {
  agencyCode: string;
  agencyId: number;
  year: number;
  predikat: OrgPredikat;
}

/**
 * org_performance.csv; natural key: agency + year. The predikat is recorded as set (not proposed): the file carries
 * the city leaders' decisions, and the import's actor is recorded as who set it.
 */
export async function importOrgPerformance(ctx: ImportContext, path: string): Promise<FileReport> {
  return importSimpleFile<OrgPerformanceRow>(ctx, path, {
    file: 'org_performance.csv',
    columns: [
      { name: 'agency_code', required: true },
      { name: 'year', required: true },
      { name: 'predikat', required: true },
    ],
    spec: {
      table: 'org_performance',
      columns: [
        { name: 'agency_id', type: 'int', key: 'plain' },
        { name: 'year', type: 'smallint', key: 'plain' },
        { name: 'predikat', type: 'text' },
        {
          name: 'set_by',
          type: 'text',
          compare: false,
          update: 'case when t.predikat is distinct from i.predikat then i.set_by else t.set_by end',
        },
        {
          name: 'set_at',
          type: 'bool',
          compare: false,
          insert: 'now()',
          update: 'case when t.predikat is distinct from i.predikat then now() else t.set_at end',
        },
      ],
    },
    keyColumn: 'agency_code',
    check(row) {
      const agencyCode = row.required('agency_code');
      let agencyId: number | null = null;
      if (agencyCode !== null) {
        agencyId = ctx.agencies.get(agencyCode) ?? null;
        if (agencyId === null) {
          if (ctx.refused.agencies.has(agencyCode)) row.failed = true;
          else row.fail('agency_code', { code: 'IMPORT_AGENCY_NOT_FOUND', params: { code: agencyCode } });
        }
      }
      const year = row.parse('year', parseYear, true);
      const predikat = row.parse('predikat', (raw) => parseEnum(raw, ORG_PREDIKATS), true);
      if (row.failed || agencyId === null) return null;
      return { agencyCode: agencyCode!, agencyId, year: year!, predikat: predikat! };
    },
    key: (r) => `${r.agencyId}\u0000${r.year}`,
    describeKey: (r) => ({ file: 'org_performance.csv', agency: r.agencyCode, year: r.year }),
    values: (r) => [r.agencyId, r.year, r.predikat, ctx.actor.slice(0, 64), null],
  });
}
