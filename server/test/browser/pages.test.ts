import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiSession,
  canvasPainted,
  drawnChart,
  loginAsDemo,
  openDashboard,
  startDashboard,
  tableCells,
  type DashboardFixture,
} from '../helpers/dashboard.js';

/**
 * Perangkat Daerah, Bandingkan and Pelatihan in Chromium (docs/dashboard.md), and axe-core on every page: each chart draws the figures of a separate API call with the same
 * filters, for the Wali Kota choosing DISDIK in the URL and for DISDIK's own head, who gets no agency choice.
 * The fixture's day is 2025-08-15 (2025 Q3 open; default range 2023 Q4 - 2025 Q3, year 2025).
 */

const RANGE = { from: { year: 2023, quarter: 4 }, to: { year: 2025, quarter: 3 } };

interface Point {
  key: string;
  label: string;
  year: number;
  quarter: number;
  periodLabel: string;
  mean: number | null;
  suppressed: boolean;
}

describe('Perangkat Daerah, Bandingkan and Pelatihan in Chromium, compared with the API', () => {
  let fixture: DashboardFixture;
  let leader: Record<string, string>;

  beforeAll(async () => {
    fixture = await startDashboard();
    leader = await apiSession(fixture.server, 'walikota', 'sibolga-demo');
  });

  afterAll(async () => {
    await fixture?.stop();
  });

  async function api<T>(
    query: string,
    variables: Record<string, unknown>,
    headers: Record<string, string>,
  ): Promise<T> {
    const answer = await fixture.server.graphql<T>(query, variables, headers);
    expect(answer.errors).toBeUndefined();
    return answer.data!;
  }

  it('draws DISDIK’s criterion trend, predikat check, training impact, raters and needs as the API answers them', async () => {
    const view = await openDashboard(fixture, '/masuk');
    const { page } = view;
    await loginAsDemo(page, fixture.server.url, 'walikota');
    await page.goto(`${fixture.server.url}/perangkat-daerah?pd=DISDIK`);
    await page.getByRole('heading', { name: 'Perangkat Daerah: Dinas Pendidikan', level: 1 }).waitFor();

    const { performanceTrend } = await api<{ performanceTrend: Point[] }>(
      `query($from: PeriodInput, $to: PeriodInput) { performanceTrend(input: { groupBy: CRITERION, agencyCodes: ["DISDIK"], from: $from, to: $to }) {
        key label year quarter periodLabel mean suppressed } }`,
      RANGE,
      leader,
    );
    const keys = [...new Set(performanceTrend.map((p) => p.key))].sort();
    expect(keys.length).toBeGreaterThan(3);
    const periods = [...new Set(performanceTrend.map((p) => p.periodLabel))];
    const trend = await drawnChart(page, 'chart-criterion-trend');
    expect(trend.labels).toEqual(periods);
    expect(trend.datasets.map((d) => d.label)).toEqual(
      keys.map((k) => performanceTrend.find((p) => p.key === k)!.label),
    );
    expect(trend.datasets.map((d) => d.data)).toEqual(
      keys.map((key) =>
        periods.map((label) => {
          const point = performanceTrend.find((p) => p.key === key && p.periodLabel === label);
          return point && !point.suppressed ? point.mean : null;
        }),
      ),
    );

    const { distributionCheck } = await api<{
      distributionCheck: { counts: { predikat: string; count: number }[]; rules: { detail: string }[] };
    }>(
      `{ distributionCheck(agencyCode: "DISDIK", year: 2025) { counts { predikat count } rules { detail } } }`,
      {},
      leader,
    );
    const distribution = await drawnChart(page, 'chart-distribution');
    expect(distribution.datasets[0]!.data).toEqual(distributionCheck.counts.map((c) => c.count));
    expect(await page.getByTestId('distribution-rules').locator('li').allInnerTexts()).toEqual(
      distributionCheck.rules.map((rule) => expect.stringContaining(rule.detail)),
    );

    const { trainingImpact: impact } = await api<{
      trainingImpact: {
        suppressed: boolean;
        treatedPre: number;
        treatedPost: number;
        controlPre: number;
        controlPost: number;
        note: string | null;
      };
    }>(
      `{ trainingImpact(input: { agencyCode: "DISDIK" }) { suppressed treatedPre treatedPost controlPre controlPost note } }`,
      {},
      leader,
    );
    if (impact.suppressed) {
      await expect.poll(() => page.getByTestId('impact-note').innerText()).toBe(impact.note);
    } else {
      const drawn = await drawnChart(page, 'chart-impact');
      expect(drawn.datasets.map((d) => d.data)).toEqual([
        [impact.treatedPre, impact.treatedPost],
        [impact.controlPre, impact.controlPost],
      ]);
      expect(await canvasPainted(page, 'chart-impact')).toBe(true);
    }

    const { raterObjectivity } = await api<{
      raterObjectivity: {
        assessor: { name: string | null; pseudonym: string };
        z: number | null;
        suppressed: boolean;
      }[];
    }>(
      `query($from: PeriodInput, $to: PeriodInput) { raterObjectivity(input: { agencyCode: "DISDIK", from: $from, to: $to }) {
        assessor { name pseudonym } z suppressed } }`,
      RANGE,
      leader,
    );
    const shown = raterObjectivity.filter((r) => !r.suppressed && r.z !== null);
    const raters = await drawnChart(page, 'chart-raters');
    expect([...raters.datasets[0]!.data].sort()).toEqual(shown.map((r) => r.z).sort());
    expect(raters.labels.length).toBe(shown.length);

    const { trainingNeeds } = await api<{ trainingNeeds: { criterion: string }[] }>(
      `{ trainingNeeds(agencyCode: "DISDIK") { criterion } }`,
      {},
      leader,
    );
    const counts = new Map<string, number>();
    for (const need of trainingNeeds) counts.set(need.criterion, (counts.get(need.criterion) ?? 0) + 1);
    const needCells = await tableCells(page, 'chart-needs');
    expect(Object.fromEntries(needCells.map((row) => [row[0], Number(row[1]!.replace(/\./g, ''))]))).toEqual(
      Object.fromEntries(counts),
    );

    for (const id of ['chart-criterion-trend', 'chart-distribution', 'chart-raters', 'chart-needs']) {
      expect(await canvasPainted(page, id), id).toBe(true);
    }
    expect(view.blocked).toEqual([]);
    expect(view.errors).toEqual([]);
    await view.close();
  });

  it('shows an agency head their own agency without a choice, and refuses the page to a supervisor', async () => {
    const view = await openDashboard(fixture, '/masuk');
    const { page } = view;
    await loginAsDemo(page, fixture.server.url, 'kadisdik');
    await page.goto(`${fixture.server.url}/perangkat-daerah?pd=DINKES`);
    await page.getByRole('heading', { name: 'Perangkat Daerah: Dinas Pendidikan', level: 1 }).waitFor();
    expect(await page.getByTestId('filter-agency').count()).toBe(0);
    await drawnChart(page, 'chart-criterion-trend');
    await view.close();

    const other = await openDashboard(fixture, '/masuk');
    await loginAsDemo(other.page, fixture.server.url, 'kabid');
    await other.page.goto(`${fixture.server.url}/perangkat-daerah`);
    await other.page.getByTestId('forbidden').waitFor();
    await other.close();
  });

  it('compares the agencies chosen in the URL: overlaid trends, ranks with n and the criterion-by-agency table', async () => {
    const view = await openDashboard(fixture, '/masuk');
    const { page } = view;
    await loginAsDemo(page, fixture.server.url, 'walikota');
    await page.goto(`${fixture.server.url}/bandingkan?pd=DISDIK,DINKES,RSUD&dari=2024-1`);
    const codes = ['DISDIK', 'DINKES', 'RSUD'];

    const { performanceTrend } = await api<{ performanceTrend: Point[] }>(
      `query($codes: [String!], $from: PeriodInput, $to: PeriodInput) { performanceTrend(input: { groupBy: AGENCY, agencyCodes: $codes, from: $from, to: $to }) {
        key label year quarter periodLabel mean suppressed } }`,
      { codes, from: { year: 2024, quarter: 1 }, to: { year: 2025, quarter: 3 } },
      leader,
    );
    const periods = [...new Set(performanceTrend.map((p) => p.periodLabel))];
    expect(periods).toHaveLength(7);
    const trend = await drawnChart(page, 'chart-compare-trend');
    expect(trend.labels).toEqual(periods);
    const keys = [...codes].sort();
    expect(trend.datasets.map((d) => d.label)).toEqual(
      keys.map((k) => performanceTrend.find((p) => p.key === k)!.label),
    );
    expect(trend.datasets.map((d) => d.data)).toEqual(
      keys.map((key) =>
        periods.map((label) => performanceTrend.find((p) => p.key === key && p.periodLabel === label)?.mean ?? null),
      ),
    );

    const { agencyComparison } = await api<{
      agencyComparison: {
        agency: { code: string };
        rank: number | null;
        n: number | null;
        meanScore: number | null;
        suppressed: boolean;
        criterionMeans: { criterion: string; mean: number | null }[] | null;
      }[];
    }>(
      `{ agencyComparison(year: 2025) { agency { code } rank n meanScore suppressed criterionMeans { criterion mean } } }`,
      {},
      leader,
    );
    const chosen = agencyComparison.filter((row) => codes.includes(row.agency.code));
    const rank = await drawnChart(page, 'chart-compare-rank');
    expect(rank.labels).toEqual(chosen.map((row) => `${row.rank}. ${row.agency.code} (n=${row.n})`));
    expect(rank.datasets[0]!.data).toEqual(chosen.map((row) => row.meanScore));

    const criteria = [...new Set(chosen.flatMap((row) => (row.criterionMeans ?? []).map((c) => c.criterion)))].sort();
    const byCriterion = await drawnChart(page, 'chart-compare-criteria');
    expect(byCriterion.labels).toEqual(criteria);
    expect(byCriterion.datasets.map((d) => [d.label, d.data])).toEqual(
      chosen.map((row) => [
        row.agency.code,
        criteria.map((c) => row.criterionMeans?.find((m) => m.criterion === c)?.mean ?? null),
      ]),
    );
    for (const id of ['chart-compare-trend', 'chart-compare-rank', 'chart-compare-criteria']) {
      expect(await canvasPainted(page, id), id).toBe(true);
    }

    // Unticking an agency changes the URL and the chart.
    await page.getByTestId('agency-choice').getByLabel('DINKES', { exact: true }).uncheck();
    await page.waitForURL((url) => url.searchParams.get('pd') === 'DISDIK,RSUD');
    await expect.poll(async () => (await drawnChart(page, 'chart-compare-rank')).labels.length).toBe(2);
    expect(view.errors).toEqual([]);
    await view.close();
  });

  it('lists the programmes of a year with their participants and JP, and the impact of the chosen one', async () => {
    const view = await openDashboard(fixture, '/masuk');
    const { page } = view;
    await loginAsDemo(page, fixture.server.url, 'walikota');
    await page.goto(`${fixture.server.url}/pelatihan?tahun=2024`);
    const { trainings } = await api<{
      trainings: {
        edges: {
          node: { code: string; startDate: string | null; participants: { status: string; hoursJp: number }[] };
        }[];
      };
    }>(`{ trainings(first: 200) { edges { node { code startDate participants { status hoursJp } } } } }`, {}, leader);
    const of2024 = trainings.edges
      .map((edge) => edge.node)
      .filter((node) => node.startDate?.startsWith('2024-'))
      .map((node) => ({ code: node.code, completed: node.participants.filter((p) => p.status === 'COMPLETED').length }))
      .sort((a, b) => b.completed - a.completed || a.code.localeCompare(b.code));
    expect(of2024.length).toBeGreaterThan(3);
    const programmes = await drawnChart(page, 'chart-programmes');
    expect(programmes.labels).toEqual(of2024.map((row) => row.code));
    expect(programmes.datasets[0]!.data).toEqual(of2024.map((row) => row.completed));
    expect(await canvasPainted(page, 'chart-programmes')).toBe(true);

    const first = [...of2024].sort((a, b) => a.code.localeCompare(b.code))[0]!.code;
    await page.getByTestId('filter-training').selectOption(first);
    await page.waitForURL((url) => url.searchParams.get('pelatihan') === first);
    const { trainingImpact: impact } = await api<{
      trainingImpact: {
        suppressed: boolean;
        note: string | null;
        treatedPre: number;
        treatedPost: number;
        controlPre: number;
        controlPost: number;
      };
    }>(
      `query($code: String!) { trainingImpact(input: { trainingCode: $code }) { suppressed note treatedPre treatedPost controlPre controlPost } }`,
      { code: first },
      leader,
    );
    if (impact.suppressed) {
      await expect.poll(() => page.getByTestId('impact-note').innerText()).toBe(impact.note);
    } else {
      const drawn = await drawnChart(page, 'chart-training-impact');
      expect(drawn.datasets.map((d) => d.data)).toEqual([
        [impact.treatedPre, impact.treatedPost],
        [impact.controlPre, impact.controlPost],
      ]);
    }
    expect(view.errors).toEqual([]);
    await view.close();
  });

  it('has no serious or critical axe-core violation on any page', { timeout: 240_000 }, async () => {
    const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
    const view = await openDashboard(fixture, '/masuk');
    const { page } = view;
    const found: string[] = [];
    async function audit(name: string): Promise<void> {
      await page.addScriptTag({ path: axePath });
      const result = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run: (
                context: Document,
              ) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
            };
          }
        ).axe;
        return axe.run(document);
      });
      for (const v of result.violations) {
        if (v.impact === 'serious' || v.impact === 'critical')
          found.push(
            `${name}: ${v.id} (${v.impact}) ${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(' '))
              .join(', ')}`,
          );
      }
    }
    await page.getByTestId('demo-admin').waitFor();
    await audit('Masuk');
    await loginAsDemo(page, fixture.server.url, 'admin');
    const pages: [string, string][] = [
      ['/ringkasan', 'chart-ranking'],
      ['/perangkat-daerah?pd=DISDIK', 'chart-criterion-trend'],
      ['/bandingkan', 'chart-compare-rank'],
      ['/pelatihan?tahun=2024', 'chart-programmes'],
      ['/analis', 'graphiql-frame'],
      ['/terlarang?from=/x', 'forbidden'],
    ];
    for (const [path, ready] of pages) {
      await page.goto(`${fixture.server.url}${path}`);
      await page.getByTestId(ready).waitFor({ timeout: 60_000 });
      await page.waitForLoadState('networkidle');
      await audit(path);
    }
    expect(found).toEqual([]);
    await view.close();
  });
});
