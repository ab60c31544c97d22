import type { ApiModule } from '../../graphql/module.js';
import { PrivacyResolver } from './privacy.resolver.js';

/** Duties of the data controller (docs/privacy.md): the export of one person's data and processing history. */
export const privacyModule = {
  name: 'privacy',
  resolvers: [PrivacyResolver],
} satisfies ApiModule;
