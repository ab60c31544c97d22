import type { FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { employeeIdsByYear, employeeYearKey, groupBy, type EmployeeYear } from '../../graphql/batching.js';
import { pageConnection, type Connection } from '../../graphql/connection.js';
import { checkPageSize, decodeCursor } from '../../graphql/pagination.js';
import { employeeScopeCondition, type Scope } from '../access/read-scopes.js';
import { agencyIdsByCodes } from '../agency/agency.service.js';
import { Participation } from './participation.entity.js';
import { Training } from './training.entity.js';
import type { TrainingOrder } from './training.types.js';

/** Each order ends with the id, so that offsets are stable between pages (docs/graphql.md#orders-and-filters-of-the-lists). */
const TRAINING_ORDER_SQL: Record<TrainingOrder, QueryOrderMap<Training>> = {
  START_DESC: { startDate: 'desc nulls last', id: 'asc' },
  START_ASC: { startDate: 'asc nulls last', id: 'asc' },
  TITLE_ASC: { title: 'asc', id: 'asc' },
};

/**
 * The `trainings` connection, by code unless an order is given (ties by id). With an agency: the trainings of that
 * agency, i.e. those with a COMPLETED participation of an employee whose current record is in it (docs/analytics.md).
 */
export async function findTrainings(
  em: EntityManager,
  args: { first?: number | null; after?: string | null; agencyCode?: string | null; orderBy?: TrainingOrder | null },
): Promise<Connection<Training>> {
  const limit = checkPageSize(args.first);
  const offset = decodeCursor(args.after);
  let where: FilterQuery<Training> = {};
  if (args.agencyCode !== null && args.agencyCode !== undefined) {
    const [agencyId] = await agencyIdsByCodes(em, [args.agencyCode], 'agencyCode');
    const completedInAgency = em
      .createQueryBuilder(Participation, 'p')
      .select('p.training_id')
      .where({ status: 'COMPLETED', employee: { agency: agencyId } });
    where = { id: { $in: completedInAgency.getKnexQuery() } } as unknown as FilterQuery<Training>;
  }
  // One row more than the page tells whether another follows; the count runs only if `totalCount` is asked.
  const rows = await em.find(Training, where, {
    orderBy: args.orderBy ? TRAINING_ORDER_SQL[args.orderBy] : { code: 'asc' },
    limit: limit + 1,
    offset,
  });
  return pageConnection(rows, offset, limit, () => em.count(Training, where));
}

/** A training's participations counted by status, and the JP of the completed ones (`Training.participantCounts`). */
export interface ParticipantCounts {
  enrolled: number;
  completed: number;
  dropped: number;
  jpCompleted: number;
}

/**
 * The participant counts of each training, counted in PostgreSQL in one query over the participations of the
 * employees the caller may see (the rows `Training.participants` lists; docs/security.md "Read scopes").
 */
export async function participantCountsOf(
  em: EntityManager,
  scope: Scope,
  ids: readonly number[],
): Promise<ParticipantCounts[]> {
  const visible = employeeScopeCondition(scope, 'e');
  const rows = await em.getConnection().execute<(ParticipantCounts & { trainingId: number })[]>(
    `select p.training_id as "trainingId",
            (count(*) filter (where p.status = 'ENROLLED'))::int as enrolled,
            (count(*) filter (where p.status = 'COMPLETED'))::int as completed,
            (count(*) filter (where p.status = 'DROPPED'))::int as dropped,
            coalesce(sum(p.hours_jp) filter (where p.status = 'COMPLETED'), 0)::float8 as "jpCompleted"
       from participation p join employee e on e.id = p.employee_id
      where p.training_id in (${ids.map(() => '?').join(', ')})${visible ? ` and ${visible.sql}` : ''}
      group by p.training_id`,
    [...ids, ...(visible?.params ?? [])],
  );
  const byTraining = new Map(rows.map((row) => [row.trainingId, row]));
  return ids.map((id) => {
    const row = byTraining.get(id);
    return row
      ? { enrolled: row.enrolled, completed: row.completed, dropped: row.dropped, jpCompleted: row.jpCompleted }
      : { enrolled: 0, completed: 0, dropped: 0, jpCompleted: 0 };
  });
}

/** Participations of each training, in one query. */
export async function participationsOfTrainings(em: EntityManager, ids: readonly number[]): Promise<Participation[][]> {
  const rows = await em.find(Participation, { training: { $in: [...ids] } }, { orderBy: { id: 'asc' } });
  const byTraining = groupBy(rows, (row) => row.training.id);
  return ids.map((id) => byTraining.get(id) ?? []);
}

/** Calendar-year bounds of a completion date, as ISO dates (the upper one exclusive). */
function yearRange(year: number): { $gte: string; $lt: string } {
  return { $gte: `${year}-01-01`, $lt: `${year + 1}-01-01` };
}

/**
 * Participations of each employee: with a year, those completed in that calendar year; without one, all of them
 * (also enrolled and dropped ones). Newest completion first; one query per distinct year.
 */
export async function participationsOfEmployees(
  em: EntityManager,
  keys: readonly EmployeeYear[],
): Promise<Participation[][]> {
  const found = new Map<string, Participation[]>();
  await Promise.all(
    [...employeeIdsByYear(keys)].map(async ([year, employeeIds]) => {
      const where: FilterQuery<Participation> = { employee: { $in: employeeIds } };
      if (year !== null) where.completedOn = yearRange(year);
      const rows = await em.find(Participation, where, {
        orderBy: { completedOn: 'desc nulls last', id: 'asc' },
      });
      for (const [employeeId, list] of groupBy(rows, (row) => row.employee.id)) {
        found.set(employeeYearKey({ employeeId, year }), list);
      }
    }),
  );
  return keys.map((key) => found.get(employeeYearKey(key)) ?? []);
}

/**
 * JP (jam pelajaran) per employee and calendar year: the sum of `hoursJp` of COMPLETED participations completed that
 * year (0 when none; docs/scoring.md#training-hours: only those count anywhere). One query per batch, over the range of years asked.
 */
export async function trainingHoursOf(
  em: EntityManager,
  keys: readonly { employeeId: number; year: number }[],
): Promise<number[]> {
  if (keys.length === 0) return [];
  const employeeIds = [...new Set(keys.map((k) => k.employeeId))];
  const years = keys.map((k) => k.year);
  const rows: { employee_id: number; year: number; jp: number }[] = await em
    .getConnection()
    .execute(
      'select employee_id, extract(year from completed_on)::int as year, sum(hours_jp)::float8 as jp ' +
        "from participation where status = 'COMPLETED' and completed_on is not null and employee_id in (?) " +
        'and completed_on >= ? and completed_on < ? group by 1, 2',
      [employeeIds, `${Math.min(...years)}-01-01`, `${Math.max(...years) + 1}-01-01`],
    );
  const hours = new Map(rows.map((row) => [employeeYearKey({ employeeId: row.employee_id, year: row.year }), row.jp]));
  return keys.map((key) => hours.get(employeeYearKey(key)) ?? 0);
}
