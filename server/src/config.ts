import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SCORING_POLICY, makeScoringPolicy, type ScoringPolicy } from '@kinerja/shared';

/** The repository root (two levels above server/src or server/dist). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export type Environment = 'development' | 'production' | 'test';

/** Everything the server reads from its environment, validated in one place. */
export interface Config {
  env: Environment;
  host: string;
  port: number;
  /** A real PostgreSQL; null means the embedded one (PGlite) in `dataDir`. */
  databaseUrl: string | null;
  /** Streaming replicas of `databaseUrl` for read-only requests (`DATABASE_REPLICA_URLS`, comma-separated). */
  replicaUrls: string[];
  /** Where the embedded database keeps its files. */
  dataDir: string;
  /** Built dashboard to serve at `/`, when it exists. */
  dashboardDir: string;
  /** Scoring policy in force (defaults in docs/scoring.md#the-scoring-policy, overridable by `SCORING_POLICY_FILE`). */
  policy: ScoringPolicy;
  /** Load the demo data set into an empty embedded database on start. */
  loadDemoData: boolean;
  /**
   * The day the demo data are as of (`KINERJA_DEMO_TODAY`, `YYYY-MM-DD`): its quarter is the open current one. null:
   * the date of the first start. Tests fix it so that their data never depend on the day they run.
   */
  demoToday: string | null;
  /** Seconds a graceful shutdown may take before the process exits anyway. */
  shutdownTimeoutSeconds: number;
  /**
   * Demo mode (docs/access.md#demo-mode): the embedded database with the demo data. Anonymous callers may read as a POLICY caller
   * would, and the start command prints the demo accounts. Never with `DATABASE_URL`.
   */
  demoMode: boolean;
  /** Secret that signs tokens; null: generated once and kept in the database (`app_setting`). */
  tokenSecret: string | null;
  /** Lifetime of a dashboard session (httpOnly cookie), in hours. */
  sessionHours: number;
  /**
   * Express's `trust proxy` (`TRUST_PROXY`: `true`, a hop count, or addresses such as `loopback`): set it behind a
   * reverse proxy, so that the login throttle counts per client and not per proxy. null: not behind a proxy.
   */
  trustProxy: boolean | number | string | null;
  /** pino's level (`LOG_LEVEL`): `info` by default, `silent` under tests. */
  logLevel: LogLevel;
  /**
   * Who may introspect the schema and get "Did you mean …" suggestions (`KINERJA_INTROSPECTION`): `signed-in`
   * (callers with a valid token; the default in production) or `everyone` (the default elsewhere, for GraphiQL).
   */
  introspection: 'everyone' | 'signed-in';
  /** Cost budget per caller and minute (docs/security.md "Cost budget"). */
  costBudget: CostBudgetConfig;
  /** Admission control of the API (docs/operations.md "Overload"): requests at once, waiting, and the longest wait. */
  admission: { maxConcurrent: number; maxQueued: number; maxWaitMs: number };
  /**
   * Who may scrape `/metrics` (docs/operations.md "Monitoring"): callers sending this bearer token (`METRICS_TOKEN`,
   * 32+ characters); null: callers on the loopback interface only.
   */
  metricsToken: string | null;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Callers without a token (the demo's anonymous caller) are budgeted as `ANONYMOUS`. */
export const BUDGET_CLASSES = [
  'ANONYMOUS',
  'ADMIN',
  'LEADER',
  'POLICY',
  'ANALYST',
  'AGENCY_HEAD',
  'SUPERVISOR',
  'EMPLOYEE',
] as const;
export type BudgetClass = (typeof BUDGET_CLASSES)[number];

export interface CostBudgetConfig {
  /**
   * The largest cost of one operation (`COST_LIMIT`, default 50,000: docs/security.md "Operation limits"). Raise it
   * only for a deployment whose clients need larger pages; no budget may be below it.
   */
  operationLimit: number;
  /** Cost units per minute per role (`COST_BUDGET_ROLES`, e.g. `ANALYST=400000,ANONYMOUS=100000`). */
  perRole: Record<BudgetClass, number>;
  /** Per account login, over its role's (`COST_BUDGET_ACCOUNTS`, e.g. `bench=50000000` for a benchmark account). */
  perAccount: Record<string, number>;
  /** Seconds between two flushes of the counts to PostgreSQL (`COST_BUDGET_FLUSH_SECONDS`). */
  flushSeconds: number;
}

/**
 * Default budgets per minute (docs/security.md "Cost budget"): at least one operation of the largest allowed cost
 * (50,000) for everyone; signed-in readers of many rows get more than the anonymous demo caller.
 */
export const DEFAULT_COST_BUDGETS: Record<BudgetClass, number> = {
  ANONYMOUS: 100_000,
  ADMIN: 500_000,
  LEADER: 300_000,
  POLICY: 300_000,
  ANALYST: 500_000,
  AGENCY_HEAD: 300_000,
  SUPERVISOR: 200_000,
  EMPLOYEE: 100_000,
};

/** The default largest cost of one operation (security/limits.ts `OPERATION_LIMITS.cost`). */
export const DEFAULT_COST_LIMIT = 50_000;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

function readPort(raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, not "${raw}"`);
  }
  return port;
}

function readEnvironment(raw: string | undefined): Environment {
  const value = raw ?? 'development';
  if (value !== 'development' && value !== 'production' && value !== 'test') {
    throw new ConfigError(`NODE_ENV must be development, production or test, not "${value}"`);
  }
  return value;
}

function readPolicy(file: string | undefined): ScoringPolicy {
  if (!file) return DEFAULT_SCORING_POLICY;
  if (!existsSync(file)) throw new ConfigError(`SCORING_POLICY_FILE ${file} does not exist`);
  let overrides: unknown;
  try {
    overrides = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`SCORING_POLICY_FILE ${file} is not valid JSON: ${(error as Error).message}`);
  }
  try {
    return makeScoringPolicy(overrides as Parameters<typeof makeScoringPolicy>[0]);
  } catch (error) {
    throw new ConfigError(`SCORING_POLICY_FILE ${file}: ${(error as Error).message}`);
  }
}

function readTrustProxy(raw: string | undefined): boolean | number | string | null {
  if (raw === undefined || raw === '') return null;
  if (raw === 'true') return true;
  if (raw === 'false') return null;
  if (/^\d+$/.test(raw)) return Number(raw);
  return raw;
}

function readDemoToday(raw: string | undefined): string | null {
  if (raw === undefined || raw === '') return null;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? new Date(`${raw}T00:00:00Z`) : null;
  if (date === null || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== raw) {
    throw new ConfigError(`KINERJA_DEMO_TODAY must be a date YYYY-MM-DD, not "${raw}"`);
  }
  // The demo history starts in 2023 Q1 (docs/demo-data.md).
  if (raw < '2023-01-01' || raw > '2099-12-31') {
    throw new ConfigError(`KINERJA_DEMO_TODAY must lie in 2023-2099 (the demo history starts in 2023), not "${raw}"`);
  }
  return raw;
}

function readDatabaseUrl(raw: string | undefined): string | null {
  if (!raw) return null;
  if (!/^postgres(ql)?:\/\//.test(raw)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  return raw;
}

function readBudgetList(
  name: string,
  raw: string | undefined,
  key: (k: string) => boolean,
  smallest: number,
): Record<string, number> {
  const result: Record<string, number> = {};
  if (!raw) return result;
  for (const part of raw.split(',')) {
    const match = /^\s*([^=\s]+)\s*=\s*(\d+)\s*$/.exec(part);
    if (!match || !key(match[1]!)) {
      throw new ConfigError(`${name} must be a list like ANALYST=400000,ANONYMOUS=100000; "${part}" is not`);
    }
    const value = Number(match[2]);
    if (value < smallest) {
      throw new ConfigError(
        `${name}: ${match[1]} must be at least ${smallest} (COST_LIMIT, the cost of one operation)`,
      );
    }
    result[match[1]!] = value;
  }
  return result;
}

function readCostBudget(env: NodeJS.ProcessEnv): CostBudgetConfig {
  const operationLimit = Number(env.COST_LIMIT || DEFAULT_COST_LIMIT);
  if (!Number.isInteger(operationLimit) || operationLimit < 1000) {
    throw new ConfigError('COST_LIMIT must be a whole number of at least 1000');
  }
  const roles = readBudgetList(
    'COST_BUDGET_ROLES',
    env.COST_BUDGET_ROLES,
    (k) => (BUDGET_CLASSES as readonly string[]).includes(k),
    operationLimit,
  );
  const accounts = readBudgetList(
    'COST_BUDGET_ACCOUNTS',
    env.COST_BUDGET_ACCOUNTS,
    (k) => /^[a-z0-9][a-z0-9._-]*$/.test(k),
    operationLimit,
  );
  const perRole = { ...DEFAULT_COST_BUDGETS, ...roles };
  for (const [role, budget] of Object.entries(perRole)) {
    if (budget < operationLimit) {
      throw new ConfigError(`COST_BUDGET_ROLES: ${role} must be at least COST_LIMIT (${operationLimit})`);
    }
  }
  const flushSeconds = Number(env.COST_BUDGET_FLUSH_SECONDS ?? '2');
  if (!Number.isFinite(flushSeconds) || flushSeconds <= 0 || flushSeconds > 60) {
    throw new ConfigError('COST_BUDGET_FLUSH_SECONDS must be a number of seconds above 0 and at most 60');
  }
  return { operationLimit, perRole, perAccount: accounts, flushSeconds };
}

function readLogLevel(raw: string | undefined, env: Environment): LogLevel {
  const value = raw || (env === 'test' ? 'silent' : 'info');
  if (!(LOG_LEVELS as readonly string[]).includes(value)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not "${value}"`);
  }
  return value as LogLevel;
}

function readIntrospection(raw: string | undefined, env: Environment): 'everyone' | 'signed-in' {
  const value = raw || (env === 'production' ? 'signed-in' : 'everyone');
  if (value !== 'everyone' && value !== 'signed-in') {
    throw new ConfigError(`KINERJA_INTROSPECTION must be everyone or signed-in, not "${value}"`);
  }
  return value;
}

function readWholeNumber(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
  }
  return value;
}

/** Reads and validates the configuration; the only reader of `process.env` in the server. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = readDatabaseUrl(env.DATABASE_URL);
  const demo = env.KINERJA_DEMO_DATA;
  if (demo !== undefined && demo !== '' && demo !== 'true' && demo !== 'false') {
    throw new ConfigError(`KINERJA_DEMO_DATA must be true or false, not "${demo}"`);
  }
  const shutdown = Number(env.SHUTDOWN_TIMEOUT_SECONDS ?? '10');
  if (!Number.isFinite(shutdown) || shutdown <= 0) {
    throw new ConfigError('SHUTDOWN_TIMEOUT_SECONDS must be a positive number');
  }
  const sessionHours = Number(env.SESSION_HOURS ?? '8');
  if (!Number.isFinite(sessionHours) || sessionHours <= 0 || sessionHours > 24 * 7) {
    throw new ConfigError('SESSION_HOURS must be a number of hours above 0 and at most 168');
  }
  const tokenSecret = env.KINERJA_TOKEN_SECRET || null;
  if (tokenSecret !== null && tokenSecret.length < 32) {
    throw new ConfigError('KINERJA_TOKEN_SECRET must have at least 32 characters');
  }
  const replicaUrls = (env.DATABASE_REPLICA_URLS ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter((u) => u !== '');
  for (const url of replicaUrls) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new ConfigError(
        'DATABASE_REPLICA_URLS must be a comma-separated list of postgres:// or postgresql:// URLs',
      );
    }
  }
  if (replicaUrls.length > 0 && databaseUrl === null) {
    throw new ConfigError(
      'DATABASE_REPLICA_URLS needs DATABASE_URL (the primary): the embedded database has no replicas',
    );
  }
  const metricsToken = env.METRICS_TOKEN || null;
  if (metricsToken !== null && (metricsToken.length < 32 || /\s/.test(metricsToken))) {
    throw new ConfigError('METRICS_TOKEN must have at least 32 characters and no spaces');
  }
  const environment = readEnvironment(env.NODE_ENV);
  const loadDemoData = demo === undefined || demo === '' ? databaseUrl === null : demo === 'true';
  return {
    env: environment,
    host: env.HOST || '127.0.0.1',
    port: readPort(env.PORT, 4000),
    databaseUrl,
    replicaUrls,
    dataDir: resolve(env.KINERJA_DATA_DIR || resolve(REPO_ROOT, '.data')),
    dashboardDir: resolve(env.KINERJA_DASHBOARD_DIR || resolve(REPO_ROOT, 'dashboard', 'dist')),
    policy: readPolicy(env.SCORING_POLICY_FILE),
    // Demo data goes only into the embedded database unless asked for explicitly.
    loadDemoData,
    demoToday: readDemoToday(env.KINERJA_DEMO_TODAY),
    shutdownTimeoutSeconds: shutdown,
    demoMode: databaseUrl === null && loadDemoData,
    tokenSecret,
    sessionHours,
    trustProxy: readTrustProxy(env.TRUST_PROXY),
    logLevel: readLogLevel(env.LOG_LEVEL, environment),
    introspection: readIntrospection(env.KINERJA_INTROSPECTION, environment),
    costBudget: readCostBudget(env),
    admission: {
      maxConcurrent: readWholeNumber('MAX_CONCURRENT_REQUESTS', env.MAX_CONCURRENT_REQUESTS, 10, 1, 10_000),
      maxQueued: readWholeNumber('MAX_QUEUED_REQUESTS', env.MAX_QUEUED_REQUESTS, 256, 0, 100_000),
      maxWaitMs: readWholeNumber('MAX_QUEUE_WAIT_MS', env.MAX_QUEUE_WAIT_MS, 5000, 1, 60_000),
    },
    metricsToken,
  };
}
