import {
  evaluateScores,
  makeScoringPolicy,
  renderProblem,
  scoreOfEntry,
  type CriterionCategory,
  type Direction,
  type EvaluationScores,
  type ScoringPolicy,
} from '@kinerja/shared';

/**
 * The live score of the Penilaian form (docs/dashboard.md "Penilaian"): the same shared rules the server applies
 * when it stores an evaluation (docs/scoring.md), run in the browser on what the assessor has typed so far, with the
 * scoring policy in force as the API reports it (`scoringPolicy`), never the defaults.
 */

/** The policy as the `scoringPolicy` query answers it (the fields the rules use). */
export interface ApiPolicy {
  categoryWeights: { HASIL_KERJA: number; PERILAKU_KERJA: number };
  ratingThresholds: { diAtas: number; sesuai: number };
  scoreMax: number;
  innovationRule: boolean;
  minJpPerYearPns: number;
  maxJpPerYearPppk: number;
  version: string;
}

/** The shared policy object of the policy in force; its version must be the server's (same content, same hash). */
export function policyFromApi(api: ApiPolicy): ScoringPolicy {
  return makeScoringPolicy({
    categoryWeights: {
      HASIL_KERJA: api.categoryWeights.HASIL_KERJA,
      PERILAKU_KERJA: api.categoryWeights.PERILAKU_KERJA,
    },
    ratingThresholds: { diAtas: api.ratingThresholds.diAtas, sesuai: api.ratingThresholds.sesuai },
    scoreMax: api.scoreMax,
    innovationRule: api.innovationRule,
    minJpPerYearPns: api.minJpPerYearPns,
    maxJpPerYearPppk: api.maxJpPerYearPppk,
  });
}

export interface FormCriterion {
  code: string;
  category: CriterionCategory;
  weight: number;
  target: number | null;
  direction: Direction | null;
}

/** One criterion's field as typed: text, so that nothing typed is lost (e.g. "8" on the way to "85"). */
export interface TypedEntry {
  value: string;
  evidence: string;
}

export interface LiveResult extends EvaluationScores {
  /** The score each criterion stores (derived from the realisation for an indicator), null when empty or invalid. */
  criterionScores: Record<string, number | null>;
  /** The rule problem of each criterion's field, rendered in the locale. */
  problems: Record<string, string>;
}

/** Parses a typed number the id-ID way too (decimal comma); NaN for text that is not a number. */
export function parseTyped(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const normal = trimmed.includes(',') ? trimmed.replace(/\./g, '').replace(',', '.') : trimmed;
  return /^-?\d+(\.\d+)?$/.test(normal) ? Number(normal) : Number.NaN;
}

export function liveScore(
  criteria: readonly FormCriterion[],
  entries: Readonly<Record<string, TypedEntry>>,
  policy: ScoringPolicy,
  locale: 'id' | 'en',
): LiveResult {
  const criterionScores: Record<string, number | null> = {};
  const problems: Record<string, string> = {};
  for (const criterion of criteria) {
    const value = parseTyped(entries[criterion.code]?.value ?? '');
    criterionScores[criterion.code] = null;
    if (value === null) continue;
    const indicator = criterion.target !== null && criterion.direction !== null;
    const entry = indicator ? { realisation: value } : { score: value };
    const result = scoreOfEntry(
      entry,
      { code: criterion.code, target: criterion.target, direction: criterion.direction },
      policy.scoreMax,
    );
    if (result.ok) criterionScores[criterion.code] = result.score;
    else problems[criterion.code] = result.problems.map((p) => renderProblem(p, locale)).join(' ');
  }
  const result = evaluateScores(
    criteria.map((c) => ({ category: c.category, weight: c.weight, score: criterionScores[c.code] ?? null })),
    policy,
  );
  return { ...result, criterionScores, problems };
}
