import { ArgsType, Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import type { Predikat, Rating } from '@kinerja/shared';
import { connectionType } from '../../graphql/connection.js';
import { registerSharedEnum } from '../../graphql/enum.js';
import { PageArgs } from '../../graphql/pagination.js';
import { PredikatEnum, RatingEnum } from './evaluation.types.js';

@ObjectType('AnnualResult', {
  description:
    "An employee's annual result (evaluasi tahunan): the means of the year's quarterly category scores (stored ones " +
    'where final; SUBMITTED, ACKNOWLEDGED and FINAL evaluations count), weighted like a quarter, rated under the ' +
    'policy in force, with the innovation rule applied.',
})
export class AnnualResultType {
  @Field(() => Int, { description: 'Year (tahun).' })
  year!: number;

  @Field(() => Float, {
    nullable: true,
    description: "Mean of the year's quarterly work-results scores that exist; null when none does.",
  })
  hasilKerjaScore!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Mean of the year's quarterly behaviour scores that exist; null when none does.",
  })
  perilakuKerjaScore!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Annual score = 0.7 x annual work results + 0.3 x annual behaviour (policy weights); unrounded.',
  })
  score!: number | null;

  @Field(() => RatingEnum, { nullable: true, description: 'Rating of the annual work-results score.' })
  hasilKerjaRating!: Rating | null;

  @Field(() => RatingEnum, { nullable: true, description: 'Rating of the annual behaviour score.' })
  perilakuKerjaRating!: Rating | null;

  @Field(() => PredikatEnum, {
    nullable: true,
    description: 'The official annual predikat, after the innovation rule; null unless both ratings exist.',
  })
  predikat!: Predikat | null;

  @Field(() => PredikatEnum, {
    nullable: true,
    description: 'The predikat from the matrix alone, before the innovation rule.',
  })
  predikatBeforeInnovationRule!: Predikat | null;

  @Field(() => Int, { description: 'Verified innovations (inovasi) recorded for this year.' })
  innovationCount!: number;

  @Field(() => Boolean, {
    description: 'True when the innovation rule turned SANGAT_BAIK into BAIK (no verified innovation that year).',
  })
  innovationRuleApplied!: boolean;

  @Field(() => String, { nullable: true, description: 'Why a rule changed the result, in plain words; else null.' })
  note!: string | null;

  @Field(() => Int, { description: 'Number of quarterly evaluations that entered the result.' })
  quarterCount!: number;

  @Field(() => String, { description: 'Version of the scoring policy that weighted and rated the annual result.' })
  policyVersion!: string;
}

/**
 * One row of the `annualResults` connection: a stored annual result (table `annual_result`) with the keys the
 * resolvers need to load its employee and agency.
 */
export interface AnnualResultListRow {
  employeeId: number;
  agencyId: number | null;
  year: number;
  hasilKerjaScore: number | null;
  perilakuKerjaScore: number | null;
  score: number | null;
  hasilKerjaRating: Rating | null;
  perilakuKerjaRating: Rating | null;
  predikat: Predikat | null;
  innovationCount: number;
  frozen: boolean;
}

@ObjectType('AnnualResultRow', {
  description:
    "A stored annual result (evaluasi tahunan) as a row of the `annualResults` list: the employee's year, with the " +
    'agency stored with the result.',
})
export class AnnualResultRowType {
  @Field(() => Int, { description: 'Year (tahun).' })
  year!: number;

  @Field(() => Float, {
    nullable: true,
    description: "Mean of the year's quarterly work-results scores; null if none.",
  })
  hasilKerjaScore!: number | null;

  @Field(() => Float, { nullable: true, description: "Mean of the year's quarterly behaviour scores; null if none." })
  perilakuKerjaScore!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Annual score = 0.7 x annual work results + 0.3 x annual behaviour (policy weights); unrounded.',
  })
  score!: number | null;

  @Field(() => RatingEnum, { nullable: true, description: 'Rating of the annual work-results score.' })
  hasilKerjaRating!: Rating | null;

  @Field(() => RatingEnum, { nullable: true, description: 'Rating of the annual behaviour score.' })
  perilakuKerjaRating!: Rating | null;

  @Field(() => PredikatEnum, {
    nullable: true,
    description: 'The official annual predikat, after the innovation rule; null unless both ratings exist.',
  })
  predikat!: Predikat | null;

  @Field(() => Int, { description: 'Verified innovations (inovasi) counted for this year.' })
  innovationCount!: number;

  @Field(() => Boolean, {
    description: 'True once the year is closed: the result is frozen and no longer recomputed (docs/scoring.md).',
  })
  frozen!: boolean;
}

export const AnnualResultConnection = connectionType('AnnualResult', AnnualResultRowType, 'annual results');

@InputType('AnnualResultFilter', {
  description: 'Conditions on stored annual results; all given conditions must hold.',
})
export class AnnualResultFilter {
  @Field(() => Int, { nullable: true, description: 'Only the results of this year (tahun).' })
  year?: number | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Agency codes: results whose stored agency (the agency of the employee that year) is one of these.',
  })
  agencyCodes?: string[] | null;

  @Field(() => [PredikatEnum], {
    nullable: true,
    description: 'Only results whose annual predikat is one of these (results without a predikat are out).',
  })
  predikats?: Predikat[] | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Only results with an annual score of at least this (inclusive, unrounded; 0 to 120).',
  })
  minScore?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Only results with an annual score of at most this (inclusive, unrounded; 0 to 120).',
  })
  maxScore?: number | null;
}

/** Orders of the `annualResults` connection; every order ends with the employee id and the year (the key). */
export const ANNUAL_RESULT_ORDERS = ['SCORE_DESC', 'SCORE_ASC', 'EMPLOYEE_ASC'] as const;
export type AnnualResultOrder = (typeof ANNUAL_RESULT_ORDERS)[number];

export const AnnualResultOrderEnum = registerSharedEnum(
  ANNUAL_RESULT_ORDERS,
  'AnnualResultOrder',
  'Order of the annual results connection; ties are broken by employee id, then year, so cursors stay stable.',
  {
    SCORE_DESC: 'Highest annual score first (the order when none is given); results without a score come last.',
    SCORE_ASC: 'Lowest annual score first; results without a score come last.',
    EMPLOYEE_ASC: 'By employee name, A to Z (by pseudonym for pseudonymised callers), then year.',
  },
);

/** The arguments of the `annualResults` connection: the page, the filter and the order. */
@ArgsType()
export class AnnualResultsArgs extends PageArgs {
  @Field(() => AnnualResultFilter, { nullable: true, description: 'Conditions; all must hold.' })
  filter?: AnnualResultFilter | null;

  @Field(() => AnnualResultOrderEnum, {
    nullable: true,
    description: 'Order of the rows; SCORE_DESC when omitted. Ties are broken by employee id, then year.',
  })
  orderBy?: AnnualResultOrder | null;
}
