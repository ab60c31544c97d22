import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Small CSV folders in the import format (docs/import.md) for the people analytics tests: the data reach the read
 * models through the importer, the real write path.
 */

/** A valid PNS NIP (born 1980-01-01, CPNS 2005-01, male) with sequence `n` (1-999). */
export function testNip(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) throw new RangeError(`NIP sequence must be 1-999, got ${n}`);
  return `198001012005011${String(n).padStart(3, '0')}`;
}

export interface CsvPerson {
  nip: string;
  name: string;
  agencyCode: string;
  supervisorNip?: string;
}

export interface CsvFolder {
  agencies: { code: string; name: string }[];
  employees: CsvPerson[];
  /** One HASIL_KERJA and one PERILAKU_KERJA criterion for every agency, weight 100 each, from `yearFrom`. */
  criteria: { code: string; category: 'HASIL_KERJA' | 'PERILAKU_KERJA' }[];
  yearFrom: number;
  scores: { nip: string; year: number; quarter: number; criterionCode: string; score: number }[];
  trainings?: { code: string; criterionCodes: string[] }[];
  participations?: { trainingCode: string; nip: string; completedOn: string }[];
}

function csv(rows: (string | number)[][]): string {
  return rows.map((r) => r.map(String).join(',')).join('\n') + '\n';
}

/** Writes the folder under the system's temporary directory; the returned `remove` deletes it. */
export function writeCsvFolder(data: CsvFolder): { folder: string; remove: () => void } {
  const folder = mkdtempSync(join(tmpdir(), 'kinerja-people-'));
  const file = (name: string, rows: (string | number)[][]) => writeFileSync(join(folder, name), csv(rows));
  file('agencies.csv', [['code', 'name', 'kind'], ...data.agencies.map((a) => [a.code, a.name, 'DINAS'])]);
  file('employees.csv', [
    ['nip', 'name', 'gender', 'employment_type', 'rank', 'position_type', 'agency_code', 'supervisor_nip'],
    ...data.employees.map((e) => [
      e.nip,
      e.name,
      'L',
      'PNS',
      'III/b',
      'PELAKSANA',
      e.agencyCode,
      e.supervisorNip ?? '',
    ]),
  ]);
  file('criteria.csv', [
    ['code', 'name', 'category', 'weight', 'agency_code', 'year_from'],
    ...data.criteria.map((c) => [c.code, `Kriteria ${c.code}`, c.category, 100, '', data.yearFrom]),
  ]);
  file('scores.csv', [
    ['nip', 'year', 'quarter', 'criterion_code', 'score'],
    ...data.scores.map((s) => [s.nip, s.year, s.quarter, s.criterionCode, s.score]),
  ]);
  if (data.trainings) {
    file('trainings.csv', [
      ['code', 'title', 'kind', 'hours_jp', 'criterion_codes'],
      ...data.trainings.map((t) => [t.code, `Pelatihan ${t.code}`, 'WORKSHOP', 8, t.criterionCodes.join('|')]),
    ]);
  }
  if (data.participations) {
    file('participations.csv', [
      ['training_code', 'nip', 'status', 'completed_on'],
      ...data.participations.map((p) => [p.trainingCode, p.nip, 'COMPLETED', p.completedOn]),
    ]);
  }
  return { folder, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

/** Mulberry32: a small seeded generator of uniform numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw (Box-Muller) from a uniform generator. */
export function normal(random: () => number): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
