import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountToken } from '../helpers/auth.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { buildScenario, type Scenario } from '../helpers/scenario.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { auditOf, ok, refused } from './helpers.js';

const RECORD = `mutation ($input: RecordInnovationInput!) {
  recordInnovation(input: $input) { id year quarter title verified verifiedAt employee { nip } }
}`;
const VERIFY = `mutation ($input: VerifyInnovationInput!) {
  verifyInnovation(input: $input) { id verified verifiedAt verifiedBy { nip } }
}`;
const PROPOSE = `mutation ($input: OrgPredikatInput!) {
  proposeOrgPredikat(input: $input) { year predikat proposedPredikat proposedAt setAt agency { code } }
}`;
const SET = `mutation ($input: OrgPredikatInput!) {
  setOrgPredikat(input: $input) { year predikat proposedPredikat proposedAt setAt agency { code } }
}`;
const CREATE_TRAINING = `mutation ($input: CreateTrainingInput!) {
  createTraining(input: $input) { code title kind hoursJp startDate endDate criteria }
}`;
const PARTICIPATE = `mutation ($input: RecordParticipationInput!) {
  recordParticipation(input: $input) { status completedOn hoursJp training { code } employee { nip } }
}`;

/**
 * Innovations, org predikat, trainings and participation. DISDIK: head 0, staff 3, 6 and 9 (supervised by 0), 9's
 * account has the AGENCY_HEAD role; DINKES: head 1, staff 4. Employee 3 proposes innovations; who may verify them is the point.
 */
describe('innovations, org predikat, trainings and participation', () => {
  let db: TestDatabase;
  let scenario: Scenario;
  let server: TestServer;
  const as: Record<string, Record<string, string>> = {};
  const nip = (index: number) => scenario.employees[index].nip;

  beforeAll(async () => {
    db = await createTestDatabase();
    scenario = await buildScenario(db.orm, { employees: 10, quarters: [1] });
    const em = db.orm.em.fork();
    const account = async (login: string, role: Parameters<typeof accountToken>[1]['role'], index?: number) => {
      as[login] = (
        await accountToken(em, { login, role, employeeId: index === undefined ? null : scenario.employees[index].id })
      ).headers;
    };
    await account('guru3', 'EMPLOYEE', 3);
    await account('guru6', 'EMPLOYEE', 6);
    await account('atasan0', 'SUPERVISOR', 0);
    await account('kadinkes', 'AGENCY_HEAD', 1);
    // Acting head of DISDIK (employee 9 holds the role; the line still runs through employee 0).
    await account('plt-kadisdik', 'AGENCY_HEAD', 9);
    await account('admin', 'ADMIN');
    await account('walikota', 'LEADER');
    server = await startTestServer(db.orm);
  });

  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  describe('innovations', () => {
    let first: number;
    let second: number;

    it('the employee records their own, unverified; a duplicate title is refused', async () => {
      const data = await ok(server, as.guru3, RECORD, {
        input: { year: 2025, quarter: 1, title: 'Kelas literasi digital', description: 'Modul daring untuk kelas 5' },
      });
      expect(data.recordInnovation).toMatchObject({
        year: 2025,
        quarter: 1,
        verified: false,
        verifiedAt: null,
        employee: { nip: nip(3) },
      });
      first = data.recordInnovation.id;
      const again = await refused(server, as.guru3, RECORD, {
        input: { year: 2025, quarter: 1, title: 'Kelas literasi digital' },
      });
      expect(again).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.title' });
      const second_ = await ok(server, as.guru3, RECORD, { input: { year: 2025, quarter: 2, title: 'Bank soal' } });
      second = second_.recordInnovation.id;
    });

    it('a colleague cannot record one for someone else', async () => {
      const error = await refused(server, as.guru6, RECORD, {
        input: { employeeNip: nip(3), year: 2025, quarter: 1, title: 'Atas nama teman' },
      });
      expect(error.code).toBe('FORBIDDEN');
    });

    it('the innovator, a colleague and another agency\u2019s head may not verify it', async () => {
      for (const who of ['guru3', 'guru6', 'kadinkes']) {
        const error = await refused(server, as[who], VERIFY, { input: { innovationId: first } });
        expect(error.code, who).toBe('FORBIDDEN');
      }
    });

    it('the supervisor verifies it; verifying twice is refused', async () => {
      const data = await ok(server, as.atasan0, VERIFY, { input: { innovationId: first, reason: 'Sudah dicek' } });
      expect(data.verifyInnovation).toMatchObject({ verified: true, verifiedBy: { nip: nip(0) } });
      expect(data.verifyInnovation.verifiedAt).not.toBeNull();
      const twice = await refused(server, as.atasan0, VERIFY, { input: { innovationId: first } });
      expect(twice).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.innovationId' });
      const [entry] = await auditOf(db.orm.em.fork(), 'innovation', first).then((e) =>
        e.filter((x) => x.action === 'innovation.verify'),
      );
      expect(entry).toMatchObject({
        actor: 'atasan0',
        reason: 'Sudah dicek',
        before: { verified: false },
        after: { verified: true, verifiedById: scenario.employees[0].id },
      });
    });

    it('the head of the innovator\u2019s agency verifies too, without being their supervisor', async () => {
      const recorded = await ok(server, as.guru3, RECORD, { input: { year: 2024, quarter: 4, title: 'Pojok baca' } });
      const data = await ok(server, as['plt-kadisdik'], VERIFY, {
        input: { innovationId: recorded.recordInnovation.id },
      });
      expect(data.verifyInnovation).toMatchObject({ verified: true, verifiedBy: { nip: nip(9) } });
    });

    it('an administrator without an employee record verifies too; the annual result counts it', async () => {
      const data = await ok(server, as.admin, VERIFY, { input: { innovationId: second } });
      expect(data.verifyInnovation).toMatchObject({ verified: true, verifiedBy: null });
      const annual = await ok(
        server,
        as.admin,
        `query ($nip: String!) { employee(nip: $nip) { annualResult(year: 2025) { innovationCount } } }`,
        {
          nip: nip(3),
        },
      );
      expect(annual.employee.annualResult.innovationCount).toBe(2);
    });
  });

  describe('org predikat', () => {
    it('an agency head proposes for their own agency only', async () => {
      const other = await refused(server, as.kadinkes, PROPOSE, {
        input: { agencyCode: 'DISDIK', year: 2025, predikat: 'ISTIMEWA' },
      });
      expect(other.code).toBe('FORBIDDEN');
      const data = await ok(server, as.kadinkes, PROPOSE, {
        input: { agencyCode: 'DINKES', year: 2025, predikat: 'ISTIMEWA', reason: 'Capaian SPM 100 %' },
      });
      // A proposal is not the predikat: the distribution check reads only a set one.
      expect(data.proposeOrgPredikat).toMatchObject({
        year: 2025,
        proposedPredikat: 'ISTIMEWA',
        predikat: null,
        setAt: null,
        agency: { code: 'DINKES' },
      });
    });

    it('a leader sets it; an agency head and a supervisor cannot; the proposal stays beside it', async () => {
      for (const who of ['kadinkes', 'atasan0']) {
        const error = await refused(server, as[who], SET, {
          input: { agencyCode: 'DINKES', year: 2025, predikat: 'BAIK' },
        });
        expect(error.code, who).toBe('FORBIDDEN');
      }
      const data = await ok(server, as.walikota, SET, {
        input: { agencyCode: 'DINKES', year: 2025, predikat: 'BAIK', reason: 'Hasil evaluasi SAKIP' },
      });
      expect(data.setOrgPredikat).toMatchObject({ predikat: 'BAIK', proposedPredikat: 'ISTIMEWA' });
      expect(data.setOrgPredikat.setAt).not.toBeNull();
      const [row] = await db.orm.em
        .fork()
        .getConnection()
        .execute('select id from org_performance where year = 2025 and agency_id = ?', [
          scenario.agencyIds.get('DINKES'),
        ]);
      expect(row).toBeDefined();
      const entries = await auditOf(db.orm.em.fork(), 'org-performance', 'DINKES/2025');
      expect(entries.map((e) => [e.action, e.actor, e.reason])).toEqual([
        ['org-performance.propose', 'kadinkes', 'Capaian SPM 100 %'],
        ['org-performance.set', 'walikota', 'Hasil evaluasi SAKIP'],
      ]);
      expect(entries[1].before).toMatchObject({ proposedPredikat: 'ISTIMEWA', predikat: null });
      expect(entries[1].after).toMatchObject({ proposedPredikat: 'ISTIMEWA', predikat: 'BAIK', setBy: 'walikota' });
    });

    it('an administrator sets it too (docs/access.md#roles: ADMIN changes everything)', async () => {
      const data = await ok(server, as.admin, SET, { input: { agencyCode: 'DISDIK', year: 2025, predikat: 'KURANG' } });
      expect(data.setOrgPredikat).toMatchObject({ predikat: 'KURANG', proposedPredikat: null });
    });
  });

  describe('trainings and participation', () => {
    it('only administrators create trainings; the input is checked', async () => {
      const input = {
        code: 'BIMTEK-KURMER-2025',
        title: 'Bimtek Kurikulum Merdeka',
        kind: 'BIMTEK',
        organizer: 'BKPSDM Kota Sibolga',
        hoursJp: 12,
        startDate: '2025-02-10',
        endDate: '2025-02-11',
        criterionCodes: ['PROFESIONALISME', 'KOMPETEN'],
      };
      expect((await refused(server, as.kadinkes, CREATE_TRAINING, { input })).code).toBe('FORBIDDEN');
      const badDates = await refused(server, as.admin, CREATE_TRAINING, {
        input: { ...input, endDate: '2025-02-09' },
      });
      expect(badDates).toMatchObject({
        field: 'input.endDate',
        message: 'tanggal akhir 2025-02-09 sebelum tanggal mulai 2025-02-10',
      });
      const unknown = await refused(server, as.admin, CREATE_TRAINING, {
        input: { ...input, criterionCodes: ['KOMPETEN', 'TERBANG'] },
      });
      expect(unknown).toMatchObject({
        field: 'input.criterionCodes[1]',
        message: 'tidak ada kriteria dengan kode TERBANG',
      });
      const data = await ok(server, as.admin, CREATE_TRAINING, { input });
      expect(data.createTraining).toEqual({
        code: 'BIMTEK-KURMER-2025',
        title: 'Bimtek Kurikulum Merdeka',
        kind: 'BIMTEK',
        hoursJp: 12,
        startDate: '2025-02-10',
        endDate: '2025-02-11',
        criteria: ['PROFESIONALISME', 'KOMPETEN'],
      });
      const twice = await refused(server, as.admin, CREATE_TRAINING, { input });
      expect(twice).toMatchObject({ field: 'input.code', message: 'pelatihan BIMTEK-KURMER-2025 sudah ada' });
    });

    it('an administrator records participation; a COMPLETED one needs its date', async () => {
      const noDate = await refused(server, as.admin, PARTICIPATE, {
        input: { trainingCode: 'BIMTEK-KURMER-2025', employeeNip: nip(3) },
      });
      expect(noDate).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.completedOn' });
      const data = await ok(server, as.admin, PARTICIPATE, {
        input: { trainingCode: 'BIMTEK-KURMER-2025', employeeNip: nip(3), completedOn: '2025-02-11' },
      });
      expect(data.recordParticipation).toEqual({
        status: 'COMPLETED',
        completedOn: '2025-02-11',
        hoursJp: 12,
        training: { code: 'BIMTEK-KURMER-2025' },
        employee: { nip: nip(3) },
      });
    });

    it('an agency head records participation of their own agency\u2019s staff only (decision: yes, for their agency)', async () => {
      const other = await refused(server, as.kadinkes, PARTICIPATE, {
        input: { trainingCode: 'BIMTEK-KURMER-2025', employeeNip: nip(6), completedOn: '2025-02-11' },
      });
      expect(other.code).toBe('FORBIDDEN');
      const data = await ok(server, as.kadinkes, PARTICIPATE, {
        input: { trainingCode: 'BIMTEK-KURMER-2025', employeeNip: nip(4), status: 'ENROLLED', reason: 'Terdaftar' },
      });
      expect(data.recordParticipation).toMatchObject({ status: 'ENROLLED', completedOn: null });
      // Replaced when completed: one participation per training and employee, the old state in the audit log.
      const done = await ok(server, as.kadinkes, PARTICIPATE, {
        input: { trainingCode: 'BIMTEK-KURMER-2025', employeeNip: nip(4), completedOn: '2025-02-11', hoursJp: 10 },
      });
      expect(done.recordParticipation).toMatchObject({ status: 'COMPLETED', hoursJp: 10 });
      const hours = await ok(
        server,
        as.admin,
        `query ($nip: String!) { employee(nip: $nip) { trainingHours(year: 2025) } }`,
        {
          nip: nip(4),
        },
      );
      expect(hours.employee.trainingHours).toBe(10);
      const [{ id }] = await db.orm.em
        .fork()
        .getConnection()
        .execute('select id from participation where employee_id = ?', [scenario.employees[4].id]);
      const entries = await auditOf(db.orm.em.fork(), 'participation', id);
      expect(entries.map((e) => [e.action, e.actor])).toEqual([
        ['participation.record', 'kadinkes'],
        ['participation.record', 'kadinkes'],
      ]);
      expect(entries[0]).toMatchObject({ before: null, after: { status: 'ENROLLED' }, reason: 'Terdaftar' });
      expect(entries[1]).toMatchObject({
        before: { status: 'ENROLLED', completedOn: null },
        after: { status: 'COMPLETED', completedOn: '2025-02-11', hoursJp: 10 },
      });
    });
  });
});
