import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  checkAgainstApi,
  loadFolder,
  raterObjectivity,
  trainingImpact,
  type CheckReport,
  type Dataset,
} from '@kinerja/checker';
import { DEFAULT_SCORING_POLICY } from '@kinerja/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoData } from '../src/demo-data/generate.js';
import { runImport } from '../src/modules/import/import.service.js';
import { closeHistoryThrough } from '../src/modules/results/index.js';
import { accountToken } from './helpers/auth.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { startTestServer, UNLIMITED_COST, type TestServer } from './helpers/server.js';

/**
 * Issue 9 acceptance 3: the independent checker (checker/, docs/checker.md) recomputes the results and analytics of
 * an import folder from the CSV files and compares them with the API's answers for a server that imported the same
 * folder: the demo data (fixed day) and a second seed. The queries compared are those the server has.
 */

const TODAY = '2026-12-02';

/** What is compared today; each analytics query joins this list as it lands on main. */
const EXPECTED_SECTIONS = [
  'evaluations',
  'annualResult',
  'performanceTrend',
  'agencyComparison',
  'scoreStatistics',
  'distributionCheck',
  'trainingImpact',
  'raterObjectivity',
];

interface Setup {
  db: TestDatabase;
  server: TestServer;
  dir: string;
  data: Dataset;
  token: string;
}

async function importedServer(seed: number, employees: number): Promise<Setup> {
  const dir = await mkdtemp(join(tmpdir(), 'kinerja-checker-'));
  const written = await writeDemoData(dir, { seed, employees, today: TODAY });
  const db = await createTestDatabase();
  const report = await runImport({ orm: db.orm, folder: dir, actor: 'test:checker' });
  expect(report.errors).toEqual([]);
  expect(report.committed).toBe(true);
  // As the demo load does: the quarters before the current one are closed history (stored, frozen results).
  const { current } = written.settings;
  const through =
    current.quarter === 1
      ? { year: current.year - 1, quarter: 4 }
      : { year: current.year, quarter: current.quarter - 1 };
  await closeHistoryThrough(db.orm, through, {
    actor: 'test:checker',
    policy: DEFAULT_SCORING_POLICY,
    reason: 'checker test: history',
  });
  const { token } = await accountToken(db.orm.em.fork(), { login: 'checker-admin', role: 'ADMIN' });
  const server = await startTestServer(db.orm, UNLIMITED_COST);
  return { db, server, dir, data: loadFolder(dir), token };
}

async function teardown(setup: Setup | undefined): Promise<void> {
  if (!setup) return;
  await setup.server.stop();
  await setup.db.close();
  await rm(setup.dir, { recursive: true, force: true });
}

function summary(report: CheckReport): string {
  return report.mismatches
    .slice(0, 20)
    .map(
      (m) =>
        `${m.section} ${m.key} ${m.field}: expected ${JSON.stringify(m.expected)}, API ${JSON.stringify(m.actual)}`,
    )
    .join('\n');
}

describe.each([
  { name: 'demo data (seed 2017)', seed: 2017, employees: 240 },
  { name: 'a second seed (7)', seed: 7, employees: 160 },
])('checker against the API: $name', ({ seed, employees }) => {
  let setup: Setup | undefined;

  beforeAll(async () => {
    setup = await importedServer(seed, employees);
  }, 300_000);

  afterAll(async () => {
    await teardown(setup);
  });

  it('finds every recomputed figure in the API', async () => {
    const { server, data, token } = setup!;
    const report = await checkAgainstApi({ url: `${server.url}/graphql`, token }, data);
    for (const section of EXPECTED_SECTIONS) expect(report.compared).toContain(section);
    expect(summary(report)).toBe('');
    // Every counted evaluation and annual result at least, with several figures each.
    const counted = data.evaluations.filter((e) => e.status !== 'DRAFT' && e.status !== 'OBJECTED').length;
    expect(report.figures).toBeGreaterThan(counted * 6);
    // The people analytics are compared on real figures: a training impact shown, assessors with numbers.
    expect(trainingImpact(data, {}).suppressed).toBe(false);
    expect(trainingImpact(data, {}).preTrend).not.toBeNull();
    expect(raterObjectivity(data, { from: 0, to: 4 * 3000 }).length).toBeGreaterThan(5);
  }, 300_000);

  it('reports a figure that differs (one recomputed score moved by 0.01)', async () => {
    const { server, data, token } = setup!;
    const target = data.evaluations.find((e) => e.score !== null && e.status === 'FINAL')!;
    const altered: Dataset = {
      ...data,
      evaluations: data.evaluations.map((e) => (e === target ? { ...e, score: (e.score as number) + 0.01 } : e)),
    };
    const report = await checkAgainstApi({ url: `${server.url}/graphql`, token }, altered);
    expect(report.mismatches).toContainEqual({
      section: 'evaluations',
      key: `${target.nip}|${target.year}|${target.quarter}`,
      field: 'score',
      expected: (target.score as number) + 0.01,
      actual: target.score,
    });
  }, 300_000);
});
