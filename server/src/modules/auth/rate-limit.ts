import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The login throttle (docs/security.md "Passwords and the login throttle"): at most `perLogin` attempts for one login
 * name and `perAddress` from one client address within a window of `windowMs`.
 *
 * An attempt is counted BEFORE its password is checked, in one statement (`insert ... on conflict do update ...
 * returning`), so that parallel attempts cannot all pass a check made before any of them is recorded: the database
 * serialises the increments of one key, and each attempt sees its own count. Attempts over the limit are refused
 * without checking the password (and count only on the keys already over theirs). A successful login gives its attempt back (the login's count is cleared, the
 * address's lowered by one), so that the counts hold failures. The counts live in PostgreSQL (`login_attempt`), so
 * every server process on the same database shares them.
 *
 * A window starts at a key's first attempt and lasts `windowMs`; the attempt after it starts a fresh one.
 */
export class LoginThrottles {
  private lastPrune = 0;

  constructor(
    readonly perLogin = 5,
    readonly perAddress = 50,
    readonly windowMs = 15 * 60 * 1000,
  ) {}

  /**
   * Counts one attempt of this login from this address. Returns `{ allowed: true }` when the password may be checked,
   * else the seconds until the earliest window that refused it ends.
   */
  async attempt(
    em: EntityManager,
    login: string,
    address: string,
  ): Promise<{ allowed: true } | { allowed: false; retryAfterMs: number }> {
    await this.pruneNowAndThen(em);
    const keys = [
      { key: loginKey(login), limit: this.perLogin },
      { key: addressKey(address), limit: this.perAddress },
    ].sort((a, b) => a.key.localeCompare(b.key)); // one lock order for every statement: no deadlock
    const seconds = this.windowMs / 1000;
    const rows: { key: string; attempts: number; retry_ms: number }[] = await em.getConnection().execute(
      `insert into login_attempt as l (key, window_start, attempts)
       values (?, now(), 1), (?, now(), 1)
       on conflict (key) do update set
         attempts = case when l.window_start <= now() - make_interval(secs => ?) then 1
                         else least(l.attempts + 1, 1000000) end,
         window_start = case when l.window_start <= now() - make_interval(secs => ?) then now()
                             else l.window_start end
       returning l.key, l.attempts,
         greatest(0, extract(epoch from (l.window_start + make_interval(secs => ?) - now())) * 1000)::float8
           as retry_ms`,
      [keys[0]!.key, keys[1]!.key, seconds, seconds, seconds],
    );
    let retryAfterMs = 0;
    const within: string[] = [];
    for (const row of rows) {
      const limit = keys.find((k) => k.key === row.key)!.limit;
      if (row.attempts > limit) retryAfterMs = Math.max(retryAfterMs, row.retry_ms, 1000);
      else within.push(row.key);
    }
    if (retryAfterMs === 0) return { allowed: true };
    // A refused attempt checks no password: the keys that were still within their limit get it back (the address of
    // someone retrying a locked account keeps its room for other logins).
    if (within.length > 0) {
      await em
        .getConnection()
        .execute(
          `update login_attempt set attempts = attempts - 1 where key in (${within.map(() => '?').join(', ')}) and attempts > 0`,
          within,
        );
    }
    return { allowed: false, retryAfterMs };
  }

  /**
   * A successful login: its login's count is cleared, and the address's lowered by the attempt just counted (one
   * good account must not reset the count of an address that is trying many).
   */
  async succeed(em: EntityManager, login: string, address: string): Promise<void> {
    await em.getConnection().execute(`delete from login_attempt where key = ?`, [loginKey(login)]);
    await em
      .getConnection()
      .execute(`update login_attempt set attempts = attempts - 1 where key = ? and attempts > 0`, [
        addressKey(address),
      ]);
  }

  /** Keys whose window has ended are deleted at most once a minute per process: made-up logins do not pile up. */
  private async pruneNowAndThen(em: EntityManager): Promise<void> {
    const now = Date.now();
    if (now - this.lastPrune < 60_000) return;
    this.lastPrune = now;
    await em
      .getConnection()
      .execute(`delete from login_attempt where window_start < now() - make_interval(secs => ?)`, [
        this.windowMs / 1000,
      ]);
  }
}

function loginKey(login: string): string {
  return `login:${login.slice(0, 150)}`;
}

function addressKey(address: string): string {
  return `address:${address.slice(0, 150)}`;
}
