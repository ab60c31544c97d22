import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../src/modules/import/import.service.js';
import { accountToken } from '../helpers/auth.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { normal, seededRandom, testNip, writeCsvFolder, type CsvFolder } from './people-csv.js';

/**
 * The generated scenario of issue 9 (docs/analytics.md "Generated scenario"), loaded through the importer: 6 agencies
 * of 45 staff (5 supervisors of 9 each, and a head who evaluates the supervisors), 12 quarters (2023 Q1 - 2025 Q4).
 * Every criterion score is the employee's ability (mean 85, sd 6) plus noise (sd 8), plus the assessor's bias, plus
 * a lift of 6 after a completed training, rounded to 0.01 and clamped to 0-120, from a fixed seed. In AG1 one
 * supervisor is lenient (+15) and one severe (-15); every other assessor is neutral. A quarter of the staff complete
 * the training LATIH in one of the quarters 4..7 (2024 Q1 - 2024 Q4), spread over the teams.
 */

const SEED = 20261202;
const AGENCIES = 6;
const SUPERVISORS = 5;
const TEAM = 9;
const QUARTERS = 12;
const FIRST_YEAR = 2023;
const LIFT = 6;
const BIAS = 15;

interface Planted {
  folder: CsvFolder;
  lenient: string;
  severe: string;
  neutral: string[];
  treated: number;
}

function generate(): Planted {
  const random = seededRandom(SEED);
  const folder: CsvFolder = {
    agencies: [],
    employees: [],
    criteria: [
      { code: 'KINERJA', category: 'HASIL_KERJA' },
      { code: 'SIKAP', category: 'PERILAKU_KERJA' },
    ],
    yearFrom: FIRST_YEAR,
    scores: [],
    trainings: [{ code: 'LATIH', criterionCodes: ['KINERJA'] }],
    participations: [],
  };
  let sequence = 0;
  const nextNip = () => testNip(++sequence);
  const neutral: string[] = [];
  let lenient = '';
  let severe = '';
  let treated = 0;
  const scoreAll = (nip: string, bias: number, t0: number | null) => {
    const ability = 85 + 6 * normal(random);
    for (let q = 0; q < QUARTERS; q++) {
      const year = FIRST_YEAR + Math.floor(q / 4);
      const quarter = (q % 4) + 1;
      const lift = t0 !== null && q > t0 ? LIFT : 0;
      for (const c of folder.criteria) {
        const raw = ability + bias + lift + 8 * normal(random);
        const score = Math.min(120, Math.max(0, Math.round(raw * 100) / 100));
        folder.scores.push({ nip, year, quarter, criterionCode: c.code, score });
      }
    }
  };
  for (let a = 1; a <= AGENCIES; a++) {
    const agencyCode = `AG${a}`;
    folder.agencies.push({ code: agencyCode, name: `Dinas Uji ${a}` });
    const head = nextNip();
    folder.employees.push({ nip: head, name: `Kepala ${a}`, agencyCode });
    neutral.push(head);
    let staffIndex = 0;
    for (let s = 1; s <= SUPERVISORS; s++) {
      const supervisor = nextNip();
      folder.employees.push({ nip: supervisor, name: `Penyelia ${a}.${s}`, agencyCode, supervisorNip: head });
      scoreAll(supervisor, 0, null);
      const bias = a === 1 && s === 1 ? BIAS : a === 1 && s === 2 ? -BIAS : 0;
      if (bias > 0) lenient = supervisor;
      else if (bias < 0) severe = supervisor;
      else neutral.push(supervisor);
      for (let m = 0; m < TEAM; m++, staffIndex++) {
        const nip = nextNip();
        folder.employees.push({ nip, name: `Staf ${a}.${s}.${m}`, agencyCode, supervisorNip: supervisor });
        // every fourth staff member is trained, in quarter 4, 5, 6 or 7 in turn
        const t0 = staffIndex % 4 === 0 ? 4 + ((staffIndex / 4) % 4) : null;
        scoreAll(nip, bias, t0);
        if (t0 !== null) {
          treated++;
          const year = FIRST_YEAR + Math.floor(t0 / 4);
          const month = String((t0 % 4) * 3 + 2).padStart(2, '0');
          folder.participations!.push({ trainingCode: 'LATIH', nip, completedOn: `${year}-${month}-15` });
        }
      }
    }
  }
  return { folder, lenient, severe, neutral, treated };
}

describe('the generated scenario: planted raters flagged, planted lift recovered', () => {
  let db: TestDatabase;
  let server: TestServer;
  let admin: Record<string, string>;
  let analyst: Record<string, string>;
  let ids: Map<number, string>;
  const planted = generate();

  beforeAll(async () => {
    db = await createTestDatabase();
    const { folder, remove } = writeCsvFolder(planted.folder);
    try {
      const report = await runImport({ orm: db.orm, folder, actor: 'test:scenario' });
      expect(report.errors).toEqual([]);
      expect(report.committed).toBe(true);
    } finally {
      remove();
    }
    const rows: { id: number; nip: string }[] = await db.orm.em.getConnection().execute('select id, nip from employee');
    ids = new Map(rows.map((r) => [r.id, r.nip]));
    server = await startTestServer(db.orm);
    admin = (await accountToken(db.orm.em.fork(), { login: 'admin', role: 'ADMIN' })).headers;
    analyst = (await accountToken(db.orm.em.fork(), { login: 'analyst', role: 'ANALYST' })).headers;
  }, 300_000);

  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  it('has the shape of the issue: 6 agencies of 45 staff, supervisors of 9, 12 quarters', () => {
    expect(planted.folder.agencies).toHaveLength(6);
    expect(planted.folder.employees).toHaveLength(6 * (1 + 5 + 45));
    expect(planted.folder.scores).toHaveLength(6 * 50 * 12 * 2);
    expect(planted.treated).toBe(6 * 12); // staff 0, 4, ..., 44 of each agency
  });

  it('flags the lenient supervisor LENIENT and the severe one SEVERE, and no neutral assessor', async () => {
    const res = await server.graphql<{
      raterObjectivity: { assessor: { nip: string }; nEmployees: number; z: number; flags: string[] }[];
    }>(
      `{ raterObjectivity(input: { from: { year: 2023, quarter: 1 }, to: { year: 2025, quarter: 4 } }) {
           assessor { nip } nEmployees z flags } }`,
      {},
      admin,
    );
    expect(res.errors).toBeUndefined();
    const byNip = new Map(res.data!.raterObjectivity.map((r) => [r.assessor.nip, r]));
    expect(byNip.size).toBe(6 + 6 * 5); // every head and supervisor
    expect(byNip.get(planted.lenient)).toMatchObject({ nEmployees: 9, flags: ['LENIENT'] });
    expect(byNip.get(planted.lenient)!.z).toBeGreaterThan(3);
    expect(byNip.get(planted.severe)).toMatchObject({ nEmployees: 9, flags: ['SEVERE'] });
    expect(byNip.get(planted.severe)!.z).toBeLessThan(-3);
    for (const nip of planted.neutral) {
      const stat = byNip.get(nip)!;
      expect(stat.flags, `neutral assessor ${nip} (z ${stat.z})`).toEqual([]);
      expect(Math.abs(stat.z)).toBeLessThanOrEqual(3);
    }
  });

  it('recovers the lift of 6 inside an interval no wider than 4, with a pre-trend interval holding 0', async () => {
    const res = await server.graphql<{
      trainingImpact: {
        nTreated: number;
        nControl: number;
        effect: number;
        ciLow: number;
        ciHigh: number;
        preTrend: { effect: number; ciLow: number; ciHigh: number } | null;
        suppressed: boolean;
      };
    }>(
      `{ trainingImpact(input: { trainingCode: "LATIH" }) {
           nTreated nControl effect ciLow ciHigh preTrend { effect ciLow ciHigh } suppressed } }`,
      {},
      admin,
    );
    expect(res.errors).toBeUndefined();
    const r = res.data!.trainingImpact;
    expect(r.suppressed).toBe(false);
    expect(r.nTreated).toBe(planted.treated);
    // distinct controls per agency: the 33 untrained staff and 5 supervisors (the heads have no scores), plus the 3
    // trained in quarter 7, controls of the quarter-4 cohort (nothing in 2..6), and the 3 trained in quarter 4,
    // controls of the quarter-7 cohort (nothing in 5..9)
    expect(r.nControl).toBe(6 * (45 - 12 + 5 + 3 + 3));
    expect(r.ciLow).toBeLessThanOrEqual(LIFT);
    expect(r.ciHigh).toBeGreaterThanOrEqual(LIFT);
    expect(r.ciHigh - r.ciLow).toBeLessThanOrEqual(4);
    expect(r.preTrend).not.toBeNull();
    expect(r.preTrend!.ciLow).toBeLessThanOrEqual(0);
    expect(r.preTrend!.ciHigh).toBeGreaterThanOrEqual(0);
    // the analyst gets the same aggregate
    const same = await server.graphql(
      `{ trainingImpact(input: { trainingCode: "LATIH" }) {
           nTreated nControl effect ciLow ciHigh preTrend { effect ciLow ciHigh } suppressed } }`,
      {},
      analyst,
    );
    expect(same.errors).toBeUndefined();
    expect(same.data).toEqual(res.data);
  });

  it('shows an analyst every assessor pseudonymised, numbers only where at least 5 employees were rated', async () => {
    const res = await server.graphql<{
      raterObjectivity: {
        assessor: { nip: string | null; pseudonym: string };
        nEmployees: number | null;
        leniency: number | null;
        suppressed: boolean;
      }[];
    }>(`{ raterObjectivity(input: {}) { assessor { nip pseudonym } nEmployees leniency suppressed } }`, {}, analyst);
    expect(res.errors).toBeUndefined();
    expect(res.data!.raterObjectivity).toHaveLength(36);
    for (const r of res.data!.raterObjectivity) {
      expect(r.assessor.nip).toBeNull();
      // heads rated their 5 supervisors, supervisors their 9 staff: all at the minimum of 5 or above
      expect(r.suppressed).toBe(false);
      expect(r.nEmployees).toBeGreaterThanOrEqual(5);
      expect(r.leniency).not.toBeNull();
    }
    expect(ids.size).toBe(6 * 51);
  });
});
