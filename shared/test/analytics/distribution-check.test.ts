import { describe, expect, it } from 'vitest';
import type { OrgPredikat, Predikat } from '../../src/enums.js';
import { distributionCheck, distributionRuleText } from '../../src/analytics/distribution-check.js';

/** Predikat written as { SANGAT_BAIK: 7, BAIK: 3 }. */
function employees(counts: Partial<Record<Predikat, number>>): Predikat[] {
  return Object.entries(counts).flatMap(([p, n]) => Array<Predikat>(n).fill(p as Predikat));
}

function check(orgPredikat: OrgPredikat | null, counts: Partial<Record<Predikat, number>>) {
  return distributionCheck({ agencyCode: 'DISDIK', year: 2025, orgPredikat, predikats: employees(counts) });
}

function rules(orgPredikat: OrgPredikat, counts: Partial<Record<Predikat, number>>) {
  const r = check(orgPredikat, counts);
  return { met: r.met, rules: r.rules.map((x) => [x.rule, x.count, x.total, x.met]) };
}

describe('distributionCheck: the pattern each org predikat allows (SE MenPANRB 3/2023)', () => {
  it.each([
    // org predikat, employees' annual predikat, expected rules [rule, count, total, met], overall, working
    ['ISTIMEWA', { SANGAT_BAIK: 7, BAIK: 3 }, [['SANGAT_BAIK_MAX_70_PERCENT', 7, 10, true]], true], // 7/10 = 70% <= 70%
    ['ISTIMEWA', { SANGAT_BAIK: 8, BAIK: 2 }, [['SANGAT_BAIK_MAX_70_PERCENT', 8, 10, false]], false], // 80% > 70%
    ['ISTIMEWA', { SANGAT_BAIK: 2, BAIK: 1 }, [['SANGAT_BAIK_MAX_70_PERCENT', 2, 3, true]], true], // 66.7% <= 70%
    [
      'BAIK',
      { BAIK: 7, SANGAT_BAIK: 2, KURANG: 1 }, // BAIK 70% <= 70%; BUTUH_PERBAIKAN or KURANG: 1 >= 1
      [
        ['BAIK_MAX_70_PERCENT', 7, 10, true],
        ['BUTUH_PERBAIKAN_OR_KURANG_MIN_1', 1, 10, true],
      ],
      true,
    ],
    [
      'BAIK',
      { BAIK: 8, SANGAT_BAIK: 1, SANGAT_KURANG: 1 }, // 80% > 70%; SANGAT_KURANG is not BUTUH_PERBAIKAN or KURANG
      [
        ['BAIK_MAX_70_PERCENT', 8, 10, false],
        ['BUTUH_PERBAIKAN_OR_KURANG_MIN_1', 0, 10, false],
      ],
      false,
    ],
    [
      'BUTUH_PERBAIKAN',
      { BUTUH_PERBAIKAN: 6, SANGAT_BAIK: 1, BAIK: 3 }, // 60% >= 60%; 10% <= 10%
      [
        ['BUTUH_PERBAIKAN_MIN_60_PERCENT', 6, 10, true],
        ['SANGAT_BAIK_MAX_10_PERCENT', 1, 10, true],
      ],
      true,
    ],
    [
      'BUTUH_PERBAIKAN',
      { BUTUH_PERBAIKAN: 5, SANGAT_BAIK: 2, BAIK: 3 }, // 50% < 60%; 20% > 10%
      [
        ['BUTUH_PERBAIKAN_MIN_60_PERCENT', 5, 10, false],
        ['SANGAT_BAIK_MAX_10_PERCENT', 2, 10, false],
      ],
      false,
    ],
    [
      'KURANG',
      { KURANG: 6, BUTUH_PERBAIKAN: 1, SANGAT_BAIK: 1, SANGAT_KURANG: 2 }, // 60%, 10%, 10%: all met
      [
        ['KURANG_MIN_60_PERCENT', 6, 10, true],
        ['BUTUH_PERBAIKAN_MIN_10_PERCENT', 1, 10, true],
        ['SANGAT_BAIK_MAX_10_PERCENT', 1, 10, true],
      ],
      true,
    ],
    [
      'KURANG',
      { KURANG: 5, SANGAT_KURANG: 2, BUTUH_PERBAIKAN: 1, BAIK: 2 }, // KURANG counts KURANG only: 5/10 = 50% < 60%
      [
        ['KURANG_MIN_60_PERCENT', 5, 10, false],
        ['BUTUH_PERBAIKAN_MIN_10_PERCENT', 1, 10, true],
        ['SANGAT_BAIK_MAX_10_PERCENT', 0, 10, true],
      ],
      false,
    ],
    [
      'SANGAT_KURANG',
      { SANGAT_KURANG: 6, KURANG: 1, SANGAT_BAIK: 1, BAIK: 2 }, // 60%; KURANG + BUTUH_PERBAIKAN 1 = 10%; one SANGAT_BAIK
      [
        ['SANGAT_KURANG_MIN_60_PERCENT', 6, 10, true],
        ['KURANG_OR_BUTUH_PERBAIKAN_MIN_10_PERCENT', 1, 10, true],
        ['SANGAT_BAIK_MAX_0', 1, 10, false],
      ],
      false,
    ],
    [
      'SANGAT_KURANG',
      { SANGAT_KURANG: 7, BUTUH_PERBAIKAN: 1, BAIK: 2 }, // 70%; 1 = 10%; no SANGAT_BAIK
      [
        ['SANGAT_KURANG_MIN_60_PERCENT', 7, 10, true],
        ['KURANG_OR_BUTUH_PERBAIKAN_MIN_10_PERCENT', 1, 10, true],
        ['SANGAT_BAIK_MAX_0', 0, 10, true],
      ],
      true,
    ],
  ] as const)('%s with %j', (org, counts, expectedRules, met) => {
    expect(rules(org, counts)).toEqual({ met, rules: expectedRules });
  });

  it('gives the predikat counts and shares', () => {
    const r = check('ISTIMEWA', { SANGAT_BAIK: 7, BAIK: 3 });
    expect(r.counts.slice(0, 2)).toEqual([
      { predikat: 'SANGAT_BAIK', count: 7, share: 0.7 },
      { predikat: 'BAIK', count: 3, share: 0.3 },
    ]);
    expect(r.note).toBeNull();
  });

  it('no org predikat: met null and a note', () => {
    const r = check(null, { BAIK: 3 });
    expect(r.met).toBeNull();
    expect(r.rules).toEqual([]);
    expect(r.counts[1]).toEqual({ predikat: 'BAIK', count: 3, share: 1 });
    expect(r.note).toEqual({ code: 'DISTRIBUTION_NO_ORG_PREDIKAT', params: { agencyCode: 'DISDIK', year: 2025 } });
  });

  it('no employees: met null and a note', () => {
    const r = check('BAIK', {});
    expect(r.met).toBeNull();
    expect(r.rules).toEqual([]);
    expect(r.note).toEqual({ code: 'DISTRIBUTION_NO_EMPLOYEES', params: { agencyCode: 'DISDIK', year: 2025 } });
  });

  it('says what each rule asks, the count and the outcome, Indonesian first', () => {
    const [pct, none] = [
      check('BAIK', { BAIK: 8, SANGAT_BAIK: 2 }).rules[0]!,
      check('SANGAT_KURANG', { SANGAT_KURANG: 10 }).rules[2]!,
    ];
    expect(distributionRuleText(pct, 'id')).toBe('paling banyak 70% Baik: 8 dari 10 pegawai, tidak terpenuhi.');
    expect(distributionRuleText(pct, 'en')).toBe('at most 70% Baik: 8 of 10 employees, broken.');
    expect(distributionRuleText(none, 'id')).toBe('tidak ada Sangat Baik: 0 dari 10 pegawai, terpenuhi.');
    expect(distributionRuleText(none, 'en')).toBe('no Sangat Baik: 0 of 10 employees, met.');
  });
});
