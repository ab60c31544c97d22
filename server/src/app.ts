import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import cookieParser from 'cookie-parser';
import express from 'express';
import type { DestinationStream, Logger } from 'pino';
import type { Config } from './config.js';
import { createAppServices, createContext, type Context } from './api/context.js';
import { formatError } from './graphql/errors.js';
import { compiledExecution } from './graphql/executor.js';
import { graphiqlPage } from './graphql/graphiql.js';
import { requestLocaleMiddleware } from './graphql/locale.js';
import { buildKinerjaSchema } from './api/schema.js';
import { createAdmission } from './http/admission.js';
import { markReadOnly, withReadRouting, type ReplicaRouter } from './db/replicas.js';
import { privacyNotesPlugin } from './modules/access/index.js';
import { importUploadHandler } from './modules/import/index.js';
import { inTransaction, recomputeForPolicy } from './modules/results/index.js';
import { CostBudget } from './security/budget.js';
import {
  errorHandler,
  isDashboardPage,
  mountHealth,
  notFound,
  requestLogger,
  requireJsonPost,
} from './security/http.js';
import { limitValidationRules, OPERATION_LIMITS } from './security/limits.js';
import { createLogger } from './security/logging.js';
import { limitErrorOf, securityPlugin } from './security/plugin.js';
import { Metrics, metricsEndpoint, type TarnPool } from './observability/metrics.js';

export interface App {
  express: express.Express;
  httpServer: Server;
  apollo: ApolloServer<Context>;
  logger: Logger;
  /** The per-caller cost budget (flushed to PostgreSQL every few seconds, and when Apollo stops). */
  budget: CostBudget;
  /** The Prometheus metrics served at `/metrics`. */
  metrics: Metrics;
}

export interface AppOptions {
  /** Where the JSON log goes (tests read it); stdout otherwise. */
  logDestination?: DestinationStream;
  /** The read replicas (db/replicas.ts), for the pool metrics. */
  replicas?: ReplicaRouter;
}

function wantsHtml(req: express.Request): boolean {
  return req.method === 'GET' && req.query.query === undefined && (req.headers.accept ?? '').includes('text/html');
}

/** Builds the HTTP app (API, GraphiQL, dashboard) around an open ORM; `main.ts` and the tests both use it. */
export async function createApp(config: Config, orm: MikroORM, options: AppOptions = {}): Promise<App> {
  // The stored results follow the policy in force (docs/scoring.md "Policy versions"): recorded, and the results
  // that are not FINAL or frozen recomputed when it changed since the last start.
  await inTransaction(orm, (sql) => recomputeForPolicy(sql, config.policy));
  const logger = createLogger(config, options.logDestination);
  const budget = new CostBudget(
    async (sql, params) => (await orm.em.fork().getConnection().execute(sql, params)) as Record<string, unknown>[],
    {
      flushSeconds: config.costBudget.flushSeconds,
      onError: (error) => logger.error({ err: error }, 'cost budget flush failed'),
    },
  );
  budget.start();
  const app = express();
  app.disable('x-powered-by');
  // No ETag on the API's answers: a POST is never answered 304, and Express hashed every answer (SHA-1 over 4 MB for
  // a large read) to make one (docs/benchmarks.md). The dashboard's files keep theirs (express.static has its own).
  app.set('etag', false);
  // Behind a reverse proxy, the client address (login throttle) comes from X-Forwarded-For, from trusted hops only.
  if (config.trustProxy !== null) app.set('trust proxy', config.trustProxy);
  const services = createAppServices();
  const routeReads = (options.replicas?.status().length ?? 0) > 0;
  const httpServer = createServer(app);
  // Under more load than it can carry, the API refuses quickly (503) instead of queueing without end.
  const admission = createAdmission(config.admission);
  const metrics = new Metrics({
    orm,
    pools: () => [
      { name: 'primary', pool: poolOf(orm) },
      ...(options.replicas?.status() ?? []).map((r) => ({ name: r.name, pool: r.pool as TarnPool | null })),
    ],
    admission: () => admission.stats(),
  });
  const apollo = new ApolloServer<Context>({
    gateway: compiledExecution(await buildKinerjaSchema()),
    formatError: (formatted, error) => limitErrorOf(formatted, error) ?? formatError(formatted, error),
    includeStacktraceInErrorResponses: false,
    // Introspection is gated per caller (security/plugin.ts, KINERJA_INTROSPECTION).
    introspection: true,
    allowBatchedHttpRequests: false,
    stopOnTerminationSignals: false,
    // Operation limits before anything runs (docs/security.md): tokens while parsing, the rest while validating.
    parseOptions: { maxTokens: OPERATION_LIMITS.tokens },
    validationRules: limitValidationRules(),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // Apollo installs its cache-control plugin by default, which wraps every field of every row (its
      // willResolveField hook); the API sends no cache hints, and the wrapper cost a tenth of the CPU of a large read
      // (docs/benchmarks.md).
      ApolloServerPluginCacheControlDisabled(),
      securityPlugin({ config, budget, logger, onCostSpent: (role, cost) => metrics.cost.inc({ role }, cost) }),
      metrics.plugin(),
      {
        // Read-only operations may read from a replica (db/replicas.ts); a mutation stays on the primary throughout.
        async requestDidStart() {
          return {
            async didResolveOperation({ operation }) {
              markReadOnly(operation?.operation === 'query');
            },
          };
        },
      },
      privacyNotesPlugin,
      {
        async serverWillStart() {
          return {
            async serverWillStop() {
              await budget.stop();
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  app.use(requestLogger(logger));
  mountHealth(app, orm);
  app.get('/metrics', metricsEndpoint(metrics, config.metricsToken));
  app.get('/graphql', (req, res, next) => {
    if (!wantsHtml(req)) return next();
    res.type('html').send(graphiqlPage());
  });
  app.use(
    '/graphql',
    admission.middleware,
    cookieParser(),
    requireJsonPost,
    express.json({ limit: '2mb' }),
    // Every answer in the request's language (docs/i18n.md): errors, explanations and labels read it from here. After
    // the body parser, whose stream callbacks would run outside it.
    requestLocaleMiddleware,
    // After the body is read (its stream events would lose the request's async context): the routing of its reads,
    // when there are replicas to route to. Without them every read goes to the primary, and requests keep one
    // async-context store fewer, whose hooks cost every promise of a request (docs/benchmarks.md "Fourth pass").
    ...(routeReads
      ? [(_req: express.Request, _res: express.Response, next: express.NextFunction) => withReadRouting(next)]
      : []),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => createContext(orm.em, config, { req, res }, services),
    }),
  );

  // The streamed upload of the import (docs/import.md#upload-and-import-jobs): multipart to disk, then a job.
  app.post(
    '/api/import',
    admission.middleware,
    cookieParser(),
    importUploadHandler(orm, (req, res) => createContext(orm.em, config, { req, res }, services)),
  );

  if (existsSync(join(config.dashboardDir, 'index.html'))) {
    app.use(express.static(config.dashboardDir, { index: false, maxAge: '1h' }));
    // The dashboard routes in the browser: every other GET answers its page.
    app.get('/{*splat}', (req, res, next) => {
      if (!isDashboardPage(req)) return next();
      res.sendFile(join(config.dashboardDir, 'index.html'));
    });
  }
  app.use(notFound);
  app.use(errorHandler);
  return { express: app, httpServer, apollo, logger, budget, metrics };
}

/** knex's connection pool (tarn.js) behind an ORM, for the pool metrics. */
function poolOf(orm: MikroORM): TarnPool | null {
  const client = orm.em.getConnection().getKnex().client as { pool?: TarnPool };
  return client.pool ?? null;
}
