import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_POLICY } from '@kinerja/shared';
import {
  aggregateCallerOf,
  mustSuppressAggregate,
  suppressAggregates,
  type AggregateGroup,
} from '../../src/modules/access/aggregate-scopes.js';
import type { Role } from '../../src/modules/access/roles.js';

const policy = { suppressionMinGroup: DEFAULT_SCORING_POLICY.suppressionMinGroup };

/** A caller as the request knows them: role, the anonymous demo flag, and the code of the agency they belong to. */
function caller(role: Role, ownAgency: string | null = null, anonymous = false) {
  return aggregateCallerOf({ role, anonymous }, ownAgency);
}

describe('mustSuppressAggregate: small groups are suppressed for callers who may not see them', () => {
  const cases: [string, ReturnType<typeof caller>, AggregateGroup, boolean][] = [
    ['POLICY, 4 employees city-wide', caller('POLICY'), { employees: 4, agencyCode: null }, true],
    ['POLICY, exactly 5 employees', caller('POLICY'), { employees: 5, agencyCode: null }, false],
    ['ANALYST, 1 employee of one agency', caller('ANALYST'), { employees: 1, agencyCode: 'DISDIK' }, true],
    ['ANALYST, 6 employees', caller('ANALYST'), { employees: 6, agencyCode: 'DISDIK' }, false],
    ['the anonymous demo caller, 4 employees', caller('POLICY', null, true), { employees: 4, agencyCode: null }, true],
    ['SUPERVISOR, 4 employees city-wide', caller('SUPERVISOR', 'DISDIK'), { employees: 4, agencyCode: null }, true],
    [
      'EMPLOYEE, 2 employees of their agency',
      caller('EMPLOYEE', 'DISDIK'),
      { employees: 2, agencyCode: 'DISDIK' },
      true,
    ],
    ['ADMIN, 1 employee', caller('ADMIN'), { employees: 1, agencyCode: 'DINKES' }, false],
    ['LEADER, 1 employee city-wide', caller('LEADER'), { employees: 1, agencyCode: null }, false],
    [
      'AGENCY_HEAD, 1 employee of their own agency',
      caller('AGENCY_HEAD', 'DISDIK'),
      { employees: 1, agencyCode: 'DISDIK' },
      false,
    ],
    [
      'AGENCY_HEAD, 4 employees of another agency',
      caller('AGENCY_HEAD', 'DISDIK'),
      { employees: 4, agencyCode: 'DINKES' },
      true,
    ],
    ['AGENCY_HEAD, 4 employees city-wide', caller('AGENCY_HEAD', 'DISDIK'), { employees: 4, agencyCode: null }, true],
    [
      'AGENCY_HEAD, 5 employees of another agency',
      caller('AGENCY_HEAD', 'DISDIK'),
      { employees: 5, agencyCode: 'DINKES' },
      false,
    ],
    [
      'AGENCY_HEAD without an agency, 1 employee',
      caller('AGENCY_HEAD', null),
      { employees: 1, agencyCode: 'DISDIK' },
      true,
    ],
  ];
  it.each(cases)('%s', (_, who, group, expected) => {
    expect(mustSuppressAggregate(who, group, policy)).toBe(expected);
  });

  it('follows the policy in force, not a fixed 5', () => {
    const group = { employees: 9, agencyCode: null };
    expect(mustSuppressAggregate(caller('POLICY'), group, { suppressionMinGroup: 10 })).toBe(true);
    expect(mustSuppressAggregate(caller('POLICY'), group, { suppressionMinGroup: 9 })).toBe(false);
  });
});

describe('suppressAggregates: a whole answer under the policy in force', () => {
  it('suppresses the small agency and, against differencing, the next smallest sibling', () => {
    const groups = [
      { keys: ['DISDIK'], nEmployees: 40, agencyCode: 'DISDIK' },
      { keys: ['DINKES'], nEmployees: 12, agencyCode: 'DINKES' },
      { keys: ['BAPPEDA'], nEmployees: 3, agencyCode: 'BAPPEDA' },
      { keys: ['DISHUB'], nEmployees: 9, agencyCode: 'DISHUB' },
    ];
    expect(suppressAggregates(caller('ANALYST'), groups, policy).map((d) => d.suppressed)).toEqual([
      false,
      false,
      true,
      true,
    ]);
    expect(suppressAggregates(caller('LEADER'), groups, policy).map((d) => d.suppressed)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
