import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountToken } from '../helpers/auth.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { startTestServer, UNLIMITED_COST, type TestServer } from '../helpers/server.js';
import { buildAccessFixture, type Fixture } from './access-fixture.js';

/**
 * Acceptance 1, last part: an analyst never sees a name or NIP. A broad nested query over every path that reaches a
 * person (and the free text about them) is walked: every `nip` and `name` is null, and no NIP or name of anyone in
 * the data appears anywhere in the answer, for an analyst account, a policy account and the anonymous demo caller.
 */
const BROAD = `{
  me { login role employee { nip name } }
  employees(first: 500) { totalCount edges { node { ...P
    supervisor { ...P supervisor { ...P } } subordinates { ...P subordinates { ...P } }
    evaluations { id assessor { ...P } employee { ...P } scores { evidence score }
      objections { reason decisionNote filedBy { ...P } decidedBy { ...P } } }
    innovations { title employee { ...P } verifiedBy { ...P } }
    participations { employee { ...P } training { code } }
  } } }
  evaluations(first: 500) { totalCount edges { node { id employee { ...P } assessor { ...P }
    scores { evidence } objections { reason decisionNote filedBy { ...P } decidedBy { ...P } } } } }
  agencies { code employees(first: 500) { edges { node { ...P supervisor { ...P } } } } }
  trainings { edges { node { code participants { employee { ...P } } } } }
}
fragment P on Employee { pseudonym nip name position agency { code } annualResult(year: 2025) { score } trainingHours(year: 2025) }`;

/** Every value of a key named `nip` or `name` inside Employee objects of the answer (agencies have names too). */
function identities(value: unknown, out: unknown[] = []): unknown[] {
  if (Array.isArray(value)) value.forEach((v) => identities(v, out));
  else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    if ('pseudonym' in record) out.push(record.nip, record.name);
    Object.values(record).forEach((v) => identities(v, out));
  }
  return out;
}

describe('an analyst never sees a name or NIP', () => {
  let db: TestDatabase;
  let server: TestServer;
  let demo: TestServer;
  let fixture: Fixture;
  let analyst: Record<string, string>;
  let policy: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    fixture = await buildAccessFixture(db.orm);
    const em = db.orm.em.fork();
    // Analysts and policy staff as they usually are: accounts that are not an employee with reports.
    analyst = (await accountToken(em, { login: 'analis', role: 'ANALYST' })).headers;
    policy = (await accountToken(em, { login: 'kebijakan', role: 'POLICY' })).headers;
    server = await startTestServer(db.orm, UNLIMITED_COST);
    demo = await startTestServer(db.orm, { KINERJA_DEMO_DATA: 'true', ...UNLIMITED_COST });
  });

  afterAll(async () => {
    await server?.stop();
    await demo?.stop();
    await db?.close();
  });

  for (const who of ['analyst', 'policy', 'anonymous demo caller'] as const) {
    it(`as ${who}: every row is there by pseudonym, no nip or name is anywhere in the answer`, async () => {
      const response = await fetch(`${(who === 'anonymous demo caller' ? demo : server).url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(who === 'analyst' ? analyst : who === 'policy' ? policy : {}),
        },
        body: JSON.stringify({ query: BROAD }),
      });
      const text = await response.text();
      const body = JSON.parse(text) as {
        data: { employees: { totalCount: number }; evaluations: { totalCount: number } };
        errors?: unknown;
      };
      expect(body.errors).toBeUndefined();
      // Everything is there (the query reaches every person and evaluation) ...
      expect(body.data.employees.totalCount).toBe(fixture.people.length);
      expect(body.data.evaluations.totalCount).toBe(fixture.people.length * 2);
      const found = identities(body.data);
      expect(found.length).toBeGreaterThan(fixture.people.length * 10);
      // ... and no nip or name is non-null, and no NIP or name of anyone appears anywhere in the text.
      expect(found.filter((v) => v !== null)).toEqual([]);
      const leaked = fixture.people.flatMap((p) => [p.nip, p.name]).filter((s) => text.includes(s));
      expect(leaked).toEqual([]);
      // Pseudonyms and performance data are there.
      for (const person of fixture.people) expect(text).toContain(person.pseudonym);
      expect(text).toContain('"trainingHours":8');
    });
  }
});
