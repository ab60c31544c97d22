import { timingSafeEqual } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { ApolloServerPlugin } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { RequestHandler } from 'express';
import { Kind } from 'graphql';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Prometheus metrics (docs/operations.md "Monitoring"): requests, latency and errors by GraphQL operation, cost spent,
 * the database pools, the admission queue, import rows and the read-model refresh lag. Each app has its own registry
 * (tests start several apps in one process); the import's row counter is process-wide, because the importer also runs
 * from the command line, where nobody scrapes.
 */

/** Rows read by committed, rejected and dry-run imports (counted by `runImport`, scraped with every app). */
const importRegistry = new Registry();
const importRows = new Counter({
  name: 'kinerja_import_rows_total',
  help: 'Rows of the CSV files read by imports, by file and outcome (committed, rejected, dry_run)',
  labelNames: ['file', 'outcome'] as const,
  registers: [importRegistry],
});

/** Counts an import's rows by file (import.service.ts calls it once per run). */
export function countImportRows(
  files: readonly { file: string; rows: number }[],
  outcome: 'committed' | 'rejected' | 'dry_run',
): void {
  for (const f of files) importRows.inc({ file: f.file, outcome }, f.rows);
}

/**
 * Operation names come from the client: a label per name would let a client grow the series without end. The first
 * MAX_OPERATIONS distinct names are kept; later ones are counted as `other`.
 */
export const MAX_OPERATIONS = 200;
const PROBE_TIMEOUT_MS = 2000;
const OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

/** What the app hands to the metrics: its pools and the admission's counters. */
export interface MetricsSources {
  /** Every pool the app uses, by name (`primary`, `replica-1`, ...). */
  pools(): { name: string; pool: TarnPool | null }[];
  /** A connection for the refresh lag query (the primary). */
  orm: MikroORM;
  admission(): { running: number; queued: number; refused: number };
}

/** The bits of tarn.js (knex's pool) read here. */
export interface TarnPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
  max: number;
}

export class Metrics {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();
  readonly requests: Counter<'operation' | 'type' | 'outcome'>;
  readonly duration: Histogram<'operation' | 'type'>;
  readonly errors: Counter<'operation' | 'code'>;
  readonly cost: Counter<'role'>;

  /** What the scrape's database query found (`text()` asks before the registry collects). */
  private found = { up: 0, marks: Number.NaN, lag: Number.NaN };

  constructor(private readonly sources: MetricsSources) {
    const registers = [this.registry];
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the gauges' collect() binds `this` to the gauge
    const metrics = this;
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({
      name: 'kinerja_graphql_requests_total',
      help: 'GraphQL operations answered, by operation name, type (query, mutation) and outcome (ok, error)',
      labelNames: ['operation', 'type', 'outcome'] as const,
      registers,
    });
    this.duration = new Histogram({
      name: 'kinerja_graphql_request_duration_seconds',
      help: 'Time from the start of a GraphQL request to its answer, by operation name and type',
      labelNames: ['operation', 'type'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.errors = new Counter({
      name: 'kinerja_graphql_errors_total',
      help: 'GraphQL errors answered, by operation name and error code (docs/graphql.md#errors)',
      labelNames: ['operation', 'code'] as const,
      registers,
    });
    this.cost = new Counter({
      name: 'kinerja_cost_spent_total',
      help: 'Cost units spent by admitted operations, by the caller role (docs/security.md "Cost budget")',
      labelNames: ['role'] as const,
      registers,
    });
    new Gauge({
      name: 'kinerja_db_pool_connections',
      help: 'Database connections of each pool: used, free, waiting (acquires pending) and max',
      labelNames: ['pool', 'state'] as const,
      registers,
      collect() {
        this.reset();
        for (const { name, pool } of sources.pools()) {
          if (!pool) continue;
          this.set({ pool: name, state: 'used' }, pool.numUsed());
          this.set({ pool: name, state: 'free' }, pool.numFree());
          this.set({ pool: name, state: 'waiting' }, pool.numPendingAcquires());
          this.set({ pool: name, state: 'max' }, pool.max);
        }
      },
    });
    new Gauge({
      name: 'kinerja_admission_requests',
      help: 'API requests running and waiting for a place now (docs/operations.md "Overload")',
      labelNames: ['state'] as const,
      registers,
      collect() {
        const stats = sources.admission();
        this.set({ state: 'running' }, stats.running);
        this.set({ state: 'queued' }, stats.queued);
      },
    });
    new Counter({
      name: 'kinerja_admission_refused_total',
      help: 'API requests refused with 503 SERVICE_UNAVAILABLE because the server was at capacity',
      registers,
      collect() {
        this.reset();
        this.inc(sources.admission().refused);
      },
    });
    const database: Gauge = new Gauge({
      name: 'kinerja_database_up',
      help: '1 when the primary database answered the scrape, else 0',
      registers,
      collect: () => {
        database.set(this.found.up);
      },
    });
    new Gauge({
      name: 'kinerja_analytics_stale_marks',
      help: 'Stale marks not yet consumed by the read-model refresh (docs/analytics.md "Read models and their refresh")',
      registers,
      collect() {
        this.set(metrics.found.marks);
      },
    });
    new Gauge({
      name: 'kinerja_analytics_refresh_lag_seconds',
      help: 'Age of the oldest stale mark not yet refreshed into the analytics read models (0: all fresh)',
      registers,
      collect() {
        this.set(metrics.found.lag);
      },
    });
  }

  /** One query per scrape for the refresh lag, the stale marks and whether the database answers. */
  private async probeDatabase(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const query = this.sources.orm.em
        .fork()
        .getConnection()
        .execute(
          `select count(*)::int as marks,
                  coalesce(extract(epoch from now() - min(marked_at)), 0)::float8 as lag
             from analytics_stale`,
        ) as Promise<{ marks: number; lag: number }[]>;
      // A scrape never waits long for a database that does not answer.
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('no answer')), PROBE_TIMEOUT_MS);
      });
      const rows = await Promise.race([query, timeout]);
      this.found = { up: 1, marks: rows[0]?.marks ?? 0, lag: rows[0]?.lag ?? 0 };
    } catch {
      // The database is down: the lag is unknown (NaN), and kinerja_database_up says so.
      this.found = { up: 0, marks: Number.NaN, lag: Number.NaN };
    } finally {
      clearTimeout(timer);
    }
  }

  /** The label for an operation name (bounded, see MAX_OPERATIONS). */
  operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'invalid';
    if (this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATIONS) return 'other';
    this.operations.add(name);
    return name;
  }

  /** The scrape's text (Prometheus text format 0.0.4). */
  async text(): Promise<{ contentType: string; body: string }> {
    await this.probeDatabase();
    const body = (await this.registry.metrics()) + (await importRegistry.metrics());
    return { contentType: this.registry.contentType, body };
  }

  /** Counts every GraphQL request: operation, type, outcome, duration and each error's code. */
  plugin(): ApolloServerPlugin {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- Apollo calls the hooks with their own `this`
    const metrics = this;
    return {
      async requestDidStart({ request }) {
        const started = performance.now();
        let operation = metrics.operationLabel(request.operationName);
        let type = 'unknown';
        return {
          // A document that fails validation never resolves its operation: its name is read from the parse.
          async validationDidStart({ document }) {
            if (request.operationName) return;
            const named = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
            if (named.length === 1 && named[0]!.kind === Kind.OPERATION_DEFINITION) {
              operation = metrics.operationLabel(named[0]!.name?.value);
              type = named[0]!.operation;
            }
          },
          async didResolveOperation({ operation: resolved, request: req }) {
            operation = metrics.operationLabel(resolved?.name?.value ?? req.operationName);
            type = resolved?.operation ?? 'unknown';
          },
          async didEncounterErrors({ errors }) {
            for (const error of errors) {
              const code = error.extensions?.code;
              metrics.errors.inc({ operation, code: typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR' });
            }
          },
          async willSendResponse({ response }) {
            const failed = response.body.kind === 'single' && (response.body.singleResult.errors?.length ?? 0) > 0;
            metrics.requests.inc({ operation, type, outcome: failed ? 'error' : 'ok' });
            metrics.duration.observe({ operation, type }, (performance.now() - started) / 1000);
          },
        };
      },
    };
  }
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/**
 * `GET /metrics` (docs/operations.md "Monitoring"): with `METRICS_TOKEN` set, a caller must send
 * `Authorization: Bearer <token>`; without it, only a caller on the loopback interface is answered (the socket's
 * address: a reverse proxy on the same machine must not forward `/metrics`). Everyone else gets 403.
 */
export function metricsEndpoint(metrics: Metrics, token: string | null): RequestHandler {
  const expected = token === null ? null : Buffer.from(`Bearer ${token}`);
  return async (req, res) => {
    let allowed: boolean;
    if (expected) {
      const given = Buffer.from(req.headers.authorization ?? '');
      allowed = given.length === expected.length && timingSafeEqual(given, expected);
    } else {
      allowed = LOOPBACK.test(req.socket.remoteAddress ?? '');
    }
    if (!allowed) {
      res
        .status(403)
        .set('cache-control', 'no-store')
        .json({
          status: 403,
          message: expected
            ? 'Metrik memerlukan METRICS_TOKEN yang benar. /metrics needs the right METRICS_TOKEN (Authorization: Bearer).'
            : 'Metrik hanya untuk loopback; setel METRICS_TOKEN. /metrics answers loopback only unless METRICS_TOKEN is set.',
        });
      return;
    }
    const { contentType, body } = await metrics.text();
    res.status(200).set('cache-control', 'no-store').type(contentType).send(body);
  };
}
