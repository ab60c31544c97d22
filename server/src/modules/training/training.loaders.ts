import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { byEmployeeYear, byId, type EmployeeYear } from '../../graphql/batching.js';
import type { Participation } from './participation.entity.js';
import { Training } from './training.entity.js';
import { participationsOfEmployees, participationsOfTrainings, trainingHoursOf } from './training.service.js';

export interface TrainingLoaders {
  trainingById: DataLoader<number, Training | null>;
  /** JP of COMPLETED participations completed in the calendar year. */
  trainingHours: DataLoader<{ employeeId: number; year: number }, number, string>;
  participationsByEmployee: DataLoader<EmployeeYear, Participation[], string>;
  participationsByTraining: DataLoader<number, Participation[]>;
}

declare module '../../graphql/context.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Loaders extends TrainingLoaders {}
}

export function createTrainingLoaders(em: EntityManager): TrainingLoaders {
  return {
    trainingById: byId(em, Training),
    trainingHours: byEmployeeYear((keys) => trainingHoursOf(em, keys)),
    participationsByEmployee: byEmployeeYear((keys) => participationsOfEmployees(em, keys)),
    participationsByTraining: new DataLoader((ids) => participationsOfTrainings(em, ids)),
  };
}
