import type { EntityManager } from '@mikro-orm/postgresql';
import { checkYear, checkYearQuarter } from '@kinerja/shared';
import { employeeIdsByYear, employeeYearKey, groupBy, unwrapAll, type EmployeeYear } from '../../graphql/batching.js';
import type { Context } from '../../graphql/context.js';
import { badUserInput, throwProblems } from '../../graphql/errors.js';
import { aggregateCallerOf, mustSuppressAggregate } from '../access/aggregate-scopes.js';
import {
  DIALOGUE_KEY,
  FEEDBACK_NOTE_KEY,
  feedbackScopeCondition,
  feedbackTextVisible,
  notInScope,
  type Scope,
} from '../access/read-scopes.js';
import { findVisibleEmployee } from '../employee/employee.service.js';
import { FeedbackNote } from './feedback-note.entity.js';
import type { FeedbackFilter } from './dialogue.inputs.js';
import { DevelopmentAction, PerformanceDialogue } from './performance-dialogue.entity.js';
import type { FeedbackCountsType } from './dialogue.types.js';

/**
 * The reads of feedback notes and performance dialogues (docs/dialogue.md). Every path that returns one (the lists,
 * by id, the transparency page, an evaluation's notes, a notice, a training need) keeps only those whose text the
 * caller may read (`feedbackTextVisible`); the lists filter in SQL with the condition rendered from the same rule.
 */

/** A note or dialogue as the access rule reads it. */
type FeedbackRecord = FeedbackNote | PerformanceDialogue;

function authorOf(record: FeedbackRecord): number {
  return record instanceof FeedbackNote ? record.author.id : record.supervisor.id;
}

/** The records of `rows` whose text the caller may read, in order (their employees read through the loader). */
export async function visibleFeedback<T extends FeedbackRecord>(ctx: Context, rows: readonly T[]): Promise<T[]> {
  const scope = ctx.scope;
  if (!scope || rows.length === 0) return [];
  const employees = unwrapAll(await ctx.loaders.employeeById.loadMany(rows.map((r) => r.employee.id)));
  return rows.filter((row, i) => {
    const employee = employees[i];
    return (
      employee !== null &&
      employee !== undefined &&
      feedbackTextVisible(scope, {
        employee: { id: employee.id, agencyId: employee.agency.id },
        authorId: authorOf(row),
        agencyId: row.agency.id,
      })
    );
  });
}

/** The most rows a list answers. */
export const FEEDBACK_LIST_MAX = 200;

function checkFirst(first: number): void {
  if (!Number.isInteger(first) || first < 1 || first > FEEDBACK_LIST_MAX) {
    throw badUserInput('first', { code: 'FIRST_RANGE', params: { value: first, max: FEEDBACK_LIST_MAX } });
  }
}

/** The SQL conditions of a list's filter on alias `x` (employee, year, quarter). */
async function filterConditions(
  ctx: Context,
  filter: FeedbackFilter | null | undefined,
): Promise<{ sql: string[]; params: unknown[] }> {
  const sql: string[] = [];
  const params: unknown[] = [];
  if (filter?.employeeNip || filter?.employeePseudonym) {
    const employee = await findVisibleEmployee(ctx.em, ctx.access!, filter.employeeNip, filter.employeePseudonym);
    sql.push('x.employee_id = ?');
    params.push(employee.id);
  }
  if (filter?.quarter !== null && filter?.quarter !== undefined) {
    if (filter.year === null || filter.year === undefined) {
      throw badUserInput('filter.year', { code: 'QUARTER_NEEDS_YEAR', params: {} });
    }
    throwProblems(checkYearQuarter({ year: filter.year, quarter: filter.quarter }), 'filter');
    sql.push('x.year = ? and x.quarter = ?');
    params.push(filter.year, filter.quarter);
  } else if (filter?.year !== null && filter?.year !== undefined) {
    throwProblems(checkYear(filter.year, 'year'), 'filter');
    sql.push('x.year = ?');
    params.push(filter.year);
  }
  return { sql, params };
}

/** Notes whose text the caller may read, newest first. */
export async function feedbackNotesOf(
  ctx: Context,
  scope: Scope,
  filter: FeedbackFilter | null | undefined,
  first: number,
): Promise<FeedbackNote[]> {
  checkFirst(first);
  const where = await filterConditions(ctx, filter);
  if (filter?.unansweredOnly) where.sql.push('x.acknowledged_at is null');
  const visible = feedbackScopeCondition(scope, 'x', 'author_id');
  const rows = await ctx.em.execute<{ id: number }[]>(
    `select x.id from feedback_note x where ${[visible.sql, ...where.sql].join(' and ')}
      order by x.created_at desc, x.id desc limit ?`,
    [...visible.params, ...where.params, first],
  );
  return byIds(
    ctx.em,
    FeedbackNote,
    rows.map((r) => r.id),
  );
}

/** Dialogues whose text the caller may read, latest quarter first. */
export async function dialoguesOf(
  ctx: Context,
  scope: Scope,
  filter: FeedbackFilter | null | undefined,
  first: number,
): Promise<PerformanceDialogue[]> {
  checkFirst(first);
  const where = await filterConditions(ctx, filter);
  const visible = feedbackScopeCondition(scope, 'x', 'supervisor_id');
  const rows = await ctx.em.execute<{ id: number }[]>(
    `select x.id from performance_dialogue x where ${[visible.sql, ...where.sql].join(' and ')}
      order by x.year desc, x.quarter desc, x.id desc limit ?`,
    [...visible.params, ...where.params, first],
  );
  return byIds(
    ctx.em,
    PerformanceDialogue,
    rows.map((r) => r.id),
  );
}

async function byIds<T extends { id: number }>(em: EntityManager, entity: new () => T, ids: number[]): Promise<T[]> {
  if (ids.length === 0) return [];
  const found = (await em.find(entity, { id: { $in: ids } } as never)) as T[];
  const byId = new Map(found.map((row) => [row.id, row]));
  return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}

/** One note by id; the same FORBIDDEN for a missing one and one the caller may not read (docs/access.md). */
export async function feedbackNoteById(ctx: Context, id: number): Promise<FeedbackNote> {
  const note = await ctx.em.findOne(FeedbackNote, { id });
  const [visible] = note ? await visibleFeedback(ctx, [note]) : [];
  if (!visible) throw notInScope(FEEDBACK_NOTE_KEY);
  return visible;
}

/** One dialogue by id; the same FORBIDDEN for a missing one and one the caller may not read. */
export async function dialogueById(ctx: Context, id: number): Promise<PerformanceDialogue> {
  const dialogue = await ctx.em.findOne(PerformanceDialogue, { id });
  const [visible] = dialogue ? await visibleFeedback(ctx, [dialogue]) : [];
  if (!visible) throw notInScope(DIALOGUE_KEY);
  return visible;
}

/** Notes of each employee (of one year, or every year), newest first; one query per year. */
export async function notesOfEmployees(em: EntityManager, keys: readonly EmployeeYear[]): Promise<FeedbackNote[][]> {
  const found = new Map<string, FeedbackNote[]>();
  await Promise.all(
    [...employeeIdsByYear(keys)].map(async ([year, employeeIds]) => {
      const where: Record<string, unknown> = { employee: { $in: employeeIds } };
      if (year !== null) where.year = year;
      const rows = await em.find(FeedbackNote, where, { orderBy: { createdAt: 'desc', id: 'desc' } });
      for (const [employeeId, list] of groupBy(rows, (row) => row.employee.id)) {
        found.set(employeeYearKey({ employeeId, year }), list);
      }
    }),
  );
  return keys.map((key) => found.get(employeeYearKey(key)) ?? []);
}

/** Dialogues of each employee (of one year, or every year), by quarter; one query per year. */
export async function dialoguesOfEmployees(
  em: EntityManager,
  keys: readonly EmployeeYear[],
): Promise<PerformanceDialogue[][]> {
  const found = new Map<string, PerformanceDialogue[]>();
  await Promise.all(
    [...employeeIdsByYear(keys)].map(async ([year, employeeIds]) => {
      const where: Record<string, unknown> = { employee: { $in: employeeIds } };
      if (year !== null) where.year = year;
      const rows = await em.find(PerformanceDialogue, where, { orderBy: { year: 'asc', quarter: 'asc' } });
      for (const [employeeId, list] of groupBy(rows, (row) => row.employee.id)) {
        found.set(employeeYearKey({ employeeId, year }), list);
      }
    }),
  );
  return keys.map((key) => found.get(employeeYearKey(key)) ?? []);
}

/** Notes on each evaluation, newest first. */
export async function notesOfEvaluations(em: EntityManager, ids: readonly number[]): Promise<FeedbackNote[][]> {
  const rows = await em.find(
    FeedbackNote,
    { evaluation: { $in: [...ids] } },
    { orderBy: { createdAt: 'desc', id: 'desc' } },
  );
  const groups = groupBy(rows, (row) => row.evaluation!.id);
  return ids.map((id) => groups.get(id) ?? []);
}

/** Development actions of each dialogue, in the order agreed. */
export async function actionsOfDialogues(em: EntityManager, ids: readonly number[]): Promise<DevelopmentAction[][]> {
  const rows = await em.find(DevelopmentAction, { dialogue: { $in: [...ids] } }, { orderBy: { id: 'asc' } });
  const groups = groupBy(rows, (row) => row.dialogue.id);
  return ids.map((id) => groups.get(id) ?? []);
}

/** An employee and a criterion code: the key of a training need. */
export interface EmployeeCriterion {
  employeeId: number;
  criterionCode: string;
}

/** Development actions naming each employee's criterion code (with their dialogues), oldest first; one query. */
export async function actionsOfNeeds(
  em: EntityManager,
  keys: readonly EmployeeCriterion[],
): Promise<DevelopmentAction[][]> {
  const rows = await em.find(
    DevelopmentAction,
    {
      criterionCode: { $in: [...new Set(keys.map((k) => k.criterionCode))] },
      dialogue: { employee: { $in: [...new Set(keys.map((k) => k.employeeId))] } },
    },
    { populate: ['dialogue'], orderBy: { id: 'asc' } },
  );
  const groups = groupBy(rows, (row) => `${row.dialogue.employee.id}:${row.criterionCode}`);
  return keys.map((k) => groups.get(`${k.employeeId}:${k.criterionCode}`) ?? []);
}

/**
 * Counts per agency of a year (or quarter), without text: notes written and answered, dialogues held and confirmed
 * by both, development actions agreed and linked. One query; the agency is the one stored on the records. Suppressed
 * (docs/access.md#aggregates-and-small-groups) where the agency has fewer employees than the policy's minimum group,
 * for callers other than ADMIN, LEADER and the agency's own head.
 */
export async function feedbackCountsOf(
  ctx: Context,
  year: number,
  quarter: number | null | undefined,
): Promise<FeedbackCountsType[]> {
  if (quarter !== null && quarter !== undefined) throwProblems(checkYearQuarter({ year, quarter }), null);
  else throwProblems(checkYear(year), null);
  const q = quarter ?? null;
  const rows = await ctx.em.execute<
    {
      agency_id: number;
      code: string;
      employees: number;
      notes_written: number;
      notes_answered: number;
      dialogues_held: number;
      dialogues_confirmed: number;
      development_actions: number;
      development_actions_linked: number;
    }[]
  >(
    `select a.id as agency_id, a.code,
            (select count(*) from employee e where e.agency_id = a.id)::int as employees,
            (select count(*) from feedback_note n where n.agency_id = a.id and n.year = ?
               and (?::int is null or n.quarter = ?))::int as notes_written,
            (select count(*) from feedback_note n where n.agency_id = a.id and n.year = ?
               and (?::int is null or n.quarter = ?) and n.acknowledged_at is not null)::int as notes_answered,
            count(d.id)::int as dialogues_held,
            count(d.id) filter (where d.supervisor_confirmed_at is not null
                                  and d.employee_confirmed_at is not null)::int as dialogues_confirmed,
            coalesce(sum(x.actions), 0)::int as development_actions,
            coalesce(sum(x.linked), 0)::int as development_actions_linked
       from agency a
       left join performance_dialogue d on d.agency_id = a.id and d.year = ? and (?::int is null or d.quarter = ?)
       left join lateral (select count(*) as actions, count(participation_id) as linked
                            from development_action da where da.dialogue_id = d.id) x on true
      group by a.id, a.code order by a.code`,
    [year, q, q, year, q, q, year, q, q],
  );
  const viewer = ctx.viewer!;
  const ownAgencyCode =
    viewer.role === 'AGENCY_HEAD' && viewer.agencyId !== null
      ? (rows.find((r) => r.agency_id === viewer.agencyId)?.code ?? null)
      : null;
  const caller = aggregateCallerOf(viewer, ownAgencyCode);
  const agencies = unwrapAll(await ctx.loaders.agencyById.loadMany(rows.map((r) => r.agency_id)));
  return rows.map((row, i) => {
    const suppressed = mustSuppressAggregate(caller, { employees: row.employees, agencyCode: row.code }, ctx.policy);
    const shown = (value: number) => (suppressed ? null : value);
    return {
      agency: agencies[i] as unknown as FeedbackCountsType['agency'],
      notesWritten: shown(row.notes_written),
      notesAnswered: shown(row.notes_answered),
      dialoguesHeld: shown(row.dialogues_held),
      dialoguesConfirmed: shown(row.dialogues_confirmed),
      developmentActions: shown(row.development_actions),
      developmentActionsLinked: shown(row.development_actions_linked),
      suppressed,
    };
  });
}
