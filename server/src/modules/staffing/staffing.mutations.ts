import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
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
import { ActingAssignmentType, type ActingKind } from './staffing.types.js';
import {
  actingAssignment,
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
    return {
      id: row.id,
      kind: row.kind as ActingKind,
      acting,
      standsInFor: official,
      from: row.from,
      to: row.to,
      reason: row.reason,
      version: row.version,
    };
  }
}
