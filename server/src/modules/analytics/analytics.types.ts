import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import type { Predikat } from '@kinerja/shared';
import { registerSharedEnum } from '../../graphql/enum.js';
import type { Agency } from '../agency/agency.entity.js';
import { AgencyType } from '../agency/agency.types.js';
import { EmploymentTypeEnum, GenderEnum, PositionTypeEnum } from '../employee/employee.types.js';
import { PredikatEnum } from '../evaluations/evaluation.types.js';
import { OrgPredikatEnum } from '../org-performance/org-performance.types.js';
import { PeriodInput } from '../periods/period.types.js';

/** The GraphQL types of the analytics queries (docs/analytics.md). Numbers are unrounded; suppressed ones null. */

export const TREND_GROUP_BYS = [
  'NONE',
  'AGENCY',
  'CRITERION',
  'POSITION_TYPE',
  'EMPLOYMENT_TYPE',
  'RANK_GROUP',
] as const;
export type TrendGroupBy = (typeof TREND_GROUP_BYS)[number];
export const TrendGroupByEnum = registerSharedEnum(
  TREND_GROUP_BYS,
  'TrendGroupBy',
  'How a performance trend is grouped.',
  {
    NONE: 'No grouping: one series for the whole selection, key `ALL`.',
    AGENCY: 'Per agency (perangkat daerah) stored on the evaluation; key = agency code.',
    CRITERION:
      "Per criterion code (kriteria), pooling every agency's criteria of that code; values are criterion scores.",
    POSITION_TYPE: "Per position type (jenis jabatan) of the employee's current record; `UNKNOWN` when empty.",
    EMPLOYMENT_TYPE: "Per employment type (PNS / PPPK) of the employee's current record.",
    RANK_GROUP: 'Per rank group (golongan): PNS `I`..`IV`, every PPPK as `PPPK`, `UNKNOWN` when not recorded.',
  },
);

export const SCORE_METRICS = ['SCORE', 'HASIL_KERJA', 'PERILAKU_KERJA'] as const;
export type ScoreMetric = (typeof SCORE_METRICS)[number];
export const ScoreMetricEnum = registerSharedEnum(
  SCORE_METRICS,
  'ScoreMetric',
  'Which score of an evaluation is described.',
  {
    SCORE: 'The quarterly score (nilai kinerja), where defined.',
    HASIL_KERJA: 'The work-results category score (hasil kerja), where defined.',
    PERILAKU_KERJA: 'The behaviour category score (perilaku kerja), where defined.',
  },
);

export const STAT_DIMENSIONS = [
  'YEAR',
  'PERIOD',
  'AGENCY',
  'CRITERION',
  'POSITION_TYPE',
  'EMPLOYMENT_TYPE',
  'RANK_GROUP',
  'GENDER',
  'PREDIKAT',
] as const;
export type StatDimension = (typeof STAT_DIMENSIONS)[number];
export const StatDimensionEnum = registerSharedEnum(
  STAT_DIMENSIONS,
  'StatDimension',
  'A dimension to group ad hoc statistics by.',
  {
    YEAR: 'The year (tahun) of the evaluation, e.g. "2025" (its quarterly evaluations, not annual results).',
    PERIOD: 'The quarter (triwulan), e.g. "2025-Q1".',
    AGENCY: 'The agency stored on the evaluation, by code.',
    CRITERION: 'The criterion code; values become criterion scores.',
    POSITION_TYPE: "The position type (jenis jabatan) of the employee's current record; `UNKNOWN` when empty.",
    EMPLOYMENT_TYPE: "The employment type (PNS / PPPK) of the employee's current record.",
    RANK_GROUP: 'The rank group: PNS golongan "I".."IV", every PPPK "PPPK", "UNKNOWN" when not recorded.',
    GENDER: 'The gender (jenis kelamin): "L", "P" or "UNKNOWN".',
    PREDIKAT: 'The quarterly predikat of the evaluation; `NONE` when it has none.',
  },
);

@InputType('TrendInput', { description: 'What a performance trend describes.' })
export class TrendInput {
  @Field(() => TrendGroupByEnum, { defaultValue: 'NONE', description: 'How to group each period (default NONE).' })
  groupBy!: TrendGroupBy;

  @Field(() => PeriodInput, { nullable: true, description: 'First quarter, inclusive (default: the earliest).' })
  from?: PeriodInput | null;

  @Field(() => PeriodInput, { nullable: true, description: 'Last quarter, inclusive (default: the latest).' })
  to?: PeriodInput | null;

  @Field(() => [String], { nullable: true, description: 'Only evaluations stored with these agencies (codes).' })
  agencyCodes?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Only these criterion codes; allowed only with `groupBy: CRITERION` (otherwise BAD_USER_INPUT).',
  })
  criterionCodes?: string[] | null;

  @Field(() => ScoreMetricEnum, {
    defaultValue: 'SCORE',
    description: 'Which score is described (default SCORE); does not apply when grouping by criterion.',
  })
  metric!: ScoreMetric;
}

@ObjectType('TrendPoint', { description: 'The statistics of one group in one quarter of a performance trend.' })
export class TrendPointType {
  @Field(() => Int, { description: 'Year (tahun).' })
  year!: number;

  @Field(() => Int, { description: 'Quarter (triwulan) 1-4.' })
  quarter!: number;

  @Field(() => String, {
    description: 'The quarter as people name it, e.g. "Triwulan I 2025" (in the request\'s language).',
  })
  periodLabel!: string;

  @Field(() => String, {
    description: 'Group key: `ALL`, an agency or criterion code, an enum name, `I`..`IV`, `PPPK` or `UNKNOWN`.',
  })
  key!: string;

  @Field(() => String, {
    description: "The group's name, e.g. the agency's or criterion's name (in the request's language).",
  })
  label!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Number of values (evaluations, or criterion scores); null when suppressed.',
  })
  n!: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean; null when suppressed.' })
  mean!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Median (percentile 50, linear interpolation); null when suppressed.',
  })
  median!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Sample standard deviation (n-1); null when n = 1 or suppressed.',
  })
  stddev!: number | null;

  @Field(() => Float, { nullable: true, description: '25th percentile (linear interpolation); null when suppressed.' })
  p25!: number | null;

  @Field(() => Float, { nullable: true, description: '75th percentile (linear interpolation); null when suppressed.' })
  p75!: number | null;

  @Field(() => Boolean, {
    description: 'True when the figures are withheld (a small group: its figures are personal data).',
  })
  suppressed!: boolean;

  @Field(() => String, { nullable: true, description: 'Why the figures are withheld; null when they are shown.' })
  note!: string | null;
}

@InputType('StatFilter', { description: 'Which values ad hoc statistics describe (every given condition applies).' })
export class StatFilterInput {
  @Field(() => PeriodInput, { nullable: true, description: 'First quarter, inclusive.' })
  from?: PeriodInput | null;

  @Field(() => PeriodInput, { nullable: true, description: 'Last quarter, inclusive.' })
  to?: PeriodInput | null;

  @Field(() => [String], { nullable: true, description: 'Agencies stored on the evaluations (codes).' })
  agencyCodes?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Criterion codes; allowed only with CRITERION in `groupBy`.' })
  criterionCodes?: string[] | null;

  @Field(() => [PositionTypeEnum], { nullable: true, description: "Position types of the employees' current records." })
  positionTypes?: string[] | null;

  @Field(() => [EmploymentTypeEnum], {
    nullable: true,
    description: "Employment types of the employees' current records.",
  })
  employmentTypes?: string[] | null;

  @Field(() => [GenderEnum], { nullable: true, description: "Genders of the employees' current records." })
  genders?: string[] | null;

  @Field(() => [PredikatEnum], { nullable: true, description: 'Quarterly predikat of the evaluations.' })
  predikats?: string[] | null;
}

@InputType('ScoreStatisticsInput', { description: 'Ad hoc statistics: the grouping, the filter and the metric.' })
export class ScoreStatisticsInput {
  @Field(() => [StatDimensionEnum], { description: 'Dimensions to group by (none: one group of everything).' })
  groupBy!: StatDimension[];

  @Field(() => StatFilterInput, { nullable: true, description: 'Which values to describe.' })
  filter?: StatFilterInput | null;

  @Field(() => ScoreMetricEnum, {
    defaultValue: 'SCORE',
    description:
      'Which score is described (default SCORE); with CRITERION in `groupBy` the values are criterion scores.',
  })
  metric!: ScoreMetric;
}

@ObjectType('StatKey', { description: "One dimension's key of a statistics group." })
export class StatKeyType {
  @Field(() => StatDimensionEnum, { description: 'The dimension.' })
  dimension!: StatDimension;

  @Field(() => String, {
    description:
      'The key: "2025", "2025-Q1", an agency or criterion code, an enum name, "I".."IV", "PPPK", "L", "P", "UNKNOWN" or "NONE".',
  })
  value!: string;

  @Field(() => String, {
    description: 'The key as people name it, e.g. "Triwulan I 2025" (in the request\'s language).',
  })
  label!: string;
}

@ObjectType('PredikatCount', { description: 'How many of a group have one predikat.' })
export class PredikatCountType {
  @Field(() => PredikatEnum, { description: 'The predikat.' })
  predikat!: Predikat;

  @Field(() => Int, { description: 'How many.' })
  count!: number;

  @Field(() => Float, { nullable: true, description: 'count / those with a predikat (0-1); null when none has one.' })
  share!: number | null;
}

@ObjectType('StatGroup', { description: 'Descriptive statistics of one group of values.' })
export class StatGroupType {
  @Field(() => [StatKeyType], { description: 'The key of each `groupBy` dimension, in that order.' })
  keys!: StatKeyType[];

  @Field(() => Int, {
    nullable: true,
    description: 'Number of values (evaluations, or scores by criterion); null when suppressed.',
  })
  n!: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean; null when suppressed.' })
  mean!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Sample standard deviation (n-1); null when n = 1 or suppressed.',
  })
  stddev!: number | null;

  @Field(() => Float, { nullable: true, description: 'Smallest value; null when suppressed.' })
  min!: number | null;

  @Field(() => Float, { nullable: true, description: '25th percentile (linear interpolation); null when suppressed.' })
  p25!: number | null;

  @Field(() => Float, { nullable: true, description: 'Median; null when suppressed.' })
  median!: number | null;

  @Field(() => Float, { nullable: true, description: '75th percentile (linear interpolation); null when suppressed.' })
  p75!: number | null;

  @Field(() => Float, { nullable: true, description: 'Largest value; null when suppressed.' })
  max!: number | null;

  @Field(() => [PredikatCountType], {
    nullable: true,
    description: "Counts of the quarterly predikat of the group's evaluations, best first; null when suppressed.",
  })
  predikatCounts!: PredikatCountType[] | null;

  @Field(() => Boolean, { description: 'True when the figures are withheld (a small group).' })
  suppressed!: boolean;

  @Field(() => String, { nullable: true, description: 'Why the figures are withheld; null when shown.' })
  note!: string | null;
}

@ObjectType('CriterionMean', { description: "The mean of one criterion's scores in an agency." })
export class CriterionMeanType {
  @Field(() => String, { description: 'Criterion code.' })
  criterion!: string;

  @Field(() => Float, {
    nullable: true,
    description:
      'Mean of the counted scores of that code; null when withheld (fewer employees scored on it than the ' +
      'policy minimum, or the second group of such a criterion, for a caller who may not see small groups).',
  })
  mean!: number | null;

  @Field(() => Boolean, { description: 'True when the mean is withheld (a small group).' })
  suppressed!: boolean;
}

@ObjectType('AgencyStanding', { description: "One agency's place in an agency comparison." })
export class AgencyStandingType {
  @Field(() => AgencyType, { description: 'The agency (perangkat daerah).' })
  agency!: Agency;

  @Field(() => Int, { nullable: true, description: 'Employees with a defined score; null when suppressed.' })
  n!: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean quarterly (or annual) score; null when suppressed.' })
  meanScore!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Rank among all agencies, 1 = highest mean, ties share the smaller rank; null when suppressed.',
  })
  rank!: number | null;

  @Field(() => [PredikatCountType], {
    nullable: true,
    description: 'Predikat counts and shares; null when suppressed.',
  })
  predikatCounts!: PredikatCountType[] | null;

  @Field(() => [CriterionMeanType], { nullable: true, description: 'Mean per criterion code; null when suppressed.' })
  criterionMeans!: CriterionMeanType[] | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'JP (jam pelajaran) completed in the calendar year by these employees, divided by n; null when suppressed.',
  })
  trainingJpPerEmployee!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Share (0-1) of the PNS among them with at least 20 JP that year; null when none is PNS or suppressed.',
  })
  shareMeeting20Jp!: number | null;

  @Field(() => Boolean, { description: 'True when the figures are withheld (a small agency).' })
  suppressed!: boolean;

  @Field(() => String, { nullable: true, description: 'Why the figures are withheld; null when shown.' })
  note!: string | null;
}

@ObjectType('DistributionRule', { description: 'One rule of the distribution pattern (SE MenPANRB 3/2023).' })
export class DistributionRuleType {
  @Field(() => String, { description: 'Rule code, e.g. `BAIK_MAX_70_PERCENT`.' })
  rule!: string;

  @Field(() => Boolean, { description: 'Whether the rule is met.' })
  met!: boolean;

  @Field(() => String, { description: "What the rule asks and the counts, in the request's language." })
  detail!: string;
}

@ObjectType('DistributionCheck', { description: "An agency's annual predikat distribution against its org predikat." })
export class DistributionCheckType {
  @Field(() => OrgPredikatEnum, {
    nullable: true,
    description: 'The org predikat set by the leaders; null when none is set.',
  })
  orgPredikat!: string | null;

  @Field(() => [PredikatCountType], { nullable: true, description: 'Annual predikat counts; null when suppressed.' })
  counts!: PredikatCountType[] | null;

  @Field(() => [DistributionRuleType], { description: 'Each rule of the pattern, met or broken.' })
  rules!: DistributionRuleType[];

  @Field(() => Boolean, { nullable: true, description: 'All rules met; null without employees or org predikat.' })
  met!: boolean | null;

  @Field(() => Boolean, { description: 'True when the counts are withheld (a small agency).' })
  suppressed!: boolean;

  @Field(() => String, { nullable: true, description: 'Why something is missing or withheld.' })
  note!: string | null;
}
