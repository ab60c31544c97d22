import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType('CategoryWeights', { description: 'Weights of the two categories in the quarterly and annual score.' })
export class CategoryWeightsType {
  @Field(() => Float, { description: 'Weight of work results (hasil kerja): 0.7 (PP 30/2019 Pasal 41).' })
  HASIL_KERJA!: number;

  @Field(() => Float, { description: 'Weight of behaviour (perilaku kerja): 0.3 (PP 30/2019 Pasal 41).' })
  PERILAKU_KERJA!: number;
}

@ObjectType('RatingThresholds', { description: 'Lowest category scores of the two upper ratings (policy).' })
export class RatingThresholdsType {
  @Field(() => Float, { description: 'Lowest score rated DI_ATAS_EKSPEKTASI (default 110).' })
  diAtas!: number;

  @Field(() => Float, { description: 'Lowest score rated SESUAI_EKSPEKTASI (default 90).' })
  sesuai!: number;
}

@ObjectType('ScoringPolicy', {
  description:
    'A version of the scoring policy: every configurable number of the rules (field names as in ' +
    'SCORING_POLICY_FILE). Results store the `version` of the policy that produced them.',
})
export class ScoringPolicyType {
  @Field(() => String, { description: 'Version: `p-` + a hash of every other field; any change gives a new one.' })
  version!: string;

  @Field(() => GraphQLDateTimeISO, {
    nullable: true,
    description:
      'When this version came into force (the server start or command that first applied it; UTC). Null only for ' +
      'a policy never recorded in this database.',
  })
  inForceFrom!: Date | null;

  @Field(() => CategoryWeightsType, { description: 'Weights of work results and behaviour; they sum to 1.' })
  categoryWeights!: CategoryWeightsType;

  @Field(() => RatingThresholdsType, { description: 'Rating thresholds, compared after rounding to 6 decimals.' })
  ratingThresholds!: RatingThresholdsType;

  @Field(() => Int, { description: 'Top of the score scale (120; PP 30/2019), where 100 means the target was met.' })
  scoreMax!: number;

  @Field(() => Boolean, {
    description: 'Whether an annual SANGAT_BAIK needs a verified innovation that year (PP 30/2019 Pasal 41, policy).',
  })
  innovationRule!: boolean;

  @Field(() => Int, { description: 'JP a PNS should complete a year (20; PP 11/2017 Pasal 203).' })
  minJpPerYearPns!: number;

  @Field(() => Int, { description: 'JP a PPPK is entitled to at most a year (24; PP 49/2018 Pasal 40).' })
  maxJpPerYearPppk!: number;

  @Field(() => Int, {
    description: 'Aggregates over fewer employees are suppressed for POLICY and ANALYST callers (policy).',
  })
  suppressionMinGroup!: number;

  @Field(() => Int, {
    description: 'A training-impact result with fewer treated or control employees is suppressed (policy).',
  })
  trainingImpactMinN!: number;

  @Field(() => Float, { description: '|z| of leniency above which an assessor is flagged LENIENT or SEVERE (policy).' })
  raterZThreshold!: number;

  @Field(() => Int, { description: 'Employees an assessor must have rated before being flagged (policy).' })
  raterMinEmployees!: number;

  @Field(() => Float, {
    description: 'A criterion score below this in the last two evaluations is a training need (PP 11/2017 Pasal 206).',
  })
  trainingNeedThreshold!: number;

  @Field(() => Int, { description: 'Quarters before and after a training in the training-impact comparison.' })
  trainingImpactDefaultWindow!: number;
}
