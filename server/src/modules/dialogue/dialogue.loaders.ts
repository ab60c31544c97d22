import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { byEmployeeYear, byId, type EmployeeYear } from '../../graphql/batching.js';
import { Participation } from '../training/participation.entity.js';
import { FeedbackNote } from './feedback-note.entity.js';
import { PerformanceDialogue, type DevelopmentAction } from './performance-dialogue.entity.js';
import {
  actionsOfDialogues,
  actionsOfNeeds,
  dialoguesOfEmployees,
  notesOfEmployees,
  notesOfEvaluations,
  type EmployeeCriterion,
} from './dialogue.service.js';

/** The loaders of the dialogue module. They load rows; the resolvers keep those the caller may read. */
export interface DialogueLoaders {
  feedbackNotesByEmployee: DataLoader<EmployeeYear, FeedbackNote[], string>;
  feedbackNotesByEvaluation: DataLoader<number, FeedbackNote[]>;
  feedbackNoteById: DataLoader<number, FeedbackNote | null>;
  dialoguesByEmployee: DataLoader<EmployeeYear, PerformanceDialogue[], string>;
  dialogueById: DataLoader<number, PerformanceDialogue | null>;
  developmentActionsByDialogue: DataLoader<number, DevelopmentAction[]>;
  developmentActionsByNeed: DataLoader<EmployeeCriterion, DevelopmentAction[], string>;
  participationById: DataLoader<number, Participation | null>;
}

declare module '../../graphql/context.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Loaders extends DialogueLoaders {}
}

export function createDialogueLoaders(em: EntityManager): DialogueLoaders {
  return {
    feedbackNotesByEmployee: byEmployeeYear((keys) => notesOfEmployees(em, keys)),
    feedbackNotesByEvaluation: new DataLoader((ids) => notesOfEvaluations(em, ids)),
    feedbackNoteById: byId(em, FeedbackNote),
    dialoguesByEmployee: byEmployeeYear((keys) => dialoguesOfEmployees(em, keys)),
    dialogueById: byId(em, PerformanceDialogue),
    developmentActionsByDialogue: new DataLoader((ids) => actionsOfDialogues(em, ids)),
    developmentActionsByNeed: new DataLoader((keys) => actionsOfNeeds(em, keys), {
      cacheKeyFn: (k) => `${k.employeeId}:${k.criterionCode}`,
    }),
    participationById: byId(em, Participation),
  };
}
