import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_QUERIES } from '../../src/graphql/graphiql.js';
import { runImport } from '../../src/modules/import/import.service.js';
import { accountToken } from '../helpers/auth.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { testNip, writeCsvFolder, type CsvFolder } from './people-csv.js';

/**
 * trainingImpact, raterObjectivity and trainingNeeds through the API on data loaded by the importer (the real write
 * path fills the read models). Expected figures are worked by hand here (worked examples 3 and 4 of the
 * specification, and small cases of our own), not by the code under test.
 */

const IMPACT = `query ($input: TrainingImpactInput!) { trainingImpact(input: $input) {
  nTreated nControl treatedPre treatedPost controlPre controlPost effect standardError ciLow ciHigh
  preTrend { effect ciLow ciHigh } suppressed note } }`;
const RATERS = `query ($input: RaterObjectivityInput!) { raterObjectivity(input: $input) {
  assessor { nip name pseudonym } nEmployees nScores meanGiven leniency standardError z flags suppressed note } }`;
const NEEDS = `query ($agencyCode: String) { trainingNeeds(agencyCode: $agencyCode) {
  employee { nip name pseudonym } criterion scores { year quarter score } trainings { code } } }`;

const CRITERIA: CsvFolder['criteria'] = [
  { code: 'KINERJA', category: 'HASIL_KERJA' },
  { code: 'SIKAP', category: 'PERILAKU_KERJA' },
];

/** Quarter index i of the examples (0 = 2024 Q1) as a year and quarter. */
const quarterOf = (i: number) => ({ year: 2024 + Math.floor(i / 4), quarter: (i % 4) + 1 });

/** Both criteria get the same score, so the quarterly score (0.7 x HK + 0.3 x PK) equals it. */
function quarterly(nip: string, i: number, score: number): CsvFolder['scores'] {
  const { year, quarter } = quarterOf(i);
  return CRITERIA.map((c) => ({ nip, year, quarter, criterionCode: c.code, score }));
}

async function load(db: TestDatabase, data: CsvFolder): Promise<Map<string, number>> {
  const { folder, remove } = writeCsvFolder(data);
  try {
    const report = await runImport({ orm: db.orm, folder, actor: 'test:people' });
    expect(report.errors).toEqual([]);
    expect(report.committed).toBe(true);
  } finally {
    remove();
  }
  const rows: { id: number; nip: string }[] = await db.orm.em.getConnection().execute('select id, nip from employee');
  return new Map(rows.map((r) => [r.nip, r.id]));
}

function policyFile(overrides: Record<string, unknown>): { path: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'kinerja-policy-'));
  const path = join(dir, 'policy.json');
  writeFileSync(path, JSON.stringify(overrides));
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

describe('worked example 3: training impact (threshold lowered to 2 by the policy)', () => {
  let db: TestDatabase;
  let lowered: TestServer;
  let defaults: TestServer;
  let policy: { path: string; remove: () => void };
  const headers: Record<string, Record<string, string>> = {};
  const H = testNip(1);
  const [A, B, C, D, E] = [2, 3, 4, 5, 6].map(testNip) as [string, string, string, string, string];

  beforeAll(async () => {
    db = await createTestDatabase();
    const table: [string, number, number, number, number][] = [
      [A, 100, 102, 110, 108],
      [B, 95, 97, 101, 99],
      [C, 100, 100, 102, 102],
      [D, 90, 92, 93, 95],
      [E, 105, 105, 104, 104],
    ];
    await load(db, {
      agencies: [{ code: 'DINAS', name: 'Dinas Contoh' }],
      employees: [
        { nip: H, name: 'Kepala', agencyCode: 'DINAS' },
        ...[A, B, C, D, E].map((nip, i) => ({
          nip,
          name: `Pegawai ${'ABCDE'[i]}`,
          agencyCode: 'DINAS',
          supervisorNip: H,
        })),
      ],
      criteria: CRITERIA,
      yearFrom: 2024,
      // quarters 0, 1 (pre) and 3, 4 (post); nobody has a score in quarter 2, the training quarter
      scores: table.flatMap(([nip, q0, q1, q3, q4]) => [
        ...quarterly(nip, 0, q0),
        ...quarterly(nip, 1, q1),
        ...quarterly(nip, 3, q3),
        ...quarterly(nip, 4, q4),
      ]),
      trainings: [{ code: 'WS', criterionCodes: ['KINERJA'] }],
      // quarter 2 = 2024 Q3
      participations: [
        { trainingCode: 'WS', nip: A, completedOn: '2024-08-15' },
        { trainingCode: 'WS', nip: B, completedOn: '2024-09-30' },
      ],
    });
    policy = policyFile({ trainingImpactMinN: 2 });
    lowered = await startTestServer(db.orm, { SCORING_POLICY_FILE: policy.path });
    defaults = await startTestServer(db.orm);
    for (const role of ['ADMIN', 'ANALYST', 'EMPLOYEE'] as const) {
      headers[role] = (await accountToken(db.orm.em.fork(), { login: role.toLowerCase(), role })).headers;
    }
  });

  afterAll(async () => {
    await lowered?.stop();
    await defaults?.stop();
    policy?.remove();
    await db?.close();
  });

  it('gives the example figures: effect 4.6667, se 2.3333, interval [0.0933, 9.24]', async () => {
    const res = await lowered.graphql<{ trainingImpact: Record<string, unknown> }>(
      IMPACT,
      { input: { trainingCode: 'WS', window: 2 } },
      headers.ADMIN,
    );
    expect(res.errors).toBeUndefined();
    const r = res.data!.trainingImpact as Record<string, number | null>;
    expect(r.suppressed).toBe(false);
    expect(r.nTreated).toBe(2);
    expect(r.nControl).toBe(3);
    expect(r.treatedPre).toBeCloseTo(98.5, 9);
    expect(r.treatedPost).toBeCloseTo(104.5, 9);
    expect(r.controlPre).toBeCloseTo(296 / 3, 9); // (100 + 91 + 105) / 3
    expect(r.controlPost).toBeCloseTo(100, 9); // (102 + 94 + 104) / 3
    expect(r.effect).toBeCloseTo(14 / 3, 9); // 6 - 4/3
    expect(r.standardError).toBeCloseTo(Math.sqrt(8 / 2 + 13 / 3 / 3), 9); // sqrt(5.4444) = 2.3333
    expect(r.ciLow).toBeCloseTo(14 / 3 - 1.96 * Math.sqrt(49 / 9), 9); // 0.0933
    expect(r.ciHigh).toBeCloseTo(14 / 3 + 1.96 * (7 / 3), 9); // 9.24
    // no scores two windows back: no pre-trend, and the note says why
    expect(r.preTrend).toBeNull();
    expect(r.note).toBeTruthy();
  });

  it('is the same answer without a training code (the agency), and for an analyst once 2 is also the group minimum', async () => {
    const admin = await lowered.graphql(IMPACT, { input: { trainingCode: 'WS' } }, headers.ADMIN);
    const agency = await lowered.graphql(IMPACT, { input: { agencyCode: 'DINAS' } }, headers.ADMIN);
    expect(admin.errors).toBeUndefined();
    expect(agency.data).toEqual(admin.data);
    // 2 treated employees are a group below the suppression minimum (5) for an analyst (docs/analytics.md
    // "Suppression"): withheld from them, while the administrator sees it under trainingImpactMinN 2.
    const analyst = await lowered.graphql<{ trainingImpact: Record<string, unknown> }>(
      IMPACT,
      { input: { trainingCode: 'WS' } },
      headers.ANALYST,
    );
    expect(analyst.data!.trainingImpact).toMatchObject({ suppressed: true, nTreated: null, effect: null });
    const both = policyFile({ trainingImpactMinN: 2, suppressionMinGroup: 2 });
    const small = await startTestServer(db.orm, { SCORING_POLICY_FILE: both.path });
    try {
      const shown = await small.graphql(IMPACT, { input: { trainingCode: 'WS' } }, headers.ANALYST);
      expect(shown.data).toEqual(admin.data);
    } finally {
      await small.stop();
      both.remove();
    }
  });

  it('is suppressed for every caller, the administrator included, with the default threshold of 5', async () => {
    for (const role of ['ADMIN', 'ANALYST', 'EMPLOYEE'] as const) {
      const res = await defaults.graphql<{ trainingImpact: Record<string, unknown> }>(
        IMPACT,
        { input: { trainingCode: 'WS' } },
        headers[role],
      );
      expect(res.errors).toBeUndefined();
      const r = res.data!.trainingImpact;
      expect(r.suppressed).toBe(true);
      expect(r.note).toMatch(/5/);
      for (const field of ['nTreated', 'nControl', 'treatedPre', 'effect', 'standardError', 'ciLow', 'ciHigh']) {
        expect(r[field]).toBeNull();
      }
    }
  });

  it('refuses an unknown training code and a window below 1, naming the field', async () => {
    const unknown = await lowered.graphql(IMPACT, { input: { trainingCode: 'NOPE' } }, headers.ADMIN);
    expect(unknown.errors?.[0]?.message).toMatch(/NOPE/);
    expect(JSON.stringify(unknown.errors?.[0]?.extensions)).toMatch(/trainingCode/);
    const window = await lowered.graphql(IMPACT, { input: { window: 0 } }, headers.ADMIN);
    expect(JSON.stringify(window.errors?.[0]?.extensions)).toMatch(/window/);
  });
});

describe('worked example 4: rater leniency, and who sees rater rows', () => {
  let db: TestDatabase;
  let server: TestServer;
  let ids: Map<string, number>;
  const headers: Record<string, Record<string, string>> = {};
  const H = testNip(1);
  const [R1, R2] = [testNip(2), testNip(3)];
  const [E1, E2, E3, E4, E5] = [4, 5, 6, 7, 8].map(testNip) as [string, string, string, string, string];
  const OTHER = testNip(9);

  beforeAll(async () => {
    db = await createTestDatabase();
    const judged = (nip: string, score: number) => ({ nip, year: 2025, quarter: 1, criterionCode: 'KINERJA', score });
    ids = await load(db, {
      agencies: [
        { code: 'DINAS', name: 'Dinas Contoh' },
        { code: 'LAIN', name: 'Dinas Lain' },
      ],
      employees: [
        { nip: H, name: 'Kepala', agencyCode: 'DINAS' },
        { nip: R1, name: 'Penilai Satu', agencyCode: 'DINAS', supervisorNip: H },
        { nip: R2, name: 'Penilai Dua', agencyCode: 'DINAS', supervisorNip: H },
        ...[E1, E2].map((nip, i) => ({ nip, name: `Staf ${i + 1}`, agencyCode: 'DINAS', supervisorNip: R1 })),
        ...[E3, E4, E5].map((nip, i) => ({ nip, name: `Staf ${i + 3}`, agencyCode: 'DINAS', supervisorNip: R2 })),
        { nip: OTHER, name: 'Kepala Lain', agencyCode: 'LAIN' },
      ],
      criteria: [{ code: 'KINERJA', category: 'HASIL_KERJA' }],
      yearFrom: 2025,
      scores: [judged(E1, 110), judged(E2, 106), judged(E3, 96), judged(E4, 100), judged(E5, 98)],
    });
    server = await startTestServer(db.orm);
    const token = async (
      login: string,
      role: 'ADMIN' | 'LEADER' | 'POLICY' | 'AGENCY_HEAD' | 'SUPERVISOR' | 'EMPLOYEE',
      nip?: string,
    ) =>
      (headers[login] = (
        await accountToken(db.orm.em.fork(), { login, role, employeeId: nip ? ids.get(nip) : null })
      ).headers);
    await token('admin', 'ADMIN');
    await token('leader', 'LEADER');
    await token('policy', 'POLICY');
    await token('head', 'AGENCY_HEAD', H);
    await token('otherhead', 'AGENCY_HEAD', OTHER);
    await token('supervisor', 'SUPERVISOR', R1);
    await token('employee', 'EMPLOYEE', E1);
  });

  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  type Stat = {
    assessor: { nip: string | null; name: string | null; pseudonym: string } | null;
    nEmployees: number | null;
    nScores: number | null;
    meanGiven: number | null;
    leniency: number | null;
    standardError: number | null;
    z: number | null;
    flags: string[];
    suppressed: boolean;
    note: string | null;
  };
  const raters = async (login: string, input: Record<string, unknown> = {}) =>
    server.graphql<{ raterObjectivity: Stat[] }>(RATERS, { input }, headers[login]);

  it('gives leniency +6 and -4, se 5.8310/sqrt(n), z 1.455 and -1.188, and no flag', async () => {
    const res = await raters('admin', { from: { year: 2025, quarter: 1 }, to: { year: 2025, quarter: 1 } });
    expect(res.errors).toBeUndefined();
    const stats = res.data!.raterObjectivity;
    expect(stats.map((s) => s.assessor?.nip)).toEqual([R1, R2]);
    const [r1, r2] = stats as [Stat, Stat];
    const sd = Math.sqrt(136 / 4); // residuals 8, 4, -6, -2, -4 around their mean 0
    expect(r1).toMatchObject({ nEmployees: 2, nScores: 2, flags: [], suppressed: false });
    expect(r1.meanGiven).toBeCloseTo(108, 9);
    expect(r1.leniency).toBeCloseTo(6, 9);
    expect(r1.standardError).toBeCloseTo(sd / Math.sqrt(2), 9);
    expect(r1.z).toBeCloseTo(1.455, 3);
    expect(r2).toMatchObject({ nEmployees: 3, nScores: 3, flags: [], suppressed: false });
    expect(r2.meanGiven).toBeCloseTo(98, 9);
    expect(r2.leniency).toBeCloseTo(-4, 9);
    expect(r2.z).toBeCloseTo(-1.188, 3);
  });

  it('shows a leader the same figures, and an agency head those of their own agency only', async () => {
    const admin = await raters('admin');
    expect(admin.errors).toBeUndefined();
    expect((await raters('leader')).data).toEqual(admin.data);
    expect((await raters('head')).data).toEqual(admin.data);
    expect((await raters('head', { agencyCode: 'DINAS' })).data).toEqual(admin.data);
    const other = await raters('otherhead');
    expect(other.errors).toBeUndefined();
    expect(other.data!.raterObjectivity).toEqual([]);
    const asked = await raters('otherhead', { agencyCode: 'DINAS' });
    expect(asked.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('pseudonymises assessors for POLICY and withholds every number of one who rated fewer than 5 employees', async () => {
    const res = await raters('policy');
    expect(res.errors).toBeUndefined();
    const stats = res.data!.raterObjectivity;
    expect(stats).toHaveLength(2);
    for (const s of stats) {
      expect(s.assessor?.nip).toBeNull();
      expect(s.assessor?.name).toBeNull();
      expect(s.assessor?.pseudonym).toBeTruthy();
      expect(s.suppressed).toBe(true);
      expect(s.note).toMatch(/5/);
      expect([s.nEmployees, s.nScores, s.meanGiven, s.leniency, s.standardError, s.z]).toEqual([
        null,
        null,
        null,
        null,
        null,
        null,
      ]);
      expect(s.flags).toEqual([]);
    }
  });

  it('refuses supervisors and employees', async () => {
    for (const login of ['supervisor', 'employee']) {
      const res = await raters(login);
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(res.data?.raterObjectivity ?? null).toBeNull();
    }
  });
});

describe('training needs: the last two scores of a criterion below 90, and the trainings not completed', () => {
  let db: TestDatabase;
  let server: TestServer;
  let ids: Map<string, number>;
  const headers: Record<string, Record<string, string>> = {};
  const H = testNip(1);
  const S = testNip(2);
  const [N1, N2, N3, N4] = [3, 4, 5, 6].map(testNip) as [string, string, string, string];

  beforeAll(async () => {
    db = await createTestDatabase();
    const score = (nip: string, i: number, criterionCode: string, value: number) => ({
      nip,
      ...quarterOf(i),
      criterionCode,
      score: value,
    });
    ids = await load(db, {
      agencies: [{ code: 'DINAS', name: 'Dinas Contoh' }],
      employees: [
        { nip: H, name: 'Kepala', agencyCode: 'DINAS' },
        { nip: S, name: 'Penyelia', agencyCode: 'DINAS', supervisorNip: H },
        { nip: N1, name: 'Satu', agencyCode: 'DINAS', supervisorNip: S },
        { nip: N2, name: 'Dua', agencyCode: 'DINAS', supervisorNip: H },
        { nip: N3, name: 'Tiga', agencyCode: 'DINAS', supervisorNip: H },
        { nip: N4, name: 'Empat', agencyCode: 'DINAS', supervisorNip: H },
      ],
      criteria: CRITERIA,
      yearFrom: 2024,
      scores: [
        // N1: KINERJA 85 then 88: a need; SIKAP 95, 95: none
        score(N1, 0, 'KINERJA', 85),
        score(N1, 0, 'SIKAP', 95),
        score(N1, 1, 'KINERJA', 88),
        score(N1, 1, 'SIKAP', 95),
        // N2: KINERJA 85 then 90: 90 is not below 90
        score(N2, 0, 'KINERJA', 85),
        score(N2, 0, 'SIKAP', 95),
        score(N2, 1, 'KINERJA', 90),
        score(N2, 1, 'SIKAP', 95),
        // N3: KINERJA 70, 92, 80: the last two are 92 and 80, no need; SIKAP 89.5 and 60: a need
        score(N3, 0, 'KINERJA', 70),
        score(N3, 0, 'SIKAP', 95),
        score(N3, 1, 'KINERJA', 92),
        score(N3, 1, 'SIKAP', 89.5),
        score(N3, 2, 'KINERJA', 80),
        score(N3, 2, 'SIKAP', 60),
        // N4: only one evaluation
        score(N4, 0, 'KINERJA', 50),
        score(N4, 0, 'SIKAP', 50),
      ],
      trainings: [
        { code: 'T-KIN-1', criterionCodes: ['KINERJA'] },
        { code: 'T-KIN-2', criterionCodes: ['KINERJA', 'SIKAP'] },
        { code: 'T-SIK', criterionCodes: ['SIKAP'] },
      ],
      participations: [
        { trainingCode: 'T-KIN-1', nip: N1, completedOn: '2024-05-01' },
        { trainingCode: 'T-SIK', nip: N1, completedOn: '2024-05-01' },
      ],
    });
    server = await startTestServer(db.orm);
    const token = async (
      login: string,
      role: 'ADMIN' | 'ANALYST' | 'AGENCY_HEAD' | 'SUPERVISOR' | 'EMPLOYEE',
      nip?: string,
    ) =>
      (headers[login] = (
        await accountToken(db.orm.em.fork(), { login, role, employeeId: nip ? ids.get(nip) : null })
      ).headers);
    await token('admin', 'ADMIN');
    await token('analyst', 'ANALYST');
    await token('head', 'AGENCY_HEAD', H);
    await token('supervisor', 'SUPERVISOR', S);
    await token('employee', 'EMPLOYEE', N1);
  });

  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  type Need = {
    employee: { nip: string | null; name: string | null; pseudonym: string } | null;
    criterion: string;
    scores: { year: number; quarter: number; score: number }[];
    trainings: { code: string }[];
  };
  const needs = (login: string, agencyCode?: string) =>
    server.graphql<{ trainingNeeds: Need[] }>(NEEDS, { agencyCode }, headers[login]);

  it('lists N1 on KINERJA (T-KIN-2 left) and N3 on SIKAP (T-KIN-2 and T-SIK), oldest score first', async () => {
    const res = await needs('admin');
    expect(res.errors).toBeUndefined();
    expect(
      res.data!.trainingNeeds.map((n) => [n.employee?.nip, n.criterion, n.scores, n.trainings.map((t) => t.code)]),
    ).toEqual([
      [
        N1,
        'KINERJA',
        [
          { year: 2024, quarter: 1, score: 85 },
          { year: 2024, quarter: 2, score: 88 },
        ],
        ['T-KIN-2'],
      ],
      [
        N3,
        'SIKAP',
        [
          { year: 2024, quarter: 2, score: 89.5 },
          { year: 2024, quarter: 3, score: 60 },
        ],
        ['T-KIN-2', 'T-SIK'],
      ],
    ]);
    expect((await needs('head')).data).toEqual(res.data);
    expect((await needs('admin', 'DINAS')).data).toEqual(res.data);
  });

  it('shows a supervisor their line only, an analyst pseudonyms, and refuses an employee', async () => {
    const line = await needs('supervisor');
    expect(line.errors).toBeUndefined();
    expect(line.data!.trainingNeeds.map((n) => n.employee?.nip)).toEqual([N1]);
    const analyst = await needs('analyst');
    expect(analyst.data!.trainingNeeds).toHaveLength(2);
    for (const n of analyst.data!.trainingNeeds) {
      expect(n.employee?.nip).toBeNull();
      expect(n.employee?.name).toBeNull();
      expect(n.employee?.pseudonym).toBeTruthy();
    }
    const employee = await needs('employee');
    expect(employee.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("meets the dialogues: the development actions agreed on the need's criterion, their text only for the line", async () => {
    // A Q2 2024 dialogue of N1 with their supervisor agreed an action on KINERJA (docs/dialogue.md#development-actions).
    const conn = db.orm.em.fork().getConnection();
    const [n1] = await conn.execute<{ id: number; supervisor_id: number; agency_id: number }[]>(
      'select id, supervisor_id, agency_id from employee where nip = ?',
      [N1],
    );
    const [dialogue] = await conn.execute<{ id: number }[]>(
      `insert into performance_dialogue (employee_id, supervisor_id, agency_id, year, quarter, held_on, points_agreed,
                                         supervisor_confirmed_at)
       values (?, ?, ?, 2024, 2, '2024-06-20', 'Kinerja di bawah 90 dua kali', now()) returning id`,
      [n1!.id, n1!.supervisor_id, n1!.agency_id],
    );
    await conn.execute(
      `insert into development_action (dialogue_id, description, criterion_code, training_kind, target_year, target_quarter)
       values (?, 'Ikut T-KIN-2', 'KINERJA', 'WORKSHOP', 2024, 4), (?, 'Latihan sikap', 'SIKAP', null, 2024, 4)`,
      [dialogue!.id, dialogue!.id],
    );
    const query = `{ trainingNeeds { employee { pseudonym } criterion developmentActionsAgreed
      developmentActions { description criterionCode trainingKind } } }`;
    type Row = {
      criterion: string;
      developmentActionsAgreed: number;
      developmentActions: { description: string }[];
    };
    const of = async (login: string) => {
      const res = await server.graphql<{ trainingNeeds: Row[] }>(query, {}, headers[login]);
      expect(res.errors, login).toBeUndefined();
      return res.data!.trainingNeeds.map((n) => [
        n.criterion,
        n.developmentActionsAgreed,
        n.developmentActions.map((a) => a.description),
      ]);
    };
    // N1's need on KINERJA meets the KINERJA action; N3's need on SIKAP is another employee's: none.
    expect(await of('supervisor')).toEqual([['KINERJA', 1, ['Ikut T-KIN-2']]]);
    expect(await of('head')).toEqual([
      ['KINERJA', 1, ['Ikut T-KIN-2']],
      ['SIKAP', 0, []],
    ]);
    // The counts for everyone who sees the row; the text not for an analyst, nor for ADMIN as such.
    expect(await of('analyst')).toEqual([
      ['KINERJA', 1, []],
      ['SIKAP', 0, []],
    ]);
    expect(await of('admin')).toEqual([
      ['KINERJA', 1, []],
      ['SIKAP', 0, []],
    ]);
  });

  it('has a GraphiQL example of each of the three queries, which an analyst token runs', async () => {
    const operations = parse(EXAMPLE_QUERIES).definitions as OperationDefinitionNode[];
    for (const field of ['trainingImpact', 'raterObjectivity', 'trainingNeeds']) {
      const operation = operations.find((o) =>
        o.selectionSet.selections.some((sel) => sel.kind === 'Field' && sel.name.value === field),
      );
      expect(operation, `an example of ${field}`).toBeDefined();
      // this data set has no DISDIK (the demo's agency the example names)
      const variables = field === 'trainingNeeds' ? { agencyCode: 'DINAS' } : {};
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers.analyst },
        body: JSON.stringify({ query: EXAMPLE_QUERIES, operationName: operation!.name!.value, variables }),
      });
      const result = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
      expect(result.errors).toBeUndefined();
      expect(result.data?.[field]).toBeDefined();
    }
  });
});
