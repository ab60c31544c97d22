import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_POLICY } from '@kinerja/shared';
import { Evaluation } from '../../src/modules/evaluations/evaluation.entity.js';
import { finalizeEvaluation } from '../../src/modules/evaluations/evaluation-results.js';
import { accountToken } from '../helpers/auth.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { buildScenario, type Scenario } from '../helpers/scenario.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { ok, refused, type Json } from './helpers.js';

const REPLACE = `mutation ($input: ReplaceCriterionWeightsInput!) {
  replaceCriterionWeights(input: $input) { code weight yearFrom yearTo agency { code } }
}`;
const CREATE = `mutation ($input: CreateCriterionInput!) {
  createCriterion(input: $input) { code weight yearFrom yearTo target direction agency { code } }
}`;
const CRITERIA = `query ($agency: String!, $year: Int!) { criteria(agencyCode: $agency, year: $year) { code weight } }`;
const RESULTS = `query ($nip: String!) { employee(nip: $nip) { evaluations(year: 2025) { status hasilKerjaScore } } }`;

/**
 * Changing the criteria. DISDIK's employees 3 and 6 score 100 on every criterion but Prestasi siswa 120 and Kehadiran
 * 80 in 2025 Q1: HASIL_KERJA (20x100 + 15x100 + 15x100 + 30x120 + 20x80) / 100 = 102. Employee 6's evaluation is
 * FINAL (stored 102); employee 3's is SUBMITTED (computed under the weights in force).
 */
describe('criteria: replacing weights and creating criteria', () => {
  let db: TestDatabase;
  let scenario: Scenario;
  let server: TestServer;
  let admin: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    scenario = await buildScenario(db.orm, {
      employees: 7,
      quarters: [1],
      score: (_index, _quarter, criterion) =>
        criterion.code === 'PRESTASI_SISWA' ? 120 : criterion.code === 'KEHADIRAN_KEGIATAN' ? 80 : 100,
    });
    const em = db.orm.em.fork();
    const final = scenario.evaluations.find((e) => e.employeeIndex === 6)!.id;
    await finalizeEvaluation(em, await em.findOneOrFail(Evaluation, final), DEFAULT_SCORING_POLICY);
    admin = (await accountToken(em, { login: 'admin', role: 'ADMIN' })).headers;
    server = await startTestServer(db.orm);
  });

  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  const weights = (list: Json[]) => Object.fromEntries(list.map((c) => [c.code, c.weight]));

  it('DISDIK 2025: Prestasi siswa 30 -> 40, Kehadiran 20 -> 10, from 2025 on; 2024 keeps the old weights', async () => {
    const data = await ok(server, admin, REPLACE, {
      input: {
        agencyCode: 'DISDIK',
        year: 2025,
        category: 'HASIL_KERJA',
        weights: [
          { criterionCode: 'PROFESIONALISME', weight: 20 },
          { criterionCode: 'DISIPLIN', weight: 15 },
          { criterionCode: 'INOVASI', weight: 15 },
          { criterionCode: 'PRESTASI_SISWA', weight: 40 },
          { criterionCode: 'KEHADIRAN_KEGIATAN', weight: 10 },
        ],
        reason: 'Prioritas mutu pembelajaran',
      },
    });
    expect(weights(data.replaceCriterionWeights)).toEqual({
      PROFESIONALISME: 20,
      DISIPLIN: 15,
      INOVASI: 15,
      PRESTASI_SISWA: 40,
      KEHADIRAN_KEGIATAN: 10,
    });
    expect(data.replaceCriterionWeights.find((c: Json) => c.code === 'PRESTASI_SISWA')).toMatchObject({
      yearFrom: 2025,
      yearTo: null,
      agency: { code: 'DISDIK' },
    });
    const in2024 = await ok(server, admin, CRITERIA, { agency: 'DISDIK', year: 2024 });
    expect(weights(in2024.criteria)).toMatchObject({ PRESTASI_SISWA: 30, KEHADIRAN_KEGIATAN: 20 });
    const in2025 = await ok(server, admin, CRITERIA, { agency: 'DISDIK', year: 2025 });
    expect(weights(in2025.criteria)).toMatchObject({ PRESTASI_SISWA: 40, KEHADIRAN_KEGIATAN: 10 });
  });

  it('2025 evaluations are weighted as in force in 2025, and a FINAL result is not rewritten', async () => {
    // (20x100 + 15x100 + 15x100 + 40x120 + 10x80) / 100 = 10600 / 100 = 106.
    const open = await ok(server, admin, RESULTS, { nip: scenario.employees[3].nip });
    expect(open.employee.evaluations[0]).toEqual({ status: 'SUBMITTED', hasilKerjaScore: 106 });
    const final = await ok(server, admin, RESULTS, { nip: scenario.employees[6].nip });
    expect(final.employee.evaluations[0]).toEqual({ status: 'FINAL', hasilKerjaScore: 102 });
  });

  it('the city-wide weights are rebalanced from 2026 for every agency at once', async () => {
    const data = await ok(server, admin, REPLACE, {
      input: {
        year: 2026,
        category: 'HASIL_KERJA',
        weights: [
          { criterionCode: 'PROFESIONALISME', weight: 25 },
          { criterionCode: 'DISIPLIN', weight: 15 },
          { criterionCode: 'INOVASI', weight: 10 },
        ],
      },
    });
    expect(weights(data.replaceCriterionWeights)).toEqual({ PROFESIONALISME: 25, DISIPLIN: 15, INOVASI: 10 });
    for (const agency of ['DISDIK', 'DINKES', 'BKPSDM']) {
      const list = (await ok(server, admin, CRITERIA, { agency, year: 2026 })).criteria;
      const hasilKerja = list.filter(
        (c: Json) =>
          !['BERORIENTASI_PELAYANAN', 'AKUNTABEL', 'KOMPETEN', 'HARMONIS', 'LOYAL', 'ADAPTIF', 'KOLABORATIF'].includes(
            c.code,
          ),
      );
      expect(
        hasilKerja.reduce((sum: number, c: Json) => sum + c.weight, 0),
        agency,
      ).toBe(100);
    }
    const in2025 = await ok(server, admin, CRITERIA, { agency: 'DINKES', year: 2025 });
    expect(weights(in2025.criteria)).toMatchObject({ PROFESIONALISME: 20, INOVASI: 15 });
  });

  it('a city-wide weight cannot change through one agency\u2019s replacement', async () => {
    const error = await refused(server, admin, REPLACE, {
      input: {
        agencyCode: 'DINKES',
        year: 2026,
        category: 'HASIL_KERJA',
        weights: [
          { criterionCode: 'PROFESIONALISME', weight: 30 },
          { criterionCode: 'DISIPLIN', weight: 15 },
          { criterionCode: 'INOVASI', weight: 10 },
          { criterionCode: 'CAKUPAN_KESMAS', weight: 25 },
          { criterionCode: 'POSYANDU', weight: 20 },
        ],
      },
    });
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.weights[0].weight',
      message:
        'PROFESIONALISME adalah kriteria seluruh kota (bobot 25 untuk setiap perangkat daerah): ubah bobotnya dengan ' +
        'agencyCode null',
    });
    const missing = await refused(server, admin, REPLACE, {
      input: {
        agencyCode: 'DINKES',
        year: 2026,
        category: 'HASIL_KERJA',
        weights: [{ criterionCode: 'CAKUPAN_KESMAS', weight: 30 }],
      },
    });
    expect(missing).toMatchObject({ field: 'input.weights' });
    expect(missing.message).toContain('berlaku untuk DINKES pada 2026 tetapi tidak disebut');
  });

  it('creates a DINKES criterion from 2026 with Posyandu going from 20 to 10', async () => {
    const data = await ok(server, admin, CREATE, {
      input: {
        code: 'CAKUPAN_IMUNISASI',
        name: 'Cakupan imunisasi dasar lengkap',
        category: 'HASIL_KERJA',
        weight: 10,
        agencyCode: 'DINKES',
        yearFrom: 2026,
        indicatorUnit: '%',
        target: 95,
        direction: 'HIGHER_IS_BETTER',
        otherWeights: [{ criterionCode: 'POSYANDU', weight: 10 }],
      },
    });
    expect(data.createCriterion).toEqual({
      code: 'CAKUPAN_IMUNISASI',
      weight: 10,
      yearFrom: 2026,
      yearTo: null,
      target: 95,
      direction: 'HIGHER_IS_BETTER',
      agency: { code: 'DINKES' },
    });
    const in2026 = await ok(server, admin, CRITERIA, { agency: 'DINKES', year: 2026 });
    expect(weights(in2026.criteria)).toMatchObject({ CAKUPAN_IMUNISASI: 10, POSYANDU: 10, CAKUPAN_KESMAS: 30 });
    const again = await refused(server, admin, CREATE, {
      input: {
        code: 'CAKUPAN_IMUNISASI',
        name: 'x',
        category: 'HASIL_KERJA',
        weight: 5,
        agencyCode: 'DINKES',
        yearFrom: 2027,
      },
    });
    expect(again).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.code' });
    const noDirection = await refused(server, admin, CREATE, {
      input: { code: 'X', name: 'x', category: 'HASIL_KERJA', weight: 5, yearFrom: 2027, target: 10 },
    });
    expect(noDirection).toMatchObject({
      field: 'input.direction',
      problem: { code: 'INDICATOR_INCOMPLETE', params: { missing: 'direction' } },
      message: 'indikator memerlukan target dan arah (direction); direction belum diisi',
    });
  });
});
