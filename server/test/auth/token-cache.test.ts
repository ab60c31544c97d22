import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeTokens, TOKEN_CHECK_SECONDS, tokenSecret, viewerForToken } from '../../src/modules/auth/auth.service.js';
import { signToken } from '../../src/modules/auth/token.js';
import { accountToken } from '../helpers/auth.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

/**
 * A checked token's account is trusted for at most TOKEN_CHECK_SECONDS (30 s) without a database read (docs/security.md,
 * docs/benchmarks.md): a token revoked, or an account disabled, behind the process's back (another process, or SQL)
 * stops working within that, and a revocation by this process takes effect at once. Time is passed in explicitly.
 */
describe('token check cache', () => {
  let db: TestDatabase;
  let em: EntityManager;
  let secret: string;
  let statements: string[];

  beforeAll(async () => {
    statements = [];
    db = await createTestDatabase({ onQuery: (sql) => statements.push(sql) });
    em = db.orm.em.fork() as EntityManager;
    secret = await tokenSecret(em, null);
  });
  afterAll(async () => {
    await db.close();
  });

  const accountReads = () => statements.filter((sql) => sql.includes('from app_user u left join employee')).length;

  it('reads the account once per token within 30 s, and again after', async () => {
    const { token } = await accountToken(em, { login: 'cache-a', role: 'ADMIN', tokenSecret: secret });
    const t0 = 1_000_000_000_000;
    const before = accountReads();
    expect((await viewerForToken(em, token, secret, t0))?.login).toBe('cache-a');
    expect((await viewerForToken(em, token, secret, t0 + 10_000))?.login).toBe('cache-a');
    expect(accountReads() - before).toBe(1);
    expect((await viewerForToken(em, token, secret, t0 + TOKEN_CHECK_SECONDS * 1000 + 1))?.login).toBe('cache-a');
    expect(accountReads() - before).toBe(2);
  });

  it('a token revoked in the database (another process) stops working within 30 s', async () => {
    const { userId, token } = await accountToken(em, { login: 'cache-b', role: 'ANALYST', tokenSecret: secret });
    const t0 = 1_100_000_000_000;
    expect((await viewerForToken(em, token, secret, t0))?.role).toBe('ANALYST');
    await em.getConnection().execute('update app_user set token_version = token_version + 1 where id = ?', [userId]);
    // Still trusted within the window: the bound, not a promise of immediacy.
    expect(await viewerForToken(em, token, secret, t0 + 29_000)).not.toBeNull();
    expect(await viewerForToken(em, token, secret, t0 + 30_001)).toBeNull();
  });

  it('a disabled account stops working within 30 s', async () => {
    const { userId, token } = await accountToken(em, { login: 'cache-c', role: 'LEADER', tokenSecret: secret });
    const t0 = 1_200_000_000_000;
    expect((await viewerForToken(em, token, secret, t0))?.role).toBe('LEADER');
    await em.getConnection().execute('update app_user set active = false where id = ?', [userId]);
    expect(await viewerForToken(em, token, secret, t0 + TOKEN_CHECK_SECONDS * 1000 + 1)).toBeNull();
    // And it stays refused: a refusal is not cached as a pass.
    expect(await viewerForToken(em, token, secret, t0 + TOKEN_CHECK_SECONDS * 1000 + 2)).toBeNull();
  });

  it('a revocation by this process (logout everywhere, password change or reset) takes effect at once', async () => {
    const { userId, token } = await accountToken(em, { login: 'cache-d', role: 'ADMIN', tokenSecret: secret });
    const t0 = 1_300_000_000_000;
    expect(await viewerForToken(em, token, secret, t0)).not.toBeNull();
    await revokeTokens(em, userId);
    expect(await viewerForToken(em, token, secret, t0 + 1)).toBeNull();
  });

  it('an expired token is refused even while its account is cached', async () => {
    const { userId } = await accountToken(em, { login: 'cache-e', role: 'ADMIN', tokenSecret: secret });
    const t0 = 1_400_000_000_000;
    const seconds = t0 / 1000;
    const token = signToken({ sub: userId, tv: 1, iat: seconds, exp: seconds + 10 }, secret);
    expect(await viewerForToken(em, token, secret, t0)).not.toBeNull();
    expect(await viewerForToken(em, token, secret, t0 + 9_000)).not.toBeNull();
    expect(await viewerForToken(em, token, secret, t0 + 10_000)).toBeNull();
  });

  it('trusts only the very string it checked, under the same secret, without checking the signature again', async () => {
    const { token } = await accountToken(em, { login: 'cache-f', role: 'ADMIN', tokenSecret: secret });
    const t0 = 1_500_000_000_000;
    expect(await viewerForToken(em, token, secret, t0)).not.toBeNull();
    // The same token under another secret (a changed KINERJA_TOKEN_SECRET) is checked, and refused.
    expect(await viewerForToken(em, token, `${secret}-other`, t0 + 1)).toBeNull();
    // A token with another signature is another string: checked, and refused.
    const [prefix, payload, signature] = token.split('.') as [string, string, string];
    const forged = `${prefix}.${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(await viewerForToken(em, forged, secret, t0 + 2)).toBeNull();
    expect((await viewerForToken(em, token, secret, t0 + 3))?.login).toBe('cache-f');
  });
});
