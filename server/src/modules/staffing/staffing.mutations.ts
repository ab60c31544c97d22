import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { badUserInput } from '../../graphql/errors.js';
import { accountScope } from '../access/write-rules.js';
import { Employee } from '../employee/employee.entity.js';
import { EmployeeType } from '../employee/employee.types.js';
import {
  AssignActingAssessorInput,
  ChangeSupervisorInput,
  EndActingAssignmentInput,
  RetireEmployeeInput,
  TransferEmployeeInput,
} from './staffing.inputs.js';
import { ActingAssignmentType, ActingStateEnum, type ActingKind, type ActingState } from './staffing.types.js';
import {
  actingAssignment,
  actingAssignments,
  type ActingRow,
  assignActingAssessor,
  changeSupervisor,
  endActingAssignment,
  retireEmployee,
  transferEmployee,
} from './staffing.workflow.js';

/** The employee changes an administrator makes in the year (docs/access.md#employee-changes). */
@Resolver()
export class StaffingMutations {
  @Mutation(() => EmployeeType, {
    description:
      'Administrators: transfers an employee to another agency (mutasi), with their new direct supervisor or none. ' +
      "Evaluations already started keep their agency; new ones are the new agency's, whose head sees the employee " +
      'from now on. Carries the record\u2019s `version`; audited as `employee.transfer`.',
  })
  async transferEmployee(
    @Ctx() ctx: Context,
    @Arg('input', () => TransferEmployeeInput, { description: 'The transfer.' }) input: TransferEmployeeInput,
  ): Promise<Employee> {
    return this.employee(ctx, await transferEmployee(ctx.em, accountScope(ctx), input));
  }

  @Mutation(() => EmployeeType, {
    description:
      'Administrators: gives an employee a new direct supervisor (atasan langsung), or none; the new one scores ' +
      "the evaluations started from now on. Carries the record's `version`; audited as `employee.supervisor`.",
  })
  async changeSupervisor(
    @Ctx() ctx: Context,
    @Arg('input', () => ChangeSupervisorInput, { description: 'The change.' }) input: ChangeSupervisorInput,
  ): Promise<Employee> {
    return this.employee(ctx, await changeSupervisor(ctx.em, accountScope(ctx), input));
  }

  @Mutation(() => EmployeeType, {
    description:
      'Administrators: records the last day of service (retirement, pensiun): no evaluation of a quarter that ' +
      "starts after it. Carries the record's `version`; audited as `employee.retire`.",
  })
  async retireEmployee(
    @Ctx() ctx: Context,
    @Arg('input', () => RetireEmployeeInput, { description: 'The retirement.' }) input: RetireEmployeeInput,
  ): Promise<Employee> {
    return this.employee(ctx, await retireEmployee(ctx.em, accountScope(ctx), input));
  }

  @Mutation(() => ActingAssignmentType, {
    description:
      'Administrators: names an acting assessor (Plt/Plh) for an official for a span of days; while it is in force ' +
      "the official's direct reports are theirs to see and score. One per official at a time; audited as " +
      '`acting.assign`.',
  })
  async assignActingAssessor(
    @Ctx() ctx: Context,
    @Arg('input', () => AssignActingAssessorInput, { description: 'The assignment.' })
    input: AssignActingAssessorInput,
  ): Promise<ActingAssignmentType> {
    return this.acting(ctx, await assignActingAssessor(ctx.em, accountScope(ctx), input));
  }

  @Mutation(() => ActingAssignmentType, {
    description:
      'Administrators: sets a new last day of an acting assignment (ends it early, or extends it). Carries the ' +
      "assignment's `version`; audited as `acting.end`.",
  })
  async endActingAssignment(
    @Ctx() ctx: Context,
    @Arg('input', () => EndActingAssignmentInput, { description: 'The new last day.' })
    input: EndActingAssignmentInput,
  ): Promise<ActingAssignmentType> {
    return this.acting(ctx, await endActingAssignment(ctx.em, accountScope(ctx), input));
  }

  private employee(ctx: Context, id: number): Promise<Employee> {
    return ctx.em.findOneOrFail(Employee, { id }, { refresh: true });
  }

  private async acting(ctx: Context, id: number): Promise<ActingAssignmentType> {
    const row = await actingAssignment(ctx.em, id);
    const [acting, official] = await Promise.all([
      ctx.em.findOneOrFail(Employee, { id: row.employeeId }, { refresh: true }),
      ctx.em.findOneOrFail(Employee, { id: row.forEmployeeId }, { refresh: true }),
    ]);
    return actingAnswer(row, acting, official);
  }
}

/** An assignment row with its two employees, as the API answers it. */
export function actingAnswer(row: ActingRow, acting: Employee, official: Employee): ActingAssignmentType {
  return {
    id: row.id,
    kind: row.kind as ActingKind,
    acting,
    standsInFor: official,
    from: row.from,
    to: row.to,
    reason: row.reason,
    version: row.version,
    state: row.state,
  };
}

/** The acting assignments (Plt/Plh) the caller may see, for the Administrasi page's list. */
@Resolver()
export class StaffingQueries {
  @Query(() => [ActingAssignmentType], {
    description:
      'Acting assessors (Plt/Plh): who stands in for whom, from and to which day, and whether in force today, ' +
      'upcoming or ended. Only assignments whose acting employee and official are both in the caller’s scope ' +
      '(every one for ADMIN and LEADER; pseudonymised for POLICY and ANALYST; an agency head their agency, others ' +
      'their own record and reports). In force first, then upcoming, then ended; the latest first within each.',
  })
  async actingAssignments(
    @Ctx() ctx: Context,
    @Arg('states', () => [ActingStateEnum], {
      nullable: true,
      description: 'Only assignments in these states (e.g. [ACTIVE]); all when omitted.',
    })
    states: ActingState[] | null | undefined,
    @Arg('first', () => Int, { defaultValue: 100, description: 'At most this many (1-500).' }) first: number,
  ): Promise<ActingAssignmentType[]> {
    if (first < 1 || first > ACTING_LIST_MAX) {
      throw badUserInput('first', { code: 'FIRST_RANGE', params: { value: first, max: ACTING_LIST_MAX } });
    }
    const rows = await actingAssignments(ctx.em, accountScope(ctx), states ?? null, first);
    const ids = [...new Set(rows.flatMap((r) => [r.employeeId, r.forEmployeeId]))];
    const loaded = await ctx.loaders.employeeById.loadMany(ids);
    const byId = new Map(loaded.flatMap((e) => (e && !(e instanceof Error) ? [[e.id, e] as const] : [])));
    return rows.map((row) => actingAnswer(row, byId.get(row.employeeId)!, byId.get(row.forEmployeeId)!));
  }
}

/** The most assignments one answer lists. */
const ACTING_LIST_MAX = 500;
