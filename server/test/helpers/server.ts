import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createApp, type App } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';

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

/** Starts the real HTTP app on a free port over an open ORM. */
export async function startTestServer(orm: MikroORM, env: Record<string, string> = {}): Promise<TestServer> {
  // Not in demo mode unless a test asks: callers are anonymous only where a test says so.
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', KINERJA_DEMO_DATA: 'false', LOG_LEVEL: 'silent', ...env });
  const app = await createApp(config, orm);
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
