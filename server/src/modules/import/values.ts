import { checkQuarter, checkYear, isRealDate, type Message, type Problem } from '@kinerja/shared';
import type { Separator } from './csv.js';

/**
 * Readers of one value of a row. Each returns the parsed value or what is wrong, as a catalogue message for a clerk
 * (with the code of the rule when a rule check of `shared/` refused the value); an empty value is `null` (callers
 * decide whether the column is required).
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: Message; code?: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (problem: Message): Parsed<never> => ({ ok: false, problem });
const refused = (problem: Problem): Parsed<never> => ({
  ok: false,
  problem: { code: problem.code, params: problem.params } as Message,
  code: problem.code,
});

const DECIMAL_DOT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const DECIMAL_COMMA = /^[+-]?(\d+(,\d*)?|,\d+)$/;

/**
 * A number. With `;` as separator (spreadsheets in the Indonesian locale) a decimal comma is read too: `85,5` is 85.5.
 * Thousands separators are refused: `1.234,5` is ambiguous between locales.
 */
export function parseNumber(raw: string, separator: Separator): Parsed<number> {
  if (DECIMAL_DOT.test(raw)) return ok(Number(raw));
  if (separator === ';' && DECIMAL_COMMA.test(raw)) return ok(Number(raw.replace(',', '.')));
  if (separator === ',' && DECIMAL_COMMA.test(raw)) {
    return fail({ code: 'IMPORT_DECIMAL_DOT', params: { value: raw } });
  }
  return fail({ code: 'IMPORT_NOT_A_NUMBER', params: { value: raw } });
}

export function parseInteger(raw: string): Parsed<number> {
  if (!/^[+-]?\d+$/.test(raw)) return fail({ code: 'IMPORT_NOT_WHOLE', params: { value: raw } });
  return ok(Number(raw));
}

/** A calendar date written `YYYY-MM-DD` that exists. */
export function parseDate(raw: string): Parsed<string> {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  if (!match) return fail({ code: 'IMPORT_DATE_FORMAT', params: { value: raw } });
  if (!isRealDate(Number(match[1]), Number(match[2]), Number(match[3])))
    return fail({ code: 'IMPORT_DATE_NOT_REAL', params: { value: raw } });
  return ok(raw);
}

/** One of a closed list of values; the message lists the allowed ones. Case-insensitive (`final` is FINAL). */
export function parseEnum<T extends string>(raw: string, allowed: readonly T[]): Parsed<T> {
  const upper = raw.toUpperCase();
  const found = allowed.find((a) => a === upper);
  if (found) return ok(found);
  return fail({ code: 'IMPORT_NOT_ONE_OF', params: { value: raw, allowed: [...allowed] } });
}

/** A year of the appraisal calendar: a whole number, in the range of the shared `checkYear`. */
export function parseYear(raw: string): Parsed<number> {
  const n = parseInteger(raw);
  if (!n.ok) return n;
  const [problem] = checkYear(n.value);
  return problem ? refused(problem) : n;
}

/** A quarter, 1-4 (the shared `checkQuarter`). */
export function parseQuarter(raw: string): Parsed<number> {
  const n = parseInteger(raw);
  if (!n.ok) return n;
  const [problem] = checkQuarter(n.value);
  return problem ? refused(problem) : n;
}
