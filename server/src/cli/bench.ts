import { benchAnalytics } from '../bench/analytics.js';
import { benchDashboard } from '../bench/dashboard.js';
import { benchImport } from '../bench/import.js';
import { benchLoad } from '../bench/load.js';
import { benchRead } from '../bench/read.js';
import { loadConfig } from '../config.js';

/**
 * `pnpm bench [part ...] [options]`: the project's benchmarks, by name; with no name, all of them. Each prints its
 * figures; docs/benchmarks.md records them with the command that produced them.
 *
 *   dashboard  the built dashboard's initial JavaScript gzipped (limit 300 KiB) and, with --url of a running server
 *            (--login ACCOUNT when it is not in demo mode), the largest contentful paint of Ringkasan (docs/benchmarks.md)
 *   import   the importer against PostgreSQL's COPY of the same 10 million score rows, and the importer's peak RSS
 *            (BENCH_DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/kinerja_bench, is dropped and created)
 *            --rows N            score rows (default 10,000,000)
 *   read     this API against PostGraphile 4.14 on the same demo data (BENCH_READ_DATABASE_URL, default
 *            postgresql://postgres@127.0.0.1:5432/kinerja_bench_read, is dropped and loaded unless --reuse)
 *            --rounds N          alternated rounds (default 3)
 *            --seconds N         seconds per query and server at 10 clients (default 8)
 *            --clients N         concurrent clients (default 10)
 *            --large-requests N  requests of the 500-employee read per server and round (default 20; at most 90 s)
 *            --only a,b          only these queries (employees-50, agencies, one-employee, nested-500)
 *            --reuse             keep the bench database when it is already loaded
 *            --profile DIR       run this API with node --cpu-prof, profiles written to DIR
 *   analytics  each analytics query through this API against a hand-written SQL aggregate over the raw score tables
 *            (p50/p99 at 1 and --clients clients), and a 10,000-score import and a 200-evaluation closing with and
 *            without the read-model refresh, on a generated province (BENCH_ANALYTICS_DATABASE_URL, default
 *            postgresql://postgres@127.0.0.1:5432/kinerja_bench_analytics, is dropped and generated unless --reuse)
 *            --scores N          criterion scores to generate (default 20,000,000; 144 per employee)
 *            --reuse             keep the bench database when it holds the same number of scores
 *            --seconds N         seconds of load per query and client count (default 5)
 *            --min-requests N    at least this many requests per query at 1 client, twice as many at --clients
 *                                (default 10), unless --max-seconds (default 60) pass first
 *            --clients N         concurrent clients (default 10)
 *            --sql-runs N        timed runs of each raw SQL aggregate after the checked one (default 2)
 *            --closings N        repetitions of the period closing (default 3)
 *            --only a,b          only these queries (trend, trend-agency, trend-criterion, trend-criterion-means,
 *                                comparison, statistics, statistics-criterion, statistics-criterion-means,
 *                                distribution, rater-objectivity, training-impact)
 *            --part queries|writers  only part (a) or (b)
 *   load     the dashboard's query mix with the demo accounts' tokens against this API in production mode: the maximum
 *            throughput, half of it for 60 s and twice it for 20 s at a fixed arrival rate (BENCH_LOAD_DATABASE_URL,
 *            default postgresql://postgres@127.0.0.1:5432/kinerja_bench_load, is dropped and loaded unless --reuse;
 *            MAX_CONCURRENT_REQUESTS, MAX_QUEUED_REQUESTS, MAX_QUEUE_WAIT_MS pass to the server)
 *            --ramp-seconds N    seconds per step of the ramp (default 8)
 *            --steady-seconds N  seconds at half of the maximum (default 60)
 *            --overload-seconds N  seconds at twice the maximum (default 20)
 *            --max-clients N     the most clients of the ramp (default 128)
 *            --reuse             keep the bench database when it is already loaded
 */

type Options = Map<string, string | true>;

const BOOLEAN = new Set(['reuse']);

function positive(options: Options, name: string, fallback: number): number {
  const raw = options.get(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw === true || !Number.isFinite(value) || value <= 0)
    throw new UsageError(`--${name} must be a positive number`);
  return value;
}

class UsageError extends Error {}

const PARTS: Record<string, (options: Options, log: (line: string) => void) => Promise<void>> = {
  analytics: (options, log) => {
    const only = options.get('only');
    const part = options.get('part');
    if (part !== undefined && part !== 'queries' && part !== 'writers')
      throw new UsageError('--part must be queries or writers');
    return benchAnalytics({
      databaseUrl:
        process.env.BENCH_ANALYTICS_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/kinerja_bench_analytics',
      scores: Math.round(positive(options, 'scores', 20_000_000)),
      reuse: options.get('reuse') === true,
      policy: loadConfig({ ...process.env, DATABASE_URL: '' }).policy,
      seconds: positive(options, 'seconds', 5),
      minRequests: Math.round(positive(options, 'min-requests', 10)),
      maxSeconds: positive(options, 'max-seconds', 60),
      clients: Math.round(positive(options, 'clients', 10)),
      sqlRuns: Math.round(positive(options, 'sql-runs', 2)),
      closings: Math.round(positive(options, 'closings', 3)),
      only: typeof only === 'string' ? only.split(',').filter(Boolean) : [],
      parts: { queries: part !== 'writers', writers: part !== 'queries' },
      log,
    });
  },
  dashboard: (options, log) => {
    const url = options.get('url');
    const login = options.get('login');
    return benchDashboard({
      url: typeof url === 'string' ? url.replace(/\/$/, '') : null,
      login: typeof login === 'string' ? login : null,
      password: process.env.BENCH_DASHBOARD_PASSWORD ?? 'sibolga-demo',
      runs: Math.round(positive(options, 'runs', 3)),
      log,
    });
  },
  import: (options, log) =>
    benchImport({
      rows: Math.round(positive(options, 'rows', 10_000_000)),
      databaseUrl: process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/kinerja_bench',
      log,
    }),
  read: (options, log) => {
    const profile = options.get('profile');
    const only = options.get('only');
    return benchRead({
      databaseUrl: process.env.BENCH_READ_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/kinerja_bench_read',
      rounds: Math.round(positive(options, 'rounds', 3)),
      seconds: positive(options, 'seconds', 8),
      clients: Math.round(positive(options, 'clients', 10)),
      largeRequests: Math.round(positive(options, 'large-requests', 20)),
      largeSeconds: 90,
      reuse: options.get('reuse') === true,
      only: typeof only === 'string' ? only.split(',').filter(Boolean) : [],
      kinerjaNodeOptions: typeof profile === 'string' ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [],
      log,
    });
  },
  load: (options, log) =>
    benchLoad({
      databaseUrl: process.env.BENCH_LOAD_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/kinerja_bench_load',
      reuse: options.get('reuse') === true,
      rampSeconds: positive(options, 'ramp-seconds', 8),
      steadySeconds: positive(options, 'steady-seconds', 60),
      overloadSeconds: positive(options, 'overload-seconds', 20),
      maxClients: Math.round(positive(options, 'max-clients', 128)),
      log,
    }),
};

function parse(args: string[]): { names: string[]; options: Options } {
  const names: string[] = [];
  const options: Options = new Map();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      names.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (BOOLEAN.has(name)) options.set(name, true);
    else if (inline !== undefined) options.set(name, inline);
    else if (args[i + 1] !== undefined) options.set(name, args[++i]!);
    else throw new UsageError(`--${name} needs a value`);
  }
  return { names, options };
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parse(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(error.message);
    return 2;
  }
  const { names, options } = parsed;
  const unknown = names.filter((n) => !(n in PARTS));
  if (unknown.length > 0) {
    console.error(`unknown bench part ${unknown.join(', ')}; the parts are: ${Object.keys(PARTS).join(', ')}`);
    return 2;
  }
  for (const name of names.length > 0 ? names : Object.keys(PARTS)) {
    console.log(`== bench ${name}`);
    try {
      await PARTS[name]!(options, (line) => console.log(line));
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      console.error(error.message);
      return 2;
    }
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('The bench failed:', error);
    process.exit(1);
  },
);
