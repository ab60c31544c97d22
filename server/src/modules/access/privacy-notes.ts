import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../../graphql/context.js';

/**
 * Sends the request's privacy notes (why a filter matched fewer people, or values were withheld: docs/privacy.md) to
 * the caller in `extensions.privacy`, a list of sentences. Nothing is added when there are none.
 */
export const privacyNotesPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        const notes = contextValue.access?.privacyNotes;
        if (!notes || notes.size === 0 || response.body.kind !== 'single') return;
        const result = response.body.singleResult;
        result.extensions = { ...result.extensions, privacy: [...notes] };
      },
    };
  },
};
