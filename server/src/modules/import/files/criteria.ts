import {
  CRITERION_CATEGORIES,
  DIRECTIONS,
  checkIndicator,
  checkWeight,
  checkWeightSums,
  checkYearSpan,
  type CriterionCategory,
  type Direction,
  type WeightScope,
} from '@kinerja/shared';
import type { ImportContext } from '../context.js';
import type { FileReport } from '../import.types.js';
import { parseEnum, parseNumber, parseYear } from '../values.js';
import { importSimpleFile } from './common.js';

interface CriterionRow {
  code: string;
  name: string;
  category: CriterionCategory;
  weight: number;
  agencyId: number | null;
  agencyCode: string | null;
  yearFrom: number;
  yearTo: number | null;
  indicatorUnit: string | null;
  target: number | null;
  direction: Direction | null;
  description: string | null;
  line: number;
}

/**
 * criteria.csv; natural key: code + agency + year_from. After the rows are written, the weights are checked for every
 * agency, year and category the file touches: the city-wide criteria plus the agency's own that are in force must
 * sum to 100 (docs/scoring.md#criteria-and-weights).
 */
export async function importCriteria(ctx: ImportContext, path: string): Promise<FileReport> {
  const touched: CriterionRow[] = [];
  const report = await importSimpleFile<CriterionRow>(ctx, path, {
    file: 'criteria.csv',
    columns: [
      { name: 'code', required: true },
      { name: 'name', required: true },
      { name: 'category', required: true },
      { name: 'weight', required: true },
      { name: 'agency_code' },
      { name: 'year_from', required: true },
      { name: 'year_to' },
      { name: 'indicator_unit' },
      { name: 'target' },
      { name: 'direction' },
      { name: 'description' },
    ],
    spec: {
      table: 'criterion',
      columns: [
        { name: 'code', type: 'text', key: 'plain' },
        { name: 'agency_id', type: 'int', key: 'nullable' },
        { name: 'year_from', type: 'smallint', key: 'plain' },
        { name: 'name', type: 'text' },
        { name: 'category', type: 'text' },
        { name: 'weight', type: 'float8' },
        { name: 'year_to', type: 'smallint' },
        { name: 'indicator_unit', type: 'text' },
        { name: 'target', type: 'float8' },
        { name: 'direction', type: 'text' },
        { name: 'description', type: 'text' },
      ],
      touch: 'updated_at = now()',
    },
    keyColumn: 'code',
    check(row) {
      const code = row.maxLength('code', row.required('code'), 64);
      const name = row.maxLength('name', row.required('name'), 200);
      const category = row.parse('category', (raw) => parseEnum(raw, CRITERION_CATEGORIES), true);
      const weight = row.parse('weight', (raw) => parseNumber(raw, row.separator), true);
      if (weight !== null) row.problems(checkWeight(weight));
      const agencyCode = row.orNull('agency_code');
      let agencyId: number | null = null;
      if (agencyCode !== null) {
        agencyId = ctx.agencies.get(agencyCode) ?? null;
        if (agencyId === null) {
          if (ctx.refused.agencies.has(agencyCode)) row.failed = true;
          else row.fail('agency_code', { code: 'IMPORT_AGENCY_NOT_FOUND', params: { code: agencyCode } });
        }
      }
      const yearFrom = row.parse('year_from', parseYear, true);
      const yearTo = row.parse('year_to', parseYear);
      if (yearFrom !== null)
        row.problems(checkYearSpan(yearFrom, yearTo), { yearFrom: 'year_from', yearTo: 'year_to' });
      const indicatorUnit = row.maxLength('indicator_unit', row.orNull('indicator_unit'), 32);
      const target = row.parse('target', (raw) => parseNumber(raw, row.separator));
      const direction = row.parse('direction', (raw) => parseEnum(raw, DIRECTIONS));
      // Checked on what was read: a value that could not be read is reported once, by its reader.
      if ((target !== null) === (row.raw('target') !== '') && (direction !== null) === (row.raw('direction') !== '')) {
        row.problems(checkIndicator(target, direction));
      }
      if (row.failed) {
        if (code !== null) ctx.refused.criterionCodes.add(code);
        return null;
      }
      return {
        code: code!,
        name: name!,
        category: category!,
        weight: weight!,
        agencyId,
        agencyCode,
        yearFrom: yearFrom!,
        yearTo,
        indicatorUnit,
        target,
        direction,
        description: row.orNull('description'),
        line: row.line,
      };
    },
    key: (r) => `${r.code}\u0000${r.agencyId ?? 0}\u0000${r.yearFrom}`,
    describeKey: (r) => ({ file: 'criteria.csv', code: r.code, agency: r.agencyCode, yearFrom: r.yearFrom }),
    values: (r) => [
      r.code,
      r.agencyId,
      r.yearFrom,
      r.name,
      r.category,
      r.weight,
      r.yearTo,
      r.indicatorUnit,
      r.target,
      r.direction,
      r.description,
    ],
    async afterBatch(rows) {
      touched.push(...rows);
    },
  });
  await ctx.loadCriteria();
  checkWeights(ctx, touched);
  return report;
}

/**
 * The weights rule (the shared `checkWeightSums`) for every agency and category the file's rows apply to, in the years
 * each row is in force, over the criteria of the database and the file together. A broken sum is reported on the
 * line of the row that asked for the check: the agency's own row where there is one (it is the likelier culprit),
 * else the city-wide one, the first in the file.
 */
function checkWeights(ctx: ImportContext, touched: CriterionRow[]): void {
  if (touched.length === 0) return;
  const criteria = [...ctx.criteria.values()].flat();
  const agencyCodes = new Map([...ctx.agencies].map(([code, id]) => [id, code]));
  const rows = [...touched].sort(
    (a, b) => Number(a.agencyId === null) - Number(b.agencyId === null) || a.line - b.line,
  );
  const scopes: WeightScope<number>[] = rows.flatMap((r) =>
    (r.agencyId === null ? [...ctx.agencies.values()] : [r.agencyId]).map((agencyId) => ({
      agencyId,
      agency: agencyCodes.get(agencyId) ?? String(agencyId),
      category: r.category,
      from: r.yearFrom,
      to: r.yearTo,
      ref: r.line,
    })),
  );
  for (const p of checkWeightSums(criteria, scopes)) {
    ctx.error('criteria.csv', p.ref, 'weight', String(p.params.sum), { code: p.code, params: p.params }, p.code);
  }
}
