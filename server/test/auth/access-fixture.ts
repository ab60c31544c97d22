import type { EntityManager } from '@mikro-orm/postgresql';
import type { MikroORM } from '@mikro-orm/postgresql';
import { ROLES, type Role } from '../../src/modules/access/roles.js';
import { accountToken } from '../helpers/auth.js';
import { scenarioNip } from '../helpers/scenario.js';

/**
 * The organisation of the access tests: one "cell" of people per role, each around the viewer of that role, so that
 * every relation means the same for every role. A cell has two agencies, P (the viewer's) and Q, and:
 *
 *   supervisor (P) ─┬─ own (P, the viewer) ─┬─ direct (P) ─┬─ indirect (P)
 *                   │                       │              └─ objector (P, an objection against direct's assessment)
 *                   │                       └─ directOtherAgency (Q) ── indirectOtherAgency (Q)
 *                   └─ sameAgency (P)
 *   otherAgency (Q, no supervisor) ── formerReport (Q; its Q1 was assessed by the viewer, in agency P)
 *
 * Every one of them has a SUBMITTED evaluation in 2025 Q1 and Q2 (assessor: the supervisor, agency: their own),
 * a completed training TR1 (8 JP), and a score with an evidence note naming them. The objector's Q2 evaluation is
 * OBJECTED (pending); direct's Q2 had an objection decided by the supervisor; direct's innovation was verified by
 * the viewer, the viewer's by the supervisor. Names and notes carry the person's name, so that a leak shows.
 */
export const RELATIONS = [
  'own',
  'direct',
  'directOtherAgency',
  'indirect',
  'indirectOtherAgency',
  'objector',
  'supervisor',
  'sameAgency',
  'otherAgency',
  'formerReport',
] as const;
export type Relation = (typeof RELATIONS)[number];

/** Who reports to whom, and in which of the cell's two agencies, in insertion order (supervisors first). */
const CELL: readonly { relation: Relation; agency: 'P' | 'Q'; supervisor: Relation | null }[] = [
  { relation: 'supervisor', agency: 'P', supervisor: null },
  { relation: 'own', agency: 'P', supervisor: 'supervisor' },
  { relation: 'direct', agency: 'P', supervisor: 'own' },
  { relation: 'directOtherAgency', agency: 'Q', supervisor: 'own' },
  { relation: 'indirect', agency: 'P', supervisor: 'direct' },
  { relation: 'indirectOtherAgency', agency: 'Q', supervisor: 'directOtherAgency' },
  { relation: 'objector', agency: 'P', supervisor: 'direct' },
  { relation: 'sameAgency', agency: 'P', supervisor: 'supervisor' },
  { relation: 'otherAgency', agency: 'Q', supervisor: null },
  { relation: 'formerReport', agency: 'Q', supervisor: 'otherAgency' },
];

export interface FixturePerson {
  id: number;
  nip: string;
  name: string;
  pseudonym: string;
  role: Role;
  relation: Relation;
  agencyCode: string;
  /** Evaluation ids by quarter. */
  evaluations: Record<1 | 2, number>;
}

export interface Fixture {
  people: FixturePerson[];
  /** The person of a role's cell with a relation to that role's viewer. */
  person(role: Role, relation: Relation): FixturePerson;
  byPseudonym: Map<string, FixturePerson>;
  /** Headers of the viewer account of each role (linked to the cell's `own`). */
  headers: Record<Role, Record<string, string>>;
  agencyCodes(role: Role): [string, string];
}

export async function buildAccessFixture(orm: MikroORM): Promise<Fixture> {
  const em = orm.em.fork() as EntityManager;
  const run = <T = unknown>(sql: string, params: unknown[] = []) => em.execute(sql, params) as Promise<T>;
  const [criterion] = await run<{ id: number }[]>(
    `insert into criterion (code, name, category, weight, year_from) values ('PROFESIONALISME', 'Profesionalisme', 'HASIL_KERJA', 20, 2020) returning id`,
  );
  const periods = await run<{ id: number; quarter: 1 | 2 }[]>(
    `insert into period (year, quarter, status) values (2025, 1, 'OPEN'), (2025, 2, 'OPEN') returning id, quarter`,
  );
  const periodId = (quarter: 1 | 2) => periods.find((p) => p.quarter === quarter)!.id;
  const [training] = await run<{ id: number }[]>(
    `insert into training (code, title, kind, hours_jp) values ('TR1', 'Pelatihan kepemimpinan', 'WORKSHOP', 8) returning id`,
  );

  const people: FixturePerson[] = [];
  let index = 0;
  for (const role of ROLES) {
    const agencies = { P: `P_${role}`, Q: `Q_${role}` };
    const agencyIds: Record<string, number> = {};
    for (const [key, code] of Object.entries(agencies)) {
      const [row] = await run<{ id: number }[]>(
        `insert into agency (code, name, kind) values (?, ?, 'DINAS') returning id`,
        [code, `Dinas ${key} untuk ${role}`],
      );
      agencyIds[key] = row!.id;
    }
    const ids = new Map<Relation, number>();
    for (const spec of CELL) {
      const nip = scenarioNip(index++);
      const name = `Nama-${role}-${spec.relation}`;
      const [row] = await run<{ id: number; pseudonym: string }[]>(
        `insert into employee (nip, name, employment_type, position, agency_id, supervisor_id)
         values (?, ?, 'PNS', 'Staf', ?, ?) returning id, pseudonym`,
        [nip, name, agencyIds[spec.agency], spec.supervisor ? ids.get(spec.supervisor) : null],
      );
      ids.set(spec.relation, row!.id);
      people.push({
        id: row!.id,
        nip,
        name,
        pseudonym: row!.pseudonym,
        role,
        relation: spec.relation,
        agencyCode: agencies[spec.agency],
        evaluations: { 1: 0, 2: 0 },
      });
    }
    for (const person of people.filter((p) => p.role === role)) {
      const spec = CELL.find((c) => c.relation === person.relation)!;
      for (const quarter of [1, 2] as const) {
        const former = person.relation === 'formerReport' && quarter === 1;
        const assessor = former ? ids.get('own')! : spec.supervisor ? ids.get(spec.supervisor)! : null;
        const agencyId = former ? agencyIds.P : agencyIds[spec.agency];
        const status = person.relation === 'objector' && quarter === 2 ? 'OBJECTED' : 'SUBMITTED';
        const [evaluation] = await run<{ id: number }[]>(
          `insert into evaluation (employee_id, period_id, agency_id, assessor_id, status, submitted_at)
           values (?, ?, ?, ?, ?, now()) returning id`,
          [person.id, periodId(quarter), agencyId, assessor, status],
        );
        person.evaluations[quarter] = evaluation!.id;
        await run(`insert into evaluation_score (evaluation_id, criterion_id, score, evidence) values (?, ?, 100, ?)`, [
          evaluation!.id,
          criterion!.id,
          `Catatan kerja ${person.name}`,
        ]);
      }
      await run(
        `insert into participation (training_id, employee_id, status, completed_on, hours_jp) values (?, ?, 'COMPLETED', '2025-03-01', 8)`,
        [training!.id, person.id],
      );
    }
    const of = (relation: Relation) => people.find((p) => p.role === role && p.relation === relation)!;
    await run(`insert into objection (evaluation_id, filed_by_id, reason) values (?, ?, ?)`, [
      of('objector').evaluations[2],
      of('objector').id,
      `Keberatan ${of('objector').name}`,
    ]);
    await run(
      `insert into objection (evaluation_id, filed_by_id, reason, status, decided_by_id, decision_note, decided_at)
       values (?, ?, ?, 'UPHELD', ?, ?, now())`,
      [
        of('direct').evaluations[2],
        of('direct').id,
        `Keberatan ${of('direct').name}`,
        of('supervisor').id,
        `Diputuskan oleh ${of('supervisor').name}`,
      ],
    );
    await run(`update evaluation set status = 'ACKNOWLEDGED' where id = ?`, [of('direct').evaluations[2]]);
    await run(
      `insert into innovation (employee_id, year, quarter, title, verified_by_id, verified_at)
       values (?, 2025, 1, 'Inovasi layanan', ?, now()), (?, 2025, 1, 'Inovasi layanan', ?, now())`,
      [of('direct').id, of('own').id, of('own').id, of('supervisor').id],
    );
  }

  const headers = {} as Record<Role, Record<string, string>>;
  for (const role of ROLES) {
    const own = people.find((p) => p.role === role && p.relation === 'own')!;
    headers[role] = (
      await accountToken(em, { login: `viewer-${role.toLowerCase()}`, role, employeeId: own.id })
    ).headers;
  }
  return {
    people,
    person: (role, relation) => people.find((p) => p.role === role && p.relation === relation)!,
    byPseudonym: new Map(people.map((p) => [p.pseudonym, p])),
    headers,
    agencyCodes: (role) => [`P_${role}`, `Q_${role}`],
  };
}
