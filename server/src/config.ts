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
  /** Where the embedded database keeps its files. */
  dataDir: string;
  /** Built dashboard to serve at `/`, when it exists. */
  dashboardDir: string;
  /** Scoring policy in force (defaults from domain.md, overridable by `SCORING_POLICY_FILE`). */
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
   * Demo mode (api.md): the embedded database with the demo data. Anonymous callers may read as a POLICY caller
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
  /** Admission control of the API (docs/operations.md "Overload"): requests at once, waiting, and the longest wait. */
  admission: { maxConcurrent: number; maxQueued: number; maxWaitMs: number };
}

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
  const loadDemoData = demo === undefined || demo === '' ? databaseUrl === null : demo === 'true';
  return {
    env: readEnvironment(env.NODE_ENV),
    host: env.HOST || '127.0.0.1',
    port: readPort(env.PORT, 4000),
    databaseUrl,
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
    admission: {
      maxConcurrent: readWholeNumber('MAX_CONCURRENT_REQUESTS', env.MAX_CONCURRENT_REQUESTS, 32, 1, 10_000),
      maxQueued: readWholeNumber('MAX_QUEUED_REQUESTS', env.MAX_QUEUED_REQUESTS, 256, 0, 100_000),
      maxWaitMs: readWholeNumber('MAX_QUEUE_WAIT_MS', env.MAX_QUEUE_WAIT_MS, 5000, 1, 60_000),
    },
  };
}
