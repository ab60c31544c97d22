import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../src/modules/access/roles.js';
import { buildAccessFixture, type Fixture } from './auth/access-fixture.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { startTestServer, UNLIMITED_COST, type TestServer } from './helpers/server.js';

/**
 * `Training.participantCounts` (counted in PostgreSQL) equals what `Training.participants` lists, for every role's
 * scope: the counts by status and the JP of the completed participations, over the same visible employees.
 */

const QUERY = `{ trainings(first: 10) { edges { node { code
  participants { status hoursJp }
  participantCounts { enrolled completed dropped jpCompleted } } } } }`;

interface Node {
  code: string;
  participants: { status: string; hoursJp: number }[];
  participantCounts: { enrolled: number; completed: number; dropped: number; jpCompleted: number };
}

function countsOfList(participants: Node['participants']): Node['participantCounts'] {
  const of = (status: string) => participants.filter((p) => p.status === status);
  return {
    enrolled: of('ENROLLED').length,
    completed: of('COMPLETED').length,
    dropped: of('DROPPED').length,
    jpCompleted: of('COMPLETED').reduce((sum, p) => sum + p.hoursJp, 0),
  };
}

describe('Training.participantCounts', () => {
  let db: TestDatabase;
  let server: TestServer;
  let fixture: Fixture;

  beforeAll(async () => {
    db = await createTestDatabase();
    fixture = await buildAccessFixture(db.orm);
    // A second training with every status and unequal JP: ENROLLED and DROPPED in the ADMIN cell, COMPLETED with
    // 3 and 5 JP in the AGENCY_HEAD cell (one in the head's agency, one outside it), and none for TR0.
    const em = db.orm.em.fork();
    const run = (sql: string, params: unknown[] = []) => em.getConnection().execute(sql, params);
    await run(`insert into training (code, title, kind, hours_jp) values ('TR0', 'Tanpa peserta', 'SEMINAR', 2)`);
    const [tr2] = (await run(
      `insert into training (code, title, kind, hours_jp) values ('TR2', 'Pelatihan data', 'DIKLAT', 5) returning id`,
    )) as { id: number }[];
    const add = (
      relation: Parameters<Fixture['person']>[1],
      role: (typeof ROLES)[number],
      status: string,
      jp: number,
    ) =>
      run(
        `insert into participation (training_id, employee_id, status, completed_on, hours_jp) values (?, ?, ?, ?, ?)`,
        [tr2!.id, fixture.person(role, relation).id, status, status === 'COMPLETED' ? '2025-04-01' : null, jp],
      );
    await add('direct', 'ADMIN', 'ENROLLED', 5);
    await add('indirect', 'ADMIN', 'DROPPED', 5);
    await add('sameAgency', 'AGENCY_HEAD', 'COMPLETED', 3);
    await add('otherAgency', 'AGENCY_HEAD', 'COMPLETED', 5);
    server = await startTestServer(db.orm, UNLIMITED_COST);
  });

  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  it('counts every participation by status for the administrator, zeros for a training without any', async () => {
    const answer = await server.graphql<{ trainings: { edges: { node: Node }[] } }>(QUERY, {}, fixture.headers.ADMIN);
    expect(answer.errors).toBeUndefined();
    const byCode = new Map(answer.data!.trainings.edges.map((e) => [e.node.code, e.node.participantCounts]));
    const people = fixture.people.length;
    expect(people).toBe(ROLES.length * 10);
    expect(byCode.get('TR1')).toEqual({ enrolled: 0, completed: people, dropped: 0, jpCompleted: 8 * people });
    expect(byCode.get('TR2')).toEqual({ enrolled: 1, completed: 2, dropped: 1, jpCompleted: 8 });
    expect(byCode.get('TR0')).toEqual({ enrolled: 0, completed: 0, dropped: 0, jpCompleted: 0 });
  });

  it.each(ROLES.map((role) => [role]))(
    'as %s: the counts are those of the participations `participants` lists',
    async (role) => {
      const answer = await server.graphql<{ trainings: { edges: { node: Node }[] } }>(QUERY, {}, fixture.headers[role]);
      expect(answer.errors).toBeUndefined();
      const nodes = answer.data!.trainings.edges.map((e) => e.node);
      expect(nodes.map((n) => n.code)).toEqual(['TR0', 'TR1', 'TR2']);
      for (const node of nodes) expect(node.participantCounts, node.code).toEqual(countsOfList(node.participants));
    },
  );

  it("limits an agency head's counts to the agency's scope", async () => {
    const answer = await server.graphql<{ trainings: { edges: { node: Node }[] } }>(
      QUERY,
      {},
      fixture.headers.AGENCY_HEAD,
    );
    const tr2 = answer.data!.trainings.edges.find((e) => e.node.code === 'TR2')!.node.participantCounts;
    // sameAgency (3 JP) is in the head's agency; otherAgency (5 JP) is not; the ADMIN cell is elsewhere.
    expect(tr2).toEqual({ enrolled: 0, completed: 1, dropped: 0, jpCompleted: 3 });
  });
});
