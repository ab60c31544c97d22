import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { feedbackTextVisible } from '../access/read-scopes.js';
import { TrainingNeedType } from '../analytics/people.types.js';
import type { TrainingNeedRow as TrainingNeedValue } from '../analytics/training-needs.service.js';
import type { Evaluation } from '../evaluations/evaluation.entity.js';
import { EvaluationType } from '../evaluations/evaluation.types.js';
import type { Notice } from '../notices/notice.entity.js';
import { NoticeType } from '../notices/notices.types.js';
import { TransparencyType } from '../transparency/transparency.types.js';
import { visibleFeedback } from './dialogue.service.js';
import { DevelopmentActionType, FeedbackNoteType, PerformanceDialogueType } from './dialogue.types.js';
import type { FeedbackNote } from './feedback-note.entity.js';
import type { DevelopmentAction, PerformanceDialogue } from './performance-dialogue.entity.js';

/**
 * The fields this module adds to other modules' types (docs/architecture.md: the module that owns the data resolves
 * them). Each keeps only the notes and dialogues whose text the caller may read, however the parent was reached.
 */

@Resolver(() => TransparencyType)
export class TransparencyFeedbackResolver {
  @FieldResolver(() => [FeedbackNoteType], {
    description:
      "The year's feedback notes to the employee, newest first, with their answers: those whose text the caller may " +
      'read (the employee, the author, the line, the agency head); empty for ADMIN and LEADER as such.',
  })
  async feedbackNotes(@Root() page: TransparencyType, @Ctx() ctx: Context): Promise<FeedbackNote[]> {
    const employee = page.employee as unknown as { id: number };
    return visibleFeedback(
      ctx,
      await ctx.loaders.feedbackNotesByEmployee.load({ employeeId: employee.id, year: page.year }),
    );
  }

  @FieldResolver(() => [PerformanceDialogueType], {
    description: "The year's performance dialogues of the employee, by quarter, for the same readers as the notes.",
  })
  async performanceDialogues(@Root() page: TransparencyType, @Ctx() ctx: Context): Promise<PerformanceDialogue[]> {
    const employee = page.employee as unknown as { id: number };
    return visibleFeedback(
      ctx,
      await ctx.loaders.dialoguesByEmployee.load({ employeeId: employee.id, year: page.year }),
    );
  }
}

@Resolver(() => EvaluationType)
export class EvaluationFeedbackResolver {
  @FieldResolver(() => [FeedbackNoteType], {
    description:
      'Feedback notes written on this evaluation, newest first: those whose text the caller may read (empty for ' +
      'everyone else).',
  })
  async feedbackNotes(@Root() evaluation: Evaluation, @Ctx() ctx: Context): Promise<FeedbackNote[]> {
    return visibleFeedback(ctx, await ctx.loaders.feedbackNotesByEvaluation.load(evaluation.id));
  }
}

@Resolver(() => NoticeType)
export class NoticeRecordResolver {
  @FieldResolver(() => FeedbackNoteType, {
    nullable: true,
    description: 'The feedback note the notice is about, when the caller may read it.',
  })
  async note(@Root() notice: Notice, @Ctx() ctx: Context): Promise<FeedbackNote | null> {
    if (notice.noteId === null) return null;
    const note = await ctx.loaders.feedbackNoteById.load(notice.noteId);
    return note ? ((await visibleFeedback(ctx, [note]))[0] ?? null) : null;
  }

  @FieldResolver(() => PerformanceDialogueType, {
    nullable: true,
    description: 'The performance dialogue the notice is about, when the caller may read it.',
  })
  async dialogue(@Root() notice: Notice, @Ctx() ctx: Context): Promise<PerformanceDialogue | null> {
    if (notice.dialogueId === null) return null;
    const dialogue = await ctx.loaders.dialogueById.load(notice.dialogueId);
    return dialogue ? ((await visibleFeedback(ctx, [dialogue]))[0] ?? null) : null;
  }
}

/**
 * Where the training needs of the analytics and the dialogues meet (docs/dialogue.md#development-actions): for a
 * need (an employee and a criterion code), the development actions agreed for that code.
 */
@Resolver(() => TrainingNeedType)
export class TrainingNeedActionsResolver {
  @FieldResolver(() => Int, {
    description:
      "Development actions agreed in the employee's dialogues that name this criterion: a count every caller who " +
      'sees the row may read.',
  })
  async developmentActionsAgreed(@Root() need: TrainingNeedValue, @Ctx() ctx: Context): Promise<number> {
    const key = { employeeId: need.employeeId, criterionCode: need.criterion };
    return (await ctx.loaders.developmentActionsByNeed.load(key)).length;
  }

  @FieldResolver(() => [DevelopmentActionType], {
    description:
      "Those development actions themselves, with their participations: only for callers who may read the employee's " +
      'dialogues (the employee, the line, the agency head); empty for everyone else.',
  })
  async developmentActions(@Root() need: TrainingNeedValue, @Ctx() ctx: Context): Promise<DevelopmentAction[]> {
    const scope = ctx.scope;
    const employee = await ctx.loaders.employeeById.load(need.employeeId);
    if (!scope || !employee) return [];
    const actions = await ctx.loaders.developmentActionsByNeed.load({
      employeeId: need.employeeId,
      criterionCode: need.criterion,
    });
    return actions.filter((action) =>
      feedbackTextVisible(scope, {
        employee: { id: employee.id, agencyId: employee.agency.id },
        authorId: action.dialogue.supervisor.id,
        agencyId: action.dialogue.agency.id,
      }),
    );
  }
}
