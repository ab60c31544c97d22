import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/modules/access/roles.js';
import {
  buildAccessFixture,
  RELATIONS,
  type Fixture,
  type FixturePerson,
  type Relation,
} from '../auth/access-fixture.js';
import { accountToken } from '../helpers/auth.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { startTestServer, UNLIMITED_COST, type GraphQLResponse, type TestServer } from '../helpers/server.js';

/**
 * The access matrix of feedback notes and performance dialogues (docs/dialogue.md#who-sees-what, docs/access.md),
 * over the organisation of the access tests (auth/access-fixture.ts): every person with a supervisor gets a note from
 * that supervisor on their 2025 Q1 evaluation, a Q1 dialogue with one development action, and a notice of the note.
 * Texts carry the person's name, so that a leak shows on any path. The expectations are written here from the docs:
 * the employee, the author, the line (the whole line for a SUPERVISOR, the direct reports for everyone) and the
 * agency head read the text; another supervisor, another agency, ADMIN, LEADER, POLICY and ANALYST as such do not.
 */

/** Whose notes each role's viewer (linked to the cell's `own`) reads, by relation in its own cell; nobody's outside. */
const BASE: readonly Relation[] = ['own', 'direct', 'directOtherAgency'];
const READS: Record<Role, readonly Relation[]> = {
  ADMIN: BASE,
  LEADER: BASE,
  POLICY: BASE,
  ANALYST: BASE,
  // Agency P: everyone there with a note (sameAgency's was written by another supervisor).
  AGENCY_HEAD: [...BASE, 'indirect', 'objector', 'sameAgency'],
  // The whole reporting line, across agencies.
  SUPERVISOR: [...BASE, 'indirect', 'objector', 'indirectOtherAgency'],
  EMPLOYEE: BASE,
};

/** People without a supervisor get no note: the top of each cell and the other agency's head. */
const WITHOUT_NOTE: readonly Relation[] = ['supervisor', 'otherAgency'];

const TEXT = /(Umpan balik untuk|Dialog kinerja|Rencana pengembangan|Jawaban) (Nama-[A-Z_]+-[A-Za-z]+)/g;

/** Every name that appears in a note's, dialogue's or action's text anywhere in a response. */
function namesIn(body: unknown): Set<string> {
  return new Set([...JSON.stringify(body).matchAll(TEXT)].map((m) => m[2]!));
}

describe('feedback notes and dialogues: who reads them, by every path', () => {
  let db: TestDatabase;
  let fx: Fixture;
  let server: TestServer;
  let demo: TestServer;
  const noteOf = new Map<number, number>();
  const dialogueOf = new Map<number, number>();
  const unlinked: Partial<Record<Role, Record<string, string>>> = {};
  let cells = 0;

  const ask = <T = Record<string, unknown>>(
    headers: Record<string, string>,
    query: string,
    variables?: Record<string, unknown>,
  ) => server.graphql<T>(query, variables, headers) as Promise<GraphQLResponse<T>>;

  /** The names whose texts a role reads (those of its own cell in READS that have a note). */
  const expected = (role: Role) =>
    new Set(
      fx.people
        .filter((p) => p.role === role && READS[role].includes(p.relation) && !WITHOUT_NOTE.includes(p.relation))
        .map((p) => p.name),
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    fx = await buildAccessFixture(db.orm);
    const em = db.orm.em.fork();
    const run = <T>(sql: string, params: unknown[]) => em.getConnection().execute(sql, params) as Promise<T>;
    for (const person of fx.people) {
      const [row] = await run<{ supervisor_id: number | null; agency_id: number }[]>(
        'select supervisor_id, agency_id from employee where id = ?',
        [person.id],
      );
      if (row!.supervisor_id === null) continue;
      const [note] = await run<{ id: number }[]>(
        `insert into feedback_note (employee_id, author_id, agency_id, evaluation_id, year, quarter, went_well,
                                    agreed_actions, answer, acknowledged_at)
         values (?, ?, ?, ?, 2025, 1, ?, ?::jsonb, ?, now()) returning id`,
        [
          person.id,
          row!.supervisor_id,
          row!.agency_id,
          person.evaluations[1],
          `Umpan balik untuk ${person.name}`,
          JSON.stringify([{ text: `Rencana pengembangan ${person.name}`, targetYear: 2025, targetQuarter: 2 }]),
          `Jawaban ${person.name}`,
        ],
      );
      noteOf.set(person.id, note!.id);
      const [dialogue] = await run<{ id: number }[]>(
        `insert into performance_dialogue (employee_id, supervisor_id, agency_id, year, quarter, held_on, points_agreed,
                                           supervisor_confirmed_at)
         values (?, ?, ?, 2025, 1, '2025-02-10', ?, now()) returning id`,
        [person.id, row!.supervisor_id, row!.agency_id, `Dialog kinerja ${person.name}`],
      );
      dialogueOf.set(person.id, dialogue!.id);
      await run(
        `insert into development_action (dialogue_id, description, criterion_code, training_kind, target_year, target_quarter)
         values (?, ?, 'PROFESIONALISME', 'WORKSHOP', 2025, 3)`,
        [dialogue!.id, `Rencana pengembangan ${person.name}`],
      );
      await run(`insert into notice (recipient_id, kind, note_id) values (?, 'NOTE_RECEIVED', ?)`, [
        person.id,
        note!.id,
      ]);
    }
    for (const role of ['ADMIN', 'LEADER', 'POLICY', 'ANALYST'] as const) {
      unlinked[role] = (
        await accountToken(em, { login: `unlinked-${role.toLowerCase()}`, role, employeeId: null })
      ).headers;
    }
    server = await startTestServer(db.orm, UNLIMITED_COST);
    demo = await startTestServer(db.orm, { KINERJA_DEMO_DATA: 'true', ...UNLIMITED_COST });
  });

  afterAll(async () => {
    console.log(`feedback access matrix: ${cells} cells checked`);
    await server?.stop();
    await demo?.stop();
    await db?.close();
  });

  it('the fixture holds a note and a dialogue for everyone with a supervisor', () => {
    expect(noteOf.size).toBe(ROLES.length * (RELATIONS.length - WITHOUT_NOTE.length));
    expect(dialogueOf.size).toBe(noteOf.size);
  });

  it('lists: feedbackNotes and performanceDialogues hold exactly the texts of the table', async () => {
    const failures: string[] = [];
    for (const role of ROLES) {
      const body = await ask(
        fx.headers[role],
        `{ feedbackNotes(first: 200) { wentWell answer agreedActions { text } employee { name } }
           performanceDialogues(first: 200) { pointsAgreed developmentActions { description } } }`,
      );
      cells++;
      if (body.errors) failures.push(`${role}: ${JSON.stringify(body.errors)}`);
      const got = [...namesIn(body.data)].sort();
      const want = [...expected(role)].sort();
      if (got.join() !== want.join()) failures.push(`${role} lists: ${got} expected ${want}`);
      const data = body.data as { feedbackNotes: unknown[]; performanceDialogues: unknown[] };
      if (data.feedbackNotes.length !== want.length || data.performanceDialogues.length !== want.length) {
        failures.push(`${role}: ${data.feedbackNotes.length} notes, ${data.performanceDialogues.length} dialogues`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('by id: the text where the table says so, else the same FORBIDDEN as for an id nobody has', async () => {
    const failures: string[] = [];
    const missingNote = await ask(fx.headers.EMPLOYEE, '{ feedbackNote(id: 999999) { id } }');
    const missingDialogue = await ask(fx.headers.EMPLOYEE, '{ performanceDialogue(id: 999999) { id } }');
    expect(missingNote.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    for (const role of ROLES) {
      for (const person of fx.people.filter((p) => noteOf.has(p.id))) {
        const reads = person.role === role && READS[role].includes(person.relation);
        for (const [field, id, missing] of [
          ['feedbackNote', noteOf.get(person.id)!, missingNote],
          ['performanceDialogue', dialogueOf.get(person.id)!, missingDialogue],
        ] as const) {
          const body = await ask(fx.headers[role], `{ ${field}(id: ${id}) { id } }`);
          cells++;
          const got = body.data?.[field] ? 'VISIBLE' : body.errors?.[0]?.message;
          const want = reads ? 'VISIBLE' : missing.errors?.[0]?.message;
          if (got !== want) failures.push(`${role} ${field} of ${person.role}/${person.relation}: ${got}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('transparency: the page shows the notes and dialogues of the table only, also to ADMIN and LEADER', async () => {
    const failures: string[] = [];
    for (const role of ROLES) {
      for (const person of fx.people.filter((p) => p.role === role)) {
        const body = await ask<{ transparency: unknown }>(
          fx.headers[role],
          `{ transparency(year: 2025, pseudonym: "${person.pseudonym}") {
              feedbackNotes { wentWell answer } performanceDialogues { pointsAgreed developmentActions { description } } } }`,
        );
        cells++;
        if (!body.data?.transparency) continue; // the page itself: the transparency test of the access matrix
        const got = [...namesIn(body.data)];
        const want = READS[role].includes(person.relation) && noteOf.has(person.id) ? [person.name] : [];
        if (got.join() !== want.join()) failures.push(`${role} transparency of ${person.relation}: ${got}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('nested: evaluations, notices and every other path show no text beyond the table; the anonymous demo caller none', async () => {
    const failures: string[] = [];
    const broad = `{
      evaluations(first: 500) { edges { node { feedbackNotes { wentWell answer agreedActions { text } } } } }
      me { employee { evaluations(year: 2025) { feedbackNotes { wentWell } } } }
      notices { unreadCount items { kind note { wentWell } dialogue { pointsAgreed } } }
    }`;
    for (const role of ROLES) {
      const body = await ask<{ notices: { unreadCount: number; items: { kind: string }[] } }>(fx.headers[role], broad);
      cells++;
      if (body.errors) failures.push(`${role}: ${JSON.stringify(body.errors)}`);
      const extra = [...namesIn(body.data)].filter((name) => !expected(role).has(name));
      if (extra.length > 0) failures.push(`${role} nested: text of ${extra}`);
      // Evaluations the role sees carry the notes it may read: at least its own and its direct reports'.
      for (const relation of BASE) {
        if (!namesIn(body.data).has(fx.person(role, relation).name)) failures.push(`${role}: no note of ${relation}`);
      }
      // Notices: only the caller's own (the note to `own`).
      expect(body.data!.notices.unreadCount, role).toBe(1);
      expect([...namesIn(body.data!.notices)], role).toEqual([fx.person(role, 'own').name]);
    }
    for (const [role, headers] of Object.entries(unlinked)) {
      const body = await ask(
        headers!,
        `{ feedbackNotes { id } performanceDialogues { id } notices { unreadCount } ${broad.slice(1, broad.indexOf('me {'))} }`,
      );
      cells++;
      expect(body.errors, role).toBeUndefined();
      expect(namesIn(body.data).size, `unlinked ${role}`).toBe(0);
      expect(body.data).toMatchObject({ feedbackNotes: [], performanceDialogues: [], notices: { unreadCount: 0 } });
    }
    const anonymous = await demo.graphql(
      '{ evaluations(first: 500) { edges { node { feedbackNotes { wentWell } } } } }',
    );
    cells++;
    expect(anonymous.errors).toBeUndefined();
    expect(namesIn(anonymous.data).size).toBe(0);
    const refused = await demo.graphql('{ feedbackNotes { id } }');
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(failures).toEqual([]);
  });

  it('a list filtered to someone else is empty, not a way around the rule', async () => {
    const other = fx.person('ADMIN', 'indirect');
    // ADMIN sees indirect's record in full, but not the note's text.
    const body = await ask(
      fx.headers.ADMIN,
      `{ feedbackNotes(filter: { employeePseudonym: "${other.pseudonym}" }) { id } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ feedbackNotes: [] });
  });

  it('feedbackCounts: counts per agency for the roles that oversee, small agencies suppressed but for ADMIN and LEADER', async () => {
    type Row = {
      agency: { code: string };
      notesWritten: number | null;
      dialoguesHeld: number | null;
      suppressed: boolean;
    };
    const query =
      '{ feedbackCounts(year: 2025, quarter: 1) { agency { code } notesWritten notesAnswered dialoguesHeld developmentActions suppressed } }';
    // In every cell: agency P holds 6 employees, 5 with a note; Q holds 4, 3 with a note (docs: minimum group 5).
    const inP = (person: FixturePerson) => person.agencyCode.startsWith('P_');
    const notes = (code: string) => fx.people.filter((p) => p.agencyCode === code && noteOf.has(p.id)).length;
    expect(notes('P_ADMIN')).toBe(5);
    expect(notes('Q_ADMIN')).toBe(3);
    expect(fx.people.filter((p) => p.role === 'ADMIN' && inP(p))).toHaveLength(6);
    for (const role of ['ADMIN', 'LEADER', 'POLICY', 'ANALYST', 'AGENCY_HEAD'] as const) {
      const body = await ask<{ feedbackCounts: Row[] }>(fx.headers[role], query);
      cells++;
      expect(body.errors, role).toBeUndefined();
      for (const row of body.data!.feedbackCounts) {
        const code = row.agency.code;
        const exempt = role === 'ADMIN' || role === 'LEADER' || (role === 'AGENCY_HEAD' && code === 'P_AGENCY_HEAD');
        const small = code.startsWith('Q_');
        expect(row.suppressed, `${role} ${code}`).toBe(small && !exempt);
        expect(row.notesWritten, `${role} ${code}`).toBe(small && !exempt ? null : notes(code));
        expect(row.dialoguesHeld, `${role} ${code}`).toBe(small && !exempt ? null : notes(code));
      }
    }
    for (const role of ['SUPERVISOR', 'EMPLOYEE'] as const) {
      const body = await ask(fx.headers[role], query);
      expect(body.errors?.[0]?.extensions?.code, role).toBe('FORBIDDEN');
    }
  });
});
