import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { accountToken } from '../helpers/auth.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { buildScenario, type Scenario } from '../helpers/scenario.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { DECIDE, fingerprint, refused, SAVE } from './helpers.js';

/**
 * Acceptance 4: a score of 130, weights summing to 95, or a score in a closed period are refused with BAD_USER_INPUT
 * naming the field and the rule, and nothing is written: every table a write may touch (rows and their contents,
 * the audit log included) is the same before and after.
 *
 * Scenario: DISDIK (head 0, staff 3 and 6), DINKES (head 1, staff 4), BKPSDM (head 2, staff 5); 2025 Q1 and Q2.
 * Employee 3's evaluations are DRAFT, employee 6's Q1 is OBJECTED; Q1 is CLOSED.
 */
describe('acceptance 4: refused input names the field and the rule, and writes nothing', () => {
  let db: TestDatabase;
  let scenario: Scenario;
  let server: TestServer;
  let admin: Record<string, string>;
  let head: Record<string, string>;
  let leader: Record<string, string>;
  let q1Draft: number;
  let q2Draft: number;
  let q1Objected: number;
  let before: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    scenario = await buildScenario(db.orm, {
      employees: 7,
      quarters: [1, 2],
      status: (index, quarter) => (index === 3 ? 'DRAFT' : index === 6 && quarter === 1 ? 'OBJECTED' : 'SUBMITTED'),
    });
    const em = db.orm.em.fork();
    const find = (index: number, quarter: number) =>
      scenario.evaluations.find((e) => e.employeeIndex === index && e.quarter === quarter)!.id;
    q1Draft = find(3, 1);
    q2Draft = find(3, 2);
    q1Objected = find(6, 1);
    await em
      .getConnection()
      .execute(`update period set status = 'CLOSED', closed_at = now() where id = ?`, [scenario.periodIds.get(1)]);
    await em
      .getConnection()
      .execute(`insert into objection (evaluation_id, filed_by_id, reason) values (?, ?, 'nilai terlalu rendah')`, [
        q1Objected,
        scenario.employees[6].id,
      ]);
    admin = (await accountToken(em, { login: 'admin', role: 'ADMIN' })).headers;
    head = (await accountToken(em, { login: 'kadis', role: 'SUPERVISOR', employeeId: scenario.employees[0].id }))
      .headers;
    leader = (await accountToken(em, { login: 'sekda', role: 'LEADER' })).headers;
    server = await startTestServer(db.orm);
  });

  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  beforeEach(async () => {
    before = await fingerprint(db.orm.em.fork());
  });

  async function unchanged(): Promise<void> {
    expect(await fingerprint(db.orm.em.fork())).toEqual(before);
  }

  it('a score of 130 is refused at input.scores[1].score: SCORE_ABOVE_MAX, "nilai 130 melebihi 120"', async () => {
    const error = await refused(server, head, SAVE, {
      input: {
        evaluationId: q2Draft,
        version: 1,
        scores: [
          { criterionCode: 'PROFESIONALISME', score: 100 },
          { criterionCode: 'INOVASI', score: 130 },
        ],
      },
    });
    expect(error).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.scores[1].score',
      message: 'nilai 130 melebihi 120',
      problem: { code: 'SCORE_ABOVE_MAX', params: { value: 130, max: 120 } },
      currentVersion: undefined,
    });
    await unchanged();
  });

  it('the same when starting a new evaluation: nothing is created', async () => {
    await db.orm.em.fork().getConnection().execute('delete from evaluation where id = ?', [q2Draft]);
    before = await fingerprint(db.orm.em.fork());
    const error = await refused(server, head, SAVE, {
      input: {
        employeeNip: scenario.employees[3].nip,
        period: { year: 2025, quarter: 2 },
        scores: [{ criterionCode: 'INOVASI', score: 130 }],
      },
    });
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.scores[0].score' });
    await unchanged();
  });

  it('other score rules name their field: below 0, score and realisation, a realisation without indicator, an unknown code', async () => {
    // input, field, the rule's code (none for the server's own check), message
    const cases: [Record<string, unknown>, string, string | undefined, string][] = [
      [{ criterionCode: 'INOVASI', score: -1 }, 'input.scores[0].score', 'SCORE_BELOW_MIN', 'nilai -1 di bawah 0'],
      [
        { criterionCode: 'DISIPLIN', score: 90, realisation: 90 },
        'input.scores[0].realisation',
        'SCORE_AND_REALISATION',
        'isi nilai atau realisasi untuk DISIPLIN, jangan keduanya',
      ],
      [
        { criterionCode: 'DISIPLIN', realisation: -5 },
        'input.scores[0].realisation',
        'REALISATION_NEGATIVE',
        'realisasi -5 tidak boleh negatif',
      ],
      [
        { criterionCode: 'INOVASI', realisation: 90 },
        'input.scores[0].realisation',
        'REALISATION_WITHOUT_INDICATOR',
        'kriteria INOVASI tidak berindikator: isi nilai, bukan realisasi',
      ],
      [
        { criterionCode: 'DISIPLIN' },
        'input.scores[0].score',
        'SCORE_MISSING',
        'isi nilai (0-120) untuk DISIPLIN, atau realisasinya bila kriteria itu berindikator',
      ],
      [
        { criterionCode: 'CAKUPAN_KESMAS', score: 100 },
        'input.scores[0].criterionCode',
        undefined,
        'kriteria CAKUPAN_KESMAS tidak berlaku untuk DISDIK pada 2025',
      ],
    ];
    const [{ id }] = await db.orm.em
      .fork()
      .getConnection()
      .execute(
        `insert into evaluation (employee_id, period_id, agency_id, assessor_id) values (?, ?, ?, ?) returning id`,
        [
          scenario.employees[3].id,
          scenario.periodIds.get(2),
          scenario.agencyIds.get('DISDIK'),
          scenario.employees[0].id,
        ],
      );
    before = await fingerprint(db.orm.em.fork());
    for (const [score, field, rule, message] of cases) {
      const error = await refused(server, head, SAVE, { input: { evaluationId: id, version: 1, scores: [score] } });
      expect(error, message).toMatchObject({ code: 'BAD_USER_INPUT', field, message });
      expect(error.problem?.code, message).toBe(rule);
    }
    await unchanged();
  });

  it('years and quarters are checked by the one shared rule wherever they are given', async () => {
    const cases: [string, Record<string, unknown>, string, string, string][] = [
      [
        'mutation ($input: PeriodChangeInput!) { openPeriod(input: $input) { label } }',
        { input: { year: 1999, quarter: 1 } },
        'input.year',
        'YEAR_OUT_OF_RANGE',
        'tahun harus bilangan bulat antara 2000 dan 2100, bukan 1999',
      ],
      [
        'query ($year: Int!, $quarter: Int!) { completion(year: $year, quarter: $quarter) { quarter } }',
        { year: 2025, quarter: 0 },
        'quarter',
        'QUARTER_OUT_OF_RANGE',
        'triwulan harus 1-4, bukan 0',
      ],
      [
        'query ($nip: String) { transparency(year: 2101, nip: $nip) { quarters { quarter } } }',
        { nip: scenario.employees[3].nip },
        'year',
        'YEAR_OUT_OF_RANGE',
        'tahun harus bilangan bulat antara 2000 dan 2100, bukan 2101',
      ],
      [
        'query ($filter: EvaluationFilter) { evaluations(filter: $filter) { totalCount } }',
        { filter: { from: { year: 2025, quarter: 5 } } },
        'filter.from.quarter',
        'QUARTER_OUT_OF_RANGE',
        'triwulan harus 1-4, bukan 5',
      ],
      [
        SAVE,
        {
          input: {
            employeeNip: scenario.employees[3].nip,
            period: { year: 2101, quarter: 1 },
            scores: [{ criterionCode: 'INOVASI', score: 100 }],
          },
        },
        'input.period.year',
        'YEAR_OUT_OF_RANGE',
        'tahun harus bilangan bulat antara 2000 dan 2100, bukan 2101',
      ],
    ];
    for (const [query, variables, field, rule, message] of cases) {
      const error = await refused(server, admin, query, variables);
      expect(error, query).toMatchObject({ code: 'BAD_USER_INPUT', field, message, problem: { code: rule } });
    }
    await unchanged();
  });

  it('weights of DISDIK summing to 95 are refused at input.weights: WEIGHTS_SUM_NOT_100 for DISDIK in 2025', async () => {
    const error = await refused(
      server,
      admin,
      `mutation ($input: ReplaceCriterionWeightsInput!) { replaceCriterionWeights(input: $input) { code weight } }`,
      {
        input: {
          agencyCode: 'DISDIK',
          year: 2025,
          category: 'HASIL_KERJA',
          weights: [
            { criterionCode: 'PROFESIONALISME', weight: 20 },
            { criterionCode: 'DISIPLIN', weight: 15 },
            { criterionCode: 'INOVASI', weight: 15 },
            { criterionCode: 'PRESTASI_SISWA', weight: 25 },
            { criterionCode: 'KEHADIRAN_KEGIATAN', weight: 20 },
          ],
        },
      },
    );
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.weights',
      message: 'jumlah bobot HASIL_KERJA untuk DISDIK pada 2025 adalah 95, bukan 100',
      problem: {
        code: 'WEIGHTS_SUM_NOT_100',
        params: { category: 'HASIL_KERJA', agency: 'DISDIK', from: 2025, to: 2025, sum: 95 },
      },
    });
    await unchanged();
  });

  it('a city-wide weight change that leaves an agency at 95 is refused naming that agency; nothing is split', async () => {
    const error = await refused(
      server,
      admin,
      `mutation ($input: ReplaceCriterionWeightsInput!) { replaceCriterionWeights(input: $input) { code weight } }`,
      {
        input: {
          year: 2025,
          category: 'HASIL_KERJA',
          weights: [
            { criterionCode: 'PROFESIONALISME', weight: 15 },
            { criterionCode: 'DISIPLIN', weight: 15 },
            { criterionCode: 'INOVASI', weight: 15 },
          ],
        },
      },
    );
    // Agencies are checked by code: BKPSDM first.
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.weights',
      message: 'jumlah bobot HASIL_KERJA untuk BKPSDM mulai 2025 adalah 95, bukan 100',
      problem: {
        code: 'WEIGHTS_SUM_NOT_100',
        params: { category: 'HASIL_KERJA', agency: 'BKPSDM', from: 2025, to: null, sum: 95 },
      },
    });
    await unchanged();
  });

  it('a new criterion that would make the sum 110 is refused at input.weight, with the way out', async () => {
    const error = await refused(
      server,
      admin,
      `mutation ($input: CreateCriterionInput!) { createCriterion(input: $input) { code } }`,
      {
        input: {
          code: 'LITERASI',
          name: 'Gerakan literasi sekolah',
          category: 'HASIL_KERJA',
          weight: 10,
          agencyCode: 'DISDIK',
          yearFrom: 2025,
        },
      },
    );
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.weight',
      message:
        'jumlah bobot HASIL_KERJA untuk DISDIK mulai 2025 adalah 110, bukan 100: isi bobot baru kriteria lainnya di otherWeights',
      problem: {
        code: 'WEIGHTS_SUM_NOT_100',
        params: { agency: 'DISDIK', from: 2025, to: null, sum: 110, hint: 'GIVE_OTHER_WEIGHTS' },
      },
    });
    await unchanged();
  });

  it('a score in a CLOSED period is refused at input.scores: "periode Triwulan I 2025 sudah DITUTUP (CLOSED): nilai tidak dapat diubah lagi"', async () => {
    const error = await refused(server, head, SAVE, {
      input: { evaluationId: q1Draft, version: 1, scores: [{ criterionCode: 'INOVASI', score: 100 }] },
    });
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.scores',
      message: 'periode Triwulan I 2025 sudah DITUTUP (CLOSED): nilai tidak dapat diubah lagi',
    });
    await unchanged();
  });

  it('a new evaluation in a CLOSED period is refused at input.period', async () => {
    await db.orm.em.fork().getConnection().execute('delete from evaluation where id = ?', [q1Draft]);
    before = await fingerprint(db.orm.em.fork());
    const error = await refused(server, head, SAVE, {
      input: {
        employeeNip: scenario.employees[3].nip,
        period: { year: 2025, quarter: 1 },
        scores: [{ criterionCode: 'INOVASI', score: 100 }],
      },
    });
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.period',
      message: 'periode Triwulan I 2025 sudah DITUTUP (CLOSED): tidak ada penilaian atau nilai baru',
    });
    await unchanged();
  });

  it('an objection decided in a CLOSED period cannot change the scores', async () => {
    // Employee 6's assessor (the head, 0) has no superior in the system: a LEADER decides.
    const error = await refused(server, leader, DECIDE, {
      input: {
        evaluationId: q1Objected,
        version: 1,
        decision: 'UPHELD',
        note: 'dikabulkan',
        scores: [{ criterionCode: 'INOVASI', score: 120 }],
      },
    });
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.scores',
      message: 'periode Triwulan I 2025 sudah DITUTUP (CLOSED): nilai tidak dapat diubah lagi',
    });
    await unchanged();
  });
});
