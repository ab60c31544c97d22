import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { importFolder, tableCounts } from './helpers.js';

const CLI = fileURLToPath(new URL('../../dist/cli/import.js', import.meta.url));
const EMPLOYEES = 6000;
const CRITERIA = ['HK_A', 'HK_B', 'HK_C', 'PK_A', 'PK_B'];

/** A valid NIP for employee i (distinct birth dates, CPNS start January 2005, male, sequence 001). */
function nip(i: number): string {
  const year = 1970 + Math.floor(i / 336);
  const month = 1 + (Math.floor(i / 28) % 12);
  const day = 1 + (i % 28);
  return `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}2005011001`;
}

/** 6,000 employees with 4 quarters of 5 criteria: 120,000 score rows. */
function writeFolder(dir: string): void {
  writeFileSync(join(dir, 'agencies.csv'), 'code,name,kind\nDISDIK,Dinas Pendidikan,DINAS\n');
  const employees = ['nip,name,gender,employment_type,agency_code'];
  for (let i = 0; i < EMPLOYEES; i++) employees.push(`${nip(i)},Pegawai ${i},L,PNS,DISDIK`);
  writeFileSync(join(dir, 'employees.csv'), employees.join('\n') + '\n');
  writeFileSync(
    join(dir, 'criteria.csv'),
    'code,name,category,weight,year_from\n' +
      'HK_A,A,HASIL_KERJA,50,2025\nHK_B,B,HASIL_KERJA,30,2025\nHK_C,C,HASIL_KERJA,20,2025\n' +
      'PK_A,D,PERILAKU_KERJA,60,2025\nPK_B,E,PERILAKU_KERJA,40,2025\n',
  );
  const lines = ['nip,year,quarter,criterion_code,score'];
  for (let i = 0; i < EMPLOYEES; i++) {
    for (let q = 1; q <= 4; q++)
      for (const c of CRITERIA) lines.push(`${nip(i)},2025,${q},${c},${80 + ((i + q) % 40)}`);
  }
  writeFileSync(join(dir, 'scores.csv'), lines.join('\n') + '\n');
}

/**
 * The import is one transaction: a process killed (SIGKILL, no chance to clean up) after it has written batches of
 * rows leaves nothing behind. The child runs the built command-line importer against the test database.
 */
describe('import: a killed import leaves no row behind', () => {
  let db: TestDatabase;
  let dir: string;

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build the server first (pnpm run build)`);
    db = await createTestDatabase();
    dir = mkdtempSync(join(tmpdir(), 'kinerja-kill-'));
    writeFolder(dir);
  });

  afterAll(async () => {
    await db?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('SIGKILL after a batch of scores was written inside the transaction: no employee, period, evaluation or score remains', async () => {
    const child = spawn(process.execPath, [CLI, dir], {
      env: { ...process.env, DATABASE_URL: db.url, KINERJA_DEMO_DATA: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const progress: string[] = [];
    let output = '';
    const killed = new Promise<{ line: string; signal: NodeJS.Signals | null; code: number | null }>(
      (resolve, reject) => {
        let killedAt = '';
        child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => {
          for (const line of chunk.toString().split('\n')) {
            if (line === '') continue;
            progress.push(line);
            const written = /^scores\.csv: [\d,]+ rows read, ([\d,]+) written/.exec(line);
            if (!killedAt && written && Number(written[1]!.replace(/,/g, '')) > 0) {
              killedAt = line;
              child.kill('SIGKILL');
            }
          }
        });
        child.on('error', reject);
        child.on('exit', (code, signal) => resolve({ line: killedAt, signal, code }));
      },
    );
    const result = await killed;
    expect(result.line, `the import ended before a batch was written:\n${progress.join('\n')}\n${output}`).not.toBe('');
    expect(result.signal).toBe('SIGKILL');
    // Employees were written (in the transaction) before the scores began.
    expect(progress.some((l) => /^employees\.csv: [\d,]+ rows read, 6,000 written/.test(l))).toBe(true);
    const counts = await tableCounts(db.orm);
    expect(counts).toMatchObject({
      agency: 0,
      employee: 0,
      criterion: 0,
      period: 0,
      evaluation: 0,
      evaluation_score: 0,
      audit_log: 0,
    });
    // The folder was valid, and the database is usable after the kill: the same import runs to the end.
    const report = await importFolder(db.orm, dir);
    expect(report.errors).toEqual([]);
    expect(report.files.find((f) => f.file === 'scores.csv')).toMatchObject({ rows: 120_000, created: 120_000 });
    expect((await tableCounts(db.orm)).evaluation_score).toBe(120_000);
  });
});
