import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SCORING_POLICY } from '@kinerja/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoData } from '../../src/demo-data/generate.js';
import { runImport } from '../../src/modules/import/import.service.js';
import { closeHistoryThrough } from '../../src/modules/results/index.js';
import { accountToken } from '../helpers/auth.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { startTestServer, UNLIMITED_COST, type TestServer } from '../helpers/server.js';
import { ok, type Json } from '../workflow/helpers.js';

/**
 * Issue 9 acceptance 5 (docs/analytics.md "Suppression"): for a POLICY or ANALYST caller, no aggregate group of any
 * analytics query with fewer distinct employees than the policy's minimum carries a non-null number, and within
 * every answer no set of siblings (groups whose keys agree on every dimension but one) has exactly one suppressed
 * member; ranks are computed among all agencies, a suppressed one's rank is null and it is listed after the ranked.
 *
 * The sizes of the groups are counted here from the raw tables (evaluation, evaluation_score, employee,
 * annual_result), not from the read models the queries read. The criterion-level answers are asked twice, with
 * every figure and without quartiles or predikat counts (then read from the cells, `analytics_cell`, where each group
 * lies in one quarter), and must take the same decisions. Small demo data (90 employees) make small groups; the
 * whole check runs under the default minimum (5) and again under a policy whose minimum is 8.
 */

const TODAY = '2026-12-02';

const DIMENSIONS = [
  'YEAR',
  'PERIOD',
  'AGENCY',
  'CRITERION',
  'POSITION_TYPE',
  'EMPLOYMENT_TYPE',
  'RANK_GROUP',
  'GENDER',
  'PREDIKAT',
] as const;
type Dimension = (typeof DIMENSIONS)[number];
type Metric = 'SCORE' | 'HASIL_KERJA' | 'PERILAKU_KERJA';

const TREND = `query ($input: TrendInput!) { performanceTrend(input: $input) {
  year quarter key n mean median stddev p25 p75 suppressed note } }`;
const STATS = `query ($input: ScoreStatisticsInput!) { scoreStatistics(input: $input) {
  keys { dimension value } n mean stddev min p25 median p75 max predikatCounts { count share } suppressed note } }`;
/** Without quartiles or predikat counts: criterion-level answers read from the cells (analytics_cell). */
const TREND_MEANS = `query ($input: TrendInput!) { performanceTrend(input: $input) {
  year quarter key n mean stddev suppressed note } }`;
const STATS_MEANS = `query ($input: ScoreStatisticsInput!) { scoreStatistics(input: $input) {
  keys { dimension value } n mean stddev min max suppressed note } }`;
const COMPARISON = `query ($year: Int!, $quarter: Int) { agencyComparison(year: $year, quarter: $quarter) {
  agency { code } n meanScore rank predikatCounts { count share } criterionMeans { criterion mean suppressed }
  trainingJpPerEmployee shareMeeting20Jp suppressed note } }`;
const DISTRIBUTION = `query ($agencyCode: String!, $year: Int!) { distributionCheck(agencyCode: $agencyCode, year: $year) {
  counts { count share } rules { rule met detail } met suppressed note } }`;
const IMPACT = `query ($input: TrainingImpactInput!) { trainingImpact(input: $input) {
  nTreated nControl treatedPre treatedPost controlPre controlPost effect standardError ciLow ciHigh
  preTrend { effect ciLow ciHigh } suppressed note } }`;
const RATERS = `query ($input: RaterObjectivityInput!) { raterObjectivity(input: $input) {
  assessor { nip name pseudonym } nEmployees nScores meanGiven leniency standardError z flags suppressed note } }`;
const NEEDS = `query { trainingNeeds { employee { nip name pseudonym } criterion scores { score } } }`;
const ANNUAL = `query { annualResults(first: 50) { totalCount edges { node { employee { nip name pseudonym } score } } } }`;
const CURRENT = `query { currentPeriod { year quarter status } }`;

interface EvalRow {
  id: number;
  employee_id: number;
  agency: string;
  assessor_id: number | null;
  year: number;
  quarter: number;
  score: number | null;
  hasil_kerja_score: number | null;
  perilaku_kerja_score: number | null;
  predikat: string | null;
  position_type: string | null;
  employment_type: string | null;
  rank: string | null;
  gender: string | null;
}
interface ScoreRow {
  evaluation_id: number;
  code: string;
  score: number | null;
  judged: boolean;
}
interface Raw {
  evaluations: EvalRow[];
  byId: Map<number, EvalRow>;
  scores: ScoreRow[];
  annual: { employee_id: number; year: number; score: number | null; predikat: string | null }[];
  agencies: string[];
  trainings: string[];
  years: number[];
}

/** A group of an answer, as the checks below see it. */
interface Group {
  keys: string[];
  suppressed: boolean;
  numbers: unknown[];
}

/** The rank group of docs/analytics.md "What every figure counts", written out here. */
function rankGroupOf(e: EvalRow): string {
  if (e.employment_type === 'PPPK') return 'PPPK';
  const m = e.employment_type === 'PNS' ? /^(IV|III|II|I)\/[a-e]$/.exec(e.rank ?? '') : null;
  return m ? m[1]! : 'UNKNOWN';
}

function keyOf(d: Dimension | 'ALL', e: EvalRow, code: string | null): string {
  switch (d) {
    case 'ALL':
      return 'ALL';
    case 'YEAR':
      return String(e.year);
    case 'PERIOD':
      return `${e.year}-Q${e.quarter}`;
    case 'AGENCY':
      return e.agency;
    case 'CRITERION':
      return code!;
    case 'POSITION_TYPE':
      return e.position_type ?? 'UNKNOWN';
    case 'EMPLOYMENT_TYPE':
      return e.employment_type ?? 'UNKNOWN';
    case 'RANK_GROUP':
      return rankGroupOf(e);
    case 'GENDER':
      return e.gender ?? 'UNKNOWN';
    case 'PREDIKAT':
      return e.predikat ?? 'NONE';
  }
}

const METRIC: Record<Metric, (e: EvalRow) => number | null> = {
  SCORE: (e) => e.score,
  HASIL_KERJA: (e) => e.hasil_kerja_score,
  PERILAKU_KERJA: (e) => e.perilaku_kerja_score,
};

/** Distinct employees per group key (keys joined by '|') of a grouped answer, counted from the raw rows. */
function groupSizes(raw: Raw, dims: readonly (Dimension | 'ALL')[], metric: Metric): Map<string, number> {
  const sets = new Map<string, Set<number>>();
  const add = (keys: string[], employee: number) => {
    const k = keys.join('|');
    const set = sets.get(k) ?? new Set<number>();
    set.add(employee);
    sets.set(k, set);
  };
  if (dims.includes('CRITERION')) {
    for (const s of raw.scores) {
      const e = raw.byId.get(s.evaluation_id);
      if (!e || s.score === null) continue;
      add(
        dims.map((d) => keyOf(d, e, s.code)),
        e.employee_id,
      );
    }
  } else {
    for (const e of raw.evaluations) {
      if (METRIC[metric](e) === null) continue;
      add(
        dims.map((d) => keyOf(d, e, null)),
        e.employee_id,
      );
    }
  }
  return new Map([...sets].map(([k, v]) => [k, v.size]));
}

/**
 * The two rules over one answer: a group smaller than `min` (or any suppressed group) has only null numbers, a shown
 * group has at least `min` employees, and no sibling set of two or more has exactly one suppressed member. Answers
 * the number of suppressed groups.
 */
function checkAnswer(label: string, groups: Group[], sizes: Map<string, number>, min: number): number {
  for (const g of groups) {
    const size = sizes.get(g.keys.join('|'));
    expect(size, `${label} ${g.keys.join('|')}: a group the raw data do not have`).toBeDefined();
    if (size! < min) expect(g.suppressed, `${label} ${g.keys.join('|')}: ${size} employees shown`).toBe(true);
    if (g.suppressed) {
      for (const x of g.numbers) expect(x, `${label} ${g.keys.join('|')}: a number of a suppressed group`).toBeNull();
    }
  }
  const width = groups[0]?.keys.length ?? 0;
  for (let d = 0; d < width; d++) {
    const sets = new Map<string, Group[]>();
    for (const g of groups) {
      const other = g.keys.filter((_, i) => i !== d).join('|');
      sets.set(other, [...(sets.get(other) ?? []), g]);
    }
    for (const [other, members] of sets) {
      if (members.length < 2) continue;
      const hidden = members.filter((m) => m.suppressed).length;
      expect(hidden, `${label}: siblings on dimension ${d} of (${other}) with exactly one suppressed`).not.toBe(1);
    }
  }
  return groups.filter((g) => g.suppressed).length;
}

async function readRaw(db: TestDatabase): Promise<Raw> {
  const connection = db.orm.em.fork().getConnection();
  const evaluations = (await connection.execute(
    `select ev.id, ev.employee_id, ag.code as agency, ev.assessor_id, p.year, p.quarter, ev.score,
            ev.hasil_kerja_score, ev.perilaku_kerja_score, ev.predikat,
            e.position_type, e.employment_type, e.rank, e.gender
       from evaluation ev join period p on p.id = ev.period_id join agency ag on ag.id = ev.agency_id
       join employee e on e.id = ev.employee_id
      where ev.status in ('SUBMITTED', 'ACKNOWLEDGED', 'FINAL')`,
  )) as EvalRow[];
  const numeric = (x: unknown) => (x === null ? null : Number(x));
  for (const e of evaluations) {
    e.score = numeric(e.score);
    e.hasil_kerja_score = numeric(e.hasil_kerja_score);
    e.perilaku_kerja_score = numeric(e.perilaku_kerja_score);
  }
  const scores = (await connection.execute(
    `select s.evaluation_id, c.code, s.score, not s.derived_from_indicator as judged
       from evaluation_score s join criterion c on c.id = s.criterion_id`,
  )) as ScoreRow[];
  const annual = (await connection.execute(
    'select employee_id, year, score, predikat from annual_result',
  )) as Raw['annual'];
  const agencies = ((await connection.execute('select code from agency order by code')) as { code: string }[]).map(
    (a) => a.code,
  );
  const trainings = ((await connection.execute('select code from training order by code')) as { code: string }[]).map(
    (t) => t.code,
  );
  const years = [...new Set(evaluations.map((e) => e.year))].sort();
  return { evaluations, byId: new Map(evaluations.map((e) => [e.id, e])), scores, annual, agencies, trainings, years };
}

/** The agency of each employee's last counted evaluation of a year (docs/analytics.md "Agency comparison"). */
function agencyOfYear(raw: Raw, year: number): Map<number, string> {
  const last = new Map<number, EvalRow>();
  for (const e of raw.evaluations) {
    if (e.year !== year) continue;
    const seen = last.get(e.employee_id);
    if (!seen || e.quarter > seen.quarter) last.set(e.employee_id, e);
  }
  return new Map([...last].map(([id, e]) => [id, e.agency]));
}

/** Whether a score's evaluation lies in the range of `filter` (both ends inclusive). */
function inQuarter(
  raw: Raw,
  score: ScoreRow,
  filter: { from: { year: number; quarter: number }; to: { year: number; quarter: number } },
): boolean {
  const e = raw.byId.get(score.evaluation_id);
  if (!e) return false;
  const index = e.year * 4 + e.quarter - 1;
  return index >= filter.from.year * 4 + filter.from.quarter - 1 && index <= filter.to.year * 4 + filter.to.quarter - 1;
}

interface Callers {
  admin: Record<string, string>;
  restricted: { role: string; headers: Record<string, string> }[];
}

/** Every analytics query for every restricted caller, checked against the raw sizes; answers coverage counts. */
async function checkEveryQuery(server: TestServer, raw: Raw, callers: Callers, min: number) {
  const coverage = { answers: 0, groups: 0, suppressed: 0, secondGroup: 0 };
  const count = (groups: Group[], hidden: number, notes: (string | null)[]) => {
    coverage.answers++;
    coverage.groups += groups.length;
    coverage.suppressed += hidden;
    coverage.secondGroup += notes.filter((n) => n !== null && /^Disembunyikan bersama/.test(n)).length;
  };
  const years = raw.years;
  const range = { from: { year: years[0]!, quarter: 1 }, to: { year: years.at(-1)!, quarter: 4 } };

  for (const { role, headers } of callers.restricted) {
    // performanceTrend: every grouping; the category metrics on the ungrouped and agency trends.
    const trends: [string, Metric][] = [
      ['NONE', 'SCORE'],
      ['AGENCY', 'SCORE'],
      ['AGENCY', 'HASIL_KERJA'],
      ['NONE', 'PERILAKU_KERJA'],
      ['CRITERION', 'SCORE'],
      ['POSITION_TYPE', 'SCORE'],
      ['EMPLOYMENT_TYPE', 'SCORE'],
      ['RANK_GROUP', 'SCORE'],
    ];
    for (const [groupBy, metric] of trends) {
      const data = await ok(server, headers, TREND, { input: { ...range, groupBy, metric } });
      const points = data.performanceTrend as Json[];
      const groups = points.map((p) => ({
        keys: [`${p.year}-Q${p.quarter}`, p.key],
        suppressed: p.suppressed,
        numbers: [p.n, p.mean, p.median, p.stddev, p.p25, p.p75],
      }));
      const dims: (Dimension | 'ALL')[] = ['PERIOD', groupBy === 'NONE' ? 'ALL' : (groupBy as Dimension)];
      const label = `${role} performanceTrend ${groupBy} ${metric}`;
      count(
        groups,
        checkAnswer(label, groups, groupSizes(raw, dims, metric), min),
        points.map((p) => p.note),
      );
    }

    // The criterion-level answers without quartiles or predikat counts (from the cells where each group lies in one
    // quarter; from the scores otherwise): the same rules, and the same decisions as the answers with every figure.
    const oneQuarter = { from: { year: years[0]!, quarter: 2 }, to: { year: years[0]!, quarter: 2 } };
    const meansOnly: { groupBy: Dimension[]; filter: typeof range }[] = [
      { groupBy: ['PERIOD', 'CRITERION'], filter: range },
      { groupBy: ['PERIOD', 'CRITERION', 'AGENCY'], filter: range },
      { groupBy: ['PERIOD', 'CRITERION', 'GENDER'], filter: range },
      { groupBy: ['CRITERION', 'RANK_GROUP'], filter: range },
      { groupBy: ['CRITERION', 'AGENCY'], filter: oneQuarter },
    ];
    {
      const input = { ...range, groupBy: 'CRITERION' };
      const means = (await ok(server, headers, TREND_MEANS, { input })).performanceTrend as Json[];
      const full = (await ok(server, headers, TREND, { input })).performanceTrend as Json[];
      const label = `${role} performanceTrend CRITERION, means only`;
      expect(
        means.map((p) => [p.year, p.quarter, p.key, p.suppressed, p.note]),
        label,
      ).toEqual(full.map((p) => [p.year, p.quarter, p.key, p.suppressed, p.note]));
      const groups = means.map((p) => ({
        keys: [`${p.year}-Q${p.quarter}`, p.key],
        suppressed: p.suppressed,
        numbers: [p.n, p.mean, p.stddev],
      }));
      count(
        groups,
        checkAnswer(label, groups, groupSizes(raw, ['PERIOD', 'CRITERION'], 'SCORE'), min),
        means.map((p) => p.note),
      );
    }
    for (const { groupBy, filter } of meansOnly) {
      const input = { groupBy, filter };
      const means = (await ok(server, headers, STATS_MEANS, { input })).scoreStatistics as Json[];
      const full = (await ok(server, headers, STATS, { input })).scoreStatistics as Json[];
      const label = `${role} scoreStatistics [${groupBy.join(', ')}] ${filter === range ? '' : 'one quarter, '}means only`;
      const decisions = (rows: Json[]) =>
        rows.map((r) => [(r.keys as Json[]).map((k) => k.value).join('|'), r.suppressed, r.note]);
      expect(decisions(means), label).toEqual(decisions(full));
      const groups = means.map((r) => ({
        keys: (r.keys as Json[]).map((k) => k.value as string),
        suppressed: r.suppressed,
        numbers: [r.n, r.mean, r.stddev, r.min, r.max],
      }));
      const rows = filter === range ? raw : { ...raw, scores: raw.scores.filter((x) => inQuarter(raw, x, filter)) };
      count(
        groups,
        checkAnswer(label, groups, groupSizes(rows, groupBy, 'SCORE'), min),
        means.map((r) => r.note),
      );
    }

    // scoreStatistics: every dimension alone, none, and combinations of two and three.
    const groupings: Dimension[][] = [
      [],
      ...DIMENSIONS.map((d) => [d]),
      ['AGENCY', 'GENDER'],
      ['PERIOD', 'RANK_GROUP'],
      ['CRITERION', 'AGENCY'],
      ['YEAR', 'EMPLOYMENT_TYPE', 'PREDIKAT'],
      ['POSITION_TYPE', 'GENDER', 'AGENCY'],
    ];
    for (const groupBy of groupings) {
      for (const metric of ['SCORE', 'HASIL_KERJA'] as Metric[]) {
        if (metric !== 'SCORE' && groupBy.includes('CRITERION')) continue;
        const data = await ok(server, headers, STATS, { input: { groupBy, metric, filter: range } });
        const rows = data.scoreStatistics as Json[];
        const groups = rows.map((r) => ({
          keys: groupBy.length === 0 ? ['ALL'] : (r.keys as Json[]).map((k) => k.value as string),
          suppressed: r.suppressed,
          numbers: [r.n, r.mean, r.stddev, r.min, r.p25, r.median, r.p75, r.max, r.predikatCounts],
        }));
        const label = `${role} scoreStatistics [${groupBy.join(', ')}] ${metric}`;
        const sizes = groupSizes(raw, groupBy.length === 0 ? ['ALL'] : groupBy, metric);
        count(
          groups,
          checkAnswer(label, groups, sizes, min),
          rows.map((r) => r.note),
        );
      }
    }

    // agencyComparison: each year and each quarter; the agencies, and the criterion means within them.
    for (const year of years) {
      for (const quarter of [null, 1, 2, 3, 4]) {
        const label = `${role} agencyComparison ${year} ${quarter ?? 'year'}`;
        const mine = (await ok(server, headers, COMPARISON, { year, quarter })).agencyComparison as Json[];
        const full = (await ok(server, callers.admin, COMPARISON, { year, quarter })).agencyComparison as Json[];
        const sizes = new Map<string, Set<number>>();
        const cells = new Map<string, Set<number>>();
        const addTo = (map: Map<string, Set<number>>, key: string, employee: number) =>
          map.set(key, (map.get(key) ?? new Set()).add(employee));
        if (quarter === null) {
          const agencyOf = agencyOfYear(raw, year);
          for (const r of raw.annual) {
            if (r.year === year && r.score !== null && agencyOf.has(r.employee_id)) {
              addTo(sizes, agencyOf.get(r.employee_id)!, r.employee_id);
            }
          }
        } else {
          for (const e of raw.evaluations) {
            if (e.year === year && e.quarter === quarter && e.score !== null) addTo(sizes, e.agency, e.employee_id);
          }
        }
        for (const s of raw.scores) {
          const e = raw.byId.get(s.evaluation_id);
          if (!e || e.year !== year || (quarter !== null && e.quarter !== quarter)) continue;
          addTo(cells, `${e.agency}|${s.code}`, e.employee_id);
        }
        const groups = mine.map((r) => ({
          keys: [r.agency.code as string],
          suppressed: r.suppressed,
          numbers: [
            r.n,
            r.meanScore,
            r.rank,
            r.predikatCounts,
            r.criterionMeans,
            r.trainingJpPerEmployee,
            r.shareMeeting20Jp,
          ],
        }));
        const sizeMap = new Map([...sizes].map(([k, v]) => [k, v.size]));
        count(
          groups,
          checkAnswer(label, groups, sizeMap, min),
          mine.map((r) => r.note),
        );
        // The criterion means of the agencies shown: a mean over fewer employees than the minimum is withheld,
        // and the second-group rule holds over the (agency, criterion) cells.
        const meanCells = mine
          .filter((r) => !r.suppressed)
          .flatMap((r) =>
            (r.criterionMeans as Json[]).map((m) => ({
              keys: [r.agency.code as string, m.criterion as string],
              suppressed: m.suppressed,
              numbers: [m.mean],
            })),
          );
        const cellSizes = new Map([...cells].map(([k, v]) => [k, v.size]));
        count(meanCells, checkAnswer(`${label} criterionMeans`, meanCells, cellSizes, min), []);
        // Ranks: among every agency (as the full answer ranks them); a suppressed agency's rank null, listed after
        // the ranked ones by code.
        const fullRank = new Map(full.map((r) => [r.agency.code as string, r.rank as number]));
        const ranked = mine.filter((r) => !r.suppressed);
        const hidden = mine.filter((r) => r.suppressed);
        expect(mine.map((r) => r.agency.code)).toEqual(
          [...ranked.map((r) => r.agency.code), ...hidden.map((r) => r.agency.code).sort()].map(String),
        );
        expect(mine.slice(0, ranked.length).every((r) => !r.suppressed)).toBe(true);
        for (const r of ranked) expect(r.rank, `${label} ${r.agency.code} rank`).toBe(fullRank.get(r.agency.code));
        for (const r of full) {
          const higher = full.filter((o) => Math.round(o.meanScore * 1e6) > Math.round(r.meanScore * 1e6)).length;
          expect(r.rank, `${label} ${r.agency.code}: 1 + agencies with a higher mean`).toBe(higher + 1);
        }
      }
    }

    // distributionCheck: every agency and year, one group each.
    for (const year of years) {
      const agencyOf = agencyOfYear(raw, year);
      for (const agencyCode of raw.agencies) {
        const label = `${role} distributionCheck ${agencyCode} ${year}`;
        const size = raw.annual.filter(
          (r) => r.year === year && r.predikat !== null && agencyOf.get(r.employee_id) === agencyCode,
        ).length;
        const check = (await ok(server, headers, DISTRIBUTION, { agencyCode, year })).distributionCheck as Json;
        if (size === 0) {
          expect(check.counts, label).toBeNull();
          continue;
        }
        const groups = [
          {
            keys: [agencyCode],
            suppressed: check.suppressed,
            numbers: [check.counts, check.met, check.rules.length === 0 ? null : check.rules],
          },
        ];
        count(groups, checkAnswer(label, groups, new Map([[agencyCode, size]]), min), [check.note]);
      }
    }

    // trainingImpact: every training, each agency, each training; shown only with enough treated and controls.
    const scopes = [
      {},
      ...raw.agencies.map((agencyCode) => ({ agencyCode })),
      ...raw.trainings.map((trainingCode) => ({ trainingCode })),
    ];
    for (const scope of scopes) {
      const label = `${role} trainingImpact ${JSON.stringify(scope)}`;
      const impact = (await ok(server, headers, IMPACT, { input: scope })).trainingImpact as Json;
      const numbers = [
        impact.nTreated,
        impact.nControl,
        impact.treatedPre,
        impact.treatedPost,
        impact.controlPre,
        impact.controlPost,
        impact.effect,
        impact.standardError,
        impact.ciLow,
        impact.ciHigh,
        impact.preTrend,
      ];
      coverage.answers++;
      if (impact.suppressed) {
        coverage.suppressed++;
        for (const x of numbers) expect(x, label).toBeNull();
      } else {
        expect(impact.nTreated, label).toBeGreaterThanOrEqual(min);
        expect(impact.nControl, label).toBeGreaterThanOrEqual(min);
      }
    }

    // raterObjectivity: per assessor (pseudonymised), sized by the distinct employees they gave a judged score.
    for (const year of years) {
      const input = { from: { year, quarter: 1 }, to: { year, quarter: 4 } };
      const label = `${role} raterObjectivity ${year}`;
      const mine = (await ok(server, headers, RATERS, { input })).raterObjectivity as Json[];
      const full = (await ok(server, callers.admin, RATERS, { input })).raterObjectivity as Json[];
      expect(mine.length, label).toBe(full.length);
      const rated = new Map<string, Set<number>>();
      for (const s of raw.scores) {
        const e = raw.byId.get(s.evaluation_id);
        if (!e || !s.judged || e.year !== year || e.assessor_id === null) continue;
        const nip = String(e.assessor_id);
        rated.set(nip, (rated.get(nip) ?? new Set()).add(e.employee_id));
      }
      // Rows come in assessor order for every caller: the ADMIN's row names the assessor the pseudonym hides.
      const sizes = new Map<string, number>();
      const groups = mine.map((r, i) => {
        expect(r.assessor?.nip ?? null, `${label}: assessor pseudonymised`).toBeNull();
        expect(r.assessor?.name ?? null, `${label}: assessor pseudonymised`).toBeNull();
        const key = String(i);
        sizes.set(key, full[i].nEmployees);
        return {
          keys: [key],
          suppressed: r.suppressed,
          numbers: [r.nEmployees, r.nScores, r.meanGiven, r.leniency, r.standardError, r.z, r.flags.length || null],
        };
      });
      expect(full.map((r) => r.nEmployees).sort(), `${label}: the ADMIN's counts are the raw counts`).toEqual(
        [...rated.values()].map((s) => s.size).sort(),
      );
      count(
        groups,
        checkAnswer(label, groups, sizes, min),
        mine.map((r) => r.note),
      );
    }

    // trainingNeeds, annualResults: rows about one person each (no aggregate), always pseudonymised for them.
    const needs = (await ok(server, headers, NEEDS)).trainingNeeds as Json[];
    for (const n of needs) expect([n.employee.nip, n.employee.name]).toEqual([null, null]);
    const annual = (await ok(server, headers, ANNUAL)).annualResults as Json;
    expect(annual.edges.length).toBeGreaterThan(0);
    for (const { node } of annual.edges) expect([node.employee.nip, node.employee.name]).toEqual([null, null]);
    expect((await ok(server, headers, CURRENT)).currentPeriod).not.toBeNull();
  }
  return coverage;
}

describe('acceptance 5: suppression for POLICY and ANALYST over every analytics query', () => {
  let db: TestDatabase;
  let dir: string;
  let raw: Raw;
  let callers: Callers;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kinerja-suppression-'));
    const written = await writeDemoData(dir, { seed: 2017, employees: 90, today: TODAY });
    db = await createTestDatabase();
    const report = await runImport({ orm: db.orm, folder: dir, actor: 'test:suppression' });
    expect(report.errors).toEqual([]);
    const { current } = written.settings;
    const through =
      current.quarter === 1
        ? { year: current.year - 1, quarter: 4 }
        : { year: current.year, quarter: current.quarter - 1 };
    await closeHistoryThrough(db.orm, through, {
      actor: 'test:suppression',
      policy: DEFAULT_SCORING_POLICY,
      reason: 'suppression test: history',
    });
    raw = await readRaw(db);
    const em = db.orm.em.fork();
    callers = {
      admin: (await accountToken(em, { login: 'admin', role: 'ADMIN' })).headers,
      restricted: [
        { role: 'POLICY', headers: (await accountToken(em, { login: 'policy', role: 'POLICY' })).headers },
        { role: 'ANALYST', headers: (await accountToken(em, { login: 'analyst', role: 'ANALYST' })).headers },
      ],
    };
  }, 300_000);

  afterAll(async () => {
    await db?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it.each([
    { min: 5, file: null },
    { min: 8, file: 'policy-min-8.json' },
  ])(
    'minimum $min: no small group carries a number, no lone suppressed sibling, ranks among all',
    async ({ min, file }) => {
      const env: Record<string, string> = { ...UNLIMITED_COST };
      if (file) {
        const path = join(dir, file);
        await writeFile(path, JSON.stringify({ suppressionMinGroup: min }));
        env.SCORING_POLICY_FILE = path;
      }
      const server = await startTestServer(db.orm, env);
      try {
        const coverage = await checkEveryQuery(server, raw, callers, min);
        // The data make the rules bite: groups suppressed as small and as second groups, many shown.
        expect(coverage.suppressed).toBeGreaterThan(20);
        expect(coverage.secondGroup).toBeGreaterThan(0);
        expect(coverage.groups - coverage.suppressed).toBeGreaterThan(200);
      } finally {
        await server.stop();
      }
    },
    600_000,
  );
});
