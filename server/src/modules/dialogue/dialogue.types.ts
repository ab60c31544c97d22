import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import type { TrainingKind } from '@kinerja/shared';
import { AgencyType } from '../agency/agency.types.js';
import { TrainingKindEnum } from '../training/training.types.js';

@ObjectType('AgreedAction', {
  description: 'An action agreed in a feedback note (tindak lanjut), with its target quarter.',
})
export class AgreedActionType {
  @Field(() => String, { description: 'What is to be done.' })
  text!: string;

  @Field(() => Int, { description: 'Year it should be done by.' })
  targetYear!: number;

  @Field(() => Int, { description: 'Quarter (triwulan) 1-4 it should be done by.' })
  targetQuarter!: number;
}

@ObjectType('FeedbackNote', {
  description:
    'A feedback note (umpan balik) from a supervisor to a direct report, on an evaluation or between evaluations, ' +
    "and the employee's answer. Seen only by the two of them, the superiors up the employee's reporting line and " +
    'the agency head; ADMIN, LEADER, POLICY and ANALYST get counts only (`feedbackCounts`).',
})
export class FeedbackNoteType {
  @Field(() => Int, { description: 'Database id of the note.' })
  id!: number;

  @Field(() => Int, { description: 'Year (tahun) of the quarter it is about.' })
  year!: number;

  @Field(() => Int, { description: "Quarter (triwulan) 1-4 it is about: its evaluation's, or when it was written." })
  quarter!: number;

  @Field(() => String, { nullable: true, description: 'What went well (yang sudah baik).' })
  wentWell!: string | null;

  @Field(() => String, { nullable: true, description: 'What to improve (yang perlu ditingkatkan).' })
  toImprove!: string | null;

  @Field(() => [AgreedActionType], { description: 'The actions agreed (tindak lanjut), each with a target quarter.' })
  agreedActions!: AgreedActionType[];

  @Field(() => String, {
    nullable: true,
    description: "The employee's answer; null when only acknowledged or not yet.",
  })
  answer!: string | null;

  @Field(() => GraphQLDateTimeISO, {
    nullable: true,
    description: 'When the employee answered or acknowledged it (UTC); null until then.',
  })
  acknowledgedAt!: Date | null;

  @Field(() => GraphQLDateTimeISO, { description: 'When it was written (UTC).' })
  createdAt!: Date;
}

@ObjectType('DevelopmentAction', {
  description:
    'A development action (rencana pengembangan) agreed in a performance dialogue: what to do by which quarter, the ' +
    'criterion it should improve and the kind of training, and the participation that carried it out once linked.',
})
export class DevelopmentActionType {
  @Field(() => Int, { description: 'Database id of the action.' })
  id!: number;

  @Field(() => String, { description: 'What is to be done.' })
  description!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Code of the criterion it should improve (as in `trainingNeeds`); null when none is named.',
  })
  criterionCode!: string | null;

  @Field(() => TrainingKindEnum, { nullable: true, description: 'The kind of training agreed; null when none.' })
  trainingKind!: TrainingKind | null;

  @Field(() => Int, { description: 'Year it should be done by.' })
  targetYear!: number;

  @Field(() => Int, { description: 'Quarter (triwulan) 1-4 it should be done by.' })
  targetQuarter!: number;
}

@ObjectType('PerformanceDialogue', {
  description:
    'The performance dialogue (dialog kinerja) of one employee and quarter with their direct supervisor: the day, ' +
    "the points agreed, the follow-ups, the development actions and both parties' confirmation. Seen as feedback " +
    'notes are.',
})
export class PerformanceDialogueType {
  @Field(() => Int, { description: 'Database id of the dialogue.' })
  id!: number;

  @Field(() => Int, { description: 'Year (tahun).' })
  year!: number;

  @Field(() => Int, { description: 'Quarter (triwulan) 1-4.' })
  quarter!: number;

  @Field(() => String, { description: 'The day it was held, YYYY-MM-DD.' })
  heldOn!: string;

  @Field(() => String, { description: 'The points agreed (pokok kesepakatan).' })
  pointsAgreed!: string;

  @Field(() => String, { nullable: true, description: 'The follow-ups (tindak lanjut).' })
  followUps!: string | null;

  @Field(() => GraphQLDateTimeISO, {
    nullable: true,
    description: 'When the supervisor confirmed it (UTC): when they recorded it.',
  })
  supervisorConfirmedAt!: Date | null;

  @Field(() => GraphQLDateTimeISO, {
    nullable: true,
    description: 'When the employee confirmed it (UTC); null until then.',
  })
  employeeConfirmedAt!: Date | null;
}

@ObjectType('FeedbackCounts', {
  description:
    "Counts of one agency's feedback and dialogue in a year (or quarter), without any text: what ADMIN, LEADER, " +
    "POLICY and ANALYST see of them. Suppressed (null) for callers other than ADMIN, LEADER and the agency's head when " +
    "the agency has fewer employees than the policy's minimum group.",
})
export class FeedbackCountsType {
  @Field(() => AgencyType, { description: 'The agency (the one stored on the notes and dialogues).' })
  agency!: AgencyType;

  @Field(() => Int, { nullable: true, description: 'Feedback notes written.' })
  notesWritten!: number | null;

  @Field(() => Int, { nullable: true, description: 'Feedback notes answered or acknowledged by the employee.' })
  notesAnswered!: number | null;

  @Field(() => Int, { nullable: true, description: 'Performance dialogues held (recorded).' })
  dialoguesHeld!: number | null;

  @Field(() => Int, { nullable: true, description: 'Performance dialogues confirmed by both parties.' })
  dialoguesConfirmed!: number | null;

  @Field(() => Int, { nullable: true, description: 'Development actions agreed in those dialogues.' })
  developmentActions!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Development actions linked to a training participation.',
  })
  developmentActionsLinked!: number | null;

  @Field(() => Boolean, { description: 'True when the counts are withheld (small agency; see the type).' })
  suppressed!: boolean;
}
