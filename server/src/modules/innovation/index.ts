import type { ApiModule } from '../../graphql/module.js';
import { EmployeeInnovationsResolver } from './employee-innovations.resolver.js';
import { createInnovationLoaders } from './innovation.loaders.js';
import { InnovationMutations } from './innovation.mutations.js';
import { InnovationResolver } from './innovation.resolver.js';
import { InnovationsToVerifyResolver } from './innovations-to-verify.resolver.js';

/** Innovations (inovasi): recording, verification, and an employee's innovations. */
export const innovationModule = {
  name: 'innovation',
  resolvers: [InnovationResolver, EmployeeInnovationsResolver, InnovationMutations, InnovationsToVerifyResolver],
  createLoaders: createInnovationLoaders,
} satisfies ApiModule;
