/** Options of the demo data generator, their defaults, and the calendar arithmetic every part of it shares. */

export interface DemoDataOptions {
  /** Seed of every random choice; the same seed and options give byte-identical files. Default 2017 (the Perda's year). */
  seed?: number;
  /** Number of employees. Default 3,500; at least one per agency. */
  employees?: number;
  /** Appraisal years, consecutive. Default [2023, 2024, 2025]. */
  years?: number[];
}

export interface DemoDataSettings {
  seed: number;
  employees: number;
  years: readonly number[];
  firstYear: number;
  lastYear: number;
  /** Every appraisal quarter, oldest first. */
  quarters: readonly Period[];
}

/** One appraisal quarter. `index` counts from 0 at the first quarter of the first year. */
export interface Period {
  year: number;
  quarter: 1 | 2 | 3 | 4;
  index: number;
}

export const DEFAULT_SEED = 2017;
export const DEFAULT_EMPLOYEES = 3500;
export const DEFAULT_YEARS: readonly number[] = [2023, 2024, 2025];

export function resolveOptions(options: DemoDataOptions, minimumEmployees: number): DemoDataSettings {
  const seed = options.seed ?? DEFAULT_SEED;
  const employees = options.employees ?? DEFAULT_EMPLOYEES;
  const years = [...(options.years ?? DEFAULT_YEARS)].sort((a, b) => a - b);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a whole number, got ${seed}`);
  if (!Number.isInteger(employees) || employees < minimumEmployees) {
    throw new RangeError(
      `employees must be a whole number of at least ${minimumEmployees} (one head per agency), got ${employees}`,
    );
  }
  const firstYear = years[0];
  const lastYear = years[years.length - 1];
  if (firstYear === undefined || lastYear === undefined) throw new RangeError('years must name at least one year');
  years.forEach((year, i) => {
    // Employees' ages and NIPs are drawn for this century's civil service; the NIP rules accept births from 1966.
    if (!Number.isInteger(year) || year < 2019 || year > 2099)
      throw new RangeError(`year ${year} is outside 2019-2099`);
    if (i > 0 && year !== (years[i - 1] as number) + 1)
      throw new RangeError('years must be consecutive, e.g. 2023, 2024, 2025');
  });
  const quarters: Period[] = [];
  for (const year of years) {
    for (const quarter of [1, 2, 3, 4] as const) quarters.push({ year, quarter, index: quarters.length });
  }
  return { seed, employees, years, firstYear, lastYear, quarters };
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
