import { checkQuarter, checkYear, isRealDate, renderProblem, type Problem } from '@kinerja/shared';
import type { Separator } from './csv.js';

/**
 * Readers of one value of a row. Each returns the parsed value or an error message written for a clerk (with the
 * code of the rule when a rule check of `shared/` refused the value); an empty value is `null` (callers decide
 * whether the column is required).
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string; code?: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (message: string): Parsed<never> => ({ ok: false, message });
const refused = (problem: Problem): Parsed<never> => ({
  ok: false,
  message: renderProblem(problem),
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
    return fail(`${raw} is not a number: a comma-separated file writes decimals with a dot (85.5)`);
  }
  return fail(`${raw} is not a number`);
}

export function parseInteger(raw: string): Parsed<number> {
  if (!/^[+-]?\d+$/.test(raw)) return fail(`${raw} is not a whole number`);
  return ok(Number(raw));
}

/** A calendar date written `YYYY-MM-DD` that exists. */
export function parseDate(raw: string): Parsed<string> {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  if (!match) return fail(`${raw} is not a date in the form YYYY-MM-DD (e.g. 2025-03-31)`);
  if (!isRealDate(Number(match[1]), Number(match[2]), Number(match[3]))) return fail(`${raw} is not a real date`);
  return ok(raw);
}

/** One of a closed list of values; the message lists the allowed ones. Case-insensitive (`final` is FINAL). */
export function parseEnum<T extends string>(raw: string, allowed: readonly T[]): Parsed<T> {
  const upper = raw.toUpperCase();
  const found = allowed.find((a) => a === upper);
  if (found) return ok(found);
  return fail(`${raw} is not one of ${allowed.join(', ')}`);
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
