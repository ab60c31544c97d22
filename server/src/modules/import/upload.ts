import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { MikroORM } from '@mikro-orm/postgresql';
import { localeOfAcceptLanguage, renderMessage, type Message, type MessageLocale } from '@kinerja/shared';
import busboy from 'busboy';
import type { Request, RequestHandler, Response } from 'express';
import type { Context } from '../../graphql/context.js';
import { mayRunImport } from '../access/write-rules.js';
import { importJobs } from './jobs.js';
import { IMPORT_FILES } from './import.types.js';

/** The largest file one upload takes: a city's year of scores is a few hundred MB (docs/import.md). */
export const MAX_UPLOAD_FILE_MB = 1024;

interface FieldProblem {
  field: string;
  message: Message;
}

function refuse(
  res: Response,
  locale: MessageLocale,
  status: number,
  code: string,
  problems: readonly FieldProblem[],
): void {
  res
    .status(status)
    .type('application/json')
    .send(
      JSON.stringify({
        errors: problems.map((p) => ({
          message: renderMessage(p.message, locale),
          extensions: { code, ...(p.field ? { field: p.field } : {}) },
        })),
      }),
    );
}

/**
 * `POST /api/import` (docs/import.md#upload-and-import-jobs): multipart/form-data with one part per CSV file (named as
 * in the import format) and the fields `dryRun` ("true" or "false") and `reason`. The files are streamed to a private
 * temporary folder, never held in memory; the answer is `202 { "jobId": ... }` and the importer runs as a job that
 * `importJob(id)` reports. ADMIN only, like `importData`; the same CSRF rule as the GraphQL endpoint (a header a
 * cross-site form cannot send); refusals are GraphQL-style errors in the request's language.
 */
export function importUploadHandler(
  orm: Pick<MikroORM, 'em'>,
  contextOf: (req: Request, res: Response) => Promise<Context>,
): RequestHandler {
  return async (req, res, next) => {
    const locale = localeOfAcceptLanguage(req.headers['accept-language']);
    try {
      if (!req.headers['apollo-require-preflight'] && !req.headers['x-apollo-operation-name']) {
        return refuse(res, locale, 400, 'BAD_REQUEST', [
          { field: '', message: { code: 'IMPORT_PREFLIGHT_HEADER', params: {} } },
        ]);
      }
      const ctx = await contextOf(req, res);
      const viewer = ctx.viewer;
      if (ctx.tokenRejected || !viewer || viewer.anonymous || !ctx.scope) {
        return refuse(res, locale, 401, 'UNAUTHENTICATED', [
          { field: '', message: { code: 'UNAUTHENTICATED', params: {} } },
        ]);
      }
      if (viewer.mustChangePassword) {
        return refuse(res, locale, 403, 'FORBIDDEN', [
          { field: '', message: { code: 'MUST_CHANGE_PASSWORD', params: {} } },
        ]);
      }
      if (!mayRunImport(ctx.scope)) {
        return refuse(res, locale, 403, 'FORBIDDEN', [
          { field: '', message: { code: 'ONLY_ADMIN', params: { action: 'IMPORT' } } },
        ]);
      }
      if (!req.is('multipart/form-data')) {
        return refuse(res, locale, 415, 'BAD_USER_INPUT', [
          { field: 'files', message: { code: 'IMPORT_NOT_MULTIPART', params: {} } },
        ]);
      }
      const folder = await mkdtemp(join(tmpdir(), 'kinerja-upload-'));
      const upload = await receive(req, folder);
      if (upload.problems.length > 0) {
        await rm(folder, { recursive: true, force: true });
        return refuse(res, locale, 400, 'BAD_USER_INPUT', upload.problems);
      }
      const job = await importJobs.start({
        orm,
        folder,
        dryRun: upload.dryRun,
        actor: viewer.login,
        reason: upload.reason,
        policy: ctx.policy,
      });
      res.status(202).json({ jobId: job.id });
    } catch (error) {
      next(error);
    }
  };
}

interface Upload {
  dryRun: boolean;
  reason: string | null;
  problems: FieldProblem[];
}

/** Streams the parts of one multipart request to the folder; every problem found is collected, none stops it. */
function receive(req: Request, folder: string): Promise<Upload> {
  return new Promise((resolve, reject) => {
    const upload: Upload = { dryRun: false, reason: null, problems: [] };
    const seen = new Map<string, number>();
    const writes: Promise<void>[] = [];
    let index = 0;
    const parser = busboy({
      headers: req.headers,
      limits: { fileSize: MAX_UPLOAD_FILE_MB * 1024 * 1024, files: IMPORT_FILES.length * 2, fields: 10 },
    });
    parser.on('file', (_field, stream, info) => {
      const at = `files[${index}]`;
      index += 1;
      const name = basename(info.filename ?? '');
      if (!(IMPORT_FILES as readonly string[]).includes(name)) {
        upload.problems.push({
          field: at,
          message: { code: 'IMPORT_UNKNOWN_FILE', params: { name, known: IMPORT_FILES.join(', ') } },
        });
        stream.resume();
        return;
      }
      if (seen.has(name)) {
        upload.problems.push({
          field: at,
          message: { code: 'IMPORT_FILE_TWICE', params: { name, at: `files[${seen.get(name)}]` } },
        });
        stream.resume();
        return;
      }
      seen.set(name, index - 1);
      stream.on('limit', () => {
        upload.problems.push({
          field: at,
          message: { code: 'IMPORT_TOO_LARGE', params: { name, maxMegabytes: MAX_UPLOAD_FILE_MB } },
        });
      });
      writes.push(pipeline(stream, createWriteStream(join(folder, name), { flags: 'wx' })));
    });
    parser.on('field', (name, value) => {
      if (name === 'dryRun') {
        if (value !== 'true' && value !== 'false') {
          upload.problems.push({ field: 'dryRun', message: { code: 'IMPORT_BAD_DRY_RUN', params: { value } } });
        }
        upload.dryRun = value === 'true';
      } else if (name === 'reason') {
        upload.reason = value.trim().slice(0, 500) || null;
      }
    });
    parser.on('error', reject);
    parser.on('close', () => {
      Promise.all(writes)
        .then(() => {
          if (seen.size === 0 && upload.problems.length === 0) {
            upload.problems.push({ field: 'files', message: { code: 'IMPORT_NO_FILES', params: {} } });
          }
          resolve(upload);
        })
        .catch(reject);
    });
    req.pipe(parser);
  });
}
