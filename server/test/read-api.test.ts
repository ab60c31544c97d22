import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_POLICY, indicatorScore } from '@kinerja/shared';
import { Evaluation } from '../src/modules/evaluations/evaluation.entity.js';
import { finalizeEvaluation } from '../src/modules/evaluations/evaluation-results.js';
import { Innovation } from '../src/modules/innovation/innovation.entity.js';
import { Objection } from '../src/modules/evaluations/objection.entity.js';
import { OrgPerformance } from '../src/modules/org-performance/org-performance.entity.js';
import { Participation } from '../src/modules/training/participation.entity.js';
import { Training } from '../src/modules/training/training.entity.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import {
  buildScenario,
  rewriteResults,
  type CriterionSpec,
  type Scenario,
  type ScoreSpec,
} from './helpers/scenario.js';
import { accountToken } from './helpers/auth.js';
import { startTestServer, type TestServer } from './helpers/server.js';

/**
 * The read API against a named scenario of 9 employees in 3 agencies (index 0, 1, 2 head DISDIK, DINKES, BKPSDM;
 * then the agencies take turns: 3 DISDIK, 4 DINKES, 5 BKPSDM, 6 DISDIK, 7 DINKES, 8 BKPSDM), year 2025:
 *  3  worked examples 1 and 2: Q1 is worked example 1 (finalised), Q2-Q4 the other quarters of worked example 2.
 *  4  a DRAFT and an OBJECTED quarter that must not count in the annual result.
 *  5  SANGAT_BAIK on the scores, no verified innovation in 2025: BAIK by the innovation rule.
 *  6  the same scores with two verified innovations in 2025: SANGAT_BAIK.
 *  7  a PPPK without evaluations in 2025.
 *  8  one quarter with behaviour scores only.
 */

const WORKED_EXAMPLE_1: Record<string, ScoreSpec> = {
  PROFESIONALISME: 95,
  // Indicator, target 95 %, higher is better: 100 x 90.25 / 95 = 95.
  DISIPLIN: { score: indicatorScore(90.25, 95, 'HIGHER_IS_BETTER'), realisation: 90.25, evidence: 'Rekap absensi' },
  INOVASI: 112,
  // Indicator, target 80, higher is better: 100 x 88 / 80 = 110.
  PRESTASI_SISWA: { score: indicatorScore(88, 80, 'HIGHER_IS_BETTER'), realisation: 88 },
  KEHADIRAN_KEGIATAN: 100,
  BERORIENTASI_PELAYANAN: 100,
  AKUNTABEL: 105,
  KOMPETEN: 110,
  HARMONIS: 95,
  LOYAL: 100,
  ADAPTIF: 115,
  KOLABORATIF: 100,
};

/** Every criterion of a category at one score: the category score is that score. */
function flat(criterion: CriterionSpec, hasilKerja: number | null, perilakuKerja: number | null): ScoreSpec {
  return criterion.category === 'HASIL_KERJA' ? hasilKerja : perilakuKerja;
}

const EXTRA_CRITERIA: CriterionSpec[] = [
  // Retired at the end of 2024: not in force in 2025.
  {
    code: 'KERJASAMA',
    name: 'Kerja sama',
    category: 'PERILAKU_KERJA',
    weight: 10,
    agencyCode: null,
    yearFrom: 2019,
    yearTo: 2024,
  },
  // DISDIK's criterion from 2026 on.
  {
    code: 'LITERASI',
    name: 'Gerakan literasi sekolah',
    category: 'HASIL_KERJA',
    weight: 10,
    agencyCode: 'DISDIK',
    yearFrom: 2026,
  },
];

const PPPK_NIP = '197701012022212001'; // born 1977-01-01, contract from 2022, 1st contract (21), female, 001

describe('read API', () => {
  let db: TestDatabase;
  let server: TestServer;
  let scenario: Scenario;
  let admin: Record<string, string> = {};
  const nipOf = (index: number) => scenario.employees[index].nip;

  beforeAll(async () => {
    db = await createTestDatabase();
    scenario = await buildScenario(db.orm, {
      employees: 9,
      extraCriteria: EXTRA_CRITERIA,
      employee: (index) => {
        if (index === 3) return { name: 'Butet Hutagalung' };
        if (index === 7) return { nip: PPPK_NIP, employmentType: 'PPPK', rank: 'IX', positionType: 'FUNGSIONAL' };
        return {};
      },
      status: (index, quarter) => {
        if (index === 3) return quarter === 2 ? 'ACKNOWLEDGED' : 'SUBMITTED';
        if (index === 4) return ({ 1: 'SUBMITTED', 2: 'ACKNOWLEDGED', 3: 'OBJECTED', 4: 'DRAFT' } as const)[quarter]!;
        if (index === 7) return null;
        if (index === 8) return quarter === 1 ? 'SUBMITTED' : null;
        return 'SUBMITTED';
      },
      score: (index, quarter, criterion) => {
        if (index === 3) {
          // Worked example 2: quarterly work results 103.05, 108, 112, 115; behaviour 104, 110, 112, 114.
          if (quarter === 1) return WORKED_EXAMPLE_1[criterion.code] ?? null;
          return flat(criterion, [0, 0, 108, 112, 115][quarter], [0, 0, 110, 112, 114][quarter]);
        }
        if (index === 4) return flat(criterion, [0, 100, 104, 60, 0][quarter], [0, 100, 96, 60, 0][quarter]);
        if (index === 5 || index === 6) return flat(criterion, 115, 112);
        if (index === 8) return flat(criterion, null, 100);
        return flat(criterion, 100, 100);
      },
    });

    const em = db.orm.em.fork();
    // Employee 3's first quarter is final: its results are stored with the default policy.
    const q1 = scenario.evaluations.find((e) => e.employeeIndex === 3 && e.quarter === 1)!;
    await finalizeEvaluation(em, await em.findOneOrFail(Evaluation, q1.id), DEFAULT_SCORING_POLICY);

    const ids = scenario.employees.map((e) => e.id);
    const head = ids[0];
    em.create(Innovation, { employee: ids[5], year: 2025, quarter: 2, title: 'Belum diverifikasi' });
    em.create(Innovation, {
      employee: ids[5],
      year: 2024,
      quarter: 4,
      title: 'Tahun lalu',
      verifiedAt: new Date('2025-02-01T00:00:00Z'),
    });
    em.create(Innovation, {
      employee: ids[6],
      year: 2025,
      quarter: 1,
      title: 'Aplikasi presensi guru',
      verifiedBy: head,
      verifiedAt: new Date('2025-04-10T00:00:00Z'),
    });
    // Verified by an administrator without an employee record: a time, no verifier.
    em.create(Innovation, {
      employee: ids[6],
      year: 2025,
      quarter: 3,
      title: 'Pojok baca',
      verifiedAt: new Date('2025-10-01T00:00:00Z'),
    });

    const training = (code: string, kind: Training['kind'], hoursJp: number) =>
      em.create(Training, { code, title: `Pelatihan ${code}`, kind, hoursJp, criterionCodes: ['DISIPLIN'] });
    const t1 = training('PKP-2025', 'DIKLAT', 8);
    const t2 = training('WS-DATA', 'WORKSHOP', 12);
    const t3 = training('SEM-2024', 'SEMINAR', 5);
    const t4 = training('ELEARN-1', 'E_LEARNING', 10);
    const t5 = training('COACH-1', 'COACHING', 4);
    const participation = (
      t: Training,
      employee: number,
      status: Participation['status'],
      completedOn: string | null,
    ) => em.create(Participation, { training: t, employee, status, completedOn, hoursJp: t.hoursJp });
    participation(t1, ids[3], 'COMPLETED', '2025-03-31');
    participation(t2, ids[3], 'COMPLETED', '2025-12-31');
    participation(t3, ids[3], 'COMPLETED', '2024-12-31');
    participation(t4, ids[3], 'ENROLLED', null);
    participation(t5, ids[3], 'DROPPED', null);
    participation(t2, ids[4], 'COMPLETED', '2025-06-15');

    const objected = scenario.evaluations.find((e) => e.employeeIndex === 4 && e.status === 'OBJECTED')!;
    em.create(Objection, { evaluation: objected.id, filedBy: ids[4], reason: 'Nilai tidak sesuai bukti kerja' });
    em.create(OrgPerformance, {
      agency: scenario.agencyIds.get('DISDIK')!,
      year: 2025,
      proposedPredikat: 'BAIK',
      predikat: 'BAIK',
      setAt: new Date('2026-01-15T00:00:00Z'),
    });
    await em.flush();
    // Rows inserted directly: the stored annual results are rewritten as the write paths do.
    await rewriteResults(db.orm);

    server = await startTestServer(db.orm);
    // The read API outside demo mode needs a token: these tests read as an administrator, who sees everything.
    admin = (await accountToken(db.orm.em.fork(), { login: 'admin', role: 'ADMIN' })).headers;
  });

  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  async function query<T = Record<string, unknown>>(source: string, variables?: Record<string, unknown>): Promise<T> {
    const result = await server.graphql<T>(source, variables, admin);
    expect(result.errors).toBeUndefined();
    return result.data!;
  }

  async function refusal(source: string, variables?: Record<string, unknown>) {
    const result = await server.graphql(source, variables, admin);
    expect(result.data ?? null).toBeNull();
    expect(result.errors).toHaveLength(1);
    return result.errors![0];
  }

  describe('acceptance 1: employees and one employee with the numbers of the shared rules', () => {
    it('answers employees(first: 5) with totalCount and the first five by name', async () => {
      const data = await query<{
        employees: { totalCount: number; edges: { node: { nip: string; name: string; agency: { code: string } } }[] };
      }>('{ employees(first: 5) { totalCount edges { node { nip name agency { code } } } } }');
      expect(data.employees.totalCount).toBe(9);
      expect(data.employees.edges.map((e) => e.node)).toEqual([
        { nip: nipOf(0), name: 'Ahmad Simanjuntak 0', agency: { code: 'DISDIK' } },
        { nip: nipOf(3), name: 'Butet Hutagalung', agency: { code: 'DISDIK' } },
        { nip: nipOf(1), name: 'Butet Simanjuntak 1', agency: { code: 'DINKES' } },
        { nip: nipOf(2), name: 'Dedi Simanjuntak 2', agency: { code: 'BKPSDM' } },
        { nip: nipOf(4), name: 'Hotma Simanjuntak 4', agency: { code: 'DINKES' } },
      ]);
    });

    it('answers employee(nip) with its record, supervisor and subordinates', async () => {
      const data = await query<{ employee: Record<string, unknown>; head: Record<string, unknown> }>(
        `query ($nip: String!, $head: String!) {
          employee(nip: $nip) {
            nip name gender employmentType rank position positionType activeFrom activeTo
            agency { code name kind }
            supervisor { nip }
          }
          head: employee(nip: $head) { supervisor { nip } subordinates { nip name } }
        }`,
        { nip: nipOf(3), head: nipOf(0) },
      );
      expect(data.employee).toEqual({
        nip: nipOf(3),
        name: 'Butet Hutagalung',
        gender: 'P',
        employmentType: 'PNS',
        rank: 'III/b',
        position: 'Staf',
        positionType: 'PELAKSANA',
        activeFrom: '2005-03-01',
        activeTo: null,
        agency: { code: 'DISDIK', name: 'Dinas Pendidikan', kind: 'DINAS' },
        supervisor: { nip: nipOf(0) },
      });
      expect(data.head).toEqual({
        supervisor: null,
        subordinates: [
          { nip: nipOf(3), name: 'Butet Hutagalung' },
          { nip: nipOf(6), name: 'Josua Simanjuntak 6' },
        ],
      });
    });

    it('answers worked example 1 as the first quarter: 103.05, 104, 103.335, BAIK', async () => {
      const data = await query<{ employee: { evaluations: Record<string, unknown>[] } }>(
        `query ($nip: String!) {
          employee(nip: $nip) {
            evaluations(year: 2025) {
              status period { year quarter status label } agency { code } assessor { nip }
              hasilKerjaScore perilakuKerjaScore score hasilKerjaRating perilakuKerjaRating predikat policyVersion
              finalizedAt
              scores { score derivedFromIndicator realisation evidence criterion { code category weight target } }
            }
          }
        }`,
        { nip: nipOf(3) },
      );
      const [q1, q2, q3, q4] = data.employee.evaluations;
      expect(data.employee.evaluations).toHaveLength(4);
      expect(q1).toMatchObject({
        status: 'FINAL',
        period: { year: 2025, quarter: 1, status: 'OPEN', label: 'Triwulan I 2025' },
        agency: { code: 'DISDIK' },
        assessor: { nip: nipOf(0) },
        hasilKerjaRating: 'SESUAI_EKSPEKTASI',
        perilakuKerjaRating: 'SESUAI_EKSPEKTASI',
        predikat: 'BAIK',
        policyVersion: DEFAULT_SCORING_POLICY.version,
      });
      // HASIL_KERJA = (20x95 + 15x95 + 15x112 + 30x110 + 20x100) / 100 = 10305 / 100 = 103.05
      expect(q1.hasilKerjaScore).toBeCloseTo(103.05, 10);
      // PERILAKU_KERJA = (1500 + 1575 + 1650 + 950 + 1500 + 1725 + 1500) / 100 = 104
      expect(q1.perilakuKerjaScore).toBeCloseTo(104, 10);
      // 0.7 x 103.05 + 0.3 x 104 = 72.135 + 31.2 = 103.335
      expect(q1.score).toBeCloseTo(103.335, 10);
      expect(typeof q1.finalizedAt).toBe('string');
      const scores = q1.scores as { criterion: { code: string } }[];
      expect(scores).toHaveLength(12);
      expect(scores.find((s) => s.criterion.code === 'DISIPLIN')).toEqual({
        score: 95,
        derivedFromIndicator: true,
        realisation: 90.25,
        evidence: 'Rekap absensi',
        criterion: { code: 'DISIPLIN', category: 'HASIL_KERJA', weight: 15, target: 95 },
      });
      expect(scores.find((s) => s.criterion.code === 'INOVASI')).toMatchObject({
        score: 112,
        derivedFromIndicator: false,
        realisation: null,
      });
      // Q2 108 / 110 -> 0.7 x 108 + 0.3 x 110 = 108.6; (SESUAI, DI_ATAS) = BAIK. Not final: computed now.
      expect(q2).toMatchObject({ status: 'ACKNOWLEDGED', hasilKerjaRating: 'SESUAI_EKSPEKTASI' });
      expect(q2).toMatchObject({ perilakuKerjaRating: 'DI_ATAS_EKSPEKTASI', predikat: 'BAIK' });
      expect(q2.score).toBeCloseTo(108.6, 10);
      expect(q2.policyVersion).toBe(DEFAULT_SCORING_POLICY.version);
      // Q3 112 / 112: both DI_ATAS -> SANGAT_BAIK for the quarter (the innovation rule is annual only).
      expect(q3).toMatchObject({ hasilKerjaScore: 112, perilakuKerjaScore: 112, predikat: 'SANGAT_BAIK' });
      expect(q4).toMatchObject({ hasilKerjaScore: 115, perilakuKerjaScore: 114, predikat: 'SANGAT_BAIK' });
    });

    it('answers worked example 2 as the annual result: 109.5125, 110, 109.65875, BAIK', async () => {
      const data = await query<{ employee: { annualResult: Record<string, unknown> } }>(
        `query ($nip: String!) {
          employee(nip: $nip) {
            annualResult(year: 2025) {
              year hasilKerjaScore perilakuKerjaScore score hasilKerjaRating perilakuKerjaRating predikat
              predikatBeforeInnovationRule innovationCount innovationRuleApplied note quarterCount policyVersion
            }
          }
        }`,
        { nip: nipOf(3) },
      );
      const annual = data.employee.annualResult;
      // (103.05 + 108 + 112 + 115) / 4 = 109.5125 -> SESUAI (below 110)
      expect(annual.hasilKerjaScore).toBeCloseTo(109.5125, 10);
      // (104 + 110 + 112 + 114) / 4 = 110 -> DI_ATAS
      expect(annual.perilakuKerjaScore).toBeCloseTo(110, 10);
      // 0.7 x 109.5125 + 0.3 x 110 = 76.65875 + 33 = 109.65875
      expect(annual.score).toBeCloseTo(109.65875, 10);
      expect(annual).toMatchObject({
        year: 2025,
        hasilKerjaRating: 'SESUAI_EKSPEKTASI',
        perilakuKerjaRating: 'DI_ATAS_EKSPEKTASI',
        predikat: 'BAIK',
        predikatBeforeInnovationRule: 'BAIK',
        innovationCount: 0,
        innovationRuleApplied: false,
        note: null,
        quarterCount: 4,
        policyVersion: DEFAULT_SCORING_POLICY.version,
      });
    });
  });

  describe('annual result', () => {
    it('leaves DRAFT and OBJECTED quarters out', async () => {
      const data = await query<{
        employee: { evaluations: { status: string }[]; annualResult: Record<string, unknown> };
      }>(
        `query ($nip: String!) {
          employee(nip: $nip) {
            evaluations(year: 2025) { status }
            annualResult(year: 2025) { hasilKerjaScore perilakuKerjaScore score predikat quarterCount }
          }
        }`,
        { nip: nipOf(4) },
      );
      // Evaluations lists every status; the annual result counts Q1 (100 / 100) and Q2 (104 / 96) only:
      // work results (100 + 104) / 2 = 102, behaviour (100 + 96) / 2 = 98, 0.7 x 102 + 0.3 x 98 = 100.8.
      // Counting the OBJECTED Q3 (60 / 60) or the DRAFT Q4 (0 / 0) would pull it far below 90.
      expect(data.employee.evaluations.map((e) => e.status)).toEqual([
        'SUBMITTED',
        'ACKNOWLEDGED',
        'OBJECTED',
        'DRAFT',
      ]);
      const annual = data.employee.annualResult;
      expect(annual).toMatchObject({ hasilKerjaScore: 102, perilakuKerjaScore: 98, predikat: 'BAIK', quarterCount: 2 });
      expect(annual.score).toBeCloseTo(100.8, 10);
    });

    it('turns SANGAT_BAIK into BAIK without a verified innovation that year, and says why', async () => {
      const data = await query<{ without: Record<string, unknown>; withInnovations: Record<string, unknown> }>(
        `query ($without: String!, $with: String!) {
          without: employee(nip: $without) {
            annualResult(year: 2025) { score predikat predikatBeforeInnovationRule innovationCount innovationRuleApplied note }
            innovations { year title verified }
          }
          withInnovations: employee(nip: $with) {
            annualResult(year: 2025) { predikat predikatBeforeInnovationRule innovationCount innovationRuleApplied note }
            innovations(year: 2025) { title verified verifiedBy { nip } verifiedAt }
          }
        }`,
        { without: nipOf(5), with: nipOf(6) },
      );
      // 115 / 112: both DI_ATAS -> SANGAT_BAIK on the matrix; score 0.7 x 115 + 0.3 x 112 = 114.1.
      // Employee 5 has an unverified 2025 innovation and a verified one of 2024: neither counts for 2025.
      const without = data.without as { annualResult: Record<string, unknown>; innovations: unknown[] };
      expect(without.annualResult.score).toBeCloseTo(114.1, 10);
      expect(without.annualResult).toMatchObject({
        predikat: 'BAIK',
        predikatBeforeInnovationRule: 'SANGAT_BAIK',
        innovationCount: 0,
        innovationRuleApplied: true,
      });
      expect(without.annualResult.note).toMatch(
        /SANGAT_BAIK memerlukan paling sedikit satu inovasi terverifikasi pada 2025/,
      );
      expect(without.innovations).toEqual([
        { year: 2024, title: 'Tahun lalu', verified: true },
        { year: 2025, title: 'Belum diverifikasi', verified: false },
      ]);
      // Employee 6: two verified 2025 innovations, one by the supervisor, one by an administrator (no verifier).
      expect(data.withInnovations).toEqual({
        annualResult: {
          predikat: 'SANGAT_BAIK',
          predikatBeforeInnovationRule: 'SANGAT_BAIK',
          innovationCount: 2,
          innovationRuleApplied: false,
          note: null,
        },
        innovations: [
          {
            title: 'Aplikasi presensi guru',
            verified: true,
            verifiedBy: { nip: nipOf(0) },
            verifiedAt: '2025-04-10T00:00:00.000Z',
          },
          { title: 'Pojok baca', verified: true, verifiedBy: null, verifiedAt: '2025-10-01T00:00:00.000Z' },
        ],
      });
    });

    it('is null for a year without evaluations, and has no score when a category is missing', async () => {
      const data = await query<{ pppk: Record<string, unknown>; partial: Record<string, unknown> }>(
        `query ($pppk: String!, $partial: String!) {
          pppk: employee(nip: $pppk) { employmentType rank evaluations { id } annualResult(year: 2025) { score } }
          partial: employee(nip: $partial) {
            evaluations { hasilKerjaScore perilakuKerjaScore score hasilKerjaRating perilakuKerjaRating predikat }
            annualResult(year: 2025) { hasilKerjaScore perilakuKerjaScore score predikat quarterCount }
            other: annualResult(year: 2024) { score }
          }
        }`,
        { pppk: PPPK_NIP, partial: nipOf(8) },
      );
      expect(data.pppk).toEqual({ employmentType: 'PPPK', rank: 'IX', evaluations: [], annualResult: null });
      // Only behaviour scored: work results null, so the quarterly score and predikat are null, never 0.
      expect(data.partial).toEqual({
        evaluations: [
          {
            hasilKerjaScore: null,
            perilakuKerjaScore: 100,
            score: null,
            hasilKerjaRating: null,
            perilakuKerjaRating: 'SESUAI_EKSPEKTASI',
            predikat: null,
          },
        ],
        annualResult: { hasilKerjaScore: null, perilakuKerjaScore: 100, score: null, predikat: null, quarterCount: 1 },
        other: null,
      });
    });
  });

  describe('employees connection', () => {
    const PAGE = `query ($first: Int, $after: String, $filter: EmployeeFilter, $orderBy: EmployeeOrder) {
      employees(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { cursor node { nip name } }
      }
    }`;
    interface Page {
      employees: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: { cursor: string; node: { nip: string; name: string } }[];
      };
    }

    it('pages with first and after until hasNextPage is false', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      const pages: boolean[] = [];
      for (;;) {
        const { employees }: Page = await query<Page>(PAGE, { first: 4, after, orderBy: 'NIP_ASC' });
        expect(employees.totalCount).toBe(9);
        seen.push(...employees.edges.map((e) => e.node.nip));
        pages.push(employees.pageInfo.hasNextPage);
        expect(employees.pageInfo.endCursor).toBe(employees.edges.at(-1)?.cursor ?? null);
        if (!employees.pageInfo.hasNextPage) break;
        after = employees.pageInfo.endCursor;
      }
      expect(pages).toEqual([true, true, false]);
      expect(seen).toEqual([...scenario.employees.map((e) => e.nip)].sort());
    });

    it('answers first: 0 with the count only, and orders by the order asked', async () => {
      const empty = await query<Page>(PAGE, { first: 0 });
      expect(empty.employees).toEqual({ totalCount: 9, pageInfo: { hasNextPage: true, endCursor: null }, edges: [] });
      const byAgency = await query<Page>(PAGE, { first: 3, orderBy: 'AGENCY_ASC' });
      expect(byAgency.employees.edges.map((e) => e.node.name)).toEqual([
        'Dedi Simanjuntak 2',
        'Intan Simanjuntak 5',
        'Maruli Simanjuntak 8',
      ]);
      const byNipDesc = await query<Page>(PAGE, { first: 1, orderBy: 'NIP_DESC' });
      expect(byNipDesc.employees.edges[0].node.nip).toBe(nipOf(8));
    });

    it('refuses first: 501 with BAD_USER_INPUT naming first, and a foreign cursor naming after', async () => {
      const tooMany = await refusal(PAGE, { first: 501 });
      expect(tooMany.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
      expect(tooMany.message).toBe('first harus antara 0 dan 500, bukan 501');
      const cursor = await refusal(PAGE, { after: 'not-a-cursor' });
      expect(cursor.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
      const max = await query<Page>(PAGE, { first: 500 });
      expect(max.employees.edges).toHaveLength(9);
    });

    it('filters by agency, employment type, position type, and searches names and NIP prefixes', async () => {
      const count = async (filter: Record<string, unknown>) =>
        (await query<Page>(PAGE, { filter, orderBy: 'NIP_ASC' })).employees;
      expect((await count({ agencyCodes: ['DISDIK'] })).edges.map((e) => e.node.nip)).toEqual(
        [nipOf(0), nipOf(3), nipOf(6)].sort(),
      );
      expect((await count({ agencyCodes: ['DISDIK', 'DINKES'] })).totalCount).toBe(6);
      expect((await count({ agencyCodes: [] })).totalCount).toBe(0);
      expect((await count({ employmentType: 'PPPK' })).edges.map((e) => e.node.nip)).toEqual([PPPK_NIP]);
      expect((await count({ employmentType: 'PNS' })).totalCount).toBe(8);
      expect((await count({ positionType: 'JPT' })).totalCount).toBe(3);
      // Any case, anywhere in the name.
      expect((await count({ search: 'hutaGALUNG' })).edges.map((e) => e.node.name)).toEqual(['Butet Hutagalung']);
      expect((await count({ search: 'simanjuntak', agencyCodes: ['BKPSDM'] })).totalCount).toBe(3);
      // The first digits of the NIP (born 1973-01-01); digits inside a NIP do not match.
      expect((await count({ search: '19730101' })).edges.map((e) => e.node.nip)).toEqual([nipOf(3)]);
      expect((await count({ search: '20050320' })).totalCount).toBe(0);
      // LIKE wildcards are taken literally.
      expect((await count({ search: '%' })).totalCount).toBe(0);
      expect((await count({ search: '_' })).totalCount).toBe(0);
    });

    it('refuses an unknown agency code instead of answering nothing', async () => {
      const error = await refusal(PAGE, { filter: { agencyCodes: ['DISDIK', 'DISDUK'] } });
      expect(error).toMatchObject({
        message: 'Unknown agency code: DISDUK',
        extensions: { code: 'BAD_USER_INPUT', field: 'filter.agencyCodes' },
      });
    });
  });

  describe('employee(nip | pseudonym)', () => {
    it('finds the same employee by pseudonym', async () => {
      const { employee } = await query<{ employee: { pseudonym: string } }>(
        'query ($nip: String!) { employee(nip: $nip) { pseudonym } }',
        { nip: nipOf(3) },
      );
      expect(employee.pseudonym).toMatch(/^ASN-[0-9A-F]{10}$/);
      const byPseudonym = await query<{ employee: { nip: string; name: string; pseudonym: string } }>(
        'query ($p: String!) { employee(pseudonym: $p) { nip name pseudonym } }',
        { p: employee.pseudonym },
      );
      expect(byPseudonym.employee).toEqual({ nip: nipOf(3), name: 'Butet Hutagalung', pseudonym: employee.pseudonym });
    });

    it('refuses neither or both arguments, and a malformed NIP, with BAD_USER_INPUT naming the argument', async () => {
      expect((await refusal('{ employee { nip } }')).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'nip' });
      const both = await refusal(`{ employee(nip: "${nipOf(3)}", pseudonym: "ASN-0000000000") { nip } }`);
      expect(both).toMatchObject({
        message: 'sebutkan nip atau pseudonim (pseudonym), bukan keduanya',
        extensions: { code: 'BAD_USER_INPUT', field: 'pseudonym' },
      });
      // The shared NIP rule's messages.
      const short = await refusal('{ employee(nip: "19730101") { nip } }');
      expect(short).toMatchObject({ message: 'NIP memuat 8 angka, bukan 18', extensions: { field: 'nip' } });
      const letters = await refusal('{ employee(nip: "19730101200503200X") { nip } }');
      expect(letters).toMatchObject({
        message: 'NIP hanya boleh memuat angka 0-9; ditemukan "X"',
        extensions: { code: 'BAD_USER_INPUT', field: 'nip' },
      });
    });

    it('answers NOT_FOUND for a well-formed NIP or a pseudonym nobody has', async () => {
      const nip = await refusal('{ employee(nip: "198001012005031999") { nip } }');
      expect(nip).toMatchObject({
        message: 'Pegawai dengan NIP 198001012005031999 tidak ditemukan',
        extensions: { code: 'NOT_FOUND' },
      });
      const pseudonym = await refusal('{ employee(pseudonym: "ASN-0000000000") { nip } }');
      expect(pseudonym.extensions?.code).toBe('NOT_FOUND');
    });
  });

  describe('criteria, periods, scoring policy and org performance', () => {
    interface CriterionRow {
      code: string;
      category: string;
      weight: number;
      agency: { code: string } | null;
      yearFrom: number;
      yearTo: number | null;
    }
    const CRITERIA = `query ($agencyCode: String, $year: Int) {
      criteria(agencyCode: $agencyCode, year: $year) { code category weight agency { code } yearFrom yearTo }
    }`;

    it("answers the city-wide and the agency's criteria in force that year, weights summing to 100", async () => {
      const { criteria } = await query<{ criteria: CriterionRow[] }>(CRITERIA, { agencyCode: 'DISDIK', year: 2025 });
      expect(criteria.map((c) => `${c.agency?.code ?? 'KOTA'}:${c.code}`)).toEqual([
        'KOTA:PROFESIONALISME',
        'KOTA:DISIPLIN',
        'KOTA:INOVASI',
        'DISDIK:PRESTASI_SISWA',
        'DISDIK:KEHADIRAN_KEGIATAN',
        'KOTA:BERORIENTASI_PELAYANAN',
        'KOTA:AKUNTABEL',
        'KOTA:KOMPETEN',
        'KOTA:HARMONIS',
        'KOTA:LOYAL',
        'KOTA:ADAPTIF',
        'KOTA:KOLABORATIF',
      ]);
      const sum = (category: string) =>
        criteria.filter((c) => c.category === category).reduce((total, c) => total + c.weight, 0);
      expect([sum('HASIL_KERJA'), sum('PERILAKU_KERJA')]).toEqual([100, 100]);
    });

    it('follows the years in force: a retired criterion before, a new one after', async () => {
      const codes = async (year: number) =>
        (await query<{ criteria: CriterionRow[] }>(CRITERIA, { agencyCode: 'DISDIK', year })).criteria.map(
          (c) => c.code,
        );
      expect(await codes(2024)).toContain('KERJASAMA');
      expect(await codes(2024)).not.toContain('LITERASI');
      expect(await codes(2026)).toContain('LITERASI');
      expect(await codes(2026)).not.toContain('KERJASAMA');
      const { criteria: all } = await query<{ criteria: CriterionRow[] }>(CRITERIA, { year: 2025 });
      // 10 city-wide + 2 per agency x 3 agencies.
      expect(all).toHaveLength(16);
      const unknown = await refusal(CRITERIA, { agencyCode: 'NOPE' });
      expect(unknown).toMatchObject({
        message: 'Perangkat daerah NOPE tidak ditemukan',
        extensions: { code: 'NOT_FOUND' },
      });
    });

    it('lists the periods with their labels', async () => {
      const { periods } = await query<{ periods: unknown[] }>('{ periods { year quarter status label closedAt } }');
      expect(periods).toEqual(
        ['I', 'II', 'III', 'IV'].map((roman, i) => ({
          year: 2025,
          quarter: i + 1,
          status: 'OPEN',
          label: `Triwulan ${roman} 2025`,
          closedAt: null,
        })),
      );
      expect((await query<{ periods: unknown[] }>('{ periods(year: 2024) { year } }')).periods).toEqual([]);
    });

    it('reports the scoring policy in force with its version', async () => {
      const { scoringPolicy } = await query<{ scoringPolicy: unknown }>(`{
        scoringPolicy {
          version categoryWeights { HASIL_KERJA PERILAKU_KERJA } ratingThresholds { diAtas sesuai } scoreMax
          innovationRule minJpPerYearPns maxJpPerYearPppk suppressionMinGroup trainingImpactMinN raterZThreshold
          raterMinEmployees trainingNeedThreshold trainingImpactDefaultWindow
        }
      }`);
      expect(scoringPolicy).toEqual({ ...DEFAULT_SCORING_POLICY });
      expect(scoringPolicy).toMatchObject({
        categoryWeights: { HASIL_KERJA: 0.7, PERILAKU_KERJA: 0.3 },
        ratingThresholds: { diAtas: 110, sesuai: 90 },
      });
    });

    it("answers an agency's org performance of a year, null for a year without one", async () => {
      const { agency } = await query<{ agency: unknown }>(`{
        agency(code: "DISDIK") {
          employeeCount
          y2025: orgPerformance(year: 2025) { year predikat proposedPredikat setAt }
          y2024: orgPerformance(year: 2024) { predikat }
        }
      }`);
      expect(agency).toEqual({
        employeeCount: 3,
        y2025: { year: 2025, predikat: 'BAIK', proposedPredikat: 'BAIK', setAt: '2026-01-15T00:00:00.000Z' },
        y2024: null,
      });
    });
  });

  describe('evaluations connection', () => {
    const EVALUATIONS = `query ($filter: EvaluationFilter, $first: Int, $after: String) {
      evaluations(filter: $filter, first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { id status employee { nip } period { year quarter } agency { code } } }
      }
    }`;
    interface Evaluations {
      evaluations: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: {
          node: {
            id: number;
            status: string;
            employee: { nip: string };
            period: { year: number; quarter: number };
            agency: { code: string };
          };
        }[];
      };
    }
    const list = async (filter: Record<string, unknown>, first = 50) =>
      (await query<Evaluations>(EVALUATIONS, { filter, first })).evaluations;

    it('filters by agency and an inclusive period range, ordered by period', async () => {
      const page = await list({
        agencyCodes: ['DISDIK'],
        from: { year: 2025, quarter: 2 },
        to: { year: 2025, quarter: 3 },
      });
      // DISDIK employees 0, 3 and 6, quarters 2 and 3.
      expect(page.totalCount).toBe(6);
      expect(page.edges.map((e) => e.node.period.quarter)).toEqual([2, 2, 2, 3, 3, 3]);
      expect(new Set(page.edges.map((e) => e.node.agency.code))).toEqual(new Set(['DISDIK']));
      expect((await list({})).totalCount).toBe(scenario.evaluations.length);
      expect((await list({ from: { year: 2025, quarter: 4 } })).totalCount).toBe(
        scenario.evaluations.filter((e) => e.quarter === 4).length,
      );
      expect((await list({ to: { year: 2024, quarter: 4 } })).totalCount).toBe(0);
    });

    it('filters by status and by assessor NIP', async () => {
      expect((await list({ status: ['OBJECTED'] })).edges.map((e) => e.node.employee.nip)).toEqual([nipOf(4)]);
      expect((await list({ status: ['DRAFT', 'OBJECTED'] })).totalCount).toBe(2);
      expect((await list({ status: ['FINAL'] })).totalCount).toBe(1);
      // The DISDIK head assesses employees 3 and 6, four quarters each.
      const assessed = await list({ assessorNip: nipOf(0) });
      expect(assessed.totalCount).toBe(8);
      expect(new Set(assessed.edges.map((e) => e.node.employee.nip))).toEqual(new Set([nipOf(3), nipOf(6)]));
    });

    it('pages, and refuses a malformed filter naming the field', async () => {
      const first = await list({}, 20);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const rest = (await query<Evaluations>(EVALUATIONS, { first: 20, after: first.pageInfo.endCursor })).evaluations;
      expect(rest.pageInfo.hasNextPage).toBe(false);
      const ids = [...first.edges, ...rest.edges].map((e) => e.node.id);
      expect(new Set(ids).size).toBe(scenario.evaluations.length);

      const badQuarter = await refusal(EVALUATIONS, { filter: { from: { year: 2025, quarter: 5 } } });
      expect(badQuarter.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'filter.from.quarter',
        problem: { code: 'QUARTER_OUT_OF_RANGE', params: { value: 5 } },
      });
      const backwards = await refusal(EVALUATIONS, {
        filter: { from: { year: 2025, quarter: 3 }, to: { year: 2025, quarter: 1 } },
      });
      expect(backwards.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.to' });
      const nip = await refusal(EVALUATIONS, { filter: { assessorNip: '123' } });
      expect(nip).toMatchObject({
        message: 'NIP memuat 3 angka, bukan 18',
        extensions: { code: 'BAD_USER_INPUT', field: 'filter.assessorNip' },
      });
      expect((await refusal(EVALUATIONS, { first: 501 })).extensions).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'first',
      });
    });

    it('answers one evaluation by id with its objections', async () => {
      const objected = scenario.evaluations.find((e) => e.status === 'OBJECTED')!;
      const { evaluation } = await query<{ evaluation: unknown }>(
        `query ($id: Int!) {
          evaluation(id: $id) { status version objections { reason status filedBy { nip } decidedBy { nip } decidedAt } }
        }`,
        { id: objected.id },
      );
      expect(evaluation).toEqual({
        status: 'OBJECTED',
        version: 1,
        objections: [
          {
            reason: 'Nilai tidak sesuai bukti kerja',
            status: 'PENDING',
            filedBy: { nip: nipOf(4) },
            decidedBy: null,
            decidedAt: null,
          },
        ],
      });
      const missing = await refusal('{ evaluation(id: 999999) { id } }');
      expect(missing).toMatchObject({ message: 'Penilaian 999999 tidak ditemukan', extensions: { code: 'NOT_FOUND' } });
    });
  });

  describe('trainings and training hours', () => {
    it('sums the JP of COMPLETED participations completed in the calendar year', async () => {
      const data = await query<{ a: unknown; b: unknown }>(
        `query ($a: String!, $b: String!) {
          a: employee(nip: $a) {
            y2025: trainingHours(year: 2025)
            y2024: trainingHours(year: 2024)
            y2023: trainingHours(year: 2023)
            participations(year: 2025) { status completedOn hoursJp training { code } }
            all: participations { training { code } }
          }
          b: employee(nip: $b) { trainingHours(year: 2025) }
        }`,
        { a: nipOf(3), b: nipOf(4) },
      );
      // 8 JP (31 March) + 12 JP (31 December) in 2025; the 2024 seminar counts for 2024; ENROLLED and DROPPED never.
      expect(data.a).toEqual({
        y2025: 20,
        y2024: 5,
        y2023: 0,
        participations: [
          { status: 'COMPLETED', completedOn: '2025-12-31', hoursJp: 12, training: { code: 'WS-DATA' } },
          { status: 'COMPLETED', completedOn: '2025-03-31', hoursJp: 8, training: { code: 'PKP-2025' } },
        ],
        all: [
          { training: { code: 'WS-DATA' } },
          { training: { code: 'PKP-2025' } },
          { training: { code: 'SEM-2024' } },
          { training: { code: 'ELEARN-1' } },
          { training: { code: 'COACH-1' } },
        ],
      });
      expect(data.b).toEqual({ trainingHours: 12 });
    });

    it("lists trainings by code, or an agency's trainings (completed by its employees)", async () => {
      const TRAININGS = `query ($agencyCode: String, $first: Int) {
        trainings(agencyCode: $agencyCode, first: $first) {
          totalCount pageInfo { hasNextPage }
          edges { node { code kind hoursJp criteria participants { status employee { nip } } } }
        }
      }`;
      interface Trainings {
        trainings: {
          totalCount: number;
          pageInfo: { hasNextPage: boolean };
          edges: { node: { code: string; participants: { status: string; employee: { nip: string } }[] } }[];
        };
      }
      const all = (await query<Trainings>(TRAININGS, { first: 2 })).trainings;
      expect(all.totalCount).toBe(5);
      expect(all.pageInfo.hasNextPage).toBe(true);
      expect(all.edges.map((e) => e.node.code)).toEqual(['COACH-1', 'ELEARN-1']);
      const disdik = (await query<Trainings>(TRAININGS, { agencyCode: 'DISDIK' })).trainings;
      expect(disdik.edges.map((e) => e.node.code)).toEqual(['PKP-2025', 'SEM-2024', 'WS-DATA']);
      expect(disdik.edges[2].node).toMatchObject({
        kind: 'WORKSHOP',
        hoursJp: 12,
        criteria: ['DISIPLIN'],
        participants: [
          { status: 'COMPLETED', employee: { nip: nipOf(3) } },
          { status: 'COMPLETED', employee: { nip: nipOf(4) } },
        ],
      });
      expect((await query<Trainings>(TRAININGS, { agencyCode: 'DINKES' })).trainings.totalCount).toBe(1);
      expect((await query<Trainings>(TRAININGS, { agencyCode: 'BKPSDM' })).trainings.totalCount).toBe(0);
      const unknown = await refusal(TRAININGS, { agencyCode: 'NOPE' });
      expect(unknown.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'agencyCode' });
      const { training } = await query<{ training: unknown }>(
        '{ training(code: "SEM-2024") { title organizer startDate endDate } }',
      );
      expect(training).toEqual({ title: 'Pelatihan SEM-2024', organizer: null, startDate: null, endDate: null });
    });
  });
});
