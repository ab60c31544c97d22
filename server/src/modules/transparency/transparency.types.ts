import { Field, Float, Int, ObjectType } from 'type-graphql';
import type {
  CriterionCategory,
  Direction,
  EmploymentType,
  EvaluationStatus,
  PeriodStatus,
  Predikat,
  Rating,
} from '@kinerja/shared';
import { EmployeeType, EmploymentTypeEnum } from '../employee/employee.types.js';
import { CriterionCategoryEnum, CriterionType, DirectionEnum } from '../criteria/criterion.types.js';
import { EvaluationStatusEnum, PredikatEnum, RatingEnum } from '../evaluations/evaluation.types.js';
import { PeriodStatusEnum } from '../periods/period.types.js';

@ObjectType('TransparencyPerson', { description: 'Who an assessor is, as the employee sees them: name and position.' })
export class TransparencyPersonType {
  @Field(() => String, { description: 'Name (nama).' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Position title (jabatan); null when not recorded.' })
  position!: string | null;

  @Field(() => String, { description: 'Code of their agency.' })
  agencyCode!: string;
}

@ObjectType('TransparencyScore', {
  description:
    "One criterion's score of a quarter, with the criterion's weight and, for an indicator, how it was computed.",
})
export class TransparencyScoreType {
  @Field(() => String, { description: 'Criterion code.' })
  criterionCode!: string;

  @Field(() => String, { description: 'Criterion name.' })
  criterionName!: string;

  @Field(() => CriterionCategoryEnum, { description: 'Work results or behaviour.' })
  category!: CriterionCategory;

  @Field(() => Float, { description: 'Weight (bobot) of the criterion.' })
  weight!: number;

  @Field(() => Float, { description: 'The score, 0..120.' })
  score!: number;

  @Field(() => Float, { description: 'weight x score: its part of the category\u2019s weighted sum.' })
  weightedScore!: number;

  @Field(() => Boolean, { description: 'True when computed from the indicator\u2019s realisation, not judged.' })
  derivedFromIndicator!: boolean;

  @Field(() => Float, { nullable: true, description: 'The realisation the score was computed from.' })
  realisation!: number | null;

  @Field(() => Float, { nullable: true, description: 'The indicator\u2019s target (> 0); null without an indicator.' })
  target!: number | null;

  @Field(() => DirectionEnum, { nullable: true, description: 'Direction of the indicator.' })
  direction!: Direction | null;

  @Field(() => String, { nullable: true, description: 'Unit of the indicator.' })
  indicatorUnit!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'How an indicator score was computed, e.g. "min(120, 100 x 88 / 80) = 110"; null when judged.',
  })
  formula!: string | null;

  @Field(() => String, { nullable: true, description: 'Evidence (bukti dukung) noted by the assessor.' })
  evidence!: string | null;
}

@ObjectType('CategoryWorking', {
  description: 'The weighted mean of one category: sum(weight x score) / sum(weight) over the scored criteria.',
})
export class CategoryWorkingType {
  @Field(() => Float, { nullable: true, description: 'The category score; null when no criterion of it is scored.' })
  score!: number | null;

  @Field(() => Float, { description: 'sum(weight x score) over the scored criteria.' })
  weightedSum!: number;

  @Field(() => Float, { description: 'sum(weight) over the scored criteria (100 when every criterion is scored).' })
  weightSum!: number;

  @Field(() => String, { description: 'The working, e.g. "10305 / 100 = 103.05".' })
  formula!: string;

  @Field(() => RatingEnum, { nullable: true, description: 'Its rating; null without a score.' })
  rating!: Rating | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why that rating, e.g. "103.05 is at least 90 and below 110: SESUAI_EKSPEKTASI".',
  })
  ratingRule!: string | null;
}

@ObjectType('TransparencyQuarter', {
  description: 'One quarter of the year: the scores and evidence, and each step to the quarterly score and predikat.',
})
export class TransparencyQuarterType {
  @Field(() => Int, { description: 'Quarter (triwulan) 1-4.' })
  quarter!: number;

  @Field(() => String, { description: 'How people name it, e.g. "Triwulan I 2025".' })
  label!: string;

  @Field(() => PeriodStatusEnum, { description: 'Whether the period still takes scores.' })
  periodStatus!: PeriodStatus;

  @Field(() => Int, { description: 'The evaluation.' })
  evaluationId!: number;

  @Field(() => EvaluationStatusEnum, { description: 'Where the evaluation is in its life cycle.' })
  status!: EvaluationStatus;

  @Field(() => String, { description: 'The agency the employee belonged to in that quarter.' })
  agencyCode!: string;

  @Field(() => TransparencyPersonType, { nullable: true, description: 'The assessor; null when none in the system.' })
  assessor!: TransparencyPersonType | null;

  @Field(() => [TransparencyScoreType], {
    description: 'Scores and evidence, work results first; empty while DRAFT (the assessor is still scoring).',
  })
  scores!: TransparencyScoreType[];

  @Field(() => CategoryWorkingType, { description: 'Work results (hasil kerja): the weighted mean and its rating.' })
  hasilKerja!: CategoryWorkingType;

  @Field(() => CategoryWorkingType, { description: 'Behaviour (perilaku kerja): the weighted mean and its rating.' })
  perilakuKerja!: CategoryWorkingType;

  @Field(() => Float, { nullable: true, description: 'The quarterly score (nilai kinerja); null unless both exist.' })
  score!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Its working, e.g. "0.7 x 103.05 + 0.3 x 104 = 103.335"; null without a score.',
  })
  scoreFormula!: string | null;

  @Field(() => PredikatEnum, { nullable: true, description: 'The quarterly predikat; null unless both ratings exist.' })
  predikat!: Predikat | null;

  @Field(() => String, {
    nullable: true,
    description: 'The cell of the predikat matrix (PermenPANRB 6/2022) that gave it.',
  })
  matrixCell!: string | null;

  @Field(() => Boolean, {
    description: 'True when the results are the ones stored when the evaluation was finalised (official).',
  })
  resultsStored!: boolean;

  @Field(() => String, { description: 'Version of the scoring policy of these results.' })
  policyVersion!: string;

  @Field(() => Boolean, {
    description: 'True when this quarter enters the annual result (SUBMITTED, ACKNOWLEDGED, FINAL).',
  })
  countsInAnnual!: boolean;

  @Field(() => String, { nullable: true, description: 'Anything the employee should know about this quarter.' })
  note!: string | null;
}

@ObjectType('TransparencyAnnual', {
  description: 'The annual result (evaluasi tahunan) step by step, the innovation rule included.',
})
export class TransparencyAnnualType {
  @Field(() => Int, { description: 'Quarters that entered the result.' })
  quarterCount!: number;

  @Field(() => Float, { nullable: true, description: 'Mean of the quarterly work-results scores.' })
  hasilKerjaScore!: number | null;

  @Field(() => String, { nullable: true, description: 'Its working, e.g. "mean(103.05, 108) = 105.525".' })
  hasilKerjaFormula!: string | null;

  @Field(() => Float, { nullable: true, description: 'Mean of the quarterly behaviour scores.' })
  perilakuKerjaScore!: number | null;

  @Field(() => String, { nullable: true, description: 'Its working.' })
  perilakuKerjaFormula!: string | null;

  @Field(() => Float, { nullable: true, description: 'The annual score; null unless both means exist.' })
  score!: number | null;

  @Field(() => String, { nullable: true, description: 'Its working, e.g. "0.7 x 109.5125 + 0.3 x 110 = 109.65875".' })
  scoreFormula!: string | null;

  @Field(() => RatingEnum, { nullable: true, description: 'Rating of the annual work results.' })
  hasilKerjaRating!: Rating | null;

  @Field(() => RatingEnum, { nullable: true, description: 'Rating of the annual behaviour.' })
  perilakuKerjaRating!: Rating | null;

  @Field(() => PredikatEnum, { nullable: true, description: 'The predikat of the matrix, before the innovation rule.' })
  predikatBeforeInnovationRule!: Predikat | null;

  @Field(() => String, { nullable: true, description: 'The cell of the predikat matrix that gave it.' })
  matrixCell!: string | null;

  @Field(() => Int, { description: 'Verified innovations recorded for the year.' })
  innovationCount!: number;

  @Field(() => Boolean, { description: 'True when the innovation rule turned SANGAT_BAIK into BAIK.' })
  innovationRuleApplied!: boolean;

  @Field(() => String, { description: 'The innovation rule and how it applies to this result, in words.' })
  innovationRule!: string;

  @Field(() => PredikatEnum, { nullable: true, description: 'The official annual predikat.' })
  predikat!: Predikat | null;

  @Field(() => String, { nullable: true, description: 'Why a rule changed the result, in plain words; else null.' })
  note!: string | null;
}

@ObjectType('TransparencyTraining', { description: 'Training hours (JP) of the year against the rule that applies.' })
export class TransparencyTrainingType {
  @Field(() => Float, { description: 'JP of COMPLETED trainings completed in the calendar year.' })
  jp!: number;

  @Field(() => Float, { description: 'The rule\u2019s number: 20 (PNS minimum) or 24 (PPPK maximum), policy.' })
  ruleJp!: number;

  @Field(() => String, { description: 'The rule, e.g. "PNS: at least 20 JP a year (PP 11/2017 Pasal 203)".' })
  rule!: string;

  @Field(() => Boolean, {
    description: 'PNS: true when the minimum is reached. PPPK: true while within the entitlement.',
  })
  met!: boolean;

  @Field(() => Float, { description: 'JP still missing to the PNS minimum (0 when reached; 0 for PPPK).' })
  missingJp!: number;
}

@ObjectType('Transparency', {
  description:
    "An employee's transparency page for a year: the criteria in force, the scores and evidence of every quarter, " +
    'each step to the ratings and predikat (weights, thresholds, matrix cell, innovation rule), training JP against ' +
    'the rule, and the assessor.',
})
export class TransparencyType {
  @Field(() => EmployeeType, { description: 'The employee.' })
  employee!: EmployeeType;

  @Field(() => Int, { description: 'The year (tahun).' })
  year!: number;

  @Field(() => String, { description: 'Version of the scoring policy in force.' })
  policyVersion!: string;

  @Field(() => Float, { description: 'Weight of work results in the quarterly and annual score (0.7).' })
  hasilKerjaWeight!: number;

  @Field(() => Float, { description: 'Weight of behaviour in the quarterly and annual score (0.3).' })
  perilakuKerjaWeight!: number;

  @Field(() => Float, { description: 'Lowest category score rated DI_ATAS_EKSPEKTASI (110).' })
  thresholdDiAtas!: number;

  @Field(() => Float, { description: 'Lowest category score rated SESUAI_EKSPEKTASI (90).' })
  thresholdSesuai!: number;

  @Field(() => [CriterionType], {
    description: "The criteria in force for the employee's agency that year, with their weights and indicators.",
  })
  criteria!: CriterionType[];

  @Field(() => [TransparencyQuarterType], { description: 'The quarters of the year with an evaluation, in order.' })
  quarters!: TransparencyQuarterType[];

  @Field(() => TransparencyAnnualType, { nullable: true, description: 'The annual result; null when there is none.' })
  annual!: TransparencyAnnualType | null;

  @Field(() => TransparencyTrainingType, {
    description: 'Training hours against the 20 JP (PNS) or 24 JP (PPPK) rule.',
  })
  training!: TransparencyTrainingType;

  @Field(() => EmploymentTypeEnum, { description: 'PNS or PPPK, which decides the training rule.' })
  employmentType!: EmploymentType;

  @Field(() => TransparencyPersonType, {
    nullable: true,
    description: 'The current assessor (the direct supervisor); null at the top of the hierarchy.',
  })
  assessor!: TransparencyPersonType | null;
}
