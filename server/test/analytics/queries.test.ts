import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, type OperationDefinitionNode } from 'graphql';
import { EXAMPLE_QUERIES } from '../../src/graphql/graphiql.js';
import { onAnalyticsSql } from '../../src/modules/analytics/request.js';
import { accountToken } from '../helpers/auth.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { buildScenario, type Scenario } from '../helpers/scenario.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { ok, refused, type Json } from '../workflow/helpers.js';

/**
 * The analytics queries against a named scenario whose figures are worked by hand below (docs/analytics.md).
 *
 * 20 employees, 2025 Q1 and Q2, the default agencies taking turns: DISDIK 0, 3, 6, 9, 12, 15, 18; DINKES 1, 4, 7,
 * 10, 13, 16, 19; BKPSDM 2, 5, 8 (11, 14, 17 have no evaluations). 0, 1, 2 head their agencies (rank IV/c); 12 is a
 * PPPK (golongan IX); everyone else is a PNS III/b. 18 and 19 are DRAFT in Q1 and OBJECTED in Q2: they count nowhere.
 * Every criterion score of employee i is 90 + i in Q1 and 100 + i in Q2, so each category score and quarterly score
 * is that value (predikat BAIK below 110, SANGAT_BAIK from 110).
 *
 * Q1 quarterly scores:  DISDIK 90 93 96 99 102 105   DINKES 91 94 97 100 103 106   BKPSDM 92 95 98
 * Q2 quarterly scores:  DISDIK 100 103 106 109 112 115   DINKES 101 104 107 110 113 116   BKPSDM 102 105 108
 *
 * Training: employee 3 completed LAT-A (12 JP, 2025-03-10) and LAT-B (10 JP, 2025-05-01); 12 (PPPK) completed LAT-B
 * (10 JP, 2025-02-02); 6 completed LAT-A on 2024-12-20 (another year); 9 is enrolled in LAT-B (does not count).
 */

const TREND = `query ($input: TrendInput!) { performanceTrend(input: $input) {
  year quarter periodLabel key label n mean median stddev p25 p75 suppressed note } }`;
const STATS = `query ($input: ScoreStatisticsInput!) { scoreStatistics(input: $input) {
  keys { dimension value label } n mean stddev min p25 median p75 max predikatCounts { predikat count share }
  suppressed note } }`;
const COMPARISON = `query ($year: Int!, $quarter: Int) { agencyComparison(year: $year, quarter: $quarter) {
  agency { code } n meanScore rank predikatCounts { predikat count share } criterionMeans { criterion mean }
  trainingJpPerEmployee shareMeeting20Jp suppressed note } }`;
const DISTRIBUTION = `query ($agencyCode: String!, $year: Int!) { distributionCheck(agencyCode: $agencyCode, year: $year) {
  orgPredikat counts { predikat count share } rules { rule met detail } met suppressed note } }`;

const Q1 = { year: 2025, quarter: 1 };
const Q2 = { year: 2025, quarter: 2 };

/** Sample standard deviation of 6 values 3 apart (90, 93, ..., 105): sqrt(9 * 3.5) = sqrt(31.5). */
const SD_SIX_THREE_APART = Math.sqrt(31.5);

describe('analytics queries: hand-worked figures', () => {
  let db: TestDatabase;
  let server: TestServer;
  let scenario: Scenario;
  let admin: Record<string, string>;
  let analyst: Record<string, string>;
  let disdikHead: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    scenario = await buildScenario(db.orm, {
      employees: 20,
      quarters: [1, 2],
      employee: (index) => (index === 12 ? { employmentType: 'PPPK', rank: 'IX' } : {}),
      status: (index, quarter) => {
        if (index === 11 || index === 14 || index === 17) return null;
        if (index === 18 || index === 19) return quarter === 1 ? 'DRAFT' : 'OBJECTED';
        return 'SUBMITTED';
      },
      score: (index, quarter) => (quarter === 1 ? 90 : 100) + index,
    });
    const em = db.orm.em.fork();
    const id = (index: number) => scenario.employees[index].id;
    const connection = em.getConnection();
    await connection.execute(
      `insert into training (code, title, kind, hours_jp) values ('LAT-A', 'Literasi', 'WORKSHOP', 12), ('LAT-B', 'Layanan', 'DIKLAT', 10)`,
    );
    await connection.execute(
      `insert into participation (training_id, employee_id, status, completed_on, hours_jp)
       select t.id, p.employee_id, p.status, p.completed_on::date, p.hours_jp
         from (values ('LAT-A', ?::int, 'COMPLETED', '2025-03-10', 12), ('LAT-B', ?::int, 'COMPLETED', '2025-05-01', 10),
                      ('LAT-B', ?::int, 'COMPLETED', '2025-02-02', 10), ('LAT-A', ?::int, 'COMPLETED', '2024-12-20', 12),
                      ('LAT-B', ?::int, 'ENROLLED', null, 10))
              as p(code, employee_id, status, completed_on, hours_jp)
         join training t on t.code = p.code`,
      [id(3), id(3), id(12), id(6), id(9)],
    );
    server = await startTestServer(db.orm);
    admin = (await accountToken(em, { login: 'admin', role: 'ADMIN' })).headers;
    analyst = (await accountToken(em, { login: 'analyst', role: 'ANALYST' })).headers;
    disdikHead = (await accountToken(em, { login: 'kadisdik', role: 'AGENCY_HEAD', employeeId: id(0) })).headers;
  });

  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  describe('performanceTrend', () => {
    it('NONE: one point per quarter over every counted evaluation (DRAFT and OBJECTED left out)', async () => {
      const data = await ok(server, admin, TREND, { input: { from: Q1, to: Q2 } });
      const [q1, q2] = data.performanceTrend as Json[];
      expect(data.performanceTrend).toHaveLength(2);
      // Q1, 15 values sorted: 90 91 92 93 94 95 96 97 98 99 100 102 103 105 106; sum 1461.
      expect(q1).toMatchObject({ year: 2025, quarter: 1, periodLabel: 'Triwulan I 2025', key: 'ALL', n: 15 });
      expect(q1.label).toBe('Semua pegawai');
      expect(q1.mean).toBeCloseTo(1461 / 15, 9); // 97.4
      expect(q1.median).toBeCloseTo(97, 9); // the 8th value
      expect(q1.p25).toBeCloseTo(93.5, 9); // position 3.5: between 93 and 94
      expect(q1.p75).toBeCloseTo(101, 9); // position 10.5: between 100 and 102
      // Squared deviations from 97.4 sum to 357.6 (worked value by value); n - 1 = 14.
      expect(q1.stddev).toBeCloseTo(Math.sqrt(357.6 / 14), 9);
      expect(q2).toMatchObject({ quarter: 2, periodLabel: 'Triwulan II 2025', n: 15 });
      expect(q2.mean).toBeCloseTo(1461 / 15 + 10, 9);
    });

    it('AGENCY for ADMIN: every agency, keyed by code, labelled by name', async () => {
      const data = await ok(server, admin, TREND, { input: { groupBy: 'AGENCY', from: Q1, to: Q1 } });
      const points = data.performanceTrend as Json[];
      expect(points.map((p) => [p.key, p.n, p.suppressed])).toEqual([
        ['BKPSDM', 3, false],
        ['DINKES', 6, false],
        ['DISDIK', 6, false],
      ]);
      const [bkpsdm, dinkes, disdik] = points;
      expect(disdik.label).toBe('Dinas Pendidikan');
      expect(disdik.mean).toBeCloseTo(97.5, 9);
      expect(disdik.median).toBeCloseTo(97.5, 9);
      expect(disdik.p25).toBeCloseTo(93.75, 9); // position 1.25: 93 + 0.25 * 3
      expect(disdik.p75).toBeCloseTo(101.25, 9); // position 3.75: 99 + 0.75 * 3
      expect(disdik.stddev).toBeCloseTo(SD_SIX_THREE_APART, 9);
      expect(dinkes.mean).toBeCloseTo(98.5, 9);
      expect(bkpsdm.mean).toBeCloseTo(95, 9);
      expect(bkpsdm.stddev).toBeCloseTo(3, 9); // 92, 95, 98
      expect(bkpsdm.p25).toBeCloseTo(93.5, 9);
    });

    it('AGENCY for ANALYST: BKPSDM (3 employees) suppressed, and DINKES with it (the second-group rule)', async () => {
      const data = await ok(server, analyst, TREND, { input: { groupBy: 'AGENCY', from: Q1, to: Q2 } });
      const points = data.performanceTrend as Json[];
      // Per quarter the siblings are BKPSDM (3), DINKES (6), DISDIK (6): the lone small one takes the smallest other
      // sibling along, ties broken by the lowest key: DINKES.
      expect(points.map((p) => [p.quarter, p.key, p.suppressed])).toEqual([
        [1, 'BKPSDM', true],
        [1, 'DINKES', true],
        [1, 'DISDIK', false],
        [2, 'BKPSDM', true],
        [2, 'DINKES', true],
        [2, 'DISDIK', false],
      ]);
      for (const p of points.filter((p) => p.suppressed)) {
        expect([p.n, p.mean, p.median, p.stddev, p.p25, p.p75]).toEqual([null, null, null, null, null, null]);
        expect(p.note).toMatch(/Disembunyikan/);
      }
      expect(points[0].note).toMatch(/kurang dari 5 pegawai/);
      expect(points[2].mean).toBeCloseTo(97.5, 9);
    });

    it('AGENCY for the head of DISDIK: their agency in full, the others as for everyone', async () => {
      const data = await ok(server, disdikHead, TREND, { input: { groupBy: 'AGENCY', from: Q1, to: Q1 } });
      expect((data.performanceTrend as Json[]).map((p) => [p.key, p.suppressed, p.n])).toEqual([
        ['BKPSDM', true, null],
        ['DINKES', true, null],
        ['DISDIK', false, 6],
      ]);
    });

    it('CRITERION: criterion scores pooled by code, limited by criterionCodes', async () => {
      const data = await ok(server, admin, TREND, {
        input: { groupBy: 'CRITERION', from: Q1, to: Q1, criterionCodes: ['AKUNTABEL', 'PROFESIONALISME'] },
      });
      const points = data.performanceTrend as Json[];
      expect(points.map((p) => [p.key, p.label, p.n])).toEqual([
        ['AKUNTABEL', 'Akuntabel', 15],
        ['PROFESIONALISME', 'Profesionalisme', 15],
      ]);
      expect(points[1].mean).toBeCloseTo(1461 / 15, 9);
    });

    it('RANK_GROUP and metric HASIL_KERJA', async () => {
      const data = await ok(server, admin, TREND, {
        input: { groupBy: 'RANK_GROUP', metric: 'HASIL_KERJA', from: Q1, to: Q1 },
      });
      // III: 11 employees (all but the heads 0, 1, 2 and the PPPK 12); IV: the heads 90, 91, 92; PPPK: 102.
      expect((data.performanceTrend as Json[]).map((p) => [p.key, p.label, p.n, p.mean])).toEqual([
        ['III', 'Golongan III', 11, expect.closeTo(1086 / 11, 9)],
        ['IV', 'Golongan IV', 3, expect.closeTo(91, 9)],
        ['PPPK', 'PPPK', 1, expect.closeTo(102, 9)],
      ]);
    });

    it('refuses criterionCodes without CRITERION, a range that ends before it starts, a quarter 5', async () => {
      const cases: [Json, string][] = [
        [{ groupBy: 'AGENCY', criterionCodes: ['AKUNTABEL'] }, 'input.criterionCodes'],
        [{ from: Q2, to: Q1 }, 'input.to'],
        [{ from: { year: 2025, quarter: 5 } }, 'input.from.quarter'],
        [{ agencyCodes: ['NOPE'] }, 'input.agencyCodes.0'],
      ];
      for (const [input, field] of cases) {
        const error = await refused(server, admin, TREND, { input });
        expect([error.code, error.field]).toEqual(['BAD_USER_INPUT', field]);
      }
    });
  });

  describe('scoreStatistics', () => {
    it('RANK_GROUP for ANALYST: the small IV and PPPK groups suppressed, III in full', async () => {
      const data = await ok(server, analyst, STATS, {
        input: { groupBy: ['RANK_GROUP'], filter: { from: Q1, to: Q1 } },
      });
      const groups = data.scoreStatistics as Json[];
      expect(groups.map((g) => [g.keys[0].value, g.keys[0].label, g.suppressed])).toEqual([
        ['III', 'Golongan III', false],
        ['IV', 'Golongan IV', true],
        ['PPPK', 'PPPK', true],
      ]);
      // III, 11 values: 93 94 95 96 97 98 99 100 103 105 106; sum 1086.
      const [iii, iv] = groups;
      expect(iii.n).toBe(11);
      expect(iii.min).toBeCloseTo(93, 9);
      expect(iii.max).toBeCloseTo(106, 9);
      expect(iii.mean).toBeCloseTo(1086 / 11, 9);
      expect(iii.median).toBeCloseTo(98, 9);
      expect(iii.p25).toBeCloseTo(95.5, 9);
      expect(iii.p75).toBeCloseTo(101.5, 9);
      expect(iii.predikatCounts).toEqual([
        { predikat: 'SANGAT_BAIK', count: 0, share: 0 },
        { predikat: 'BAIK', count: 11, share: 1 },
        { predikat: 'BUTUH_PERBAIKAN', count: 0, share: 0 },
        { predikat: 'KURANG', count: 0, share: 0 },
        { predikat: 'SANGAT_KURANG', count: 0, share: 0 },
      ]);
      expect(iv).toMatchObject({ n: null, mean: null, min: null, max: null, predikatCounts: null });
    });

    it('AGENCY x PREDIKAT for ADMIN in Q2, and YEAR over both quarters', async () => {
      const data = await ok(server, admin, STATS, {
        input: { groupBy: ['AGENCY', 'PREDIKAT'], filter: { from: Q2, to: Q2, agencyCodes: ['DISDIK'] } },
      });
      // DISDIK Q2: 100 103 106 109 BAIK, 112 115 SANGAT_BAIK.
      const groups = data.scoreStatistics as Json[];
      expect(groups.map((g) => g.keys.map((k: Json) => k.value))).toEqual([
        ['DISDIK', 'BAIK'],
        ['DISDIK', 'SANGAT_BAIK'],
      ]);
      expect(groups[0].n).toBe(4);
      expect([groups[0].min, groups[0].max]).toEqual([expect.closeTo(100, 9), expect.closeTo(109, 9)]);
      expect(groups[0].mean).toBeCloseTo(104.5, 9);
      expect(groups[1].n).toBe(2);
      expect([groups[1].min, groups[1].max]).toEqual([expect.closeTo(112, 9), expect.closeTo(115, 9)]);
      expect(groups[1].keys[1].label).toBe('Sangat Baik');
      expect(groups[1].predikatCounts[0]).toEqual({ predikat: 'SANGAT_BAIK', count: 2, share: 1 });
      const year = await ok(server, admin, STATS, { input: { groupBy: ['YEAR'] } });
      expect(year.scoreStatistics).toHaveLength(1);
      expect(year.scoreStatistics[0]).toMatchObject({
        keys: [{ dimension: 'YEAR', value: '2025', label: 'Tahun 2025' }],
        n: 30,
      });
      expect(year.scoreStatistics[0].mean).toBeCloseTo((1461 + 1611) / 30, 9);
    });

    it('GENDER, CRITERION with criterionCodes, and the refusal of criterionCodes without CRITERION', async () => {
      const data = await ok(server, admin, STATS, {
        input: { groupBy: ['CRITERION', 'GENDER'], filter: { from: Q1, to: Q1, criterionCodes: ['INOVASI'] } },
      });
      // The NIP's gender digit alternates by index: of the 15 counted in Q1, L are 0 2 4 6 8 10 12 16 (8) and P are
      // 1 3 5 7 9 13 15 (7).
      expect(
        (data.scoreStatistics as Json[]).map((g) => [g.keys[0].value, g.keys[1].value, g.keys[1].label, g.n]),
      ).toEqual([
        ['INOVASI', 'L', 'Laki-laki', 8],
        ['INOVASI', 'P', 'Perempuan', 7],
      ]);
      const error = await refused(server, admin, STATS, {
        input: { groupBy: ['AGENCY'], filter: { criterionCodes: ['INOVASI'] } },
      });
      expect([error.code, error.field]).toEqual(['BAD_USER_INPUT', 'input.filter.criterionCodes']);
    });
  });

  describe('agencyComparison', () => {
    it('a quarter for ADMIN: means, ranks, predikat, criterion means and JP', async () => {
      const data = await ok(server, admin, COMPARISON, { year: 2025, quarter: 1 });
      const rows = data.agencyComparison as Json[];
      expect(rows.map((r) => [r.agency.code, r.n, r.rank])).toEqual([
        ['DINKES', 6, 1],
        ['DISDIK', 6, 2],
        ['BKPSDM', 3, 3],
      ]);
      const disdik = rows[1];
      expect(disdik.meanScore).toBeCloseTo(97.5, 9);
      expect(disdik.predikatCounts[1]).toEqual({ predikat: 'BAIK', count: 6, share: 1 });
      // 10 city-wide criteria and DISDIK's two, each with the same six scores.
      expect(disdik.criterionMeans).toHaveLength(12);
      for (const m of disdik.criterionMeans) expect(m.mean).toBeCloseTo(97.5, 9);
      // 2025 JP of the 6: employee 3 12 + 10, employee 12 10 (6's is of 2024, 9's is not completed) = 32; 32 / 6.
      expect(disdik.trainingJpPerEmployee).toBeCloseTo(32 / 6, 9);
      // PNS among them: 5 (12 is a PPPK); with at least 20 JP: employee 3 only.
      expect(disdik.shareMeeting20Jp).toBeCloseTo(1 / 5, 9);
      expect(rows[0].trainingJpPerEmployee).toBe(0);
      expect(rows[0].shareMeeting20Jp).toBe(0);
    });

    it('a quarter for ANALYST: BKPSDM and DINKES suppressed, ranks still among all agencies', async () => {
      const data = await ok(server, analyst, COMPARISON, { year: 2025, quarter: 1 });
      expect((data.agencyComparison as Json[]).map((r) => [r.agency.code, r.rank, r.n, r.suppressed])).toEqual([
        ['DISDIK', 2, 6, false],
        ['BKPSDM', null, null, true],
        ['DINKES', null, null, true],
      ]);
    });

    it('a year: annual scores (the mean of the two quarters: 95 + i), the innovation rule applied', async () => {
      const data = await ok(server, admin, COMPARISON, { year: 2025 });
      const rows = data.agencyComparison as Json[];
      // DISDIK 95 98 101 104 107 110 (mean 102.5); DINKES 96 ... 111 (103.5); BKPSDM 97 100 103 (100).
      expect(rows.map((r) => [r.agency.code, r.n, r.rank])).toEqual([
        ['DINKES', 6, 1],
        ['DISDIK', 6, 2],
        ['BKPSDM', 3, 3],
      ]);
      expect(rows[0].meanScore).toBeCloseTo(103.5, 9);
      expect(rows[1].meanScore).toBeCloseTo(102.5, 9);
      // Employee 15's 110 would be SANGAT_BAIK; without a verified innovation it is BAIK.
      expect(rows[1].predikatCounts.map((c: Json) => c.count)).toEqual([0, 6, 0, 0, 0]);
    });

    it('refuses a quarter 0', async () => {
      const error = await refused(server, admin, COMPARISON, { year: 2025, quarter: 0 });
      expect([error.code, error.field]).toEqual(['BAD_USER_INPUT', 'quarter']);
    });
  });

  describe('distributionCheck', () => {
    it('without an org predikat: met null and a note; with BAIK set: both rules broken', async () => {
      const before = await ok(server, admin, DISTRIBUTION, { agencyCode: 'DISDIK', year: 2025 });
      expect(before.distributionCheck).toMatchObject({ orgPredikat: null, rules: [], met: null, suppressed: false });
      expect(before.distributionCheck.note).toMatch(/belum ditetapkan/);
      await db.orm.em
        .fork()
        .getConnection()
        .execute(
          `insert into org_performance (agency_id, year, predikat, set_by) values (?, 2025, 'BAIK', 'walikota')`,
          [scenario.agencyIds.get('DISDIK')],
        );
      const after = await ok(server, admin, DISTRIBUTION, { agencyCode: 'DISDIK', year: 2025 });
      // 6 employees, all BAIK: at most 70% BAIK is broken (100%), at least one BUTUH_PERBAIKAN or KURANG too (0).
      expect(after.distributionCheck).toMatchObject({
        orgPredikat: 'BAIK',
        met: false,
        rules: [
          { rule: 'BAIK_MAX_70_PERCENT', met: false },
          { rule: 'BUTUH_PERBAIKAN_OR_KURANG_MIN_1', met: false },
        ],
      });
      expect(after.distributionCheck.rules[0].detail).toBe(
        'paling banyak 70% Baik: 6 dari 6 pegawai, tidak terpenuhi.',
      );
      expect(after.distributionCheck.counts[1]).toEqual({ predikat: 'BAIK', count: 6, share: 1 });
    });

    it('BKPSDM (3 employees) is suppressed for ANALYST, shown to ADMIN', async () => {
      const hidden = await ok(server, analyst, DISTRIBUTION, { agencyCode: 'BKPSDM', year: 2025 });
      expect(hidden.distributionCheck).toMatchObject({ counts: null, rules: [], met: null, suppressed: true });
      const shown = await ok(server, admin, DISTRIBUTION, { agencyCode: 'BKPSDM', year: 2025 });
      expect(shown.distributionCheck.counts[1]).toEqual({ predikat: 'BAIK', count: 3, share: 1 });
    });
  });

  describe('acceptance 4: the SQL of trend, comparison and statistics', () => {
    it('reads the read models: never evaluation_score, never the employee table', async () => {
      const texts: string[] = [];
      const stop = onAnalyticsSql((text) => texts.push(text));
      try {
        await ok(server, admin, TREND, { input: { groupBy: 'CRITERION' } });
        await ok(server, admin, TREND, { input: { groupBy: 'RANK_GROUP' } });
        await ok(server, admin, COMPARISON, { year: 2025, quarter: 1 });
        await ok(server, admin, COMPARISON, { year: 2025 });
        await ok(server, admin, STATS, { input: { groupBy: ['CRITERION', 'GENDER', 'PREDIKAT'] } });
      } finally {
        stop();
      }
      expect(texts.length).toBeGreaterThan(5);
      expect(texts.some((t) => /analytics_score/.test(t))).toBe(true);
      expect(texts.some((t) => /analytics_evaluation/.test(t))).toBe(true);
      for (const text of texts) {
        expect(text).not.toMatch(/evaluation_score/);
        expect(text).not.toMatch(/\b(from|join)\s+"?employee"?\b/i);
      }
    });
  });

  describe('GraphiQL examples', () => {
    it('include one per analytics query, and an analyst token runs each', async () => {
      const operations = parse(EXAMPLE_QUERIES).definitions as OperationDefinitionNode[];
      const ran: string[] = [];
      for (const field of ['performanceTrend', 'scoreStatistics', 'agencyComparison', 'distributionCheck']) {
        const operation = operations.find((o) =>
          o.selectionSet.selections.some((s) => s.kind === 'Field' && s.name.value === field),
        );
        expect(operation, `an example of ${field}`).toBeDefined();
        const operationName = operation!.name!.value;
        const response = await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...analyst },
          body: JSON.stringify({ query: EXAMPLE_QUERIES, operationName }),
        });
        const result = (await response.json()) as { data?: Json; errors?: unknown[] };
        expect(result.errors).toBeUndefined();
        expect(result.data[field]).toBeDefined();
        ran.push(operationName);
      }
      expect(ran).toHaveLength(4);
    });
  });
});
