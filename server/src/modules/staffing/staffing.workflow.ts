import type { EntityManager } from '@mikro-orm/postgresql';
import type { Message } from '@kinerja/shared';
import { badUserInput, conflict, forbidden, notFound } from '../../graphql/errors.js';
import { employeeScopeCondition, type Scope } from '../access/read-scopes.js';
import { mayChangeEmployees } from '../access/write-rules.js';
import { writeAudit } from '../audit/audit.service.js';
import { markStale, sqlOf, writerTransaction } from '../results/index.js';
import type {
  AssignActingAssessorInput,
  ChangeSupervisorInput,
  EndActingAssignmentInput,
  RetireEmployeeInput,
  TransferEmployeeInput,
} from './staffing.inputs.js';
import type { ActingState } from './staffing.types.js';
import { actingRefusal, dateRefusal, supervisorRefusal, type StaffFacts } from './staffing.rules.js';

/**
 * The employee changes an administrator makes in the year (docs/access.md#employee-changes): a transfer to another
 * agency, a new supervisor, a retirement, an acting assessor (Plt/Plh). Each runs in one writer transaction: the
 * write rule, the checks (staffing.rules.ts), the version compared under a row lock, the write, the stale marks of
 * the analytics (docs/scoring.md "Stale marks") and one audit entry. The scopes follow from the rows alone
 * (`loadScope` in read-scopes.ts): nothing here decides who sees what.
 */

interface EmployeeFacts extends StaffFacts {
  agencyId: number;
  agencyCode: string;
  supervisorId: number | null;
  supervisorNip: string | null;
  version: number;
}

const EMPLOYEE_FACTS = `select e.id, e.nip, to_char(e.active_to, 'YYYY-MM-DD') as "activeTo", e.agency_id as "agencyId",
    a.code as "agencyCode", e.supervisor_id as "supervisorId", s.nip as "supervisorNip", e.version
  from employee e join agency a on a.id = e.agency_id left join employee s on s.id = e.supervisor_id`;

function refuseUnlessAdmin(scope: Scope): void {
  if (!mayChangeEmployees(scope)) throw forbidden({ code: 'ONLY_ADMIN', params: { action: 'EMPLOYEE_CHANGES' } });
}

function checkDate(value: string, field: string): void {
  const refusal = dateRefusal(value);
  if (refusal) throw badUserInput(field, refusal);
}

function trimmed(text: string | null | undefined): string | null {
  const value = text?.trim() ?? '';
  return value === '' ? null : value;
}

async function today(tem: EntityManager): Promise<string> {
  const [row] = await tem.execute<{ today: string }[]>(`select to_char(current_date, 'YYYY-MM-DD') as today`);
  return row!.today;
}

/** The employee named at `field`, locked for the change, with its version compared to the one the change is based on. */
async function lockEmployee(tem: EntityManager, nip: string, field: string, version: number): Promise<EmployeeFacts> {
  const [facts] = await tem.execute<EmployeeFacts[]>(`${EMPLOYEE_FACTS} where e.nip = ? for update of e`, [nip.trim()]);
  if (!facts) throw badUserInput(field, { code: 'EMPLOYEE_NOT_FOUND', params: { nip: nip.trim() } });
  if (facts.version !== version) {
    const message: Message = {
      code: 'EMPLOYEE_CHANGED',
      params: { nip: facts.nip, version: facts.version, expected: version },
    };
    throw conflict(message, facts.version);
  }
  return facts;
}

/** A person named at `field` (not locked). */
async function person(tem: EntityManager, nip: string, field: string): Promise<EmployeeFacts> {
  const [facts] = await tem.execute<EmployeeFacts[]>(`${EMPLOYEE_FACTS} where e.nip = ?`, [nip.trim()]);
  if (!facts) throw badUserInput(field, { code: 'EMPLOYEE_NOT_FOUND', params: { nip: nip.trim() } });
  return facts;
}

/** The new supervisor named at `field` (null: none), checked against the employee (staffing.rules.ts). */
async function newSupervisor(
  tem: EntityManager,
  employee: EmployeeFacts,
  nip: string | null | undefined,
  field: string,
): Promise<EmployeeFacts | null> {
  if (!trimmed(nip)) return null;
  const supervisor = await person(tem, nip!, field);
  const chain = await tem.execute<{ id: number }[]>(
    `with recursive up as (
       select supervisor_id as id, 1 as depth from employee where id = ?
       union
       select e.supervisor_id, up.depth + 1 from employee e join up on e.id = up.id where up.depth < 50
     )
     select id from up where id is not null`,
    [supervisor.id],
  );
  const refusal = supervisorRefusal(
    employee,
    supervisor,
    chain.map((row) => row.id),
    await today(tem),
  );
  if (refusal) throw badUserInput(field, refusal);
  return supervisor;
}

/** What the audit log keeps of an employee's record. */
function snapshot(facts: EmployeeFacts): Record<string, unknown> {
  return {
    employeeId: facts.id,
    nip: facts.nip,
    agencyCode: facts.agencyCode,
    supervisorNip: facts.supervisorNip,
    activeTo: facts.activeTo,
    version: facts.version,
  };
}

/**
 * Marks stale, for the analytics, the employee's grouping rows of these agencies and of every agency stored on their
 * evaluations (kind `employees`, every year): their read-model rows are refreshed at the end of the transaction.
 */
async function markEmployeeStale(tem: EntityManager, employeeId: number, agencyIds: readonly number[]): Promise<void> {
  await markStale(
    await sqlOf(tem),
    'employees',
    `select x.agency_id, null::smallint, null::smallint from (
       select unnest($1::int[]) as agency_id union select agency_id from evaluation where employee_id = $2
     ) x`,
    [agencyIds, employeeId],
  );
}

/** The record after the change, for the audit entry. */
async function reread(tem: EntityManager, id: number): Promise<EmployeeFacts> {
  const [facts] = await tem.execute<EmployeeFacts[]>(`${EMPLOYEE_FACTS} where e.id = ?`, [id]);
  return facts!;
}

/**
 * Transfers an employee to another agency (mutasi), with their new supervisor (or none). Evaluations already started
 * keep their agency and assessor (history stays where it was made); new ones are the new agency's.
 */
export async function transferEmployee(em: EntityManager, scope: Scope, input: TransferEmployeeInput): Promise<number> {
  refuseUnlessAdmin(scope);
  return writerTransaction(em, async (tem) => {
    const employee = await lockEmployee(tem, input.nip, 'input.nip', input.version);
    const code = input.agencyCode.trim();
    const [agency] = await tem.execute<{ id: number }[]>('select id from agency where code = ?', [code]);
    if (!agency) throw badUserInput('input.agencyCode', { code: 'AGENCY_NOT_FOUND', params: { code } });
    if (agency.id === employee.agencyId)
      throw badUserInput('input.agencyCode', { code: 'SAME_AGENCY', params: { code } });
    const supervisor = await newSupervisor(tem, employee, input.supervisorNip, 'input.supervisorNip');
    await tem.execute('update employee set agency_id = ?, supervisor_id = ?, updated_at = now() where id = ?', [
      agency.id,
      supervisor?.id ?? null,
      employee.id,
    ]);
    await markEmployeeStale(tem, employee.id, [employee.agencyId, agency.id]);
    await writeAudit(tem, {
      actor: scope.viewer.login,
      action: 'employee.transfer',
      entityType: 'employee',
      entityId: employee.id,
      before: snapshot(employee),
      after: snapshot(await reread(tem, employee.id)),
      reason: trimmed(input.reason),
    });
    return employee.id;
  });
}

/** Gives an employee a new direct supervisor (or none). */
export async function changeSupervisor(em: EntityManager, scope: Scope, input: ChangeSupervisorInput): Promise<number> {
  refuseUnlessAdmin(scope);
  return writerTransaction(em, async (tem) => {
    const employee = await lockEmployee(tem, input.nip, 'input.nip', input.version);
    const supervisor = await newSupervisor(tem, employee, input.supervisorNip, 'input.supervisorNip');
    await tem.execute('update employee set supervisor_id = ?, updated_at = now() where id = ?', [
      supervisor?.id ?? null,
      employee.id,
    ]);
    await markEmployeeStale(tem, employee.id, [employee.agencyId]);
    await writeAudit(tem, {
      actor: scope.viewer.login,
      action: 'employee.supervisor',
      entityType: 'employee',
      entityId: employee.id,
      before: snapshot(employee),
      after: snapshot(await reread(tem, employee.id)),
      reason: trimmed(input.reason),
    });
    return employee.id;
  });
}

/**
 * Records the last day of service (retirement, pensiun). From then on the employee gets no evaluation of a quarter
 * that starts after that day, and acting assignments of theirs end on it at the latest.
 */
export async function retireEmployee(em: EntityManager, scope: Scope, input: RetireEmployeeInput): Promise<number> {
  refuseUnlessAdmin(scope);
  checkDate(input.lastDay, 'input.lastDay');
  return writerTransaction(em, async (tem) => {
    const employee = await lockEmployee(tem, input.nip, 'input.nip', input.version);
    const [started] = await tem.execute<{ active_from: string | null }[]>(
      `select to_char(active_from, 'YYYY-MM-DD') as active_from from employee where id = ?`,
      [employee.id],
    );
    if (started?.active_from && input.lastDay < started.active_from) {
      throw badUserInput('input.lastDay', {
        code: 'DATE_RANGE_REVERSED',
        params: { from: started.active_from, to: input.lastDay },
      });
    }
    await tem.execute('update employee set active_to = ?, updated_at = now() where id = ?', [
      input.lastDay,
      employee.id,
    ]);
    // Their acting assignments end on the last day at the latest; those that would start later are withdrawn.
    const withdrawn = await tem.execute<{ id: number }[]>(
      'delete from acting_assignment where employee_id = ? and date_from > ?::date returning id',
      [employee.id, input.lastDay],
    );
    const ended = await tem.execute<{ id: number }[]>(
      `update acting_assignment set date_to = ?::date, version = version + 1
        where employee_id = ? and date_to > ?::date returning id`,
      [input.lastDay, employee.id, input.lastDay],
    );
    await markEmployeeStale(tem, employee.id, [employee.agencyId]);
    await writeAudit(tem, {
      actor: scope.viewer.login,
      action: 'employee.retire',
      entityType: 'employee',
      entityId: employee.id,
      before: snapshot(employee),
      after: {
        ...snapshot(await reread(tem, employee.id)),
        actingAssignmentsEnded: ended.map((row) => row.id),
        actingAssignmentsWithdrawn: withdrawn.map((row) => row.id),
      },
      reason: trimmed(input.reason),
    });
    return employee.id;
  });
}

interface ActingRow {
  id: number;
  kind: string;
  employeeId: number;
  forEmployeeId: number;
  from: string;
  to: string;
  reason: string | null;
  version: number;
  state: ActingState;
}

/** Where an assignment stands today: not started yet, in force, or over (ended, also when ended early). */
function actingState(a: string): string {
  return `case when current_date < ${a}date_from then 'UPCOMING' when current_date > ${a}date_to then 'ENDED'
    else 'ACTIVE' end`;
}

/** The columns of an `acting_assignment` row as `ActingRow`; `a` is the table's alias with its dot, or ''. */
function actingColumns(a: string): string {
  return `${a}id, ${a}kind, ${a}employee_id as "employeeId", ${a}for_employee_id as "forEmployeeId",
    to_char(${a}date_from, 'YYYY-MM-DD') as "from", to_char(${a}date_to, 'YYYY-MM-DD') as "to", ${a}reason,
    ${a}version, ${actingState(a)} as state`;
}

const ACTING_ROW = `select ${actingColumns('')} from acting_assignment`;

/** Another assignment standing in for the same official whose span meets `from`..`to`, if any. */
async function overlapping(
  tem: EntityManager,
  forEmployeeId: number,
  from: string,
  to: string,
  exceptId: number | null,
): Promise<{ from: string; to: string } | null> {
  const [row] = await tem.execute<ActingRow[]>(
    `${ACTING_ROW} where for_employee_id = ? and date_from <= ?::date and date_to >= ?::date and id <> ?
      order by date_from limit 1`,
    [forEmployeeId, to, from, exceptId ?? 0],
  );
  return row ? { from: row.from, to: row.to } : null;
}

/** An audit snapshot of an assignment. */
function actingSnapshot(row: ActingRow, acting: string, official: string): Record<string, unknown> {
  return { kind: row.kind, actingNip: acting, forNip: official, from: row.from, to: row.to, version: row.version };
}

/**
 * Names an acting assessor (Plt/Plh) for an official from `from` to `to`: while it is in force, the official's direct
 * reports are the acting one's (loadScope in read-scopes.ts). One assignment per official at a time.
 */
export async function assignActingAssessor(
  em: EntityManager,
  scope: Scope,
  input: AssignActingAssessorInput,
): Promise<number> {
  refuseUnlessAdmin(scope);
  checkDate(input.from, 'input.from');
  checkDate(input.to, 'input.to');
  return writerTransaction(em, async (tem) => {
    const acting = await person(tem, input.actingNip, 'input.actingNip');
    const official = await person(tem, input.forNip, 'input.forNip');
    // Serialises assignments for the same official, so two concurrent ones cannot both miss each other.
    await tem.execute('select id from employee where id = ? for update', [official.id]);
    const refusal = actingRefusal(
      acting,
      official,
      input.from,
      input.to,
      await overlapping(tem, official.id, input.from, input.to, null),
    );
    if (refusal) throw badUserInput(refusal.field, refusal.message);
    const [row] = await tem.execute<{ id: number }[]>(
      `insert into acting_assignment (employee_id, for_employee_id, kind, date_from, date_to, reason, created_by)
       values (?, ?, ?, ?, ?, ?, ?) returning id`,
      [
        acting.id,
        official.id,
        input.kind,
        input.from,
        input.to,
        trimmed(input.reason),
        scope.viewer.login.slice(0, 120),
      ],
    );
    const [after] = await tem.execute<ActingRow[]>(`${ACTING_ROW} where id = ?`, [row!.id]);
    await writeAudit(tem, {
      actor: scope.viewer.login,
      action: 'acting.assign',
      entityType: 'acting_assignment',
      entityId: row!.id,
      before: null,
      after: { ...actingSnapshot(after!, acting.nip, official.nip), employeeId: acting.id },
      reason: trimmed(input.reason),
    });
    return row!.id;
  });
}

/** Sets a new last day of an acting assignment (ending it early, or extending it where no other one overlaps). */
export async function endActingAssignment(
  em: EntityManager,
  scope: Scope,
  input: EndActingAssignmentInput,
): Promise<number> {
  refuseUnlessAdmin(scope);
  checkDate(input.lastDay, 'input.lastDay');
  return writerTransaction(em, async (tem) => {
    const [before] = await tem.execute<ActingRow[]>(`${ACTING_ROW} where id = ? for update`, [
      input.actingAssignmentId,
    ]);
    if (!before) throw notFound({ code: 'ACTING_NOT_FOUND', params: { id: input.actingAssignmentId } });
    if (before.version !== input.version) {
      throw conflict(
        { code: 'ACTING_CHANGED', params: { id: before.id, version: before.version, expected: input.version } },
        before.version,
      );
    }
    if (input.lastDay < before.from) {
      throw badUserInput('input.lastDay', {
        code: 'DATE_RANGE_REVERSED',
        params: { from: before.from, to: input.lastDay },
      });
    }
    const clash = await overlapping(tem, before.forEmployeeId, before.from, input.lastDay, before.id);
    const [names] = await tem.execute<{ acting: string; official: string }[]>(
      `select a.nip as acting, o.nip as official from employee a, employee o where a.id = ? and o.id = ?`,
      [before.employeeId, before.forEmployeeId],
    );
    if (clash) {
      throw badUserInput('input.lastDay', { code: 'ACTING_OVERLAP', params: { nip: names!.official, ...clash } });
    }
    await tem.execute('update acting_assignment set date_to = ?, version = version + 1 where id = ?', [
      input.lastDay,
      before.id,
    ]);
    const [after] = await tem.execute<ActingRow[]>(`${ACTING_ROW} where id = ?`, [before.id]);
    await writeAudit(tem, {
      actor: scope.viewer.login,
      action: 'acting.end',
      entityType: 'acting_assignment',
      entityId: before.id,
      before: { ...actingSnapshot(before, names!.acting, names!.official), employeeId: before.employeeId },
      after: { ...actingSnapshot(after!, names!.acting, names!.official), employeeId: before.employeeId },
      reason: trimmed(input.reason),
    });
    return before.id;
  });
}

/** An assignment as the API answers it. */
export async function actingAssignment(em: EntityManager, id: number): Promise<ActingRow> {
  const [row] = await em.execute<ActingRow[]>(`${ACTING_ROW} where id = ?`, [id]);
  return row!;
}
export type { ActingRow };

/**
 * The acting assignments (Plt/Plh) a caller may see (docs/access.md#employee-changes): those whose acting employee and
 * official are both in the caller's employee scope (read-scopes.ts; every one for ADMIN and LEADER, pseudonymised for
 * POLICY and ANALYST), in force first, then those to come, then those ended; the latest first within each; at most
 * `first`. `states` narrows them.
 */
export async function actingAssignments(
  em: EntityManager,
  scope: Scope,
  states: readonly ActingState[] | null,
  first: number,
): Promise<ActingRow[]> {
  const conditions: string[] = [];
  const params: unknown[] = [];
  for (const alias of ['ae', 'oe']) {
    const visible = employeeScopeCondition(scope, alias);
    if (visible) {
      conditions.push(visible.sql);
      params.push(...visible.params);
    }
  }
  if (states) {
    conditions.push(states.length > 0 ? `(${actingState('a.')}) in (${states.map(() => '?').join(', ')})` : 'false');
    params.push(...states);
  }
  const where = conditions.length > 0 ? `where ${conditions.join(' and ')}` : '';
  return em.execute<ActingRow[]>(
    `select ${actingColumns('a.')}
       from acting_assignment a
       join employee ae on ae.id = a.employee_id
       join employee oe on oe.id = a.for_employee_id
      ${where}
      order by case ${actingState('a.')} when 'ACTIVE' then 0 when 'UPCOMING' then 1 else 2 end,
        a.date_from desc, a.id desc
      limit ?`,
    [...params, first],
  );
}
