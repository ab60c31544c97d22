import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/modules/access/roles.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { startTestServer, type GraphQLResponse, type TestServer } from '../helpers/server.js';
import { buildAccessFixture, type Fixture } from './access-fixture.js';

/**
 * The same answer for a key nobody has and for a real key outside the caller's scope (docs/security.md
 * "Decisions"): for every mutation and query that takes a NIP, a pseudonym or an id, a made-up key and the key of a
 * real record the caller may not see give byte-identical answers (code, message, path), and the message names
 * neither the key, nor an agency, nor a person.
 */

/** Made-up keys: a well-formed NIP, a pseudonym and ids that nobody has. */
const NO_NIP = '199912312020121999';
const NO_PSEUDONYM = 'ASN-0000000000';
const NO_ID = 987654;

type KeyKind = 'nip' | 'pseudonym' | 'evaluation' | 'innovation';

interface Operation {
  name: string;
  kind: KeyKind;
  query: string;
  variables(key: string | number): Record<string, unknown>;
  /** Roles the gate lets through (others are refused before any key is read). */
  roles?: readonly Role[];
  /** Open to the anonymous demo caller (a query any viewer may run). */
  demo?: boolean;
}

const STEP = (mutation: string, extra = '') => `mutation ($id: Int!) {
  ${mutation}(input: { evaluationId: $id, version: 1${extra} }) { id }
}`;

const OPERATIONS: Operation[] = [
  {
    name: 'saveEvaluationDraft(employeeNip)',
    kind: 'nip',
    query: `mutation ($nip: String!) {
      saveEvaluationDraft(input: { employeeNip: $nip, period: { year: 2025, quarter: 1 }, scores: [] }) { id }
    }`,
    variables: (nip) => ({ nip }),
  },
  {
    name: 'recordInnovation(employeeNip)',
    kind: 'nip',
    query: `mutation ($nip: String!) {
      recordInnovation(input: { employeeNip: $nip, year: 2025, quarter: 1, title: "Aplikasi antrean" }) { id }
    }`,
    variables: (nip) => ({ nip }),
  },
  {
    name: 'recordParticipation(employeeNip)',
    kind: 'nip',
    query: `mutation ($nip: String!) {
      recordParticipation(input: { trainingCode: "TR1", employeeNip: $nip, completedOn: "2025-03-01" }) { status }
    }`,
    variables: (nip) => ({ nip }),
    roles: ['AGENCY_HEAD'],
  },
  {
    name: 'employee(nip)',
    kind: 'nip',
    query: 'query ($nip: String!) { employee(nip: $nip) { pseudonym } }',
    variables: (nip) => ({ nip }),
    demo: true,
  },
  {
    name: 'transparency(nip)',
    kind: 'nip',
    query: 'query ($nip: String!) { transparency(year: 2025, nip: $nip) { __typename } }',
    variables: (nip) => ({ nip }),
  },
  {
    name: 'evaluations(filter: { assessorNip })',
    kind: 'nip',
    query: `query ($nip: String!) {
      evaluations(filter: { assessorNip: $nip }) { totalCount edges { node { id } } }
    }`,
    variables: (nip) => ({ nip }),
    demo: true,
  },
  {
    name: 'employee(pseudonym)',
    kind: 'pseudonym',
    query: 'query ($p: String!) { employee(pseudonym: $p) { pseudonym } }',
    variables: (p) => ({ p }),
  },
  {
    name: 'transparency(pseudonym)',
    kind: 'pseudonym',
    query: 'query ($p: String!) { transparency(year: 2025, pseudonym: $p) { __typename } }',
    variables: (p) => ({ p }),
  },
  {
    name: 'evaluation(id)',
    kind: 'evaluation',
    query: 'query ($id: Int!) { evaluation(id: $id) { id } }',
    variables: (id) => ({ id }),
  },
  {
    name: 'saveEvaluationDraft(evaluationId)',
    kind: 'evaluation',
    query: 'mutation ($id: Int!) { saveEvaluationDraft(input: { evaluationId: $id, version: 1, scores: [] }) { id } }',
    variables: (id) => ({ id }),
  },
  { name: 'submitEvaluation', kind: 'evaluation', query: STEP('submitEvaluation'), variables: (id) => ({ id }) },
  {
    name: 'acknowledgeEvaluation',
    kind: 'evaluation',
    query: STEP('acknowledgeEvaluation'),
    variables: (id) => ({ id }),
  },
  {
    name: 'objectToEvaluation',
    kind: 'evaluation',
    query: STEP('objectToEvaluation', ', reason: "Nilai tidak sesuai"'),
    variables: (id) => ({ id }),
  },
  {
    name: 'decideObjection',
    kind: 'evaluation',
    query: STEP('decideObjection', ', decision: REJECTED, note: "Ditolak"'),
    variables: (id) => ({ id }),
  },
  {
    name: 'finalizeEvaluation',
    kind: 'evaluation',
    query: STEP('finalizeEvaluation'),
    variables: (id) => ({ id }),
    roles: ['AGENCY_HEAD'],
  },
  {
    name: 'verifyInnovation',
    kind: 'innovation',
    query: 'mutation ($id: Int!) { verifyInnovation(input: { innovationId: $id }) { id } }',
    variables: (id) => ({ id }),
  },
];

/**
 * Callers who do not see every row: for them every key of another cell is out of scope. POLICY and ANALYST see every
 * row pseudonymised, so for them only a NIP is out of scope (an id or a pseudonym names a row they see).
 */
const STRANGERS: readonly Role[] = ['EMPLOYEE', 'SUPERVISOR', 'AGENCY_HEAD'];
const PSEUDONYMISED: readonly Role[] = ['POLICY', 'ANALYST'];

describe('the same answer for a key nobody has and a real key out of scope', () => {
  let db: TestDatabase;
  let fx: Fixture;
  let server: TestServer;
  let demo: TestServer;
  /** A real innovation (of the ADMIN cell, outside every other cell's scope). */
  let innovationId: number;

  beforeAll(async () => {
    db = await createTestDatabase();
    fx = await buildAccessFixture(db.orm);
    server = await startTestServer(db.orm);
    demo = await startTestServer(db.orm, { KINERJA_DEMO_DATA: 'true' });
    const em = db.orm.em.fork() as EntityManager;
    const [row] = await em.execute<{ id: number }[]>('select id from innovation where employee_id = ?', [
      fx.person('ADMIN', 'direct').id,
    ]);
    innovationId = row!.id;
  });

  afterAll(async () => {
    await server?.stop();
    await demo?.stop();
    await db?.close();
  });

  /** The key of a real record outside `role`'s scope: a person of the ADMIN cell, in agencies of their own. */
  function realKey(kind: KeyKind): string | number {
    const stranger = fx.person('ADMIN', 'otherAgency');
    if (kind === 'nip') return stranger.nip;
    if (kind === 'pseudonym') return stranger.pseudonym;
    if (kind === 'evaluation') return stranger.evaluations[1];
    return innovationId;
  }

  function madeUpKey(kind: KeyKind): string | number {
    return kind === 'nip' ? NO_NIP : kind === 'pseudonym' ? NO_PSEUDONYM : NO_ID;
  }

  function ask(caller: Role | 'DEMO', op: Operation, key: string | number): Promise<GraphQLResponse<unknown>> {
    if (caller === 'DEMO') return demo.graphql(op.query, op.variables(key));
    return server.graphql(op.query, op.variables(key), fx.headers[caller]);
  }

  it('every operation that takes a NIP, a pseudonym or an id: byte-identical answers, naming nothing', async () => {
    const stranger = fx.person('ADMIN', 'otherAgency');
    const forbiddenWords = [stranger.nip, stranger.name, stranger.agencyCode, stranger.pseudonym, String(NO_ID)];
    const failures: string[] = [];
    let pairs = 0;
    for (const op of OPERATIONS) {
      const callers: (Role | 'DEMO')[] = [
        ...STRANGERS,
        ...(op.kind === 'nip' ? PSEUDONYMISED : []),
        ...(op.kind === 'nip' && op.demo ? (['DEMO'] as const) : []),
      ].filter((caller) => !op.roles || op.roles.includes(caller as Role));
      for (const caller of callers) {
        // extensions.cost is left out: its budgetRemaining goes down with every request, whatever the key.
        const withoutCost = (body: GraphQLResponse<unknown>) => JSON.stringify({ ...body, extensions: undefined });
        const real = withoutCost(await ask(caller, op, realKey(op.kind)));
        const madeUp = withoutCost(await ask(caller, op, madeUpKey(op.kind)));
        pairs++;
        if (real !== madeUp) failures.push(`${op.name} as ${caller}:\n  real:    ${real}\n  made up: ${madeUp}`);
        for (const word of forbiddenWords) {
          if (real.includes(word)) failures.push(`${op.name} as ${caller} names ${word}: ${real}`);
        }
        const body = JSON.parse(real) as GraphQLResponse<unknown>;
        const code = body.errors?.[0]?.extensions?.code;
        // A list filter answers an empty page (pseudonymised callers may not filter by NIP); the others refuse.
        if (op.name.startsWith('evaluations') && code !== 'FORBIDDEN') {
          if (!real.includes('"totalCount":0')) failures.push(`${op.name} as ${caller}: not an empty page: ${real}`);
        } else if (code !== 'FORBIDDEN') {
          failures.push(`${op.name} as ${caller}: ${String(code)}, expected FORBIDDEN: ${real}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(pairs).toBeGreaterThanOrEqual(50);
  });

  it('callers who see every row in full get NOT_FOUND for a key nobody has; a NIP stays FORBIDDEN for pseudonymised ones', async () => {
    for (const op of OPERATIONS.filter((o) => !o.name.startsWith('evaluations'))) {
      const body = await ask('ADMIN', op, madeUpKey(op.kind));
      expect(body.errors?.[0]?.extensions?.code, op.name).toBe('NOT_FOUND');
    }
    // Pseudonymised callers see every row, but a NIP is not theirs to test: FORBIDDEN whether it exists or not.
    const save = OPERATIONS[0]!;
    const real = await ask('ANALYST', save, realKey('nip'));
    expect(real.errors?.[0]).toMatchObject({
      message: 'Tidak ada pegawai dengan NIP ini di antara data yang boleh Anda lihat',
      extensions: { code: 'FORBIDDEN' },
    });
  });

  it('a refusal on a record the caller sees names no agency: decideObjection, finalizeEvaluation', async () => {
    // The LEADER sees the objection of another cell but does not decide it (its assessor has a superior there).
    const objected = fx.person('ADMIN', 'objector');
    const decide = await ask(
      'LEADER',
      OPERATIONS.find((o) => o.name === 'decideObjection')!,
      objected.evaluations[2],
    );
    expect(decide.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(decide.errors?.[0]?.message).not.toContain(objected.agencyCode);
    expect(decide.errors?.[0]?.message).toContain('kepala perangkat daerah penilaian itu');
    // An agency head sees their direct report in another agency, whose evaluations that agency's head finalises.
    const report = fx.person('AGENCY_HEAD', 'directOtherAgency');
    const finalize = await ask(
      'AGENCY_HEAD',
      OPERATIONS.find((o) => o.name === 'finalizeEvaluation')!,
      report.evaluations[1],
    );
    expect(finalize.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(finalize.errors?.[0]?.message).not.toContain(report.agencyCode);
  });
});
