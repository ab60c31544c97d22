import { Arg, Ctx, Int, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { accountScope } from '../access/write-rules.js';
import {
  AnswerFeedbackNoteInput,
  LinkDevelopmentActionInput,
  RecordPerformanceDialogueInput,
  WriteFeedbackNoteInput,
} from './dialogue.inputs.js';
import { DevelopmentActionType, FeedbackNoteType, PerformanceDialogueType } from './dialogue.types.js';
import {
  answerFeedbackNote,
  confirmPerformanceDialogue,
  linkDevelopmentAction,
  recordPerformanceDialogue,
  writeFeedbackNote,
} from './dialogue.workflow.js';
import { FeedbackNote } from './feedback-note.entity.js';
import { DevelopmentAction, PerformanceDialogue } from './performance-dialogue.entity.js';

@Resolver()
export class DialogueMutations {
  @Mutation(() => FeedbackNoteType, {
    description:
      "Writes a feedback note (umpan balik) to one of the caller's direct reports, on an evaluation or between " +
      'evaluations: what went well, what to improve, actions agreed with a target quarter. The employee gets a ' +
      'notice; the audit log records that a note was written, not its text.',
  })
  async writeFeedbackNote(
    @Ctx() ctx: Context,
    @Arg('input', () => WriteFeedbackNoteInput, { description: 'The note.' }) input: WriteFeedbackNoteInput,
  ): Promise<FeedbackNote> {
    const id = await writeFeedbackNote(ctx.em, accountScope(ctx), input);
    return ctx.em.findOneOrFail(FeedbackNote, { id }, { refresh: true });
  }

  @Mutation(() => FeedbackNoteType, {
    description:
      'The employee answers a feedback note written to them, or acknowledges it without an answer (once). Their ' +
      'notice of it is marked read and the author gets one.',
  })
  async answerFeedbackNote(
    @Ctx() ctx: Context,
    @Arg('input', () => AnswerFeedbackNoteInput, { description: 'The answer.' }) input: AnswerFeedbackNoteInput,
  ): Promise<FeedbackNote> {
    const id = await answerFeedbackNote(ctx.em, accountScope(ctx), input);
    return ctx.em.findOneOrFail(FeedbackNote, { id }, { refresh: true });
  }

  @Mutation(() => PerformanceDialogueType, {
    description:
      "Records the quarter's performance dialogue (dialog kinerja) with one of the caller's direct reports, with its " +
      "development actions; recording it is the supervisor's confirmation. One per employee and quarter. The " +
      'employee gets a notice to confirm it.',
  })
  async recordPerformanceDialogue(
    @Ctx() ctx: Context,
    @Arg('input', () => RecordPerformanceDialogueInput, { description: 'The dialogue.' })
    input: RecordPerformanceDialogueInput,
  ): Promise<PerformanceDialogue> {
    const id = await recordPerformanceDialogue(ctx.em, accountScope(ctx), input);
    return ctx.em.findOneOrFail(PerformanceDialogue, { id }, { refresh: true });
  }

  @Mutation(() => PerformanceDialogueType, {
    description: 'A party of a performance dialogue confirms it (the employee, after the supervisor recorded it).',
  })
  async confirmPerformanceDialogue(
    @Ctx() ctx: Context,
    @Arg('dialogueId', () => Int, { description: 'The dialogue.' }) dialogueId: number,
  ): Promise<PerformanceDialogue> {
    const id = await confirmPerformanceDialogue(ctx.em, accountScope(ctx), dialogueId);
    return ctx.em.findOneOrFail(PerformanceDialogue, { id }, { refresh: true });
  }

  @Mutation(() => DevelopmentActionType, {
    description:
      'Links a development action to the training participation of the employee that carried it out (or unlinks ' +
      "it with participationId null): the two parties of the dialogue, or the head of the employee's agency.",
  })
  async linkDevelopmentAction(
    @Ctx() ctx: Context,
    @Arg('input', () => LinkDevelopmentActionInput, { description: 'The link.' }) input: LinkDevelopmentActionInput,
  ): Promise<DevelopmentAction> {
    const id = await linkDevelopmentAction(ctx.em, accountScope(ctx), input);
    return ctx.em.findOneOrFail(DevelopmentAction, { id }, { refresh: true });
  }
}
