import type { ApiModule } from '../../graphql/module.js';
import { AgencyEmployeesResolver } from './agency-employees.resolver.js';
import { createEmployeeLoaders } from './employee.loaders.js';
import { EmployeeResolver } from './employee.resolver.js';

/** Employees (pegawai ASN): the queries, their reporting line, and an agency's employees. */
export const employeeModule = {
  name: 'employee',
  resolvers: [EmployeeResolver, AgencyEmployeesResolver],
  createLoaders: createEmployeeLoaders,
} satisfies ApiModule;
