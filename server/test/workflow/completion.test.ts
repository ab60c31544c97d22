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
    totals { expected notStarted notEvaluated drafted submitted objected acknowledged final shareSubmitted shareFinal }
    groups {
      agency { code } assessor { nip }
      expected notStarted notEvaluated drafted submitted objected acknowledged final shareSubmitted shareFinal
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
    // Shares worked by hand: submitted or later = 4 submitted + 1 objected + 1 acknowledged + 1 final = 7 of 9.
    expect(completion.totals).toEqual({
      expected: 9,
      notStarted: 1,
      notEvaluated: 0,
      drafted: 1,
      submitted: 4,
      objected: 1,
      acknowledged: 1,
      final: 1,
      shareSubmitted: 7 / 9,
      shareFinal: 1 / 9,
    });
    const counts = Object.fromEntries(
      completion.groups.map((g: Json) => [
        key(g),
        [g.expected, g.notStarted, g.notEvaluated, g.drafted, g.submitted, g.objected, g.acknowledged, g.final],
      ]),
    );
    expect(counts).toEqual({
      'BKPSDM/-': [1, 0, 0, 0, 1, 0, 0, 0],
      [`BKPSDM/${nip(2)}`]: [1, 0, 0, 0, 1, 0, 0, 0],
      'DINKES/-': [1, 0, 0, 0, 1, 0, 0, 0],
      [`DINKES/${nip(1)}`]: [2, 0, 0, 0, 1, 0, 1, 0],
      'DISDIK/-': [1, 0, 0, 0, 0, 0, 0, 1],
      [`DISDIK/${nip(0)}`]: [3, 1, 0, 1, 0, 1, 0, 0],
    });
    const shares = Object.fromEntries(completion.groups.map((g: Json) => [key(g), [g.shareSubmitted, g.shareFinal]]));
    // DISDIK/0: 3 expected, only the OBJECTED one is submitted or later, none final.
    expect(shares[`DISDIK/${nip(0)}`]).toEqual([1 / 3, 0]);
    expect(shares['DISDIK/-']).toEqual([1, 1]);
    expect(shares[`DINKES/${nip(1)}`]).toEqual([1, 0]);
  });

  const SHARES = `{ completionShares(year: 2025, quarter: 1) { agency { code } expected shareSubmitted shareFinal } }`;

  it('completionShares: per agency, expected and the shares, the same for every caller', async () => {
    const { completionShares } = await ok(server, as.admin, SHARES);
    // BKPSDM: heads 2 and 8 SUBMITTED. DINKES: 1 and 7 SUBMITTED, 4 ACKNOWLEDGED. DISDIK: 0 FINAL, 9 OBJECTED,
    // 6 DRAFT, 3 not started (5 left before the period and is not expected).
    expect(completionShares).toEqual([
      { agency: { code: 'BKPSDM' }, expected: 2, shareSubmitted: 1, shareFinal: 0 },
      { agency: { code: 'DINKES' }, expected: 3, shareSubmitted: 1, shareFinal: 0 },
      { agency: { code: 'DISDIK' }, expected: 4, shareSubmitted: 2 / 4, shareFinal: 1 / 4 },
    ]);
    // The same answer for an employee who sees no group of the monitor.
    expect((await ok(server, as.guru6, SHARES)).completionShares).toEqual(completionShares);
    const error = await refused(server, as.admin, `{ completionShares(year: 2025, quarter: 5) { expected } }`);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'quarter' });
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
    const shares = await refused(server, as.admin, `{ completionShares(year: 2030, quarter: 1) { expected } }`);
    expect(shares.code).toBe('NOT_FOUND');
  });

  // Last: closes the period.
  it('once the period is CLOSED, a never-started evaluation is NOT_EVALUATED and waits for nobody', async () => {
    await ok(server, as.admin, `mutation { closePeriod(input: { year: 2025, quarter: 1 }) { finalized } }`);
    const { completion } = await ok(server, as.admin, COMPLETION);
    // Closing finalised the 4 SUBMITTED and the ACKNOWLEDGED one; the DRAFT and the OBJECTED one stay.
    expect(completion.totals).toEqual({
      expected: 9,
      notStarted: 0,
      notEvaluated: 1,
      drafted: 1,
      submitted: 0,
      objected: 1,
      acknowledged: 0,
      final: 6,
      shareSubmitted: 7 / 9,
      shareFinal: 6 / 9,
    });
    const pending = completion.groups
      .find((g: Json) => key(g) === `DISDIK/${nip(0)}`)
      .pending.map((p: Json) => [p.employee.nip, p.evaluationId, p.status, p.waitingFor]);
    expect(pending).toEqual([
      [nip(3), null, 'NOT_EVALUATED', 'NOBODY'],
      [nip(6), evaluationOf(6), 'DRAFT', 'NOBODY'],
      [nip(9), evaluationOf(9), 'OBJECTED', 'OBJECTION_DECIDER'],
    ]);
    expect((await ok(server, as.admin, SHARES)).completionShares).toEqual([
      { agency: { code: 'BKPSDM' }, expected: 2, shareSubmitted: 1, shareFinal: 1 },
      { agency: { code: 'DINKES' }, expected: 3, shareSubmitted: 1, shareFinal: 1 },
      { agency: { code: 'DISDIK' }, expected: 4, shareSubmitted: 2 / 4, shareFinal: 1 / 4 },
    ]);
  });
});
