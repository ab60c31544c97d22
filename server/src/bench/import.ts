import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/**
 * `pnpm bench import`: the importer against PostgreSQL's own COPY of the same score rows (docs/benchmarks.md).
 * Generates `rows` score rows (12 criteria x 4 quarters per employee,
 * as in the city's catalogue) with the matching agencies, employees and criteria in a temporary folder; loads the
 * reference files; then times (1) `COPY bare_scores FROM STDIN (FORMAT csv)` of scores.csv into a table without
 * constraints or indexes, and (2) the import of the same scores.csv, in a child process so that its peak RSS is its
 * own. Prints both times, their ratio, and the importer's peak RSS.
 */

export interface ImportBenchOptions {
  rows: number;
  /** A database to create (dropped first if it exists) on the PostgreSQL of this URL. */
  databaseUrl: string;
  log: (line: string) => void;
}

const AGENCIES = 20;
const CITY_HK = [
  ['PROFESIONALISME', 20],
  ['DISIPLIN', 15],
  ['INOVASI', 15],
] as const;
const AGENCY_HK = [
  ['CAPAIAN_RHK', 30],
  ['INDEKS_LAYANAN', 20],
] as const;
const PK = [
  ['BERORIENTASI_PELAYANAN', 15],
  ['AKUNTABEL', 15],
  ['KOMPETEN', 15],
  ['HARMONIS', 10],
  ['LOYAL', 15],
  ['ADAPTIF', 15],
  ['KOLABORATIF', 15],
] as const;
const CRITERIA_PER_EVALUATION = CITY_HK.length + AGENCY_HK.length + PK.length;

/** A valid, distinct NIP for employee i: birth dates over 40 years, CPNS start January 2010, sequences 001-999. */
export function benchNip(i: number): string {
  const days = i % 14_000;
  const sequence = Math.floor(i / 14_000) + 1;
  const birth = new Date(Date.UTC(1965, 0, 1 + days));
  const date = birth.toISOString().slice(0, 10).replace(/-/g, '');
  return `${date}201001${(i % 2) + 1}${String(sequence).padStart(3, '0')}`;
}

export async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  let buffer = '';
  for (const line of lines) {
    buffer += line;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      buffer = '';
    }
  }
  out.end(buffer);
  await new Promise<void>((resolve, reject) => out.on('finish', () => resolve()).on('error', reject));
}

export async function generateBenchData(dir: string, rows: number): Promise<{ reference: string; scores: string }> {
  const reference = join(dir, 'reference');
  const scores = join(dir, 'scores');
  mkdirSync(reference);
  mkdirSync(scores);
  const employees = Math.ceil(rows / (4 * CRITERIA_PER_EVALUATION));
  const agency = (i: number) => `OPD${String(i % AGENCIES).padStart(2, '0')}`;
  await writeLines(
    join(reference, 'agencies.csv'),
    (function* () {
      yield 'code,name,kind\n';
      for (let a = 0; a < AGENCIES; a++) yield `${agency(a)},Perangkat Daerah ${a},DINAS\n`;
    })(),
  );
  await writeLines(
    join(reference, 'criteria.csv'),
    (function* () {
      yield 'code,name,category,weight,agency_code,year_from,indicator_unit,target,direction\n';
      for (const [code, w] of CITY_HK) {
        yield code === 'DISIPLIN'
          ? `${code},${code},HASIL_KERJA,${w},,2025,%,95,HIGHER_IS_BETTER\n`
          : `${code},${code},HASIL_KERJA,${w},,2025,,,\n`;
      }
      for (const [code, w] of PK) yield `${code},${code},PERILAKU_KERJA,${w},,2025,,,\n`;
      for (let a = 0; a < AGENCIES; a++) {
        for (const [code, w] of AGENCY_HK) yield `${code},${code},HASIL_KERJA,${w},${agency(a)},2025,,,\n`;
      }
    })(),
  );
  await writeLines(
    join(reference, 'employees.csv'),
    (function* () {
      yield 'nip,name,gender,employment_type,agency_code\n';
      for (let i = 0; i < employees; i++) yield `${benchNip(i)},Pegawai ${i},${i % 2 ? 'P' : 'L'},PNS,${agency(i)}\n`;
    })(),
  );
  const codes = [...CITY_HK, ...AGENCY_HK, ...PK].map(([code]) => code);
  await writeLines(
    join(scores, 'scores.csv'),
    (function* () {
      yield 'nip,year,quarter,criterion_code,score,realisation,assessor_nip,agency_code,status,evidence\n';
      let n = 0;
      for (let i = 0; i < employees && n < rows; i++) {
        const nip = benchNip(i);
        for (let q = 1; q <= 4 && n < rows; q++) {
          for (let c = 0; c < codes.length && n < rows; c++, n++) {
            const v = 70 + ((i * 7 + q * 13 + c * 31) % 500) / 10;
            yield codes[c] === 'DISIPLIN'
              ? `${nip},2025,${q},DISIPLIN,,${v},,,,\n`
              : `${nip},2025,${q},${codes[c]},${v},,,,,\n`;
          }
        }
      }
    })(),
  );
  return { reference, scores };
}

export async function recreateDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bench database name ${name} must be a plain identifier`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`drop database if exists ${name} with (force)`);
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
}

/** Runs the importer in a child process; returns its own timing and peak RSS. */
function importInChild(
  databaseUrl: string,
  folder: string,
  log: (line: string) => void,
): Promise<{ importMs: number; maxRssBytes: number; wallMs: number; report: string }> {
  const script = fileURLToPath(new URL('./import-child.js', import.meta.url));
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, folder], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => {
      for (const line of c.toString().split('\n')) if (line) log(`    ${line}`);
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const wallMs = Date.now() - started;
      const last = stdout.trim().split('\n').pop() ?? '';
      if (code !== 0) return reject(new Error(`the import failed (exit ${code}):\n${stdout}`));
      const result = JSON.parse(last) as { importMs: number; maxRssBytes: number };
      resolve({ ...result, wallMs, report: stdout.trim().split('\n').slice(0, -1).join('\n') });
    });
  });
}

export async function benchImport(options: ImportBenchOptions): Promise<void> {
  const { rows, databaseUrl, log } = options;
  const dir = mkdtempSync(join(tmpdir(), 'kinerja-bench-'));
  try {
    log(`Generating ${rows.toLocaleString('en-US')} score rows in ${dir} ...`);
    const t0 = Date.now();
    const folders = await generateBenchData(dir, rows);
    const scoresCsv = join(folders.scores, 'scores.csv');
    log(`  ${(statSync(scoresCsv).size / 1e6).toFixed(0)} MB in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    await recreateDatabase(databaseUrl);
    log('Loading agencies, employees and criteria (not timed) ...');
    const reference = await importInChild(databaseUrl, folders.reference, () => undefined);
    log(`  ${(reference.importMs / 1000).toFixed(1)} s`);

    log('PostgreSQL COPY of scores.csv into a bare table (no constraints, no indexes) ...');
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    let copyMs: number;
    try {
      await client.query(`create table bench_bare_scores (nip text, year int, quarter int, criterion_code text,
        score float8, realisation float8, assessor_nip text, agency_code text, status text, evidence text)`);
      const started = Date.now();
      await pipeline(
        createReadStream(scoresCsv),
        client.query(copyFrom('copy bench_bare_scores from stdin (format csv, header true)')),
      );
      copyMs = Date.now() - started;
      await client.query('drop table bench_bare_scores');
      await client.query('checkpoint');
    } finally {
      await client.end();
    }
    log(`  ${(copyMs / 1000).toFixed(1)} s`);

    log('Importer (child process) of the same scores.csv ...');
    const result = await importInChild(databaseUrl, folders.scores, log);
    log(result.report);
    const mb = result.maxRssBytes / 1024 / 1024;
    log('');
    log(`rows:                ${rows.toLocaleString('en-US')}`);
    log(`COPY (bare table):   ${(copyMs / 1000).toFixed(1)} s`);
    log(
      `importer:            ${(result.importMs / 1000).toFixed(1)} s (process ${(result.wallMs / 1000).toFixed(1)} s)`,
    );
    log(`ratio importer/COPY: ${(result.importMs / copyMs).toFixed(2)} (goal: at most 8)`);
    log(`importer peak RSS:   ${mb.toFixed(0)} MB (goal: under 512 MB)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
