import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.js';
import { accountToken } from '../helpers/auth.js';
import { createPrivateCluster, freePort, type PrivateCluster } from '../helpers/private-cluster.js';
import { buildScenario, DEFAULT_AGENCIES, type Scenario } from '../helpers/scenario.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/**
 * docs/operations.md "Faults", tried on a private PostgreSQL 15 cluster (never the machine's shared one):
 * connections terminated in the middle of an import and of a save, the server process killed (SIGKILL) in the middle
 * of writes ten times, and PostgreSQL stopped and restarted under load. Each trial checks what a user would notice:
 * a clear error, no half-written rows, no acknowledged write lost, and a server that comes back by itself.
 */
const MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

/** The nine judged criteria every agency has (the scenario's city catalogue): a save writes nine score rows. */
const JUDGED = [
  'PROFESIONALISME',
  'INOVASI',
  'BERORIENTASI_PELAYANAN',
  'AKUNTABEL',
  'KOMPETEN',
  'HARMONIS',
  'LOYAL',
  'ADAPTIF',
  'KOLABORATIF',
];

const SAVE = `mutation ($input: SaveEvaluationDraftInput!) { saveEvaluationDraft(input: $input) { id version } }`;

function saveInput(nip: string, seed: number) {
  return {
    input: {
      employeeNip: nip,
      period: { year: 2025, quarter: 1 },
      scores: JUDGED.map((criterionCode, i) => ({ criterionCode, score: 80 + ((seed + i) % 40) })),
      reason: 'fault trial',
    },
  };
}

interface Answer {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

async function post(url: string, headers: Record<string, string>, query: string, variables?: unknown): Promise<Answer> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('fault trials (private PostgreSQL 15 cluster)', () => {
  let cluster: PrivateCluster;
  let db: Database;
  let scenario: Scenario;
  let headers: Record<string, string>;
  /** A plain client for the checks, apart from the pools under trial. */
  let check: pg.Client;
  let nextEmployee = 1;

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build the server first (pnpm run build)`);
    cluster = await createPrivateCluster();
    await cluster.client('createdb', ['kinerja']);
    db = await openDatabase({ databaseUrl: cluster.url('kinerja'), dataDir: null, poolMax: 6 });
    // Employees with no evaluation yet in the open quarter: each save below starts one (an evaluation, nine scores,
    // its results and an audit entry in one transaction).
    scenario = await buildScenario(db.orm, {
      employees: 200,
      quarters: [1],
      agencies: [DEFAULT_AGENCIES[0]!],
      status: () => null,
    });
    ({ headers } = await accountToken(db.orm.em.fork(), { login: 'admin.faults', role: 'ADMIN' }));
    check = new pg.Client({ connectionString: cluster.url('kinerja') });
    // The restart trial stops the server under this client: its end is expected there.
    check.on('error', () => undefined);
    await check.connect();
  });

  afterAll(async () => {
    await check?.end().catch(() => undefined);
    await db?.close().catch(() => undefined);
    await cluster?.destroy();
  });

  const count = async (sql: string, params: unknown[] = []) =>
    Number((await check.query<{ n: number }>(sql, params)).rows[0]!.n);

  /**
   * Blocks every write to `table` (reads go on) until the returned release is called, waits for a backend of the
   * database to be stuck on that lock after it has written (it holds a transaction id), and terminates it.
   */
  async function terminateMidWrite(table: string, start: () => Promise<Answer>): Promise<Answer> {
    const locker = new pg.Client({ connectionString: cluster.url('kinerja') });
    locker.on('error', () => undefined);
    await locker.connect();
    try {
      await locker.query('begin');
      await locker.query(`lock table ${table} in exclusive mode`);
      const answer = start();
      let victim: { pid: number; backend_xid: string | null } | undefined;
      for (let i = 0; i < 200 && !victim; i++) {
        await sleep(50);
        victim = (
          await check.query<{ pid: number; backend_xid: string | null }>(
            `select pid, backend_xid::text from pg_stat_activity
              where datname = current_database() and wait_event_type = 'Lock' and pid <> $1`,
            [(locker as unknown as { processID: number }).processID],
          )
        ).rows[0];
      }
      expect(victim, `a writer waiting on ${table}`).toBeDefined();
      // It had written rows in its transaction before it reached the lock: a real half-way point.
      expect(victim!.backend_xid).not.toBeNull();
      await check.query('select pg_terminate_backend($1)', [victim!.pid]);
      await locker.query('commit');
      return await answer;
    } finally {
      await locker.end();
    }
  }

  it('a connection terminated mid-import: a clear error, no row of the import, and the next import works', async () => {
    const server = await startTestServer(db.orm);
    try {
      const employees = ['nip,name,gender,employment_type,agency_code'];
      for (let i = 0; i < 50; i++) {
        employees.push(
          `19800101${String(2005 + (i % 15))}011${String(100 + i).slice(-3)},Pegawai Impor ${i},L,PNS,DISDIK`,
        );
      }
      const variables = {
        input: { files: [{ name: 'employees.csv', content: employees.join('\n') + '\n' }], reason: 'fault trial' },
      };
      const IMPORT = `mutation ($input: ImportDataInput!) { importData(input: $input) { committed files { file created } } }`;
      const before = {
        employees: await count('select count(*)::int as n from employee'),
        audit: await count('select count(*)::int as n from audit_log'),
      };
      // The import writes the employees, then its audit entry: held at the audit entry, it is terminated.
      const answer = await terminateMidWrite('audit_log', () => post(server.url, headers, IMPORT, variables));
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect(answer.body.errors?.[0]?.message).toMatch(
        /^Koneksi ke basis data terputus.*connection to the database was lost/,
      );
      expect(await count('select count(*)::int as n from employee')).toBe(before.employees);
      expect(await count('select count(*)::int as n from audit_log')).toBe(before.audit);

      const again = await post(server.url, headers, IMPORT, variables);
      expect(again.body.errors).toBeUndefined();
      expect(again.body.data).toMatchObject({
        importData: { committed: true, files: [{ file: 'employees.csv', created: 50 }] },
      });
      expect(await count('select count(*)::int as n from employee')).toBe(before.employees + 50);
    } finally {
      await server.stop();
    }
  });

  it('a connection terminated mid-save: a clear error, no evaluation, score or audit entry, and the retry works', async () => {
    const server = await startTestServer(db.orm);
    try {
      const employee = scenario.employees[nextEmployee++]!;
      const rows = async () =>
        count(
          `select (select count(*) from evaluation e where e.employee_id = $1)
                + (select count(*) from evaluation_score s join evaluation e on e.id = s.evaluation_id
                    where e.employee_id = $1)::int as n`,
          [employee.id],
        );
      const audit = await count('select count(*)::int as n from audit_log');
      expect(await rows()).toBe(0);
      // The save writes the evaluation first, then its scores: held at the scores, it is terminated.
      const answer = await terminateMidWrite('evaluation_score', () =>
        post(server.url, headers, SAVE, saveInput(employee.nip, 1)),
      );
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect(answer.body.errors?.[0]?.message).toMatch(/^Koneksi ke basis data terputus/);
      expect(await rows()).toBe(0);
      expect(await count('select count(*)::int as n from audit_log')).toBe(audit);

      const retry = await post(server.url, headers, SAVE, saveInput(employee.nip, 1));
      expect(retry.body.errors).toBeUndefined();
      expect(
        await count(
          `select count(*)::int as n from evaluation_score s join evaluation e on e.id = s.evaluation_id
            where e.employee_id = $1`,
          [employee.id],
        ),
      ).toBe(JUDGED.length);
    } finally {
      await server.stop();
    }
  });

  it(
    'SIGKILL of the server mid-write, 10 times: no partial rows, no acknowledged write lost',
    { timeout: 300_000 },
    async () => {
      const acknowledged: string[] = [];
      let inFlightAtKill = 0;
      let lostAnswers = 0;
      for (let round = 0; round < 10; round++) {
        const port = await freePort();
        const child: ChildProcess = spawn(process.execPath, [MAIN], {
          env: {
            ...process.env,
            DATABASE_URL: cluster.url('kinerja'),
            KINERJA_DEMO_DATA: 'false',
            NODE_ENV: 'production',
            LOG_LEVEL: 'silent',
            PORT: String(port),
            HOST: '127.0.0.1',
          },
          stdio: 'ignore',
        });
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        const url = `http://127.0.0.1:${port}`;
        try {
          for (let i = 0; ; i++) {
            expect(i, 'the server starts within 60 s').toBeLessThan(600);
            const ready = await fetch(`${url}/readyz`).catch(() => null);
            if (ready?.status === 200) break;
            await sleep(100);
          }
          let inFlight = 0;
          let stop = false;
          let failure: unknown = null;
          const writer = async () => {
            while (!stop) {
              const employee = scenario.employees[nextEmployee++]!;
              inFlight++;
              try {
                const answer = await post(url, headers, SAVE, saveInput(employee.nip, round));
                if (answer.body.errors === undefined && answer.body.data) acknowledged.push(employee.nip);
                else throw new Error(JSON.stringify(answer.body.errors));
              } catch (error) {
                if (!stop) {
                  failure ??= error;
                  stop = true;
                } else lostAnswers++;
              } finally {
                inFlight--;
              }
            }
          };
          const writers = [writer(), writer(), writer(), writer()];
          // Kill once some writes were acknowledged, while others are under way.
          const killAt = acknowledged.length + 1 + (round % 3);
          while ((acknowledged.length < killAt || inFlight === 0) && failure === null) await sleep(5);
          expect(failure, 'a save refused before the kill').toBeNull();
          inFlightAtKill += inFlight;
          stop = true;
          child.kill('SIGKILL');
          await Promise.all(writers);
        } finally {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
          await exited;
        }
      }
      console.log(
        `kill trials: 10 kills, ${acknowledged.length} acknowledged saves, ${inFlightAtKill} saves in flight at the ` +
          `kills (${lostAnswers} without an answer)`,
      );
      expect(inFlightAtKill).toBeGreaterThanOrEqual(10);

      // Every acknowledged save is there, whole: the evaluation, its nine scores, its audit entry.
      const found = await check.query<{ nip: string; scores: number; audited: number }>(
        `select e2.nip, count(s.id)::int as scores,
              (select count(*)::int from audit_log a where a.entity_type = 'evaluation' and a.entity_id = e.id::text) as audited
         from evaluation e join employee e2 on e2.id = e.employee_id
         left join evaluation_score s on s.evaluation_id = e.id
        group by e.id, e2.nip`,
      );
      const byNip = new Map(found.rows.map((r) => [r.nip, r]));
      const missing = acknowledged.filter((nip) => !byNip.has(nip));
      expect(missing, 'acknowledged saves lost').toEqual([]);
      // No partial rows: every evaluation in the database (acknowledged or not) has all its scores and its audit entry.
      const partial = found.rows.filter((r) => r.scores !== JUDGED.length || r.audited < 1);
      expect(partial, 'evaluations written in part').toEqual([]);
      expect(
        await count(
          'select count(*)::int as n from evaluation_score where evaluation_id not in (select id from evaluation)',
        ),
      ).toBe(0);
      // The stored results follow their scores (a quarterly result row per scored evaluation).
      expect(
        await count(
          `select count(*)::int as n from evaluation where score is null and id in (select evaluation_id from evaluation_score)`,
        ),
      ).toBe(0);
    },
  );

  it('PostgreSQL stopped and restarted under load: /readyz says not ready meanwhile, and the server is ready again by itself within 30 s', async () => {
    const server: TestServer = await startTestServer(db.orm);
    try {
      let stop = false;
      const slowest = { ms: 0 };
      const codes = new Map<string, number>();
      const reader = async () => {
        while (!stop) {
          const started = Date.now();
          const answer = await post(server.url, headers, '{ agencies { code employeeCount } }');
          slowest.ms = Math.max(slowest.ms, Date.now() - started);
          const code = answer.body.errors?.[0]?.extensions?.code ?? 'ok';
          codes.set(code, (codes.get(code) ?? 0) + 1);
          if (code !== 'ok') await sleep(50);
        }
      };
      const readers = [reader(), reader(), reader()];
      await sleep(300);
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);

      await cluster.stop('fast');
      await check.end().catch(() => undefined);
      const notReady = await fetch(`${server.url}/readyz`);
      expect(notReady.status).toBe(503);
      expect(((await notReady.json()) as { status: string }).status).toBe('unavailable');
      await sleep(1500);
      expect((await fetch(`${server.url}/readyz`)).status).toBe(503);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

      await cluster.start();
      const restarted = Date.now();
      let readyAfter = -1;
      while (Date.now() - restarted < 30_000) {
        const ready = await fetch(`${server.url}/readyz`);
        if (ready.status === 200) {
          readyAfter = Date.now() - restarted;
          break;
        }
        await sleep(100);
      }
      const okBefore = codes.get('ok') ?? 0;
      await sleep(500);
      stop = true;
      await Promise.all(readers);
      console.log(
        `database restart: ready again ${readyAfter} ms after PostgreSQL was back; answers during the trial ` +
          `${JSON.stringify(Object.fromEntries(codes))}; slowest answer ${slowest.ms} ms`,
      );
      expect(readyAfter).toBeGreaterThanOrEqual(0);
      expect(readyAfter).toBeLessThan(30_000);
      // While the database was away, reads were told so (not a bare internal error) and never hung.
      expect(codes.get('SERVICE_UNAVAILABLE') ?? 0).toBeGreaterThan(0);
      expect(codes.get('INTERNAL_SERVER_ERROR') ?? 0).toBe(0);
      expect(slowest.ms).toBeLessThan(10_000);
      // And reads are answered again.
      expect(codes.get('ok') ?? 0).toBeGreaterThan(okBefore);
    } finally {
      await server.stop();
    }
  });
});
