import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from '../config.js';

/**
 * What the log never holds, whatever a call site passes (docs/security.md "Logs"): credentials in headers, and any
 * property named like a password, a token, a body or GraphQL variables, at the top or one level down.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'password',
  'newPassword',
  'currentPassword',
  'token',
  'body',
  'variables',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.token',
  '*.body',
  '*.variables',
];

/** The server's logger: JSON lines (pino) at `LOG_LEVEL`, to stdout unless a destination is given (tests). */
export function createLogger(config: Pick<Config, 'logLevel'>, destination?: DestinationStream): Logger {
  return pino(
    {
      level: config.logLevel,
      base: { service: 'kinerja' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    },
    destination,
  );
}
