/** Options of the demo data generator, their defaults, and the calendar arithmetic every part of it shares. */

export interface DemoDataOptions {
  /** Seed of every random choice; the same seed and options give byte-identical files. Default 2017 (the Perda's year). */
  seed?: number;
  /** Number of employees. Default 3,500; at least one per agency. */
  employees?: number;
  /**
   * The day the data are as of, `YYYY-MM-DD`: history runs from 2023 Q1 to the quarter before it, its own quarter is
   * the current one (in a mid-quarter state), and nothing happens after it. Default `DEFAULT_TODAY`; the generator
   * never reads the clock.
   */
  today?: string;
}

export interface DemoDataSettings {
  seed: number;
  employees: number;
  /** The day the data are as of. */
  today: string;
  /** Appraisal years, consecutive: the first year to the year of `today`. */
  years: readonly number[];
  firstYear: number;
  lastYear: number;
  /** Every appraisal quarter, oldest first; the last is the current one. */
  quarters: readonly Period[];
  /** The quarter of `today`: open, in a mid-quarter state. */
  current: Period;
}

/** One appraisal quarter. `index` counts from 0 at the first quarter of the first year. */
export interface Period {
  year: number;
  quarter: 1 | 2 | 3 | 4;
  index: number;
}

export const DEFAULT_SEED = 2017;
export const DEFAULT_EMPLOYEES = 3500;
/** The first appraisal year of the data: history starts in its first quarter. */
export const FIRST_YEAR = 2023;
/** The generator's `today` when none is given (the date the tests fix, so that their data never change). */
export const DEFAULT_TODAY = '2026-12-02';

export function resolveOptions(options: DemoDataOptions, minimumEmployees: number): DemoDataSettings {
  const seed = options.seed ?? DEFAULT_SEED;
  const employees = options.employees ?? DEFAULT_EMPLOYEES;
  const today = options.today ?? DEFAULT_TODAY;
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a whole number, got ${seed}`);
  if (!Number.isInteger(employees) || employees < minimumEmployees) {
    throw new RangeError(
      `employees must be a whole number of at least ${minimumEmployees} (one head per agency), got ${employees}`,
    );
  }
  if (!isIsoDate(today)) throw new RangeError(`today must be a date YYYY-MM-DD, got ${JSON.stringify(today)}`);
  const lastYear = Number(today.slice(0, 4));
  // Employees' ages and NIPs are drawn for this century's civil service; the NIP rules accept births from 1966.
  if (lastYear < FIRST_YEAR || lastYear > 2099) {
    throw new RangeError(`today must lie in ${FIRST_YEAR}-2099 (the data start in ${FIRST_YEAR} Q1), got ${today}`);
  }
  const years: number[] = [];
  for (let year = FIRST_YEAR; year <= lastYear; year++) years.push(year);
  const currentQuarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const quarters: Period[] = [];
  for (const year of years) {
    for (const quarter of [1, 2, 3, 4] as const) {
      if (year === lastYear && quarter > currentQuarter) break;
      quarters.push({ year, quarter, index: quarters.length });
    }
  }
  const current = quarters[quarters.length - 1] as Period;
  return { seed, employees, today, years, firstYear: FIRST_YEAR, lastYear, quarters, current };
}

/** Whether a string is a real calendar date `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Whole-day calendar dates as `YYYY-MM-DD` strings, so that nothing depends on the machine's time zone. */
export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The date `days` days after an ISO date. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const shifted = new Date(Date.UTC(year, month - 1, day + days));
  return isoDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

/** The middle of a quarter (15 Feb, May, Aug, Nov): an employee is appraised for a quarter when active on that day. */
export function midQuarter(period: Period): string {
  return isoDate(period.year, period.quarter * 3 - 1, 15);
}

/** Index of the quarter that contains an ISO date (may be negative or past the last quarter). */
export function quarterIndexOf(date: string, firstYear: number): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return (year - firstYear) * 4 + Math.floor((month - 1) / 3);
}

/**
 * The calendar date of a moment on this machine, `YYYY-MM-DD` (the local day, not UTC's). For callers that start the
 * generator as of today; the generator itself never reads the clock.
 */
export function localDate(now: Date): string {
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
