import type { CriterionCategory } from './enums.js';

/**
 * What the rule checks of `shared/` return instead of sentences: a stable code and the numbers and names that go into
 * the message. The server turns a problem into an API field error or a CSV row error (one adapter each), and
 * `renderProblem` writes it for people, Indonesian first, English second, from the one catalogue below. Clients may
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

/** The languages of the messages: Indonesian (the default) and English. */
export type MessageLocale = 'id' | 'en';

/** A number as written in the locale: a decimal comma in Indonesian (`85,5`), a dot in English; no grouping. */
function num(value: number, locale: MessageLocale): string {
  const text = String(value);
  return locale === 'id' ? text.replace('.', ',') : text;
}

function forCriterion(criterion: string | undefined, locale: MessageLocale): string {
  if (criterion === undefined) return '';
  return locale === 'id' ? ` untuk ${criterion}` : ` for ${criterion}`;
}

function span(from: number, to: number | null, locale: MessageLocale): string {
  if (to === null) return locale === 'id' ? `mulai ${from}` : `from ${from} on`;
  const years = from === to ? `${from}` : `${from}-${to}`;
  return locale === 'id' ? `pada ${years}` : `in ${years}`;
}

type Catalogue = { [C in ProblemCode]: Record<MessageLocale, (p: ProblemParams[C]) => string> };

/** The one message catalogue of the rule checks. */
const MESSAGES: Catalogue = {
  SCORE_NOT_A_NUMBER: {
    id: (p) => `nilai ${num(p.value, 'id')} bukan angka`,
    en: (p) => `score ${p.value} is not a number`,
  },
  SCORE_BELOW_MIN: {
    id: (p) => `nilai ${num(p.value, 'id')} di bawah ${num(p.min, 'id')}`,
    en: (p) => `score ${p.value} is below ${p.min}`,
  },
  SCORE_ABOVE_MAX: {
    id: (p) => `nilai ${num(p.value, 'id')} melebihi ${num(p.max, 'id')}`,
    en: (p) => `score ${p.value} is above ${p.max}`,
  },
  SCORE_MISSING: {
    id: (p) =>
      `isi nilai (0-${num(p.max, 'id')})${forCriterion(p.criterion, 'id')}, ` +
      'atau realisasinya bila kriteria itu berindikator',
    en: (p) =>
      `give a score (0-${p.max})${forCriterion(p.criterion, 'en')}, or for a criterion with an indicator its realisation`,
  },
  SCORE_AND_REALISATION: {
    id: (p) => `isi nilai atau realisasi${forCriterion(p.criterion, 'id')}, jangan keduanya`,
    en: (p) => `give either a score or a realisation${forCriterion(p.criterion, 'en')}, not both`,
  },
  SCORE_REMOVE_AND_VALUE: {
    id: (p) => `hapus nilai${forCriterion(p.criterion, 'id')} atau isi nilainya, jangan keduanya`,
    en: (p) => `remove the score${forCriterion(p.criterion, 'en')} or give one, not both`,
  },
  REALISATION_NOT_A_NUMBER: {
    id: (p) => `realisasi ${num(p.value, 'id')} bukan angka`,
    en: (p) => `realisation ${p.value} is not a number`,
  },
  REALISATION_NEGATIVE: {
    id: (p) => `realisasi ${num(p.value, 'id')} tidak boleh negatif`,
    en: (p) => `realisation ${p.value} must not be negative`,
  },
  REALISATION_WITHOUT_INDICATOR: {
    id: (p) => `kriteria ${p.criterion} tidak berindikator: isi nilai, bukan realisasi`,
    en: (p) => `criterion ${p.criterion} has no indicator: give a judged score instead of a realisation`,
  },
  TARGET_NOT_POSITIVE: {
    id: (p) => `target ${num(p.value, 'id')} harus lebih dari 0`,
    en: (p) => `target ${p.value} must be above 0`,
  },
  INDICATOR_INCOMPLETE: {
    id: (p) => `indikator memerlukan target dan arah (direction); ${p.missing} belum diisi`,
    en: (p) => `an indicator needs both target and direction; ${p.missing} is missing`,
  },
  YEAR_OUT_OF_RANGE: {
    id: (p) => `tahun harus bilangan bulat antara ${p.min} dan ${p.max}, bukan ${num(p.value, 'id')}`,
    en: (p) => `year must be between ${p.min} and ${p.max}, not ${p.value}`,
  },
  QUARTER_OUT_OF_RANGE: {
    id: (p) => `triwulan harus 1-4, bukan ${num(p.value, 'id')}`,
    en: (p) => `quarter must be 1-4, not ${p.value}`,
  },
  YEAR_SPAN_REVERSED: {
    id: (p) => `tahun akhir ${p.to} sebelum tahun mulai ${p.from}`,
    en: (p) => `the last year ${p.to} is before the first year ${p.from}`,
  },
  WEIGHT_OUT_OF_RANGE: {
    id: (p) => `bobot ${num(p.value, 'id')} harus lebih dari 0 dan paling banyak ${num(p.max, 'id')}`,
    en: (p) => `weight ${p.value} must be above 0 and at most ${p.max}`,
  },
  WEIGHTS_SUM_NOT_100: {
    id: (p) =>
      `jumlah bobot ${p.category} untuk ${p.agency} ${span(p.from, p.to, 'id')} adalah ${num(p.sum, 'id')}, ` +
      `bukan 100${p.hint === 'GIVE_OTHER_WEIGHTS' ? ': isi bobot baru kriteria lainnya di otherWeights' : ''}`,
    en: (p) =>
      `weights of ${p.category} for ${p.agency} ${span(p.from, p.to, 'en')} sum to ${p.sum}, not 100` +
      (p.hint === 'GIVE_OTHER_WEIGHTS' ? ': give the new weights of the others in otherWeights' : ''),
  },
};

/** Every code of the catalogue (for tests and for clients that keep their own translations). */
export const PROBLEM_CODES = Object.keys(MESSAGES) as ProblemCode[];

/** A problem in words, Indonesian unless English is asked for. */
export function renderProblem(p: Problem, locale: MessageLocale = 'id'): string {
  const render = MESSAGES[p.code][locale] as (params: ProblemParams[ProblemCode]) => string;
  return render(p.params);
}
