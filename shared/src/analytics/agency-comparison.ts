import type { EmploymentType } from '../enums.js';
import { compareScores } from '../rounding.js';

/** Training figures of one agency's n employees in the agency comparison (docs/analytics.md, "Agency comparison"). */
export interface TrainingJpFigures {
  /** JP completed in the calendar year by the n employees / n; null when n = 0. */
  trainingJpPerEmployee: number | null;
  /** Share of the PNS among them with at least the policy's JP (20); null when there is no PNS. */
  shareMeeting20Jp: number | null;
}

export interface EmployeeJp {
  employmentType: EmploymentType | null;
  /** JP of completed participations with a completion date in the calendar year (the PPPK cap is not applied). */
  jp: number;
}

/** JP per employee and the share of PNS meeting `minJpPns` (policy `minJpPerYearPns`, 20; compared after rounding). */
export function trainingJpFigures(employees: readonly EmployeeJp[], minJpPns: number): TrainingJpFigures {
  let total = 0;
  let pns = 0;
  let meeting = 0;
  employees.forEach((e, i) => {
    if (!Number.isFinite(e.jp) || e.jp < 0)
      throw new RangeError(`employees[${i}].jp must be a number of at least 0, got ${e.jp}`);
    total += e.jp;
    if (e.employmentType === 'PNS') {
      pns += 1;
      if (compareScores(e.jp, minJpPns) >= 0) meeting += 1;
    }
  });
  return {
    trainingJpPerEmployee: employees.length === 0 ? null : total / employees.length,
    shareMeeting20Jp: pns === 0 ? null : meeting / pns,
  };
}

/** One counted evaluation of an employee in a year: its quarter and the agency stored on it. */
export interface EvaluationAgency {
  quarter: number;
  agencyCode: string;
}

/**
 * The agency an employee counts in for a year's comparison and distribution check: the agency stored on their last
 * counted evaluation of that year (latest quarter); null when they have none.
 */
export function agencyOfYear(evaluations: readonly EvaluationAgency[]): string | null {
  let last: EvaluationAgency | null = null;
  evaluations.forEach((e, i) => {
    if (last !== null && e.quarter === last.quarter && e.agencyCode !== last.agencyCode) {
      throw new RangeError(`evaluations[${i}]: a second evaluation in quarter ${e.quarter} with another agency`);
    }
    if (last === null || e.quarter > last.quarter) last = e;
  });
  return last === null ? null : (last as EvaluationAgency).agencyCode;
}
