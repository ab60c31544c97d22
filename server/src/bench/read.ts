import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { EntityManager } from '@mikro-orm/postgresql';
import pg from 'pg';
import { BUDGET_CLASSES, REPO_ROOT } from '../config.js';
import { openDatabase } from '../db/database.js';
import { loadInitialData } from '../db/initial-data.js';
import { createAccount, issueTokenForLogin } from '../modules/auth/auth.service.js';
import { recreateDatabase } from './import.js';
import { NESTED_500_SQL, normaliseNestedSql, POSTGRAPHILE_SQL, readQueries, type ReadQuery } from './read-queries.js';

/**
 * `pnpm bench read`: this API against PostGraphile 4.14 over the same PostgreSQL database (issue 14,
 * docs/benchmarks.md). Loads the demo data set into a fresh database, starts this API in production mode (an ADMIN
 * token: nothing pseudonymised) and PostGraphile (bench/postgraphile), checks that both answer each query with the
 * same data, then runs alternated rounds: per query and server, throughput at `clients` concurrent clients for
 * `seconds` (the large nested read: a bounded number of requests), p50/p99 latency, one-client latency, and the
 * server's CPU time per request (utime + stime of its process before and after). The large read is also timed as one
 * hand-written `json_agg` statement. A third server, the floor (bench/apollo-floor.ts), answers the same queries with
 * this API's recorded answers from memory on the same Express, Apollo Server and executor, without database or any of
 * this API's own work: what this API spends above it is its own. Everything on loopback; each phase is bounded in time.
 */

export interface ReadBenchOptions {
  databaseUrl: string;
  rounds: number;
  seconds: number;
  clients: number;
  /** Requests of the large read per server and round at `clients` clients (bounded by `largeSeconds` too). */
  largeRequests: number;
  largeSeconds: number;
  /** Keep an already loaded bench database instead of loading the demo data again. */
  reuse: boolean;
  /** Only these queries (by name); all when empty. */
  only: string[];
  /** Extra node options for this API's process (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`). */
  kinerjaNodeOptions: string[];
  log: (line: string) => void;
}

type ServerName = 'kinerja' | 'postgraphile' | 'floor';

export interface Server {
  name: ServerName;
  port: number;
  child: ChildProcess;
  headers: Record<string, string>;
  body(query: ReadQuery): string;
}

const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU time (user + system) a process has used, in milliseconds, from /proc. */
export function cpuMillis(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 of proc(5) (utime, stime); the slice starts at field 3.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** The benches' ADMIN account (`bench-admin`, created once with a random password) and a 6-hour token for it. */
export async function benchAdminToken(em: EntityManager, secret: string): Promise<string> {
  const login = 'bench-admin';
  const [{ present }] = await em
    .getConnection()
    .execute<{ present: boolean }[]>(`select exists (select 1 from app_user where login = ?) as present`, [login]);
  if (!present) {
    await createAccount(em, 'system:bench', {
      login,
      role: 'ADMIN',
      password: randomBytes(18).toString('base64url'),
      displayName: 'Bench administrator',
    });
  }
  const { token } = await issueTokenForLogin(em.fork() as EntityManager, {
    actor: 'system:bench',
    login,
    hours: 6,
    secret,
  });
  return token;
}

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

export interface Reply {
  status: number;
  text: string;
}

export function post(agent: Agent, server: Server, body: string): Promise<Reply> {
  return new Promise((done, fail) => {
    const req = request(
      {
        agent,
        host: '127.0.0.1',
        port: server.port,
        path: '/graphql',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...server.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', fail);
      },
    );
    req.on('error', fail);
    req.end(body);
  });
}

export function failed(reply: Reply): boolean {
  return reply.status !== 200 || reply.text.includes('"errors":');
}

export async function waitUntilAnswering(server: Server, child: ChildProcess, output: () => string): Promise<void> {
  const agent = new Agent({ keepAlive: false });
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${server.name} exited (${child.exitCode}):\n${output()}`);
    try {
      const reply = await post(agent, server, JSON.stringify({ query: '{ __typename }' }));
      if (reply.status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${server.name} did not answer within 120 s:\n${output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export function startProcess(
  args: string[],
  env: Record<string, string>,
): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  return { child, output: () => output };
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/** Loads the demo data into a fresh database, with an ADMIN account; returns a token and an NIP with 2025 data. */
async function prepareDatabase(
  options: ReadBenchOptions,
  secret: string,
): Promise<{ token: string; nip: string; loaded: boolean }> {
  let loaded = false;
  if (options.reuse) {
    const client = new pg.Client({ connectionString: options.databaseUrl });
    try {
      await client.connect();
      const { rows } = await client.query(`select to_regclass('employee') is not null as ready`);
      loaded = rows[0].ready && (await client.query('select 1 from employee limit 1')).rowCount === 1;
    } catch {
      loaded = false;
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  if (!loaded) {
    options.log(`loading the demo data into ${new URL(options.databaseUrl).pathname.slice(1)} (fresh database)`);
    await recreateDatabase(options.databaseUrl);
  }
  const db = await openDatabase({ databaseUrl: options.databaseUrl, dataDir: null, poolMax: 2 });
  try {
    if (!loaded) await loadInitialData(db.orm, { log: (line) => options.log(`  ${line}`) });
    const em = db.orm.em.fork() as EntityManager;
    const token = await benchAdminToken(em, secret);
    await em.getConnection().execute(POSTGRAPHILE_SQL);
    // Planner statistics of the loaded tables: a freshly loaded database has none until autovacuum gets to it, and
    // without them PostgreSQL misjudged the large read's subqueries by 250x and spent seconds in JIT compilation
    // (docs/benchmarks.md).
    await em.getConnection().execute('analyze');
    const rows: { nip: string }[] = await em.getConnection().execute(
      `select e.nip from employee e
        where (select count(*) from evaluation v join period p on p.id = v.period_id
                where v.employee_id = e.id and p.year = 2025) = 4
        order by e.nip limit 1 offset 100`,
    );
    if (!rows[0]) throw new Error('the demo data has no employee with four evaluations in 2025');
    return { token, nip: rows[0].nip, loaded };
  } finally {
    await db.close();
  }
}

interface Run {
  requests: number;
  errors: number;
  seconds: number;
  latencies: number[];
  cpuMs: number;
}

/** `clients` loops posting the query until `seconds` have passed or `maxRequests` were sent. */
async function load(
  server: Server,
  query: ReadQuery,
  clients: number,
  seconds: number,
  maxRequests: number = Number.POSITIVE_INFINITY,
): Promise<Run> {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const body = server.body(query);
  const latencies: number[] = [];
  let errors = 0;
  let sent = 0;
  const cpuBefore = cpuMillis(server.child.pid!);
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const client = async () => {
    while (performance.now() < deadline && sent < maxRequests) {
      sent++;
      const t0 = performance.now();
      const reply = await post(agent, server, body);
      latencies.push(performance.now() - t0);
      if (failed(reply)) errors++;
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  const elapsed = (performance.now() - started) / 1000;
  const cpuMs = cpuMillis(server.child.pid!) - cpuBefore;
  agent.destroy();
  return { requests: latencies.length, errors, seconds: elapsed, latencies, cpuMs };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const median = (values: number[]) => percentile(values, 50);

/** Checks that both servers answer each query with the same data; returns this API's answers (the floor's data). */
async function checkSameData(
  servers: Server[],
  queries: ReadQuery[],
  sqlUrl: string,
  log: (s: string) => void,
): Promise<{ query: string; data: unknown }[]> {
  const agent = new Agent({ keepAlive: true });
  const recorded: { query: string; data: unknown }[] = [];
  for (const query of queries) {
    const answers = [];
    for (const server of servers) {
      const reply = await post(agent, server, server.body(query));
      if (failed(reply)) throw new Error(`${server.name} failed ${query.name}: ${reply.text.slice(0, 2000)}`);
      const data = (JSON.parse(reply.text) as { data: never }).data;
      if (server.name === 'kinerja') recorded.push({ query: query.kinerja.query, data });
      const plain = server.name === 'kinerja' ? query.normaliseKinerja(data) : query.normalisePostgraphile(data);
      answers.push({ plain, bytes: Buffer.byteLength(reply.text) });
    }
    if (!isDeepStrictEqual(answers[0]!.plain, answers[1]!.plain)) {
      throw new Error(
        `${query.name}: the two servers returned different data:\n` +
          `kinerja      ${JSON.stringify(answers[0]!.plain).slice(0, 600)}\n` +
          `postgraphile ${JSON.stringify(answers[1]!.plain).slice(0, 600)}`,
      );
    }
    let extra = '';
    if (query.name === 'nested-500') {
      const client = new pg.Client({ connectionString: sqlUrl });
      await client.connect();
      try {
        const { rows } = await client.query(NESTED_500_SQL);
        if (!isDeepStrictEqual(normaliseNestedSql(rows[0].answer), answers[0]!.plain)) {
          throw new Error('nested-500: the hand-written SQL returned different data from the servers');
        }
      } finally {
        await client.end();
      }
      const plain = answers[0]!.plain as { evaluations: { scores: unknown[] }[] }[];
      const evaluations = plain.reduce((n, e) => n + e.evaluations.length, 0);
      const scores = plain.reduce((n, e) => n + e.evaluations.reduce((m, v) => m + v.scores.length, 0), 0);
      extra = `; ${plain.length} employees, ${evaluations} evaluations, ${scores} scores; the SQL agrees`;
    }
    log(
      `same data: ${query.name} (${(answers[0]!.bytes / 1024).toFixed(0)} kB from this API, ` +
        `${(answers[1]!.bytes / 1024).toFixed(0)} kB from PostGraphile${extra})`,
    );
  }
  agent.destroy();
  return recorded;
}

async function timeSql(url: string, times: number): Promise<number[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const out: number[] = [];
    for (let i = 0; i < times; i++) {
      const t0 = performance.now();
      const { rows } = await client.query(NESTED_500_SQL);
      if (!(rows[0].answer as string).startsWith('[')) throw new Error('the hand-written SQL answered nothing');
      out.push(performance.now() - t0);
    }
    return out;
  } finally {
    await client.end();
  }
}

/** One client, one request after the other: the median latency. */
async function oneClient(server: Server, query: ReadQuery): Promise<number> {
  const run = await load(server, query, 1, query.large ? 30 : 1.5, query.large ? 2 : Number.POSITIVE_INFINITY);
  return median(run.latencies);
}

interface Measured {
  rps: number;
  p50: number;
  p99: number;
  cpuPerRequest: number;
  oneClient: number;
  errors: number;
}

const fmt = (n: number, digits = 1) =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : '-';

export async function benchRead(options: ReadBenchOptions): Promise<void> {
  const { log } = options;
  const secret = randomBytes(36).toString('base64url');
  const { token, nip, loaded } = await prepareDatabase(options, secret);
  if (loaded) log('reusing the loaded bench database (--reuse)');
  const queries = readQueries(nip).filter((q) => options.only.length === 0 || options.only.includes(q.name));
  if (queries.length === 0) throw new Error(`no query named ${options.only.join(', ')}`);

  const kinerjaPort = await freePort();
  const kinerja = startProcess([...options.kinerjaNodeOptions, resolve(REPO_ROOT, 'server', 'dist', 'main.js')], {
    NODE_ENV: 'production',
    DATABASE_URL: options.databaseUrl,
    KINERJA_DEMO_DATA: 'false',
    KINERJA_TOKEN_SECRET: secret,
    HOST: '127.0.0.1',
    PORT: String(kinerjaPort),
    // The bench measures the read path, not the operation limits (docs/security.md): its large read (500 employees
    // with every evaluation and score) is far over the default cost limit, and its rounds over any budget.
    COST_LIMIT: '100000000',
    // Every role's budget must be at least COST_LIMIT (config.ts); only the ADMIN one is spent.
    COST_BUDGET_ROLES: BUDGET_CLASSES.map(
      (role) => `${role}=${role === 'ADMIN' ? 1_000_000_000_000 : 100_000_000}`,
    ).join(','),
    LOG_LEVEL: 'warn',
  });
  const postgraphilePort = await freePort();
  const postgraphile = startProcess([resolve(REPO_ROOT, 'bench', 'postgraphile', 'server.js')], {
    NODE_ENV: 'production',
    DATABASE_URL: options.databaseUrl,
    PORT: String(postgraphilePort),
  });
  const servers: Server[] = [
    {
      name: 'kinerja',
      port: kinerjaPort,
      child: kinerja.child,
      headers: { authorization: `Bearer ${token}` },
      body: (q) => JSON.stringify(q.kinerja),
    },
    {
      name: 'postgraphile',
      port: postgraphilePort,
      child: postgraphile.child,
      headers: {},
      body: (q) => JSON.stringify(q.postgraphile),
    },
  ];
  let floor: ReturnType<typeof startProcess> | null = null;
  const floorDir = mkdtempSync(join(tmpdir(), 'kinerja-floor-'));
  try {
    await waitUntilAnswering(servers[0]!, kinerja.child, kinerja.output);
    await waitUntilAnswering(servers[1]!, postgraphile.child, postgraphile.output);
    log(
      `this API (production, ADMIN token) pid ${kinerja.child.pid}; PostGraphile 4.14.1 pid ${postgraphile.child.pid}; ` +
        `${options.rounds} rounds, ${options.clients} clients, ${options.seconds} s per query and server ` +
        `(large read: ${options.largeRequests} requests, at most ${options.largeSeconds} s)`,
    );
    const recorded = await checkSameData(servers, queries, options.databaseUrl, log);
    // The floor answers with this API's recorded answers (bench/apollo-floor.ts).
    const answersFile = join(floorDir, 'answers.json');
    writeFileSync(answersFile, JSON.stringify(recorded));
    const floorPort = await freePort();
    floor = startProcess([resolve(REPO_ROOT, 'server', 'dist', 'bench', 'apollo-floor.js')], {
      NODE_ENV: 'production',
      FLOOR_ANSWERS: answersFile,
      PORT: String(floorPort),
    });
    const floorServer: Server = {
      name: 'floor',
      port: floorPort,
      child: floor.child,
      headers: {},
      body: (q) => JSON.stringify(q.kinerja),
    };
    await waitUntilAnswering(floorServer, floor.child, floor.output);
    for (const query of queries) {
      const reply = await post(new Agent(), floorServer, floorServer.body(query));
      const data = (JSON.parse(reply.text) as { data: unknown }).data;
      if (failed(reply) || !isDeepStrictEqual(data, recorded.find((r) => r.query === query.kinerja.query)!.data)) {
        throw new Error(`the floor answered ${query.name} differently: ${reply.text.slice(0, 600)}`);
      }
    }
    log(`the floor (Express 5, Apollo Server 5, the same executor; answers from memory) pid ${floor.child.pid}`);
    servers.push(floorServer);
    // Warm both servers (JIT, plans, pools) before the first timed round: the large read first, so that the garbage
    // of its answers is collected before the small queries are timed.
    for (const query of [...queries].sort((a, b) => Number(b.large ?? false) - Number(a.large ?? false))) {
      for (const server of servers)
        await load(server, query, options.clients, query.large ? 20 : 2, query.large ? 4 : Infinity);
    }

    const results = new Map<string, Record<ServerName, Measured[]>>();
    const sqlTimes: number[] = [];
    for (let round = 0; round < options.rounds; round++) {
      for (const query of queries) {
        // The server that goes first turns each round.
        const order = servers.map((_, i) => servers[(i + round) % servers.length]!);
        for (const server of order) {
          // A second of the same query first, untimed: the garbage a previous large read left is collected here, not
          // charged to this query's CPU time (docs/benchmarks.md).
          if (!query.large) await load(server, query, options.clients, 1);
          const run = query.large
            ? await load(server, query, options.clients, options.largeSeconds, options.largeRequests)
            : await load(server, query, options.clients, options.seconds);
          const single = await oneClient(server, query);
          const measured: Measured = {
            rps: run.requests / run.seconds,
            p50: percentile(run.latencies, 50),
            p99: percentile(run.latencies, 99),
            cpuPerRequest: run.cpuMs / run.requests,
            oneClient: single,
            errors: run.errors,
          };
          const entry = results.get(query.name) ?? { kinerja: [], postgraphile: [], floor: [] };
          entry[server.name].push(measured);
          results.set(query.name, entry);
          log(
            `round ${round + 1} ${query.name.padEnd(13)} ${server.name.padEnd(12)} ${fmt(measured.rps, 2).padStart(8)} req/s` +
              `  p50 ${fmt(measured.p50)} ms  p99 ${fmt(measured.p99)} ms  one client ${fmt(single)} ms` +
              `  CPU ${fmt(measured.cpuPerRequest, 2)} ms/req${run.errors ? `  ${run.errors} ERRORS` : ''}`,
          );
        }
        if (query.name === 'nested-500') {
          const times = await timeSql(options.databaseUrl, 3);
          sqlTimes.push(...times);
          log(
            `round ${round + 1} nested-500    hand-written json_agg SQL: ${times.map((t) => fmt(t, 0)).join(', ')} ms`,
          );
        }
      }
    }

    log('');
    log(
      '| query | this API req/s | PostGraphile req/s | throughput ratio (min-max) | p50 / p99 ms, this API | p50 / p99 ms, PostGraphile | one client ms | CPU ms/req (this API / PostGraphile) | floor req/s, CPU ms/req | this API above the floor, CPU ms/req |',
    );
    log('|---|---|---|---|---|---|---|---|---|---|');
    for (const query of queries) {
      const entry = results.get(query.name)!;
      const ratios = entry.kinerja.map((k, i) => k.rps / entry.postgraphile[i]!.rps);
      const med = (side: Measured[], key: keyof Measured) => median(side.map((m) => m[key]));
      log(
        `| ${query.title} | ${fmt(med(entry.kinerja, 'rps'), query.large ? 2 : 0)} | ` +
          `${fmt(med(entry.postgraphile, 'rps'), query.large ? 2 : 0)} | ` +
          `**${fmt(median(ratios), 2)}** (${fmt(Math.min(...ratios), 2)}-${fmt(Math.max(...ratios), 2)}) | ` +
          `${fmt(med(entry.kinerja, 'p50'))} / ${fmt(med(entry.kinerja, 'p99'))} | ` +
          `${fmt(med(entry.postgraphile, 'p50'))} / ${fmt(med(entry.postgraphile, 'p99'))} | ` +
          `${fmt(med(entry.kinerja, 'oneClient'))} vs ${fmt(med(entry.postgraphile, 'oneClient'))} | ` +
          `${fmt(med(entry.kinerja, 'cpuPerRequest'), 2)} / ${fmt(med(entry.postgraphile, 'cpuPerRequest'), 2)} | ` +
          `${fmt(med(entry.floor, 'rps'), query.large ? 2 : 0)}, ${fmt(med(entry.floor, 'cpuPerRequest'), 2)} | ` +
          `${fmt(med(entry.kinerja, 'cpuPerRequest') - med(entry.floor, 'cpuPerRequest'), 2)} |`,
      );
      const errors = [...entry.kinerja, ...entry.postgraphile, ...entry.floor].reduce((n, m) => n + m.errors, 0);
      if (errors > 0) log(`  ${query.name}: ${errors} requests answered with errors`);
    }
    if (sqlTimes.length > 0) {
      const nested = results.get('nested-500')!;
      const api = median(nested.kinerja.map((m) => m.oneClient));
      const peer = median(nested.postgraphile.map((m) => m.oneClient));
      const sql = median(sqlTimes);
      log('');
      log(
        `nested-500, one client: hand-written json_agg SQL ${fmt(sql, 0)} ms (${fmt(Math.min(...sqlTimes), 0)}-` +
          `${fmt(Math.max(...sqlTimes), 0)}); this API ${fmt(api, 0)} ms = **${fmt(api / sql, 2)}x the SQL** ` +
          `(goal at most 1.5x); PostGraphile ${fmt(peer, 0)} ms = ${fmt(peer / sql, 2)}x`,
      );
    }
  } finally {
    await stopProcess(kinerja.child);
    await stopProcess(postgraphile.child);
    if (floor) await stopProcess(floor.child);
    rmSync(floorDir, { recursive: true, force: true });
  }
}
