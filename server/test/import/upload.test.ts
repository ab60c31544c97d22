import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoData } from '../../src/demo-data/generate.js';
import { importJobs } from '../../src/modules/import/jobs.js';
import { accountToken } from '../helpers/auth.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import type { Json } from '../workflow/helpers.js';
import { fixture, tableCounts } from './helpers.js';

const JOB = `query ($id: ID!) { importJob(id: $id) {
  id state phase progress rowsDone rowsTotal file dryRun files actor failure
  report { ok committed dryRun errorCount errors { file line column value message code messageCode } files { file rows created } }
} }`;

/** The streamed upload (docs/import.md#upload-and-import-jobs): multipart to disk, the importer as a polled job. */
async function upload(
  server: TestServer,
  headers: Record<string, string>,
  folder: string | null,
  fields: Record<string, string> = {},
  extra: { name: string; content: string }[] = [],
): Promise<{ status: number; body: Json }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const name of folder ? readdirSync(folder).sort() : []) {
    form.append('file', new Blob([readFileSync(join(folder!, name))], { type: 'text/csv' }), name);
  }
  for (const file of extra) form.append('file', new Blob([file.content], { type: 'text/csv' }), file.name);
  const response = await fetch(`${server.url}/api/import`, {
    method: 'POST',
    body: form,
    headers: { 'apollo-require-preflight': 'true', ...headers },
  });
  return { status: response.status, body: (await response.json()) as Json };
}

/** Polls the job every few milliseconds until it ends; answers every progress value seen, in order. */
async function follow(
  server: TestServer,
  headers: Record<string, string>,
  id: string,
): Promise<{ job: Json; seen: number[] }> {
  const seen: number[] = [];
  for (;;) {
    const result = await server.graphql<Json>(JOB, { id }, headers);
    expect(result.errors).toBeUndefined();
    const job = result.data!.importJob;
    seen.push(job.progress);
    if (job.state === 'SUCCEEDED' || job.state === 'FAILED') return { job, seen };
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('POST /api/import and importJob', () => {
  let db: TestDatabase;
  let server: TestServer;
  let admin: Record<string, string>;
  let leader: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    const em = db.orm.em.fork();
    admin = (await accountToken(em, { login: 'admin', role: 'ADMIN' })).headers;
    leader = (await accountToken(em, { login: 'sekda', role: 'LEADER' })).headers;
    server = await startTestServer(db.orm);
  });

  afterAll(async () => {
    await importJobs.idle();
    await server?.stop();
    await db?.close();
  });

  it('refuses without a token, for a role other than ADMIN, without the CSRF header, and names a wrong file', async () => {
    const folder = fixture('three-errors-fixed');
    expect((await upload(server, {}, folder)).status).toBe(401);
    const forbidden = await upload(server, leader, folder);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.errors[0]).toMatchObject({
      message: 'Hanya administrator (BKPSDM) yang boleh menjalankan impor',
      extensions: { code: 'FORBIDDEN' },
    });
    expect((await upload(server, { ...admin, 'apollo-require-preflight': '' }, folder)).status).toBe(400);
    const wrong = await upload(server, { ...admin, 'accept-language': 'en' }, null, { dryRun: 'maybe' }, [
      { name: 'pegawai.csv', content: 'nip\n1\n' },
    ]);
    expect(wrong.status).toBe(400);
    // Every problem of the upload, in the order of its parts (the fields come first in this form).
    expect(wrong.body.errors).toEqual([
      {
        message: 'dryRun must be "true" or "false", not "maybe"',
        extensions: { code: 'BAD_USER_INPUT', field: 'dryRun' },
      },
      {
        message: expect.stringMatching(/^pegawai\.csv is not one of the import files/) as unknown,
        extensions: { code: 'BAD_USER_INPUT', field: 'files[0]' },
      },
    ]);
    const job = await server.graphql(JOB, { id: 'nope' }, leader);
    expect(job.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await tableCounts(db.orm)).toMatchObject({ agency: 0, audit_log: 0 });
  });

  it('an upload with errors: the job fails listing every problem by file, line and column, and writes nothing', async () => {
    const started = await upload(server, admin, fixture('three-errors'), { dryRun: 'false' });
    expect(started.status).toBe(202);
    const { job } = await follow(server, admin, started.body.jobId);
    expect(job).toMatchObject({
      state: 'FAILED',
      phase: 'FINISHED',
      progress: 1,
      dryRun: false,
      actor: 'admin',
      files: ['agencies.csv', 'employees.csv', 'criteria.csv', 'scores.csv'],
      rowsTotal: 3 + 5 + 16 + 18,
      failure: null,
    });
    expect(job.report).toMatchObject({ ok: false, committed: false, errorCount: 4 });
    expect(job.report.errors.map((e: Json) => [e.file, e.line, e.column, e.value, e.code])).toEqual([
      ['employees.csv', 6, 'gender', 'P', null],
      ['criteria.csv', 7, 'weight', '95', 'WEIGHTS_SUM_NOT_100'],
      ['scores.csv', 4, 'score', '130', 'SCORE_ABOVE_MAX'],
      ['scores.csv', 10, 'criterion_code', 'HARMONI', null],
    ]);
    // The report keeps codes and parameters: each reader gets it in the language of their own request.
    expect(job.report.errors.map((e: Json) => [e.messageCode, e.message])).toEqual([
      ['IMPORT_GENDER_VS_NIP', 'jenis kelamin P tidak sesuai dengan NIP, yang digit jenis kelaminnya 1 (L, laki-laki)'],
      ['WEIGHTS_SUM_NOT_100', 'jumlah bobot HASIL_KERJA untuk DINKES mulai 2024 adalah 95, bukan 100'],
      ['SCORE_ABOVE_MAX', 'nilai 130 melebihi 120'],
      [
        'IMPORT_CRITERION_NOT_FOUND',
        'kriteria HARMONI tidak ditemukan (tidak di basis data, tidak pula di criteria.csv)',
      ],
    ]);
    const english = await server.graphql<Json>(JOB, { id: started.body.jobId }, { ...admin, 'accept-language': 'en' });
    expect(english.data!.importJob.report.errors.map((e: Json) => [e.file, e.line, e.column, e.message])).toEqual([
      ['employees.csv', 6, 'gender', 'gender P disagrees with the NIP, whose gender digit is 1 (L, male)'],
      ['criteria.csv', 7, 'weight', 'weights of HASIL_KERJA for DINKES from 2024 on sum to 95, not 100'],
      ['scores.csv', 4, 'score', 'score 130 is above 120'],
      ['scores.csv', 10, 'criterion_code', 'criterion HARMONI not found (neither in the database nor in criteria.csv)'],
    ]);
    const counts = await tableCounts(db.orm);
    expect(Object.values(counts).every((n) => n === 0)).toBe(true);
  });

  it('the corrected upload: a dry run succeeds and writes nothing, then the import completes and is audited', async () => {
    const dry = await upload(server, admin, fixture('three-errors-fixed'), { dryRun: 'true' });
    const checked = (await follow(server, admin, dry.body.jobId)).job;
    expect(checked).toMatchObject({ state: 'SUCCEEDED', dryRun: true, report: { ok: true, committed: false } });
    expect((await tableCounts(db.orm)).employee).toBe(0);

    const real = await upload(server, admin, fixture('three-errors-fixed'), { dryRun: 'false', reason: 'Data awal' });
    const { job } = await follow(server, admin, real.body.jobId);
    expect(job).toMatchObject({ state: 'SUCCEEDED', progress: 1, rowsDone: 42, rowsTotal: 42 });
    expect(job.report).toMatchObject({ ok: true, committed: true, errorCount: 0 });
    expect(job.report.files.map((f: Json) => [f.file, f.created])).toEqual([
      ['agencies.csv', 3],
      ['employees.csv', 5],
      ['criteria.csv', 16],
      ['scores.csv', 18],
    ]);
    expect(await tableCounts(db.orm)).toMatchObject({ agency: 3, employee: 5, criterion: 16, evaluation_score: 18 });
    const [audit] = await db.orm.em
      .fork()
      .getConnection()
      .execute(`select actor, action, reason from audit_log where action = 'import.run'`);
    expect(audit).toMatchObject({ actor: 'admin', action: 'import.run', reason: 'Data awal' });
  });
});

describe('the progress of a city-sized upload', () => {
  let db: TestDatabase;
  let server: TestServer;
  let admin: Record<string, string>;
  let folder: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    admin = (await accountToken(db.orm.em.fork(), { login: 'admin', role: 'ADMIN' })).headers;
    server = await startTestServer(db.orm);
    folder = await mkdtemp(join(tmpdir(), 'kinerja-upload-test-'));
    await writeDemoData(folder, { employees: 150 });
  });

  afterAll(async () => {
    await importJobs.idle();
    await server?.stop();
    await db?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('the page sees the importer\u2019s own progress move from 0 to 1 while it reads the rows', async () => {
    const started = await upload(server, admin, folder, { dryRun: 'true' });
    expect(started.status).toBe(202);
    const { job, seen } = await follow(server, admin, started.body.jobId);
    expect(job.state).toBe('SUCCEEDED');
    expect(job.rowsTotal).toBeGreaterThan(10_000);
    expect(job.rowsDone).toBe(job.rowsTotal);
    // Never backwards; at least two distinct values strictly between 0 and 1 were seen while it ran.
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(new Set(seen.filter((p) => p > 0 && p < 1)).size).toBeGreaterThanOrEqual(2);
    expect(seen.at(-1)).toBe(1);
  });
});
