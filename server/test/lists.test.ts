import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountToken } from './helpers/auth.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { buildScenario, type Scenario } from './helpers/scenario.js';
import { startTestServer, type GraphQLResponse, type TestServer } from './helpers/server.js';

/**
 * The lists of issue 9: `annualResults`, `currentPeriod`, the orders and filters of `evaluations` and `trainings`,
 * `Evaluation.scores(criterionCodes)` (docs/graphql.md "Orders and filters of the lists").
 *
 * The ranking scenario: seven employees over DISDIK, DINKES, BKPSDM in turn (0, 1, 2 head them; 3 and 6 report to 0,
 * 4 to 1, 5 to 2), SUBMITTED evaluations in Q1 and Q2 of 2025, every work-results criterion of an evaluation scored
 * HK and every behaviour criterion PK, so that a quarter's category scores are HK and PK and its score is
 * 0.7 HK + 0.3 PK. Worked by hand (thresholds 110 / 90, the predikat matrix of docs/scoring.md, no innovation anywhere):
 *
 * | # | name    | HK Q1, Q2 | PK  | quarter scores | annual HK, PK | annual score             | predikat                    |
 * |---|---------|-----------|-----|----------------|---------------|--------------------------|-----------------------------|
 * | 0 | Dewi    | 100, 100  | 100 | 100, 100       | 100, 100      | 100                      | BAIK                        |
 * | 1 | Andi    | 80, 100   | 95  | 84.5, 98.5     | 90, 95        | 63 + 28.5 = 91.5         | BAIK                        |
 * | 2 | Gita    | 115, 115  | 112 | 114.1, 114.1   | 115, 112      | 80.5 + 33.6 = 114.1      | SANGAT_BAIK -> BAIK (rule)  |
 * | 3 | Budi    | 70, 70    | 80  | 73, 73         | 70, 80        | 49 + 24 = 73             | SANGAT_KURANG               |
 * | 4 | Eko     | 100, 100  | 85  | 95.5, 95.5     | 100, 85       | 70 + 25.5 = 95.5         | KURANG (SESUAI, DI_BAWAH)   |
 * | 5 | Citra   | 85, 85    | 100 | 89.5, 89.5     | 85, 100       | 59.5 + 30 = 89.5         | BUTUH_PERBAIKAN             |
 * | 6 | Fajar   | 100, 100  | 100 | 100, 100       | 100, 100      | 100 (ties with Dewi)     | BAIK                        |
 *
 * Quarterly predikats: 2 is SANGAT_BAIK in both quarters (the innovation rule is annual only); 1 is BUTUH_PERBAIKAN in Q1
 * (84.5: HK 80 DI_BAWAH, PK 95 SESUAI -> BUTUH_PERBAIKAN) and BAIK in Q2.
 */

const NAMES = ['Dewi', 'Andi', 'Gita', 'Budi', 'Eko', 'Citra', 'Fajar'];
const HK: Record<number, [number, number]> = {
  0: [100, 100],
  1: [80, 100],
  2: [115, 115],
  3: [70, 70],
  4: [100, 100],
  5: [85, 85],
  6: [100, 100],
};
const PK = [100, 95, 112, 80, 85, 100, 100];

interface Row {
  employee: { pseudonym: string; name: string | null };
  agency: { code: string } | null;
  year: number;
  hasilKerjaScore: number | null;
  perilakuKerjaScore: number | null;
  score: number | null;
  hasilKerjaRating: string | null;
  perilakuKerjaRating: string | null;
  predikat: string | null;
  innovationCount: number;
  frozen: boolean;
}
interface Page<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: T }[];
}

const ANNUAL = `query ($filter: AnnualResultFilter, $first: Int, $after: String, $orderBy: AnnualResultOrder) {
  annualResults(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { employee { pseudonym name } agency { code } year hasilKerjaScore perilakuKerjaScore score
      hasilKerjaRating perilakuKerjaRating predikat innovationCount frozen } }
  }
}`;

const EVALUATIONS = `query ($filter: EvaluationFilter, $first: Int, $after: String, $orderBy: EvaluationOrder) {
  evaluations(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id score predikat period { year quarter } employee { name } } }
  }
}`;

describe('lists: annualResults, currentPeriod, orders and filters (the ranking scenario)', () => {
  let db: TestDatabase;
  let server: TestServer;
  let scenario: Scenario;
  let admin: Record<string, string> = {};
  let analyst: Record<string, string> = {};
  let supervisor: Record<string, string> = {};
  let staff: Record<string, string> = {};

  const ask = async <T>(headers: Record<string, string>, query: string, variables?: Record<string, unknown>) =>
    (await server.graphql(query, variables, headers)) as GraphQLResponse<T>;
  const annual = async (variables: Record<string, unknown>, headers = admin) => {
    const body = await ask<{ annualResults: Page<Row> }>(headers, ANNUAL, variables);
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return body.data!.annualResults;
  };
  const names = (page: Page<Row>) => page.edges.map((e) => e.node.employee.name);
  const refusal = (body: GraphQLResponse<unknown>) => ({
    code: body.errors?.[0]?.extensions?.code,
    field: body.errors?.[0]?.extensions?.field,
  });

  beforeAll(async () => {
    db = await createTestDatabase();
    scenario = await buildScenario(db.orm, {
      employees: 7,
      quarters: [1, 2],
      employee: (index) => ({ name: NAMES[index] }),
      score: (index, quarter, criterion) => (criterion.category === 'HASIL_KERJA' ? HK[index][quarter - 1] : PK[index]),
    });
    server = await startTestServer(db.orm);
    const em = db.orm.em.fork();
    admin = (await accountToken(em, { login: 'admin', role: 'ADMIN' })).headers;
    analyst = (await accountToken(em, { login: 'analyst', role: 'ANALYST' })).headers;
    supervisor = (await accountToken(em, { login: 'dewi', role: 'SUPERVISOR', employeeId: scenario.employees[0].id }))
      .headers;
    staff = (await accountToken(em, { login: 'budi', role: 'EMPLOYEE', employeeId: scenario.employees[3].id })).headers;
  });

  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  describe('annualResults', () => {
    it('answers the hand-worked annual results, highest score first, ties by employee id', async () => {
      const page = await annual({ filter: { year: 2025 } });
      expect(page.totalCount).toBe(7);
      // Dewi (index 0, a head, inserted before Fajar) and Fajar tie at 100: Dewi first.
      expect(names(page)).toEqual(['Gita', 'Dewi', 'Fajar', 'Eko', 'Andi', 'Citra', 'Budi']);
      const byName = new Map(page.edges.map((e) => [e.node.employee.name, e.node]));
      const expected: Record<string, [number, number, number, string, string, string, string]> = {
        Gita: [115, 112, 114.1, 'DI_ATAS_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI', 'BAIK', 'BKPSDM'],
        Dewi: [100, 100, 100, 'SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'BAIK', 'DISDIK'],
        Fajar: [100, 100, 100, 'SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'BAIK', 'DISDIK'],
        Eko: [100, 85, 95.5, 'SESUAI_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI', 'KURANG', 'DINKES'],
        Andi: [90, 95, 91.5, 'SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'BAIK', 'DINKES'],
        Citra: [85, 100, 89.5, 'DI_BAWAH_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'BUTUH_PERBAIKAN', 'BKPSDM'],
        Budi: [70, 80, 73, 'DI_BAWAH_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI', 'SANGAT_KURANG', 'DISDIK'],
      };
      for (const [name, [hk, pk, score, hkr, pkr, predikat, agency]] of Object.entries(expected)) {
        const row = byName.get(name)!;
        expect(row.hasilKerjaScore, name).toBeCloseTo(hk, 9);
        expect(row.perilakuKerjaScore, name).toBeCloseTo(pk, 9);
        expect(row.score, name).toBeCloseTo(score, 9);
        expect([row.hasilKerjaRating, row.perilakuKerjaRating, row.predikat, row.agency?.code], name).toEqual([
          hkr,
          pkr,
          predikat,
          agency,
        ]);
        expect([row.year, row.innovationCount, row.frozen], name).toEqual([2025, 0, false]);
      }
    });

    it('orders by score ascending and by name', async () => {
      expect(names(await annual({ orderBy: 'SCORE_ASC' }))).toEqual([
        'Budi',
        'Citra',
        'Andi',
        'Eko',
        'Dewi',
        'Fajar',
        'Gita',
      ]);
      expect(names(await annual({ orderBy: 'EMPLOYEE_ASC' }))).toEqual([
        'Andi',
        'Budi',
        'Citra',
        'Dewi',
        'Eko',
        'Fajar',
        'Gita',
      ]);
    });

    it('filters by score (inclusive), predikat, agency and year', async () => {
      // 90 <= score <= 100: Dewi 100, Fajar 100, Eko 95.5, Andi 91.5 (Citra's 89.5 is out).
      expect(names(await annual({ filter: { minScore: 90, maxScore: 100 } }))).toEqual([
        'Dewi',
        'Fajar',
        'Eko',
        'Andi',
      ]);
      expect(names(await annual({ filter: { minScore: 95.5 } }))).toEqual(['Gita', 'Dewi', 'Fajar', 'Eko']);
      expect(names(await annual({ filter: { maxScore: 89.5 } }))).toEqual(['Citra', 'Budi']);
      expect(names(await annual({ filter: { predikats: ['BAIK'] } }))).toEqual(['Gita', 'Dewi', 'Fajar', 'Andi']);
      expect(names(await annual({ filter: { predikats: ['KURANG', 'SANGAT_KURANG'] } }))).toEqual(['Eko', 'Budi']);
      expect(names(await annual({ filter: { agencyCodes: ['DINKES'] } }))).toEqual(['Eko', 'Andi']);
      expect((await annual({ filter: { year: 2024 } })).totalCount).toBe(0);
    });

    it('pages with stable cursors: two at a time gives the whole list once, in order', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      for (let pages = 0; pages < 10; pages++) {
        const page: Page<Row> = await annual({ first: 2, after, orderBy: 'SCORE_DESC' });
        expect(page.totalCount).toBe(7);
        seen.push(...names(page).map(String));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(seen).toEqual(['Gita', 'Dewi', 'Fajar', 'Eko', 'Andi', 'Citra', 'Budi']);
      const empty = await annual({ first: 0 });
      expect([empty.totalCount, empty.edges.length]).toEqual([7, 0]);
    });

    it('refuses bad input at the field: min above max, out-of-range bounds, unknown agency, year, first', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ filter: { minScore: 100, maxScore: 90 } }, 'filter.maxScore'],
        [{ filter: { minScore: -1 } }, 'filter.minScore'],
        [{ filter: { maxScore: 121 } }, 'filter.maxScore'],
        [{ filter: { agencyCodes: ['NOPE'] } }, 'filter.agencyCodes'],
        [{ filter: { year: 1999 } }, 'filter.year'],
        [{ first: 501 }, 'first'],
        [{ after: 'not-a-cursor' }, 'after'],
      ];
      for (const [variables, field] of cases) {
        const body = await ask(admin, ANNUAL, variables);
        expect(refusal(body), JSON.stringify(variables)).toEqual({ code: 'BAD_USER_INPUT', field });
      }
      const body = await ask(admin, ANNUAL, { filter: { minScore: 100, maxScore: 90 } });
      expect(body.errors![0].message).toMatch(/rentangnya kosong/);
    });

    it('is scoped and pseudonymised as employees is', async () => {
      // A supervisor sees their own row and their reports' (Budi, Fajar); a staff member only their own.
      expect(names(await annual({ orderBy: 'EMPLOYEE_ASC' }, supervisor))).toEqual(['Budi', 'Dewi', 'Fajar']);
      expect(names(await annual({}, staff))).toEqual(['Budi']);
      // An analyst sees every row, without names, ordered by pseudonym under EMPLOYEE_ASC.
      const pseudonymised = await annual({ orderBy: 'EMPLOYEE_ASC' }, analyst);
      expect(pseudonymised.totalCount).toBe(7);
      expect(pseudonymised.edges.every((e) => e.node.employee.name === null)).toBe(true);
      const pseudonyms = pseudonymised.edges.map((e) => e.node.employee.pseudonym);
      expect(pseudonyms).toEqual([...pseudonyms].sort());
      expect(pseudonymised.edges.map((e) => e.node.score)).not.toContain(null);
    });

    it('says frozen for a year whose stored result is frozen', async () => {
      await db.orm.em
        .fork()
        .getConnection()
        .execute('update annual_result set frozen_at = now() where employee_id = ?', [scenario.employees[5].id]);
      const page = await annual({ filter: { predikats: ['BUTUH_PERBAIKAN'] } });
      expect(page.edges.map((e) => [e.node.employee.name, e.node.frozen])).toEqual([['Citra', true]]);
    });
  });

  describe('evaluations: orders and filters', () => {
    type Evaluation = {
      id: number;
      score: number;
      predikat: string;
      period: { year: number; quarter: number };
      employee: { name: string };
    };
    const evaluations = async (variables: Record<string, unknown>) => {
      const body = await ask<{ evaluations: Page<Evaluation> }>(admin, EVALUATIONS, variables);
      expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
      return body.data!.evaluations;
    };
    const label = (e: Evaluation) => `${e.employee.name} Q${e.period.quarter}`;
    const idOf = (index: number, quarter: number) =>
      scenario.evaluations.find((e) => e.employeeIndex === index && e.quarter === quarter)!.id;

    it('filters by score (inclusive) and predikat', async () => {
      // 95 <= score <= 100: Dewi and Fajar 100 (both quarters), Eko 95.5 (both), Andi Q2 98.5.
      const page = await evaluations({ filter: { minScore: 95, maxScore: 100 }, orderBy: 'SCORE_DESC' });
      expect(page.totalCount).toBe(7);
      expect(page.edges.map((e) => label(e.node))).toEqual([
        ...['Dewi Q1', 'Dewi Q2', 'Fajar Q1', 'Fajar Q2'].sort((a, b) => {
          const id = (l: string) => idOf(NAMES.indexOf(l.split(' ')[0]), Number(l.at(-1)));
          return id(a) - id(b);
        }),
        'Andi Q2',
        ...(idOf(4, 1) < idOf(4, 2) ? ['Eko Q1', 'Eko Q2'] : ['Eko Q2', 'Eko Q1']),
      ]);
      const sangatBaik = await evaluations({ filter: { predikats: ['SANGAT_BAIK'] } });
      expect(sangatBaik.edges.map((e) => label(e.node))).toEqual(['Gita Q1', 'Gita Q2']);
      const andiQ1 = await evaluations({ filter: { predikats: ['BUTUH_PERBAIKAN'], maxScore: 85 } });
      expect(andiQ1.edges.map((e) => [label(e.node), e.node.score])).toEqual([['Andi Q1', 84.5]]);
    });

    it('orders by score ascending (ties by id) and by period, newest first', async () => {
      const ascending = await evaluations({ orderBy: 'SCORE_ASC', first: 3 });
      const budi = [idOf(3, 1), idOf(3, 2)].sort((a, b) => a - b);
      expect(ascending.edges.map((e) => e.node.id)).toEqual([...budi, idOf(1, 1)]);
      expect(ascending.edges.map((e) => e.node.score)).toEqual([73, 73, 84.5]);
      const newest = await evaluations({ orderBy: 'PERIOD_DESC', first: 500 });
      expect(newest.edges.map((e) => e.node.period.quarter)).toEqual([2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1]);
      const q2Ids = newest.edges.slice(0, 7).map((e) => e.node.id);
      expect(q2Ids).toEqual([...q2Ids].sort((a, b) => a - b));
      // Paging under SCORE_DESC with pages of 3 gives the same 14 rows as one page.
      const all = (await evaluations({ orderBy: 'SCORE_DESC', first: 500 })).edges.map((e) => e.node.id);
      const paged: number[] = [];
      let after: string | null = null;
      for (let i = 0; i < 10; i++) {
        const page: Page<Evaluation> = await evaluations({ orderBy: 'SCORE_DESC', first: 3, after });
        paged.push(...page.edges.map((e) => e.node.id));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(paged).toEqual(all);
      expect(all).toHaveLength(14);
    });

    it('refuses minScore above maxScore at filter.maxScore', async () => {
      const body = await ask(admin, EVALUATIONS, { filter: { minScore: 90.5, maxScore: 90 } });
      expect(refusal(body)).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.maxScore' });
    });
  });

  describe('Evaluation.scores(criterionCodes)', () => {
    const SCORES = `query ($id: Int!, $codes: [String!]) {
      evaluation(id: $id) { scores(criterionCodes: $codes) { criterion { code } score } }
    }`;

    it('keeps the scores of the criteria named, and refuses a code no criterion carries', async () => {
      const id = scenario.evaluations.find((e) => e.employeeIndex === 1 && e.quarter === 1)!.id;
      const body = await ask<{ evaluation: { scores: { criterion: { code: string }; score: number }[] } }>(
        admin,
        SCORES,
        { id, codes: ['LOYAL', 'DISIPLIN', 'PRESTASI_SISWA'] },
      );
      expect(body.errors).toBeUndefined();
      // Andi works in DINKES: PRESTASI_SISWA (DISDIK's) is a known code but not one of his; work results first.
      expect(body.data!.evaluation.scores.map((s) => [s.criterion.code, s.score])).toEqual([
        ['DISIPLIN', 80],
        ['LOYAL', 95],
      ]);
      const all = await ask<{ evaluation: { scores: unknown[] } }>(admin, SCORES, { id });
      expect(all.data!.evaluation.scores).toHaveLength(12);
      const refused = await ask(admin, SCORES, { id, codes: ['LOYAL', 'NOPE'] });
      expect(refusal(refused)).toEqual({ code: 'BAD_USER_INPUT', field: 'criterionCodes' });
      expect(refused.errors![0].message).toContain('NOPE');
    });
  });

  describe('trainings(orderBy)', () => {
    it('orders by first day (no first day last) and by title, ties by id', async () => {
      const knex = db.orm.em.getConnection().getKnex();
      // Inserted in this order, so ids ascend A, B, C, D.
      for (const [code, title, start] of [
        ['TA', 'Zeta', '2025-03-01'],
        ['TB', 'Alpha', null],
        ['TC', 'Mid', '2025-05-01'],
        ['TD', 'Alpha', '2025-03-01'],
      ] as const) {
        await knex('training').insert({ code, title, kind: 'WORKSHOP', hours_jp: 8, start_date: start });
      }
      const codes = async (orderBy?: string) => {
        const body = await ask<{ trainings: Page<{ code: string }> }>(
          admin,
          `query ($orderBy: TrainingOrder) { trainings(orderBy: $orderBy) { edges { node { code } } } }`,
          { orderBy },
        );
        expect(body.errors).toBeUndefined();
        return body.data!.trainings.edges.map((e) => e.node.code);
      };
      expect(await codes('START_DESC')).toEqual(['TC', 'TA', 'TD', 'TB']);
      expect(await codes('START_ASC')).toEqual(['TA', 'TD', 'TC', 'TB']);
      expect(await codes('TITLE_ASC')).toEqual(['TB', 'TD', 'TC', 'TA']);
      expect(await codes()).toEqual(['TA', 'TB', 'TC', 'TD']);
    });
  });

  describe('currentPeriod', () => {
    const CURRENT = '{ currentPeriod { year quarter status } }';
    const current = async () =>
      (await ask<{ currentPeriod: { year: number; quarter: number; status: string } | null }>(analyst, CURRENT)).data!
        .currentPeriod;
    const setStatus = (quarter: number, status: string) =>
      db.orm.em
        .fork()
        .getConnection()
        .execute('update period set status = ?, closed_at = ? where year = 2025 and quarter = ?', [
          status,
          status === 'CLOSED' ? new Date() : null,
          quarter,
        ]);

    it('is the open period with the latest start, else the latest closed one', async () => {
      expect(await current()).toEqual({ year: 2025, quarter: 2, status: 'OPEN' });
      // Q2 closed, Q1 still open: the open one wins although it is older.
      await setStatus(2, 'CLOSED');
      expect(await current()).toEqual({ year: 2025, quarter: 1, status: 'OPEN' });
      await setStatus(1, 'CLOSED');
      expect(await current()).toEqual({ year: 2025, quarter: 2, status: 'CLOSED' });
    });
  });
});
