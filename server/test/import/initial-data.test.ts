import type { EntityManager } from '@mikro-orm/postgresql';
import { DEFAULT_SCORING_POLICY } from '@kinerja/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { generateDemoData, type DemoDataSet } from '../../src/demo-data/generate.js';
import { loadInitialData } from '../../src/db/initial-data.js';
import { accountToken } from '../helpers/auth.js';
import { checkStoredResults } from '../helpers/results-check.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { tableCounts } from './helpers.js';

const EMPLOYEES = 150;

interface Counts {
  expected: number;
  notStarted: number;
  notEvaluated: number;
  drafted: number;
  submitted: number;
  objected: number;
  acknowledged: number;
  final: number;
  shareSubmitted: number | null;
  shareFinal: number | null;
}

const COUNTS =
  'expected notStarted notEvaluated drafted submitted objected acknowledged final shareSubmitted shareFinal';
const COMPLETION = `query ($year: Int!, $quarter: Int!) {
  completion(year: $year, quarter: $quarter) {
    totals { ${COUNTS} }
    groups { agency { code } ${COUNTS} pending { status waitingFor } }
  }
  completionShares(year: $year, quarter: $quarter) { agency { code } expected shareSubmitted shareFinal }
}`;

interface CompletionAnswer {
  completion: {
    totals: Counts;
    groups: (Counts & { agency: { code: string }; pending: { status: string; waitingFor: string }[] })[];
  };
  completionShares: {
    agency: { code: string };
    expected: number;
    shareSubmitted: number | null;
    shareFinal: number | null;
  }[];
}

/**
 * The demo data on first start (docs/demo-data.md), as of the date the test suite fixes in its configuration
 * (`KINERJA_DEMO_TODAY`, 2 December 2026): history from 2023 Q1 closed through 2026 Q3, 2026 Q4 open with work in
 * every state. The expectations come from the generator's own rows (what scores.csv says of each evaluation), not
 * from the database the load wrote.
 */
describe('demo data on first start: generated, imported through the importer, history closed, current quarter open', () => {
  let db: TestDatabase;
  let server: TestServer;
  let admin: Record<string, string>;
  let data: DemoDataSet;
  const log: string[] = [];
  const today = loadConfig().demoToday;

  /** Per quarter "year-quarter": NIP -> the status scores.csv gives the evaluation (FINAL for an empty one). */
  const statuses = new Map<string, Map<string, string>>();

  beforeAll(async () => {
    db = await createTestDatabase();
    data = generateDemoData({ employees: EMPLOYEES, today: today ?? undefined });
    for (const row of data.scores) {
      const key = `${row.year}-${row.quarter}`;
      let quarter = statuses.get(key);
      if (!quarter) statuses.set(key, (quarter = new Map()));
      quarter.set(row.nip, row.status ?? 'FINAL');
    }
  });

  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  async function completionOf(year: number, quarter: number): Promise<CompletionAnswer> {
    const body = await server.graphql<CompletionAnswer>(COMPLETION, { year, quarter }, admin);
    expect(body.errors).toBeUndefined();
    return body.data!;
  }

  /** Employees active at some time in the quarter (whom the completion monitor expects), from employees.csv. */
  function activeIn(year: number, quarter: number): string[] {
    const starts = `${year}-${String(quarter * 3 - 2).padStart(2, '0')}-01`;
    const ends = `${year}-${String(quarter * 3).padStart(2, '0')}-${quarter === 1 || quarter === 4 ? 31 : 30}`;
    return data.employees
      .filter((e) => e.activeFrom <= ends && (e.activeTo === null || e.activeTo >= starts))
      .map((e) => e.nip);
  }

  it('the test suite fixes today by configuration', () => {
    expect(today).toBe('2026-12-02');
    expect(data.settings.current).toEqual({ year: 2026, quarter: 4, index: 15 });
  });

  it('loads into an empty database, closes 2023 Q1 - 2026 Q3, leaves 2026 Q4 open, never loads over existing data', async () => {
    expect(await loadInitialData(db.orm, { log: (l) => log.push(l), employees: EMPLOYEES, today: today! })).toBe(true);
    const counts = await tableCounts(db.orm);
    expect(counts.employee).toBe(EMPLOYEES);
    expect(counts.evaluation_score).toBeGreaterThan(10_000);
    const conn = db.orm.em.getConnection();
    const periods = await conn.execute<{ label: string; status: string }[]>(
      `select year || '-Q' || quarter as label, status from period order by year, quarter`,
    );
    expect(periods.filter((p) => p.status === 'OPEN').map((p) => p.label)).toEqual(['2026-Q4']);
    expect(periods.filter((p) => p.status === 'CLOSED')).toHaveLength(15);
    expect(periods[0]!.label).toBe('2023-Q1');
    const audit = await conn.execute<{ actor: string; action: string }[]>(
      'select actor, action, count(*)::int as n from audit_log group by actor, action order by action',
    );
    expect(audit).toEqual([
      { actor: 'system:demo-data', action: 'evaluation.object', n: data.objections.length },
      { actor: 'system:demo-data', action: 'import.run', n: 1 },
      { actor: 'system:demo-data', action: 'period.close', n: 15 },
    ]);
    // Every evaluation of a closed period is FINAL with stored results (the history has no drafts or objections).
    const [open] = await conn.execute<{ n: number }[]>(
      `select count(*)::int as n from evaluation e join period p on p.id = e.period_id
        where p.status = 'CLOSED' and (e.status <> 'FINAL' or e.policy_version is null)`,
    );
    expect(open!.n).toBe(0);
    expect(log.some((l) => /^Demo data loaded in [\d.]+ s: .* 2026 Q4 open with \d+ objections\.$/.test(l))).toBe(true);

    expect(await loadInitialData(db.orm, { log: (l) => log.push(l), employees: EMPLOYEES, today: today! })).toBe(false);
    expect(await tableCounts(db.orm)).toEqual(counts);

    const em = db.orm.em.fork() as EntityManager;
    admin = (await accountToken(em, { login: 'admin', role: 'ADMIN' })).headers;
    server = await startTestServer(db.orm);
  });

  it('stores results for every evaluation with scores, open quarter included, as the shared rules compute them', async () => {
    const check = await checkStoredResults(db.orm, DEFAULT_SCORING_POLICY);
    expect(check.mismatches.slice(0, 10)).toEqual([]);
    // Drafts are in: every evaluation of the current quarter has scores, so every one is checked.
    expect(check.withScores).toBe(check.evaluations);
    expect(check.evaluations).toBeGreaterThan(2000);
  });

  it('the objections are filed by their employees, with their reasons, and wait for a decision', async () => {
    expect(data.objections.length).toBeGreaterThan(0);
    const rows = await db.orm.em
      .getConnection()
      .execute<
        { nip: string; year: number; quarter: number; reason: string; status: string; evaluation_status: string }[]
      >(
        `select emp.nip, p.year, p.quarter, o.reason, o.status, e.status as evaluation_status
         from objection o join evaluation e on e.id = o.evaluation_id join employee emp on emp.id = e.employee_id
         join period p on p.id = e.period_id
        where o.filed_by_id = e.employee_id
        order by emp.nip`,
      );
    const wanted = [...data.objections].sort((a, b) => a.nip.localeCompare(b.nip));
    expect(rows).toEqual(wanted.map((o) => ({ ...o, status: 'PENDING', evaluation_status: 'OBJECTED' })));
    // Indonesian reasons, as the employee wrote them.
    for (const { reason } of rows) expect(reason).toMatch(/ (yang|dan|saya|tidak|belum|sudah) /);
  });

  it('completion of the open current quarter shows work in every state, as scores.csv left it', async () => {
    const { completion, completionShares } = await completionOf(2026, 4);
    const csv = statuses.get('2026-4')!;
    const objected = new Set(data.objections.map((o) => o.nip));
    const count = (status: string) =>
      [...csv.entries()].filter(([nip, s]) => (objected.has(nip) ? 'OBJECTED' : s) === status).length;
    const expected = activeIn(2026, 4).length;
    const t = completion.totals;
    expect(t).toEqual({
      expected,
      notStarted: expected - csv.size,
      notEvaluated: 0,
      drafted: count('DRAFT'),
      submitted: count('SUBMITTED'),
      objected: data.objections.length,
      acknowledged: count('ACKNOWLEDGED'),
      final: count('FINAL'),
      shareSubmitted: (count('SUBMITTED') + data.objections.length + count('ACKNOWLEDGED') + count('FINAL')) / expected,
      shareFinal: count('FINAL') / expected,
    });
    // Work in every state: a mid-quarter, not a finished or an untouched one.
    for (const state of ['notStarted', 'drafted', 'submitted', 'objected', 'acknowledged', 'final'] as const) {
      expect(t[state], state).toBeGreaterThan(0);
    }
    expect(t.shareSubmitted!).toBeGreaterThan(0.2);
    expect(t.shareSubmitted!).toBeLessThan(0.8);
    const waiting = new Set(completion.groups.flatMap((g) => g.pending.map((p) => `${p.status}:${p.waitingFor}`)));
    expect([...waiting].sort()).toEqual([
      'ACKNOWLEDGED:FINALISER',
      'DRAFT:ASSESSOR',
      'NOT_STARTED:ASSESSOR',
      'OBJECTED:OBJECTION_DECIDER',
      'SUBMITTED:EMPLOYEE',
    ]);

    // completionShares: the groups of each agency added up, and the shares worked from those sums.
    const byAgency = new Map<string, { expected: number; submitted: number; final: number }>();
    for (const g of completion.groups) {
      const sums = byAgency.get(g.agency.code) ?? { expected: 0, submitted: 0, final: 0 };
      sums.expected += g.expected;
      sums.submitted += g.submitted + g.objected + g.acknowledged + g.final;
      sums.final += g.final;
      byAgency.set(g.agency.code, sums);
    }
    expect(completionShares).toHaveLength(27);
    for (const share of completionShares) {
      const sums = byAgency.get(share.agency.code) ?? { expected: 0, submitted: 0, final: 0 };
      expect(share, share.agency.code).toEqual({
        agency: share.agency,
        expected: sums.expected,
        shareSubmitted: sums.expected === 0 ? null : sums.submitted / sums.expected,
        shareFinal: sums.expected === 0 ? null : sums.final / sums.expected,
      });
    }
    expect(completionShares.reduce((n, s) => n + s.expected, 0)).toBe(expected);
  });

  it('closed quarters show NOT_EVALUATED where nothing was started, and nobody waits for them', async () => {
    let notEvaluated = 0;
    for (const period of data.settings.quarters.slice(0, -1)) {
      const { completion } = await completionOf(period.year, period.quarter);
      const csv = statuses.get(`${period.year}-${period.quarter}`)!;
      const expected = activeIn(period.year, period.quarter).length;
      const label = `${period.year} Q${period.quarter}`;
      expect(completion.totals, label).toEqual({
        expected,
        notStarted: 0,
        notEvaluated: expected - csv.size,
        drafted: 0,
        submitted: 0,
        objected: 0,
        acknowledged: 0,
        final: csv.size,
        shareSubmitted: csv.size / expected,
        shareFinal: csv.size / expected,
      });
      for (const group of completion.groups) {
        for (const item of group.pending)
          expect(item, label).toEqual({ status: 'NOT_EVALUATED', waitingFor: 'NOBODY' });
      }
      notEvaluated += completion.totals.notEvaluated;
    }
    // Leave, and people who joined or left within a quarter: some in the history.
    expect(notEvaluated).toBeGreaterThan(0);
  });
});
