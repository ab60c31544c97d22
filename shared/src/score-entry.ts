import type { Direction } from './enums.js';
import { problem, type Problem } from './problems.js';
import { indicatorScore } from './scores.js';

/**
 * The rules of entering one criterion score, checked in one place for the API (saving a draft, deciding an objection)
 * and the import (scores.csv) alike (docs/scoring.md#entering-a-score):
 * - a score lies on 0..scoreMax (120), 0 and 120 included;
 * - or, for a criterion with an indicator, its realisation is given instead (at least 0) and the score follows from it
 *   by `indicatorScore`; a score and a realisation together are refused, so are neither;
 * - an indicator has a target above 0 and a direction, both or neither.
 */

/** The lowest score of the scale. */
export const SCORE_MIN = 0;

/** One score as entered: a judged score, or a realisation, or (in the API) the request to remove the score. */
export interface ScoreEntry {
  score?: number | null;
  realisation?: number | null;
  remove?: boolean | null;
}

/** The criterion an entry is for: its code (named in messages) and its indicator, if it has one. */
export interface ScoredCriterion {
  code: string;
  target: number | null;
  direction: Direction | null;
}

const given = (value: number | null | undefined): value is number => value !== null && value !== undefined;

/**
 * The problems of an entry on its own, before its criterion is known: exactly one of score, realisation or remove; a
 * score a finite number within 0..scoreMax; a realisation a finite number >= 0. Empty when the entry is fine.
 */
export function checkScoreEntry(entry: ScoreEntry, scoreMax: number, criterion?: string): Problem[] {
  const hasScore = given(entry.score);
  const hasRealisation = given(entry.realisation);
  if (entry.remove) {
    return hasScore || hasRealisation ? [problem('SCORE_REMOVE_AND_VALUE', 'remove', { criterion })] : [];
  }
  if (hasScore && hasRealisation) return [problem('SCORE_AND_REALISATION', 'realisation', { criterion })];
  if (hasScore) {
    const value = entry.score!;
    if (!Number.isFinite(value)) return [problem('SCORE_NOT_A_NUMBER', 'score', { value })];
    if (value < SCORE_MIN) return [problem('SCORE_BELOW_MIN', 'score', { value, min: SCORE_MIN })];
    if (value > scoreMax) return [problem('SCORE_ABOVE_MAX', 'score', { value, max: scoreMax })];
    return [];
  }
  if (hasRealisation) {
    const value = entry.realisation!;
    if (!Number.isFinite(value)) return [problem('REALISATION_NOT_A_NUMBER', 'realisation', { value })];
    if (value < 0) return [problem('REALISATION_NEGATIVE', 'realisation', { value })];
    return [];
  }
  return [problem('SCORE_MISSING', 'score', { max: scoreMax, criterion })];
}

/** The score to store for an entry, or the problems that stop it. */
export type EntryScore =
  | { ok: true; score: number; realisation: number | null; derivedFromIndicator: boolean }
  | { ok: false; problems: Problem[] };

/**
 * The score an entry stores for its criterion: the judged score as given, or the score derived from the realisation
 * by the criterion's indicator (kept with the realisation and marked as derived, so a later change of the target
 * does not rewrite it). A realisation for a criterion without an indicator is a problem. Not for a `remove` entry.
 */
export function scoreOfEntry(entry: ScoreEntry, criterion: ScoredCriterion, scoreMax: number): EntryScore {
  const problems = checkScoreEntry({ ...entry, remove: false }, scoreMax, criterion.code);
  if (problems.length > 0) return { ok: false, problems };
  if (!given(entry.realisation)) {
    return { ok: true, score: entry.score!, realisation: null, derivedFromIndicator: false };
  }
  const { target, direction } = criterion;
  if (target === null || direction === null || checkIndicator(target, direction).length > 0) {
    return {
      ok: false,
      problems: [problem('REALISATION_WITHOUT_INDICATOR', 'realisation', { criterion: criterion.code })],
    };
  }
  return {
    ok: true,
    score: indicatorScore(entry.realisation, target, direction, scoreMax),
    realisation: entry.realisation,
    derivedFromIndicator: true,
  };
}

/**
 * The problems of a criterion's indicator: a target and a direction come together (or neither, for a judged
 * criterion), and the target is a finite number above 0.
 */
export function checkIndicator(target: number | null | undefined, direction: Direction | null | undefined): Problem[] {
  const hasTarget = given(target);
  const hasDirection = direction !== null && direction !== undefined;
  const problems: Problem[] = [];
  if (hasTarget && (!Number.isFinite(target) || target <= 0)) {
    problems.push(problem('TARGET_NOT_POSITIVE', 'target', { value: target }));
  }
  if (hasTarget !== hasDirection) {
    const missing = hasTarget ? 'direction' : 'target';
    problems.push(problem('INDICATOR_INCOMPLETE', missing, { missing }));
  }
  return problems;
}
