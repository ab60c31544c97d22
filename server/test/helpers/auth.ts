import type { EntityManager } from '@mikro-orm/postgresql';
import { issueToken, tokenSecret } from '../../src/modules/auth/auth.service.js';
import type { Role } from '../../src/modules/access/roles.js';

/**
 * Creates an account (with a fixed, fast-to-check password hash that no login can match) and returns a bearer
 * token for it, so tests can call the API as any role. Logging in with a password is tested in the auth tests.
 */
export async function accountToken(
  em: EntityManager,
  options: { login: string; role: Role; employeeId?: number | null; tokenSecret?: string | null },
): Promise<{ userId: number; token: string; headers: Record<string, string> }> {
  const rows: { id: number; token_version: number }[] = await em.getConnection().execute(
    `insert into app_user (login, password_hash, role, employee_id) values (?, 'test-account-no-password', ?, ?)
     returning id, token_version`,
    [options.login, options.role, options.employeeId ?? null],
  );
  const user = rows[0]!;
  const secret = await tokenSecret(em, options.tokenSecret ?? null);
  const token = issueToken({ id: user.id, tokenVersion: user.token_version }, secret, 1);
  return { userId: user.id, token, headers: { authorization: `Bearer ${token}` } };
}
