import { Field, InputType, Int } from 'type-graphql';
import type { TrainingKind } from '@kinerja/shared';
import { TrainingKindEnum } from '../training/training.types.js';

@InputType('AgreedActionInput', { description: 'An action agreed in a feedback note.' })
export class AgreedActionInput {
  @Field(() => String, { description: 'What is to be done, at most 1000 characters.' })
  text!: string;

  @Field(() => Int, { description: 'Year it should be done by.' })
  targetYear!: number;

  @Field(() => Int, { description: "Quarter 1-4 it should be done by; not before the note's quarter." })
  targetQuarter!: number;
}

@InputType('WriteFeedbackNoteInput', {
  description: 'A feedback note to a direct report: at least one of wentWell, toImprove and agreedActions.',
})
export class WriteFeedbackNoteInput {
  @Field(() => String, {
    nullable: true,
    description: "NIP of the employee (a direct report of the caller); omitted: the evaluation's employee.",
  })
  employeeNip?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The evaluation it comments on; omitted for a note between evaluations (then give year and quarter).',
  })
  evaluationId?: number | null;

  @Field(() => Int, { nullable: true, description: "Year it is about; omitted: the evaluation's." })
  year?: number | null;

  @Field(() => Int, { nullable: true, description: "Quarter 1-4 it is about; omitted: the evaluation's." })
  quarter?: number | null;

  @Field(() => String, { nullable: true, description: 'What went well, at most 4000 characters.' })
  wentWell?: string | null;

  @Field(() => String, { nullable: true, description: 'What to improve, at most 4000 characters.' })
  toImprove?: string | null;

  @Field(() => [AgreedActionInput], { nullable: true, description: 'Actions agreed, at most 10.' })
  agreedActions?: AgreedActionInput[] | null;
}

@InputType('AnswerFeedbackNoteInput', { description: "The employee's answer to, or acknowledgement of, a note." })
export class AnswerFeedbackNoteInput {
  @Field(() => Int, { description: 'The note.' })
  noteId!: number;

  @Field(() => String, {
    nullable: true,
    description: 'The answer, at most 4000 characters; omitted or empty: the note is acknowledged only.',
  })
  answer?: string | null;
}

@InputType('DevelopmentActionInput', { description: 'A development action agreed in a performance dialogue.' })
export class DevelopmentActionInput {
  @Field(() => String, { description: 'What is to be done, at most 1000 characters.' })
  description!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Code of the criterion it should improve (a criterion code in use, e.g. PROFESIONALISME).',
  })
  criterionCode?: string | null;

  @Field(() => TrainingKindEnum, { nullable: true, description: 'The kind of training agreed.' })
  trainingKind?: TrainingKind | null;

  @Field(() => Int, { description: 'Year it should be done by.' })
  targetYear!: number;

  @Field(() => Int, { description: "Quarter 1-4 it should be done by; not before the dialogue's quarter." })
  targetQuarter!: number;
}

@InputType('RecordPerformanceDialogueInput', {
  description:
    'The performance dialogue of a direct report for one quarter, recorded (and so confirmed) by the supervisor.',
})
export class RecordPerformanceDialogueInput {
  @Field(() => String, { description: 'NIP of the employee (a direct report of the caller).' })
  employeeNip!: string;

  @Field(() => Int, { description: 'Year (tahun).' })
  year!: number;

  @Field(() => Int, { description: 'Quarter (triwulan) 1-4.' })
  quarter!: number;

  @Field(() => String, {
    description: 'The day it was held, YYYY-MM-DD: not before the quarter began and not after today.',
  })
  heldOn!: string;

  @Field(() => String, { description: 'The points agreed, at most 4000 characters.' })
  pointsAgreed!: string;

  @Field(() => String, { nullable: true, description: 'The follow-ups, at most 4000 characters.' })
  followUps?: string | null;

  @Field(() => [DevelopmentActionInput], { nullable: true, description: 'Development actions agreed, at most 10.' })
  developmentActions?: DevelopmentActionInput[] | null;
}

@InputType('LinkDevelopmentActionInput', {
  description: 'Links a development action to the training participation that carried it out (or unlinks it).',
})
export class LinkDevelopmentActionInput {
  @Field(() => Int, { description: 'The development action.' })
  actionId!: number;

  @Field(() => Int, {
    nullable: true,
    description: "A participation of the dialogue's employee; null to remove the link.",
  })
  participationId?: number | null;
}

@InputType('FeedbackFilter', { description: 'Which feedback notes or dialogues to list.' })
export class FeedbackFilter {
  @Field(() => String, { nullable: true, description: 'Only those of this employee (NIP).' })
  employeeNip?: string | null;

  @Field(() => String, { nullable: true, description: 'Only those of this employee (pseudonym).' })
  employeePseudonym?: string | null;

  @Field(() => Int, { nullable: true, description: 'Only this year.' })
  year?: number | null;

  @Field(() => Int, { nullable: true, description: 'Only this quarter 1-4 (with year).' })
  quarter?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Notes only: only those the employee has not answered or acknowledged yet.',
  })
  unansweredOnly?: boolean | null;
}
