import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CostBudget } from '../../src/security/budget.js';
import { OPERATION_LIMITS } from '../../src/security/limits.js';
import { accountToken } from '../helpers/auth.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/**
 * Acceptance 2 of issue 12: for every rule, the operation at the limit passes the limits and the one at limit + 1 is
 * refused with QUERY_TOO_COMPLEX naming the rule, the limit and the value. And the per-caller budget (docs/security.md).
 */

const L = OPERATION_LIMITS;

/** Operations built at `n` for each rule; everything else stays far inside the other limits. */
const BUILDERS: Record<'depth' | 'aliases' | 'directives' | 'fieldRepeats' | 'tokens' | 'cost', (n: number) => string> =
  {
    // employee (1) + supervisor x (n - 2) + name (n): depth n
    depth: (n) =>
      `{ employee(nip: "199001012015011001") { ${'supervisor { '.repeat(n - 2)}name${' }'.repeat(n - 2)} } }`,
    aliases: (n) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ')} }`,
    // n aliased fields (fewer than the alias limit) with one directive each
    directives: (n) => `{ ${Array.from({ length: n }, (_, i) => `d${i}: __typename @include(if: true)`).join(' ')} }`,
    fieldRepeats: (n) => `{ ${'__typename '.repeat(n)}}`,
    // 16 tokens around the list + one per string: n tokens in all
    tokens: (n) => `{ employees(filter: { agencyCodes: [${' "DISDIK"'.repeat(n - 16)} ] }) { totalCount } }`,
    // a: 1 + 77 x (edge 1 + node 1 + 40 evaluations (no year) + 600 scores) = 49,435; b: the rest, 1 + 2 per edge
    // (+ 1 for pageInfo when the rest is even): 565 at the limit, 566 at limit + 1
    cost: (n) => {
      const rest = n - 49_435;
      const b =
        rest % 2 === 1
          ? `b: employees(first: ${(rest - 1) / 2}) { edges { node { nip } } }`
          : `b: employees(first: ${(rest - 2) / 2}) { pageInfo { hasNextPage } edges { node { nip } } }`;
      return `{ a: employees(first: 77) { edges { node { evaluations { scores { score } } } } } ${b} }`;
    },
  };

describe('operation limits: the limit passes, limit + 1 is refused, for every rule', () => {
  let db: TestDatabase;
  let server: TestServer;
  let admin: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startTestServer(db.orm, { NODE_ENV: 'production' });
    admin = (await accountToken(db.orm.em.fork(), { login: 'admin', role: 'ADMIN' })).headers;
  });

  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  for (const rule of Object.keys(BUILDERS) as (keyof typeof BUILDERS)[]) {
    it(`${rule}: ${L[rule]} passes, ${L[rule] + 1} is refused with QUERY_TOO_COMPLEX`, async () => {
      const atLimit = await server.graphql(BUILDERS[rule](L[rule]), undefined, admin);
      expect(atLimit.errors?.filter((e) => e.extensions?.code === 'QUERY_TOO_COMPLEX') ?? []).toEqual([]);
      if (rule === 'cost')
        expect((atLimit as { extensions?: { cost?: { requested: number } } }).extensions?.cost?.requested).toBe(L.cost);

      const over = await server.graphql(BUILDERS[rule](L[rule] + 1), undefined, admin);
      expect(over.data ?? null).toBeNull();
      expect(over.errors?.[0]?.extensions).toEqual({
        code: 'QUERY_TOO_COMPLEX',
        rule,
        limit: L[rule],
        value: L[rule] + 1,
      });
      expect(over.errors?.[0]?.message).toContain(`${L[rule]}`);
    });
  }

  it('counts aliases of __typename like any other alias', async () => {
    const result = await server.graphql(
      `{ ${Array.from({ length: 95 }, (_, i) => `t${i}: __typename`).join(' ')} }`,
      undefined,
      admin,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', rule: 'aliases', value: 95 });
  });

  it('counts fields repeated through fragments', async () => {
    const result = await server.graphql(
      `{ ...A ...B } fragment A on Query { __typename __typename __typename } fragment B on Query { __typename __typename __typename }`,
      undefined,
      admin,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', rule: 'fieldRepeats', value: 6 });
  });

  it('puts extensions.cost on every answer: a success, a refusal and a validation error', async () => {
    type WithCost = { extensions?: { cost?: Record<string, number> } };
    const ok = (await server.graphql(
      '{ employees(first: 3) { edges { node { nip } } } }',
      undefined,
      admin,
    )) as WithCost;
    expect(ok.extensions?.cost).toMatchObject({ requested: 7, budgetPerMinute: 500_000 });
    const refused = (await server.graphql(BUILDERS.aliases(L.aliases + 1), undefined, admin)) as WithCost;
    expect(refused.extensions?.cost).toMatchObject({ requested: 0, budgetPerMinute: 500_000 });
    const invalid = (await server.graphql('{ nope }', undefined, admin)) as WithCost;
    expect(invalid.extensions?.cost?.budgetRemaining).toBeGreaterThan(0);
  });
});

describe('the cost budget per caller and minute', () => {
  let db: TestDatabase;
  let server: TestServer;
  const statements: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase({ onQuery: (sql) => statements.push(sql) });
    // A long flush interval: the test flushes itself.
    server = await startTestServer(db.orm, {
      NODE_ENV: 'production',
      COST_BUDGET_ACCOUNTS: 'tiny=50000,bench=90000000',
      COST_BUDGET_FLUSH_SECONDS: '60',
    });
  });

  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  async function awayFromMinuteEnd() {
    const second = new Date().getUTCSeconds();
    if (second >= 50) await new Promise((resolve) => setTimeout(resolve, (61 - second) * 1000));
  }

  it('refuses with TOO_MANY_REQUESTS, HTTP 429 and the seconds to wait once the minute is spent', async () => {
    const tiny = (await accountToken(db.orm.em.fork(), { login: 'tiny', role: 'ANALYST' })).headers;
    await awayFromMinuteEnd();
    const first = await server.graphql(BUILDERS.cost(49_999), undefined, tiny);
    expect((first as { extensions?: { cost?: unknown } }).extensions?.cost).toEqual({
      requested: 49_999,
      budgetRemaining: 1,
      budgetPerMinute: 50_000,
    });
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...tiny },
      body: JSON.stringify({ query: '{ employees(first: 1) { pageInfo { hasNextPage } } }' }),
    });
    expect(response.status).toBe(429);
    const body = (await response.json()) as {
      errors: { extensions: Record<string, unknown> }[];
      extensions: { cost: unknown };
    };
    expect(body.errors[0]!.extensions.code).toBe('TOO_MANY_REQUESTS');
    const wait = body.errors[0]!.extensions.retryAfterSeconds as number;
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    expect(response.headers.get('retry-after')).toBe(String(wait));
    expect(body.extensions.cost).toEqual({ requested: 2, budgetRemaining: 1, budgetPerMinute: 50_000 });
    // A cost that still fits runs: `__typename` costs nothing.
    expect((await server.graphql('{ __typename }', undefined, tiny)).errors).toBeUndefined();
  });

  it('gives a configured account (a benchmark) its own large budget over its role', async () => {
    const bench = (await accountToken(db.orm.em.fork(), { login: 'bench', role: 'ANALYST' })).headers;
    const result = (await server.graphql('{ __typename }', undefined, bench)) as { extensions?: { cost?: unknown } };
    expect(result.extensions?.cost).toMatchObject({ budgetPerMinute: 90_000_000 });
  });

  it('writes nothing to the database per request: the counts go in one statement per flush', async () => {
    const reader = (await accountToken(db.orm.em.fork(), { login: 'reader', role: 'ADMIN' })).headers;
    statements.length = 0;
    for (let i = 0; i < 5; i++) await server.graphql('{ employees(first: 2) { totalCount } }', undefined, reader);
    expect(statements.filter((sql) => sql.includes('request_budget'))).toEqual([]);
    await server.app.budget.flush();
    expect(statements.filter((sql) => sql.includes('insert into request_budget'))).toHaveLength(1);
    const rows = await db.orm.em
      .fork()
      .getConnection()
      .execute(`select caller, spent::int as spent from request_budget`);
    expect(rows).toContainEqual({ caller: expect.stringMatching(/^account:\d+$/), spent: 5 });
  });

  it('holds across replicas: what one server spent counts on the other after a flush', async () => {
    const execute = async (sql: string, params: unknown[]) =>
      (await db.orm.em.fork().getConnection().execute(sql, params)) as Record<string, unknown>[];
    // Ten seconds into the current minute (old minutes are cleaned up from the table).
    const minute = Math.floor(Date.now() / 60_000) * 60_000;
    const now = () => minute + 10_000;
    const a = new CostBudget(execute, { flushSeconds: 60, now });
    const b = new CostBudget(execute, { flushSeconds: 60, now });
    expect(a.spend('account:77', 40_000, 50_000).allowed).toBe(true);
    expect(b.spend('account:77', 9_000, 50_000)).toEqual({ allowed: true, remaining: 41_000, retryAfterSeconds: 0 });
    await a.flush();
    await b.flush();
    // b now knows 49,000 spent in all: 2,000 more does not fit; it may retry when the minute ends (50 s later).
    expect(b.spend('account:77', 2_000, 50_000)).toEqual({ allowed: false, remaining: 1_000, retryAfterSeconds: 50 });
    await a.flush();
    expect(a.spend('account:77', 1_000, 50_000).allowed).toBe(true);
    expect(a.spend('account:77', 1, 50_000).allowed).toBe(false);
  });
});
