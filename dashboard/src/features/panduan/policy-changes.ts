/**
 * What changed between two versions of the scoring policy, for the guide (docs/dialogue.md "The guide"): the numbers
 * a person reads in the guide, compared field by field. Pure, so it is unit-tested by a table.
 */

/** The fields of a policy the guide explains. */
export interface GuidePolicy {
  version: string;
  inForceFrom: string | null;
  scoreMax: number;
  categoryWeights: { HASIL_KERJA: number; PERILAKU_KERJA: number };
  ratingThresholds: { diAtas: number; sesuai: number };
  innovationRule: boolean;
  minJpPerYearPns: number;
  maxJpPerYearPppk: number;
  trainingNeedThreshold: number;
  suppressionMinGroup: number;
}

/** The name of a number of the policy, as the guide's messages know it (`guide.field.<name>`). */
export type PolicyField =
  | 'scoreMax'
  | 'weightHasilKerja'
  | 'weightPerilakuKerja'
  | 'thresholdDiAtas'
  | 'thresholdSesuai'
  | 'innovationRule'
  | 'minJpPerYearPns'
  | 'maxJpPerYearPppk'
  | 'trainingNeedThreshold'
  | 'suppressionMinGroup';

export interface PolicyChange {
  field: PolicyField;
  from: number | boolean;
  to: number | boolean;
}

/** One version's numbers by field name, in the order the guide explains them. */
export function policyNumbers(policy: GuidePolicy): Record<PolicyField, number | boolean> {
  return {
    scoreMax: policy.scoreMax,
    weightHasilKerja: policy.categoryWeights.HASIL_KERJA,
    weightPerilakuKerja: policy.categoryWeights.PERILAKU_KERJA,
    thresholdDiAtas: policy.ratingThresholds.diAtas,
    thresholdSesuai: policy.ratingThresholds.sesuai,
    innovationRule: policy.innovationRule,
    minJpPerYearPns: policy.minJpPerYearPns,
    maxJpPerYearPppk: policy.maxJpPerYearPppk,
    trainingNeedThreshold: policy.trainingNeedThreshold,
    suppressionMinGroup: policy.suppressionMinGroup,
  };
}

/** The numbers that differ from `before` to `after`, in the guide's order. */
export function policyChanges(before: GuidePolicy, after: GuidePolicy): PolicyChange[] {
  const from = policyNumbers(before);
  const to = policyNumbers(after);
  return (Object.keys(to) as PolicyField[])
    .filter((field) => from[field] !== to[field])
    .map((field) => ({ field, from: from[field], to: to[field] }));
}

/** A version and what changed from the one before it (none for the first). */
export interface PolicyVersionChanges {
  version: string;
  inForceFrom: string | null;
  changes: PolicyChange[];
}

/**
 * Every kept version, oldest first (by `inForceFrom`; a version never recorded last), each with what changed from the
 * version before it.
 */
export function versionHistory(policies: readonly GuidePolicy[]): PolicyVersionChanges[] {
  const ordered = [...policies].sort((a, b) => {
    if (a.inForceFrom === b.inForceFrom) return 0;
    if (a.inForceFrom === null) return 1;
    if (b.inForceFrom === null) return -1;
    return a.inForceFrom < b.inForceFrom ? -1 : 1;
  });
  return ordered.map((policy, i) => ({
    version: policy.version,
    inForceFrom: policy.inForceFrom,
    changes: i === 0 ? [] : policyChanges(ordered[i - 1]!, policy),
  }));
}
