import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import type { Employee } from '../employee/employee.entity.js';
import { EmployeeType } from '../employee/employee.types.js';
import { accountScope } from '../access/write-rules.js';
import type { Participation } from '../training/participation.entity.js';
import { ParticipationType } from '../training/training.types.js';
import { FeedbackFilter } from './dialogue.inputs.js';
import { dialogueById, dialoguesOf, feedbackCountsOf, feedbackNoteById, feedbackNotesOf } from './dialogue.service.js';
import {
  DevelopmentActionType,
  FeedbackCountsType,
  FeedbackNoteType,
  PerformanceDialogueType,
} from './dialogue.types.js';
import type { FeedbackNote } from './feedback-note.entity.js';
import type { DevelopmentAction, PerformanceDialogue } from './performance-dialogue.entity.js';

@Resolver()
export class DialogueQueries {
  @Query(() => [FeedbackNoteType], {
    description:
      'Feedback notes (umpan balik) whose text the caller may read, newest first: those written to them or by them, ' +
      'those of their reporting line, and, for an agency head, those of their agency. Nobody else reads the text: ' +
      'ADMIN, LEADER, POLICY and ANALYST get counts only (`feedbackCounts`).',
  })
  async feedbackNotes(
    @Ctx() ctx: Context,
    @Arg('filter', () => FeedbackFilter, { nullable: true, description: 'Which notes.' })
    filter?: FeedbackFilter | null,
    @Arg('first', () => Int, { defaultValue: 50, description: 'How many, 1-200.' }) first = 50,
  ): Promise<FeedbackNote[]> {
    return feedbackNotesOf(ctx, accountScope(ctx), filter, first);
  }

  @Query(() => FeedbackNoteType, {
    description:
      'One feedback note by id, for whoever may read its text; FORBIDDEN alike for a missing note and one the ' +
      'caller may not read.',
  })
  async feedbackNote(
    @Ctx() ctx: Context,
    @Arg('id', () => Int, { description: 'The note.' }) id: number,
  ): Promise<FeedbackNote> {
    accountScope(ctx);
    return feedbackNoteById(ctx, id);
  }

  @Query(() => [PerformanceDialogueType], {
    description:
      'Performance dialogues (dialog kinerja) the caller may read, latest quarter first; seen as feedback notes are.',
  })
  async performanceDialogues(
    @Ctx() ctx: Context,
    @Arg('filter', () => FeedbackFilter, { nullable: true, description: 'Which dialogues.' })
    filter?: FeedbackFilter | null,
    @Arg('first', () => Int, { defaultValue: 50, description: 'How many, 1-200.' }) first = 50,
  ): Promise<PerformanceDialogue[]> {
    return dialoguesOf(ctx, accountScope(ctx), filter, first);
  }

  @Query(() => PerformanceDialogueType, {
    description:
      'One performance dialogue by id, for whoever may read it; FORBIDDEN alike for a missing one and one the ' +
      'caller may not read.',
  })
  async performanceDialogue(
    @Ctx() ctx: Context,
    @Arg('id', () => Int, { description: 'The dialogue.' }) id: number,
  ): Promise<PerformanceDialogue> {
    accountScope(ctx);
    return dialogueById(ctx, id);
  }

  @Query(() => [FeedbackCountsType], {
    description:
      'Per agency (by code), counts of feedback notes and performance dialogues in a year or quarter, without any ' +
      'text: ADMIN, LEADER, agency heads, POLICY and ANALYST. Small agencies are suppressed as other aggregates are.',
  })
  async feedbackCounts(
    @Ctx() ctx: Context,
    @Arg('year', () => Int, { description: 'Year (tahun).' }) year: number,
    @Arg('quarter', () => Int, { nullable: true, description: 'Quarter 1-4; omitted: the whole year.' })
    quarter?: number | null,
  ): Promise<FeedbackCountsType[]> {
    return feedbackCountsOf(ctx, year, quarter);
  }
}

/** Who a note or dialogue is about and by, as the caller may see them (null where they may not). */
async function person(ctx: Context, id: number): Promise<Employee | null> {
  return ctx.access!.visibleEmployee(await ctx.loaders.employeeById.load(id));
}

@Resolver(() => FeedbackNoteType)
export class FeedbackNoteResolver {
  @FieldResolver(() => EmployeeType, {
    nullable: true,
    description: 'The employee it was written to (null only where the caller may not see them any more).',
  })
  async employee(@Root() note: FeedbackNote, @Ctx() ctx: Context): Promise<Employee | null> {
    return person(ctx, note.employee.id);
  }

  @FieldResolver(() => EmployeeType, {
    nullable: true,
    description: 'The supervisor who wrote it (null where the caller may not see them).',
  })
  async author(@Root() note: FeedbackNote, @Ctx() ctx: Context): Promise<Employee | null> {
    return person(ctx, note.author.id);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'The evaluation it comments on; null between evaluations.' })
  evaluationId(@Root() note: FeedbackNote): number | null {
    return note.evaluation?.id ?? null;
  }

  @FieldResolver(() => Boolean, { description: 'True once the employee answered or acknowledged it.' })
  answered(@Root() note: FeedbackNote): boolean {
    return note.acknowledgedAt !== null;
  }
}

@Resolver(() => PerformanceDialogueType)
export class PerformanceDialogueResolver {
  @FieldResolver(() => EmployeeType, { nullable: true, description: 'The employee (null where no longer visible).' })
  async employee(@Root() dialogue: PerformanceDialogue, @Ctx() ctx: Context): Promise<Employee | null> {
    return person(ctx, dialogue.employee.id);
  }

  @FieldResolver(() => EmployeeType, {
    nullable: true,
    description: 'The supervisor who held it (null where the caller may not see them).',
  })
  async supervisor(@Root() dialogue: PerformanceDialogue, @Ctx() ctx: Context): Promise<Employee | null> {
    return person(ctx, dialogue.supervisor.id);
  }

  @FieldResolver(() => Boolean, { description: 'True once both parties confirmed it.' })
  confirmed(@Root() dialogue: PerformanceDialogue): boolean {
    return dialogue.supervisorConfirmedAt !== null && dialogue.employeeConfirmedAt !== null;
  }

  @FieldResolver(() => [DevelopmentActionType], { description: 'The development actions agreed, in order.' })
  async developmentActions(@Root() dialogue: PerformanceDialogue, @Ctx() ctx: Context): Promise<DevelopmentAction[]> {
    return ctx.loaders.developmentActionsByDialogue.load(dialogue.id);
  }
}

@Resolver(() => DevelopmentActionType)
export class DevelopmentActionResolver {
  @FieldResolver(() => Int, { description: 'The dialogue it was agreed in.' })
  dialogueId(@Root() action: DevelopmentAction): number {
    return action.dialogue.id;
  }

  @FieldResolver(() => ParticipationType, {
    nullable: true,
    description: 'The training participation that carried it out; null until linked.',
  })
  async participation(@Root() action: DevelopmentAction, @Ctx() ctx: Context): Promise<Participation | null> {
    return action.participation ? ctx.loaders.participationById.load(action.participation.id) : null;
  }
}
