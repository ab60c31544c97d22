import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/modules/access/roles.js';
import { accountToken } from '../helpers/auth.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { buildScenario, type Scenario } from '../helpers/scenario.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { ACKNOWLEDGE, ok, refused, type Json } from '../workflow/helpers.js';

/**
 * docs/privacy.md "Export of one person's data": an administrator exports one employee's personal data and its
 * processing history as JSON and CSV; the export is audited (and contains its own entry); every other caller is
 * refused and leaves no trace; bad input is refused with its field and writes nothing.
 */
const EXPORT = `mutation ($nip: String!, $reason: String!) {
  exportPersonalData(nip: $nip, reason: $reason) { nip generatedAt sections { name rows } auditEntries json csv }
}`;

/** A CSV parser for the export's long form (quoted fields with doubled quotes, line breaks inside quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  expect(field, 'the CSV ends with a line break').toBe('');
  return rows;
}

describe('exportPersonalData: one person, JSON and CSV, audited, administrators only', () => {
  let db: TestDatabase;
  let scenario: Scenario;
  let server: TestServer;
  const as: Partial<Record<Role | 'employee6', Record<string, string>>> = {};
  let subject: Scenario['employees'][number];
  let dialogueId: number;

  const auditCount = async () =>
    Number(
      (
        (await db.orm.em
          .fork()
          .getConnection()
          .execute(`select count(*)::int as n from audit_log where action = 'personal_data.export'`)) as { n: number }[]
      )[0]!.n,
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    scenario = await buildScenario(db.orm, { employees: 7, quarters: [1, 2] });
    subject = scenario.employees[6]!;
    const em = db.orm.em.fork();
    for (const role of ROLES) {
      as[role] = (await accountToken(em, { login: `privacy.${role.toLowerCase()}`, role })).headers;
    }
    as.employee6 = (await accountToken(em, { login: 'pegawai6', role: 'EMPLOYEE', employeeId: subject.id })).headers;
    server = await startTestServer(db.orm);
    // Something the person did themselves, audited: they acknowledge their first quarter.
    const [evaluation] = (await em
      .getConnection()
      .execute('select id, version from evaluation where employee_id = ? order by id limit 1', [subject.id])) as {
      id: number;
      version: number;
    }[];
    await ok(server, as.employee6!, ACKNOWLEDGE, {
      input: { evaluationId: evaluation!.id, version: evaluation!.version, reason: 'setuju' },
    });
    // A performance dialogue with a development action, and a notice, for the person; and someone else's dialogue.
    const sql = em.getConnection();
    const dialogue = async (employeeId: number, supervisorId: number, action: string) => {
      const [row] = (await sql.execute(
        `insert into performance_dialogue (employee_id, supervisor_id, agency_id, year, quarter, held_on, points_agreed)
         select ?, ?, agency_id, 2025, 2, '2025-06-20', 'Target semester dua' from employee where id = ? returning id`,
        [employeeId, supervisorId, employeeId],
      )) as { id: number }[];
      await sql.execute(
        `insert into development_action (dialogue_id, description, target_year, target_quarter) values (?, ?, 2025, 4)`,
        [row!.id, action],
      );
      return row!.id;
    };
    dialogueId = await dialogue(subject.id, scenario.employees[0]!.id, 'Ikut pelatihan analisis data');
    await dialogue(scenario.employees[1]!.id, scenario.employees[0]!.id, 'Rencana orang lain');
    await sql.execute(`insert into notice (recipient_id, kind, dialogue_id) values (?, 'DIALOGUE_TO_CONFIRM', ?)`, [
      subject.id,
      dialogueId,
    ]);
  });

  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  it("exports the person's records of every table and their processing history, the same in JSON and in CSV", async () => {
    const first = await ok(server, as.ADMIN!, EXPORT, { nip: subject.nip, reason: 'Permintaan akses subjek data' });
    const data = await ok(server, as.ADMIN!, EXPORT, { nip: subject.nip, reason: 'Permintaan kedua' });
    const result = data.exportPersonalData;
    expect(first.exportPersonalData.auditEntries).toBeLessThan(result.auditEntries);
    const document: Json = JSON.parse(result.json);
    expect(document).toMatchObject({
      format: 'kinerja.personal-data-export/1',
      generatedBy: 'privacy.admin',
      reason: 'Permintaan kedua',
      subject: { nip: subject.nip, name: subject.name },
    });

    // The records: the employee row, their evaluations (both quarters) with every score, their account.
    const sections = document.sections as Record<string, Json[]>;
    expect(sections.employee).toHaveLength(1);
    expect(sections.employee![0]).toMatchObject({ id: subject.id, nip: subject.nip, name: subject.name });
    const evaluations = scenario.evaluations.filter((e) => e.employeeIndex === 6);
    expect(evaluations.length).toBe(2);
    expect(sections.evaluation!.map((e) => e.id).sort()).toEqual(evaluations.map((e) => e.id).sort());
    expect(sections.evaluation!.every((e) => e.employee_id === subject.id)).toBe(true);
    const scores = (await db.orm.em
      .fork()
      .getConnection()
      .execute(
        'select count(*)::int as n from evaluation_score where evaluation_id in (select id from evaluation where employee_id = ?)',
        [subject.id],
      )) as { n: number }[];
    expect(sections.evaluation_score).toHaveLength(scores[0]!.n);
    expect(sections.app_user!.map((u) => u.login)).toEqual(['pegawai6']);
    expect(sections.annual_result?.length ?? 0).toBeGreaterThanOrEqual(0);
    // Their dialogue with its development action (a row that names them only through the dialogue), and the notice
    // addressed to them; not the other person's dialogue.
    expect(sections.performance_dialogue!.map((d) => d.id)).toEqual([dialogueId]);
    expect(sections.development_action!.map((a) => [a.dialogue_id, a.description])).toEqual([
      [dialogueId, 'Ikut pelatihan analisis data'],
    ]);
    expect(sections.notice!.map((n) => [n.recipient_id, n.kind])).toEqual([[subject.id, 'DIALOGUE_TO_CONFIRM']]);
    expect(result.json).not.toContain('Rencana orang lain');
    // Never a password hash or another person's record.
    expect(result.json).not.toContain('password_hash');
    expect(result.json).not.toContain('test-account-no-password');
    for (const other of scenario.employees.filter((e) => e.id !== subject.id)) {
      expect(JSON.stringify(sections)).not.toContain(other.nip);
    }
    expect(result.sections).toEqual(
      Object.entries(sections).map(([name, rows]) => ({ name, rows: (rows as unknown[]).length })),
    );

    // The history: their own acknowledgement (by them, about their evaluation) and both exports, the last included.
    const history = document.processingHistory as Json[];
    expect(history).toHaveLength(result.auditEntries);
    expect(history.find((h) => h.action === 'evaluation.acknowledge')).toMatchObject({
      actor: 'pegawai6',
      entityType: 'evaluation',
      entityId: String(evaluations[0]!.id),
      relation: 'by',
      reason: 'setuju',
    });
    const exports = history.filter((h) => h.action === 'personal_data.export');
    expect(exports.map((h) => h.reason)).toEqual(['Permintaan akses subjek data', 'Permintaan kedua']);
    expect(exports.every((h) => h.actor === 'privacy.admin' && h.relation === 'about')).toBe(true);

    // The CSV holds the same facts, in the long form.
    const rows = parseCsv(result.csv);
    expect(rows[0]).toEqual(['section', 'row', 'field', 'value']);
    expect(rows.slice(1).every((r) => r.length === 4)).toBe(true);
    const cell = (section: string, row: number, field: string) =>
      rows.find((r) => r[0] === section && r[1] === String(row) && r[2] === field)?.[3];
    expect(cell('export', 1, 'nip')).toBe(subject.nip);
    expect(cell('employee', 1, 'name')).toBe(subject.name);
    for (const section of Object.keys(sections)) {
      const fields = Object.keys(sections[section]![0]).length;
      expect(rows.filter((r) => r[0] === section).length, section).toBe(fields * sections[section]!.length);
    }
    const historyRows = new Set(rows.filter((r) => r[0] === 'processing_history').map((r) => r[1]));
    expect(historyRows.size).toBe(history.length);
    const last = history.length;
    expect(cell('processing_history', last, 'action')).toBe('personal_data.export');
    expect(JSON.parse(cell('processing_history', last, 'after')!)).toEqual({
      nip: subject.nip,
      formats: ['json', 'csv'],
    });
  });

  it('every role but ADMIN, and a caller without a token, is refused, and no export is recorded', async () => {
    const before = await auditCount();
    for (const role of ROLES.filter((r) => r !== 'ADMIN')) {
      const error = await refused(server, as[role]!, EXPORT, { nip: subject.nip, reason: 'ingin tahu saja' });
      expect([role, error.code]).toEqual([role, 'FORBIDDEN']);
    }
    const own = await refused(server, as.employee6!, EXPORT, { nip: subject.nip, reason: 'data saya sendiri' });
    expect(own.code).toBe('FORBIDDEN');
    const nobody = await refused(server, {}, EXPORT, { nip: subject.nip, reason: 'tanpa token' });
    expect(nobody.code).toBe('UNAUTHENTICATED');
    expect(await auditCount()).toBe(before);
  });

  it('bad input is refused with its field, an unknown NIP as NOT_FOUND, and nothing is recorded', async () => {
    const before = await auditCount();
    const badNip = await refused(server, as.ADMIN!, EXPORT, { nip: '1985ABC', reason: 'Permintaan subjek data' });
    expect(badNip).toMatchObject({ code: 'BAD_USER_INPUT', field: 'nip' });
    expect(badNip.message).toBe(
      'NIP hanya boleh memuat angka 0-9; ditemukan "A", "B", "C"; NIP memuat 7 karakter, bukan 18',
    );
    const noReason = await refused(server, as.ADMIN!, EXPORT, { nip: subject.nip, reason: '  ' });
    expect(noReason).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const valid = scenario.employees[0]!.nip;
    const unknown = `${valid.slice(0, 15)}${valid.slice(15) === '999' ? '998' : '999'}`;
    const missing = await refused(server, as.ADMIN!, EXPORT, { nip: unknown, reason: 'Permintaan subjek data' });
    expect(missing.code).toBe('NOT_FOUND');
    expect(await auditCount()).toBe(before);
  });
});
