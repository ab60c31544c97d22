/**
 * The per-caller cost budget per minute (docs/security.md "Cost budget"). Each server counts what its callers spend in
 * memory and adds it to `request_budget` in one statement every `flushSeconds`; the answer gives back the total of
 * every server for each caller's minute, so that the budget holds across replicas (with a lag of at most one flush)
 * and a read never waits on a database write.
 */

/** Runs one SQL statement with `?` parameters and returns its rows (the ORM's connection in the app). */
export type Execute = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

export interface BudgetDecision {
  allowed: boolean;
  /** Cost units left for this caller in the current minute, after this request when it was allowed. */
  remaining: number;
  /** Seconds until the current minute ends (when the budget is full again). */
  retryAfterSeconds: number;
}

interface Entry {
  caller: string;
  window: number;
  /** The total of every server as of the last flush. */
  known: number;
  /** Spent here since the last flush. */
  pending: number;
}

const WINDOW_MS = 60_000;

export class CostBudget {
  private readonly entries = new Map<string, Entry>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  private lastCleanup = 0;

  constructor(
    private readonly execute: Execute,
    private readonly options: { flushSeconds: number; now?: () => number; onError?: (error: unknown) => void },
  ) {}

  private now(): number {
    return this.options.now ? this.options.now() : Date.now();
  }

  private entry(caller: string): Entry {
    const window = Math.floor(this.now() / WINDOW_MS);
    const key = `${caller}|${window}`;
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { caller, window, known: 0, pending: 0 };
      this.entries.set(key, entry);
    }
    return entry;
  }

  private retryAfter(window: number): number {
    return Math.max(1, Math.ceil(((window + 1) * WINDOW_MS - this.now()) / 1000));
  }

  /** Spends `cost` of `caller`'s budget when it fits; otherwise spends nothing and says how long to wait. */
  spend(caller: string, cost: number, budgetPerMinute: number): BudgetDecision {
    const entry = this.entry(caller);
    const used = entry.known + entry.pending;
    if (used + cost > budgetPerMinute) {
      return {
        allowed: false,
        remaining: Math.max(0, budgetPerMinute - used),
        retryAfterSeconds: this.retryAfter(entry.window),
      };
    }
    entry.pending += cost;
    return { allowed: true, remaining: budgetPerMinute - used - cost, retryAfterSeconds: 0 };
  }

  /** What is left without spending (answers that ran nothing still report it). */
  remaining(caller: string, budgetPerMinute: number): number {
    const entry = this.entry(caller);
    return Math.max(0, budgetPerMinute - entry.known - entry.pending);
  }

  /**
   * Adds the counts of the current and past minutes to the table in one statement and learns every server's totals
   * for the callers active here; past minutes are then forgotten.
   */
  flush(): Promise<void> {
    this.flushing ??= this.flushNow().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async flushNow(): Promise<void> {
    const current = Math.floor(this.now() / WINDOW_MS);
    const batch = [...this.entries.values()].filter((entry) => entry.pending > 0 || entry.window === current);
    if (batch.length > 0) {
      const sent = batch.map((entry) => ({ entry, pending: entry.pending }));
      for (const { entry } of sent) entry.pending = 0;
      const rows = sent.map(({ entry, pending }) => ({
        caller: entry.caller,
        window_start: new Date(entry.window * WINDOW_MS).toISOString(),
        spent: pending,
      }));
      try {
        const result = await this.execute(
          `insert into request_budget (caller, window_start, spent)
           select caller, window_start, spent from json_to_recordset(?::json)
             as x(caller varchar(200), window_start timestamptz, spent bigint)
           on conflict (caller, window_start)
             do update set spent = request_budget.spent + excluded.spent, updated_at = now()
           returning caller, extract(epoch from window_start)::float8 as window_seconds, spent::float8 as spent`,
          [JSON.stringify(rows)],
        );
        for (const row of result) {
          const window = Math.round((Number(row.window_seconds) * 1000) / WINDOW_MS);
          const entry = this.entries.get(`${String(row.caller)}|${window}`);
          if (entry) entry.known = Number(row.spent);
        }
      } catch (error) {
        // The counts stay here and go with the next flush.
        for (const { entry, pending } of sent) entry.pending += pending;
        this.options.onError?.(error);
      }
    }
    for (const [key, entry] of this.entries) {
      if (entry.window < current && entry.pending === 0) this.entries.delete(key);
    }
    if (this.now() - this.lastCleanup > 10 * WINDOW_MS) {
      this.lastCleanup = this.now();
      try {
        await this.execute(`delete from request_budget where window_start < now() - interval '10 minutes'`, []);
      } catch (error) {
        this.options.onError?.(error);
      }
    }
  }

  /** Flushes every `flushSeconds` until `stop`. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.flush(), this.options.flushSeconds * 1000);
    this.timer.unref();
  }

  /** Stops the timer and writes what is still counted. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }
}
