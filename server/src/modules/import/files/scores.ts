import {
  EVALUATION_STATUSES,
  checkScoreEntry,
  scoreOfEntry,
  nipInvalid,
  validateNip,
  type CriterionCategory,
  type EvaluationStatus,
} from '@kinerja/shared';
import type { ImportContext } from '../context.js';
import { evaluationResultRow, markStale, selectIds, writeEvaluationResults } from '../../results/index.js';
import type { FileReport } from '../import.types.js';
import { FileRows } from '../rows.js';
import { BatchWriter, createStagingTable, type StagingColumn } from '../staging.js';
import { parseEnum, parseNumber, parseQuarter, parseYear } from '../values.js';
import { RowCheck } from './common.js';

/** The accepted rows of scores.csv, staged in a temporary table of the import's transaction. */
const STAGING: StagingColumn[] = [
  { name: 'line', type: 'int' },
  { name: 'employee_id', type: 'int' },
  { name: 'year', type: 'smallint' },
  { name: 'quarter', type: 'smallint' },
  { name: 'criterion_id', type: 'int' },
  { name: 'score', type: 'float8' },
  { name: 'realisation', type: 'float8' },
  { name: 'derived', type: 'bool' },
  { name: 'evidence', type: 'text' },
  { name: 'assessor_id', type: 'int' },
  { name: 'agency_id', type: 'int' },
  { name: 'status', type: 'text' },
];

const BATCH_ROWS = 20_000;

export interface ScoresReport extends FileReport {
  evaluations: { created: number; updated: number; unchanged: number };
  periodsCreated: number;
}

/**
 * scores.csv: one row per criterion of a quarterly evaluation; natural key NIP + year + quarter + criterion. Rows are
 * checked one by one as they stream (only the keys of employees and criteria are held in memory), and the accepted
 * ones are staged in a temporary table in batches. The checks that need the whole file (duplicate rows, rows of one
 * evaluation that disagree, changes in CLOSED periods) then run as SQL over the staging table, and the writes are
 * set-based: missing periods (OPEN), evaluations, scores, and the stored results of FINAL evaluations.
 */
export async function importScores(ctx: ImportContext, path: string): Promise<ScoresReport> {
  const file = 'scores.csv' as const;
  const rows = new FileRows(file, path);
  const report: ScoresReport = {
    file,
    rows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    evaluations: { created: 0, updated: 0, unchanged: 0 },
    periodsCreated: 0,
  };
  await createStagingTable(ctx.sql, 'import_score', STAGING);
  const writer = new BatchWriter(ctx.sql, 'import_score', STAGING, ctx.useCopy);
  const started = Date.now();
  const agencyCodes = new Map([...ctx.agencies].map(([code, id]) => [id, code]));
  const progress = (phase: 'rows' | 'step', step?: string) =>
    ctx.progress({
      file,
      phase,
      rows: report.rows,
      written: writer.written,
      bytesRead: rows.reader.bytesRead,
      bytesTotal: rows.reader.size,
      elapsedSeconds: (Date.now() - started) / 1000,
      step,
    });

  for await (const batch of rows.batches(
    ctx,
    [
      { name: 'nip', required: true },
      { name: 'year', required: true },
      { name: 'quarter', required: true },
      { name: 'criterion_code', required: true },
      { name: 'score' },
      { name: 'realisation' },
      { name: 'assessor_nip' },
      { name: 'agency_code' },
      { name: 'status' },
      { name: 'evidence' },
    ],
    BATCH_ROWS,
  )) {
    const staged: unknown[][] = [];
    for (const record of batch) {
      report.rows++;
      const row = new RowCheck(ctx, rows, record);
      const values = checkScoreRow(ctx, row, agencyCodes);
      if (values) staged.push(values);
    }
    await writer.write(staged);
    progress('rows');
  }
  await writer.flush();
  progress('rows');

  progress('step', 'checking the whole file');
  await checkWholeFile(ctx);
  if (ctx.errorCount > 0) return report;

  progress('step', 'computing the results of new evaluations');
  await computeNewResults(ctx);
  progress('step', 'writing evaluations');
  await writeEvaluations(ctx, report);
  progress('step', 'writing scores');
  await writeScores(ctx, report);
  progress('step', 'storing the results of changed evaluations');
  // Stored evaluations the file changed: the results writer reads all their scores (also those not in the file).
  // A FINAL one among them is being finalised by this import in an OPEN period (CLOSED ones were refused above).
  const changed = await selectIds(
    ctx.sql,
    'select evaluation_id from import_eval where not created and (changed or scores_changed) order by 1',
  );
  await writeEvaluationResults(ctx.sql, changed, ctx.policy, { finalising: true });
  await markStale(
    ctx.sql,
    'scores',
    'select agency_id, year, quarter from import_eval where created or changed or scores_changed',
  );
  return report;
}

/** The results of new evaluations, one row per (employee, year, quarter), computed before they are inserted. */
const RESULT_COLUMNS: StagingColumn[] = [
  { name: 'employee_id', type: 'int' },
  { name: 'year', type: 'smallint' },
  { name: 'quarter', type: 'smallint' },
  { name: 'hk', type: 'float8' },
  { name: 'pk', type: 'float8' },
  { name: 'score', type: 'float8' },
  { name: 'hkr', type: 'text' },
  { name: 'pkr', type: 'text' },
  { name: 'predikat', type: 'text' },
  { name: 'weights', type: 'text' },
];

const FETCH_ROWS = 20_000;

/**
 * Computes the results of the evaluations the file creates from its staged rows, with the pure batch computation of
 * the results module (docs/scoring.md "Stored results"), so that they are inserted with their results: no read-back
 * and update of the evaluation table. The staged rows are read sorted by evaluation through a cursor, a chunk at a
 * time, so memory stays bounded however large the file.
 */
async function computeNewResults(ctx: ImportContext): Promise<void> {
  const sql = ctx.sql;
  const criteria = new Map<number, { code: string; category: CriterionCategory; weight: number }>();
  for (const list of ctx.criteria.values()) for (const c of list) criteria.set(c.id, c);
  await createStagingTable(sql, 'import_result', RESULT_COLUMNS);
  const writer = new BatchWriter(sql, 'import_result', RESULT_COLUMNS, ctx.useCopy);
  // The cursor is read to its end: plan for all rows, not for the first tenth (the default).
  await sql.query('set local cursor_tuple_fraction = 1.0');
  await sql.query(`declare import_new_scores no scroll cursor for
    select s.employee_id, s.year, s.quarter, s.criterion_id, s.score
      from import_score s join import_eval ie using (employee_id, year, quarter)
     where ie.evaluation_id is null
     order by s.employee_id, s.year, s.quarter`);
  let key: [number, number, number] | null = null;
  let scores: { criterionCode: string; category: CriterionCategory; weight: number; score: number }[] = [];
  let batch: unknown[][] = [];
  const finish = () => {
    if (key === null) return;
    const r = evaluationResultRow(0, scores, ctx.policy);
    batch.push([
      ...key,
      r.hasilKerjaScore,
      r.perilakuKerjaScore,
      r.score,
      r.hasilKerjaRating,
      r.perilakuKerjaRating,
      r.predikat,
      JSON.stringify(r.weights),
    ]);
  };
  for (;;) {
    const { rows } = await sql.query<[number, number, number, number, number]>({
      text: `fetch ${FETCH_ROWS} from import_new_scores`,
      rowMode: 'array',
    });
    for (const [employeeId, year, quarter, criterionId, score] of rows) {
      if (key === null || key[0] !== employeeId || key[1] !== year || key[2] !== quarter) {
        finish();
        key = [employeeId, year, quarter];
        scores = [];
      }
      const criterion = criteria.get(criterionId)!;
      scores.push({ criterionCode: criterion.code, category: criterion.category, weight: criterion.weight, score });
    }
    if (rows.length < FETCH_ROWS) break;
    await writer.write(batch);
    batch = [];
  }
  finish();
  await sql.query('close import_new_scores');
  await writer.write(batch);
  await writer.flush();
  await sql.query('alter table import_result add primary key (employee_id, year, quarter)');
}

/**
 * The honest date of an imported step of an evaluation of quarter (year, quarter) in `ie`: the quarter's end (its
 * last second, UTC), or now for a quarter that has not ended (docs/workflow.md "Honest history").
 */
const QUARTER_END = `least(now(), (make_date(ie.year, ie.quarter * 3 - 2, 1) + interval '3 months')::timestamp
  at time zone 'UTC' - interval '1 second')`;

/** Checks one row; returns the staging values, or null when the row has errors (reported) or cannot be placed. */
function checkScoreRow(ctx: ImportContext, row: RowCheck, agencyCodes: Map<number, string>): unknown[] | null {
  const nip = row.required('nip');
  let employee = null;
  if (nip !== null) {
    employee = ctx.employees.get(nip) ?? null;
    if (employee === null) {
      if (ctx.refused.nips.has(nip)) row.failed = true;
      else {
        const check = validateNip(nip);
        if (!check.ok) row.fail('nip', nipInvalid(check.errors));
        else row.fail('nip', { code: 'IMPORT_EMPLOYEE_NOT_FOUND', params: { nip } });
      }
    }
  }
  const year = row.parse('year', parseYear, true);
  const quarter = row.parse('quarter', parseQuarter, true);
  const agencyCode = row.raw('agency_code');
  let agencyId = employee?.agencyId ?? null;
  if (agencyCode !== '') {
    agencyId = ctx.agencies.get(agencyCode) ?? null;
    if (agencyId === null) {
      if (ctx.refused.agencies.has(agencyCode)) row.failed = true;
      else row.fail('agency_code', { code: 'IMPORT_AGENCY_NOT_FOUND', params: { code: agencyCode } });
    }
  }
  const code = row.required('criterion_code');
  let criterion = null;
  if (code !== null && agencyId !== null && year !== null) {
    criterion = ctx.criterionFor(code, agencyId, year);
    if (criterion === null) {
      if (ctx.refused.criterionCodes.has(code)) row.failed = true;
      else if (!ctx.criteria.has(code)) {
        row.fail('criterion_code', { code: 'IMPORT_CRITERION_NOT_FOUND', params: { code } });
      } else {
        row.fail('criterion_code', {
          code: 'IMPORT_CRITERION_NOT_APPLICABLE',
          params: { code, agency: agencyCodes.get(agencyId) ?? agencyCode, year },
        });
      }
    }
  }
  // Score entry by the shared rules (docs/scoring.md#entering-a-score): a score on 0..120 or a realisation >= 0.
  const number = (column: string) =>
    row.raw(column) === '' ? null : row.parse(column, (raw) => parseNumber(raw, row.separator));
  const entry = { score: number('score'), realisation: number('realisation') };
  const parsed =
    (entry.score !== null || row.raw('score') === '') && (entry.realisation !== null || row.raw('realisation') === '');
  let score: number | null = null;
  let realisation: number | null = null;
  if (parsed && criterion === null) {
    row.problems(checkScoreEntry(entry, ctx.policy.scoreMax));
  } else if (parsed && criterion !== null) {
    const stored = scoreOfEntry(entry, criterion, ctx.policy.scoreMax);
    if (stored.ok) ({ score, realisation } = stored);
    else row.problems(stored.problems);
  }
  const assessorNip = row.raw('assessor_nip');
  let assessorId = employee?.supervisorId ?? null;
  if (assessorNip !== '') {
    const assessor = ctx.employees.get(assessorNip);
    if (assessor) assessorId = assessor.id;
    else if (ctx.refused.nips.has(assessorNip)) row.failed = true;
    else row.fail('assessor_nip', { code: 'IMPORT_ASSESSOR_NOT_FOUND', params: { nip: assessorNip } });
    if (assessorNip === nip) row.fail('assessor_nip', { code: 'IMPORT_SELF_ASSESSOR', params: {} });
  }
  const statusRaw = row.raw('status');
  let status: EvaluationStatus = 'FINAL';
  if (statusRaw !== '') {
    const parsed = parseEnum(statusRaw, EVALUATION_STATUSES);
    if (parsed.ok) status = parsed.value;
    else row.fail('status', parsed.problem);
  }
  if (row.failed || employee === null || criterion === null || score === null) return null;
  const evidence = row.raw('evidence');
  return [
    row.line,
    employee.id,
    year,
    quarter,
    criterion.id,
    score,
    realisation,
    realisation !== null,
    evidence === '' ? null : evidence,
    assessorId,
    agencyId,
    status,
  ];
}

/** Errors are listed at most this many per check (the error list has its own cap as well). */
const CHECK_LIMIT = 10_001;

/**
 * The checks that need every row: the same criterion twice for one evaluation, rows of one evaluation that disagree on
 * assessor, agency or status (compared with the evaluation's first row), and rows that add or change a score in a
 * CLOSED period. Builds `import_eval`, one row per evaluation (employee, year, quarter) with the values of its first
 * row, its period and the stored evaluation, if any.
 */
async function checkWholeFile(ctx: ImportContext): Promise<void> {
  const sql = ctx.sql;
  const file = 'scores.csv';
  const dup = await sql.query<{
    line: number;
    first_line: number;
    nip: string;
    code: string;
    year: number;
    quarter: number;
  }>(
    `select d.line, d.first_line, e.nip, c.code, d.year, d.quarter
       from (select unnest(lines[2:]) as line, lines[1] as first_line, employee_id, criterion_id, year, quarter
               from (select array_agg(line order by line) as lines, employee_id, criterion_id, year, quarter
                       from import_score group by employee_id, year, quarter, criterion_id
                      having count(*) > 1) g) d
       join employee e on e.id = d.employee_id join criterion c on c.id = d.criterion_id
      order by d.line limit ${CHECK_LIMIT}`,
  );
  for (const d of dup.rows) {
    ctx.error(file, d.line, 'criterion_code', d.code, {
      code: 'IMPORT_DUPLICATE_ROW',
      params: {
        key: { file: 'scores.csv', nip: d.nip, year: d.year, quarter: d.quarter, criterion: d.code },
        line: d.first_line,
      },
    });
  }

  // One pass over the staged rows builds the evaluations and tells which of them have rows that disagree: when all
  // rows agree, min() is every row's value; only an evaluation that disagrees needs its first row's values (below).
  await sql.query(`create temporary table import_eval on commit drop as
    select employee_id, year, quarter, min(line) as first_line, count(*)::int as rows,
           min(assessor_id) as assessor_id, min(agency_id) as agency_id, min(status) as status,
           (${DIFFERS_WITHIN('assessor_id')} or ${DIFFERS_WITHIN('agency_id')} or ${DIFFERS_WITHIN('status')})
             as disagrees
      from import_score group by employee_id, year, quarter`);
  await sql.query(`alter table import_eval
    add column period_id int, add column period_closed boolean not null default false, add column evaluation_id int,
    add column stored_assessor_id int, add column stored_agency_id int, add column stored_status text,
    add column created boolean not null default false, add column changed boolean not null default false,
    add column scores_changed boolean not null default false`);
  await sql.query('analyze import_eval');
  const { rows: disagreeing } = await sql.query('select 1 from import_eval where disagrees limit 1');
  if (disagreeing.length > 0) await reportDisagreements(ctx);

  await sql.query(`update import_eval ie set period_id = p.id, period_closed = (p.status = 'CLOSED')
      from period p where p.year = ie.year and p.quarter = ie.quarter`);
  await sql.query(`update import_eval ie set evaluation_id = e.id, stored_assessor_id = e.assessor_id,
        stored_agency_id = e.agency_id, stored_status = e.status
      from evaluation e where e.employee_id = ie.employee_id and e.period_id = ie.period_id`);
  const { rows: closed } = await sql.query('select 1 from import_eval where period_closed limit 1');
  if (closed.length > 0) await reportClosedPeriodChanges(ctx);
}

/** Whether the rows of one evaluation differ in `column` (a value and a null count as different). */
const DIFFERS_WITHIN = (column: string) =>
  `(min(${column}) is distinct from max(${column}) or count(${column}) not in (0, count(*)))`;

/**
 * Rows of one evaluation that disagree on assessor, agency or status, each compared with the evaluation's first row.
 * Runs only when the one pass found such an evaluation, so a clean file pays nothing for it.
 */
async function reportDisagreements(ctx: ImportContext): Promise<void> {
  const sql = ctx.sql;
  const file = 'scores.csv';
  await sql.query(`update import_eval ie set assessor_id = s.assessor_id, agency_id = s.agency_id, status = s.status
      from import_score s where ie.disagrees and s.line = ie.first_line`);
  const disagree = await sql.query<{
    line: number;
    first_line: number;
    column: string;
    value: string | null;
    first_value: string | null;
  }>(
    `select x.line, x.first_line, d.col as column, d.value, d.first_value
       from (select s.line, ie.first_line, s.assessor_id, s.agency_id, s.status,
                    ie.assessor_id as first_assessor_id, ie.agency_id as first_agency_id, ie.status as first_status
               from import_score s join import_eval ie using (employee_id, year, quarter)
              where ie.disagrees
                and (s.assessor_id, s.agency_id, s.status) is distinct from (ie.assessor_id, ie.agency_id, ie.status)
              order by s.line limit ${CHECK_LIMIT}) x
       cross join lateral (values
         ('assessor_nip', (select nip from employee where id = x.assessor_id),
          (select nip from employee where id = x.first_assessor_id), x.assessor_id is distinct from x.first_assessor_id),
         ('agency_code', (select code from agency where id = x.agency_id),
          (select code from agency where id = x.first_agency_id), x.agency_id is distinct from x.first_agency_id),
         ('status', x.status, x.first_status, x.status is distinct from x.first_status)
       ) as d(col, value, first_value, differs)
      where d.differs order by x.line`,
  );
  for (const d of disagree.rows) {
    ctx.error(file, d.line, d.column, d.value, {
      code: 'IMPORT_EVALUATION_DISAGREES',
      params: { column: d.column, value: d.value, line: d.first_line, firstValue: d.first_value },
    });
  }
}

/**
 * Rows that would change a CLOSED period: an evaluation whose assessor, agency or status would change, or a score
 * that would be added or changed. Runs only when the file touches a CLOSED period.
 */
async function reportClosedPeriodChanges(ctx: ImportContext): Promise<void> {
  const sql = ctx.sql;
  const file = 'scores.csv';
  // CLOSED periods: an evaluation whose assessor, agency or status would change...
  const closedEval = await sql.query<{
    first_line: number;
    column: string;
    value: string | null;
    stored: string | null;
    year: number;
    quarter: number;
  }>(
    `select x.first_line, d.col as column, d.value, d.stored, x.year, x.quarter
       from (select * from import_eval ie
              where ie.period_closed and ie.evaluation_id is not null
                and (ie.assessor_id, ie.agency_id, ie.status)
                    is distinct from (ie.stored_assessor_id, ie.stored_agency_id, ie.stored_status)
              order by ie.first_line limit ${CHECK_LIMIT}) x
       cross join lateral (values
         ('assessor_nip', (select nip from employee where id = x.assessor_id),
          (select nip from employee where id = x.stored_assessor_id), x.assessor_id is distinct from x.stored_assessor_id),
         ('agency_code', (select code from agency where id = x.agency_id),
          (select code from agency where id = x.stored_agency_id), x.agency_id is distinct from x.stored_agency_id),
         ('status', x.status, x.stored_status, x.status is distinct from x.stored_status)
       ) as d(col, value, stored, differs)
      where d.differs order by x.first_line`,
  );
  for (const d of closedEval.rows) {
    ctx.error(file, d.first_line, d.column, d.value, {
      code: 'IMPORT_CLOSED_EVALUATION',
      params: { year: d.year, quarter: d.quarter, column: d.column, stored: d.stored, value: d.value },
    });
  }
  // ... and a score that would be added or changed.
  const closedScores = await sql.query<{
    line: number;
    code: string;
    stored: number | null;
    score: number;
    year: number;
    quarter: number;
    derived: boolean;
    stored_realisation: number | null;
    realisation: number | null;
  }>(
    `select s.line, c.code, es.score as stored, s.score, s.year, s.quarter, s.derived,
            es.realisation as stored_realisation, s.realisation
       from import_score s join import_eval ie using (employee_id, year, quarter)
       join criterion c on c.id = s.criterion_id
       left join evaluation_score es on es.evaluation_id = ie.evaluation_id and es.criterion_id = s.criterion_id
      where ie.period_closed and (es.id is null or ${SCORE_CHANGED})
      order by s.line limit ${CHECK_LIMIT}`,
  );
  for (const d of closedScores.rows) {
    const column = d.derived ? 'realisation' : 'score';
    const value = String(d.derived ? d.realisation : d.score);
    if (d.stored === null) {
      ctx.error(file, d.line, column, value, {
        code: 'IMPORT_CLOSED_SCORE_ADDED',
        params: { year: d.year, quarter: d.quarter, criterion: d.code },
      });
    } else {
      const stored = d.derived
        ? { kind: 'realisation' as const, value: d.stored_realisation }
        : { kind: 'score' as const, value: d.stored };
      ctx.error(file, d.line, column, value, {
        code: 'IMPORT_CLOSED_SCORE_CHANGED',
        params: { year: d.year, quarter: d.quarter, criterion: d.code, stored },
      });
    }
  }
}

/**
 * Whether a staged row `s` differs from the stored score `es`. A score derived from a realisation is compared by its
 * realisation: the stored score keeps the target in force when it was entered (docs/scoring.md#entering-a-score), so re-importing the same
 * realisation after a change of target changes nothing.
 */
const SCORE_CHANGED = `(case when s.derived
    then (es.derived_from_indicator, es.realisation, es.evidence) is distinct from (true, s.realisation, s.evidence)
    else (es.derived_from_indicator, es.score, es.evidence) is distinct from (false, s.score, s.evidence) end)`;

/** Missing periods (OPEN), new evaluations, and stored evaluations whose assessor, agency or status changed. */
async function writeEvaluations(ctx: ImportContext, report: ScoresReport): Promise<void> {
  const sql = ctx.sql;
  const periods = await sql.query(`insert into period (year, quarter)
      select distinct year, quarter from import_eval where period_id is null
      on conflict (year, quarter) do nothing`);
  report.periodsCreated = periods.rowCount ?? 0;
  await sql.query(`update import_eval ie set period_id = p.id from period p
      where ie.period_id is null and p.year = ie.year and p.quarter = ie.quarter`);
  const { rows: planned } = await sql.query<{ n: number }>(
    'select coalesce(sum(rows), 0)::int as n from import_eval where evaluation_id is null',
  );
  const foreignKeys = planned[0]!.n >= ctx.bulkThreshold ? await suspendForeignKeys(ctx, 'evaluation') : [];
  const created = await sql.query(
    `with ins as (
       insert into evaluation (employee_id, period_id, agency_id, assessor_id, status, policy_version,
                               hasil_kerja_score, perilaku_kerja_score, score, hasil_kerja_rating,
                               perilaku_kerja_rating, predikat, result_weights,
                               submitted_at, acknowledged_at, finalized_at)
       select ie.employee_id, ie.period_id, ie.agency_id, ie.assessor_id, ie.status, $1,
              r.hk, r.pk, r.score, r.hkr, r.pkr, r.predikat, r.weights::jsonb,
              case when ie.status <> 'DRAFT' then ${QUARTER_END} end,
              case when ie.status in ('ACKNOWLEDGED', 'FINAL') then ${QUARTER_END} end,
              case when ie.status = 'FINAL' then ${QUARTER_END} end
         from import_eval ie join import_result r using (employee_id, year, quarter)
        where ie.evaluation_id is null
       returning id, employee_id, period_id)
     update import_eval ie set evaluation_id = ins.id, created = true
       from ins where ie.employee_id = ins.employee_id and ie.period_id = ins.period_id`,
    [ctx.policy.version],
  );
  report.evaluations.created = created.rowCount ?? 0;
  await restoreForeignKeys(ctx, 'evaluation', foreignKeys);
  // Their results are written afterwards by the results writer, from all their scores.
  await sql.query(
    `with upd as (
       update evaluation e set agency_id = ie.agency_id, assessor_id = ie.assessor_id, status = ie.status,
              policy_version = coalesce(e.policy_version, $1),
              finalized_at = case when ie.status = 'FINAL' then coalesce(e.finalized_at, ${QUARTER_END}) end,
              acknowledged_at = case when ie.status in ('ACKNOWLEDGED', 'FINAL')
                                     then coalesce(e.acknowledged_at, ${QUARTER_END}) end,
              submitted_at = case when ie.status <> 'DRAFT' then coalesce(e.submitted_at, ${QUARTER_END}) end,
              version = e.version + 1, updated_at = now()
       from import_eval ie
        where e.id = ie.evaluation_id and not ie.created
          and (e.assessor_id, e.agency_id, e.status) is distinct from (ie.assessor_id, ie.agency_id, ie.status)
       returning e.id)
     update import_eval ie set changed = true from upd where ie.evaluation_id = upd.id`,
    [ctx.policy.version],
  );
}

/** Updates the stored scores that differ, inserts the new ones, and counts created / updated / unchanged. */
async function writeScores(ctx: ImportContext, report: ScoresReport): Promise<void> {
  const sql = ctx.sql;
  await sql.query('analyze import_score');
  const updated = await sql.query<{ n: number }>(
    `with upd as (
       update evaluation_score es set score = case when s.derived and es.realisation = s.realisation
                                                   then es.score else s.score end,
              realisation = s.realisation, derived_from_indicator = s.derived, evidence = s.evidence
         from import_score s join import_eval ie using (employee_id, year, quarter)
        where not ie.created and es.evaluation_id = ie.evaluation_id and es.criterion_id = s.criterion_id
          and ${SCORE_CHANGED}
       returning es.evaluation_id),
     mark as (update import_eval ie set scores_changed = true
               where ie.evaluation_id in (select evaluation_id from upd))
     select count(*)::int as n from upd`,
  );
  report.updated = updated.rows[0]!.n;
  // Stored evaluations that gain a score (new evaluations have only new scores).
  await sql.query(`update import_eval ie set scores_changed = true
      from (select distinct s.employee_id, s.year, s.quarter
              from import_score s join import_eval o using (employee_id, year, quarter)
             where not o.created and not exists (select 1 from evaluation_score es
                                                  where es.evaluation_id = o.evaluation_id
                                                    and es.criterion_id = s.criterion_id)) g
     where ie.employee_id = g.employee_id and ie.year = g.year and ie.quarter = g.quarter`);
  const { rows: planned } = await sql.query<{ n: number }>(
    'select coalesce(sum(rows), 0)::int as n from import_eval where created',
  );
  const bulk = planned[0]!.n >= ctx.bulkThreshold;
  const foreignKeys = bulk ? await suspendForeignKeys(ctx, 'evaluation_score') : [];
  const indexes = bulk ? await suspendIndexesOfEmptyTable(ctx, 'evaluation_score') : [];
  const inserted = await sql.query(
    `insert into evaluation_score (evaluation_id, criterion_id, score, realisation, derived_from_indicator, evidence)
     select ie.evaluation_id, s.criterion_id, s.score, s.realisation, s.derived, s.evidence
       from import_score s join import_eval ie using (employee_id, year, quarter)
      where ie.created or not exists (select 1 from evaluation_score es
                                       where es.evaluation_id = ie.evaluation_id and es.criterion_id = s.criterion_id)`,
  );
  // Building an index over the inserted rows sorts them once, instead of one index insertion per row.
  await restoreIndexes(ctx, indexes);
  // Re-adding a foreign key validates every row in one set-based scan, instead of one query per inserted row.
  await restoreForeignKeys(ctx, 'evaluation_score', foreignKeys);
  report.created = inserted.rowCount ?? 0;
  report.unchanged = report.rows - report.created - report.updated;
  const evaluations = await sql.query<{ updated: number; unchanged: number }>(
    `select count(*) filter (where not created and (changed or scores_changed))::int as updated,
            count(*) filter (where not created and not changed and not scores_changed)::int as unchanged
       from import_eval`,
  );
  report.evaluations.updated = evaluations.rows[0]!.updated;
  report.evaluations.unchanged = evaluations.rows[0]!.unchanged;
}

/**
 * Bulk mode, for an import that adds at least `bulkThreshold` scores (a province's first load): PostgreSQL 15 checks a
 * foreign key with one query per inserted row, which made four fifths of the time of inserting 10 million scores. The
 * foreign keys of evaluation_score are dropped inside the import's transaction and re-added, with their stored
 * definitions, after the insert; re-adding validates them all at once. Nobody else ever sees the table without them
 * (the change is part of the transaction), but the transaction then holds the score, evaluation and criterion tables
 * exclusively until it ends: readers wait. Without the right to alter the table (not its owner) the import goes on
 * with the keys in place.
 */
async function suspendForeignKeys(
  ctx: ImportContext,
  table: 'evaluation' | 'evaluation_score',
): Promise<{ name: string; definition: string }[]> {
  const sql = ctx.sql;
  const { rows } = await sql.query<{ name: string; definition: string }>(
    `select conname as name, pg_get_constraintdef(oid) as definition from pg_constraint
      where conrelid = $1::regclass and contype = 'f' order by conname`,
    [table],
  );
  await sql.query('savepoint import_bulk');
  try {
    for (const fk of rows) await sql.query(`alter table ${table} drop constraint "${fk.name}"`);
    await sql.query('release savepoint import_bulk');
    ctx.bulk = true;
    return rows;
  } catch {
    await sql.query('rollback to savepoint import_bulk');
    return [];
  }
}

async function restoreForeignKeys(
  ctx: ImportContext,
  table: 'evaluation' | 'evaluation_score',
  foreignKeys: { name: string; definition: string }[],
): Promise<void> {
  for (const fk of foreignKeys)
    await ctx.sql.query(`alter table ${table} add constraint "${fk.name}" ${fk.definition}`);
}

/**
 * Bulk mode into an empty table (a province's first load): its indexes and its primary and unique keys are dropped
 * inside the import's transaction and built again after the insert, which sorts the rows once per index instead of
 * inserting them one by one into each index (the whole-file checks have already refused duplicate keys). Like the
 * foreign keys, nobody else sees the table without them. Returns the statements that rebuild them, in order: keys
 * first, then the plain indexes. A table that already has rows keeps its indexes (rebuilding them would cost more
 * than it saves).
 */
async function suspendIndexesOfEmptyTable(ctx: ImportContext, table: 'evaluation_score'): Promise<string[]> {
  const sql = ctx.sql;
  const { rows: any } = await sql.query(`select 1 from ${table} limit 1`);
  if (any.length > 0) return [];
  const { rows: keys } = await sql.query<{ name: string; definition: string }>(
    `select conname as name, pg_get_constraintdef(oid) as definition from pg_constraint
      where conrelid = $1::regclass and contype in ('p', 'u') order by contype, conname`,
    [table],
  );
  const { rows: indexes } = await sql.query<{ name: string; definition: string }>(
    `select i.relname as name, pg_get_indexdef(i.oid) as definition
       from pg_index x join pg_class i on i.oid = x.indexrelid
      where x.indrelid = $1::regclass
        and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)
      order by i.relname`,
    [table],
  );
  await sql.query('savepoint import_indexes');
  try {
    for (const index of indexes) await sql.query(`drop index "${index.name}"`);
    for (const key of keys) await sql.query(`alter table ${table} drop constraint "${key.name}"`);
    await sql.query('release savepoint import_indexes');
  } catch {
    await sql.query('rollback to savepoint import_indexes');
    return [];
  }
  return [
    ...keys.map((key) => `alter table ${table} add constraint "${key.name}" ${key.definition}`),
    ...indexes.map((index) => index.definition),
  ];
}

async function restoreIndexes(ctx: ImportContext, statements: string[]): Promise<void> {
  for (const statement of statements) await ctx.sql.query(statement);
}
