import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { ScoringPolicy } from '@kinerja/shared';
import { installAnalyticsRefresh, rebuildAnalytics } from '../modules/analytics/refresh.js';
import { runImport } from '../modules/import/import.service.js';
import {
  closeHistoryThrough,
  inTransaction,
  onWritesDone,
  selectIds,
  writeEvaluationResults,
} from '../modules/results/index.js';
import { benchNip, writeLines } from './import.js';

/**
 * The province-scale data set of `pnpm bench analytics` (docs/benchmarks.md "Analytics on 20 million scores"), made
 * fast but through the product where results are concerned:
 *
 * 1. reference rows through the importer (agencies, criteria, employees with supervisors, trainings, participations);
 * 2. periods 2023-Q1..2025-Q4, one SUBMITTED evaluation per employee and quarter (assessor: the supervisor) and 12
 *    criterion scores per evaluation, by `INSERT ... SELECT` in SQL (the unique index and the foreign keys of
 *    `evaluation_score` are dropped during the insert and created again after it);
 * 3. the stored results by the product's closing (`closeHistoryThrough`: the results writer, FINAL, annual results)
 *    with the analytics refresh hook switched off, then the read models by `rebuildAnalytics` (what
 *    `pnpm analytics:rebuild` and the first start after the migration run), in one transaction;
 * 4. period 2026-Q1 OPEN with `closingEvaluations` SUBMITTED evaluations (results written by the writer, refreshed)
 *    for the closing part of the bench.
 *
 * Scores: employee ability (uniform +-12) + noise (uniform +-15) around 92, +6 after the employee's completed
 * training, +10 from one assessor in 97 (lenient), clamped to 0-120 and rounded to 2 decimals; deterministic.
 */

export const AGENCIES = 40;
export const YEARS = [2023, 2024, 2025] as const;
export const CRITERIA_PER_EVALUATION = 12;
export const SCORES_PER_EMPLOYEE = YEARS.length * 4 * CRITERIA_PER_EVALUATION;

const CITY_HK = [
  ['PROFESIONALISME', 20],
  ['DISIPLIN', 15],
  ['INOVASI', 15],
] as const;
const AGENCY_HK = [
  ['CAPAIAN_RHK', 30],
  ['INDEKS_LAYANAN', 20],
] as const;
const PK = [
  ['BERORIENTASI_PELAYANAN', 15],
  ['AKUNTABEL', 15],
  ['KOMPETEN', 15],
  ['HARMONIS', 10],
  ['LOYAL', 15],
  ['ADAPTIF', 15],
  ['KOLABORATIF', 15],
] as const;

const RANKS = ['II/a', 'II/c', 'III/a', 'III/b', 'III/c', 'III/d', 'IV/a', 'IV/b'];

export const agencyCode = (a: number) => `OPD${String(a + 1).padStart(2, '0')}`;

/** A valid NIP: PNS as `benchNip`; a PPPK (every 7th) with contract start 2021, contract count 1. */
export function analyticsNip(i: number): string {
  const nip = benchNip(i);
  return i % 7 === 3 ? `${nip.slice(0, 8)}202121${nip.slice(14)}` : nip;
}

export interface Shape {
  scores: number;
  employees: number;
  perAgency: number;
}

export function shapeOf(scores: number): Shape {
  const employees = Math.max(AGENCIES * 10, Math.ceil(scores / SCORES_PER_EMPLOYEE));
  return { scores: employees * SCORES_PER_EMPLOYEE, employees, perAgency: Math.ceil(employees / AGENCIES) };
}

/** Employee i's agency, its place in the agency, and its supervisor (the head of its group of 10, or the agency head). */
function placeOf(i: number, shape: Shape): { agency: number; local: number; supervisor: number | null } {
  const agency = Math.floor(i / shape.perAgency);
  const local = i % shape.perAgency;
  const head = agency * shape.perAgency;
  const supervisor = local === 0 ? null : local % 10 === 0 ? head : head + Math.floor(local / 10) * 10;
  return { agency, local, supervisor };
}

/** The quarter index (0-11 from 2023-Q1) of employee i's completed training, or null (one in eight is trained). */
export function trainingQuarterOf(i: number): number | null {
  return i % 8 === 5 ? (i * 7) % 12 : null;
}

async function writeReference(dir: string, shape: Shape): Promise<void> {
  await writeLines(
    join(dir, 'agencies.csv'),
    (function* () {
      yield 'code,name,kind\n';
      for (let a = 0; a < AGENCIES; a++) yield `${agencyCode(a)},Perangkat Daerah ${a + 1},DINAS\n`;
    })(),
  );
  await writeLines(
    join(dir, 'criteria.csv'),
    (function* () {
      yield 'code,name,category,weight,agency_code,year_from,indicator_unit,target,direction\n';
      for (const [code, w] of CITY_HK) yield `${code},${code},HASIL_KERJA,${w},,2023,,,\n`;
      for (const [code, w] of PK) yield `${code},${code},PERILAKU_KERJA,${w},,2023,,,\n`;
      for (let a = 0; a < AGENCIES; a++) {
        for (const [code, w] of AGENCY_HK) yield `${code},${code},HASIL_KERJA,${w},${agencyCode(a)},2023,,,\n`;
      }
    })(),
  );
  await writeLines(
    join(dir, 'employees.csv'),
    (function* () {
      yield 'nip,name,gender,employment_type,rank,position,position_type,agency_code,supervisor_nip\n';
      for (let i = 0; i < shape.employees; i++) {
        const { agency, local, supervisor } = placeOf(i, shape);
        const pppk = i % 7 === 3;
        const positionType =
          local === 0 ? 'ADMINISTRATOR' : local % 10 === 0 ? 'PENGAWAS' : i % 2 ? 'FUNGSIONAL' : 'PELAKSANA';
        yield (
          `${analyticsNip(i)},Pegawai ${i},${i % 2 ? 'P' : 'L'},${pppk ? 'PPPK' : 'PNS'},` +
          `${pppk ? 'IX' : RANKS[i % RANKS.length]},Staf,${positionType},${agencyCode(agency)},` +
          `${supervisor === null ? '' : analyticsNip(supervisor)}\n`
        );
      }
    })(),
  );
  await writeLines(
    join(dir, 'trainings.csv'),
    (function* () {
      yield 'code,title,kind,organizer,hours_jp,start_date,end_date,criterion_codes\n';
      for (let q = 0; q < 12; q++) {
        const year = 2023 + Math.floor(q / 4);
        const month = String((q % 4) * 3 + 2).padStart(2, '0');
        yield `PLT${q + 1},Pelatihan ${q + 1},DIKLAT,BKPSDM,24,${year}-${month}-01,${year}-${month}-10,KOMPETEN|ADAPTIF\n`;
      }
    })(),
  );
  await writeLines(
    join(dir, 'participations.csv'),
    (function* () {
      yield 'training_code,nip,status,completed_on,hours_jp\n';
      for (let i = 0; i < shape.employees; i++) {
        const q = trainingQuarterOf(i);
        if (q === null) continue;
        const year = 2023 + Math.floor(q / 4);
        const month = String((q % 4) * 3 + 2).padStart(2, '0');
        yield `PLT${q + 1},${analyticsNip(i)},COMPLETED,${year}-${month}-10,\n`;
      }
    })(),
  );
}

/** The score of evaluation `v` (employee `e`, quarter index `q`, assessor `a`) on criterion `c`, in SQL. */
const SCORE_SQL = `round(least(120, greatest(0,
    92
    + ((e.id::bigint * 2246822519) % 2001) / 2000.0 * 24 - 12
    + ((v.id::bigint * 2654435761 + c.id::bigint * 40503) % 3001) / 3000.0 * 30 - 15
    + case when t.q is not null and q.idx > t.q then 6 else 0 end
    + case when v.assessor_id % 97 = 0 then 10 else 0 end))::numeric, 2)::float8`;

export interface GenerateOptions {
  orm: MikroORM;
  shape: Shape;
  policy: ScoringPolicy;
  closingEvaluations: number;
  log: (line: string) => void;
}

async function step<T>(log: (line: string) => void, what: string, work: () => Promise<T>): Promise<T> {
  const t0 = Date.now();
  log(`  ${what} ...`);
  const result = await work();
  log(`    ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return result;
}

export async function generateAnalyticsData(options: GenerateOptions): Promise<void> {
  const { orm, shape, policy, log } = options;
  const dir = mkdtempSync(join(tmpdir(), 'kinerja-bench-analytics-'));
  try {
    const reference = join(dir, 'reference');
    mkdirSync(reference);
    await step(log, `writing the reference files (${shape.employees.toLocaleString('en-US')} employees)`, () =>
      writeReference(reference, shape),
    );
    const report = await step(log, 'importing them (the importer)', () =>
      runImport({ orm, folder: reference, actor: 'system:bench', policy }),
    );
    if (!report.committed) {
      throw new Error(`the reference import failed: ${JSON.stringify(report.errors.slice(0, 5))}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const knex = orm.em.getConnection().getKnex();
  const run = async (text: string, params: unknown[] = []) => {
    const sql = (await knex.client.acquireConnection()) as import('pg').ClientBase;
    try {
      await sql.query(`set maintenance_work_mem = '512MB'`);
      return await sql.query(text, params);
    } finally {
      await knex.client.releaseConnection(sql);
    }
  };
  await step(log, 'periods, evaluations (SQL)', async () => {
    await run(`insert into period (year, quarter, status)
      select y, q, 'OPEN' from generate_series(2023, 2025) y, generate_series(1, 4) q
      on conflict (year, quarter) do nothing`);
    await run(`insert into evaluation (employee_id, period_id, agency_id, assessor_id, status, submitted_at)
      select e.id, p.id, e.agency_id, e.supervisor_id, 'SUBMITTED', make_timestamptz(p.year, p.quarter * 3, 20, 0, 0, 0, 'UTC')
        from period p cross join employee e
       where p.year between 2023 and 2025
       order by p.year, p.quarter, e.id`);
  });
  await step(log, `${shape.scores.toLocaleString('en-US')} criterion scores (SQL INSERT ... SELECT)`, async () => {
    await run(`alter table evaluation_score drop constraint evaluation_score_evaluation_id_criterion_id_unique,
      drop constraint evaluation_score_criterion_id_foreign, drop constraint evaluation_score_evaluation_id_foreign`);
    await run('drop index evaluation_score_criterion_id_index');
    await run(`insert into evaluation_score (evaluation_id, criterion_id, score)
      select v.id, c.id, ${SCORE_SQL}
        from evaluation v
        join period p on p.id = v.period_id
        cross join lateral (select (p.year - 2023) * 4 + p.quarter - 1 as idx) q
        join employee e on e.id = v.employee_id
        left join (select pa.employee_id, (extract(year from min(pa.completed_on))::int - 2023) * 4
                          + extract(quarter from min(pa.completed_on))::int - 1 as q
                     from participation pa where pa.status = 'COMPLETED' group by pa.employee_id) t
          on t.employee_id = e.id
        join criterion c on c.agency_id is null or c.agency_id = v.agency_id
       where p.year between 2023 and 2025
       order by v.id, c.id`);
    await run(`alter table evaluation_score
      add constraint evaluation_score_evaluation_id_criterion_id_unique unique (evaluation_id, criterion_id)`);
    await run('create index evaluation_score_criterion_id_index on evaluation_score (criterion_id)');
    await run(`alter table evaluation_score
      add constraint evaluation_score_criterion_id_foreign foreign key (criterion_id) references criterion (id)
        on update cascade,
      add constraint evaluation_score_evaluation_id_foreign foreign key (evaluation_id) references evaluation (id)
        on update cascade on delete cascade`);
  });
  await step(log, 'stored results: closing 2023-Q1..2025-Q4 (closeHistoryThrough, refresh hook off)', async () => {
    onWritesDone(async () => undefined);
    try {
      await closeHistoryThrough(orm, { year: 2025, quarter: 4 }, { actor: 'system:bench', policy, reason: 'bench' });
    } finally {
      installAnalyticsRefresh();
    }
  });
  await step(log, 'read models: rebuildAnalytics', () => inTransaction(orm, rebuildAnalytics));
  await step(log, `period 2026-Q1 with ${options.closingEvaluations} SUBMITTED evaluations (results writer)`, () =>
    inTransaction(orm, async (sql) => {
      await sql.query(`insert into period (year, quarter, status) values (2026, 1, 'OPEN') on conflict do nothing`);
      const stride = Math.max(1, Math.floor(shape.employees / options.closingEvaluations));
      await sql.query(
        `insert into evaluation (employee_id, period_id, agency_id, assessor_id, status, submitted_at)
         select e.id, p.id, e.agency_id, e.supervisor_id, 'SUBMITTED', now()
           from employee e, period p
          where p.year = 2026 and p.quarter = 1 and (e.id - 1) % $1 = 0
          order by e.id limit $2`,
        [stride, options.closingEvaluations],
      );
      await sql.query(
        `insert into evaluation_score (evaluation_id, criterion_id, score)
         select v.id, c.id, 80 + (v.id * 7 + c.id * 13) % 30
           from evaluation v join period p on p.id = v.period_id
           join criterion c on c.agency_id is null or c.agency_id = v.agency_id
          where p.year = 2026 and p.quarter = 1`,
      );
      const ids = await selectIds(
        sql,
        `select v.id from evaluation v join period p on p.id = v.period_id where p.year = 2026 and p.quarter = 1`,
      );
      await writeEvaluationResults(sql, ids, policy);
    }),
  );
  await step(log, 'vacuum analyze', async () => {
    for (const table of [
      'employee',
      'evaluation',
      'evaluation_score',
      'annual_result',
      'participation',
      'analytics_evaluation',
      'analytics_score',
      'analytics_cell',
    ]) {
      await run(`vacuum analyze ${table}`);
    }
  });
}
