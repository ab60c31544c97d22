import type { ApiModule } from '../../graphql/module.js';
import { ImportMutations } from './import.mutations.js';

/** The import of the city's CSV files (also run by `pnpm run import`). */
export const importModule = {
  name: 'import',
  resolvers: [ImportMutations],
} satisfies ApiModule;
