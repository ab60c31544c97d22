import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { registerSharedEnum } from '../../graphql/enum.js';
import type { Employee } from '../employee/employee.entity.js';
import { EmployeeType } from '../employee/employee.types.js';
import { ROLE_DESCRIPTIONS, ROLES, type Role } from '../access/roles.js';

export const RoleEnum = registerSharedEnum(
  ROLES,
  'Role',
  'Role of an account (docs/access.md). An account linked to an employee also has that employee\u2019s ' +
    'own rights and a supervisor\u2019s rights over its direct reports, whatever its role.',
  ROLE_DESCRIPTIONS,
);

@ObjectType('Account', { description: 'A login account (akun), linked to an employee where it is one.' })
export class AccountType {
  @Field(() => String, { description: 'Login name; the NIP for accounts created in bulk.' })
  login!: string;

  @Field(() => RoleEnum, { description: 'Role: what the account may see and change beyond its own record.' })
  role!: Role;

  @Field(() => String, { nullable: true, description: 'Name to show for an account without an employee.' })
  displayName!: string | null;

  @Field(() => EmployeeType, {
    nullable: true,
    description: 'The employee the account belongs to; null for accounts that are not one (e.g. the Wali Kota).',
  })
  employee!: Employee | null;

  @Field(() => Boolean, {
    description: 'True while the account has an initial password: it must choose its own (changePassword) first.',
  })
  mustChangePassword!: boolean;

  @Field(() => Boolean, { description: 'False for a disabled account, which cannot log in.' })
  active!: boolean;

  @Field(() => GraphQLDateTimeISO, { nullable: true, description: 'The last successful login (UTC); null: never.' })
  lastLoginAt!: Date | null;
}

@ObjectType('AccessScope', { description: 'What the caller may see, in words and in numbers.' })
export class AccessScopeType {
  @Field(() => String, { description: 'What the caller may see, in a sentence.' })
  description!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Code of the agency whose records the caller sees in full (an agency head\u2019s), else null.',
  })
  agencyCode!: string | null;

  @Field(() => Int, { description: 'Number of the caller\u2019s direct reports (bawahan langsung).' })
  directReports!: number;

  @Field(() => Int, {
    description: 'Number of people in the caller\u2019s reporting line (direct and indirect reports, any agency).',
  })
  lineSize!: number;

  @Field(() => Boolean, { description: 'True when every employee row is visible (in full or pseudonymised).' })
  allRows!: boolean;

  @Field(() => Boolean, {
    description:
      'True for POLICY and ANALYST callers: other people\u2019s rows come pseudonymised (`nip` and `name` null), ' +
      'and lookups by NIP, name search and `assessorNip` are refused.',
  })
  pseudonymised!: boolean;
}

@ObjectType('Me', { description: 'The caller: their account, role, employee record and scope.' })
export class MeType {
  @Field(() => String, { description: 'Login name (`anonymous` for the anonymous demo caller).' })
  login!: string;

  @Field(() => RoleEnum, { description: 'Role of the account.' })
  role!: Role;

  @Field(() => String, { nullable: true, description: 'Name to show for an account without an employee.' })
  displayName!: string | null;

  @Field(() => EmployeeType, { nullable: true, description: 'The caller\u2019s own employee record, if any.' })
  employee!: Employee | null;

  @Field(() => Boolean, { description: 'True while the account must choose its own password (changePassword).' })
  mustChangePassword!: boolean;

  @Field(() => Boolean, {
    description: 'True for the anonymous caller of demo mode, who reads as a POLICY caller would and cannot write.',
  })
  anonymous!: boolean;

  @Field(() => AccessScopeType, { description: 'What the caller may see.' })
  scope!: AccessScopeType;
}

@ObjectType('LoginResult', { description: 'A successful login or password change: a fresh token and the account.' })
export class LoginResultType {
  @Field(() => String, {
    description:
      'The token: send it as `Authorization: Bearer <token>` (tools); the dashboard gets it as the httpOnly cookie ' +
      '`kinerja_session` as well.',
  })
  token!: string;

  @Field(() => GraphQLDateTimeISO, { description: 'When the token stops working (UTC).' })
  expiresAt!: Date;

  @Field(() => AccountType, { description: 'The account logged in.' })
  user!: AccountType;
}

@InputType('CreateAccountsInput', { description: 'Which employees get accounts in bulk.' })
export class CreateAccountsInput {
  @Field(() => [String], {
    nullable: true,
    description: 'Only employees whose current record is in these agencies (codes); every agency when omitted.',
  })
  agencyCodes?: string[] | null;

  @Field(() => RoleEnum, {
    nullable: true,
    description: 'Role of the new accounts: EMPLOYEE (default) or SUPERVISOR.',
  })
  role?: Role | null;
}

@ObjectType('InitialPassword', {
  description: 'An account with its initial password, shown this once: hand it to its owner, who must change it.',
})
export class InitialPasswordType {
  @Field(() => String, { description: 'Login name (the NIP for accounts in bulk).' })
  login!: string;

  @Field(() => EmployeeType, { nullable: true, description: 'The employee the account belongs to.' })
  employee!: Employee | null;

  @Field(() => String, { description: 'The initial password (random, `xxxx-xxxx-xxxx-xxxx`).' })
  password!: string;
}

@ObjectType('CreateAccountsResult', { description: 'What a creation of accounts in bulk did.' })
export class CreateAccountsResultType {
  @Field(() => Int, { description: 'Number of accounts created.' })
  created!: number;

  @Field(() => Int, {
    description: 'Number of employees in service skipped because they have an account (or their NIP is a login).',
  })
  skipped!: number;

  @Field(() => [InitialPasswordType], {
    description: 'The accounts created with their initial passwords, by NIP: shown this once, never again.',
  })
  accounts!: InitialPasswordType[];
}

@ObjectType('CreateAccountResult', { description: 'An account created by an administrator.' })
export class CreateAccountResultType {
  @Field(() => AccountType, { description: 'The new account.' })
  account!: AccountType;

  @Field(() => String, {
    nullable: true,
    description:
      'The random initial password when none was given (shown this once; the owner must change it); null when ' +
      'the administrator set the password.',
  })
  initialPassword!: string | null;
}
