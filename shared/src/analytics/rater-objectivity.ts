import type { CriterionCategory } from '../enums.js';
import { roundForComparison } from '../rounding.js';
import { mean, sampleStdDev } from './descriptive.js';
import { compareKeys } from './ranks.js';

/**
 * Rater objectivity (docs/analytics.md, "Rater objectivity"): how far each assessor's judged scores sit from the
 * scores everybody gave for the same criterion in the same agency and quarter, with the employee (not the score) as
 * the unit, and three more warning signs. Flags are advice to calibrate, never a change to a score.
 */

/** The flags of an assessor's statistics (the API's `RaterFlag`), in the order they are reported. */
export const RATER_FLAGS = ['LENIENT', 'SEVERE', 'CENTRAL_TENDENCY', 'HALO'] as const;
export type RaterFlag = (typeof RATER_FLAGS)[number];

/** One criterion score of a counted evaluation in scope (period range, optionally the evaluation's agency). */
export interface RaterScoreRow {
  /** The evaluation's assessor; null when the assessor is not in the system (the score still enters cell means). */
  assessorId: string | null;
  employeeId: string;
  evaluationId: string;
  criterionCode: string;
  category: CriterionCategory;
  /** The agency stored on the evaluation. */
  agencyCode: string;
  /** Quarter index of the evaluation's period. */
  quarter: number;
  score: number;
  /** False for a score derived from an indicator's realisation: it is left out of everything here. */
  judged: boolean;
}

export interface RaterPolicy {
  /** |z| above which LENIENT or SEVERE is flagged (policy `raterZThreshold`, 3). */
  zThreshold: number;
  /** Fewest employees rated before any flag (policy `raterMinEmployees`, 5). */
  minEmployees: number;
}

export interface RaterStat {
  assessorId: string;
  /** Distinct employees this assessor gave a judged score. */
  nEmployees: number;
  /** Judged scores this assessor gave. */
  nScores: number;
  /** Mean of this assessor's judged scores. */
  meanGiven: number;
  /** Mean over the employees rated of each employee's mean residual. */
  leniency: number;
  /** sd of the employee mean residuals of every (assessor, employee) pair in scope, / sqrt(nEmployees); null for one pair. */
  standardError: number | null;
  /** leniency / standardError; null when the standard error is 0 or null. */
  z: number | null;
  /** Sample sd of this assessor's judged scores (null for one score). */
  sdGiven: number | null;
  /** Sample sd of all judged scores in the (agency, quarter) cells where this assessor scored. */
  sdInCells: number | null;
  /** Share of this assessor's evaluations with two or more behaviour scores that give them all one value; null for none. */
  uniformBehaviourShare: number | null;
  flags: RaterFlag[];
}

/** One statistic per assessor who gave at least one judged score, ordered by assessorId (compareKeys). */
export function raterObjectivity(rows: readonly RaterScoreRow[], policy: RaterPolicy): RaterStat[] {
  if (!(policy.zThreshold > 0)) throw new RangeError(`zThreshold must be above 0, got ${policy.zThreshold}`);
  if (!Number.isInteger(policy.minEmployees) || policy.minEmployees < 1) {
    throw new RangeError(`minEmployees must be a whole number of at least 1, got ${policy.minEmployees}`);
  }
  rows.forEach((r, i) => {
    if (!Number.isFinite(r.score)) throw new RangeError(`rows[${i}].score must be a finite number, got ${r.score}`);
  });
  const judged = rows.filter((r) => r.judged);

  // Residual: the score minus the mean of every judged score for the same criterion, agency and quarter.
  const criterionCells = groupBy(judged, (r) => key(r.criterionCode, r.agencyCode, String(r.quarter)));
  const cellMean = new Map([...criterionCells].map(([k, list]) => [k, mean(list.map((r) => r.score)) as number]));
  const residual = (r: RaterScoreRow) =>
    r.score - (cellMean.get(key(r.criterionCode, r.agencyCode, String(r.quarter))) as number);

  // Employee mean residual of each (assessor, employee) pair.
  const rated = judged.filter((r): r is RaterScoreRow & { assessorId: string } => r.assessorId !== null);
  const pairs = groupBy(rated, (r) => key(r.assessorId, r.employeeId));
  const pairResidual = new Map([...pairs].map(([k, list]) => [k, mean(list.map(residual)) as number]));
  const sdPairs = sampleStdDev([...pairResidual.values()]);

  const scoresInCell = groupBy(judged, (r) => key(r.agencyCode, String(r.quarter)));

  const byAssessor = groupBy(rated, (r) => r.assessorId);
  return [...byAssessor.keys()].sort(compareKeys).map((assessorId) => {
    const own = byAssessor.get(assessorId) as (RaterScoreRow & { assessorId: string })[];
    const employees = [...new Set(own.map((r) => r.employeeId))];
    const nEmployees = employees.length;
    const leniency = mean(employees.map((e) => pairResidual.get(key(assessorId, e)) as number)) as number;
    const sdGiven = sampleStdDev(own.map((r) => r.score));
    const cells = [...new Set(own.map((r) => key(r.agencyCode, String(r.quarter))))];
    const sdInCells = sampleStdDev(cells.flatMap((c) => (scoresInCell.get(c) ?? []).map((r) => r.score)));

    // HALO: evaluations with two or more behaviour scores that give every behaviour criterion one value.
    const behaviour = groupBy(
      own.filter((r) => r.category === 'PERILAKU_KERJA'),
      (r) => r.evaluationId,
    );
    let eligible = 0;
    let uniform = 0;
    for (const list of behaviour.values()) {
      if (list.length < 2) continue;
      eligible += 1;
      if (new Set(list.map((r) => roundForComparison(r.score))).size === 1) uniform += 1;
    }

    return raterStatOf(
      {
        assessorId,
        nEmployees,
        nScores: own.length,
        meanGiven: mean(own.map((r) => r.score)) as number,
        leniency,
        sdGiven,
        sdInCells,
        eligibleBehaviour: eligible,
        uniformBehaviour: uniform,
      },
      sdPairs,
      policy,
    );
  });
}

/** What an assessor's statistic is made of, however it was summed (here, or in SQL over the read model). */
export interface RaterSums {
  assessorId: string;
  nEmployees: number;
  nScores: number;
  meanGiven: number;
  /** Mean over the employees rated of each employee's mean residual. */
  leniency: number;
  sdGiven: number | null;
  sdInCells: number | null;
  /** The assessor's evaluations with two or more judged behaviour scores, and those giving them all one value. */
  eligibleBehaviour: number;
  uniformBehaviour: number;
}

/**
 * The statistic and flags of one assessor from their sums and the sample sd of the employee mean residuals of every
 * pair in scope (`sdPairs`, null for fewer than two pairs): standard error, z and the four flags.
 */
export function raterStatOf(sums: RaterSums, sdPairs: number | null, policy: RaterPolicy): RaterStat {
  const { nEmployees, leniency, sdGiven, sdInCells } = sums;
  const standardError = sdPairs === null ? null : sdPairs / Math.sqrt(nEmployees);
  const z = standardError === null || standardError === 0 ? null : leniency / standardError;
  const eligible = sums.eligibleBehaviour;
  const uniform = sums.uniformBehaviour;
  const flags: RaterFlag[] = [];
  if (nEmployees >= policy.minEmployees) {
    // z is compared after the shared rounding; SEVERE on -z, so that the rounding only ever sees a positive number
    if (z !== null && roundForComparison(z) > policy.zThreshold) flags.push('LENIENT');
    if (z !== null && roundForComparison(-z) > policy.zThreshold) flags.push('SEVERE');
    if (sdGiven !== null && sdInCells !== null && roundForComparison(sdGiven) < roundForComparison(sdInCells / 2)) {
      flags.push('CENTRAL_TENDENCY');
    }
    // more than 80%, in whole numbers: uniform / eligible > 4/5
    if (eligible > 0 && uniform * 5 > eligible * 4) flags.push('HALO');
  }
  return {
    assessorId: sums.assessorId,
    nEmployees,
    nScores: sums.nScores,
    meanGiven: sums.meanGiven,
    leniency,
    standardError,
    z,
    sdGiven,
    sdInCells,
    uniformBehaviourShare: eligible === 0 ? null : uniform / eligible,
    flags,
  };
}

function key(...parts: string[]): string {
  return parts.join('\u0000');
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = keyOf(item);
    const list = groups.get(k);
    if (list === undefined) groups.set(k, [item]);
    else list.push(item);
  }
  return groups;
}
