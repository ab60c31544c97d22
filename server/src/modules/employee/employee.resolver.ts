import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Connection } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../graphql/pagination.js';
import type { Agency } from '../agency/agency.entity.js';
import { AgencyType } from '../agency/agency.types.js';
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
    @Ctx() { em, access }: Context,
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
    return findEmployees(em, access!, { filter, first, after, orderBy });
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
      'not see them. Pseudonymised callers (POLICY, ANALYST) get it only between people they see in full.',
  })
  async supervisor(@Root() employee: EmployeeRow, @Ctx() { loaders, access }: Context): Promise<Employee | null> {
    if (!employee.supervisor) return null;
    return access!.visibleEmployee(await loaders.employeeById.load(employee.supervisor.id));
  }

  @FieldResolver(() => [EmployeeType], {
    description:
      'Direct reports (bawahan langsung): employees whose supervisor this employee is, by name (by pseudonym for ' +
      'pseudonymised callers); only those the caller may see. Pseudonymised callers (POLICY, ANALYST) get them ' +
      'only between people they see in full.',
  })
  async subordinates(@Root() employee: EmployeeRow, @Ctx() { loaders, access }: Context): Promise<Employee[]> {
    return access!.visibleEmployees(await loaders.subordinatesByEmployee.load(employee.id), 'PROFILE');
  }
}
