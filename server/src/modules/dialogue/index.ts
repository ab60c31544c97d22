import type { ApiModule } from '../../graphql/module.js';
import { createDialogueLoaders } from './dialogue.loaders.js';
import { DialogueMutations } from './dialogue.mutations.js';
import {
  DevelopmentActionResolver,
  DialogueQueries,
  FeedbackNoteResolver,
  PerformanceDialogueResolver,
} from './dialogue.resolver.js';
import {
  EvaluationFeedbackResolver,
  NoticeRecordResolver,
  TrainingNeedActionsResolver,
  TransparencyFeedbackResolver,
} from './fields.resolver.js';

/**
 * Continuous feedback and performance dialogue (docs/dialogue.md): feedback notes and their answers, the quarterly
 * dialogues with their development actions, and the fields they add to the transparency page, evaluations, notices
 * and training needs.
 */
export const dialogueModule = {
  name: 'dialogue',
  resolvers: [
    DialogueQueries,
    DialogueMutations,
    FeedbackNoteResolver,
    PerformanceDialogueResolver,
    DevelopmentActionResolver,
    TransparencyFeedbackResolver,
    EvaluationFeedbackResolver,
    NoticeRecordResolver,
    TrainingNeedActionsResolver,
  ],
  createLoaders: createDialogueLoaders,
} satisfies ApiModule;
