import type { ApiModule } from '../../graphql/module.js';
import { EmployeeTrainingResolver } from './employee-training.resolver.js';
import { createTrainingLoaders } from './training.loaders.js';
import { TrainingMutations } from './training.mutations.js';
import { ParticipationResolver, TrainingResolver } from './training.resolver.js';

/** Trainings and participations: queries, recording, and an employee's training hours and participations. */
export const trainingModule = {
  name: 'training',
  resolvers: [TrainingResolver, ParticipationResolver, EmployeeTrainingResolver, TrainingMutations],
  createLoaders: createTrainingLoaders,
} satisfies ApiModule;
