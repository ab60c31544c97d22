import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { groupPlan, type GroupedRequest } from '../../src/modules/analytics/grouped.js';
import { rebuildAnalyticsIfEmpty } from '../../src/modules/analytics/refresh.js';
import { onAnalyticsSql } from '../../src/modules/analytics/request.js';
import { inTransaction } from '../../src/modules/results/index.js';
import { accountToken } from '../helpers/auth.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { readModelDifferences } from '../helpers/read-models-check.js';
import { buildScenario, type CriterionSpec, type Scenario } from '../helpers/scenario.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { ok, type Json } from '../workflow/helpers.js';

/**
 * The pre-aggregated cells (`analytics_cell`, docs/analytics.md "Read models and their refresh"): which answers are
 * read from them, their figures against hand-worked values, suppression on them, and their rebuild when empty.
 *
 * 12 employees, 2025 Q1 and Q2, the agencies in turn: DISDIK 0, 3, 6, 9; DINKES 1, 4, 7, 10; BKPSDM 2, 5, 8, 11
 * (0, 1, 2 head them). Every criterion score of employee i is 100 + i in Q1 and 105 + i in Q2, except:
 * - AKUNTABEL in Q2 is scored for 0..3 only (4 employees);
 * - IKM (BKPSDM) in Q2 for employee 2 only (one score: 107);
 * - PRESTASI_SISWA (DISDIK) is derived from a realisation for 0 and 3 and judged for 6 and 9 (two cells a quarter);
 * - GANDA: BKPSDM has two criteria of that code in force (HASIL_KERJA from 2020, PERILAKU_KERJA from 2021), so each
 *   BKPSDM evaluation holds two GANDA scores, in two cells: 100 and 110 in Q1, 102 and 112 in Q2. 8 scores a quarter
 *   from 4 employees: the cells must count 4 employees, not 8.
 *
 * Hand-worked: a city-wide code in Q1 pools the three agencies' 100..111: n 12, mean 105.5, sd sqrt(143 / 11) =
 * sqrt(13) (Σ (i - 5.5)² over 0..11 is 143); in Q2 105..116: mean 110.5, sd sqrt(13); over both quarters 24 values,
 * mean 108, Σ (x - 108)² = 218 + 218, sd sqrt(436 / 23). GANDA in a quarter: mean 105 (Q1) or 107 (Q2), every value
 * 5 from the mean, sd sqrt(8 * 25 / 7). IKM Q1: 102 105 108 111, mean 106.5, sd sqrt(45 / 3) = sqrt(15); Q2: n 1,
 * mean 107, sd null.
 */

const GANDA: CriterionSpec[] = [
  { code: 'GANDA', name: 'Ganda (hasil)', category: 'HASIL_KERJA', weight: 10, agencyCode: 'BKPSDM', yearFrom: 2020 },
  {
    code: 'GANDA',
    name: 'Ganda (perilaku)',
    category: 'PERILAKU_KERJA',
    weight: 10,
    agencyCode: 'BKPSDM',
    yearFrom: 2021,
  },
];

const TREND_MEANS = `query ($input: TrendInput!) { performanceTrend(input: $input) {
  year quarter key n mean stddev suppressed note } }`;
const TREND_FULL = `query ($input: TrendInput!) { performanceTrend(input: $input) {
  year quarter key n mean stddev median suppressed note } }`;
const STATS_MEANS = `query ($input: ScoreStatisticsInput!) { scoreStatistics(input: $input) {
  keys { value } n mean stddev min max suppressed note } }`;
const STATS_FULL = `query ($input: ScoreStatisticsInput!) { scoreStatistics(input: $input) {
  keys { value } n mean stddev min p25 max suppressed note } }`;
const COMPARISON = `query ($year: Int!, $quarter: Int) { agencyComparison(year: $year, quarter: $quarter) {
  agency { code } n criterionMeans { criterion mean suppressed } suppressed } }`;

const Q1 = { year: 2025, quarter: 1 };
const Q2 = { year: 2025, quarter: 2 };
const SQRT13 = Math.sqrt(13);
const GANDA_SD = Math.sqrt((8 * 25) / 7);

describe('groupPlan: where a grouped answer is computed (a table)', () => {
  const request = (over: Partial<GroupedRequest> & { from?: number; to?: number }): GroupedRequest => ({
    dimensions: over.dimensions ?? ['PERIOD', 'CRITERION'],
    metric: 'SCORE',
    filter: { from: over.from ?? 8100, to: over.to ?? 8103, predikats: over.filter?.predikats },
    predikatCounts: over.predikatCounts ?? false,
    quantiles: over.quantiles ?? false,
  });
  const FULL = { kind: 'FULL' } as const;
  const RESTRICTED = { kind: 'RESTRICTED' } as const;
  const HEAD = { kind: 'AGENCY_HEAD', agencyCode: 'DISDIK' } as const;
  const cases: [string, GroupedRequest, typeof FULL | typeof RESTRICTED | typeof HEAD, string, string][] = [
    ['criterion per quarter, means only', request({}), RESTRICTED, 'cells', 'cells'],
    ['the same for an agency head', request({}), HEAD, 'cells', 'cells'],
    ['the same for ADMIN: nobody counted', request({}), FULL, 'cells', 'none'],
    ['quantiles asked for', request({ quantiles: true }), RESTRICTED, 'scores', 'distinct'],
    ['quantiles, ADMIN', request({ quantiles: true }), FULL, 'scores', 'none'],
    ['predikat counts', request({ predikatCounts: true }), RESTRICTED, 'scores', 'distinct'],
    ['PREDIKAT dimension', request({ dimensions: ['CRITERION', 'PREDIKAT'] }), FULL, 'scores', 'none'],
    ['predikat filter', request({ filter: { from: 0, to: 0, predikats: ['BAIK'] } }), FULL, 'scores', 'none'],
    [
      'criterion over quarters: not additive',
      request({ dimensions: ['CRITERION', 'AGENCY'] }),
      RESTRICTED,
      'scores',
      'distinct',
    ],
    ['criterion over quarters, ADMIN', request({ dimensions: ['CRITERION', 'YEAR'] }), FULL, 'cells', 'none'],
    [
      'criterion, a range of one quarter',
      request({ dimensions: ['CRITERION'], from: 8100, to: 8100 }),
      RESTRICTED,
      'cells',
      'cells',
    ],
    [
      'quarterly scores per quarter',
      request({ dimensions: ['PERIOD', 'AGENCY'] }),
      RESTRICTED,
      'evaluations',
      'distinct',
    ],
    ['quarterly scores over quarters', request({ dimensions: ['AGENCY'] }), RESTRICTED, 'evaluations', 'distinct'],
    [
      'quarterly scores, one quarter',
      request({ dimensions: ['ALL'], from: 8101, to: 8101 }),
      HEAD,
      'evaluations',
      'distinct',
    ],
    ['quarterly scores, ADMIN', request({ dimensions: ['AGENCY'], quantiles: true }), FULL, 'evaluations', 'none'],
  ];
  it.each(cases)('%s', (_, req, caller, source, employees) => {
    expect(groupPlan(req, caller)).toEqual({ source, employees });
  });
});

describe('analytics_cell: figures, suppression and rebuild', () => {
  let db: TestDatabase;
  let server: TestServer;
  let scenario: Scenario;
  let admin: Record<string, string>;
  let analyst: Record<string, string>;
  let bkpsdmHead: Record<string, string>;

  /** The SQL texts of the analytics reads of `run`. */
  const sqlOf = async (run: () => Promise<unknown>): Promise<string> => {
    const texts: string[] = [];
    const stop = onAnalyticsSql((text) => texts.push(text));
    try {
      await run();
    } finally {
      stop();
    }
    return texts.join('\n');
  };
  const byKey = (points: Json[]) => new Map(points.map((p) => [`${p.quarter ?? ''}|${p.key}`, p]));

  beforeAll(async () => {
    db = await createTestDatabase();
    scenario = await buildScenario(db.orm, {
      employees: 12,
      quarters: [1, 2],
      extraCriteria: GANDA,
      score: (index, quarter, criterion) => {
        if (criterion.code === 'GANDA') {
          return (quarter === 1 ? 100 : 102) + (criterion.category === 'PERILAKU_KERJA' ? 10 : 0);
        }
        if (quarter === 2 && criterion.code === 'AKUNTABEL' && index > 3) return null;
        if (quarter === 2 && criterion.code === 'IKM' && index !== 2) return null;
        const score = (quarter === 1 ? 100 : 105) + index;
        if (criterion.code === 'PRESTASI_SISWA' && (index === 0 || index === 3)) {
          return { score, realisation: (score * 80) / 100 };
        }
        return score;
      },
    });
    server = await startTestServer(db.orm);
    const em = db.orm.em.fork();
    admin = (await accountToken(em, { login: 'admin', role: 'ADMIN' })).headers;
    analyst = (await accountToken(em, { login: 'analyst', role: 'ANALYST' })).headers;
    bkpsdmHead = (
      await accountToken(em, { login: 'kabkpsdm', role: 'AGENCY_HEAD', employeeId: scenario.employees[2].id })
    ).headers;
  });

  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  it('holds the cells hand-worked: two judged cells of PRESTASI_SISWA, two GANDA cells counting 4 employees', async () => {
    const rows = (await db.orm.em
      .fork()
      .getConnection()
      .execute(
        `select c.criterion_code, c.category, c.judged, sum(c.n)::int as n, sum(c.n_employees)::int as n_employees,
                sum(c.score_sum)::text as score_sum, sum(c.score_sum_squares)::text as score_sum_squares,
                min(c.score_min) as min, max(c.score_max) as max
           from analytics_cell c where c.year = 2025 and c.quarter = 1
            and c.criterion_code in ('GANDA', 'PRESTASI_SISWA')
          group by 1, 2, 3 order by 1, 2, 3`,
      )) as Json[];
    expect(rows).toEqual([
      // 4 x 100 and 4 x 110; the first GANDA criterion (HASIL_KERJA, the lower id) counts the employees.
      {
        criterion_code: 'GANDA',
        category: 'HASIL_KERJA',
        judged: true,
        n: 4,
        n_employees: 4,
        score_sum: '400',
        score_sum_squares: '40000',
        min: 100,
        max: 100,
      },
      {
        criterion_code: 'GANDA',
        category: 'PERILAKU_KERJA',
        judged: true,
        n: 4,
        n_employees: 0,
        score_sum: '440',
        score_sum_squares: '48400',
        min: 110,
        max: 110,
      },
      // Derived for 0 and 3 (100, 103), judged for 6 and 9 (106, 109).
      {
        criterion_code: 'PRESTASI_SISWA',
        category: 'HASIL_KERJA',
        judged: false,
        n: 2,
        n_employees: 2,
        score_sum: '203',
        score_sum_squares: String(100 * 100 + 103 * 103),
        min: 100,
        max: 103,
      },
      {
        criterion_code: 'PRESTASI_SISWA',
        category: 'HASIL_KERJA',
        judged: true,
        n: 2,
        n_employees: 2,
        score_sum: '215',
        score_sum_squares: String(106 * 106 + 109 * 109),
        min: 106,
        max: 109,
      },
    ]);
  });

  it('trend by CRITERION without quartiles: from the cells, the hand-worked figures; with them, the same', async () => {
    const input = { groupBy: 'CRITERION', from: Q1, to: Q2 };
    let means: Json[] = [];
    const cellsSql = await sqlOf(async () => {
      means = (await ok(server, admin, TREND_MEANS, { input })).performanceTrend;
    });
    expect(cellsSql).toMatch(/analytics_cell/);
    expect(cellsSql).not.toMatch(/analytics_score/);
    let full: Json[] = [];
    const scoresSql = await sqlOf(async () => {
      full = (await ok(server, admin, TREND_FULL, { input })).performanceTrend;
    });
    expect(scoresSql).toMatch(/analytics_score/);
    expect(scoresSql).not.toMatch(/analytics_cell/);

    const got = byKey(means);
    // 10 city-wide codes, 6 agency codes and GANDA in Q1; the same in Q2.
    expect(means).toHaveLength(34);
    expect(got.get('1|PROFESIONALISME')).toMatchObject({ n: 12, suppressed: false });
    expect(got.get('1|PROFESIONALISME').mean).toBeCloseTo(105.5, 9);
    expect(got.get('1|PROFESIONALISME').stddev).toBeCloseTo(SQRT13, 9);
    expect(got.get('2|PROFESIONALISME').mean).toBeCloseTo(110.5, 9);
    expect(got.get('2|PROFESIONALISME').stddev).toBeCloseTo(SQRT13, 9);
    // AKUNTABEL in Q2: 105 106 107 108 (employees 0..3, three agencies), mean 106.5, sd sqrt(5 / 3).
    expect(got.get('2|AKUNTABEL').n).toBe(4);
    expect(got.get('2|AKUNTABEL').mean).toBeCloseTo(106.5, 9);
    expect(got.get('2|AKUNTABEL').stddev).toBeCloseTo(Math.sqrt(5 / 3), 9);
    expect(got.get('1|IKM').mean).toBeCloseTo(106.5, 9);
    expect(got.get('1|IKM').stddev).toBeCloseTo(Math.sqrt(15), 9);
    expect(got.get('2|IKM')).toMatchObject({ n: 1, mean: 107, stddev: null });
    expect(got.get('1|GANDA').n).toBe(8);
    expect(got.get('1|GANDA').mean).toBeCloseTo(105, 9);
    expect(got.get('1|GANDA').stddev).toBeCloseTo(GANDA_SD, 9);
    expect(got.get('2|GANDA').mean).toBeCloseTo(107, 9);
    // PRESTASI_SISWA Q1 over its two cells (derived and judged): 100 103 106 109, mean 104.5, sd sqrt(45 / 3).
    expect(got.get('1|PRESTASI_SISWA').n).toBe(4);
    expect(got.get('1|PRESTASI_SISWA').mean).toBeCloseTo(104.5, 9);
    expect(got.get('1|PRESTASI_SISWA').stddev).toBeCloseTo(Math.sqrt(15), 9);
    // The path through the scores agrees on every point.
    for (const p of full) {
      const m = got.get(`${p.quarter}|${p.key}`);
      expect([m.n, m.suppressed]).toEqual([p.n, p.suppressed]);
      expect(m.mean).toBeCloseTo(p.mean, 9);
      if (p.stddev === null) expect(m.stddev).toBeNull();
      else expect(m.stddev).toBeCloseTo(p.stddev, 9);
    }
  });

  it('ANALYST: the groups of fewer than 5 employees suppressed (GANDA: 8 scores, 4 employees), a second group with AKUNTABEL', async () => {
    const input = { groupBy: 'CRITERION', from: Q1, to: Q2 };
    const means = (await ok(server, analyst, TREND_MEANS, { input })).performanceTrend as Json[];
    const full = (await ok(server, analyst, TREND_FULL, { input })).performanceTrend as Json[];
    const hidden = means.filter((p) => p.suppressed).map((p) => `${p.quarter}|${p.key}`);
    // Every agency code (4 employees) and GANDA in both quarters; AKUNTABEL in Q2 (4 employees), and so, against
    // differencing, AKUNTABEL in Q1 (its only sibling over the periods); IKM in Q2 (1 employee).
    expect(hidden.sort()).toEqual(
      [
        '1|AKUNTABEL',
        '1|CAKUPAN_KESMAS',
        '1|CAPAIAN_RHK',
        '1|GANDA',
        '1|IKM',
        '1|KEHADIRAN_KEGIATAN',
        '1|POSYANDU',
        '1|PRESTASI_SISWA',
        '2|AKUNTABEL',
        '2|CAKUPAN_KESMAS',
        '2|CAPAIAN_RHK',
        '2|GANDA',
        '2|IKM',
        '2|KEHADIRAN_KEGIATAN',
        '2|POSYANDU',
        '2|PRESTASI_SISWA',
      ].sort(),
    );
    const notes = byKey(means);
    expect(notes.get('1|AKUNTABEL').note).toMatch(/^Disembunyikan bersama/);
    expect(notes.get('2|AKUNTABEL').note).toMatch(/kurang dari 5 pegawai/);
    for (const p of means.filter((p) => p.suppressed)) expect([p.n, p.mean, p.stddev]).toEqual([null, null, null]);
    // The same decisions as the path through the scores (count(distinct employee_id)).
    expect(means.map((p) => [p.quarter, p.key, p.suppressed, p.note])).toEqual(
      full.map((p) => [p.quarter, p.key, p.suppressed, p.note]),
    );
  });

  it('the head of BKPSDM sees the codes of their agency alone in full; the pooled codes as everyone', async () => {
    const input = { groupBy: 'CRITERION', from: Q1, to: Q1 };
    const points = byKey((await ok(server, bkpsdmHead, TREND_MEANS, { input })).performanceTrend);
    expect(points.get('1|GANDA')).toMatchObject({ n: 8, suppressed: false });
    expect(points.get('1|IKM')).toMatchObject({ n: 4, suppressed: false });
    expect(points.get('1|PRESTASI_SISWA')).toMatchObject({ n: null, suppressed: true });
    expect(points.get('1|PROFESIONALISME')).toMatchObject({ n: 12, suppressed: false });
  });

  it('statistics over two quarters: ADMIN from the cells, ANALYST from the scores (an employee counted once)', async () => {
    const input = {
      groupBy: ['CRITERION'],
      filter: { from: Q1, to: Q2, criterionCodes: ['PROFESIONALISME', 'INOVASI', 'GANDA'] },
    };
    let forAdmin: Json[] = [];
    const adminSql = await sqlOf(async () => {
      forAdmin = (await ok(server, admin, STATS_MEANS, { input })).scoreStatistics;
    });
    expect(adminSql).toMatch(/analytics_cell/);
    expect(forAdmin.map((g) => [g.keys[0].value, g.n, g.min, g.max])).toEqual([
      ['GANDA', 16, 100, 112],
      ['INOVASI', 24, 100, 116],
      ['PROFESIONALISME', 24, 100, 116],
    ]);
    expect(forAdmin[1].mean).toBeCloseTo(108, 9);
    expect(forAdmin[1].stddev).toBeCloseTo(Math.sqrt(436 / 23), 9);
    // GANDA over both quarters: 4 x 100, 4 x 110, 4 x 102, 4 x 112, mean 106, Σ (x - 106)² = 4 * (36 + 16 + 16 + 36).
    expect(forAdmin[0].mean).toBeCloseTo(106, 9);
    expect(forAdmin[0].stddev).toBeCloseTo(Math.sqrt((4 * 104) / 15), 9);

    let forAnalyst: Json[] = [];
    const analystSql = await sqlOf(async () => {
      forAnalyst = (await ok(server, analyst, STATS_MEANS, { input })).scoreStatistics;
    });
    expect(analystSql).toMatch(/count\(distinct a\.employee_id\)/);
    expect(analystSql).not.toMatch(/analytics_cell/);
    // GANDA: 16 scores from 4 employees: suppressed; against differencing the smaller of the other two, ties by the
    // lower code: INOVASI.
    expect(forAnalyst.map((g) => [g.keys[0].value, g.suppressed, g.n])).toEqual([
      ['GANDA', true, null],
      ['INOVASI', true, null],
      ['PROFESIONALISME', false, 24],
    ]);
    expect(forAnalyst[2].stddev).toBeCloseTo(Math.sqrt(436 / 23), 9);
    // With a quartile asked for, ADMIN's answer comes from the scores, with the same figures.
    const withQuartile = (await ok(server, admin, STATS_FULL, { input })).scoreStatistics as Json[];
    expect(withQuartile.map((g) => [g.keys[0].value, g.n, g.min, g.max])).toEqual(
      forAdmin.map((g) => [g.keys[0].value, g.n, g.min, g.max]),
    );
    withQuartile.forEach((g, i) => expect(g.stddev).toBeCloseTo(forAdmin[i].stddev, 9));
  });

  it('statistics by PERIOD x CRITERION x AGENCY for ANALYST: from the cells, groups within one agency', async () => {
    const input = {
      groupBy: ['PERIOD', 'CRITERION', 'AGENCY'],
      filter: { from: Q1, to: Q1, criterionCodes: ['INOVASI'] },
    };
    let groups: Json[] = [];
    const text = await sqlOf(async () => {
      groups = (await ok(server, analyst, STATS_MEANS, { input })).scoreStatistics;
    });
    expect(text).toMatch(/analytics_cell/);
    // 4 employees in each agency: every group suppressed.
    expect(groups.map((g) => [g.keys.map((k: Json) => k.value).join('|'), g.suppressed])).toEqual([
      ['2025-Q1|INOVASI|BKPSDM', true],
      ['2025-Q1|INOVASI|DINKES', true],
      ['2025-Q1|INOVASI|DISDIK', true],
    ]);
    const shown = (await ok(server, admin, STATS_MEANS, { input })).scoreStatistics as Json[];
    // DISDIK: 100 103 106 109, mean 104.5, sd sqrt(45 / 3).
    expect(shown[2]).toMatchObject({ n: 4, min: 100, max: 109 });
    expect(shown[2].mean).toBeCloseTo(104.5, 9);
    expect(shown[2].stddev).toBeCloseTo(Math.sqrt(15), 9);
  });

  it('agency comparison: criterion means from the cells for a quarter, and for a year for ADMIN', async () => {
    const quarterSql = await sqlOf(() => ok(server, admin, COMPARISON, { year: 2025, quarter: 1 }));
    expect(quarterSql).toMatch(/analytics_cell/);
    const quarter = (await ok(server, admin, COMPARISON, { year: 2025, quarter: 1 })).agencyComparison as Json[];
    const bkpsdm = quarter.find((r) => r.agency.code === 'BKPSDM')!;
    const means = new Map(bkpsdm.criterionMeans.map((m: Json) => [m.criterion, m.mean]));
    expect(means.get('GANDA')).toBeCloseTo(105, 9);
    expect(means.get('IKM')).toBeCloseTo(106.5, 9);
    // PROFESIONALISME in BKPSDM Q1: 102 105 108 111.
    expect(means.get('PROFESIONALISME')).toBeCloseTo(106.5, 9);
    let year: Json[] = [];
    const yearSql = await sqlOf(async () => {
      year = (await ok(server, admin, COMPARISON, { year: 2025 })).agencyComparison;
    });
    expect(yearSql).toMatch(/analytics_cell/);
    // IKM over the year: 102 105 108 111 and 107: 533 / 5.
    const yearMeans = new Map(
      year.find((r) => r.agency.code === 'BKPSDM')!.criterionMeans.map((m: Json) => [m.criterion, m.mean]),
    );
    expect(yearMeans.get('IKM')).toBeCloseTo(533 / 5, 9);
    // For the head of BKPSDM the year's employees are counted: from the scores (distinct employees).
    const headSql = await sqlOf(() => ok(server, bkpsdmHead, COMPARISON, { year: 2025 }));
    expect(headSql).toMatch(/count\(distinct employee_id\)/);
    const forHead = (await ok(server, bkpsdmHead, COMPARISON, { year: 2025 })).agencyComparison as Json[];
    const headMeans = new Map(
      forHead.find((r) => r.agency.code === 'BKPSDM')!.criterionMeans.map((m: Json) => [m.criterion, m.mean]),
    );
    expect(headMeans.get('IKM')).toBeCloseTo(533 / 5, 9);
    expect(headMeans.get('GANDA')).toBeCloseTo(106, 9);
  });

  it('an empty analytics_cell is built when the database is opened, and only it', async () => {
    const connection = db.orm.em.fork().getConnection();
    await connection.execute('delete from analytics_cell');
    // A mark on the evaluation read model: if it were rebuilt, the mark would go.
    const [{ evaluation_id: marked }] = await connection.execute<{ evaluation_id: number }[]>(
      `update analytics_evaluation set status = 'MARKED'
        where evaluation_id = (select min(evaluation_id) from analytics_evaluation) returning evaluation_id`,
    );
    if (db.real) {
      const reopened = await openDatabase({ databaseUrl: db.url, dataDir: null, poolMax: 1 });
      await reopened.close();
    } else {
      // The embedded database takes one connection: what openDatabase runs after the migrations, in this one.
      await inTransaction(db.orm, rebuildAnalyticsIfEmpty);
    }
    const [{ cells }] = await connection.execute<{ cells: number }[]>(
      'select count(*)::int as cells from analytics_cell',
    );
    expect(cells).toBeGreaterThan(0);
    const [{ status }] = await connection.execute<{ status: string }[]>(
      'select status from analytics_evaluation where evaluation_id = ?',
      [marked],
    );
    expect(status).toBe('MARKED');
    await connection.execute(`update analytics_evaluation set status = 'SUBMITTED' where evaluation_id = ?`, [marked]);
    expect((await readModelDifferences(db.orm)).differences).toEqual([]);
    // With nothing missing, nothing is built; with the first model empty, every model is.
    expect(await inTransaction(db.orm, rebuildAnalyticsIfEmpty)).toEqual([]);
    await connection.execute('delete from analytics_score');
    await connection.execute('delete from analytics_evaluation');
    await connection.execute('delete from analytics_cell');
    expect(await inTransaction(db.orm, rebuildAnalyticsIfEmpty)).toEqual([
      'evaluations and scores',
      'cells of criterion scores',
    ]);
    const check = await readModelDifferences(db.orm);
    expect(check.differences).toEqual([]);
    expect(check.cells).toBeGreaterThan(0);
  });
});
