import {
  CRITERION_CATEGORIES,
  DIRECTIONS,
  roundForComparison,
  type CriterionCategory,
  type Direction,
} from '@kinerja/shared';
import type { CriterionRef, ImportContext } from '../context.js';
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

/** A year far enough ahead to stand for "no end" in the weights check. */
const OPEN_END = 9999;

/**
 * criteria.csv; natural key: code + agency + year_from. After the rows are written, the weights are checked for every
 * agency, year and category the file touches: the city-wide criteria plus the agency's own that are in force must
 * sum to 100 (domain.md).
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
      if (weight !== null && (weight <= 0 || weight > 100)) {
        row.fail('weight', `weight ${row.raw('weight')} must be above 0 and at most 100`);
      }
      const agencyCode = row.orNull('agency_code');
      let agencyId: number | null = null;
      if (agencyCode !== null) {
        agencyId = ctx.agencies.get(agencyCode) ?? null;
        if (agencyId === null) {
          if (ctx.refused.agencies.has(agencyCode)) row.failed = true;
          else row.fail('agency_code', `agency ${agencyCode} not found (neither in the database nor in agencies.csv)`);
        }
      }
      const yearFrom = row.parse('year_from', parseYear, true);
      const yearTo = row.parse('year_to', parseYear);
      if (yearFrom !== null && yearTo !== null && yearTo < yearFrom) {
        row.fail('year_to', `year_to ${yearTo} is before year_from ${yearFrom}`);
      }
      const indicatorUnit = row.maxLength('indicator_unit', row.orNull('indicator_unit'), 32);
      const target = row.parse('target', (raw) => parseNumber(raw, row.separator));
      if (target !== null && target <= 0) row.fail('target', `target ${row.raw('target')} must be above 0`);
      const direction = row.parse('direction', (raw) => parseEnum(raw, DIRECTIONS));
      if ((row.raw('target') === '') !== (row.raw('direction') === '')) {
        const missing = row.raw('target') === '' ? 'target' : 'direction';
        row.fail(missing, `an indicator needs both target and direction; ${missing} is missing`);
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
    describeKey: (r) => `criterion ${r.code} of ${r.agencyCode ?? 'all agencies'} from ${r.yearFrom}`,
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
 * For each category and each agency the file's criteria apply to, the weights in force must sum to 100 in every year
 * a file row covers. The set of criteria in force changes only at a year_from or after a year_to, so checking those
 * years (within the rows' ranges) covers every year. A year with no criterion at all in a category is not checked.
 * Errors of consecutive years with the same sum are reported once ("in 2025-2026").
 */
function checkWeights(ctx: ImportContext, touched: CriterionRow[]): void {
  if (touched.length === 0) return;
  const all: CriterionRef[] = [...ctx.criteria.values()].flat();
  const agencyCodes = new Map([...ctx.agencies].map(([code, id]) => [id, code]));
  for (const category of CRITERION_CATEGORIES) {
    const inCategory = all.filter((c) => c.category === category);
    const rows = touched.filter((r) => r.category === category);
    if (rows.length === 0) continue;
    const boundaries = new Set<number>();
    for (const c of inCategory) {
      boundaries.add(c.yearFrom);
      if (c.yearTo !== null) boundaries.add(c.yearTo + 1);
    }
    const sortedBoundaries = [...boundaries].sort((a, b) => a - b);
    // (agency, year) pairs to check, with the file line that made them checked.
    const checks = new Map<number, Map<number, number>>();
    const agencies = [...ctx.agencies.values()];
    for (const r of rows) {
      const to = r.yearTo ?? OPEN_END;
      const years = sortedBoundaries.filter((y) => y >= r.yearFrom && y <= to);
      // The error points at the agency's own row where there is one (it is the likelier culprit), else the city-wide.
      const rank = r.agencyId === null ? 1_000_000_000 + r.line : r.line;
      for (const agencyId of r.agencyId === null ? agencies : [r.agencyId]) {
        let perYear = checks.get(agencyId);
        if (!perYear) checks.set(agencyId, (perYear = new Map()));
        for (const y of years) if (!perYear.has(y) || perYear.get(y)! > rank) perYear.set(y, rank);
      }
    }
    for (const [agencyId, perYear] of checks) {
      const years = [...perYear.keys()].sort((a, b) => a - b);
      // Runs of checked years with the same wrong sum, over the whole span to the next boundary.
      let run: { from: number; to: number; sum: number; line: number } | null = null;
      const flush = () => {
        if (!run) return;
        const span =
          run.to >= OPEN_END - 1
            ? `from ${run.from} on`
            : run.from === run.to
              ? `in ${run.from}`
              : `in ${run.from}-${run.to}`;
        ctx.error(
          'criteria.csv',
          run.line,
          'weight',
          String(run.sum),
          `weights of ${category} for ${agencyCodes.get(agencyId) ?? agencyId} ${span} sum to ${run.sum}, not 100`,
        );
        run = null;
      };
      for (const year of years) {
        let sum = 0;
        for (const c of inCategory) {
          if (c.yearFrom > year || (c.yearTo !== null && c.yearTo < year)) continue;
          if (c.agencyId === null || c.agencyId === agencyId) sum += c.weight;
        }
        const rounded = roundForComparison(sum);
        const next = sortedBoundaries.find((b) => b > year);
        const end = next === undefined ? OPEN_END : next - 1;
        if (rounded === 0 || rounded === 100) {
          flush();
          continue;
        }
        if (run && run.sum === rounded && run.to + 1 === year) run.to = end;
        else {
          flush();
          run = { from: year, to: end, sum: rounded, line: perYear.get(year)! % 1_000_000_000 };
        }
      }
      flush();
    }
  }
}
