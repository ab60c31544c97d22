import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountToken } from '../helpers/auth.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { fixture, tableCounts } from '../import/helpers.js';
import { ok, refused } from './helpers.js';

const IMPORT = `mutation ($input: ImportDataInput!) {
  importData(input: $input) {
    dryRun committed ok errorCount periodsCreated
    files { file rows created updated unchanged }
    evaluations { created updated unchanged }
    errors { file line column value message code }
  }
}`;

/** The CSV files of a fixture folder as the mutation takes them. */
function filesOf(name: string): { name: string; content: string }[] {
  const folder = fixture(name);
  return readdirSync(folder)
    .filter((file) => file.endsWith('.csv'))
    .map((file) => ({ name: file, content: readFileSync(join(folder, file), 'utf8') }));
}

/** importData runs the importer of the import issue over uploaded files: a dry run writes nothing, a real run imports. */
describe('importData', () => {
  let db: TestDatabase;
  let server: TestServer;
  let admin: Record<string, string>;
  let leader: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    const em = db.orm.em.fork();
    admin = (await accountToken(em, { login: 'admin-bkpsdm', role: 'ADMIN' })).headers;
    leader = (await accountToken(em, { login: 'walikota', role: 'LEADER' })).headers;
    server = await startTestServer(db.orm);
  });

  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  it('only administrators import', async () => {
    const error = await refused(server, leader, IMPORT, { input: { files: filesOf('valid'), dryRun: true } });
    expect(error.code).toBe('FORBIDDEN');
  });

  it('a file that is not an import file is refused by name', async () => {
    const error = await refused(server, admin, IMPORT, {
      input: { files: [{ name: 'pegawai.csv', content: 'nip\n' }] },
    });
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.files[0].name' });
    expect(error.message).toContain('pegawai.csv bukan salah satu berkas impor');
  });

  it('a dry run reports what it would do and writes nothing, not even an audit entry', async () => {
    const before = await tableCounts(db.orm);
    const data = await ok(server, admin, IMPORT, { input: { files: filesOf('valid'), dryRun: true } });
    expect(data.importData).toMatchObject({ dryRun: true, committed: false, ok: true, errorCount: 0 });
    const agencies = data.importData.files.find((f: { file: string }) => f.file === 'agencies.csv');
    expect(agencies).toEqual({ file: 'agencies.csv', rows: 3, created: 3, updated: 0, unchanged: 0 });
    expect(await tableCounts(db.orm)).toEqual(before);
  });

  it('files with errors are rejected with every error listed (file, line, column, value), and nothing is written', async () => {
    const before = await tableCounts(db.orm);
    const data = await ok(server, admin, IMPORT, { input: { files: filesOf('three-errors') } });
    // The fixture of the import tests: its name counts three files with errors; there are four errors in all.
    expect(data.importData).toMatchObject({ committed: false, ok: false, errorCount: 4 });
    expect(data.importData.errors).toContainEqual({
      file: 'scores.csv',
      line: 4,
      column: 'score',
      value: '130',
      message: 'nilai 130 melebihi 120',
      code: 'SCORE_ABOVE_MAX',
    });
    expect(data.importData.errors).toContainEqual({
      file: 'criteria.csv',
      line: 7,
      column: 'weight',
      value: '95',
      message: 'jumlah bobot HASIL_KERJA untuk DINKES mulai 2024 adalah 95, bukan 100',
      code: 'WEIGHTS_SUM_NOT_100',
    });
    // The importer's own checks carry no rule code; their messages are Indonesian too, from the catalogue.
    expect(data.importData.errors.filter((e: { code: string | null }) => e.code === null)).toEqual([
      {
        file: 'employees.csv',
        line: 6,
        column: 'gender',
        value: 'P',
        message: 'jenis kelamin P tidak sesuai dengan NIP, yang digit jenis kelaminnya 1 (L, laki-laki)',
        code: null,
      },
      {
        file: 'scores.csv',
        line: 10,
        column: 'criterion_code',
        value: 'HARMONI',
        message: 'kriteria HARMONI tidak ditemukan (tidak di basis data, tidak pula di criteria.csv)',
        code: null,
      },
    ]);
    expect(await tableCounts(db.orm)).toEqual(before);
  });

  it('the report in English when the request asks for it: the same files, lines, columns and codes', async () => {
    const query = IMPORT.replace('message code', 'message code messageCode messageParams');
    const input = { input: { files: filesOf('three-errors'), dryRun: true } };
    const id = await ok(server, admin, query, input);
    const en = await ok(server, { ...admin, 'accept-language': 'en' }, query, input);
    const where = (e: Record<string, unknown>) => [e.file, e.line, e.column, e.value, e.code, e.messageCode];
    expect(en.importData.errors.map(where)).toEqual(id.importData.errors.map(where));
    expect(en.importData.errors.map((e: { message: string }) => e.message)).toEqual([
      'gender P disagrees with the NIP, whose gender digit is 1 (L, male)',
      'weights of HASIL_KERJA for DINKES from 2024 on sum to 95, not 100',
      'score 130 is above 120',
      'criterion HARMONI not found (neither in the database nor in criteria.csv)',
    ]);
    expect(en.importData.errors[3]).toMatchObject({
      messageCode: 'IMPORT_CRITERION_NOT_FOUND',
      messageParams: { code: 'HARMONI' },
    });
  });

  it('a real run imports, and records who and why in the audit log', async () => {
    const before = await tableCounts(db.orm);
    const data = await ok(server, admin, IMPORT, {
      input: { files: filesOf('valid'), reason: 'Data awal TW I 2025 dari SIASN' },
    });
    expect(data.importData).toMatchObject({ dryRun: false, committed: true, ok: true });
    const after = await tableCounts(db.orm);
    expect(after.agency).toBe(before.agency + 3);
    expect(after.evaluation_score).toBeGreaterThan(before.evaluation_score);
    expect(after.audit_log).toBe(before.audit_log + 1);
    const [entry] = await db.orm.em
      .fork()
      .getConnection()
      .execute(`select actor, action, entity_type, before, after, reason from audit_log where action = 'import.run'`);
    expect(entry).toMatchObject({
      actor: 'admin-bkpsdm',
      action: 'import.run',
      entity_type: 'import',
      before: null,
      reason: 'Data awal TW I 2025 dari SIASN',
    });
    expect(entry.after.files.map((f: { file: string }) => f.file)).toContain('scores.csv');
  });

  it('the same files again change nothing (the importer is idempotent)', async () => {
    const data = await ok(server, admin, IMPORT, { input: { files: filesOf('valid') } });
    expect(data.importData.committed).toBe(true);
    for (const file of data.importData.files) {
      expect(file.created + file.updated, file.file).toBe(0);
    }
  });
});
