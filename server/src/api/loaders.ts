import type { EntityManager } from '@mikro-orm/postgresql';
import type { ScoringPolicy } from '@kinerja/shared';
import type { Loaders } from '../graphql/context.js';
import { agencyModule } from '../modules/agency/index.js';
import { criteriaModule } from '../modules/criteria/index.js';
import { dialogueModule } from '../modules/dialogue/index.js';
import { employeeModule } from '../modules/employee/index.js';
import { evaluationsModule } from '../modules/evaluations/index.js';
import { innovationModule } from '../modules/innovation/index.js';
import { orgPerformanceModule } from '../modules/org-performance/index.js';
import { periodsModule } from '../modules/periods/index.js';
import { trainingModule } from '../modules/training/index.js';

/**
 * The loader set of one request, built from every module's loaders: a nested query over N rows asks the database
 * once per level, not once per row. Relations are read through these by id (`entity.agency.id` is known without
 * loading the agency), never by touching an unloaded reference. Each loader caches for the request only.
 */
export function createLoaders(em: EntityManager, policy: ScoringPolicy): Loaders {
  const criteria = criteriaModule.createLoaders(em);
  return {
    ...agencyModule.createLoaders(em),
    ...employeeModule.createLoaders(em),
    ...periodsModule.createLoaders(em),
    ...criteria,
    ...evaluationsModule.createLoaders(em, policy),
    ...innovationModule.createLoaders(em),
    ...trainingModule.createLoaders(em),
    ...orgPerformanceModule.createLoaders(em),
    ...dialogueModule.createLoaders(em),
  };
}
