/**
 * Failed-login throttle: at most `limit` failures per key (login name, and client address) within `windowMs`; a
 * success clears the login's count. Kept in memory: one process serves the API (see docs/scaling.md).
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit = 5,
    private readonly windowMs = 15 * 60 * 1000,
  ) {}

  /** Milliseconds until the key may try again, or 0 when it may now. */
  retryAfterMs(key: string, now = Date.now()): number {
    const recent = this.recent(key, now);
    if (recent.length < this.limit) return 0;
    return (recent[0] ?? now) + this.windowMs - now;
  }

  fail(key: string, now = Date.now()): void {
    const recent = this.recent(key, now);
    recent.push(now);
    this.failures.set(key, recent);
    // Keys of past windows are dropped now and then, so that made-up login names cannot fill the memory.
    if (this.failures.size > 10_000) this.prune(now);
  }

  private prune(now: number): void {
    for (const [key, times] of this.failures) {
      if (!times.some((at) => at > now - this.windowMs)) this.failures.delete(key);
    }
  }

  clear(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((at) => at > now - this.windowMs);
  }
}

/**
 * The two throttles of the login mutation: per login name (5 failures in 15 minutes: guessing one account's
 * password) and per client address (50 in 15 minutes: trying many accounts; an office behind one address still has
 * room for its people's typing errors). One per running app.
 */
export class LoginThrottles {
  constructor(
    readonly byLogin = new LoginThrottle(5),
    readonly byAddress = new LoginThrottle(50),
  ) {}

  /** Milliseconds until this login from this address may be tried again, or 0 when it may now. */
  retryAfterMs(login: string, address: string, now = Date.now()): number {
    return Math.max(this.byLogin.retryAfterMs(login, now), this.byAddress.retryAfterMs(address, now));
  }

  fail(login: string, address: string, now = Date.now()): void {
    this.byLogin.fail(login, now);
    this.byAddress.fail(address, now);
  }

  /** A successful login clears its login's count; the address keeps its count (one good account must not reset it). */
  succeed(login: string): void {
    this.byLogin.clear(login);
  }
}
