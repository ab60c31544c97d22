import { TRAINING_KINDS, type TrainingKind } from '@kinerja/shared';
import type { ImportContext } from '../context.js';
import type { FileReport } from '../import.types.js';
import { parseDate, parseEnum, parseNumber } from '../values.js';
import { importSimpleFile } from './common.js';

interface TrainingRow {
  code: string;
  title: string;
  kind: TrainingKind;
  organizer: string | null;
  hoursJp: number;
  startDate: string | null;
  endDate: string | null;
  criterionCodes: string;
}

/** trainings.csv; natural key: code. `criterion_codes` are separated by `|` and must be codes of known criteria. */
export async function importTrainings(ctx: ImportContext, path: string): Promise<FileReport> {
  const report = await importSimpleFile<TrainingRow>(ctx, path, {
    file: 'trainings.csv',
    columns: [
      { name: 'code', required: true },
      { name: 'title', required: true },
      { name: 'kind', required: true },
      { name: 'organizer' },
      { name: 'hours_jp', required: true },
      { name: 'start_date' },
      { name: 'end_date' },
      { name: 'criterion_codes' },
    ],
    spec: {
      table: 'training',
      columns: [
        { name: 'code', type: 'text', key: 'plain' },
        { name: 'title', type: 'text' },
        { name: 'kind', type: 'text' },
        { name: 'organizer', type: 'text' },
        { name: 'hours_jp', type: 'float8' },
        { name: 'start_date', type: 'date' },
        { name: 'end_date', type: 'date' },
        {
          name: 'criterion_codes',
          type: 'text',
          insert: `coalesce(string_to_array(nullif(i.criterion_codes, ''), '|'), '{}')`,
          update: `coalesce(string_to_array(nullif(i.criterion_codes, ''), '|'), '{}')`,
        },
      ],
    },
    keyColumn: 'code',
    check(row) {
      const code = row.maxLength('code', row.required('code'), 64);
      const title = row.maxLength('title', row.required('title'), 300);
      const kind = row.parse('kind', (raw) => parseEnum(raw, TRAINING_KINDS), true);
      const organizer = row.maxLength('organizer', row.orNull('organizer'), 200);
      const hoursJp = row.parse('hours_jp', (raw) => parseNumber(raw, row.separator), true);
      if (hoursJp !== null && hoursJp <= 0) {
        row.fail('hours_jp', {
          code: 'IMPORT_NOT_POSITIVE',
          params: { column: 'hours_jp', value: row.raw('hours_jp') },
        });
      }
      const startDate = row.parse('start_date', parseDate);
      const endDate = row.parse('end_date', parseDate);
      if (startDate !== null && endDate !== null && endDate < startDate) {
        row.fail('end_date', {
          code: 'IMPORT_DATE_ORDER',
          params: { column: 'end_date', value: endDate, before: 'start_date', beforeValue: startDate },
        });
      }
      const codes = row
        .raw('criterion_codes')
        .split('|')
        .map((c) => c.trim())
        .filter((c) => c !== '');
      for (const c of codes) {
        if (!ctx.criteria.has(c) && !ctx.refused.criterionCodes.has(c)) {
          row.fail('criterion_codes', { code: 'IMPORT_CRITERION_NOT_FOUND', params: { code: c } });
        }
      }
      if (row.failed) {
        if (code !== null) ctx.refused.trainings.add(code);
        return null;
      }
      return {
        code: code!,
        title: title!,
        kind: kind!,
        organizer,
        hoursJp: hoursJp!,
        startDate,
        endDate,
        criterionCodes: [...new Set(codes)].join('|'),
      };
    },
    key: (r) => r.code,
    describeKey: (r) => ({ file: 'trainings.csv', code: r.code }),
    values: (r) => [r.code, r.title, r.kind, r.organizer, r.hoursJp, r.startDate, r.endDate, r.criterionCodes],
  });
  await ctx.loadTrainings();
  return report;
}
