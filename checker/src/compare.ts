import {
  agencyComparison,
  distributionCheck,
  performanceTrend,
  scoreStatistics,
  type Metric,
  type PeriodRef,
  type StatDimension,
  type TrendGroupBy,
} from './analytics.js';
import { annualResults, COUNTED, type Dataset } from './data.js';
import { raterObjectivity, trainingImpact } from './people.js';

/**
 * Compares the recomputed figures with the API's answers for the same import folder (docs/checker.md): counts,
 * ranks, codes and enum values exactly, every other number within 1e-6. The caller needs a token that sees every
 * figure (ADMIN), so that nothing is suppressed.
 */

export const TOLERANCE = 1e-6;

export interface Mismatch {
  section: string;
  key: string;
  field: string;
  expected: unknown;
  actual: unknown;
}

export interface CheckReport {
  /** Sections compared (a query of the API contract the server has). */
  compared: string[];
  /** Sections of the contract the server does not have yet (not compared). */
  unavailable: string[];
  /** Figures compared. */
  figures: number;
  mismatches: Mismatch[];
}

export interface ApiOptions {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql */
  url: string;
  /** An ADMIN bearer token. */
  token: string;
}

type Json = Record<string, unknown>;

async function graphql(api: ApiOptions, query: string, variables: Json = {}): Promise<Json> {
  const response = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${api.token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Json; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(`API error: ${body.errors.map((e) => e.message).join('; ')}`);
  return body.data as Json;
}

class Comparer {
  figures = 0;
  mismatches: Mismatch[] = [];

  /** Exact comparison (counts, ranks, codes, enums, null-ness). */
  exact(section: string, key: string, field: string, expected: unknown, actual: unknown): void {
    this.figures++;
    if (expected !== actual) this.mismatches.push({ section, key, field, expected, actual });
  }

  /** Numbers within the tolerance; null must match null. */
  near(section: string, key: string, field: string, expected: number | null, actual: unknown): void {
    this.figures++;
    const ok =
      expected === null
        ? actual === null
        : typeof actual === 'number' && Math.abs(actual - expected) <= TOLERANCE * Math.max(1, Math.abs(expected));
    if (!ok) this.mismatches.push({ section, key, field, expected, actual });
  }

  /**
   * The rows of one section, matched by key: a row on one side only is a mismatch, and `check` compares each pair
   * present on both sides.
   */
  rows<E, A>(
    section: string,
    expected: Map<string, E>,
    actual: Map<string, A>,
    check: (key: string, e: E, a: A) => void,
  ): void {
    this.sameKeys(section, expected.keys(), actual.keys());
    for (const [key, e] of expected) {
      const a = actual.get(key);
      if (a !== undefined) check(key, e, a);
    }
  }

  /** Several numeric fields of one row, each within the tolerance. */
  nearFields<F extends string>(
    section: string,
    key: string,
    fields: readonly F[],
    expected: Record<F, number | null>,
    actual: Json,
  ): void {
    for (const f of fields) this.near(section, key, f, expected[f], actual[f]);
  }

  /** Keys present on one side only. */
  sameKeys(section: string, expected: Iterable<string>, actual: Iterable<string>): void {
    const a = new Set(actual);
    const e = new Set(expected);
    for (const k of e)
      if (!a.has(k)) this.mismatches.push({ section, key: k, field: '(row)', expected: 'present', actual: 'missing' });
    for (const k of a)
      if (!e.has(k)) this.mismatches.push({ section, key: k, field: '(row)', expected: 'missing', actual: 'present' });
    this.figures++;
  }
}

const RESULT_FIELDS = 'hasilKerjaScore perilakuKerjaScore score hasilKerjaRating perilakuKerjaRating predikat';

function compareResult(c: Comparer, section: string, key: string, expected: Json, actual: Json): void {
  for (const f of ['hasilKerjaScore', 'perilakuKerjaScore', 'score']) {
    c.near(section, key, f, expected[f] as number | null, actual[f]);
  }
  for (const f of ['hasilKerjaRating', 'perilakuKerjaRating', 'predikat'])
    c.exact(section, key, f, expected[f], actual[f]);
}

async function compareEvaluations(c: Comparer, api: ApiOptions, data: Dataset): Promise<void> {
  const section = 'evaluations';
  const actual = new Map<string, Json>();
  let after: string | null = null;
  for (;;) {
    const page = (
      await graphql(
        api,
        `query ($after: String) { evaluations(filter: { status: [SUBMITTED, ACKNOWLEDGED, FINAL] }, first: 500, after: $after) {
        pageInfo { hasNextPage endCursor }
        edges { node { employee { nip } period { year quarter } agency { code } status ${RESULT_FIELDS} } } } }`,
        { after },
      )
    ).evaluations as { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: Json }[] };
    for (const { node } of page.edges) {
      const period = node.period as PeriodRef;
      actual.set(`${(node.employee as Json).nip}|${period.year}|${period.quarter}`, node);
    }
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  const expected = new Map(
    data.evaluations.filter((e) => COUNTED.has(e.status)).map((e) => [`${e.nip}|${e.year}|${e.quarter}`, e]),
  );
  c.rows(section, expected, actual, (key, e, a) => {
    c.exact(section, key, 'agency', e.agencyCode, (a.agency as Json).code);
    c.exact(section, key, 'status', e.status, a.status);
    compareResult(c, section, key, e as unknown as Json, a);
  });
}

async function compareAnnualResults(c: Comparer, api: ApiOptions, data: Dataset): Promise<void> {
  const section = 'annualResult';
  const years = [...new Set(data.evaluations.map((e) => e.year))].sort();
  const fields = `${RESULT_FIELDS} innovationCount innovationRuleApplied`;
  const aliases = years.map((y) => `y${y}: annualResult(year: ${y}) { ${fields} }`).join(' ');
  const actual = new Map<string, Json>();
  let after: string | null = null;
  for (;;) {
    const page = (
      await graphql(
        api,
        `query ($after: String) { employees(first: 500, after: $after) {
        pageInfo { hasNextPage endCursor } edges { node { nip ${aliases} } } } }`,
        { after },
      )
    ).employees as { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: Json }[] };
    for (const { node } of page.edges) {
      for (const y of years) {
        const result = node[`y${y}`] as Json | null;
        if (result) actual.set(`${node.nip}|${y}`, result);
      }
    }
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  const expected = new Map(annualResults(data).map((a) => [`${a.nip}|${a.year}`, a]));
  c.rows(section, expected, actual, (key, e, a) => {
    compareResult(c, section, key, e as unknown as Json, a);
    c.exact(section, key, 'innovationCount', e.innovationCount, a.innovationCount);
    c.exact(section, key, 'innovationRuleApplied', e.innovationRuleApplied, a.innovationRuleApplied);
  });
}

function periodsOf(data: Dataset): { from: PeriodRef; to: PeriodRef; quarters: PeriodRef[]; years: number[] } {
  const keys = [...new Set(data.evaluations.map((e) => e.year * 4 + e.quarter - 1))].sort((a, b) => a - b);
  const quarters = keys.map((k) => ({ year: Math.floor(k / 4), quarter: (k % 4) + 1 }));
  return {
    from: quarters[0] as PeriodRef,
    to: quarters[quarters.length - 1] as PeriodRef,
    quarters,
    years: [...new Set(quarters.map((q) => q.year))],
  };
}

/**
 * `meansOnly`: asked without quartiles (and predikat counts), as a dashboard asks for means, which the server may
 * answer from another read model than the full answer: the same n, mean and stddev must come back.
 */
const TREND_CASES: { groupBy: TrendGroupBy; metric?: Metric; meansOnly?: boolean }[] = [
  { groupBy: 'NONE' },
  { groupBy: 'NONE', metric: 'HASIL_KERJA' },
  { groupBy: 'NONE', metric: 'PERILAKU_KERJA' },
  { groupBy: 'AGENCY' },
  { groupBy: 'CRITERION' },
  { groupBy: 'CRITERION', meansOnly: true },
  { groupBy: 'POSITION_TYPE' },
  { groupBy: 'EMPLOYMENT_TYPE' },
  { groupBy: 'RANK_GROUP', metric: 'HASIL_KERJA' },
];

async function compareTrend(c: Comparer, api: ApiOptions, data: Dataset): Promise<void> {
  const { from, to } = periodsOf(data);
  for (const input of TREND_CASES) {
    const section = `performanceTrend(${input.groupBy}${input.metric ? `, ${input.metric}` : ''}${input.meansOnly ? ', means only' : ''})`;
    const quartiles = input.meansOnly ? '' : 'median p25 p75';
    const points = (
      await graphql(
        api,
        `
          query ($input: TrendInput!) {
            performanceTrend(input: $input) {
              year
              quarter
              key
              n
              mean
              stddev
              ${quartiles}
              suppressed
            }
          }
        `,
        { input: { groupBy: input.groupBy, from, to, ...(input.metric ? { metric: input.metric } : {}) } },
      )
    ).performanceTrend as Json[];
    const actual = new Map(points.map((p) => [`${p.year}-Q${p.quarter}|${p.key}`, p]));
    const expected = new Map(
      performanceTrend(data, { ...input, from, to }).map((p) => [`${p.year}-Q${p.quarter}|${p.key}`, p]),
    );
    c.rows(section, expected, actual, (key, e, a) => {
      c.exact(section, key, 'suppressed', false, a.suppressed);
      c.exact(section, key, 'n', e.n, a.n);
      c.nearFields(
        section,
        key,
        input.meansOnly ? ['mean', 'stddev'] : ['mean', 'median', 'stddev', 'p25', 'p75'],
        e,
        a,
      );
    });
  }
}

async function compareAgencyComparison(c: Comparer, api: ApiOptions, data: Dataset): Promise<void> {
  const { quarters, years } = periodsOf(data);
  const cases: { year: number; quarter?: number }[] = [...years.map((year) => ({ year })), ...quarters];
  for (const { year, quarter } of cases) {
    const section = `agencyComparison(${year}${quarter ? `, ${quarter}` : ''})`;
    const rows = (
      await graphql(
        api,
        `
          query ($year: Int!, $quarter: Int) {
            agencyComparison(year: $year, quarter: $quarter) {
              agency {
                code
              }
              n
              meanScore
              rank
              predikatCounts {
                predikat
                count
                share
              }
              criterionMeans {
                criterion
                mean
              }
              trainingJpPerEmployee
              shareMeeting20Jp
              suppressed
            }
          }
        `,
        { year, quarter: quarter ?? null },
      )
    ).agencyComparison as Json[];
    const actual = new Map(rows.map((r) => [(r.agency as Json).code as string, r]));
    const expected = new Map(agencyComparison(data, year, quarter).map((s) => [s.agencyCode, s]));
    c.rows(section, expected, actual, (key, e, a) => {
      c.exact(section, key, 'suppressed', false, a.suppressed);
      c.exact(section, key, 'n', e.n, a.n);
      c.exact(section, key, 'rank', e.rank, a.rank);
      c.nearFields(section, key, ['meanScore', 'trainingJpPerEmployee', 'shareMeeting20Jp'], e, a);
      const counts = new Map(((a.predikatCounts as Json[]) ?? []).map((p) => [p.predikat as string, p]));
      for (const p of e.predikatCounts) {
        const got = counts.get(p.predikat);
        c.exact(section, key, `predikatCounts.${p.predikat}.count`, p.count, got ? got.count : 0);
        if (got) c.near(section, key, `predikatCounts.${p.predikat}.share`, p.share, got.share);
      }
      const means = new Map(((a.criterionMeans as Json[]) ?? []).map((m) => [m.criterion as string, m.mean]));
      c.rows(`${section} ${key} criterionMeans`, e.criterionMeans, means, (code, mean, got) =>
        c.near(section, key, `criterionMeans.${code}`, mean, got),
      );
    });
  }
}

const STAT_CASES: { groupBy: StatDimension[]; metric?: Metric; meansOnly?: boolean }[] = [
  { groupBy: ['AGENCY'] },
  { groupBy: ['YEAR', 'EMPLOYMENT_TYPE'] },
  { groupBy: ['PERIOD', 'PREDIKAT'] },
  { groupBy: ['CRITERION', 'YEAR'] },
  { groupBy: ['CRITERION', 'YEAR'], meansOnly: true },
  { groupBy: ['PERIOD', 'CRITERION', 'AGENCY'], meansOnly: true },
  { groupBy: ['RANK_GROUP', 'GENDER'], metric: 'PERILAKU_KERJA' },
  { groupBy: ['POSITION_TYPE'], metric: 'HASIL_KERJA' },
];

async function compareStatistics(c: Comparer, api: ApiOptions, data: Dataset): Promise<void> {
  const { from, to } = periodsOf(data);
  for (const input of STAT_CASES) {
    const section = `scoreStatistics(${input.groupBy.join('+')}${input.metric ? `, ${input.metric}` : ''}${input.meansOnly ? ', means only' : ''})`;
    const more = input.meansOnly ? '' : 'p25 median p75 predikatCounts { predikat count }';
    const groups = (
      await graphql(
        api,
        `
          query ($input: ScoreStatisticsInput!) {
            scoreStatistics(input: $input) {
              keys {
                dimension
                value
              }
              n
              mean
              stddev
              min
              max
              ${more}
              suppressed
            }
          }
        `,
        { input: { groupBy: input.groupBy, filter: { from, to }, ...(input.metric ? { metric: input.metric } : {}) } },
      )
    ).scoreStatistics as Json[];
    const actual = new Map(
      groups.map((g) => {
        const keys = new Map((g.keys as Json[]).map((k) => [k.dimension as string, k.value as string]));
        return [input.groupBy.map((d) => `${d}=${keys.get(d)}`).join(','), g];
      }),
    );
    const expected = new Map(scoreStatistics(data, { ...input, from, to }).map((g) => [g.key, g]));
    c.rows(section, expected, actual, (key, e, a) => {
      c.exact(section, key, 'suppressed', false, a.suppressed);
      c.exact(section, key, 'n', e.n, a.n);
      c.nearFields(
        section,
        key,
        input.meansOnly ? ['mean', 'stddev', 'min', 'max'] : ['mean', 'stddev', 'min', 'p25', 'median', 'p75', 'max'],
        e,
        a,
      );
      if (e.predikatCounts && !input.meansOnly) {
        const counts = new Map(((a.predikatCounts as Json[]) ?? []).map((p) => [p.predikat as string, p.count]));
        for (const p of ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG']) {
          c.exact(section, key, `predikatCounts.${p}`, e.predikatCounts.get(p) ?? 0, counts.get(p) ?? 0);
        }
      }
    });
  }
}

async function compareDistribution(c: Comparer, api: ApiOptions, data: Dataset): Promise<void> {
  const { years } = periodsOf(data);
  for (const year of years) {
    for (const agencyCode of data.agencies) {
      const section = 'distributionCheck';
      const key = `${agencyCode}|${year}`;
      const a = (
        await graphql(
          api,
          `
            query ($agencyCode: String!, $year: Int!) {
              distributionCheck(agencyCode: $agencyCode, year: $year) {
                counts {
                  predikat
                  count
                }
                rules {
                  rule
                  met
                }
                met
                suppressed
              }
            }
          `,
          { agencyCode, year },
        )
      ).distributionCheck as Json;
      const e = distributionCheck(data, agencyCode, year);
      c.exact(section, key, 'suppressed', false, a.suppressed);
      c.exact(section, key, 'met', e.met, a.met);
      const counts = new Map(((a.counts as Json[]) ?? []).map((p) => [p.predikat as string, p.count]));
      for (const p of ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const) {
        if (e.total > 0) c.exact(section, key, `counts.${p}`, e.counts.get(p) ?? 0, counts.get(p) ?? 0);
      }
      const rules = new Map(((a.rules as Json[]) ?? []).map((r) => [r.rule as string, r.met]));
      c.rows(`${section} ${key} rules`, e.rules, rules, (rule, met, got) =>
        c.exact(section, key, `rules.${rule}`, met, got),
      );
    }
  }
}

const DID_FIELDS = [
  'treatedPre',
  'treatedPost',
  'controlPre',
  'controlPost',
  'effect',
  'standardError',
  'ciLow',
  'ciHigh',
] as const;

/** Training impact for the whole city, each agency, each training, and other windows. */
async function compareTrainingImpact(c: Comparer, api: ApiOptions, data: Dataset): Promise<void> {
  const section = 'trainingImpact';
  const scopes: { trainingCode?: string; agencyCode?: string; window?: number }[] = [
    {},
    { window: 1 },
    { window: 3 },
    ...data.agencies.map((agencyCode) => ({ agencyCode })),
    ...[...data.trainingCriteria.keys()].sort().map((trainingCode) => ({ trainingCode })),
  ];
  for (const scope of scopes) {
    const key = JSON.stringify(scope);
    const a = (
      await graphql(
        api,
        `
          query ($input: TrainingImpactInput!) {
            trainingImpact(input: $input) {
              nTreated
              nControl
              treatedPre
              treatedPost
              controlPre
              controlPost
              effect
              standardError
              ciLow
              ciHigh
              preTrend {
                effect
                ciLow
                ciHigh
              }
              suppressed
            }
          }
        `,
        { input: scope },
      )
    ).trainingImpact as Json;
    const e = trainingImpact(data, scope);
    c.exact(section, key, 'suppressed', e.suppressed, a.suppressed);
    c.exact(section, key, 'nTreated', e.main?.nTreated ?? null, a.nTreated);
    c.exact(section, key, 'nControl', e.main?.nControl ?? null, a.nControl);
    for (const f of DID_FIELDS) c.near(section, key, f, e.main ? e.main[f] : null, a[f]);
    const pre = a.preTrend as Json | null;
    c.exact(section, key, 'preTrend', e.preTrend === null, pre === null);
    if (e.preTrend && pre) {
      for (const f of ['effect', 'ciLow', 'ciHigh'] as const)
        c.near(section, key, `preTrend.${f}`, e.preTrend[f], pre[f]);
    }
  }
}

/** Rater statistics over the whole range, each year, and each agency. */
async function compareRaterObjectivity(c: Comparer, api: ApiOptions, data: Dataset): Promise<void> {
  const section = 'raterObjectivity';
  const { from, to, years } = periodsOf(data);
  const index = (p: PeriodRef) => p.year * 4 + p.quarter - 1;
  const cases: { from: PeriodRef; to: PeriodRef; agencyCode?: string }[] = [
    { from, to },
    ...years.map((year) => ({ from: { year, quarter: 1 }, to: { year, quarter: 4 } })),
    ...data.agencies.map((agencyCode) => ({ from, to, agencyCode })),
  ];
  for (const input of cases) {
    const scope = `${input.from.year}-Q${input.from.quarter}..${input.to.year}-Q${input.to.quarter}${input.agencyCode ? ` ${input.agencyCode}` : ''}`;
    const rows = (
      await graphql(
        api,
        `
          query ($input: RaterObjectivityInput!) {
            raterObjectivity(input: $input) {
              assessor {
                nip
              }
              nEmployees
              nScores
              meanGiven
              leniency
              standardError
              z
              flags
              suppressed
            }
          }
        `,
        { input },
      )
    ).raterObjectivity as Json[];
    const actual = new Map(rows.map((r) => [`${scope} ${(r.assessor as Json | null)?.nip ?? '?'}`, r]));
    const expected = new Map(
      raterObjectivity(data, {
        from: index(input.from),
        to: index(input.to),
        ...(input.agencyCode ? { agencyCode: input.agencyCode } : {}),
      }).map((r) => [`${scope} ${r.assessorNip}`, r]),
    );
    c.rows(section, expected, actual, (key, e, a) => {
      c.exact(section, key, 'suppressed', false, a.suppressed);
      c.exact(section, key, 'nEmployees', e.nEmployees, a.nEmployees);
      c.exact(section, key, 'nScores', e.nScores, a.nScores);
      c.nearFields(section, key, ['meanGiven', 'leniency', 'standardError', 'z'], e, a);
      c.exact(section, key, 'flags', [...e.flags].sort().join(','), [...(a.flags as string[])].sort().join(','));
    });
  }
}

const SECTIONS: {
  name: string;
  queryField: string;
  run: (c: Comparer, api: ApiOptions, data: Dataset) => Promise<void>;
}[] = [
  { name: 'evaluations', queryField: 'evaluations', run: compareEvaluations },
  { name: 'annualResult', queryField: 'employees', run: compareAnnualResults },
  { name: 'performanceTrend', queryField: 'performanceTrend', run: compareTrend },
  { name: 'agencyComparison', queryField: 'agencyComparison', run: compareAgencyComparison },
  { name: 'scoreStatistics', queryField: 'scoreStatistics', run: compareStatistics },
  { name: 'distributionCheck', queryField: 'distributionCheck', run: compareDistribution },
  { name: 'trainingImpact', queryField: 'trainingImpact', run: compareTrainingImpact },
  { name: 'raterObjectivity', queryField: 'raterObjectivity', run: compareRaterObjectivity },
];

/** Runs every comparison whose query the server has; the report says which were compared and which not. */
export async function checkAgainstApi(api: ApiOptions, data: Dataset): Promise<CheckReport> {
  const schema = (await graphql(api, '{ __schema { queryType { fields { name } } } }')).__schema as Json;
  const fields = new Set(((schema.queryType as Json).fields as Json[]).map((f) => f.name as string));
  const c = new Comparer();
  const report: CheckReport = { compared: [], unavailable: [], figures: 0, mismatches: [] };
  for (const section of SECTIONS) {
    if (!fields.has(section.queryField)) {
      report.unavailable.push(section.name);
      continue;
    }
    await section.run(c, api, data);
    report.compared.push(section.name);
  }
  report.figures = c.figures;
  report.mismatches = c.mismatches;
  return report;
}
