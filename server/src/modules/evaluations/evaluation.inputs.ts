import { Field, Float, InputType, Int } from 'type-graphql';
import { registerSharedEnum } from '../../graphql/enum.js';
import { PeriodInput } from '../periods/period.types.js';

export const OBJECTION_DECISIONS = ['UPHELD', 'REJECTED'] as const;
export type ObjectionDecision = (typeof OBJECTION_DECISIONS)[number];

export const ObjectionDecisionEnum = registerSharedEnum(
  OBJECTION_DECISIONS,
  'ObjectionDecision',
  "The decision on an objection (keputusan atas keberatan) by the assessor's superior.",
  {
    UPHELD: 'Dikabulkan: the objection is upheld; the scores may be changed with the decision.',
    REJECTED: 'Ditolak: the objection is rejected; the scores stand.',
  },
);

@InputType('ScoreInput', {
  description:
    "One criterion's score in a save: a judged `score`, or for a criterion with an indicator its `realisation` (the " +
    'score is then computed by the indicator rule and stored, marked as derived), or `remove: true` to unscore it.',
})
export class ScoreInput {
  @Field(() => String, { description: 'Code of a criterion in force for the evaluation (e.g. `PROFESIONALISME`).' })
  criterionCode!: string;

  @Field(() => Float, { nullable: true, description: 'Judged score on the PP 30/2019 scale 0..120.' })
  score?: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "The indicator's realisation (>= 0), instead of a score: score = min(120, 100 x realisation / target), or " +
      'min(120, 100 x target / realisation) when lower is better.',
  })
  realisation?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Evidence (bukti dukung), at most 4000 characters; omitted keeps the stored one, null clears it.',
  })
  evidence?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'True removes the score of this criterion (unscored).' })
  remove?: boolean | null;
}

@InputType('SaveEvaluationDraftInput', {
  description:
    'Saves scores of a DRAFT evaluation: an existing one by `evaluationId` and `version`, or a new one by ' +
    '`employeeNip` and `period` (created as DRAFT, assessed by the employee\u2019s supervisor).',
})
export class SaveEvaluationDraftInput {
  @Field(() => Int, { nullable: true, description: 'The evaluation to change (with `version`).' })
  evaluationId?: number | null;

  @Field(() => String, { nullable: true, description: 'NIP of the employee, to start (or find) their evaluation.' })
  employeeNip?: string | null;

  @Field(() => PeriodInput, { nullable: true, description: 'The period of the evaluation, with `employeeNip`.' })
  period?: PeriodInput | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The version the change is based on; required to change an existing evaluation.',
  })
  version?: number | null;

  @Field(() => [ScoreInput], { description: 'Scores to set or remove; criteria not listed keep their score.' })
  scores!: ScoreInput[];

  @Field(() => String, { nullable: true, description: 'Why (kept in the audit log).' })
  reason?: string | null;
}

@InputType('EvaluationStepInput', {
  description: 'One step of an evaluation\u2019s life cycle (submit, acknowledge, finalise) on a known version.',
})
export class EvaluationStepInput {
  @Field(() => Int, { description: 'The evaluation.' })
  evaluationId!: number;

  @Field(() => Int, { description: 'The version the step is based on; a stale one is refused with CONFLICT.' })
  version!: number;

  @Field(() => String, { nullable: true, description: 'Why, or a remark (kept in the audit log).' })
  reason?: string | null;
}

@InputType('ObjectToEvaluationInput', {
  description: 'An objection (keberatan) by the employee against a SUBMITTED evaluation, instead of acknowledging it.',
})
export class ObjectToEvaluationInput {
  @Field(() => Int, { description: 'The evaluation objected to.' })
  evaluationId!: number;

  @Field(() => Int, { description: 'The version the objection is based on.' })
  version!: number;

  @Field(() => String, { description: 'Why the employee objects (alasan keberatan); required.' })
  reason!: string;
}

@InputType('DecideObjectionInput', {
  description:
    "The decision on a pending objection by the assessor's superior (PP 30/2019): upheld (optionally with changed " +
    'scores) or rejected. Either way the evaluation becomes ACKNOWLEDGED; the old scores stay in the audit log.',
})
export class DecideObjectionInput {
  @Field(() => Int, { description: 'The OBJECTED evaluation.' })
  evaluationId!: number;

  @Field(() => Int, { description: 'The version the decision is based on.' })
  version!: number;

  @Field(() => ObjectionDecisionEnum, { description: 'Upheld or rejected.' })
  decision!: ObjectionDecision;

  @Field(() => String, { description: 'The decision and its reasons (kept with the objection and in the audit log).' })
  note!: string;

  @Field(() => [ScoreInput], {
    nullable: true,
    description: 'Changed scores, only with UPHELD and only in an OPEN period; criteria not listed keep their score.',
  })
  scores?: ScoreInput[] | null;
}
