import type { ApolloClient } from '@apollo/client';
import { reactive } from 'vue';
import { graphql } from '../gql';
import type { Role, SessionMeQuery } from '../gql/graphql';

/**
 * The session (docs/dashboard.md "Session"): who the caller is, from the `me` query. The login sets the httpOnly
 * session cookie, so the dashboard never holds a token. In demo mode an anonymous caller reads as POLICY
 * (`me.anonymous`); outside demo mode `me` refuses anonymous callers and the app asks them to log in.
 */
export const SESSION_ME = graphql(`
  query SessionMe {
    me {
      login
      role
      anonymous
      displayName
      employee {
        name
      }
      scope {
        agencyCode
        pseudonymised
        directReports
      }
    }
  }
`);

const LOGIN = graphql(`
  mutation SessionLogin($login: String!, $password: String!) {
    login(login: $login, password: $password) {
      expiresAt
    }
  }
`);

const LOGOUT = graphql(`
  mutation SessionLogout {
    logout
  }
`);

export type SessionUser = SessionMeQuery['me'];

export interface Session {
  me: SessionUser | null;
  /** True once `me` was asked (answered or refused). */
  loaded: boolean;
  /** True in demo mode: anonymous callers read as POLICY and the demo accounts exist. */
  demo: boolean;
}

export const session = reactive<Session>({ me: null, loaded: false, demo: false });

let pending: Promise<void> | null = null;

/** Asks `me` once (again after login or logout); anonymous outside demo mode leaves `me` null. */
export function loadSession(client: ApolloClient, force = false): Promise<void> {
  if (pending && !force) return pending;
  pending = client
    .query({ query: SESSION_ME, fetchPolicy: 'network-only' })
    .then((result) => {
      session.me = result.data?.me ?? null;
      if (session.me?.anonymous) session.demo = true;
    })
    .catch(() => {
      session.me = null;
    })
    .finally(() => {
      session.loaded = true;
    });
  return pending;
}

/** Logs in; throws the API's message (e.g. a wrong password) for the form to show. */
export async function login(client: ApolloClient, user: string, password: string): Promise<void> {
  await client.mutate({ mutation: LOGIN, variables: { login: user, password } });
  await client.clearStore();
  await loadSession(client, true);
}

export async function logout(client: ApolloClient): Promise<void> {
  await client.mutate({ mutation: LOGOUT });
  await client.clearStore();
  await loadSession(client, true);
}

export function displayName(me: SessionUser): string {
  return me.employee?.name ?? me.displayName ?? me.login;
}

export type { Role };
