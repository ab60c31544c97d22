import type { ApiModule } from '../../graphql/module.js';
import { AnnualResultListResolver } from './annual-result.resolver.js';
import { EmployeeEvaluationsResolver } from './employee-evaluations.resolver.js';
import { createEvaluationLoaders } from './evaluation.loaders.js';
import { EvaluationMutations } from './evaluation.mutations.js';
import { EvaluationResolver, ObjectionResolver } from './evaluation.resolver.js';
import { PeriodMutations } from './period.mutations.js';

/**
 * Quarterly evaluations, their scores, objections and results, the annual results, the workflow (score, submit,
 * acknowledge, object, decide, finalise) and the opening and closing of periods (closing finalises evaluations).
 */
export const evaluationsModule = {
  name: 'evaluations',
  resolvers: [
    EvaluationResolver,
    ObjectionResolver,
    EmployeeEvaluationsResolver,
    AnnualResultListResolver,
    EvaluationMutations,
    PeriodMutations,
  ],
  createLoaders: createEvaluationLoaders,
} satisfies ApiModule;
