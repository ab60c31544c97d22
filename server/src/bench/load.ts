import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import pg from 'pg';
import { BUDGET_CLASSES, REPO_ROOT } from '../config.js';
import { openDatabase } from '../db/database.js';
import { loadInitialData } from '../db/initial-data.js';
import { issueTokenForLogin } from '../modules/auth/auth.service.js';
import { ensureDemoAccounts } from '../modules/auth/demo-accounts.js';
import { dashboardQueries, rolesByFolder, type DashboardQuery } from './dashboard-mix.js';
import { recreateDatabase } from './import.js';
import { freePort, percentile, startProcess, stopProcess } from './read.js';

/**
 * `pnpm bench load` (issue 13, docs/benchmarks.md "Load: the dashboard's query mix"): the dashboard's queries, sent
 * with the demo accounts' tokens (each account only the queries of the pages its role may open, so the access rules
 * apply as in use), against this API in production mode on the demo data in PostgreSQL, on loopback:
 *
 * 1. the maximum sustainable throughput: closed-loop clients doubled (1, 2, 4, ...) until the throughput stops rising;
 * 2. half of that maximum for `steadySeconds` at a fixed arrival rate (open loop): goal p99 at most 3x p50, no error;
 * 3. twice the maximum for `overloadSeconds` (open loop): goal, what is beyond capacity refused quickly with 503 and
 *    the SERVER_AT_CAPACITY message (docs/operations.md "Overload"), and no request waiting in a queue past 10 s.
 *
 * The generator is a few lines over node:http (a keep-alive agent without a socket limit): an open-loop generator
 * must send at its rate whatever the server does, and autocannon, the well-kept Node option, is closed-loop per
 * connection (its `overallRate` caps the rate of a fixed set of connections, so requests wait for a free connection
 * on the client when the server is slow, which hides the very queueing the bench is after). Latency is counted from
 * the moment a request was due, not when it left, so a late generator cannot hide a slow server. Bounded in time:
 * every request gives up after 30 s, and each phase is fixed in length.
 */

export interface LoadBenchOptions {
  databaseUrl: string;
  reuse: boolean;
  rampSeconds: number;
  steadySeconds: number;
  overloadSeconds: number;
  /** The most closed-loop clients of the ramp. */
  maxClients: number;
  log: (line: string) => void;
}

interface Account {
  login: string;
  role: string;
  employeeId: number | null;
  agencyCode: string | null;
  token: string;
}

interface Facts {
  year: number;
  quarter: number;
  agencyCode: string;
  trainingCode: string | null;
  /** An evaluation of a direct report of each linked account, by employee id. */
  reportEvaluation: Map<number, number>;
}

/** One request of the mix: an account and a query with its variables, as the body and headers to send. */
interface Target {
  login: string;
  role: string;
  name: string;
  body: string;
  headers: Record<string, string | number>;
}

const REQUEST_TIMEOUT_MS = 30_000;

async function prepare(options: LoadBenchOptions, secret: string): Promise<{ accounts: Account[]; facts: Facts }> {
  let loaded = false;
  if (options.reuse) {
    const client = new pg.Client({ connectionString: options.databaseUrl });
    try {
      await client.connect();
      const { rows } = await client.query(`select to_regclass('evaluation') is not null as ready`);
      loaded = rows[0].ready && (await client.query('select 1 from evaluation limit 1')).rowCount === 1;
    } catch {
      loaded = false;
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  if (loaded) options.log('reusing the loaded bench database (--reuse)');
  else {
    options.log(`loading the demo data into ${new URL(options.databaseUrl).pathname.slice(1)} (fresh database)`);
    await recreateDatabase(options.databaseUrl);
  }
  const db = await openDatabase({ databaseUrl: options.databaseUrl, dataDir: null, poolMax: 2 });
  try {
    if (!loaded) await loadInitialData(db.orm, { log: (line) => options.log(`  ${line}`) });
    const em = db.orm.em.fork() as EntityManager;
    await ensureDemoAccounts(em);
    const rows: { login: string; role: string; employee_id: number | null; code: string | null }[] = await em
      .getConnection()
      .execute(
        `select u.login, u.role, u.employee_id, a.code from app_user u
           left join employee e on e.id = u.employee_id left join agency a on a.id = e.agency_id
          where u.login in ('admin', 'walikota', 'kebijakan', 'analis', 'kadisdik', 'kabid', 'kepsek', 'guru')
          order by u.id`,
      );
    const accounts: Account[] = [];
    for (const row of rows) {
      const { token } = await issueTokenForLogin(em.fork() as EntityManager, {
        actor: 'system:bench',
        login: row.login,
        hours: 2,
        secret,
      });
      accounts.push({ login: row.login, role: row.role, employeeId: row.employee_id, agencyCode: row.code, token });
    }
    const sql = em.getConnection();
    const [latest] = await sql.execute<{ year: number; quarter: number }[]>(
      `select p.year, p.quarter from period p where exists (select 1 from evaluation v where v.period_id = p.id)
        order by p.year desc, p.quarter desc limit 1`,
    );
    const [agency] = await sql.execute<{ code: string }[]>(
      `select a.code from agency a order by (select count(*) from employee e where e.agency_id = a.id) desc, a.code
        limit 1`,
    );
    const [training] = await sql.execute<{ code: string }[]>(
      `select t.code from training t order by (select count(*) from participation p where p.training_id = t.id) desc,
              t.code limit 1`,
    );
    const reportEvaluation = new Map<number, number>();
    for (const account of accounts) {
      if (account.employeeId === null) continue;
      const [evaluation] = await sql.execute<{ id: number }[]>(
        `select v.id from evaluation v join employee r on r.id = v.employee_id join period p on p.id = v.period_id
          where r.supervisor_id = ? order by p.year desc, p.quarter desc, v.id limit 1`,
        [account.employeeId],
      );
      if (evaluation) reportEvaluation.set(account.employeeId, evaluation.id);
    }
    if (!latest || !agency) throw new Error('the bench database holds no evaluations');
    return {
      accounts,
      facts: {
        year: latest.year,
        quarter: latest.quarter,
        agencyCode: agency.code,
        trainingCode: training?.code ?? null,
        reportEvaluation,
      },
    };
  } finally {
    await db.close();
  }
}

/**
 * The variables a page sends for a query, by the variable's name (the values a page starts with: the latest quarter
 * with evaluations and its year, the account's own agency for an agency head, else the largest agency, the
 * evaluation of a direct report). Optional ones are left out as the pages leave their filters empty, except an
 * agency head's own agency. A reason instead when a required variable has no value here (the query is then left
 * out, and said).
 */
function variablesFor(query: DashboardQuery, account: Account, facts: Facts): Record<string, unknown> | string {
  const variables: Record<string, unknown> = {};
  const ownAgency = account.role === 'AGENCY_HEAD' ? account.agencyCode : null;
  for (const variable of query.variables) {
    let value: unknown;
    switch (variable.name) {
      case 'year':
        value = facts.year;
        break;
      case 'quarter':
        value = facts.quarter;
        break;
      case 'code':
      case 'agencyCode':
        value = variable.required ? (ownAgency ?? facts.agencyCode) : ownAgency;
        break;
      case 'trainingCode':
        value = facts.trainingCode;
        break;
      case 'id':
        value = account.employeeId === null ? null : facts.reportEvaluation.get(account.employeeId);
        break;
      default:
        value = undefined;
    }
    if (value !== undefined && value !== null) variables[variable.name] = value;
    else if (variable.required) return `no value for $${variable.name}: ${variable.type}`;
  }
  return variables;
}

interface Reply {
  status: number;
  text: string;
  /** The wait for a place in the admission control (`Server-Timing: admission;dur=`), ms. */
  wait: number | null;
}

function post(agent: Agent, port: number, target: Target): Promise<Reply> {
  return new Promise((done, fail) => {
    const req = request(
      { agent, host: '127.0.0.1', port, path: '/graphql', method: 'POST', headers: target.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const timing = /admission;dur=([\d.]+)/.exec(String(res.headers['server-timing'] ?? ''));
          done({
            status: res.statusCode ?? 0,
            text: Buffer.concat(chunks).toString('utf8'),
            wait: timing ? Number(timing[1]) : null,
          });
        });
        res.on('error', fail);
      },
    );
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error(`no answer in ${REQUEST_TIMEOUT_MS / 1000} s`)));
    req.on('error', fail);
    req.end(target.body);
  });
}

type Outcome = 'ok' | 'refused' | 'error';

/** A refusal of the admission control: 503, SERVICE_UNAVAILABLE and the catalogue's SERVER_AT_CAPACITY message. */
function outcomeOf(reply: Reply): { outcome: Outcome; detail: string } {
  if (reply.status === 200 && !reply.text.includes('"errors":')) return { outcome: 'ok', detail: '' };
  if (
    reply.status === 503 &&
    reply.text.includes('"SERVICE_UNAVAILABLE"') &&
    reply.text.includes('Server sedang penuh') &&
    reply.text.includes('retryAfterSeconds')
  ) {
    return { outcome: 'refused', detail: '' };
  }
  const code = /"code":"([A-Z_]+)"/.exec(reply.text)?.[1] ?? 'no code';
  return { outcome: 'error', detail: `HTTP ${reply.status} ${code}` };
}

interface Sample {
  outcome: Outcome;
  /** From the moment the request was due to its answer, ms. */
  latency: number;
  wait: number | null;
  /** How late the generator sent it, ms (open loop). */
  late: number;
  detail: string;
}

async function send(agent: Agent, port: number, target: Target, due: number): Promise<Sample> {
  const late = performance.now() - due;
  try {
    const reply = await post(agent, port, target);
    const { outcome, detail } = outcomeOf(reply);
    return { outcome, latency: performance.now() - due, wait: reply.wait, late, detail };
  } catch (error) {
    return {
      outcome: 'error',
      latency: performance.now() - due,
      wait: null,
      late,
      detail: (error as Error).message,
    };
  }
}

const pick = (targets: Target[]) => targets[Math.floor(Math.random() * targets.length)]!;

/** `clients` loops, each sending the next request when the last was answered, for `seconds`. */
async function closedLoop(port: number, targets: Target[], clients: number, seconds: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const samples: Sample[] = [];
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) samples.push(await send(agent, port, pick(targets), performance.now()));
    }),
  );
  agent.destroy();
  const elapsed = (performance.now() - started) / 1000;
  const ok = samples.filter((s) => s.outcome === 'ok');
  return { rps: ok.length / elapsed, samples, elapsed };
}

/** Requests due at a fixed rate for `seconds`, each sent when due whatever the answers before it (open loop). */
async function openLoop(port: number, targets: Target[], rate: number, seconds: number) {
  // A connection per request: a kept-alive socket idle past the server's keep-alive timeout (5 s) may be closed as
  // it is reused (ECONNRESET), a client artefact at a few requests a second.
  const agent = new Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });
  const total = Math.max(1, Math.round(rate * seconds));
  const pending: Promise<Sample>[] = [];
  const names: string[] = [];
  const started = performance.now();
  await new Promise<void>((done) => {
    const tick = () => {
      const now = performance.now();
      const due = Math.min(total, Math.floor(((now - started) / 1000) * rate) + 1);
      while (pending.length < due) {
        const at = started + (pending.length / rate) * 1000;
        const target = pick(targets);
        names.push(target.name);
        pending.push(send(agent, port, target, at));
      }
      if (pending.length >= total) done();
      else setTimeout(tick, Math.max(1, Math.min(10, started + (pending.length / rate) * 1000 - performance.now())));
    };
    tick();
  });
  const sentIn = (performance.now() - started) / 1000;
  const samples = await Promise.all(pending);
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  return { samples, names, sentIn, elapsed, total };
}

const fmt = (n: number, digits = 0) =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : '-';

function errorSummary(samples: Sample[]): string {
  const counts = new Map<string, number>();
  for (const s of samples) if (s.outcome === 'error') counts.set(s.detail, (counts.get(s.detail) ?? 0) + 1);
  return [...counts].map(([detail, n]) => `${n} x ${detail}`).join('; ');
}

const load = () =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(' / ');

async function scrapeRefused(port: number): Promise<number | null> {
  try {
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    const match = /^kinerja_admission_refused_total (\S+)$/m.exec(text);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

export async function benchLoad(options: LoadBenchOptions): Promise<void> {
  const { log } = options;
  const benchStarted = performance.now();
  const secret = randomBytes(36).toString('base64url');
  const { accounts, facts } = await prepare(options, secret);

  const queries = dashboardQueries(REPO_ROOT);
  const roles = rolesByFolder(REPO_ROOT);
  const unrouted = [...new Set(queries.filter((q) => !roles.has(q.folder)).map((q) => `${q.name} (${q.source})`))];
  const candidates: Target[] = [];
  const leftOut: string[] = unrouted.map((q) => `${q}: no page of the route table`);
  for (const account of accounts) {
    for (const query of queries) {
      if (!roles.get(query.folder)?.has(account.role)) continue;
      const variables = variablesFor(query, account, facts);
      if (typeof variables === 'string') {
        leftOut.push(`${query.name} as ${account.login}: ${variables}`);
        continue;
      }
      const body = JSON.stringify({ operationName: query.name, query: query.text, variables });
      candidates.push({
        login: account.login,
        role: account.role,
        name: query.name,
        body,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'accept-language': 'id',
          authorization: `Bearer ${account.token}`,
        },
      });
    }
  }

  const startServer = async (limits: Record<string, string>) => {
    const port = await freePort();
    const server = startProcess([resolve(REPO_ROOT, 'server', 'dist', 'main.js')], {
      NODE_ENV: 'production',
      DATABASE_URL: options.databaseUrl,
      KINERJA_DEMO_DATA: 'false',
      KINERJA_TOKEN_SECRET: secret,
      HOST: '127.0.0.1',
      PORT: String(port),
      // The bench measures capacity, not the per-minute cost budgets (docs/security.md "Cost budget"), which would
      // refuse eight accounts sending hundreds of requests a minute long before the server is full.
      COST_BUDGET_ROLES: BUDGET_CLASSES.map((role) => `${role}=1000000000000`).join(','),
      LOG_LEVEL: 'warn',
      ...limits,
    });
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (server.child.exitCode !== null) throw new Error(`the server exited:\n${server.output()}`);
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ready) return { port, child: server.child };
      if (Date.now() > deadline) {
        await stopProcess(server.child);
        throw new Error(`the server was not ready within 120 s:\n${server.output()}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  };
  const limitsOf = (env: Record<string, string | undefined>) =>
    ['MAX_CONCURRENT_REQUESTS', 'MAX_QUEUED_REQUESTS', 'MAX_QUEUE_WAIT_MS']
      .map((name) => `${name}=${env[name] ?? 'default'}`)
      .join(', ');

  let { port, child } = await startServer({});
  try {
    // Each account's queries once (four at a time): those that answer with an error are not sent by the page to that
    // role (a tab the role does not see) and are left out of the mix, each named here.
    const probe = new Agent({ keepAlive: true, maxSockets: 4 });
    const checked = new Array<boolean>(candidates.length);
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < candidates.length) {
          const index = next++;
          const sample = await send(probe, port, candidates[index]!, performance.now());
          checked[index] = sample.outcome === 'ok';
          if (!checked[index])
            leftOut.push(`${candidates[index]!.name} as ${candidates[index]!.login}: ${sample.detail}`);
        }
      }),
    );
    probe.destroy();
    const targets = candidates.filter((_, i) => checked[i]);
    if (targets.length === 0) throw new Error('no query of the mix answered');
    const names = new Set(targets.map((t) => t.name));
    log(
      `this API in production mode (pid ${child.pid}, port ${port}); demo data as of ${facts.year} ` +
        `quarter ${facts.quarter}; admission limits: ${limitsOf(process.env)} (docs/operations.md "Overload")`,
    );
    log(
      `the mix: ${targets.length} (account, query) pairs, ${names.size} of the dashboard's ${new Set(queries.map((q) => q.name)).size} ` +
        `queries, ${new Set(targets.map((t) => t.login)).size} demo accounts; each request one pair drawn at random`,
    );
    for (const line of leftOut) log(`  left out: ${line}`);
    log(`load average at start: ${load()}`);

    // Warm-up (JIT, plans, pools), not counted.
    await closedLoop(port, targets, 4, Math.min(5, options.rampSeconds));

    // 1. The maximum: clients doubled until two steps in a row add less than 5 % over the best.
    let best = 0;
    let bestClients = 1;
    let flat = 0;
    log('1. maximum sustainable throughput (closed loop, clients doubled):');
    for (let clients = 1; clients <= options.maxClients; clients *= 2) {
      const run = await closedLoop(port, targets, clients, options.rampSeconds);
      const latencies = run.samples.map((s) => s.latency);
      const refusedHere = run.samples.filter((s) => s.outcome === 'refused').length;
      const errors = run.samples.filter((s) => s.outcome === 'error').length;
      log(
        `   ${String(clients).padStart(3)} clients: ${fmt(run.rps, 1).padStart(7)} req/s  p50 ${fmt(percentile(latencies, 50), 1)} ms` +
          `  p99 ${fmt(percentile(latencies, 99), 1)} ms  (${run.samples.length} requests` +
          `${refusedHere ? `, ${refusedHere} refused with 503` : ''}${errors ? `, errors: ${errorSummary(run.samples)}` : ''})`,
      );
      if (run.rps > best * 1.05) {
        best = Math.max(best, run.rps);
        bestClients = clients;
        flat = 0;
      } else {
        best = Math.max(best, run.rps);
        if (++flat >= 2) break;
      }
    }
    log(`   maximum: ${fmt(best, 1)} req/s (throughput stopped rising after ${bestClients} clients)`);

    // More requests at once than the knee of the ramp only wait inside the server (for the database pool and the
    // CPU), where no limit bounds their wait: phases 2 and 3 run with MAX_CONCURRENT_REQUESTS at the knee, as
    // docs/operations.md "Overload" tells an operator to set it, unless it was given.
    if (process.env.MAX_CONCURRENT_REQUESTS === undefined) {
      await stopProcess(child);
      const limits = { MAX_CONCURRENT_REQUESTS: String(Math.max(2, bestClients)) };
      ({ port, child } = await startServer(limits));
      await closedLoop(port, targets, Math.max(2, bestClients), Math.min(5, options.rampSeconds));
      log(`   phases 2 and 3: the server restarted with ${limitsOf({ ...process.env, ...limits })} (the knee)`);
    }

    // 2. Half of the maximum, open loop.
    const halfRate = best / 2;
    log(`2. half of the maximum: ${fmt(halfRate, 1)} req/s due for ${options.steadySeconds} s (open loop)`);
    const steady = await openLoop(port, targets, halfRate, options.steadySeconds);
    const latencies2 = steady.samples.map((s) => s.latency);
    const p50 = percentile(latencies2, 50);
    const p99 = percentile(latencies2, 99);
    const steadyErrors = steady.samples.filter((s) => s.outcome !== 'ok');
    const answered = steady.samples.filter((s) => s.outcome === 'ok').length;
    log(
      `   achieved ${fmt(answered / steady.sentIn, 1)} req/s answered (${steady.total} due, ${answered} answered without error); ` +
        `p50 ${fmt(p50, 1)} ms  p90 ${fmt(percentile(latencies2, 90), 1)} ms  p99 ${fmt(p99, 1)} ms  ` +
        `max ${fmt(Math.max(...latencies2), 1)} ms; errors ${steadyErrors.length}` +
        (steadyErrors.length
          ? ` (${errorSummary(steady.samples)}; refused ${steadyErrors.filter((s) => s.outcome === 'refused').length})`
          : ''),
    );
    log(
      `   goal p99 <= 3x p50: p99/p50 = ${fmt(p99 / p50, 2)} -> ${p99 <= 3 * p50 ? 'met' : 'MISSED'}; ` +
        `no error: ${steadyErrors.length === 0 ? 'met' : 'MISSED'}; generator late by at most ` +
        `${fmt(Math.max(...steady.samples.map((s) => s.late)), 1)} ms (p99 ${fmt(
          percentile(
            steady.samples.map((s) => s.late),
            99,
          ),
          1,
        )} ms)`,
    );

    const byName = new Map<string, number[]>();
    steady.samples.forEach((sample, i) => {
      const name = steady.names[i]!;
      byName.set(name, [...(byName.get(name) ?? []), sample.latency]);
    });
    const slowest = [...byName]
      .map(([name, values]) => ({ name, p50: percentile(values, 50), max: Math.max(...values), n: values.length }))
      .sort((a, b) => b.p50 - a.p50)
      .slice(0, 6);
    log(
      `   slowest queries (p50 / max ms, requests): ${slowest.map((q) => `${q.name} ${fmt(q.p50)} / ${fmt(q.max)} (${q.n})`).join(', ')}`,
    );

    // 3. Twice the maximum, open loop.
    const doubleRate = best * 2;
    const refusedBefore = await scrapeRefused(port);
    log(`3. twice the maximum: ${fmt(doubleRate, 1)} req/s due for ${options.overloadSeconds} s (open loop)`);
    const over = await openLoop(port, targets, doubleRate, options.overloadSeconds);
    const refusedAfter = await scrapeRefused(port);
    const refused = over.samples.filter((s) => s.outcome === 'refused');
    const served = over.samples.filter((s) => s.outcome === 'ok');
    const overErrors = over.samples.filter((s) => s.outcome === 'error');
    const waits = over.samples.map((s) => s.wait).filter((w): w is number => w !== null);
    const refusalTimes = refused.map((s) => s.latency);
    const servedTimes = served.map((s) => s.latency);
    const maxWait = waits.length ? Math.max(...waits) : Number.NaN;
    const overTen = over.samples.filter((s) => s.latency > 10_000).length;
    log(
      `   ${over.total} due in ${fmt(over.sentIn, 1)} s: ${served.length} answered (${fmt(served.length / over.sentIn, 1)} req/s), ` +
        `${refused.length} refused with 503 (${fmt((100 * refused.length) / over.total, 1)} %), ` +
        `${overErrors.length} other errors${overErrors.length ? ` (${errorSummary(over.samples)})` : ''}`,
    );
    log(
      `   time to refusal p50 ${fmt(percentile(refusalTimes, 50), 1)} ms  p99 ${fmt(percentile(refusalTimes, 99), 1)} ms  ` +
        `max ${fmt(refusalTimes.length ? Math.max(...refusalTimes) : Number.NaN, 1)} ms; ` +
        `answered p50 ${fmt(percentile(servedTimes, 50), 1)} ms  p99 ${fmt(percentile(servedTimes, 99), 1)} ms  ` +
        `max ${fmt(servedTimes.length ? Math.max(...servedTimes) : Number.NaN, 1)} ms`,
    );
    log(
      `   longest wait in the admission queue ${fmt(maxWait, 1)} ms (Server-Timing); requests over 10 s in all: ${overTen}; ` +
        `/metrics kinerja_admission_refused_total +${refusedBefore !== null && refusedAfter !== null ? refusedAfter - refusedBefore : '?'}; ` +
        `generator late by at most ${fmt(Math.max(...over.samples.map((s) => s.late)), 1)} ms`,
    );
    const slowestOver = over.samples
      .map((sample, k) => ({ sample, name: over.names[k]! }))
      .filter((x) => x.sample.latency > 10_000)
      .map((x) => x.name);
    log(
      `   goal, what is beyond capacity refused with 503 and the message: ${refused.length > 0 && overErrors.length === 0 ? 'met' : 'MISSED'}; ` +
        `no wait in the admission queue past 10 s: ${maxWait <= 10_000 ? 'met' : 'MISSED'}; ` +
        `every answer within 10 s: ${overTen === 0 ? 'met' : `MISSED (${[...new Set(slowestOver)].join(', ')})`}`,
    );
    log(`load average at end: ${load()}; the bench took ${fmt((performance.now() - benchStarted) / 1000)} s`);
  } finally {
    await stopProcess(child);
  }
}
