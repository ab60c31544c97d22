import type { CriterionCategory } from './enums.js';
import { renderMessage, type Message, type MessageLocale } from './messages.js';

/**
 * What the rule checks of `shared/` return instead of sentences: a stable code and the numbers and names that go into
 * the message. The server turns a problem into an API field error or a CSV row error (one adapter each), and
 * `renderProblem` writes it for people, Indonesian first, English second, from the one catalogue (messages.ts). Clients may
 * switch on the code and render it in their own words; the code and its parameters never change meaning.
 */
export interface ProblemParams {
  /** A score that is not a finite number (NaN, Infinity). */
  SCORE_NOT_A_NUMBER: { value: number };
  /** A score below the bottom of the scale (0). */
  SCORE_BELOW_MIN: { value: number; min: number };
  /** A score above the top of the scale (the policy's scoreMax, 120). */
  SCORE_ABOVE_MAX: { value: number; max: number };
  /** Neither a score nor a realisation was given. */
  SCORE_MISSING: { max: number; criterion?: string };
  /** Both a score and a realisation were given. */
  SCORE_AND_REALISATION: { criterion?: string };
  /** A score (or realisation) was given together with the request to remove it. */
  SCORE_REMOVE_AND_VALUE: { criterion?: string };
  /** A realisation that is not a finite number. */
  REALISATION_NOT_A_NUMBER: { value: number };
  /** A negative realisation: an indicator counts something, which cannot be below 0. */
  REALISATION_NEGATIVE: { value: number };
  /** A realisation for a criterion that has no indicator (no target and direction). */
  REALISATION_WITHOUT_INDICATOR: { criterion: string };
  /** An indicator target that is not above 0 (or not a number). */
  TARGET_NOT_POSITIVE: { value: number };
  /** An indicator with a target but no direction, or the other way round. */
  INDICATOR_INCOMPLETE: { missing: 'target' | 'direction' };
  /** A year that is not a whole number within the appraisal calendar. */
  YEAR_OUT_OF_RANGE: { value: number; min: number; max: number };
  /** A quarter that is not one of the whole numbers 1-4. */
  QUARTER_OUT_OF_RANGE: { value: number };
  /** A span of years whose end comes before its start. */
  YEAR_SPAN_REVERSED: { from: number; to: number };
  /** A criterion weight that is not above 0 and at most `max` (100). */
  WEIGHT_OUT_OF_RANGE: { value: number; max: number };
  /**
   * The weights of the criteria that apply to an agency in a category do not sum to 100 in the years `from`..`to`
   * (`to` null: from `from` on). `sum` is rounded for comparison. `hint` names a way out the caller offers.
   */
  WEIGHTS_SUM_NOT_100: {
    category: CriterionCategory;
    agency: string;
    from: number;
    to: number | null;
    sum: number;
    hint?: 'GIVE_OTHER_WEIGHTS';
  };
}

export type ProblemCode = keyof ProblemParams;

/**
 * One problem found by a rule check. `field` names the checked value in the check's own terms (`score`,
 * `realisation`, `year`, `quarter`, `weight`, `target`, `direction`, `yearTo`, `weights`); each adapter maps it to its
 * own place (an input path, a CSV column).
 */
export type Problem<C extends ProblemCode = ProblemCode> = {
  [K in C]: { code: K; params: ProblemParams[K]; field: string };
}[C];

/** Builds a problem with its parameters checked against its code. */
export function problem<C extends ProblemCode>(code: C, field: string, params: ProblemParams[C]): Problem<C> {
  return { code, field, params } as Problem<C>;
}

const CODES: Record<ProblemCode, true> = {
  SCORE_NOT_A_NUMBER: true,
  SCORE_BELOW_MIN: true,
  SCORE_ABOVE_MAX: true,
  SCORE_MISSING: true,
  SCORE_AND_REALISATION: true,
  SCORE_REMOVE_AND_VALUE: true,
  REALISATION_NOT_A_NUMBER: true,
  REALISATION_NEGATIVE: true,
  REALISATION_WITHOUT_INDICATOR: true,
  TARGET_NOT_POSITIVE: true,
  INDICATOR_INCOMPLETE: true,
  YEAR_OUT_OF_RANGE: true,
  QUARTER_OUT_OF_RANGE: true,
  YEAR_SPAN_REVERSED: true,
  WEIGHT_OUT_OF_RANGE: true,
  WEIGHTS_SUM_NOT_100: true,
};

/** Every code of the rule checks (for tests and for clients that keep their own translations). */
export const PROBLEM_CODES = Object.keys(CODES) as ProblemCode[];

/** A problem in words, Indonesian unless English is asked for, from the one message catalogue (messages.ts). */
export function renderProblem(p: Problem, locale: MessageLocale = 'id'): string {
  return renderMessage({ code: p.code, params: p.params } as Message, locale);
}
