import type { ApiModule } from '../../graphql/module.js';
import { ImportJobResolver } from './import-job.resolver.js';
import { ImportErrorFields, ImportMutations } from './import.mutations.js';

export { importJobs } from './jobs.js';
export { importUploadHandler } from './upload.js';

/** The import of the city's CSV files (also run by `pnpm run import`). */
export const importModule = {
  name: 'import',
  resolvers: [ImportMutations, ImportErrorFields, ImportJobResolver],
} satisfies ApiModule;
