import type { ApiModule } from '../../graphql/module.js';
import { NoticesResolver } from './notices.resolver.js';

/**
 * In-app notices (docs/dialogue.md#notices): written by the workflows in their own transactions (`writeNotices`),
 * read and marked read by their recipient. Imports no module that writes them, so evaluations and dialogue both may.
 */
export const noticesModule = {
  name: 'notices',
  resolvers: [NoticesResolver],
} satisfies ApiModule;

export { writeNotices, settleNotices, type NewNotice } from './notices.service.js';
