import type { ApiModule } from '../../graphql/module.js';
import { createAgencyLoaders } from './agency.loaders.js';
import { AgencyResolver } from './agency.resolver.js';

/** Agencies (perangkat daerah): the queries and the agency loader. */
export const agencyModule = {
  name: 'agency',
  resolvers: [AgencyResolver],
  createLoaders: createAgencyLoaders,
} satisfies ApiModule;
