import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createApp, type App, type AppOptions } from '../../src/app.js';
import { BUDGET_CLASSES, loadConfig, type Config } from '../../src/config.js';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface TestServer {
  url: string;
  app: App;
  config: Config;
  /** POSTs one operation to /graphql and returns the parsed body. */
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

/**
 * For tests that read everything in one operation on purpose (the access matrix reads every path to every person):
 * the cost limit of one operation and every budget lifted far above any such read (docs/security.md).
 */
export const UNLIMITED_COST: Record<string, string> = {
  COST_LIMIT: '1000000000',
  COST_BUDGET_ROLES: BUDGET_CLASSES.map((role) => `${role}=1000000000`).join(','),
};

/** Starts the real HTTP app on a free port over an open ORM. */
export async function startTestServer(
  orm: MikroORM,
  env: Record<string, string> = {},
  options: AppOptions = {},
): Promise<TestServer> {
  // Not in demo mode unless a test asks: callers are anonymous only where a test says so.
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    KINERJA_DEMO_DATA: 'false',
    LOG_LEVEL: 'silent',
    // The cost budget flushes once a minute at most here; a test that needs a flush calls `app.budget.flush()`.
    COST_BUDGET_FLUSH_SECONDS: '60',
    ...env,
  });
  const app = await createApp(config, orm, options);
  app.httpServer.listen(0, '127.0.0.1');
  await once(app.httpServer, 'listening');
  const { port } = app.httpServer.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    app,
    config,
    async graphql(query, variables, headers) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse<never>;
    },
    async stop() {
      await app.apollo.stop();
    },
  };
}
