import type { OrgPredikat, Predikat } from '../enums.js';
import { predikatCounts, type PredikatCount } from './descriptive.js';
import type { AnalyticsNote, NoteLocale } from './notes.js';

/**
 * The distribution check of SE MenPANRB 3/2023 (docs/analytics.md, "Distribution check"): the pattern of employees'
 * annual predikat that an agency's own predikat allows. It reports; it never changes a rating.
 */

/** How a rule bounds its count: a share of the employees (percent) or a number of employees. */
export type DistributionBound = 'MAX_PERCENT' | 'MIN_PERCENT' | 'MIN_COUNT' | 'MAX_COUNT';

export interface DistributionRule {
  /** Stable code of the rule, e.g. `SANGAT_BAIK_MAX_70_PERCENT`. */
  rule: string;
  /** The predikat whose employees the rule counts (together). */
  predikats: readonly Predikat[];
  bound: DistributionBound;
  /** The percent (0-100) or the number of employees. */
  limit: number;
}

function rule(predikats: Predikat[], bound: DistributionBound, limit: number): DistributionRule {
  const suffix = {
    MAX_PERCENT: `MAX_${limit}_PERCENT`,
    MIN_PERCENT: `MIN_${limit}_PERCENT`,
    MIN_COUNT: `MIN_${limit}`,
    MAX_COUNT: `MAX_${limit}`,
  }[bound];
  return { rule: `${predikats.join('_OR_')}_${suffix}`, predikats, bound, limit };
}

/** The rules each org predikat sets (SE MenPANRB 3/2023); "KURANG" counts KURANG only. */
export const DISTRIBUTION_RULES: Readonly<Record<OrgPredikat, readonly DistributionRule[]>> = {
  ISTIMEWA: [rule(['SANGAT_BAIK'], 'MAX_PERCENT', 70)],
  BAIK: [rule(['BAIK'], 'MAX_PERCENT', 70), rule(['BUTUH_PERBAIKAN', 'KURANG'], 'MIN_COUNT', 1)],
  BUTUH_PERBAIKAN: [rule(['BUTUH_PERBAIKAN'], 'MIN_PERCENT', 60), rule(['SANGAT_BAIK'], 'MAX_PERCENT', 10)],
  KURANG: [
    rule(['KURANG'], 'MIN_PERCENT', 60),
    rule(['BUTUH_PERBAIKAN'], 'MIN_PERCENT', 10),
    rule(['SANGAT_BAIK'], 'MAX_PERCENT', 10),
  ],
  SANGAT_KURANG: [
    rule(['SANGAT_KURANG'], 'MIN_PERCENT', 60),
    rule(['KURANG', 'BUTUH_PERBAIKAN'], 'MIN_PERCENT', 10),
    rule(['SANGAT_BAIK'], 'MAX_COUNT', 0),
  ],
};

export interface DistributionRuleResult extends DistributionRule {
  met: boolean;
  /** Employees with one of the rule's predikat. */
  count: number;
  /** Employees counted in the check. */
  total: number;
}

export interface DistributionCheckResult {
  orgPredikat: OrgPredikat | null;
  counts: PredikatCount[];
  rules: DistributionRuleResult[];
  /** Every rule met; null with a note when there are no employees or no org predikat. */
  met: boolean | null;
  note: AnalyticsNote | null;
}

export interface DistributionCheckInput {
  agencyCode: string;
  year: number;
  /** The agency's org predikat for the year as set by a leader (a proposal does not count); null when none. */
  orgPredikat: OrgPredikat | null;
  /** The annual predikat (after the innovation rule) of each employee counted in the agency that year. */
  predikats: readonly Predikat[];
}

export function distributionCheck(input: DistributionCheckInput): DistributionCheckResult {
  const counts = predikatCounts(input.predikats);
  const total = input.predikats.length;
  const { agencyCode, year, orgPredikat } = input;
  if (orgPredikat === null) {
    return {
      orgPredikat,
      counts,
      rules: [],
      met: null,
      note: { code: 'DISTRIBUTION_NO_ORG_PREDIKAT', params: { agencyCode, year } },
    };
  }
  const rules = DISTRIBUTION_RULES[orgPredikat];
  if (rules === undefined) throw new RangeError(`orgPredikat "${String(orgPredikat)}" is not an org predikat`);
  if (total === 0) {
    return {
      orgPredikat,
      counts,
      rules: [],
      met: null,
      note: { code: 'DISTRIBUTION_NO_EMPLOYEES', params: { agencyCode, year } },
    };
  }
  const results = rules.map((r) => {
    const count = counts.filter((c) => r.predikats.includes(c.predikat)).reduce((sum, c) => sum + c.count, 0);
    return { ...r, count, total, met: ruleMet(r, count, total) };
  });
  return { orgPredikat, counts, rules: results, met: results.every((r) => r.met), note: null };
}

/** Whole-number comparisons (count * 100 against limit * total), so 7 of 10 is exactly 70%. */
function ruleMet(r: DistributionRule, count: number, total: number): boolean {
  switch (r.bound) {
    case 'MAX_PERCENT':
      return count * 100 <= r.limit * total;
    case 'MIN_PERCENT':
      return count * 100 >= r.limit * total;
    case 'MIN_COUNT':
      return count >= r.limit;
    case 'MAX_COUNT':
      return count <= r.limit;
  }
}

const PREDIKAT_LABELS: Record<Predikat, string> = {
  SANGAT_BAIK: 'Sangat Baik',
  BAIK: 'Baik',
  BUTUH_PERBAIKAN: 'Butuh Perbaikan',
  KURANG: 'Kurang',
  SANGAT_KURANG: 'Sangat Kurang',
};

/** The `detail` of a rule in the caller's language: what it asks, the count, and whether it is met. */
export function distributionRuleText(r: DistributionRuleResult, locale: NoteLocale): string {
  const names = r.predikats.map((p) => PREDIKAT_LABELS[p]).join(locale === 'id' ? ' atau ' : ' or ');
  const id = {
    MAX_PERCENT: `paling banyak ${r.limit}% ${names}`,
    MIN_PERCENT: `paling sedikit ${r.limit}% ${names}`,
    MIN_COUNT: `paling sedikit ${r.limit} pegawai ${names}`,
    MAX_COUNT: r.limit === 0 ? `tidak ada ${names}` : `paling banyak ${r.limit} pegawai ${names}`,
  }[r.bound];
  const en = {
    MAX_PERCENT: `at most ${r.limit}% ${names}`,
    MIN_PERCENT: `at least ${r.limit}% ${names}`,
    MIN_COUNT: `at least ${r.limit} ${names}`,
    MAX_COUNT: r.limit === 0 ? `no ${names}` : `at most ${r.limit} ${names}`,
  }[r.bound];
  return locale === 'id'
    ? `${id}: ${r.count} dari ${r.total} pegawai, ${r.met ? 'terpenuhi' : 'tidak terpenuhi'}.`
    : `${en}: ${r.count} of ${r.total} employees, ${r.met ? 'met' : 'broken'}.`;
}
