import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from './user.entity.js';
import { signToken, verifyToken } from './token.js';
import type { Viewer } from './viewer.js';

const secrets = new WeakMap<object, Promise<string>>();

/**
 * The secret that signs tokens: `KINERJA_TOKEN_SECRET` when configured, else one generated on first use and kept in
 * `app_setting`, so tokens survive a restart and every process on the same database agrees.
 */
export function tokenSecret(em: EntityManager, configured: string | null): Promise<string> {
  if (configured) return Promise.resolve(configured);
  const key = em.getConnection();
  let secret = secrets.get(key);
  if (!secret) {
    secret = (async () => {
      const fresh = randomBytes(48).toString('base64url');
      await em
        .getConnection()
        .execute(`insert into app_setting (key, value) values ('token_secret', ?) on conflict (key) do nothing`, [
          fresh,
        ]);
      const rows: { value: string }[] = await em
        .getConnection()
        .execute(`select value from app_setting where key = 'token_secret'`);
      return rows[0]!.value;
    })();
    secrets.set(key, secret);
  }
  return secret;
}

/** A signed token for the account, valid for `hours`. */
export function issueToken(user: Pick<User, 'id' | 'tokenVersion'>, secret: string, hours: number): string {
  const now = Math.floor(Date.now() / 1000);
  return signToken({ sub: user.id, tv: user.tokenVersion, iat: now, exp: now + Math.round(hours * 3600) }, secret);
}

/** The viewer for a token, or null when the token is invalid, expired, revoked or its account inactive. */
export async function viewerForToken(em: EntityManager, token: string, secret: string): Promise<Viewer | null> {
  const claims = verifyToken(token, secret);
  if (!claims) return null;
  const rows: {
    id: number;
    login: string;
    role: Viewer['role'];
    employee_id: number | null;
    agency_id: number | null;
    token_version: number;
    active: boolean;
  }[] = await em.getConnection().execute(
    `select u.id, u.login, u.role, u.employee_id, e.agency_id, u.token_version, u.active
       from app_user u left join employee e on e.id = u.employee_id
      where u.id = ?`,
    [claims.sub],
  );
  const user = rows[0];
  if (!user || !user.active || user.token_version !== claims.tv) return null;
  return {
    userId: user.id,
    login: user.login,
    role: user.role,
    employeeId: user.employee_id,
    agencyId: user.agency_id,
    anonymous: false,
  };
}
