import { RATER_FLAGS } from '@kinerja/shared';
import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { registerSharedEnum } from '../../graphql/enum.js';
import type { Employee } from '../employee/employee.entity.js';
import { EmployeeType } from '../employee/employee.types.js';
import { PeriodInput } from '../periods/period.types.js';
import type { Training } from '../training/training.entity.js';
import { TrainingType } from '../training/training.types.js';

/**
 * The GraphQL types of the analytics queries about people (docs/analytics.md "Training impact", "Rater objectivity",
 * "Training needs"). Numbers are unrounded; suppressed ones null.
 */

export const RaterFlagEnum = registerSharedEnum(
  RATER_FLAGS,
  'RaterFlag',
  "A warning sign in an assessor's judged scores: advice to calibrate, never an automatic change.",
  {
    LENIENT: 'Leniency z above the policy threshold (3), with at least 5 employees rated.',
    SEVERE: 'Leniency z below minus the policy threshold (-3), with at least 5 employees rated.',
    CENTRAL_TENDENCY:
      "The sample standard deviation of the assessor's judged scores is below half of that of all judged scores in " +
      'the (agency, quarter) cells where the assessor scored.',
    HALO: "More than 80% of the assessor's evaluations with two or more behaviour scores give them all one value.",
  },
);

@InputType('TrainingImpactInput', { description: 'Scope and window of a training-impact comparison.' })
export class TrainingImpactInput {
  @Field(() => String, { nullable: true, description: 'One training (code); omit for every training.' })
  trainingCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Only this agency's employees (the agency on the employee's record); omit for the whole city.",
  })
  agencyCode?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Quarters before and after the training quarter (default: the policy, 2).',
  })
  window?: number | null;
}

@ObjectType('PreTrend', { description: 'The same comparison one window earlier (t0-2w..t0-w-1 vs t0-w..t0-1).' })
export class PreTrendType {
  @Field(() => Float, { description: 'Difference in differences of the earlier windows (0 expected).' })
  effect!: number;

  @Field(() => Float, { description: 'Low end of its 95% interval.' })
  ciLow!: number;

  @Field(() => Float, { description: 'High end of its 95% interval.' })
  ciHigh!: number;
}

@ObjectType('TrainingImpact', {
  description:
    'Difference in differences stacked by cohort (agency x quarter of the first completed in-scope training): ' +
    'the change of trained employees against untrained colleagues of the same agency.',
})
export class TrainingImpactType {
  @Field(() => Int, { nullable: true, description: 'Treated employees in the kept cohorts; null when suppressed.' })
  nTreated!: number | null;

  @Field(() => Int, { nullable: true, description: 'Distinct control employees; null when suppressed.' })
  nControl!: number | null;

  @Field(() => Float, { nullable: true, description: 'Weighted mean of the treated before the training.' })
  treatedPre!: number | null;

  @Field(() => Float, { nullable: true, description: 'Weighted mean of the treated after the training.' })
  treatedPost!: number | null;

  @Field(() => Float, { nullable: true, description: 'Weighted mean of the controls on the same "before" quarters.' })
  controlPre!: number | null;

  @Field(() => Float, { nullable: true, description: 'Weighted mean of the controls on the same "after" quarters.' })
  controlPost!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Effect = (treatedPost - treatedPre) - (controlPost - controlPre), in score points.',
  })
  effect!: number | null;

  @Field(() => Float, { nullable: true, description: 'Standard error of the effect.' })
  standardError!: number | null;

  @Field(() => Float, { nullable: true, description: 'Low end of the 95% interval (effect - 1.96 se).' })
  ciLow!: number | null;

  @Field(() => Float, { nullable: true, description: 'High end of the 95% interval (effect + 1.96 se).' })
  ciHigh!: number | null;

  @Field(() => PreTrendType, {
    nullable: true,
    description: 'Pre-trend check on the same employees; null when the data do not reach that far back.',
  })
  preTrend!: PreTrendType | null;

  @Field(() => Boolean, {
    description: 'True when fewer treated or control employees than the policy minimum (5): for every caller.',
  })
  suppressed!: boolean;

  @Field(() => String, { nullable: true, description: 'Why the result or its pre-trend is missing, if so.' })
  note!: string | null;
}

@InputType('RaterObjectivityInput', { description: 'Quarter range and optional agency of the rater statistics.' })
export class RaterObjectivityInput {
  @Field(() => PeriodInput, { nullable: true, description: 'First quarter, inclusive (default: the earliest).' })
  from?: PeriodInput | null;

  @Field(() => PeriodInput, { nullable: true, description: 'Last quarter, inclusive (default: the latest).' })
  to?: PeriodInput | null;

  @Field(() => String, {
    nullable: true,
    description: "Only evaluations stored with this agency (an agency head's own agency is the default for them).",
  })
  agencyCode?: string | null;
}

@ObjectType('RaterStat', { description: "One assessor's judged scores against everyone's in the same cells." })
export class RaterStatType {
  /** The assessor's record (resolved with the caller's visibility: pseudonymised for POLICY and ANALYST). */
  assessor!: Employee;

  @Field(() => Int, { nullable: true, description: 'Distinct employees the assessor gave a judged score.' })
  nEmployees!: number | null;

  @Field(() => Int, { nullable: true, description: 'Judged scores the assessor gave.' })
  nScores!: number | null;

  @Field(() => Float, { nullable: true, description: "Mean of the assessor's judged scores." })
  meanGiven!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Mean over the employees rated of each employee mean residual (score minus the mean of all judged scores for ' +
      'the same criterion, agency and quarter).',
  })
  leniency!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'sd of the employee mean residuals of every (assessor, employee) pair in scope / sqrt(nEmployees).',
  })
  standardError!: number | null;

  @Field(() => Float, { nullable: true, description: 'leniency / standardError; null when it is 0.' })
  z!: number | null;

  @Field(() => [RaterFlagEnum], { description: 'Warning signs; only with at least 5 employees rated.' })
  flags!: string[];

  @Field(() => Boolean, {
    description: 'True when numbers are withheld (a pseudonymised caller and fewer employees than the minimum).',
  })
  suppressed!: boolean;

  @Field(() => String, { nullable: true, description: 'Why the numbers are withheld, if so.' })
  note!: string | null;
}

@ObjectType('TrainingNeedScore', { description: 'One of the two low scores behind a training need.' })
export class TrainingNeedScoreType {
  @Field(() => Int, { description: 'Year (tahun).' })
  year!: number;

  @Field(() => Int, { description: 'Quarter (triwulan) 1-4.' })
  quarter!: number;

  @Field(() => Float, { description: 'The criterion score (0-120).' })
  score!: number;
}

@ObjectType('TrainingNeed', {
  description:
    "A criterion scored below the policy threshold (90) in both of the employee's last two counted evaluations " +
    'that scored it (PP 11/2017 Pasal 206).',
})
export class TrainingNeedType {
  /** The employee's record (resolved with the caller's visibility). */
  employee!: Employee;

  @Field(() => String, { description: 'Criterion code.' })
  criterion!: string;

  @Field(() => [TrainingNeedScoreType], { description: 'The two scores, oldest first.' })
  scores!: TrainingNeedScoreType[];

  /** Trainings aimed at the criterion that the employee has not completed. */
  trainings!: Training[];
}

export { EmployeeType, TrainingType };
