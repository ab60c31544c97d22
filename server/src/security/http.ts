import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { ErrorRequestHandler, Express, NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import type { RequestFacts } from './plugin.js';

/**
 * The HTTP side of docs/security.md: one JSON log line per request, client errors as GraphQL JSON errors in every
 * mode, health and readiness, and 404 for paths that are neither the API nor a dashboard page.
 */

/** A GraphQL-shaped error answer for a request that never reached GraphQL (bad JSON, too large, wrong type). */
export function sendGraphQLError(res: Response, status: number, code: string, message: string): void {
  res
    .status(status)
    .type('application/json')
    .send(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * One log line per request with the project's fields only: request id (`reqId`, and `req.id`), method, path (no query
 * string: GET operations carry their variables there), status, duration (`responseTime`, ms), operation name and
 * caller role (set by the security plugin). No header, body or variable is written; the redaction paths in logging.ts
 * are a second guard. The line pino-http wrote, without its three child loggers per request (their serializers were
 * 4-5% of a small read's CPU, docs/benchmarks.md#read-path-against-postgraphile); nothing is built when the level is
 * off.
 */
export function requestLogger(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('x-request-id', id);
    (req as Request & { id?: string }).id = id;
    if (req.url === '/healthz') return next();
    const started = Date.now();
    const method = req.method;
    const path = (req.url ?? '').split('?')[0];
    const done = (error?: unknown) => {
      res.removeListener('close', done);
      res.removeListener('finish', done);
      res.removeListener('error', done);
      // An async error reaches the log through `res.err` (set by the error handler).
      const err = error instanceof Error ? error : (res as Response & { err?: Error }).err;
      const failed = err !== undefined || res.statusCode >= 500;
      const level = failed ? 'error' : res.statusCode >= 400 ? 'warn' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      const facts = (res.locals as { kinerja?: RequestFacts } | undefined)?.kinerja;
      logger[level](
        {
          reqId: id,
          req: { id, method, path },
          res: { statusCode: res.statusCode },
          ...(err ? { err } : {}),
          responseTime: Date.now() - started,
          ...(facts ? { operationName: facts.operationName ?? null, role: facts.role ?? null } : {}),
        },
        failed ? 'request errored' : 'request completed',
      );
    };
    res.on('close', done);
    res.on('finish', done);
    res.on('error', done);
    next();
  };
}

/** POST /graphql must be JSON: a form (CSRF by form POST) or text is refused as 415 before anything runs. */
export const requireJsonPost: RequestHandler = (req, res, next) => {
  if (req.method !== 'POST') return next();
  if (req.is('application/json')) return next();
  sendGraphQLError(
    res,
    415,
    'BAD_REQUEST',
    'Permintaan POST harus berjenis application/json. A POST must have the content type application/json.',
  );
};

interface BodyError extends Error {
  type?: string;
  status?: number;
  statusCode?: number;
}

/**
 * The last error handler of the app: body-parser's refusals become GraphQL JSON errors; anything else is logged once
 * with its stack (the request's log line, through `res.err`) and answered as a bare 500, never HTML.
 */
export const errorHandler: ErrorRequestHandler = (error: BodyError, _req, res, next: NextFunction) => {
  if (res.headersSent) return next(error);
  switch (error.type) {
    case 'entity.parse.failed':
      return sendGraphQLError(
        res,
        400,
        'BAD_REQUEST',
        'Isi permintaan bukan JSON yang sah. The body is not valid JSON.',
      );
    case 'entity.too.large':
      return sendGraphQLError(res, 413, 'BAD_REQUEST', 'Isi permintaan terlalu besar. The body is too large.');
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return sendGraphQLError(res, 415, 'BAD_REQUEST', 'Pengodean tidak didukung. Unsupported body encoding.');
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
    case 'stream.not.readable':
      return sendGraphQLError(res, 400, 'BAD_REQUEST', 'Isi permintaan tidak lengkap. The body could not be read.');
  }
  const status = error.status ?? error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    return sendGraphQLError(res, status, 'BAD_REQUEST', 'Permintaan tidak sah. Bad request.');
  }
  (res as Response & { err?: Error }).err = error;
  sendGraphQLError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
};

/** Answers every remaining request: 404 in JSON. */
export const notFound: RequestHandler = (_req, res) => {
  res.status(404).json({ status: 404, message: 'Tidak ditemukan. Not found.' });
};

/** First path segments that are never dashboard pages (the API, probes, files a scanner asks for). */
const NOT_PAGES = new Set(['graphql', 'health', 'healthz', 'readyz', 'metrics', 'api', 'assets']);

/**
 * A dashboard page: a GET for HTML of a path without a file extension outside the reserved prefixes. Everything
 * else unknown (`/foo.php`, `/metrics`, a JSON client) gets 404.
 */
export function isDashboardPage(req: Request): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const path = req.path;
  const first = path.split('/')[1] ?? '';
  if (NOT_PAGES.has(first)) return false;
  const last = path.split('/').pop() ?? '';
  if (last.includes('.')) return false;
  return (req.headers.accept ?? '').includes('text/html');
}

const READY_TIMEOUT_MS = 2000;

/** Readiness: the database answers and no migration is pending. */
export async function readiness(orm: MikroORM): Promise<{ ready: boolean; database: string; migrations: string }> {
  const check = async () => {
    await orm.em.fork().getConnection().execute('select 1');
    const pending = await orm.getMigrator().getPendingMigrations();
    return pending.length === 0
      ? { ready: true, database: 'ok', migrations: 'current' }
      : { ready: false, database: 'ok', migrations: `${pending.length} pending` };
  };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<{ ready: boolean; database: string; migrations: string }>((resolve) => {
    timer = setTimeout(
      () => resolve({ ready: false, database: `no answer within ${READY_TIMEOUT_MS} ms`, migrations: 'unknown' }),
      READY_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([
      check().catch(() => ({ ready: false, database: 'unreachable', migrations: 'unknown' })),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** `/healthz` (the process serves requests), `/readyz` (and the database is usable); `/health` is `/readyz`. */
export function mountHealth(app: Express, orm: MikroORM): void {
  app.get('/healthz', (_req, res) => {
    res.set('cache-control', 'no-store').json({ status: 'ok' });
  });
  const ready: RequestHandler = async (_req, res) => {
    const state = await readiness(orm);
    res
      .status(state.ready ? 200 : 503)
      .set('cache-control', 'no-store')
      .json({ status: state.ready ? 'ok' : 'unavailable', database: state.database, migrations: state.migrations });
  };
  app.get('/readyz', ready);
  app.get('/health', ready);
}
