import { Arg, Ctx, FieldResolver, Float, Int, Query, Resolver, Root } from 'type-graphql';
import type { Connection } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../graphql/pagination.js';
import type { Agency } from '../agency/agency.entity.js';
import { AgencyType } from '../agency/agency.types.js';
import type { AnnualResultWithSource } from '../appraisal/annual-result.service.js';
import { AnnualResultType } from '../appraisal/annual-result.types.js';
import type { Evaluation } from '../appraisal/evaluation.entity.js';
import { EvaluationType } from '../appraisal/evaluation.types.js';
import type { Innovation } from '../appraisal/innovation.entity.js';
import { InnovationType } from '../appraisal/innovation.types.js';
import type { Participation } from '../training/participation.entity.js';
import { ParticipationType } from '../training/training.types.js';
import { Employee, type EmployeeRow } from './employee.entity.js';
import { findEmployees, findVisibleEmployee } from './employee.service.js';
import {
  EmployeeConnection,
  EmployeeFilter,
  EmployeeOrderEnum,
  EmployeeType,
  type EmployeeOrder,
} from './employee.types.js';

@Resolver(() => EmployeeType)
export class EmployeeResolver {
  @Query(() => EmployeeConnection, {
    description: `Employees (pegawai ASN), filtered and ordered, a page at a time (at most ${MAX_PAGE_SIZE} a page).`,
  })
  async employees(
    @Ctx() { em, scope }: Context,
    @Arg('filter', () => EmployeeFilter, { nullable: true, description: 'Conditions; all must hold.' })
    filter?: EmployeeFilter | null,
    @Arg('first', () => Int, {
      nullable: true,
      defaultValue: DEFAULT_PAGE_SIZE,
      description: `Page size, 0 to ${MAX_PAGE_SIZE}.`,
    })
    first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Continue after this cursor (`pageInfo.endCursor`).' })
    after?: string | null,
    @Arg('orderBy', () => EmployeeOrderEnum, {
      nullable: true,
      description: 'Row order; NAME_ASC by default, PSEUDONYM_ASC for pseudonymised callers.',
    })
    orderBy?: EmployeeOrder | null,
  ): Promise<Connection<Employee>> {
    return findEmployees(em, scope!, { filter, first, after, orderBy });
  }

  @Query(() => EmployeeType, {
    description:
      'One employee by NIP or by pseudonym (give exactly one). FORBIDDEN outside what the caller may see (the same ' +
      'whether or not the employee exists); NOT_FOUND for callers who see every row when nobody has it. POLICY and ' +
      'ANALYST callers look up by pseudonym only.',
  })
  async employee(
    @Ctx() { em, access }: Context,
    @Arg('nip', () => String, { nullable: true, description: 'NIP, 18 digits without spaces.' }) nip?: string | null,
    @Arg('pseudonym', () => String, { nullable: true, description: 'Pseudonym, e.g. `ASN-3F9A0C12B7`.' })
    pseudonym?: string | null,
  ): Promise<Employee> {
    return findVisibleEmployee(em, access!, nip, pseudonym);
  }

  @FieldResolver(() => AgencyType, { description: 'The agency (perangkat daerah) of the current record.' })
  async agency(@Root() employee: EmployeeRow, @Ctx() { loaders }: Context): Promise<Agency> {
    // Employee pages read the agency with the row; otherwise (a reference: its code unknown) through the loader.
    if (typeof employee.agency.code === 'string') return employee.agency;
    return (await loaders.agencyById.load(employee.agency.id))!;
  }

  @FieldResolver(() => EmployeeType, {
    nullable: true,
    description:
      'Direct supervisor (atasan langsung), possibly in another agency; null at the top, or when the caller may ' +
      'not see them.',
  })
  async supervisor(@Root() employee: EmployeeRow, @Ctx() { loaders, access }: Context): Promise<Employee | null> {
    if (!employee.supervisor) return null;
    return access!.visibleEmployee(await loaders.employeeById.load(employee.supervisor.id));
  }

  @FieldResolver(() => [EmployeeType], {
    description:
      'Direct reports (bawahan langsung): employees whose supervisor this employee is, by name (by pseudonym for ' +
      'pseudonymised callers); only those the caller may see.',
  })
  async subordinates(@Root() employee: EmployeeRow, @Ctx() { loaders, access }: Context): Promise<Employee[]> {
    return access!.visibleEmployees(await loaders.subordinatesByEmployee.load(employee.id), 'PROFILE');
  }

  @FieldResolver(() => [EvaluationType], {
    description:
      'Quarterly evaluations (at most four a year), oldest first, in every status including DRAFT; empty when the ' +
      "caller may not see this employee's performance data (e.g. their own supervisor's).",
  })
  async evaluations(
    @Root() employee: EmployeeRow,
    @Ctx() { loaders }: Context,
    @Arg('year', () => Int, { nullable: true, description: 'Only this year; every year when omitted.' })
    year?: number | null,
  ): Promise<Evaluation[]> {
    return loaders.evaluationsByEmployee.load({ employeeId: employee.id, year: year ?? null });
  }

  @FieldResolver(() => AnnualResultType, {
    nullable: true,
    description:
      'Annual result (evaluasi tahunan) of the year; null when the year has no counted quarterly score, or when the ' +
      "caller may not see this employee's performance data.",
  })
  async annualResult(
    @Root() employee: EmployeeRow,
    @Ctx() { loaders }: Context,
    @Arg('year', () => Int, { description: 'The year, e.g. 2025.' }) year: number,
  ): Promise<AnnualResultWithSource | null> {
    return loaders.annualResult.load({ employeeId: employee.id, year });
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description:
      'JP (jam pelajaran) of COMPLETED trainings completed in the calendar year; 0 when none. PNS should reach 20 ' +
      "(PP 11/2017 Pasal 203). Null when the caller may not see this employee's performance data.",
  })
  async trainingHours(
    @Root() employee: EmployeeRow,
    @Ctx() { loaders }: Context,
    @Arg('year', () => Int, { description: 'The calendar year, e.g. 2025.' }) year: number,
  ): Promise<number | null> {
    return loaders.trainingHours.load({ employeeId: employee.id, year });
  }

  @FieldResolver(() => [ParticipationType], {
    description:
      "Training participations, newest completion first; empty when the caller may not see this employee's performance data.",
  })
  async participations(
    @Root() employee: EmployeeRow,
    @Ctx() { loaders }: Context,
    @Arg('year', () => Int, {
      nullable: true,
      description: 'Only those completed in this calendar year; all (also enrolled or dropped) when omitted.',
    })
    year?: number | null,
  ): Promise<Participation[]> {
    return loaders.participationsByEmployee.load({ employeeId: employee.id, year: year ?? null });
  }

  @FieldResolver(() => [InnovationType], {
    description:
      "Innovations (inovasi) recorded, verified or not; empty when the caller may not see this employee's " +
      'performance data.',
  })
  async innovations(
    @Root() employee: EmployeeRow,
    @Ctx() { loaders }: Context,
    @Arg('year', () => Int, { nullable: true, description: 'Only this year; every year when omitted.' })
    year?: number | null,
  ): Promise<Innovation[]> {
    return loaders.innovationsByEmployee.load({ employeeId: employee.id, year: year ?? null });
  }
}
