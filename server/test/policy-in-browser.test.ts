import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_POLICY, evaluateScores, makeScoringPolicy, type ScoringPolicy } from '@kinerja/shared';
import { accountToken } from './helpers/auth.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { startTestServer, type TestServer } from './helpers/server.js';

/** Every setting of the policy as the dashboard asks for it (the live score and predikat of the Penilaian page). */
const POLICY = `{ scoringPolicy {
  version
  categoryWeights { HASIL_KERJA PERILAKU_KERJA }
  ratingThresholds { diAtas sesuai }
  scoreMax innovationRule minJpPerYearPns maxJpPerYearPppk suppressionMinGroup trainingImpactMinN raterZThreshold
  raterMinEmployees trainingNeedThreshold trainingImpactDefaultWindow
} }`;

/**
 * The browser computes the live quarterly score and predikat with the shared rules and the policy in force, not the
 * defaults (docs/scoring.md#the-scoring-policy): `scoringPolicy` must carry every setting, so that
 * `makeScoringPolicy` rebuilds exactly the server's policy (the same version, a hash of every setting).
 */
describe('scoringPolicy gives the browser the policy in force', () => {
  let db: TestDatabase;
  let server: TestServer;
  let dir: string;
  let guru: Record<string, string>;
  const inForce = makeScoringPolicy({
    categoryWeights: { HASIL_KERJA: 0.6, PERILAKU_KERJA: 0.4 },
    ratingThresholds: { diAtas: 105, sesuai: 85 },
  });

  beforeAll(async () => {
    db = await createTestDatabase();
    dir = await mkdtemp(join(tmpdir(), 'kinerja-policy-'));
    const { version: _version, ...content } = inForce;
    await writeFile(join(dir, 'policy.json'), JSON.stringify(content));
    guru = (await accountToken(db.orm.em.fork(), { login: 'guru', role: 'EMPLOYEE' })).headers;
    server = await startTestServer(db.orm, { SCORING_POLICY_FILE: join(dir, 'policy.json') });
  });

  afterAll(async () => {
    await server?.stop();
    await db?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('rebuilds the same policy in the browser, and its predikat differs from the defaults\u2019', async () => {
    const result = await server.graphql<{ scoringPolicy: ScoringPolicy }>(POLICY, {}, guru);
    expect(result.errors).toBeUndefined();
    const { version, ...settings } = result.data!.scoringPolicy;
    const rebuilt = makeScoringPolicy(settings);
    expect(rebuilt.version).toBe(version);
    expect(rebuilt.version).toBe(inForce.version);
    expect(version).not.toBe(DEFAULT_SCORING_POLICY.version);
    // A typist's scores: 106 and 88 are DI_ATAS and SESUAI under the policy in force, SESUAI and DI_BAWAH by default.
    const typed = [
      { category: 'HASIL_KERJA' as const, weight: 100, score: 106 },
      { category: 'PERILAKU_KERJA' as const, weight: 100, score: 88 },
    ];
    expect(evaluateScores(typed, rebuilt)).toMatchObject({
      hasilKerjaRating: 'DI_ATAS_EKSPEKTASI',
      perilakuKerjaRating: 'SESUAI_EKSPEKTASI',
      predikat: 'BAIK',
    });
    expect(evaluateScores(typed, DEFAULT_SCORING_POLICY)).toMatchObject({
      hasilKerjaRating: 'SESUAI_EKSPEKTASI',
      perilakuKerjaRating: 'DI_BAWAH_EKSPEKTASI',
      predikat: 'KURANG',
    });
  });
});
