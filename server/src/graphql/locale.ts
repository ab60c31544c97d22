import { AsyncLocalStorage } from 'node:async_hooks';
import { localeOfAcceptLanguage, renderMessage, type Message, type MessageLocale } from '@kinerja/shared';
import type { NextFunction, Request, Response } from 'express';

/**
 * The language of the request being answered (docs/i18n.md#the-request-language): set once per HTTP request from its
 * `Accept-Language`, read wherever a message is put into words (errors, explanations, labels), so that no function
 * needs the request passed down only to word a sentence. Outside a request (CLI, tests calling services) Indonesian.
 */
const current = new AsyncLocalStorage<MessageLocale>();

/** Express middleware: runs the rest of the request in the language its `Accept-Language` asks for. */
export function requestLocaleMiddleware(req: Request, _res: Response, next: NextFunction): void {
  current.run(localeOfAcceptLanguage(req.headers['accept-language']), next);
}

/** The language of the current request: Indonesian unless it asked for English. */
export function requestLocale(): MessageLocale {
  return current.getStore() ?? 'id';
}

/** Runs `fn` in a language (tests, and work started for a request that outlives it, such as an import job). */
export function withLocale<T>(locale: MessageLocale, fn: () => T): T {
  return current.run(locale, fn);
}

/** A message of the catalogue in the current request's language. */
export function say(message: Message): string {
  return renderMessage(message, requestLocale());
}
