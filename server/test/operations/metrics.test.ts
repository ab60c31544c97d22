import type { Request, Response } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricsEndpoint } from '../../src/observability/metrics.js';
import { accountToken } from '../helpers/auth.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { fixture, importFolder } from '../import/helpers.js';

/** One sample of the Prometheus text format: name, labels, value. */
interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Parses the Prometheus text format (0.0.4); a line that is neither a comment nor a sample fails the test. */
function parse(text: string): { samples: Sample[]; types: Map<string, string> } {
  const samples: Sample[] = [];
  const types = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const type = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$/.exec(line);
    if (type) {
      types.set(type[1]!, type[2]!);
      continue;
    }
    if (line.startsWith('# HELP ')) continue;
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    expect(sample, `not a Prometheus sample line: ${line}`).not.toBeNull();
    const labels: Record<string, string> = {};
    for (const pair of (sample![2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      labels[pair[1]!] = pair[2]!;
    }
    samples.push({ name: sample![1]!, labels, value: Number(sample![3]) });
  }
  return { samples, types };
}

function value(samples: Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  return samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
}

describe('/metrics: Prometheus text format, counted by operation (docs/operations.md "Monitoring")', () => {
  let db: TestDatabase;
  let server: TestServer;
  let headers: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startTestServer(db.orm);
    ({ headers } = await accountToken(db.orm.em.fork(), { login: 'admin.metrics', role: 'ADMIN' }));
  });

  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  async function scrape(): Promise<{ samples: Sample[]; types: Map<string, string> }> {
    const response = await fetch(`${server.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return parse(await response.text());
  }

  it('a scrape after a few queries shows them by operation, their latency, errors by code, cost, pool, import rows and refresh lag', async () => {
    const before = await scrape();
    const report = await importFolder(db.orm, fixture('valid'));
    expect(report.committed).toBe(true);
    // A stale mark left 90 s ago and not yet refreshed: the lag is its age.
    await db.orm.em
      .fork()
      .getConnection()
      .execute(`insert into analytics_stale (kind, marked_at) values ('training', now() - interval '90 seconds')`);

    const post = (query: string, operationName?: string) =>
      fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, operationName }),
      }).then((r) => r.json() as Promise<{ errors?: unknown[] }>);
    for (let i = 0; i < 3; i++)
      expect((await post('query MetricsAgencies { agencies { code } }')).errors).toBeUndefined();
    expect((await post('query MetricsMe { me { login } }')).errors).toBeUndefined();
    expect((await post('query MetricsBad { noSuchField }')).errors).toHaveLength(1);
    const { samples, types } = await scrape();

    expect(types.get('kinerja_graphql_requests_total')).toBe('counter');
    expect(types.get('kinerja_graphql_request_duration_seconds')).toBe('histogram');
    expect(
      value(samples, 'kinerja_graphql_requests_total', { operation: 'MetricsAgencies', type: 'query', outcome: 'ok' }),
    ).toBe(3);
    expect(value(samples, 'kinerja_graphql_requests_total', { operation: 'MetricsMe', outcome: 'ok' })).toBe(1);
    expect(value(samples, 'kinerja_graphql_request_duration_seconds_count', { operation: 'MetricsAgencies' })).toBe(3);
    const sum = value(samples, 'kinerja_graphql_request_duration_seconds_sum', { operation: 'MetricsAgencies' })!;
    expect(sum).toBeGreaterThan(0);
    expect(sum).toBeLessThan(30);
    expect(value(samples, 'kinerja_graphql_requests_total', { operation: 'MetricsBad', outcome: 'error' })).toBe(1);
    expect(
      value(samples, 'kinerja_graphql_errors_total', { operation: 'MetricsBad', code: 'GRAPHQL_VALIDATION_FAILED' }),
    ).toBe(1);
    // Cost: the admitted operations of the ADMIN caller were priced and counted.
    const cost = (s: Sample[]) => value(s, 'kinerja_cost_spent_total', { role: 'ADMIN' }) ?? 0;
    expect(cost(samples)).toBeGreaterThan(cost(before.samples));

    expect(value(samples, 'kinerja_db_pool_connections', { pool: 'primary', state: 'max' })).toBe(5);
    expect(value(samples, 'kinerja_db_pool_connections', { pool: 'primary', state: 'used' })).toBeGreaterThanOrEqual(0);
    expect(value(samples, 'kinerja_admission_requests', { state: 'running' })).toBeGreaterThanOrEqual(0);
    expect(value(samples, 'kinerja_database_up')).toBe(1);
    const lag = value(samples, 'kinerja_analytics_refresh_lag_seconds')!;
    expect(lag).toBeGreaterThanOrEqual(90);
    expect(lag).toBeLessThan(300);
    expect(value(samples, 'kinerja_analytics_stale_marks')).toBe(1);

    // The import's rows, file by file, as its report counted them.
    for (const file of report.files) {
      const labels = { file: file.file, outcome: 'committed' };
      const delta =
        (value(samples, 'kinerja_import_rows_total', labels) ?? 0) -
        (value(before.samples, 'kinerja_import_rows_total', labels) ?? 0);
      expect(delta, file.file).toBe(file.rows);
    }
    expect(report.files.find((f) => f.file === 'scores.csv')!.rows).toBeGreaterThan(0);
    // The process's own figures come along (prom-client's defaults).
    expect(value(samples, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('answers loopback callers only, unless METRICS_TOKEN is set; then only callers with that token', async () => {
    const answer = async (handler: ReturnType<typeof metricsEndpoint>, address: string, authorization?: string) => {
      let status = 0;
      const res = {
        status(code: number) {
          status = code;
          return res;
        },
        set: () => res,
        type: () => res,
        json: () => res,
        send: () => res,
      };
      const req = { socket: { remoteAddress: address }, headers: { authorization } };
      await handler(req as unknown as Request, res as unknown as Response, () => undefined);
      return status;
    };
    const open = metricsEndpoint(server.app.metrics, null);
    expect(await answer(open, '127.0.0.1')).toBe(200);
    expect(await answer(open, '::1')).toBe(200);
    expect(await answer(open, '::ffff:127.0.0.1')).toBe(200);
    expect(await answer(open, '10.0.0.7')).toBe(403);
    expect(await answer(open, '::ffff:192.168.1.20')).toBe(403);

    const secret = 'metrics-token-of-the-city-prometheus-0123';
    const guarded = await startTestServer(db.orm, { METRICS_TOKEN: secret });
    try {
      const noToken = await fetch(`${guarded.url}/metrics`);
      expect(noToken.status).toBe(403);
      expect(await noToken.text()).toContain('METRICS_TOKEN');
      const wrong = await fetch(`${guarded.url}/metrics`, { headers: { authorization: `Bearer ${secret}x` } });
      expect(wrong.status).toBe(403);
      const right = await fetch(`${guarded.url}/metrics`, { headers: { authorization: `Bearer ${secret}` } });
      expect(right.status).toBe(200);
      expect(await right.text()).toContain('# TYPE kinerja_graphql_requests_total counter');
    } finally {
      await guarded.stop();
    }
  });
});
