import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { buildScenario, type CriterionSpec, type Scenario } from './helpers/scenario.js';
import { accountToken } from './helpers/auth.js';
import { startTestServer, type TestServer } from './helpers/server.js';

/**
 * No N+1: the same nested query over 10 and over 200 employees (each with 4 scored evaluations of 12 criteria) sends
 * the same number of SQL statements, and few of them. If a resolver loads per row, the count grows with the rows.
 */

/** Worked example 1 (docs/scoring.md#worked-examples), the scores of the employee whose data the test checks. */
const WORKED_EXAMPLE_1: Record<string, number | { score: number; realisation: number }> = {
  PROFESIONALISME: 95,
  DISIPLIN: { score: 95, realisation: 90.25 },
  INOVASI: 112,
  PRESTASI_SISWA: { score: 110, realisation: 88 },
  KEHADIRAN_KEGIATAN: 100,
  BERORIENTASI_PELAYANAN: 100,
  AKUNTABEL: 105,
  KOMPETEN: 110,
  HARMONIS: 95,
  LOYAL: 100,
  ADAPTIF: 115,
  KOLABORATIF: 100,
};

const NESTED = `
  query Nested($first: Int!) {
    employees(first: $first, orderBy: NIP_ASC) {
      totalCount
      edges {
        node {
          nip
          name
          agency { code name }
          supervisor { nip name agency { code } }
          evaluations(year: 2025) {
            id
            status
            hasilKerjaScore
            perilakuKerjaScore
            score
            predikat
            policyVersion
            period { year quarter label }
            assessor { nip }
            scores { score derivedFromIndicator criterion { code category weight } }
          }
          annualResult(year: 2025) { score predikat quarterCount }
          trainingHours(year: 2025)
        }
      }
    }
  }
`;

/**
 * The annual results connection with its rows' employees, agencies and evaluations (with a filtered scores list).
 * (No supervisor: a page of 10 holds no agency head, so the heads' load would be one statement more than at 200,
 * where the page holds them; supervisors are the nested query's above.)
 */
const ANNUAL = `
  query Annual($first: Int!) {
    annualResults(filter: { year: 2025 }, first: $first, orderBy: SCORE_DESC) {
      totalCount
      edges {
        node {
          score
          predikat
          frozen
          agency { code }
          employee {
            nip
            agency { code }
            evaluations(year: 2025) { score period { quarter } scores(criterionCodes: ["DISIPLIN", "LOYAL"]) { score } }
          }
        }
      }
    }
  }
`;

interface AnnualResult {
  annualResults: {
    totalCount: number;
    edges: { node: { score: number; employee: { nip: string; evaluations: { scores: unknown[] }[] } } }[];
  };
}

interface NestedEvaluation {
  status: string;
  hasilKerjaScore: number;
  perilakuKerjaScore: number;
  score: number;
  predikat: string;
  period: { year: number; quarter: number; label: string };
  assessor: { nip: string } | null;
  scores: { score: number; derivedFromIndicator: boolean; criterion: { code: string; category: string } }[];
}
interface NestedEmployee {
  nip: string;
  name: string;
  agency: { code: string };
  supervisor: { nip: string; name: string; agency: { code: string } } | null;
  evaluations: NestedEvaluation[];
  annualResult: { score: number; predikat: string; quarterCount: number } | null;
  trainingHours: number;
}
interface NestedResult {
  employees: { totalCount: number; edges: { node: NestedEmployee }[] };
}

describe('a nested query sends the same few statements for 10 and for 200 employees', () => {
  let db: TestDatabase;
  let server: TestServer;
  let scenario: Scenario;
  let statements: string[] = [];
  let counting = false;
  let admin: Record<string, string> = {};
  // The employee with worked example 1 in every quarter: a DISDIK staff member (index 3; index 0 heads DISDIK).
  const CHECKED = 3;

  beforeAll(async () => {
    db = await createTestDatabase({
      onQuery: (sql) => {
        // The cost budget's periodic flush (docs/security.md) runs beside requests, not for them; the account check
        // of a token runs at most every 30 s (docs/security.md), so on a slow machine it falls into one of the two
        // counted requests but not the other.
        if (counting && !sql.includes('request_budget') && !sql.includes('from app_user u')) statements.push(sql);
      },
    });
    scenario = await buildScenario(db.orm, {
      employees: 200,
      score: (index, quarter, criterion: CriterionSpec) => {
        if (index === CHECKED) return WORKED_EXAMPLE_1[criterion.code] ?? null;
        // Every other employee: a deterministic 90..114 over all 12 criteria of their agency.
        const score = 90 + ((index * 7 + quarter * 11 + criterion.code.length * 5) % 25);
        return criterion.target === undefined ? score : { score, realisation: (score * criterion.target) / 100 };
      },
    });
    server = await startTestServer(db.orm);
    // Outside demo mode the API needs a token: read as an administrator, who sees every row in full.
    admin = (await accountToken(db.orm.em.fork(), { login: 'admin', role: 'ADMIN' })).headers;
  });

  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  async function run<T = NestedResult>(
    first: number,
    query = NESTED,
  ): Promise<{ data: T; count: number; sql: string[] }> {
    statements = [];
    counting = true;
    const result = await server.graphql<T>(query, { first }, admin);
    counting = false;
    expect(result.errors).toBeUndefined();
    return { data: result.data!, count: statements.length, sql: statements };
  }

  it('answers every employee with 4 scored evaluations of 12 criteria', async () => {
    const { data } = await run(200);
    expect(data.employees.totalCount).toBe(200);
    expect(data.employees.edges).toHaveLength(200);
    for (const { node } of data.employees.edges) {
      expect(node.evaluations).toHaveLength(4);
      for (const evaluation of node.evaluations) expect(evaluation.scores).toHaveLength(12);
    }
  });

  it('returns the right data for one employee (worked example 1 in each quarter)', async () => {
    const { data } = await run(200);
    const checked = scenario.employees[CHECKED];
    const head = scenario.employees[0];
    const node = data.employees.edges.find((edge) => edge.node.nip === checked.nip)!.node;
    expect(node.name).toBe(checked.name);
    expect(node.agency.code).toBe('DISDIK');
    expect(node.supervisor).toEqual({ nip: head.nip, name: head.name, agency: { code: 'DISDIK' } });
    expect(node.evaluations.map((e) => e.period)).toEqual([
      { year: 2025, quarter: 1, label: 'Triwulan I 2025' },
      { year: 2025, quarter: 2, label: 'Triwulan II 2025' },
      { year: 2025, quarter: 3, label: 'Triwulan III 2025' },
      { year: 2025, quarter: 4, label: 'Triwulan IV 2025' },
    ]);
    for (const evaluation of node.evaluations) {
      // (20x95 + 15x95 + 15x112 + 30x110 + 20x100) / 100 = 103.05; behaviour 10400 / 100 = 104;
      // 0.7 x 103.05 + 0.3 x 104 = 103.335; (SESUAI, SESUAI) = BAIK.
      expect(evaluation.hasilKerjaScore).toBeCloseTo(103.05, 10);
      expect(evaluation.perilakuKerjaScore).toBeCloseTo(104, 10);
      expect(evaluation.score).toBeCloseTo(103.335, 10);
      expect(evaluation.predikat).toBe('BAIK');
      expect(evaluation.assessor).toEqual({ nip: head.nip });
      expect(evaluation.scores.map((s) => s.criterion.code)).toEqual([
        'PROFESIONALISME',
        'DISIPLIN',
        'INOVASI',
        'PRESTASI_SISWA',
        'KEHADIRAN_KEGIATAN',
        'BERORIENTASI_PELAYANAN',
        'AKUNTABEL',
        'KOMPETEN',
        'HARMONIS',
        'LOYAL',
        'ADAPTIF',
        'KOLABORATIF',
      ]);
      expect(evaluation.scores.filter((s) => s.derivedFromIndicator).map((s) => s.criterion.code)).toEqual([
        'DISIPLIN',
        'PRESTASI_SISWA',
      ]);
    }
    // Four equal quarters: the annual result equals the quarter.
    expect(node.annualResult?.score).toBeCloseTo(103.335, 10);
    expect(node.annualResult).toMatchObject({ predikat: 'BAIK', quarterCount: 4 });
    expect(node.trainingHours).toBe(0);
  });

  it('sends no more statements for 200 employees than for 10, at most 12', async () => {
    const small = await run(10);
    const large = await run(200);
    expect(small.data.employees.edges).toHaveLength(10);
    expect(large.data.employees.edges).toHaveLength(200);
    const detail = `10 employees:\n${small.sql.join('\n')}\n\n200 employees:\n${large.sql.join('\n')}`;
    // Never more for 200 than for 10 (no statement per row). The 200-employee page holds the whole result, so its
    // totalCount needs no count statement: one fewer (docs/benchmarks.md).
    expect(large.count, detail).toBeLessThanOrEqual(small.count);
    expect(small.count - large.count, detail).toBeLessThanOrEqual(1);
    expect(small.count, detail).toBeLessThanOrEqual(12);
    console.log(`statements for the nested query: ${small.count} at 10 employees, ${large.count} at 200`);
    if (process.env.SHOW_SQL) console.log(detail);
  });

  it('sends the same number of statements for 10 and for 200 annual results with their employees', async () => {
    const small = await run<AnnualResult>(10, ANNUAL);
    const large = await run<AnnualResult>(200, ANNUAL);
    expect(small.data.annualResults.edges).toHaveLength(10);
    expect(large.data.annualResults.edges).toHaveLength(200);
    expect(large.data.annualResults.totalCount).toBe(200);
    // Each employee has 4 evaluations, each with a DISIPLIN and a LOYAL score.
    for (const { node } of large.data.annualResults.edges) {
      expect(node.employee.evaluations.map((e) => e.scores.length)).toEqual([2, 2, 2, 2]);
    }
    const detail = `10 rows:\n${small.sql.join('\n')}\n\n200 rows:\n${large.sql.join('\n')}`;
    expect(large.count, detail).toBe(small.count);
    expect(large.count, detail).toBeLessThanOrEqual(12);
    console.log(`statements for the annual results query: ${small.count} at 10 rows, ${large.count} at 200`);
  });
});
