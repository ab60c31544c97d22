import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshAnalytics } from '../src/modules/analytics/refresh.js';
import { onWritesDone } from '../src/modules/results/index.js';
import { accountToken } from './helpers/auth.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { buildScenario, type Scenario } from './helpers/scenario.js';
import { startTestServer, type TestServer } from './helpers/server.js';
import { ok, refused, type Json } from './workflow/helpers.js';

/**
 * The employee changes an administrator makes in the year (docs/access.md#employee-changes), against PostgreSQL:
 * transfer, new supervisor, acting assessor (Plt/Plh), retirement. For each, the table of what the scopes give the
 * people concerned before and after, the audit entry, the stale marks for the analytics, and the refusals.
 *
 * The scenario (helpers/scenario.ts, 2025, Q1 submitted for everyone, Q2 open and not started): 0 heads DISDIK, 1
 * DINKES, 2 BKPSDM; 3 and 6 report to 0, 4 and 7 to 1, 5 and 8 to 2.
 */

const EMPLOYEE = `query ($nip: String!) { employee(nip: $nip) { nip version activeTo agency { code } supervisor { nip } } }`;
const EVALUATION = `query ($id: Int!) { evaluation(id: $id) { id agency { code } assessor { nip } } }`;
const SAVE = `mutation ($input: SaveEvaluationDraftInput!) {
  saveEvaluationDraft(input: $input) { id agency { code } assessor { nip } }
}`;
const TRANSFER = `mutation ($input: TransferEmployeeInput!) {
  transferEmployee(input: $input) { nip version agency { code } supervisor { nip } }
}`;
const SUPERVISOR = `mutation ($input: ChangeSupervisorInput!) {
  changeSupervisor(input: $input) { nip version supervisor { nip } }
}`;
const RETIRE = `mutation ($input: RetireEmployeeInput!) { retireEmployee(input: $input) { nip version activeTo } }`;
const ASSIGN = `mutation ($input: AssignActingAssessorInput!) {
  assignActingAssessor(input: $input) { id kind from to version acting { nip } standsInFor { nip } }
}`;
const END = `mutation ($input: EndActingAssignmentInput!) { endActingAssignment(input: $input) { id to version } }`;
const LIST = `query ($states: [ActingState!]) { actingAssignments(states: $states) {
  id kind from to state version acting { nip } standsInFor { nip } } }`;
const AUDIT = `query ($action: String!) {
  auditLog(filter: { action: $action }, first: 1) { totalCount edges { node { actor entityType entityId before after reason } } }
}`;

/** A date `days` from today (the database's and the test's clock agree to the day in these tests). */
function dayFrom(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

describe('employee changes: transfer, supervisor, acting assessor, retirement', () => {
  let db: TestDatabase;
  let scenario: Scenario;
  let server: TestServer;
  const as: Record<string, Record<string, string>> = {};
  const marked: { kind: string; agency_id: number | null; year: number | null; quarter: number | null }[] = [];

  const nip = (index: number) => scenario.employees[index]!.nip;
  const agencyId = (code: string) => scenario.agencyIds.get(code)!;
  const q1 = (index: number) => scenario.evaluations.find((e) => e.employeeIndex === index && e.quarter === 1)!.id;
  const version = async (index: number) =>
    (await ok(server, as.admin!, EMPLOYEE, { nip: nip(index) })).employee.version as number;
  /**
   * Whether a caller sees an employee's record in full: the lookup by NIP answers it with its `version` (a FULL-only
   * field), not FORBIDDEN nor a mere profile (who assessed whom stays visible as a profile after a change).
   */
  const sees = async (caller: string, index: number) => {
    const result = await server.graphql<Json>(EMPLOYEE, { nip: nip(index) }, as[caller]);
    if (result.errors) {
      expect(result.errors[0]!.extensions?.code).toBe('FORBIDDEN');
      return false;
    }
    return result.data!.employee.version !== null;
  };
  const seesEvaluation = async (caller: string, id: number) => {
    const result = await server.graphql<Json>(EVALUATION, { id }, as[caller]);
    return !result.errors && result.data!.evaluation?.id === id;
  };
  /** Whether a caller may start (score) the employee's Q2 evaluation; answers the new evaluation when so. */
  const scoresQ2 = async (caller: string, index: number): Promise<Json | null> => {
    const result = await server.graphql<Json>(
      SAVE,
      {
        input: {
          employeeNip: nip(index),
          period: { year: 2025, quarter: 2 },
          scores: [{ criterionCode: 'PROFESIONALISME', score: 100 }],
        },
      },
      as[caller],
    );
    if (result.errors) {
      expect(['FORBIDDEN', 'BAD_USER_INPUT']).toContain(result.errors[0]!.extensions?.code);
      return null;
    }
    return result.data!.saveEvaluationDraft;
  };
  const latestAudit = async (action: string) => {
    const data = await ok(server, as.admin!, AUDIT, { action });
    expect(data.auditLog.totalCount, action).toBeGreaterThan(0);
    return data.auditLog.edges[0].node;
  };
  const marksSince = (start: number) =>
    marked
      .slice(start)
      .filter((m) => m.kind === 'employees')
      .map((m) => [m.agency_id, m.year, m.quarter])
      .sort();

  beforeAll(async () => {
    db = await createTestDatabase();
    scenario = await buildScenario(db.orm, {
      employees: 9,
      quarters: [1, 2],
      status: (_, quarter) => (quarter === 1 ? 'SUBMITTED' : null),
    });
    onWritesDone(async (sql) => {
      const { rows } = await sql.query<(typeof marked)[number]>(
        'select kind, agency_id, year, quarter from analytics_stale',
      );
      marked.push(...rows);
      await refreshAnalytics(sql);
    });
    const em = db.orm.em.fork();
    const account = async (
      login: string,
      role: 'ADMIN' | 'LEADER' | 'AGENCY_HEAD' | 'SUPERVISOR' | 'EMPLOYEE',
      index?: number,
    ) => {
      as[login] = (
        await accountToken(em, { login, role, employeeId: index === undefined ? null : scenario.employees[index]!.id })
      ).headers;
    };
    await account('admin', 'ADMIN');
    await account('walikota', 'LEADER');
    await account('kadisdik', 'AGENCY_HEAD', 0);
    await account('kadinkes', 'AGENCY_HEAD', 1);
    await account('kaban', 'AGENCY_HEAD', 2);
    await account('staf4', 'SUPERVISOR', 4);
    await account('staf7', 'EMPLOYEE', 7);
    await account('staf5', 'EMPLOYEE', 5);
    server = await startTestServer(db.orm);
  });

  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  it('transfer: the new agency head and supervisor see and score the employee; the old ones keep the history only', async () => {
    const before = {
      oldHead: await sees('kadisdik', 3),
      newHead: await sees('kadinkes', 3),
      newSupervisor: await sees('staf4', 3),
      oldHeadHistory: await seesEvaluation('kadisdik', q1(3)),
    };
    const start = marked.length;
    const moved = await ok(server, as.admin!, TRANSFER, {
      input: {
        nip: nip(3),
        agencyCode: 'DINKES',
        supervisorNip: nip(4),
        version: await version(3),
        reason: 'SK mutasi 12/2025',
      },
    });
    expect(moved.transferEmployee).toMatchObject({ agency: { code: 'DINKES' }, supervisor: { nip: nip(4) } });
    const after = {
      oldHead: await sees('kadisdik', 3),
      newHead: await sees('kadinkes', 3),
      newSupervisor: await sees('staf4', 3),
      oldHeadHistory: await seesEvaluation('kadisdik', q1(3)),
    };
    // The table of scope effects: who sees the transferred employee before and after.
    expect({ before, after }).toEqual({
      before: { oldHead: true, newHead: false, newSupervisor: false, oldHeadHistory: true },
      after: { oldHead: false, newHead: true, newSupervisor: true, oldHeadHistory: true },
    });
    // New work: the old supervisor no longer scores; the new one starts Q2 in the new agency, as its assessor.
    expect(await scoresQ2('kadisdik', 3)).toBeNull();
    const started = await scoresQ2('staf4', 3);
    expect(started).toMatchObject({ agency: { code: 'DINKES' }, assessor: { nip: nip(4) } });
    expect(await seesEvaluation('kadisdik', started.id)).toBe(false);
    expect(await seesEvaluation('kadinkes', started.id)).toBe(true);
    // The old evaluation keeps its agency.
    expect((await ok(server, as.admin!, EVALUATION, { id: q1(3) })).evaluation.agency.code).toBe('DISDIK');

    const entry = await latestAudit('employee.transfer');
    expect(entry).toMatchObject({
      actor: 'admin',
      entityType: 'employee',
      entityId: String(scenario.employees[3]!.id),
      reason: 'SK mutasi 12/2025',
      before: { nip: nip(3), agencyCode: 'DISDIK', supervisorNip: nip(0) },
      after: { nip: nip(3), agencyCode: 'DINKES', supervisorNip: nip(4) },
    });
    expect(entry.after.version).toBe(entry.before.version + 1);
    // Stale for the analytics: the old and the new agency (the Q1 evaluation's agency is the old one).
    expect(marksSince(start)).toEqual(
      [
        [agencyId('DINKES'), null, null],
        [agencyId('DISDIK'), null, null],
      ].sort(),
    );
  });

  it('new supervisor: the new one sees and scores, the old one scores no more', async () => {
    const before = { newSupervisor: await sees('staf4', 6), oldScores: null as unknown };
    const start = marked.length;
    await ok(server, as.admin!, SUPERVISOR, {
      input: { nip: nip(6), supervisorNip: nip(4), version: await version(6), reason: 'Nota dinas' },
    });
    const after = { newSupervisor: await sees('staf4', 6), agencyHead: await sees('kadisdik', 6) };
    expect({ before: before.newSupervisor, after }).toEqual({
      before: false,
      after: { newSupervisor: true, agencyHead: true },
    });
    // The agency head still sees the record (their agency) but no longer scores it: only the direct supervisor does.
    expect(await scoresQ2('kadisdik', 6)).toBeNull();
    expect(await scoresQ2('staf4', 6)).toMatchObject({ agency: { code: 'DISDIK' }, assessor: { nip: nip(4) } });
    const entry = await latestAudit('employee.supervisor');
    expect(entry).toMatchObject({ before: { supervisorNip: nip(0) }, after: { supervisorNip: nip(4) } });
    expect(marksSince(start)).toEqual([[agencyId('DISDIK'), null, null]]);
  });

  it('acting assessor (Plh): scores the official\u2019s staff while in force, and no longer once ended', async () => {
    const before = await sees('staf7', 5);
    const start = marked.length;
    const assigned = await ok(server, as.admin!, ASSIGN, {
      input: { actingNip: nip(7), forNip: nip(2), kind: 'PLH', from: dayFrom(-1), to: dayFrom(5), reason: 'Cuti' },
    });
    expect(assigned.assignActingAssessor).toMatchObject({
      kind: 'PLH',
      acting: { nip: nip(7) },
      standsInFor: { nip: nip(2) },
      version: 1,
    });
    const during = await sees('staf7', 5);
    // Evaluations the acting assessor starts name them as assessor.
    const started = await scoresQ2('staf7', 5);
    expect(started).toMatchObject({ agency: { code: 'BKPSDM' }, assessor: { nip: nip(7) } });
    // The official's own staff are not the acting assessor's reports in other ways: they never become their own.
    expect(await scoresQ2('staf7', 7)).toBeNull();
    const entry = await latestAudit('acting.assign');
    expect(entry).toMatchObject({
      entityType: 'acting_assignment',
      before: null,
      after: { kind: 'PLH', actingNip: nip(7), forNip: nip(2), from: dayFrom(-1), to: dayFrom(5) },
      reason: 'Cuti',
    });
    // An assignment changes no figure of the analytics: nothing is marked.
    expect(marksSince(start)).toEqual([]);

    // The list: the administrator and the city's leader (both employees in scope) see it in force; another agency's
    // head does not, nor the acting employee, who does not see the official's record (both must be in the scope).
    const listed = {
      id: assigned.assignActingAssessor.id,
      kind: 'PLH',
      from: dayFrom(-1),
      to: dayFrom(5),
      state: 'ACTIVE',
      version: 1,
      acting: { nip: nip(7) },
      standsInFor: { nip: nip(2) },
    };
    expect((await ok(server, as.admin!, LIST, {})).actingAssignments).toEqual([listed]);
    expect((await ok(server, as.walikota!, LIST, {})).actingAssignments).toEqual([listed]);
    expect((await ok(server, as.kadinkes!, LIST, {})).actingAssignments).toEqual([]);
    expect((await ok(server, as.staf7!, LIST, {})).actingAssignments).toEqual([]);

    // A stale version is refused; ending it (last day yesterday) takes the staff away again.
    const id = assigned.assignActingAssessor.id;
    const stale = await refused(server, as.admin!, END, {
      input: { actingAssignmentId: id, lastDay: dayFrom(-1), version: 7 },
    });
    expect(stale).toMatchObject({ code: 'CONFLICT', currentVersion: 1 });
    await ok(server, as.admin!, END, { input: { actingAssignmentId: id, lastDay: dayFrom(-1), version: 1 } });
    const ended = await sees('staf7', 5);
    expect({ before, during, ended }).toEqual({ before: false, during: true, ended: false });
    expect(await scoresQ2('staf7', 8)).toBeNull();
    expect((await latestAudit('acting.end')).after).toMatchObject({ to: dayFrom(-1), version: 2 });
    // Ended early: listed as ENDED with its new last day, and no longer among those in force.
    expect((await ok(server, as.admin!, LIST, {})).actingAssignments).toEqual([
      { ...listed, to: dayFrom(-1), state: 'ENDED', version: 2 },
    ]);
    expect((await ok(server, as.admin!, LIST, { states: ['ACTIVE', 'UPCOMING'] })).actingAssignments).toEqual([]);
    expect((await ok(server, as.admin!, LIST, { states: ['ENDED'] })).actingAssignments).toHaveLength(1);
  });

  it('retirement: no evaluation of a quarter that starts after the last day; the history stays', async () => {
    const start = marked.length;
    const retired = await ok(server, as.admin!, RETIRE, {
      input: { nip: nip(8), lastDay: '2025-03-31', version: await version(8), reason: 'Pensiun BUP' },
    });
    expect(retired.retireEmployee.activeTo).toBe('2025-03-31');
    const refusal = await refused(server, as.admin!, SAVE, {
      input: { employeeNip: nip(8), period: { year: 2025, quarter: 2 }, scores: [] },
    });
    expect(refusal).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.employeeNip' });
    expect(refusal.message).toBe(`pegawai ${nip(8)} pensiun sejak 2025-03-31`);
    expect(await seesEvaluation('kaban', q1(8))).toBe(true);
    expect((await latestAudit('employee.retire')).after).toMatchObject({ activeTo: '2025-03-31', nip: nip(8) });
    expect(marksSince(start)).toEqual([[agencyId('BKPSDM'), null, null]]);
  });

  it('refuses with the field and the catalogue message, and writes nothing', async () => {
    const auditBefore = (await ok(server, as.admin!, `{ auditLog(first: 0) { totalCount } }`)).auditLog.totalCount;
    const v5 = await version(5);
    const cases: [string, string, Record<string, unknown>, string, string, string][] = [
      // [what, operation, input, code, field, Indonesian message]
      [
        'a stale version',
        TRANSFER,
        { nip: nip(5), agencyCode: 'DISDIK', version: v5 - 1 },
        'CONFLICT',
        '',
        `Data pegawai ${nip(5)} telah diubah orang lain: versinya ${v5}, bukan ${v5 - 1}. Muat ulang lalu terapkan perubahan Anda lagi.`,
      ],
      [
        'an unknown agency',
        TRANSFER,
        { nip: nip(5), agencyCode: 'NOPE', version: v5 },
        'BAD_USER_INPUT',
        'input.agencyCode',
        'Perangkat daerah NOPE tidak ditemukan',
      ],
      [
        'the same agency',
        TRANSFER,
        { nip: nip(5), agencyCode: 'BKPSDM', version: v5 },
        'BAD_USER_INPUT',
        'input.agencyCode',
        'pegawai ini sudah berada di BKPSDM',
      ],
      [
        'an unknown employee',
        SUPERVISOR,
        { nip: '199901012020121999', supervisorNip: nip(2), version: 1 },
        'BAD_USER_INPUT',
        'input.nip',
        'Tidak ada pegawai dengan NIP 199901012020121999',
      ],
      [
        'oneself as supervisor',
        SUPERVISOR,
        { nip: nip(5), supervisorNip: nip(5), version: v5 },
        'BAD_USER_INPUT',
        'input.supervisorNip',
        'pegawai tidak dapat menjadi atasannya sendiri',
      ],
      [
        'a report as supervisor',
        SUPERVISOR,
        { nip: nip(2), supervisorNip: nip(5), version: await version(2) },
        'BAD_USER_INPUT',
        'input.supervisorNip',
        `${nip(5)} berada di bawah pegawai ini dalam garis pelaporan: atasan tidak boleh melingkar`,
      ],
      [
        'a retired supervisor',
        SUPERVISOR,
        { nip: nip(5), supervisorNip: nip(8), version: v5 },
        'BAD_USER_INPUT',
        'input.supervisorNip',
        `pegawai ${nip(8)} pensiun sejak 2025-03-31`,
      ],
      [
        'a date that does not exist',
        RETIRE,
        { nip: nip(5), lastDay: '2025-02-30', version: v5 },
        'BAD_USER_INPUT',
        'input.lastDay',
        '"2025-02-30" bukan tanggal berbentuk YYYY-MM-DD',
      ],
      [
        'acting for oneself',
        ASSIGN,
        { actingNip: nip(5), forNip: nip(5), kind: 'PLT', from: '2025-04-01', to: '2025-04-30' },
        'BAD_USER_INPUT',
        'input.actingNip',
        'Plt/Plh tidak dapat menggantikan dirinya sendiri',
      ],
      [
        'a reversed span',
        ASSIGN,
        { actingNip: nip(5), forNip: nip(2), kind: 'PLT', from: '2025-04-30', to: '2025-04-01' },
        'BAD_USER_INPUT',
        'input.to',
        'tanggal akhir 2025-04-01 sebelum tanggal mulai 2025-04-30',
      ],
      [
        'an overlapping assignment',
        ASSIGN,
        { actingNip: nip(5), forNip: nip(2), kind: 'PLT', from: dayFrom(-3), to: dayFrom(0) },
        'BAD_USER_INPUT',
        'input.from',
        `${nip(2)} sudah digantikan oleh Plt/Plh lain pada ${dayFrom(-1)} sampai ${dayFrom(-1)}`,
      ],
    ];
    const got: unknown[] = [];
    for (const [what, operation, input] of cases) {
      const r = await refused(server, as.admin!, operation, { input });
      got.push([what, r.code, r.field ?? '', r.message]);
    }
    expect(got).toEqual(cases.map(([what, , , code, field, message]) => [what, code, field, message]));
    // In English when the request asks for it; codes and fields unchanged.
    const english = await server.graphql<Json>(
      SUPERVISOR,
      { input: { nip: nip(5), supervisorNip: nip(5), version: v5 } },
      { ...as.admin!, 'accept-language': 'en' },
    );
    expect(english.errors![0]).toMatchObject({
      message: 'an employee cannot be their own supervisor',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.supervisorNip' },
    });
    // Only administrators: the gate refuses every other role before any record is read.
    const head = await refused(server, as.kaban!, TRANSFER, {
      input: { nip: nip(5), agencyCode: 'DISDIK', version: v5 },
    });
    expect(head.code).toBe('FORBIDDEN');
    expect(await version(5)).toBe(v5);
    expect((await ok(server, as.admin!, `{ auditLog(first: 0) { totalCount } }`)).auditLog.totalCount).toBe(
      auditBefore,
    );
  });
});
