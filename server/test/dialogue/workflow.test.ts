import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountToken } from '../helpers/auth.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { buildScenario, type Scenario } from '../helpers/scenario.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { auditOf, fingerprint, ok, refused, type Json } from '../workflow/helpers.js';

/**
 * Feedback notes, performance dialogues, development actions and notices through the API (docs/dialogue.md), on a
 * scenario of 10 employees in 3 agencies: 0 heads DISDIK with 3, 6 and 9 under them; 1 heads DINKES with 4 and 7;
 * 2 heads BKPSDM with 5 and 8. 2025 Q1 is SUBMITTED for everyone; in Q2, 3 and 6 have a DRAFT.
 */

const WRITE = `mutation ($input: WriteFeedbackNoteInput!) { writeFeedbackNote(input: $input) {
  id year quarter wentWell toImprove agreedActions { text targetYear targetQuarter } answer answered evaluationId
  employee { nip } author { nip } } }`;
const ANSWER = `mutation ($input: AnswerFeedbackNoteInput!) { answerFeedbackNote(input: $input) { id answer answered acknowledgedAt } }`;
const NOTICES = `{ notices { unreadCount items { id kind evaluationId noteId dialogueId readAt note { wentWell } } } }`;
const RECORD = `mutation ($input: RecordPerformanceDialogueInput!) { recordPerformanceDialogue(input: $input) {
  id year quarter heldOn pointsAgreed followUps confirmed supervisorConfirmedAt employeeConfirmedAt
  developmentActions { id description criterionCode trainingKind targetYear targetQuarter participation { completedOn } } } }`;
const CONFIRM = `mutation ($id: Int!) { confirmPerformanceDialogue(dialogueId: $id) { id confirmed employeeConfirmedAt } }`;
const LINK = `mutation ($input: LinkDevelopmentActionInput!) { linkDevelopmentAction(input: $input) {
  id participation { training { code } completedOn } } }`;
const COMPLETION = `query ($q: Int!) { completion(year: 2025, quarter: $q) {
  totals { expected dialoguesHeld dialoguesConfirmed shareDialogues }
  groups { agency { code } assessor { nip } expected dialoguesHeld dialoguesConfirmed shareDialogues } } }`;

describe('feedback, dialogue and notices', () => {
  let db: TestDatabase;
  let scenario: Scenario;
  let server: TestServer;
  const as: Record<string, Record<string, string>> = {};
  const nip = (index: number) => scenario.employees[index]!.nip;
  const evaluationOf = (index: number, quarter: number) =>
    scenario.evaluations.find((e) => e.employeeIndex === index && e.quarter === quarter)!.id;
  const unread = async (login: string) => (await ok(server, as[login]!, NOTICES)).notices.unreadCount as number;
  const em = () => db.orm.em.fork();

  beforeAll(async () => {
    db = await createTestDatabase();
    scenario = await buildScenario(db.orm, {
      employees: 10,
      quarters: [1, 2],
      status: (index, quarter) => (quarter === 2 && (index === 3 || index === 6) ? 'DRAFT' : 'SUBMITTED'),
    });
    const account = async (login: string, role: Parameters<typeof accountToken>[1]['role'], index?: number) => {
      as[login] = (
        await accountToken(em(), {
          login,
          role,
          employeeId: index === undefined ? null : scenario.employees[index]!.id,
        })
      ).headers;
    };
    await account('admin', 'ADMIN');
    await account('atasan0', 'SUPERVISOR', 0);
    await account('atasan1', 'SUPERVISOR', 1);
    await account('pegawai3', 'EMPLOYEE', 3);
    await account('pegawai6', 'EMPLOYEE', 6);
    await account('pegawai4', 'EMPLOYEE', 4);
    server = await startTestServer(db.orm);
  });

  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  const note = (input: Json) => ({ input: { employeeNip: nip(3), year: 2025, quarter: 1, ...input } });

  it('refuses a bad note naming the field, and writes nothing', async () => {
    const before = await fingerprint(em());
    const cases: [Json, string][] = [
      [{}, 'input.wentWell'],
      [{ wentWell: '   ' }, 'input.wentWell'],
      [{ wentWell: 'x'.repeat(4001) }, 'input.wentWell'],
      [{ toImprove: 'y'.repeat(4001) }, 'input.toImprove'],
      [{ agreedActions: [{ text: '', targetYear: 2025, targetQuarter: 2 }] }, 'input.agreedActions.0.text'],
      [
        { agreedActions: [{ text: 'Ikut diklat', targetYear: 2024, targetQuarter: 4 }] },
        'input.agreedActions.0.targetQuarter',
      ],
      [
        { agreedActions: [{ text: 'Ikut diklat', targetYear: 2025, targetQuarter: 5 }] },
        'input.agreedActions.0.targetQuarter',
      ],
      [{ wentWell: 'Baik', quarter: 5 }, 'input.quarter'],
      [{ wentWell: 'Baik', year: null }, 'input.year'],
      [{ wentWell: 'Baik', employeeNip: null }, 'input.employeeNip'],
      [{ wentWell: 'Baik', evaluationId: evaluationOf(3, 1), quarter: 2 }, 'input.quarter'],
    ];
    for (const [input, field] of cases) {
      const error = await refused(server, as.atasan0!, WRITE, note(input));
      expect([error.code, error.field], JSON.stringify(input).slice(0, 80)).toEqual(['BAD_USER_INPUT', field]);
      // Indonesian by default, from the one catalogue: no English after it in brackets any more (docs/i18n.md).
      expect(error.message).not.toMatch(/\((the|a|an|say|give|at most|evaluation|only) [^)]*\)$/);
    }
    // Not the direct supervisor: another supervisor, the employee's colleague, an administrator.
    for (const [login, input] of [
      ['atasan1', note({ wentWell: 'Baik' })],
      ['pegawai6', note({ wentWell: 'Baik' })],
      ['admin', note({ wentWell: 'Baik' })],
      ['atasan1', { input: { evaluationId: evaluationOf(3, 1), wentWell: 'Baik' } }],
    ] as const) {
      expect((await refused(server, as[login]!, WRITE, input)).code, login).toBe('FORBIDDEN');
    }
    expect(await fingerprint(em())).toEqual(before);
    expect(await unread('pegawai3')).toBe(0);
  });

  let noteId: number;

  it('the supervisor writes a note on an evaluation: the employee gets a notice, the audit log no text', async () => {
    const { writeFeedbackNote } = await ok(server, as.atasan0!, WRITE, {
      input: {
        evaluationId: evaluationOf(3, 1),
        wentWell: 'Laporan kelas selalu tepat waktu',
        toImprove: 'Administrasi nilai siswa',
        agreedActions: [{ text: 'Ikut bimtek e-rapor', targetYear: 2025, targetQuarter: 3 }],
      },
    });
    noteId = writeFeedbackNote.id;
    expect(writeFeedbackNote).toMatchObject({
      year: 2025,
      quarter: 1,
      evaluationId: evaluationOf(3, 1),
      answered: false,
      answer: null,
      employee: { nip: nip(3) },
      author: { nip: nip(0) },
      agreedActions: [{ text: 'Ikut bimtek e-rapor', targetYear: 2025, targetQuarter: 3 }],
    });
    const { notices } = await ok(server, as.pegawai3!, NOTICES);
    expect(notices.unreadCount).toBe(1);
    expect(notices.items).toEqual([
      expect.objectContaining({
        kind: 'NOTE_RECEIVED',
        noteId,
        readAt: null,
        note: { wentWell: 'Laporan kelas selalu tepat waktu' },
      }),
    ]);
    expect(await unread('pegawai6')).toBe(0);
    const audit = await auditOf(em(), 'feedback_note', noteId);
    expect(audit.map((a) => [a.actor, a.action])).toEqual([['atasan0', 'feedback.write']]);
    expect(audit[0]!.after).toEqual({
      employeeId: scenario.employees[3]!.id,
      evaluationId: evaluationOf(3, 1),
      year: 2025,
      quarter: 1,
      agreedActions: 1,
    });
    expect(JSON.stringify(audit)).not.toMatch(/Laporan|Administrasi|bimtek/);
  });

  it("shows in the employee's transparency page and on the evaluation", async () => {
    const { transparency } = await ok(
      server,
      as.pegawai3!,
      '{ transparency(year: 2025) { feedbackNotes { id wentWell author { nip } } } }',
    );
    expect(transparency.feedbackNotes).toEqual([
      { id: noteId, wentWell: 'Laporan kelas selalu tepat waktu', author: { nip: nip(0) } },
    ]);
    const { evaluation } = await ok(
      server,
      as.atasan0!,
      `{ evaluation(id: ${evaluationOf(3, 1)}) { feedbackNotes { id } } }`,
    );
    expect(evaluation.feedbackNotes).toEqual([{ id: noteId }]);
    const admin = await ok(server, as.admin!, `{ evaluation(id: ${evaluationOf(3, 1)}) { feedbackNotes { id } } }`);
    expect(admin.evaluation.feedbackNotes).toEqual([]);
  });

  it('the employee answers once; their notice goes back to zero and the author gets one', async () => {
    for (const login of ['pegawai6', 'atasan0', 'admin']) {
      expect((await refused(server, as[login]!, ANSWER, { input: { noteId, answer: 'x' } })).code, login).toBe(
        'FORBIDDEN',
      );
    }
    expect((await refused(server, as.pegawai3!, ANSWER, { input: { noteId, answer: 'z'.repeat(4001) } })).field).toBe(
      'input.answer',
    );
    const { answerFeedbackNote } = await ok(server, as.pegawai3!, ANSWER, {
      input: { noteId, answer: 'Terima kasih, saya daftar bimtek bulan depan' },
    });
    expect(answerFeedbackNote).toMatchObject({
      answered: true,
      answer: 'Terima kasih, saya daftar bimtek bulan depan',
    });
    expect(await unread('pegawai3')).toBe(0);
    const { notices } = await ok(server, as.atasan0!, NOTICES);
    expect(notices.unreadCount).toBe(1);
    expect(notices.items[0]).toMatchObject({ kind: 'NOTE_ANSWERED', noteId });
    const again = await refused(server, as.pegawai3!, ANSWER, { input: { noteId } });
    expect([again.code, again.field]).toEqual(['BAD_USER_INPUT', 'input.noteId']);
    const audit = await auditOf(em(), 'feedback_note', noteId);
    expect(audit.map((a) => a.action)).toEqual(['feedback.write', 'feedback.answer']);
    expect(JSON.stringify(audit)).not.toContain('Terima kasih');
  });

  it("marks notices read: own ids or all; another one's id is refused and nothing changes", async () => {
    const { notices } = await ok(server, as.atasan0!, NOTICES);
    const theirs = (await ok(server, as.pegawai3!, NOTICES)).notices.items[0].id;
    const error = await refused(server, as.atasan0!, 'mutation ($ids: [Int!]) { markNoticesRead(ids: $ids) }', {
      ids: [notices.items[0].id, theirs],
    });
    expect([error.code, error.field]).toEqual(['BAD_USER_INPUT', 'ids.1']);
    expect(await unread('atasan0')).toBe(1);
    expect((await refused(server, as.atasan0!, 'mutation { markNoticesRead }')).field).toBe('ids');
    expect((await ok(server, as.atasan0!, 'mutation { markNoticesRead(all: true) }')).markNoticesRead).toBe(1);
    expect(await unread('atasan0')).toBe(0);
    expect((await ok(server, as.atasan0!, 'mutation { markNoticesRead(all: true) }')).markNoticesRead).toBe(0);
  });

  it('a note between evaluations names its quarter; unansweredOnly lists what waits', async () => {
    await ok(server, as.atasan0!, WRITE, {
      input: { employeeNip: nip(6), year: 2025, quarter: 2, toImprove: 'Absensi' },
    });
    const { feedbackNotes } = await ok(
      server,
      as.atasan0!,
      '{ feedbackNotes(filter: { unansweredOnly: true }) { year quarter evaluationId employee { nip } } }',
    );
    expect(feedbackNotes).toEqual([{ year: 2025, quarter: 2, evaluationId: null, employee: { nip: nip(6) } }]);
    expect(await unread('pegawai6')).toBe(1);
  });

  it('evaluations: waiting for acknowledgement and an objection decided are notices too', async () => {
    const draft = evaluationOf(3, 2);
    const version = async (id: number) =>
      (await ok(server, as.admin!, `{ evaluation(id: ${id}) { version } }`)).evaluation.version;
    await ok(
      server,
      as.atasan0!,
      'mutation ($input: EvaluationStepInput!) { submitEvaluation(input: $input) { id } }',
      {
        input: { evaluationId: draft, version: await version(draft) },
      },
    );
    const { notices } = await ok(server, as.pegawai3!, NOTICES);
    expect(notices.unreadCount).toBe(1);
    expect(notices.items[0]).toMatchObject({ kind: 'EVALUATION_TO_ACKNOWLEDGE', evaluationId: draft });
    await ok(
      server,
      as.pegawai3!,
      'mutation ($input: EvaluationStepInput!) { acknowledgeEvaluation(input: $input) { id } }',
      {
        input: { evaluationId: draft, version: await version(draft) },
      },
    );
    expect(await unread('pegawai3')).toBe(0);
    // An objection, decided: the employee is told.
    const q1 = evaluationOf(4, 1);
    await ok(
      server,
      as.pegawai4!,
      'mutation ($input: ObjectToEvaluationInput!) { objectToEvaluation(input: $input) { id } }',
      {
        input: { evaluationId: q1, version: await version(q1), reason: 'Nilai tidak sesuai bukti' },
      },
    );
    await ok(server, as.admin!, 'mutation ($input: DecideObjectionInput!) { decideObjection(input: $input) { id } }', {
      input: {
        evaluationId: q1,
        version: await version(q1),
        decision: 'REJECTED',
        note: 'Bukti sudah dipertimbangkan',
      },
    });
    const four = await ok(server, as.pegawai4!, NOTICES);
    expect(four.notices.unreadCount).toBe(1);
    expect(four.notices.items[0]).toMatchObject({ kind: 'OBJECTION_DECIDED', evaluationId: q1 });
  });

  const dialogue = (input: Json) => ({
    input: {
      employeeNip: nip(3),
      year: 2025,
      quarter: 1,
      heldOn: '2025-03-20',
      pointsAgreed: 'Target kelulusan dan administrasi nilai',
      ...input,
    },
  });

  it('refuses a bad dialogue naming the field, and writes nothing', async () => {
    const before = await fingerprint(em());
    const cases: [Json, string][] = [
      [{ heldOn: '2024-12-31' }, 'input.heldOn'],
      [{ heldOn: '2025-02-30' }, 'input.heldOn'],
      [{ heldOn: '2999-01-01' }, 'input.heldOn'],
      [{ pointsAgreed: ' ' }, 'input.pointsAgreed'],
      [{ followUps: 'f'.repeat(4001) }, 'input.followUps'],
      [{ quarter: 0 }, 'input.quarter'],
      [
        { developmentActions: [{ description: 'Diklat', targetYear: 2024, targetQuarter: 4 }] },
        'input.developmentActions.0.targetQuarter',
      ],
      [
        { developmentActions: [{ description: '', targetYear: 2025, targetQuarter: 2 }] },
        'input.developmentActions.0.description',
      ],
      [
        {
          developmentActions: [
            { description: 'Diklat', criterionCode: 'TIDAK_ADA', targetYear: 2025, targetQuarter: 2 },
          ],
        },
        'input.developmentActions.0.criterionCode',
      ],
    ];
    for (const [input, field] of cases) {
      const error = await refused(server, as.atasan0!, RECORD, dialogue(input));
      expect([error.code, error.field], JSON.stringify(input).slice(0, 80)).toEqual(['BAD_USER_INPUT', field]);
    }
    for (const login of ['atasan1', 'pegawai6', 'admin']) {
      expect((await refused(server, as[login]!, RECORD, dialogue({}))).code, login).toBe('FORBIDDEN');
    }
    expect(await fingerprint(em())).toEqual(before);
  });

  let dialogueId: number;
  let actionId: number;

  it('records dialogues, one per employee and quarter; the employee confirms', async () => {
    const { recordPerformanceDialogue } = await ok(
      server,
      as.atasan0!,
      RECORD,
      dialogue({
        followUps: 'Pantau tiap bulan',
        developmentActions: [
          {
            description: 'Bimtek penilaian',
            criterionCode: 'PROFESIONALISME',
            trainingKind: 'BIMTEK',
            targetYear: 2025,
            targetQuarter: 2,
          },
        ],
      }),
    );
    dialogueId = recordPerformanceDialogue.id;
    actionId = recordPerformanceDialogue.developmentActions[0].id;
    expect(recordPerformanceDialogue).toMatchObject({
      heldOn: '2025-03-20',
      confirmed: false,
      employeeConfirmedAt: null,
      developmentActions: [{ criterionCode: 'PROFESIONALISME', trainingKind: 'BIMTEK', participation: null }],
    });
    expect(recordPerformanceDialogue.supervisorConfirmedAt).not.toBeNull();
    const twice = await refused(server, as.atasan0!, RECORD, dialogue({}));
    expect([twice.code, twice.field]).toEqual(['BAD_USER_INPUT', 'input.quarter']);
    expect((await ok(server, as.pegawai3!, NOTICES)).notices.items[0]).toMatchObject({
      kind: 'DIALOGUE_TO_CONFIRM',
      dialogueId,
    });
    expect((await refused(server, as.pegawai6!, CONFIRM, { id: dialogueId })).code).toBe('FORBIDDEN');
    const { confirmPerformanceDialogue } = await ok(server, as.pegawai3!, CONFIRM, { id: dialogueId });
    expect(confirmPerformanceDialogue.confirmed).toBe(true);
    expect(await unread('pegawai3')).toBe(0);
    expect((await refused(server, as.pegawai3!, CONFIRM, { id: dialogueId })).field).toBe('dialogueId');
    expect((await auditOf(em(), 'performance_dialogue', dialogueId)).map((a) => a.action)).toEqual([
      'dialogue.record',
      'dialogue.confirm',
    ]);
  });

  it('completion counts the dialogues of each assessor and agency (worked scenario)', async () => {
    // 2025 Q1: 0 held dialogues with 3 (confirmed above) and 6; 1 with 4; 2 none. A Q2 dialogue of 9 counts in Q2 only.
    await ok(server, as.atasan0!, RECORD, dialogue({ employeeNip: nip(6), heldOn: '2025-03-21' }));
    await ok(server, as.atasan1!, RECORD, dialogue({ employeeNip: nip(4), heldOn: '2025-04-02' }));
    await ok(server, as.atasan0!, RECORD, dialogue({ employeeNip: nip(9), quarter: 2, heldOn: '2025-05-05' }));
    const { completion } = await ok(server, as.admin!, COMPLETION, { q: 1 });
    const byGroup = Object.fromEntries(
      completion.groups.map((g: Json) => [
        `${g.agency.code}/${g.assessor?.nip ?? '-'}`,
        [g.expected, g.dialoguesHeld, g.dialoguesConfirmed, g.shareDialogues],
      ]),
    );
    // Groups: each head alone without an assessor; 3, 6, 9 under 0; 4, 7 under 1; 5, 8 under 2.
    expect(byGroup).toEqual({
      'BKPSDM/-': [1, 0, 0, 0],
      [`BKPSDM/${nip(2)}`]: [2, 0, 0, 0],
      'DINKES/-': [1, 0, 0, 0],
      [`DINKES/${nip(1)}`]: [2, 1, 0, 0.5],
      'DISDIK/-': [1, 0, 0, 0],
      [`DISDIK/${nip(0)}`]: [3, 2, 1, 2 / 3],
    });
    expect(completion.totals).toEqual({ expected: 10, dialoguesHeld: 3, dialoguesConfirmed: 1, shareDialogues: 0.3 });
    // The assessor's own view: their group only.
    const own = await ok(server, as.atasan0!, COMPLETION, { q: 1 });
    expect(own.completion.totals).toEqual({
      expected: 3,
      dialoguesHeld: 2,
      dialoguesConfirmed: 1,
      shareDialogues: 2 / 3,
    });
    const q2 = await ok(server, as.admin!, COMPLETION, { q: 2 });
    expect(q2.completion.totals.dialoguesHeld).toBe(1);
    // The counts without text, per agency.
    const { feedbackCounts } = await ok(
      server,
      as.admin!,
      '{ feedbackCounts(year: 2025, quarter: 1) { agency { code } notesWritten notesAnswered dialoguesHeld dialoguesConfirmed developmentActions } }',
    );
    expect(feedbackCounts).toEqual([
      {
        agency: { code: 'BKPSDM' },
        notesWritten: 0,
        notesAnswered: 0,
        dialoguesHeld: 0,
        dialoguesConfirmed: 0,
        developmentActions: 0,
      },
      {
        agency: { code: 'DINKES' },
        notesWritten: 0,
        notesAnswered: 0,
        dialoguesHeld: 1,
        dialoguesConfirmed: 0,
        developmentActions: 0,
      },
      {
        agency: { code: 'DISDIK' },
        notesWritten: 1,
        notesAnswered: 1,
        dialoguesHeld: 2,
        dialoguesConfirmed: 1,
        developmentActions: 1,
      },
    ]);
  });

  it('links a development action to the participation that carried it out', async () => {
    const conn = em().getConnection();
    const [training] = await conn.execute<{ id: number }[]>(
      `insert into training (code, title, kind, hours_jp, criterion_codes) values ('BIMTEK-NILAI', 'Bimtek penilaian', 'BIMTEK', 16, '{PROFESIONALISME}') returning id`,
    );
    const [mine] = await conn.execute<{ id: number }[]>(
      `insert into participation (training_id, employee_id, status, completed_on, hours_jp) values (?, ?, 'COMPLETED', '2025-05-10', 16) returning id`,
      [training!.id, scenario.employees[3]!.id],
    );
    const [theirs] = await conn.execute<{ id: number }[]>(
      `insert into participation (training_id, employee_id, status, completed_on, hours_jp) values (?, ?, 'COMPLETED', '2025-05-10', 16) returning id`,
      [training!.id, scenario.employees[6]!.id],
    );
    const wrong = await refused(server, as.atasan0!, LINK, { input: { actionId, participationId: theirs!.id } });
    expect([wrong.code, wrong.field]).toEqual(['BAD_USER_INPUT', 'input.participationId']);
    expect((await refused(server, as.atasan1!, LINK, { input: { actionId, participationId: mine!.id } })).code).toBe(
      'FORBIDDEN',
    );
    const { linkDevelopmentAction } = await ok(server, as.pegawai3!, LINK, {
      input: { actionId, participationId: mine!.id },
    });
    expect(linkDevelopmentAction).toEqual({
      id: actionId,
      participation: { training: { code: 'BIMTEK-NILAI' }, completedOn: '2025-05-10' },
    });
    const { feedbackCounts } = await ok(
      server,
      as.admin!,
      '{ feedbackCounts(year: 2025) { agency { code } developmentActionsLinked } }',
    );
    expect(feedbackCounts.find((c: Json) => c.agency.code === 'DISDIK').developmentActionsLinked).toBe(1);
  });
});
