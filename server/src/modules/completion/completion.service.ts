import { checkYearQuarter } from '@kinerja/shared';
import { unwrapAll } from '../../graphql/batching.js';
import type { Context } from '../../graphql/context.js';
import { badUserInput, notFound, throwProblems } from '../../graphql/errors.js';
import type { Scope } from '../access/read-scopes.js';
import { completionScope } from '../access/write-rules.js';
import type {
  AgencyCompletionType,
  CompletionCountsType,
  CompletionGroupType,
  CompletionStatus,
  CompletionType,
  WaitingFor,
} from './completion.types.js';

/**
 * The completion monitor (docs/workflow.md#views): aggregated in SQL. The items of a period are its evaluations (in the
 * agency and with the assessor stored on them) plus the employees active in the period who have none yet (in their
 * current agency, with their supervisor as assessor): those are NOT_STARTED while the period is OPEN and
 * NOT_EVALUATED once it is CLOSED (nobody can start them any more; docs/workflow.md#views).
 */

const ITEMS_SQL = `with p as (
    select id, status, year, quarter, make_date(year, quarter * 3 - 2, 1) as starts,
           (make_date(year, quarter * 3 - 2, 1) + interval '3 months' - interval '1 day')::date as ends
      from period where id = ?
  ),
  work_items as (
    select e.agency_id, e.assessor_id, e.employee_id, e.id as evaluation_id, e.status::text as status
      from evaluation e join p on e.period_id = p.id
    union all
    select emp.agency_id, emp.supervisor_id, emp.id, null,
           case when p.status = 'CLOSED' then 'NOT_EVALUATED' else 'NOT_STARTED' end
      from employee emp cross join p
     where (emp.active_from is null or emp.active_from <= p.ends)
       and (emp.active_to is null or emp.active_to >= p.starts)
       and not exists (select 1 from evaluation e where e.employee_id = emp.id and e.period_id = p.id)
  ),
  items as (
    -- The performance dialogue of each item's employee in the quarter (docs/dialogue.md#completion): held when
    -- recorded, confirmed when both parties confirmed it. The table is the dialogue module's; it is read, not imported.
    select w.*, d.id is not null as dialogue_held,
           coalesce(d.supervisor_confirmed_at is not null and d.employee_confirmed_at is not null, false)
             as dialogue_confirmed
      from work_items w cross join p
      left join performance_dialogue d on d.employee_id = w.employee_id and d.year = p.year and d.quarter = p.quarter
  )`;

const WAITING: Record<Exclude<CompletionStatus, 'FINAL'>, WaitingFor> = {
  NOT_STARTED: 'ASSESSOR',
  NOT_EVALUATED: 'NOBODY',
  DRAFT: 'ASSESSOR',
  SUBMITTED: 'EMPLOYEE',
  OBJECTED: 'OBJECTION_DECIDER',
  ACKNOWLEDGED: 'FINALISER',
};

/**
 * Whose turn it is. In a CLOSED period scores no longer change, so a DRAFT left there waits for nobody either; an
 * OBJECTED one can still be decided (without new scores).
 */
function waitingFor(status: Exclude<CompletionStatus, 'FINAL'>, periodClosed: boolean): WaitingFor {
  return periodClosed && status === 'DRAFT' ? 'NOBODY' : WAITING[status];
}

/** The counts with their shares of `expected` (docs/workflow.md#views); null shares when nothing is expected. */
export function withShares(counts: CompletionCountRow): CompletionCountsType {
  const { expected } = counts;
  const submittedOrLater = counts.submitted + counts.objected + counts.acknowledged + counts.final;
  return {
    ...counts,
    shareSubmitted: expected > 0 ? submittedOrLater / expected : null,
    shareFinal: expected > 0 ? counts.final / expected : null,
    shareDialogues: expected > 0 ? counts.dialoguesHeld / expected : null,
  };
}

/** The stored counts of a group, before the shares are derived from them. */
export type CompletionCountRow = Omit<CompletionCountsType, 'shareSubmitted' | 'shareFinal' | 'shareDialogues'>;

interface GroupRow extends CompletionCountRow {
  agency_id: number;
  assessor_id: number | null;
}

interface PendingRow {
  agency_id: number;
  assessor_id: number | null;
  employee_id: number;
  evaluation_id: number | null;
  status: Exclude<CompletionStatus, 'FINAL'>;
}

/** Counted over `i.status` (never null in the items), so that an agency without items counts 0 in a left join. */
const COUNT_COLUMNS = `count(i.status)::int as expected,
  count(i.status) filter (where i.status = 'NOT_STARTED')::int as "notStarted",
  count(i.status) filter (where i.status = 'NOT_EVALUATED')::int as "notEvaluated",
  count(i.status) filter (where i.status = 'DRAFT')::int as drafted,
  count(i.status) filter (where i.status = 'SUBMITTED')::int as submitted,
  count(i.status) filter (where i.status = 'OBJECTED')::int as objected,
  count(i.status) filter (where i.status = 'ACKNOWLEDGED')::int as acknowledged,
  count(i.status) filter (where i.status = 'FINAL')::int as final,
  count(i.status) filter (where i.dialogue_held)::int as "dialoguesHeld",
  count(i.status) filter (where i.dialogue_confirmed)::int as "dialoguesConfirmed"`;

export async function completionOf(
  ctx: Context,
  scope: Scope,
  year: number,
  quarter: number,
  agencyCode: string | null | undefined,
): Promise<CompletionType> {
  const { em, loaders } = ctx;
  const period = await findPeriod(em, year, quarter);

  const conditions: string[] = [];
  const params: unknown[] = [period.id];
  if (agencyCode !== null && agencyCode !== undefined) {
    const [agency] = await em.execute<{ id: number }[]>('select id from agency where code = ?', [agencyCode]);
    if (!agency) throw badUserInput('agencyCode', { code: 'AGENCY_NOT_FOUND', params: { code: agencyCode } });
    conditions.push('i.agency_id = ?');
    params.push(agency.id);
  }
  const visible = completionScope(scope);
  if (!visible.all) {
    const parts: string[] = [];
    if (visible.agencyId !== null) {
      parts.push('i.agency_id = ?');
      params.push(visible.agencyId);
    }
    if (visible.assessorId !== null) {
      parts.push('i.assessor_id = ?');
      params.push(visible.assessorId);
    }
    conditions.push(parts.length > 0 ? `(${parts.join(' or ')})` : 'false');
  }
  const where = conditions.length > 0 ? `where ${conditions.join(' and ')}` : '';

  const [groups, pending] = await Promise.all([
    em.execute<GroupRow[]>(
      `${ITEMS_SQL}
       select i.agency_id, i.assessor_id, ${COUNT_COLUMNS}
         from items i join agency a on a.id = i.agency_id ${where}
        group by i.agency_id, a.code, i.assessor_id
        order by a.code, i.assessor_id nulls first`,
      params,
    ),
    em.execute<PendingRow[]>(
      `${ITEMS_SQL}
       select i.agency_id, i.assessor_id, i.employee_id, i.evaluation_id, i.status
         from items i join employee emp on emp.id = i.employee_id
         ${where ? `${where} and` : 'where'} i.status <> 'FINAL'
        order by array_position(array['NOT_STARTED', 'NOT_EVALUATED', 'DRAFT', 'SUBMITTED', 'OBJECTED', 'ACKNOWLEDGED'], i.status),
                 emp.name, emp.id`,
      params,
    ),
  ]);

  const key = (agencyId: number, assessorId: number | null) => `${agencyId}:${assessorId ?? ''}`;
  const employees = unwrapAll(await loaders.employeeById.loadMany(pending.map((p) => p.employee_id)));
  const pendingByGroup = new Map<string, CompletionGroupType['pending']>();
  pending.forEach((row, i) => {
    const k = key(row.agency_id, row.assessor_id);
    let list = pendingByGroup.get(k);
    if (!list) pendingByGroup.set(k, (list = []));
    list.push({
      employee: employees[i] as unknown as CompletionGroupType['pending'][number]['employee'],
      evaluationId: row.evaluation_id,
      status: row.status,
      waitingFor: waitingFor(row.status, period.status === 'CLOSED'),
    });
  });
  const agencies = unwrapAll(await loaders.agencyById.loadMany(groups.map((g) => g.agency_id)));
  const assessors = unwrapAll(
    await loaders.employeeById.loadMany(groups.flatMap((g) => (g.assessor_id === null ? [] : [g.assessor_id]))),
  );
  const assessorById = new Map(assessors.flatMap((a) => (a ? [[a.id, a] as const] : [])));

  const totals: CompletionCountRow = {
    expected: 0,
    notStarted: 0,
    notEvaluated: 0,
    drafted: 0,
    submitted: 0,
    objected: 0,
    acknowledged: 0,
    final: 0,
    dialoguesHeld: 0,
    dialoguesConfirmed: 0,
  };
  const result: CompletionGroupType[] = groups.map((g, i) => {
    const { agency_id: _agency, assessor_id: assessorId, ...counts } = g;
    for (const name of Object.keys(totals) as (keyof CompletionCountRow)[]) totals[name] += counts[name];
    return {
      ...withShares(counts),
      agency: agencies[i] as unknown as CompletionGroupType['agency'],
      assessor: (assessorId === null
        ? null
        : (assessorById.get(assessorId) ?? null)) as CompletionGroupType['assessor'],
      pending: pendingByGroup.get(key(g.agency_id, assessorId)) ?? [],
    };
  });
  return { year, quarter, totals: withShares(totals), groups: result };
}

async function findPeriod(
  em: Context['em'],
  year: number,
  quarter: number,
): Promise<{ id: number; status: 'OPEN' | 'CLOSED' }> {
  throwProblems(checkYearQuarter({ year, quarter }), null);
  const [period] = await em.execute<{ id: number; status: 'OPEN' | 'CLOSED' }[]>(
    'select id, status from period where year = ? and quarter = ?',
    [year, quarter],
  );
  if (!period) throw notFound({ code: 'PERIOD_NOT_FOUND', params: { year, quarter } });
  return period;
}

/**
 * Per-agency shares of a period (docs/workflow.md#views): every agency, with the evaluations expected of it (as
 * the completion monitor counts them) and the shares submitted and final. An aggregate without people, the same for
 * every caller.
 */
export async function completionSharesOf(ctx: Context, year: number, quarter: number): Promise<AgencyCompletionType[]> {
  const { em, loaders } = ctx;
  const period = await findPeriod(em, year, quarter);
  const rows = await em.execute<(CompletionCountRow & { agency_id: number })[]>(
    `${ITEMS_SQL}
     select a.id as agency_id, ${COUNT_COLUMNS}
       from agency a left join items i on i.agency_id = a.id
      group by a.id, a.code
      order by a.code`,
    [period.id],
  );
  const agencies = unwrapAll(await loaders.agencyById.loadMany(rows.map((r) => r.agency_id)));
  return rows.map((row, i) => {
    const { shareSubmitted, shareFinal, expected } = withShares(row);
    return {
      agency: agencies[i] as unknown as AgencyCompletionType['agency'],
      expected,
      shareSubmitted,
      shareFinal,
    };
  });
}
