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
  /** Seconds a graceful shutdown may take before the process exits anyway. */
  shutdownTimeoutSeconds: number;
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

function readDatabaseUrl(raw: string | undefined): string | null {
  if (!raw) return null;
  if (!/^postgres(ql)?:\/\//.test(raw)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  return raw;
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
  return {
    env: readEnvironment(env.NODE_ENV),
    host: env.HOST || '127.0.0.1',
    port: readPort(env.PORT, 4000),
    databaseUrl,
    dataDir: resolve(env.KINERJA_DATA_DIR || resolve(REPO_ROOT, '.data')),
    dashboardDir: resolve(env.KINERJA_DASHBOARD_DIR || resolve(REPO_ROOT, 'dashboard', 'dist')),
    policy: readPolicy(env.SCORING_POLICY_FILE),
    // Demo data goes only into the embedded database unless asked for explicitly.
    loadDemoData: demo === undefined || demo === '' ? databaseUrl === null : demo === 'true',
    shutdownTimeoutSeconds: shutdown,
  };
}
