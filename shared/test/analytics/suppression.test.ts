import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyticsNoteText } from '../../src/analytics/notes.js';
import {
  aggregateCallerFor,
  decideSuppression,
  isSuppressionExempt,
  type AggregateCaller,
  type SuppressionGroup,
} from '../../src/analytics/suppression.js';

const RESTRICTED: AggregateCaller = { kind: 'RESTRICTED' };
const SMALL = { code: 'SMALL_GROUP', params: { min: 5 } };
const SECOND = { code: 'SECOND_GROUP', params: { min: 5 } };

function oneDimension(sizes: Record<string, number>, agencyKeyed = true): SuppressionGroup[] {
  return Object.entries(sizes).map(([key, n]) => ({
    keys: [key],
    nEmployees: n,
    agencyCode: agencyKeyed ? key : null,
  }));
}

/** Which keys are suppressed, and why, in a compact form for the tables below. */
function outcome(groups: SuppressionGroup[], caller: AggregateCaller, min = 5): Record<string, string> {
  const decisions = decideSuppression(groups, caller, min);
  return Object.fromEntries(
    groups.map((g, i) => [g.keys.join('/'), decisions[i]!.suppressed ? decisions[i]!.note!.code : '-']),
  );
}

describe('aggregateCallerFor: who is subject to suppression', () => {
  it.each([
    ['ADMIN', 'FULL'],
    ['LEADER', 'FULL'],
    ['POLICY', 'RESTRICTED'],
    ['ANALYST', 'RESTRICTED'],
    ['SUPERVISOR', 'RESTRICTED'],
    ['EMPLOYEE', 'RESTRICTED'],
    ['ANONYMOUS', 'RESTRICTED'],
  ] as const)('%s -> %s', (role, kind) => {
    expect(aggregateCallerFor(role).kind).toBe(kind);
  });

  it('an agency head is exempt for their own agency only', () => {
    const head = aggregateCallerFor('AGENCY_HEAD', 'DISDIK');
    expect(head).toEqual({ kind: 'AGENCY_HEAD', agencyCode: 'DISDIK' });
    expect(isSuppressionExempt(head, 'DISDIK')).toBe(true);
    expect(isSuppressionExempt(head, 'DINKES')).toBe(false);
    expect(isSuppressionExempt(head, null)).toBe(false); // a city-wide group is not their agency's
    expect(() => aggregateCallerFor('AGENCY_HEAD')).toThrow('agencyCode is required for an AGENCY_HEAD caller');
    expect(() => aggregateCallerFor('GUEST' as never)).toThrow('role "GUEST" is not one of');
  });
});

describe('decideSuppression: small groups and the second-group rule', () => {
  it('one small group: the sibling with the fewest employees goes with it', () => {
    // B 3 < 5 -> SMALL_GROUP; exactly one suppressed among A, B, C, D -> fewest of A 12, C 7, D 6 is D -> SECOND_GROUP
    expect(outcome(oneDimension({ A: 12, B: 3, C: 7, D: 6 }), RESTRICTED)).toEqual({
      A: '-',
      B: 'SMALL_GROUP',
      C: '-',
      D: 'SECOND_GROUP',
    });
  });

  it('a tie for the fewest employees: the lowest key goes', () => {
    // C and D both 6 -> C (C < D)
    expect(outcome(oneDimension({ D: 6, A: 12, C: 6, B: 3 }), RESTRICTED)).toEqual({
      A: '-',
      B: 'SMALL_GROUP',
      C: 'SECOND_GROUP',
      D: '-',
    });
  });

  it('two small groups already protect each other: no second group', () => {
    expect(outcome(oneDimension({ A: 12, B: 3, C: 4, D: 6 }), RESTRICTED)).toEqual({
      A: '-',
      B: 'SMALL_GROUP',
      C: 'SMALL_GROUP',
      D: '-',
    });
  });

  it('exactly at the minimum is shown; one below is not', () => {
    expect(outcome(oneDimension({ A: 5, B: 5 }), RESTRICTED)).toEqual({ A: '-', B: '-' });
    // A 4 -> SMALL; B is the only sibling left -> SECOND
    expect(outcome(oneDimension({ A: 4, B: 50 }), RESTRICTED)).toEqual({ A: 'SMALL_GROUP', B: 'SECOND_GROUP' });
  });

  it('a lone group has no sibling to suppress', () => {
    expect(outcome(oneDimension({ ALL: 3 }, false), RESTRICTED)).toEqual({ ALL: 'SMALL_GROUP' });
  });

  it('ADMIN and LEADER see everything', () => {
    expect(outcome(oneDimension({ A: 12, B: 3, C: 1 }), { kind: 'FULL' })).toEqual({ A: '-', B: '-', C: '-' });
  });

  it('an agency head sees their own small agency; the others are suppressed as for anyone', () => {
    // head of B: B (3) exempt -> nothing else small -> nothing suppressed
    expect(outcome(oneDimension({ A: 12, B: 3, C: 7, D: 6 }), { kind: 'AGENCY_HEAD', agencyCode: 'B' })).toEqual({
      A: '-',
      B: '-',
      C: '-',
      D: '-',
    });
    // head of D: B small; D (6) would be the second but is exempt -> the next fewest, C (7)
    expect(outcome(oneDimension({ A: 12, B: 3, C: 7, D: 6 }), { kind: 'AGENCY_HEAD', agencyCode: 'D' })).toEqual({
      A: '-',
      B: 'SMALL_GROUP',
      C: 'SECOND_GROUP',
      D: '-',
    });
  });

  it('two dimensions: siblings along each, applied until nothing changes', () => {
    // period x agency. P1: A 10, B 3, C 8; P2: A 10, B 6, C 9.
    // P1/B 3 -> SMALL.
    // along the period (same agency B): {P1/B, P2/B} has one suppressed -> P2/B (the only other) -> SECOND
    // along the agency in P1: {P1/A 10, P1/B, P1/C 8} has one -> P1/C (8 < 10) -> SECOND
    // along the agency in P2: {P2/A 10, P2/B, P2/C 9} now has one (P2/B) -> P2/C (9 < 10) -> SECOND
    // again: agency C along the period {P1/C, P2/C} has two; A's has none; P1 and P2 have two each -> done
    const groups: SuppressionGroup[] = [
      { keys: ['P1', 'A'], nEmployees: 10 },
      { keys: ['P1', 'B'], nEmployees: 3 },
      { keys: ['P1', 'C'], nEmployees: 8 },
      { keys: ['P2', 'A'], nEmployees: 10 },
      { keys: ['P2', 'B'], nEmployees: 6 },
      { keys: ['P2', 'C'], nEmployees: 9 },
    ];
    expect(outcome(groups, RESTRICTED)).toEqual({
      'P1/A': '-',
      'P1/B': 'SMALL_GROUP',
      'P1/C': 'SECOND_GROUP',
      'P2/A': '-',
      'P2/B': 'SECOND_GROUP',
      'P2/C': 'SECOND_GROUP',
    });
  });

  it('the policy minimum is a parameter', () => {
    // minimum 2: only B (1) is small; fewest of the others is C (2)
    expect(outcome(oneDimension({ A: 3, B: 1, C: 2 }), RESTRICTED, 2)).toEqual({
      A: '-',
      B: 'SMALL_GROUP',
      C: 'SECOND_GROUP',
    });
  });

  it('a suppressed group carries a note in both languages', () => {
    const [decision] = decideSuppression(oneDimension({ ALL: 3 }), RESTRICTED, 5);
    expect(decision).toEqual({ suppressed: true, note: SMALL });
    expect(analyticsNoteText(SMALL as never, 'id')).toBe(
      'Disembunyikan: kelompok ini berisi kurang dari 5 pegawai; nilai kelompok sekecil ini adalah data pribadi.',
    );
    expect(analyticsNoteText(SMALL as never, 'en')).toBe(
      'Suppressed: this group has fewer than 5 employees; the figures of so small a group are personal data.',
    );
    expect(analyticsNoteText(SECOND as never, 'id')).toContain('kelompok sejajar');
    expect(analyticsNoteText(SECOND as never, 'en')).toContain('sibling group of fewer than 5 employees');
  });

  it('refuses inconsistent input, naming the field', () => {
    expect(() =>
      decideSuppression(
        [
          { keys: ['A'], nEmployees: 5 },
          { keys: ['B', 'x'], nEmployees: 5 },
        ],
        RESTRICTED,
        5,
      ),
    ).toThrow('groups[1].keys has 2 values; the first group has 1');
    expect(() =>
      decideSuppression(
        [
          { keys: ['A'], nEmployees: 5 },
          { keys: ['A'], nEmployees: 6 },
        ],
        RESTRICTED,
        5,
      ),
    ).toThrow('groups[1].keys ["A"] appears twice');
    expect(() => decideSuppression([{ keys: ['A'], nEmployees: 1.5 }], RESTRICTED, 5)).toThrow('groups[0].nEmployees');
    expect(() => decideSuppression([], RESTRICTED, 0)).toThrow('minGroup must be a whole number of at least 1');
  });

  it('property: no sibling set of two or more is left with exactly one suppressed, and every small group is', () => {
    const grid = fc
      .record({
        rows: fc.integer({ min: 1, max: 4 }),
        cols: fc.integer({ min: 1, max: 5 }),
        min: fc.integer({ min: 1, max: 6 }),
      })
      .chain(({ rows, cols, min }) =>
        fc.record({
          min: fc.constant(min),
          groups: fc
            .array(fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }), {
              minLength: rows * cols,
              maxLength: rows * cols,
            })
            .map((sizes) =>
              sizes.flatMap((n, i) =>
                n === undefined ? [] : [{ keys: [`r${Math.floor(i / cols)}`, `c${i % cols}`], nEmployees: n }],
              ),
            ),
        }),
      );
    fc.assert(
      fc.property(grid, ({ groups, min }) => {
        const decisions = decideSuppression(groups, RESTRICTED, min);
        if (groups.some((g, i) => g.nEmployees < min && !decisions[i]!.suppressed)) return false;
        for (const dimension of [0, 1]) {
          const sets = new Map<string, number>();
          const sizes = new Map<string, number>();
          groups.forEach((g, i) => {
            const rest = g.keys[1 - dimension]!;
            sizes.set(rest, (sizes.get(rest) ?? 0) + 1);
            sets.set(rest, (sets.get(rest) ?? 0) + (decisions[i]!.suppressed ? 1 : 0));
          });
          for (const [rest, suppressed] of sets) if (suppressed === 1 && sizes.get(rest)! >= 2) return false;
        }
        return true;
      }),
    );
  });
});
