import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountToken } from '../helpers/auth.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { buildScenario, type Scenario } from '../helpers/scenario.js';
import { startTestServer, type TestServer, type GraphQLResponse } from '../helpers/server.js';
import { auditOf, SAVE, type EvaluationAnswer } from './helpers.js';

/**
 * Acceptance 2: 20 concurrent saves of one evaluation, all based on the same version, through the HTTP API with a
 * pool of 10 connections: exactly one succeeds, 19 are refused with CONFLICT and the current version, and the stored
 * scores are the winner's.
 *
 * On PostgreSQL (CI, TEST_DATABASE_URL) the saves are made to really overlap: a separate connection holds the
 * evaluation's row lock while the 20 requests arrive, and lets go only once every pooled connection is waiting on
 * it, so all of them compare their version at the same moment. The embedded PGlite serves one connection and runs
 * the saves one after the other; the invariant is asserted the same way there.
 */
describe('acceptance 2: concurrent saves of one evaluation', () => {
  const SAVES = 20;
  const POOL = 10;
  let db: TestDatabase;
  let scenario: Scenario;
  let server: TestServer;
  let supervisor: Record<string, string>;
  let evaluationId: number;

  beforeAll(async () => {
    db = await createTestDatabase({ poolMax: POOL });
    scenario = await buildScenario(db.orm, {
      employees: 4,
      quarters: [1],
      status: (index) => (index === 3 ? 'DRAFT' : 'SUBMITTED'),
    });
    evaluationId = scenario.evaluations.find((e) => e.employeeIndex === 3)!.id;
    const em = db.orm.em.fork();
    supervisor = (await accountToken(em, { login: 'atasan', role: 'SUPERVISOR', employeeId: scenario.employees[0].id }))
      .headers;
    server = await startTestServer(db.orm);
  });

  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  /** Sessions of this test's database waiting for a lock. */
  async function waitingOnLocks(client: pg.Client): Promise<number> {
    // Inside a transaction PostgreSQL answers statistics from a snapshot taken at their first read: take a new one.
    await client.query('select pg_stat_clear_snapshot()');
    const { rows } = await client.query<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`,
    );
    return rows[0].n;
  }

  it('exactly one of 20 saves with the same version wins; 19 get CONFLICT; the winner\u2019s scores are stored', async () => {
    const save = (i: number) =>
      server.graphql<{ saveEvaluationDraft: EvaluationAnswer }>(
        SAVE,
        {
          input: {
            evaluationId,
            version: 1,
            // Each save gives its own numbers, so the stored ones tell whose save won.
            scores: [
              { criterionCode: 'PROFESIONALISME', score: 80 + i },
              { criterionCode: 'INOVASI', score: 100 - i, evidence: `save ${i}` },
            ],
            reason: `save ${i}`,
          },
        },
        supervisor,
      );

    let results: GraphQLResponse<{ saveEvaluationDraft: EvaluationAnswer }>[];
    if (db.real) {
      const blocker = new pg.Client({ connectionString: db.url });
      await blocker.connect();
      try {
        await blocker.query('begin');
        await blocker.query('select id from evaluation where id = $1 for update', [evaluationId]);
        const pending = Array.from({ length: SAVES }, (_, i) => save(i));
        // Every pooled connection is inside a save's transaction, waiting for the row: the saves overlap.
        const deadline = Date.now() + 30_000;
        while ((await waitingOnLocks(blocker)) < POOL) {
          if (Date.now() > deadline) throw new Error('the saves never waited on the row lock together');
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        await blocker.query('commit');
        results = await Promise.all(pending);
      } finally {
        await blocker.end();
      }
    } else {
      results = await Promise.all(Array.from({ length: SAVES }, (_, i) => save(i)));
    }

    const winners = results.flatMap((r, i) => (r.errors ? [] : [i]));
    const losers = results.filter((r) => r.errors);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(SAVES - 1);
    for (const loser of losers) {
      expect(loser.errors).toHaveLength(1);
      expect(loser.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
      expect(loser.errors![0].message).toContain('versinya 2, bukan 1');
    }

    const winner = winners[0];
    expect(results[winner].data!.saveEvaluationDraft.version).toBe(2);
    const stored: { code: string; score: number; evidence: string | null }[] = await db.orm.em
      .fork()
      .getConnection()
      .execute(
        `select c.code, s.score, s.evidence from evaluation_score s join criterion c on c.id = s.criterion_id
          where s.evaluation_id = ? and c.code in ('PROFESIONALISME', 'INOVASI') order by c.code`,
        [evaluationId],
      );
    expect(stored).toEqual([
      { code: 'INOVASI', score: 100 - winner, evidence: `save ${winner}` },
      { code: 'PROFESIONALISME', score: 80 + winner, evidence: null },
    ]);
    const [row] = await db.orm.em
      .fork()
      .getConnection()
      .execute('select version from evaluation where id = ?', [evaluationId]);
    expect(row.version).toBe(2);

    // One audit entry: the winner's.
    const entries = await auditOf(db.orm.em.fork(), 'evaluation', evaluationId);
    expect(entries.map((e) => [e.action, e.reason])).toEqual([['evaluation.save', `save ${winner}`]]);
  });

  it('the pool really has more than one connection on PostgreSQL', () => {
    // Guards the test above against a configuration that would serialise the saves on a real server.
    const pool = (db.orm.config.get('pool') ?? {}) as { max?: number };
    expect(pool.max).toBe(db.real ? POOL : 1);
  });
});
