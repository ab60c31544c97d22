import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_POLICY } from '@kinerja/shared';
import {
  mustSuppressAggregate,
  suppressedSiblings,
  type AggregateGroup,
} from '../../src/modules/access/aggregate-scopes.js';
import type { Role } from '../../src/modules/access/roles.js';

const DISDIK = 3;
const DINKES = 7;
const policy = { suppressionMinGroup: DEFAULT_SCORING_POLICY.suppressionMinGroup };

function caller(role: Role, agencyId: number | null = null) {
  return { role, agencyId };
}

describe('mustSuppressAggregate: small groups are suppressed for callers who may not see them', () => {
  const cases: [string, ReturnType<typeof caller>, AggregateGroup, boolean][] = [
    ['POLICY, 4 employees city-wide', caller('POLICY'), { employees: 4, agencyId: null }, true],
    ['POLICY, exactly 5 employees', caller('POLICY'), { employees: 5, agencyId: null }, false],
    ['ANALYST, 1 employee of one agency', caller('ANALYST'), { employees: 1, agencyId: DISDIK }, true],
    ['ANALYST, 6 employees', caller('ANALYST'), { employees: 6, agencyId: DISDIK }, false],
    ['SUPERVISOR, 4 employees city-wide', caller('SUPERVISOR', DISDIK), { employees: 4, agencyId: null }, true],
    ['EMPLOYEE, 2 employees of their agency', caller('EMPLOYEE', DISDIK), { employees: 2, agencyId: DISDIK }, true],
    ['ADMIN, 1 employee', caller('ADMIN'), { employees: 1, agencyId: DINKES }, false],
    ['LEADER, 1 employee city-wide', caller('LEADER'), { employees: 1, agencyId: null }, false],
    [
      'AGENCY_HEAD, 1 employee of their own agency',
      caller('AGENCY_HEAD', DISDIK),
      { employees: 1, agencyId: DISDIK },
      false,
    ],
    [
      'AGENCY_HEAD, 4 employees of another agency',
      caller('AGENCY_HEAD', DISDIK),
      { employees: 4, agencyId: DINKES },
      true,
    ],
    ['AGENCY_HEAD, 4 employees city-wide', caller('AGENCY_HEAD', DISDIK), { employees: 4, agencyId: null }, true],
    [
      'AGENCY_HEAD, 5 employees of another agency',
      caller('AGENCY_HEAD', DISDIK),
      { employees: 5, agencyId: DINKES },
      false,
    ],
  ];
  it.each(cases)('%s', (_, viewer, group, expected) => {
    expect(mustSuppressAggregate(viewer, group, policy)).toBe(expected);
  });

  it('follows the policy in force, not a fixed 5', () => {
    expect(mustSuppressAggregate(caller('POLICY'), { employees: 9, agencyId: null }, { suppressionMinGroup: 10 })).toBe(
      true,
    );
    expect(mustSuppressAggregate(caller('POLICY'), { employees: 2, agencyId: null }, { suppressionMinGroup: 2 })).toBe(
      false,
    );
  });
});

describe('suppressedSiblings: one suppressed sibling takes the next smallest with it', () => {
  it('adds the smallest unsuppressed sibling when exactly one is suppressed', () => {
    const groups = [
      { key: 'DISDIK', employees: 40, suppressed: false },
      { key: 'DINKES', employees: 12, suppressed: false },
      { key: 'BAPPEDA', employees: 3, suppressed: true },
      { key: 'DISHUB', employees: 9, suppressed: false },
    ];
    expect([...suppressedSiblings(groups)].sort()).toEqual(['BAPPEDA', 'DISHUB']);
  });

  it('breaks a tie in size by the lowest key', () => {
    const groups = [
      { key: 'B', employees: 2, suppressed: true },
      { key: 'D', employees: 7, suppressed: false },
      { key: 'C', employees: 7, suppressed: false },
    ];
    expect([...suppressedSiblings(groups)].sort()).toEqual(['B', 'C']);
  });

  it('adds nothing when none, or two or more, are suppressed', () => {
    expect([...suppressedSiblings([{ key: 'A', employees: 8, suppressed: false }])]).toEqual([]);
    const two = [
      { key: 'A', employees: 2, suppressed: true },
      { key: 'B', employees: 3, suppressed: true },
      { key: 'C', employees: 30, suppressed: false },
    ];
    expect([...suppressedSiblings(two)].sort()).toEqual(['A', 'B']);
  });

  it('has no sibling to add when the suppressed group is alone', () => {
    expect([...suppressedSiblings([{ key: 'A', employees: 2, suppressed: true }])]).toEqual(['A']);
  });
});
