import type { ApiModule } from '../../graphql/module.js';
import { AccountsResolver } from './accounts.resolver.js';
import { AuthResolver } from './auth.resolver.js';

/** Accounts, login, sessions and tokens. Who may do what is the access module's. */
export const authModule = {
  name: 'auth',
  resolvers: [AuthResolver, AccountsResolver],
} satisfies ApiModule;
