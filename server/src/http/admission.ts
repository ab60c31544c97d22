import { localeOfAcceptLanguage, messageText } from '@kinerja/shared';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Admission control for the API (docs/operations.md "Overload"): at most `maxConcurrent` requests run at once; up to
 * `maxQueued` more wait, each at most `maxWaitMs`, for a free place; anything beyond is refused at once with HTTP 503,
 * `Retry-After` and the GraphQL error code SERVICE_UNAVAILABLE, its message (SERVER_AT_CAPACITY of the catalogue)
 * in the request's language. Under a load the server cannot carry, callers are told quickly to come back instead of
 * queueing for minutes behind each other (and the database pool behind them). Each answer carries its wait for a
 * place as `Server-Timing: admission;dur=<ms>` (`pnpm bench load` reads it: docs/benchmarks.md).
 *
 * The queue is bounded by time as well as by length: the server keeps a moving average of how long an admitted
 * request runs, and a request that would wait longer than `maxWaitMs` by that estimate (its place in the queue times
 * the average, over `maxConcurrent` places) is refused at once rather than after waiting `maxWaitMs` in vain.
 * Hand-written: the few lines of a counting semaphore with a bounded, timed queue; the express rate limiters count
 * requests per client over time, which is another question.
 */
export interface AdmissionOptions {
  maxConcurrent: number;
  maxQueued: number;
  maxWaitMs: number;
}

/** The weight of the newest request in the moving average of run times. */
const AVERAGE_WEIGHT = 0.2;

export interface Admission {
  middleware: RequestHandler;
  /** Requests running now and waiting now (for metrics and tests). */
  stats(): { running: number; queued: number; refused: number };
}

interface Waiter {
  admit: () => void;
  timer: NodeJS.Timeout;
}

/**
 * `now` is the clock in milliseconds (a test passes its own).
 */
export function createAdmission(options: AdmissionOptions, now: () => number = () => performance.now()): Admission {
  let running = 0;
  let refused = 0;
  /** Moving average of the run time of admitted requests, ms; null until one finished. */
  let averageRunMs: number | null = null;
  const queue: Waiter[] = [];

  /** The header that says how long a request waited for a place (milliseconds, one decimal). */
  const setWait = (res: Response, since: number) => {
    res.setHeader('Server-Timing', `admission;dur=${(now() - since).toFixed(1)}`);
  };

  /** Would a request joining the queue now wait longer than `maxWaitMs`, by the average run time? */
  const expectedWaitTooLong = () =>
    averageRunMs !== null && ((queue.length + 1) * averageRunMs) / options.maxConcurrent > options.maxWaitMs;

  const release = () => {
    const next = queue.shift();
    if (next) {
      clearTimeout(next.timer);
      next.admit();
    } else {
      running--;
    }
  };

  const refuse = (req: Request, res: Response, since: number) => {
    refused++;
    const retryAfterSeconds = Math.max(1, Math.ceil(options.maxWaitMs / 1000));
    setWait(res, since);
    res
      .status(503)
      .set('Retry-After', String(retryAfterSeconds))
      .json({
        errors: [
          {
            message: messageText(
              'SERVER_AT_CAPACITY',
              { seconds: retryAfterSeconds },
              localeOfAcceptLanguage(req.headers['accept-language']),
            ),
            extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds },
          },
        ],
      });
  };

  const middleware: RequestHandler = (req: Request, res: Response, next: NextFunction) => {
    const since = now();
    let released = false;
    const admitted = () => {
      setWait(res, since);
      const start = now();
      const done = () => {
        if (released) return;
        released = true;
        const ran = now() - start;
        averageRunMs = averageRunMs === null ? ran : averageRunMs + AVERAGE_WEIGHT * (ran - averageRunMs);
        release();
      };
      res.once('finish', done);
      res.once('close', done);
      next();
    };
    if (running < options.maxConcurrent) {
      running++;
      admitted();
      return;
    }
    if (queue.length >= options.maxQueued || expectedWaitTooLong()) {
      refuse(req, res, since);
      return;
    }
    const waiter: Waiter = {
      // A place handed over by release(): `running` stays as it was (one leaves, one enters).
      admit: admitted,
      timer: setTimeout(() => {
        const index = queue.indexOf(waiter);
        if (index >= 0) queue.splice(index, 1);
        refuse(req, res, since);
      }, options.maxWaitMs),
    };
    queue.push(waiter);
    // A caller that gives up while waiting leaves the queue.
    res.once('close', () => {
      const index = queue.indexOf(waiter);
      if (index >= 0) {
        queue.splice(index, 1);
        clearTimeout(waiter.timer);
      }
    });
  };

  return {
    middleware,
    stats: () => ({ running, queued: queue.length, refused }),
  };
}
