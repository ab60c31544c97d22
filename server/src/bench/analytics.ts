import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import pg from 'pg';
import type { ScoringPolicy } from '@kinerja/shared';
import { REPO_ROOT } from '../config.js';
import { openDatabase, type Database } from '../db/database.js';
import { installAnalyticsRefresh, refreshAnalytics } from '../modules/analytics/refresh.js';
import { runImport } from '../modules/import/import.service.js';
import { closePeriod, inTransaction, onWritesDone, type Sql } from '../modules/results/index.js';
import { analyticsNip, generateAnalyticsData, shapeOf, type Shape } from './analytics-data.js';
import { analyticsPairs, type AnalyticsPair, type Plain } from './analytics-queries.js';
import { recreateDatabase, writeLines } from './import.js';
import {
  benchAdminToken,
  failed,
  freePort,
  percentile,
  post,
  startProcess,
  stopProcess,
  waitUntilAnswering,
  type Server,
} from './read.js';

/**
 * `pnpm bench analytics` (issue 9, docs/benchmarks.md "Analytics on 20 million scores"): on a generated
 * province-scale data set (analytics-data.ts), (a) each analytics query through this API (production mode, ADMIN
 * token, loopback) against a hand-written SQL aggregate over the raw tables computing the same figures
 * (analytics-queries.ts; the answers are compared first), with p50/p99 at 1 and `clients` concurrent clients; (b) the
 * writers with and without the read-model refresh: a 10,000-score import (the refresh hook timed inside the import's
 * transaction, and a second import with the hook off whose refresh is run afterwards) and the closing of a period of
 * 200 evaluations (`closePeriod`, then `refreshAnalytics`, timed apart in one transaction that is rolled back, so that
 * each repetition closes the same period).
 */

export interface AnalyticsBenchOptions {
  databaseUrl: string;
  /** Criterion scores to generate (rounded up to whole employees: 144 scores each). */
  scores: number;
  reuse: boolean;
  policy: ScoringPolicy;
  /** Seconds of load per query and client count (at least `minRequests` requests, at most `maxSeconds`). */
  seconds: number;
  minRequests: number;
  maxSeconds: number;
  clients: number;
  /** Timed runs of each raw SQL aggregate (after one untimed run that is checked against the API). */
  sqlRuns: number;
  /** Repetitions of the period closing. */
  closings: number;
  only: string[];
  /** Skip part (a) or (b). */
  parts: { queries: boolean; writers: boolean };
  log: (line: string) => void;
}

const IMPORT_SCORES = 10_000;
const CLOSING_EVALUATIONS = 200;

const fmt = (n: number, digits = 1) =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : '-';
const median = (values: number[]) => percentile(values, 50);
const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

async function loadedShape(url: string): Promise<number | null> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query(`select to_regclass('bench_analytics_meta') is not null as ready`);
    if (!rows[0].ready) return null;
    const meta = await client.query('select scores from bench_analytics_meta');
    return meta.rows[0] ? Number(meta.rows[0].scores) : null;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The bench database with the data set of `shape` (generated unless --reuse finds it), and an ADMIN token. */
async function prepare(
  options: AnalyticsBenchOptions,
  shape: Shape,
  secret: string,
): Promise<{ db: Database; token: string }> {
  const { log } = options;
  const loaded = options.reuse && (await loadedShape(options.databaseUrl)) === shape.scores;
  if (!loaded) await recreateDatabase(options.databaseUrl);
  const db = await openDatabase({ databaseUrl: options.databaseUrl, dataDir: null, poolMax: 4 });
  if (loaded) {
    log(
      `reusing ${new URL(options.databaseUrl).pathname.slice(1)} (--reuse): ${shape.scores.toLocaleString('en-US')} scores`,
    );
  } else {
    log(
      `generating ${shape.scores.toLocaleString('en-US')} criterion scores (${shape.employees.toLocaleString('en-US')} ` +
        `employees x 12 quarters x 12 criteria) into ${new URL(options.databaseUrl).pathname.slice(1)} (fresh database)`,
    );
    const t0 = Date.now();
    await generateAnalyticsData({
      orm: db.orm,
      shape,
      policy: options.policy,
      closingEvaluations: CLOSING_EVALUATIONS,
      log,
    });
    await db.orm.em
      .getConnection()
      .execute(
        `create table bench_analytics_meta (scores bigint not null); insert into bench_analytics_meta values (${shape.scores})`,
      );
    log(`  generated in ${fmt((Date.now() - t0) / 60_000)} min; load average ${loadAverage()}`);
  }
  const token = await benchAdminToken(db.orm.em.fork() as EntityManager, secret);
  return { db, token };
}

/** Whether two plain answers agree: the same rows and keys, counts and ranks exactly, other numbers within 1e-6. */
function differences(api: Plain, sql: Plain): string | null {
  if (api.length !== sql.length) return `${api.length} rows from the API, ${sql.length} from the SQL`;
  for (let i = 0; i < api.length; i++) {
    const a = api[i]!;
    const b = sql[i]!;
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const x = a[k];
      const y = b[k];
      if (typeof x === 'number' && typeof y === 'number') {
        const exact = /^(n|rank|nEmployees|nScores|nTreated|nControl|[A-Z_]+)$/.test(k);
        if (exact ? x !== y : Math.abs(x - y) > 1e-6 * Math.max(1, Math.abs(x))) {
          return `row ${i} (${a.key ?? ''} ${a.period ?? ''}) ${k}: API ${x}, SQL ${y}`;
        }
      } else if ((x ?? null) !== (y ?? null)) {
        return `row ${i} (${a.key ?? ''} ${a.period ?? ''}) ${k}: API ${String(x)}, SQL ${String(y)}`;
      }
    }
  }
  return null;
}

async function runSql(
  client: pg.Client,
  pair: AnalyticsPair,
): Promise<{ ms: number; results: Record<string, unknown>[][] }> {
  const t0 = performance.now();
  const results: Record<string, unknown>[][] = [];
  for (const statement of pair.sql) results.push((await client.query(statement.text, statement.params)).rows);
  return { ms: performance.now() - t0, results };
}

interface Run {
  latencies: number[];
  errors: number;
  seconds: number;
}

/** `clients` loops posting `body` until `seconds` have passed and `minRequests` were sent, or `maxSeconds` passed. */
async function load(server: Server, body: string, clients: number, options: AnalyticsBenchOptions): Promise<Run> {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const latencies: number[] = [];
  let errors = 0;
  let sent = 0;
  let lastError: string | null = null;
  const started = performance.now();
  const done = () => {
    const elapsed = (performance.now() - started) / 1000;
    return elapsed >= options.maxSeconds || (elapsed >= options.seconds && sent >= options.minRequests);
  };
  const client = async () => {
    while (!done()) {
      sent++;
      const t0 = performance.now();
      try {
        const reply = await post(agent, server, body);
        latencies.push(performance.now() - t0);
        if (failed(reply)) errors++;
      } catch (error) {
        // A connection reset: counted as an error (the server's own exit is checked after the run).
        errors++;
        lastError = error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  agent.destroy();
  if (server.child.exitCode !== null || server.child.signalCode !== null) {
    throw new Error(`the API exited during the load (${lastError ?? 'no error seen'})`);
  }
  return { latencies, errors, seconds: (performance.now() - started) / 1000 };
}

interface QueryFigures {
  pair: AnalyticsPair;
  sqlMs: number[];
  one: Run;
  many: Run;
  bytes: number;
}

async function benchQueries(options: AnalyticsBenchOptions, token: string, secret: string): Promise<void> {
  const { log } = options;
  const pairs = analyticsPairs(options.policy).filter(
    (p) => options.only.length === 0 || options.only.includes(p.name),
  );
  if (pairs.length === 0) throw new Error(`no query named ${options.only.join(', ')}`);
  const port = await freePort();
  const kinerja = startProcess([resolve(REPO_ROOT, 'server', 'dist', 'main.js')], {
    NODE_ENV: 'production',
    DATABASE_URL: options.databaseUrl,
    KINERJA_DEMO_DATA: 'false',
    KINERJA_TOKEN_SECRET: secret,
    HOST: '127.0.0.1',
    PORT: String(port),
    // The bench measures the analytics, not the request budget (docs/security.md): its rounds are over any budget.
    COST_BUDGET_ACCOUNTS: 'bench-admin=1000000000000',
    LOG_LEVEL: 'warn',
  });
  const server: Server = {
    name: 'kinerja',
    port,
    child: kinerja.child,
    headers: { authorization: `Bearer ${token}` },
    body: () => '',
  };
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  const figures: QueryFigures[] = [];
  try {
    await waitUntilAnswering(server, kinerja.child, kinerja.output);
    log(
      `this API (production, ADMIN token) pid ${kinerja.child.pid} on 127.0.0.1:${port}; load average ${loadAverage()}`,
    );
    const agent = new Agent({ keepAlive: true });
    for (const pair of pairs) {
      const body = JSON.stringify(pair.graphql);
      const reply = await post(agent, server, body).catch(() => post(new Agent({ keepAlive: false }), server, body));
      if (failed(reply)) throw new Error(`${pair.name}: the API failed: ${reply.text.slice(0, 2000)}`);
      const api = pair.fromApi((JSON.parse(reply.text) as { data: never }).data);
      const checked = await runSql(client, pair);
      const sql = pair.fromSql(checked.results, options.policy);
      const diff = differences(api, sql);
      if (diff !== null) {
        throw new Error(
          `${pair.name}: the API and the raw SQL disagree: ${diff}\n` +
            `API ${JSON.stringify(api).slice(0, 600)}\nSQL ${JSON.stringify(sql).slice(0, 600)}`,
        );
      }
      log(
        `same figures: ${pair.name} (${api.length} rows, ${fmt(Buffer.byteLength(reply.text) / 1024)} kB; ` +
          `untimed SQL run ${fmt(checked.ms, 0)} ms)`,
      );
      const sqlMs: number[] = [];
      for (let i = 0; i < options.sqlRuns; i++) sqlMs.push((await runSql(client, pair)).ms);
      // Warm the API on this query (plans, JIT) before it is timed.
      await load(server, body, 1, { ...options, seconds: 0, minRequests: 3, maxSeconds: 30 });
      const one = await load(server, body, 1, options);
      const many = await load(server, body, options.clients, { ...options, minRequests: options.minRequests * 2 });
      figures.push({ pair, sqlMs, one, many, bytes: Buffer.byteLength(reply.text) });
      log(
        `  ${pair.name.padEnd(20)} raw SQL ${sqlMs.map((t) => fmt(t, 0)).join(', ')} ms; API 1 client p50 ` +
          `${fmt(percentile(one.latencies, 50))} p99 ${fmt(percentile(one.latencies, 99))} ms (${one.latencies.length} req); ` +
          `${options.clients} clients p50 ${fmt(percentile(many.latencies, 50))} p99 ${fmt(percentile(many.latencies, 99))} ms ` +
          `(${many.latencies.length} req, ${fmt(many.latencies.length / many.seconds, 2)} req/s)` +
          `${one.errors + many.errors ? `  ${one.errors + many.errors} ERRORS` : ''}`,
      );
    }
    agent.destroy();
  } catch (error) {
    log(`the API's last output:\n${kinerja.output().slice(-3000)}`);
    throw error;
  } finally {
    await client.end();
    await stopProcess(kinerja.child);
  }
  log('');
  log(`(a) queries; load average ${loadAverage()}`);
  log('');
  log(
    `| query | raw SQL ms | API p50 / p99 ms, 1 client | raw SQL / API p50 (goal >= 100) | API p50 / p99 ms, ${options.clients} clients (goal p99 <= 100) | req/s at ${options.clients} |`,
  );
  log('|---|---|---|---|---|---|');
  for (const f of figures) {
    const sql = median(f.sqlMs);
    const p50 = percentile(f.one.latencies, 50);
    const ratio = sql / p50;
    const p99many = percentile(f.many.latencies, 99);
    log(
      `| ${f.pair.title} | ${fmt(sql, 0)} | ${fmt(p50)} / ${fmt(percentile(f.one.latencies, 99))} | ` +
        `**${fmt(ratio, ratio >= 10 ? 0 : 1)}x**${ratio >= 100 ? '' : ' (miss)'} | ` +
        `${fmt(percentile(f.many.latencies, 50))} / ${fmt(p99many)}${p99many <= 100 ? '' : ' (miss)'} | ` +
        `${fmt(f.many.latencies.length / f.many.seconds, 1)}${f.one.errors + f.many.errors ? ` (${f.one.errors + f.many.errors} errors)` : ''} |`,
    );
  }
}

/** Removes what an earlier run of part (b) left (2026-Q2 and -Q3 and their results and read-model rows). */
async function cleanWriters(db: Database): Promise<void> {
  await inTransaction(db.orm, async (sql) => {
    await sql.query(
      `delete from evaluation where period_id in (select id from period where year = 2026 and quarter in (2, 3))`,
    );
    await sql.query(`delete from period where year = 2026 and quarter in (2, 3)`);
    await sql.query(`delete from annual_result where year = 2026`);
    await sql.query(`delete from analytics_score where year = 2026 and quarter in (2, 3)`);
    await sql.query(`delete from analytics_evaluation where year = 2026 and quarter in (2, 3)`);
    await sql.query(`delete from analytics_cell where year = 2026 and quarter in (2, 3)`);
    await sql.query('delete from analytics_stale');
  });
}

/** A scores.csv of `IMPORT_SCORES` rows for `quarter` of 2026: employees spread over every agency, 12 criteria each. */
async function writeImport(dir: string, shape: Shape, quarter: number): Promise<void> {
  const codes = [
    'PROFESIONALISME',
    'DISIPLIN',
    'INOVASI',
    'CAPAIAN_RHK',
    'INDEKS_LAYANAN',
    'BERORIENTASI_PELAYANAN',
    'AKUNTABEL',
    'KOMPETEN',
    'HARMONIS',
    'LOYAL',
    'ADAPTIF',
    'KOLABORATIF',
  ];
  const employees = Math.ceil(IMPORT_SCORES / codes.length);
  const stride = Math.max(1, Math.floor(shape.employees / employees));
  await writeLines(
    join(dir, 'scores.csv'),
    (function* () {
      yield 'nip,year,quarter,criterion_code,score,realisation,assessor_nip,agency_code,status,evidence\n';
      let n = 0;
      for (let k = 0; n < IMPORT_SCORES; k++) {
        const i = (k * stride + quarter) % shape.employees;
        for (let c = 0; c < codes.length && n < IMPORT_SCORES; c++, n++) {
          yield `${analyticsNip(i)},2026,${quarter},${codes[c]},${70 + ((i * 7 + c * 13 + quarter) % 45)},,,,SUBMITTED,\n`;
        }
      }
    })(),
  );
}

async function benchWriters(options: AnalyticsBenchOptions, db: Database, shape: Shape): Promise<void> {
  const { log, policy } = options;
  await cleanWriters(db);
  log('');
  log(`(b) writers; load average ${loadAverage()}`);
  const dir = mkdtempSync(join(tmpdir(), 'kinerja-bench-analytics-import-'));
  const rows: string[] = [];
  try {
    // Import 1: the hook (refreshAnalytics at the end of the import's transaction) timed inside the import.
    const with1 = join(dir, 'q2');
    const without1 = join(dir, 'q3');
    mkdirSync(with1);
    mkdirSync(without1);
    await writeImport(with1, shape, 2);
    await writeImport(without1, shape, 3);
    let refreshMs = 0;
    let marks = 0;
    onWritesDone(async (sql) => {
      const t0 = performance.now();
      marks += await refreshAnalytics(sql);
      refreshMs += performance.now() - t0;
    });
    const t1 = performance.now();
    const r1 = await runImport({ orm: db.orm, folder: with1, actor: 'system:bench', policy });
    const importWith = performance.now() - t1;
    if (!r1.committed) throw new Error(`the import failed: ${JSON.stringify(r1.errors.slice(0, 3))}`);
    log(
      `  import of ${IMPORT_SCORES.toLocaleString('en-US')} scores (2026-Q2, ${r1.evaluations.created} new evaluations), ` +
        `refresh in its transaction: ${fmt(importWith, 0)} ms, of which the refresh ${fmt(refreshMs, 0)} ms (${marks} stale marks)`,
    );
    // Import 2: the same size into 2026-Q3 with the hook off; its marks refreshed afterwards, timed apart.
    onWritesDone(async () => undefined);
    const t2 = performance.now();
    const r2 = await runImport({ orm: db.orm, folder: without1, actor: 'system:bench', policy });
    const importWithout = performance.now() - t2;
    if (!r2.committed) throw new Error(`the import failed: ${JSON.stringify(r2.errors.slice(0, 3))}`);
    installAnalyticsRefresh();
    let deferredMarks = 0;
    const t3 = performance.now();
    await inTransaction(db.orm, async (sql) => {
      deferredMarks = await refreshAnalytics(sql);
    });
    const deferred = performance.now() - t3;
    log(
      `  import of ${IMPORT_SCORES.toLocaleString('en-US')} scores (2026-Q3, ${r2.evaluations.created} new evaluations), ` +
        `refresh hook off: ${fmt(importWithout, 0)} ms; its refresh afterwards (${deferredMarks} marks): ${fmt(deferred, 0)} ms`,
    );
    rows.push(
      `| import of ${IMPORT_SCORES.toLocaleString('en-US')} scores (new quarter, employees of every agency) | ` +
        `${fmt(importWith - refreshMs, 0)} (same import minus its refresh); ${fmt(importWithout, 0)} (second import, hook off) | ` +
        `${fmt(refreshMs, 0)}; ${fmt(deferred, 0)} (afterwards) | ${fmt(importWith, 0)} | ` +
        `${fmt((100 * refreshMs) / importWith, 0)} % |`,
    );

    // The closing: closePeriod then refreshAnalytics in one transaction, rolled back (the same period each time).
    const closeMs: number[] = [];
    const refreshClose: number[] = [];
    let closed = 0;
    const knex = db.orm.em.getConnection().getKnex();
    for (let i = 0; i < options.closings; i++) {
      const sql = (await knex.client.acquireConnection()) as Sql;
      try {
        await sql.query('begin');
        const a = performance.now();
        const result = await closePeriod(
          sql,
          { year: 2026, quarter: 1 },
          { actor: 'system:bench', policy, reason: 'bench' },
        );
        const b = performance.now();
        await refreshAnalytics(sql);
        const c = performance.now();
        await sql.query('rollback');
        closeMs.push(b - a);
        refreshClose.push(c - b);
        closed = result.finalized;
      } finally {
        await knex.client.releaseConnection(sql);
      }
    }
    log(
      `  closing 2026-Q1 (${closed} evaluations finalised), ${options.closings} times, rolled back: closePeriod ` +
        `${closeMs.map((t) => fmt(t, 0)).join(', ')} ms; refresh ${refreshClose.map((t) => fmt(t, 0)).join(', ')} ms`,
    );
    const cm = median(closeMs);
    const rm = median(refreshClose);
    rows.push(
      `| closing a period of ${closed} evaluations (median of ${options.closings}) | ${fmt(cm, 0)} | ${fmt(rm, 0)} | ` +
        `${fmt(cm + rm, 0)} | ${fmt((100 * rm) / (cm + rm), 0)} % |`,
    );
  } finally {
    installAnalyticsRefresh();
    rmSync(dir, { recursive: true, force: true });
  }
  log('');
  log('| writer | without the refresh, ms | the refresh, ms | with the refresh, ms | refresh share |');
  log('|---|---|---|---|---|');
  for (const row of rows) log(row);
}

export async function benchAnalytics(options: AnalyticsBenchOptions): Promise<void> {
  const shape = shapeOf(options.scores);
  const secret = randomBytes(36).toString('base64url');
  options.log(`load average at the start ${loadAverage()}`);
  const { db, token } = await prepare(options, shape, secret);
  try {
    if (options.parts.queries) await benchQueries(options, token, secret);
    if (options.parts.writers) await benchWriters(options, db, shape);
  } finally {
    await db.close();
  }
  options.log('');
  options.log(`load average at the end ${loadAverage()}`);
}
