import { isRealDate } from './calendar.js';
import { renderMessage } from './messages.js';
import { problem, type Problem } from './problems.js';

/**
 * Appraisal periods are quarters, triwulan I-IV of a calendar year (PP 30/2019: performance is appraised
 * periodically within the year). A quarter index numbers them consecutively so that ranges and windows
 * ("t0 - w .. t0 + w" in the training-impact rule) are plain integer arithmetic across year ends.
 */

export type Quarter = 1 | 2 | 3 | 4;

export interface YearQuarter {
  year: number;
  quarter: Quarter;
}

/** Roman numerals of the four triwulan, as written in Indonesian ("Triwulan III 2025"). */
export const ROMAN_QUARTERS = ['I', 'II', 'III', 'IV'] as const;

/**
 * The years of the appraisal calendar: 2000-2100. The one range every year input is checked against (API, import) and
 * that the database's `period_year_range` check repeats (docs/scoring.md#years-and-quarters).
 */
export const YEAR_MIN = 2000;
export const YEAR_MAX = 2100;

/** The problems of a year: a whole number within YEAR_MIN..YEAR_MAX, both included. */
export function checkYear(year: number, field = 'year'): Problem[] {
  if (Number.isInteger(year) && year >= YEAR_MIN && year <= YEAR_MAX) return [];
  return [problem('YEAR_OUT_OF_RANGE', field, { value: year, min: YEAR_MIN, max: YEAR_MAX })];
}

/** The problems of a quarter: one of the whole numbers 1-4. */
export function checkQuarter(quarter: number, field = 'quarter'): Problem[] {
  return isValidQuarter(quarter) ? [] : [problem('QUARTER_OUT_OF_RANGE', field, { value: quarter })];
}

/** The problems of a period given as year and quarter (fields `year`, `quarter`). */
export function checkYearQuarter(period: { year: number; quarter: number }): Problem[] {
  return [...checkYear(period.year), ...checkQuarter(period.quarter)];
}

/**
 * The problems of a span of years in force (`to` null: open-ended): each year in range, and the last not before the
 * first. Fields `yearFrom` and `yearTo`.
 */
export function checkYearSpan(from: number, to: number | null | undefined): Problem[] {
  const problems = checkYear(from, 'yearFrom');
  if (to === null || to === undefined) return problems;
  const toProblems = checkYear(to, 'yearTo');
  if (problems.length === 0 && toProblems.length === 0 && to < from) {
    return [problem('YEAR_SPAN_REVERSED', 'yearTo', { from, to })];
  }
  return [...problems, ...toProblems];
}

/** True for the whole numbers 1-4. */
export function isValidQuarter(quarter: number): quarter is Quarter {
  return quarter === 1 || quarter === 2 || quarter === 3 || quarter === 4;
}

/** Consecutive number of a quarter: `year * 4 + (quarter - 1)`; 2024 Q4 and 2025 Q1 are neighbours. */
export function quarterIndex(year: number, quarter: number): number {
  assertYearQuarter(year, quarter);
  return year * 4 + (quarter - 1);
}

/** The year and quarter of a quarter index (the inverse of quarterIndex). */
export function fromQuarterIndex(index: number): YearQuarter {
  if (!Number.isInteger(index)) throw new RangeError(`quarter index must be a whole number, got ${index}`);
  const year = Math.floor(index / 4);
  return { year, quarter: (index - year * 4 + 1) as Quarter };
}

/**
 * The quarter of an ISO calendar date `YYYY-MM-DD` (January-March is quarter 1). A string, not a `Date`, so the
 * answer does not depend on the time zone of the machine (a completion date on 31 March stays in quarter 1).
 * Throws RangeError for anything that is not a real date in that form.
 */
export function quarterOfDate(isoDate: string): YearQuarter {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (match === null) throw new RangeError(`date "${isoDate}" is not in the form YYYY-MM-DD`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (!isRealDate(year, month, day)) throw new RangeError(`date "${isoDate}" is not a real date`);
  return { year, quarter: Math.ceil(month / 3) as Quarter };
}

/** How people name a quarter: "Triwulan I 2025" in Indonesian, "Q1 2025" in English. */
export function quarterLabel(year: number, quarter: number, locale: 'id' | 'en'): string {
  assertYearQuarter(year, quarter);
  return renderMessage({ code: 'PERIOD_LABEL', params: { year, quarter } }, locale);
}

function assertYearQuarter(year: number, quarter: number): void {
  if (!Number.isInteger(year)) throw new RangeError(`year must be a whole number, got ${year}`);
  if (!isValidQuarter(quarter)) throw new RangeError(`quarter must be 1-4, got ${quarter}`);
}
