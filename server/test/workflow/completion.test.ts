import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_POLICY } from '@kinerja/shared';
import { Evaluation } from '../../src/modules/evaluations/evaluation.entity.js';
import { finalizeEvaluation } from '../../src/modules/evaluations/evaluation-results.js';
import { accountToken } from '../helpers/auth.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { buildScenario, type Scenario } from '../helpers/scenario.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { ok, refused, type Json } from './helpers.js';

const COMPLETION = `query ($agencyCode: String) {
  completion(year: 2025, quarter: 1, agencyCode: $agencyCode) {
    year quarter
    totals { expected notStarted drafted submitted objected acknowledged final }
    groups {
      agency { code } assessor { nip }
      expected notStarted drafted submitted objected acknowledged final
      pending { employee { nip } evaluationId status waitingFor }
    }
  }
}`;

/**
 * The completion monitor of 2025 Q1. DISDIK: head 0 (FINAL, no assessor); 3 not started, 6 DRAFT, 9 OBJECTED, all
 * under 0. DINKES: head 1 SUBMITTED; 4 ACKNOWLEDGED and 7 SUBMITTED under 1. BKPSDM: head 2 SUBMITTED; 8 SUBMITTED
 * under 2; 5 left at the end of 2024 and is not expected.
 */
describe('the completion monitor', () => {
  let db: TestDatabase;
  let scenario: Scenario;
  let server: TestServer;
  const as: Record<string, Record<string, string>> = {};
  const STATUS: Record<number, 'DRAFT' | 'SUBMITTED' | 'OBJECTED' | 'ACKNOWLEDGED' | null> = {
    3: null,
    5: null,
    6: 'DRAFT',
    9: 'OBJECTED',
    4: 'ACKNOWLEDGED',
  };
  const nip = (index: number) => scenario.employees[index].nip;
  const evaluationOf = (index: number) => scenario.evaluations.find((e) => e.employeeIndex === index)?.id ?? null;

  beforeAll(async () => {
    db = await createTestDatabase();
    scenario = await buildScenario(db.orm, {
      employees: 10,
      quarters: [1],
      status: (index) => (index in STATUS ? STATUS[index] : 'SUBMITTED'),
    });
    const em = db.orm.em.fork();
    await finalizeEvaluation(em, await em.findOneOrFail(Evaluation, evaluationOf(0)!), DEFAULT_SCORING_POLICY);
    await em
      .getConnection()
      .execute(`update employee set active_to = '2024-12-31' where id = ?`, [scenario.employees[5].id]);
    const account = async (login: string, role: Parameters<typeof accountToken>[1]['role'], index?: number) => {
      as[login] = (
        await accountToken(em, { login, role, employeeId: index === undefined ? null : scenario.employees[index].id })
      ).headers;
    };
    await account('admin', 'ADMIN');
    await account('kadinkes', 'AGENCY_HEAD', 1);
    await account('atasan0', 'SUPERVISOR', 0);
    await account('guru6', 'EMPLOYEE', 6);
    server = await startTestServer(db.orm);
  });

  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  const key = (g: Json) => `${g.agency.code}/${g.assessor?.nip ?? '-'}`;

  it('counts per agency and assessor, each employee once in the status of their evaluation', async () => {
    const { completion } = await ok(server, as.admin, COMPLETION);
    expect(completion.totals).toEqual({
      expected: 9,
      notStarted: 1,
      drafted: 1,
      submitted: 4,
      objected: 1,
      acknowledged: 1,
      final: 1,
    });
    const counts = Object.fromEntries(
      completion.groups.map((g: Json) => [
        key(g),
        [g.expected, g.notStarted, g.drafted, g.submitted, g.objected, g.acknowledged, g.final],
      ]),
    );
    expect(counts).toEqual({
      'BKPSDM/-': [1, 0, 0, 1, 0, 0, 0],
      [`BKPSDM/${nip(2)}`]: [1, 0, 0, 1, 0, 0, 0],
      'DINKES/-': [1, 0, 0, 1, 0, 0, 0],
      [`DINKES/${nip(1)}`]: [2, 0, 0, 1, 0, 1, 0],
      'DISDIK/-': [1, 0, 0, 0, 0, 0, 1],
      [`DISDIK/${nip(0)}`]: [3, 1, 1, 0, 1, 0, 0],
    });
  });

  it('lists who still has work to do and whose turn it is', async () => {
    const { completion } = await ok(server, as.admin, COMPLETION);
    const pending = (k: string) =>
      completion.groups
        .find((g: Json) => key(g) === k)
        .pending.map((p: Json) => [p.employee.nip, p.evaluationId, p.status, p.waitingFor]);
    expect(pending(`DISDIK/${nip(0)}`)).toEqual([
      [nip(3), null, 'NOT_STARTED', 'ASSESSOR'],
      [nip(6), evaluationOf(6), 'DRAFT', 'ASSESSOR'],
      [nip(9), evaluationOf(9), 'OBJECTED', 'OBJECTION_DECIDER'],
    ]);
    expect(pending(`DINKES/${nip(1)}`)).toEqual([
      [nip(7), evaluationOf(7), 'SUBMITTED', 'EMPLOYEE'],
      [nip(4), evaluationOf(4), 'ACKNOWLEDGED', 'FINALISER'],
    ]);
    expect(pending('DISDIK/-')).toEqual([]);
  });

  it('filters by agency', async () => {
    const { completion } = await ok(server, as.admin, COMPLETION, { agencyCode: 'DINKES' });
    expect(completion.groups.map(key)).toEqual(['DINKES/-', `DINKES/${nip(1)}`]);
    expect(completion.totals.expected).toBe(3);
    const unknown = await refused(server, as.admin, COMPLETION, { agencyCode: 'XYZ' });
    expect(unknown).toMatchObject({ code: 'BAD_USER_INPUT', field: 'agencyCode' });
  });

  it('an agency head sees their agency; a supervisor the evaluations they assess; an employee none', async () => {
    const head = (await ok(server, as.kadinkes, COMPLETION)).completion;
    expect(head.groups.map(key)).toEqual(['DINKES/-', `DINKES/${nip(1)}`]);
    const supervisor = (await ok(server, as.atasan0, COMPLETION)).completion;
    expect(supervisor.groups.map(key)).toEqual([`DISDIK/${nip(0)}`]);
    expect(supervisor.totals.expected).toBe(3);
    const employee = (await ok(server, as.guru6, COMPLETION)).completion;
    expect(employee.groups).toEqual([]);
  });

  it('answers NOT_FOUND for a period that does not exist', async () => {
    const error = await refused(server, as.admin, `{ completion(year: 2030, quarter: 1) { year } }`);
    expect(error.code).toBe('NOT_FOUND');
  });
});
