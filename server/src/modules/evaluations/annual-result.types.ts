import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { Predikat, Rating } from '@kinerja/shared';
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
