import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiSession,
  canvasPainted,
  downloadOf,
  drawnChart,
  loginAsDemo,
  openDashboard,
  parseCsv,
  startDashboard,
  tableCells,
  type DashboardFixture,
} from '../helpers/dashboard.js';

/**
 * Ringkasan in Chromium (docs/dashboard.md): every chart is painted and draws exactly the figures of a separate API
 * call with the same filters; a filter change goes to the URL and comes back on reload; the CSV export parses.
 * The fixture's day is 2025-08-15: 2025 Q3 is the open quarter, so the default range is 2023 Q4 - 2025 Q3.
 */

interface Point {
  periodLabel: string;
  mean: number | null;
  p25: number | null;
  p75: number | null;
  suppressed: boolean;
}
interface Standing {
  agency: { code: string; name: string };
  n: number | null;
  rank: number | null;
  meanScore: number | null;
  shareMeeting20Jp: number | null;
  suppressed: boolean;
  note: string | null;
  predikatCounts: { predikat: string; count: number }[] | null;
}
interface Completion {
  agency: { code: string };
  shareSubmitted: number | null;
  shareFinal: number | null;
}

const TREND = `query($from: PeriodInput, $to: PeriodInput) { performanceTrend(input: { groupBy: NONE, from: $from, to: $to }) {
  periodLabel mean p25 p75 suppressed } }`;
const YEAR = `query($year: Int!) { agencyComparison(year: $year) { agency { code name } n rank meanScore shareMeeting20Jp
  suppressed note predikatCounts { predikat count } } }`;
const COMPLETION = `query { completionShares(year: 2025, quarter: 3) { agency { code } shareSubmitted shareFinal } }`;

describe('Ringkasan in Chromium, compared with the API', () => {
  let fixture: DashboardFixture;
  let leader: Record<string, string>;

  beforeAll(async () => {
    fixture = await startDashboard();
    leader = await apiSession(fixture.server, 'walikota', 'sibolga-demo');
  });

  afterAll(async () => {
    await fixture?.stop();
  });

  async function api<T>(query: string, variables: Record<string, unknown> = {}, headers = leader): Promise<T> {
    const answer = await fixture.server.graphql<T>(query, variables, headers);
    expect(answer.errors).toBeUndefined();
    return answer.data!;
  }

  it('draws the trend, predikat distribution, ranking, JP compliance and completion of the API (Wali Kota)', async () => {
    const view = await openDashboard(fixture, '/masuk');
    const { page } = view;
    await loginAsDemo(page, fixture.server.url, 'walikota');
    await page.goto(`${fixture.server.url}/ringkasan`);

    const { performanceTrend: trend } = await api<{ performanceTrend: Point[] }>(TREND, {
      from: { year: 2023, quarter: 4 },
      to: { year: 2025, quarter: 3 },
    });
    expect(trend).toHaveLength(8);
    const drawnTrend = await drawnChart(page, 'chart-city-trend');
    expect(drawnTrend.labels).toEqual(trend.map((p) => p.periodLabel));
    expect(drawnTrend.datasets.map((d) => d.data)).toEqual([
      trend.map((p) => p.p75),
      trend.map((p) => p.p25),
      trend.map((p) => p.mean),
    ]);

    const { agencyComparison: standings } = await api<{ agencyComparison: Standing[] }>(YEAR, { year: 2025 });
    const ranked = standings.filter((row) => !row.suppressed);
    expect(ranked.length).toBeGreaterThan(20);
    const drawnRank = await drawnChart(page, 'chart-ranking');
    expect(drawnRank.datasets[0]!.data).toEqual(ranked.map((row) => row.meanScore));
    expect(drawnRank.labels).toEqual(ranked.map((row) => `${row.rank}. ${row.agency.code} (n=${row.n})`));

    const order = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'];
    const sums = order.map((predikat) =>
      standings.reduce((sum, row) => sum + (row.predikatCounts?.find((c) => c.predikat === predikat)?.count ?? 0), 0),
    );
    expect((await drawnChart(page, 'chart-predikat')).datasets[0]!.data).toEqual(sums);

    const jp = [...ranked].sort(
      (a, b) => b.shareMeeting20Jp! - a.shareMeeting20Jp! || a.agency.code.localeCompare(b.agency.code),
    );
    const drawnJp = await drawnChart(page, 'chart-jp');
    expect(drawnJp.labels).toEqual(jp.map((row) => row.agency.code));
    expect(drawnJp.datasets[0]!.data).toEqual(jp.map((row) => row.shareMeeting20Jp));

    const { completionShares } = await api<{ completionShares: Completion[] }>(COMPLETION);
    const drawnCompletion = await drawnChart(page, 'chart-completion');
    const bySubmitted = new Map(completionShares.map((row) => [row.agency.code, row]));
    expect([...drawnCompletion.labels].sort()).toEqual([...bySubmitted.keys()].sort());
    expect(drawnCompletion.datasets[0]!.data).toEqual(
      drawnCompletion.labels.map((code) => bySubmitted.get(code)!.shareSubmitted),
    );
    expect(drawnCompletion.datasets[1]!.data).toEqual(
      drawnCompletion.labels.map((code) => bySubmitted.get(code)!.shareFinal),
    );

    for (const id of ['chart-city-trend', 'chart-ranking', 'chart-predikat', 'chart-jp', 'chart-completion']) {
      expect(await canvasPainted(page, id), id).toBe(true);
    }
    expect(view.blocked).toEqual([]);
    expect(view.errors).toEqual([]);
    await view.close();
  });

  it('keeps a filter change in the URL and restores it on reload', async () => {
    const view = await openDashboard(fixture, '/ringkasan');
    const { page } = view;
    await drawnChart(page, 'chart-city-trend');
    await page.getByTestId('filter-from').selectOption('2024-3');
    await page.waitForURL(/dari=2024-3/);
    const { performanceTrend: trend } = await api<{ performanceTrend: Point[] }>(
      TREND,
      { from: { year: 2024, quarter: 3 }, to: { year: 2025, quarter: 3 } },
      {},
    );
    expect(trend).toHaveLength(5);
    await expect
      .poll(async () => (await drawnChart(page, 'chart-city-trend')).labels)
      .toEqual(trend.map((p) => p.periodLabel));

    await page.reload();
    await expect.poll(() => page.getByTestId('filter-from').inputValue()).toBe('2024-3');
    const drawn = await drawnChart(page, 'chart-city-trend');
    expect(drawn.labels).toEqual(trend.map((p) => p.periodLabel));
    expect(drawn.datasets[2]!.data).toEqual(trend.map((p) => (p.suppressed ? null : p.mean)));
    await view.close();
  });

  it('exports the ranking as CSV (BOM, semicolons, decimal comma) that parses back to the API figures, and withholds small agencies from the anonymous caller', async () => {
    const view = await openDashboard(fixture, '/ringkasan');
    const { page } = view;
    // The demo's anonymous caller reads as POLICY: small agencies are withheld, with the API's note.
    const { agencyComparison: standings } = await api<{ agencyComparison: Standing[] }>(YEAR, { year: 2025 }, {});
    expect(standings.some((row) => row.suppressed)).toBe(true);
    const drawn = await drawnChart(page, 'chart-ranking');
    expect(drawn.datasets[0]!.data).toEqual(standings.filter((row) => !row.suppressed).map((row) => row.meanScore));
    const cells = await tableCells(page, 'chart-ranking');
    expect(cells.map((row) => row[1])).toEqual(standings.map((row) => row.agency.name));
    const withheld = standings.find((row) => row.suppressed)!;
    expect(cells.find((row) => row[1] === withheld.agency.name)).toEqual([
      '–',
      withheld.agency.name,
      '–',
      '–',
      withheld.note,
    ]);

    const file = await downloadOf(page, 'chart-ranking-csv');
    expect(file.name).toBe('peringkat-perangkat-daerah-2025.csv');
    const text = file.bytes.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = parseCsv(text.slice(1), ';');
    expect(lines[0]).toEqual(['Peringkat', 'Perangkat daerah', 'n', 'Rata-rata', 'Keterangan']);
    const parsed = lines.slice(1).map(([rank, name, n, mean, note]) => ({
      rank: rank === '' ? null : Number(rank),
      name,
      n: n === '' ? null : Number(n),
      mean: mean === '' ? null : Number(mean!.replace(',', '.')),
      note: note === '' ? null : note,
    }));
    expect(parsed).toEqual(
      standings.map((row) => ({
        rank: row.rank,
        name: row.agency.name,
        n: row.n,
        mean: row.meanScore === null ? null : Math.round(row.meanScore * 1e6) / 1e6,
        note: row.note,
      })),
    );
    expect(view.errors).toEqual([]);
    await view.close();
  });
});
