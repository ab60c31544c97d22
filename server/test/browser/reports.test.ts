import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kind, parse, print, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { EXAMPLE_QUERIES } from '../../src/graphql/graphiql.js';
import {
  apiSession,
  checkPng,
  downloadOf,
  drawnChart,
  loginAsDemo,
  openDashboard,
  readXlsx,
  startDashboard,
  tableCells,
  type DashboardFixture,
} from '../helpers/dashboard.js';

/**
 * The criteria filter, the printed agency report, the XLSX and PNG exports and the Analis page in Chromium
 * (docs/dashboard.md): each checked against a separate API call with the same filters. The fixture's day is
 * 2025-08-15 (2025 Q3 open; default range 2023 Q4 - 2025 Q3, year 2025).
 */

const RANGE = { from: { year: 2023, quarter: 4 }, to: { year: 2025, quarter: 3 } };

interface Point {
  key: string;
  label: string;
  periodLabel: string;
  n: number | null;
  mean: number | null;
  median: number | null;
  suppressed: boolean;
  note: string | null;
}

const CRITERION_TREND = `query($codes: [String!], $from: PeriodInput, $to: PeriodInput) {
  performanceTrend(input: { groupBy: CRITERION, agencyCodes: ["DISDIK"], criterionCodes: $codes, from: $from, to: $to }) {
    key label periodLabel n mean median suppressed note } }`;

/** The lines a multi-trend chart draws from the API's points: one per key (sorted), a gap where withheld. */
function linesOf(points: Point[]): { labels: string[]; datasets: { label: string; data: (number | null)[] }[] } {
  const periods = [...new Set(points.map((p) => p.periodLabel))];
  const keys = [...new Set(points.map((p) => p.key))].sort();
  return {
    labels: periods,
    datasets: keys.map((key) => ({
      label: points.find((p) => p.key === key)!.label,
      data: periods.map((label) => {
        const point = points.find((p) => p.key === key && p.periodLabel === label);
        return point && !point.suppressed ? point.mean : null;
      }),
    })),
  };
}

const round6 = (x: number | null) => (x === null ? null : Math.round(x * 1e6) / 1e6);

describe('criteria filter, printed report, XLSX and PNG exports and the Analis page in Chromium', () => {
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

  it(
    'keeps the criteria chosen on Perangkat Daerah in the URL, draws only them, and restores them on reload',
    { timeout: 180_000 },
    async () => {
      const view = await openDashboard(fixture, '/masuk');
      const { page } = view;
      await loginAsDemo(page, fixture.server.url, 'walikota');
      await page.goto(`${fixture.server.url}/perangkat-daerah?pd=DISDIK`);
      const all = await api<{ performanceTrend: Point[] }>(CRITERION_TREND, RANGE);
      await expect
        .poll(async () => (await drawnChart(page, 'chart-criterion-trend')).datasets.length)
        .toBe(linesOf(all.performanceTrend).datasets.length);
      expect(await page.getByTestId('criteria-hint').innerText()).toContain('semua kriteria');

      // Tick two criteria: the URL carries them (in the order of the options) and the chart draws those two only.
      const choice = page.getByTestId('criteria-choice');
      const boxes = choice.getByRole('checkbox');
      const options = await boxes.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
      expect(options.length).toBeGreaterThan(3);
      const chosen = [options[2]!, options[0]!];
      for (const code of chosen) await choice.locator(`input[value="${code}"]`).check();
      const inOrder = options.filter((code) => chosen.includes(code));
      await page.waitForURL((url) => url.searchParams.get('kriteria') === inOrder.join(','));
      const some = await api<{ performanceTrend: Point[] }>(CRITERION_TREND, { ...RANGE, codes: inOrder });
      expect(new Set(some.performanceTrend.map((p) => p.key))).toEqual(new Set(inOrder));
      const expected = linesOf(some.performanceTrend);
      await expect.poll(async () => drawnChart(page, 'chart-criterion-trend')).toEqual(expected);

      await page.reload();
      await page.getByTestId('criteria-choice').waitFor();
      await expect
        .poll(() =>
          page
            .getByTestId('criteria-choice')
            .locator('input:checked')
            .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value)),
        )
        .toEqual(inOrder);
      await expect.poll(async () => drawnChart(page, 'chart-criterion-trend')).toEqual(expected);
      expect(await page.getByTestId('criteria-hint').innerText()).toBe('Kriteria dipilih: 2.');

      // "Show every criterion" empties the filter.
      await page.getByTestId('criteria-all').click();
      await page.waitForURL((url) => !url.searchParams.has('kriteria'));
      await expect
        .poll(async () => (await drawnChart(page, 'chart-criterion-trend')).datasets.length)
        .toBe(linesOf(all.performanceTrend).datasets.length);
      expect(view.blocked).toEqual([]);
      expect(view.errors).toEqual([]);
      await view.close();
    },
  );

  it('limits Bandingkan’s criterion-by-agency table to the criteria in the URL', { timeout: 180_000 }, async () => {
    const { agencyComparison } = await api<{
      agencyComparison: {
        agency: { code: string };
        criterionMeans: { criterion: string; mean: number | null }[] | null;
      }[];
    }>(`{ agencyComparison(year: 2025) { agency { code } criterionMeans { criterion mean } } }`);
    const codes = ['DISDIK', 'DINKES'];
    const rows = agencyComparison.filter((row) => codes.includes(row.agency.code));
    const criteria = [...new Set(rows.flatMap((row) => (row.criterionMeans ?? []).map((c) => c.criterion)))].sort();
    expect(criteria.length).toBeGreaterThan(3);
    const chosen = [criteria[1]!, criteria[3]!];

    const view = await openDashboard(fixture, '/masuk');
    const { page } = view;
    await loginAsDemo(page, fixture.server.url, 'walikota');
    await page.goto(`${fixture.server.url}/bandingkan?pd=${codes.join(',')}&kriteria=${chosen.join(',')}`);
    const meansOf = (list: string[]) =>
      rows.map((row) => [
        row.agency.code,
        list.map((c) => row.criterionMeans?.find((m) => m.criterion === c)?.mean ?? null),
      ]);
    await expect
      .poll(async () => {
        const drawn = await drawnChart(page, 'chart-compare-criteria');
        return [drawn.labels, drawn.datasets.map((d) => [d.label, d.data])];
      })
      .toEqual([chosen, meansOf(chosen)]);
    expect((await tableCells(page, 'chart-compare-criteria')).map((row) => row[0])).toEqual(chosen);
    expect(
      await page
        .getByTestId('criteria-choice')
        .locator('input:checked')
        .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value)),
    ).toEqual(chosen);

    // Unticking one leaves the other in the URL and the table.
    await page.getByTestId('criteria-choice').locator(`input[value="${chosen[0]}"]`).uncheck();
    await page.waitForURL((url) => url.searchParams.get('kriteria') === chosen[1]);
    await expect.poll(async () => (await drawnChart(page, 'chart-compare-criteria')).labels).toEqual([chosen[1]]);
    expect(view.errors).toEqual([]);
    await view.close();
  });

  it(
    'prints the agency report to PDF with the agency, the period and its key figures, without the screen tools',
    { timeout: 180_000 },
    async () => {
      const view = await openDashboard(fixture, '/masuk');
      const { page } = view;
      await loginAsDemo(page, fixture.server.url, 'walikota');
      await page.goto(`${fixture.server.url}/perangkat-daerah?pd=DISDIK`);
      await page.getByRole('heading', { name: 'Perangkat Daerah: Dinas Pendidikan', level: 1 }).waitFor();
      await drawnChart(page, 'chart-criterion-trend');
      await drawnChart(page, 'chart-distribution');
      await drawnChart(page, 'chart-raters');
      await page.getByTestId('agency-completion').waitFor();
      await page.waitForLoadState('networkidle');

      const { completionShares } = await api<{
        completionShares: { agency: { code: string }; expected: number; shareSubmitted: number | null }[];
      }>(`{ completionShares(year: 2025, quarter: 3) { agency { code } expected shareSubmitted } }`);
      const completion = completionShares.find((row) => row.agency.code === 'DISDIK')!;
      const { distributionCheck } = await api<{
        distributionCheck: { counts: { predikat: string; count: number }[]; rules: { detail: string }[] };
      }>(`{ distributionCheck(agencyCode: "DISDIK", year: 2025) { counts { predikat count } rules { detail } } }`);

      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
      const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
      let text = '';
      for (let i = 1; i <= doc.numPages; i += 1) {
        const content = await (await doc.getPage(i)).getTextContent();
        text += content.items.map((item) => ('str' in item ? item.str : '')).join(' ') + '\n';
      }
      const flat = text.replace(/\s+/g, ' ');
      const id = (x: number, digits = 0) =>
        new Intl.NumberFormat('id-ID', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x);
      expect(flat).toContain('Perangkat Daerah: Dinas Pendidikan');
      expect(flat).toContain('Triwulan IV 2023 – Triwulan III 2025');
      expect(flat).toContain(`${id(completion.expected)} penilaian diharapkan`);
      expect(flat).toContain(
        `${new Intl.NumberFormat('id-ID', { style: 'percent', maximumFractionDigits: 1 }).format(completion.shareSubmitted ?? 0)}`.replace(
          /\s/g,
          ' ',
        ),
      );
      for (const rule of distributionCheck.rules) expect(flat).toContain(rule.detail.replace(/\s+/g, ' '));
      // The data tables are printed: the distribution's counts, as the table shows them.
      const distributionRows = await tableCells(page, 'chart-distribution');
      expect(distributionRows.map((row) => Number(row[1]!.replace(/\./g, '')))).toEqual(
        distributionCheck.counts.map((c) => c.count),
      );
      for (const row of distributionRows) expect(flat).toContain(row.join(' '));
      // The screen parts are not printed: navigation, filters, export buttons, the print button.
      expect(flat).not.toContain('Bandingkan');
      expect(flat).not.toContain('Cetak laporan');
      expect(flat).not.toContain('XLSX');
      expect(view.errors).toEqual([]);
      await view.close();
    },
  );

  it(
    'exports the criterion trend as XLSX whose cells equal the API’s figures, and as a PNG of the canvas',
    { timeout: 180_000 },
    async () => {
      const view = await openDashboard(fixture, '/masuk');
      const { page } = view;
      await loginAsDemo(page, fixture.server.url, 'walikota');
      await page.goto(`${fixture.server.url}/perangkat-daerah?pd=DISDIK`);
      const { performanceTrend } = await api<{ performanceTrend: Point[] }>(CRITERION_TREND, RANGE);
      await expect.poll(async () => drawnChart(page, 'chart-criterion-trend')).toEqual(linesOf(performanceTrend));

      const xlsx = await downloadOf(page, 'chart-criterion-trend-xlsx');
      expect(xlsx.name).toBe('tren-per-kriteria.xlsx');
      const sheet = readXlsx(xlsx.bytes);
      expect(sheet[0]).toEqual(['Kelompok', 'Periode', 'n', 'Rata-rata', 'Median', 'Keterangan']);
      const keys = [...new Set(performanceTrend.map((p) => p.key))].sort();
      const byGroup = keys.flatMap((key) => performanceTrend.filter((p) => p.key === key));
      expect(sheet.slice(1)).toEqual(
        byGroup.map((p) => [p.label, p.periodLabel, p.n, round6(p.mean), round6(p.median), p.note]),
      );
      // The same rows as the data table on the page.
      const cells = await tableCells(page, 'chart-criterion-trend');
      expect(sheet.slice(1).map((row) => [row[0], row[1]])).toEqual(cells.map((row) => [row[0], row[1]]));

      const png = await downloadOf(page, 'chart-criterion-trend-png');
      expect(png.name).toBe('tren-per-kriteria.png');
      const canvas = await page
        .getByTestId('chart-criterion-trend')
        .locator('canvas')
        .evaluate((c: HTMLCanvasElement) => ({ width: c.width, height: c.height }));
      expect(canvas.width).toBeGreaterThan(300);
      const header = checkPng(png.bytes);
      expect({ width: header.width, height: header.height }).toEqual(canvas);
      // A painted chart, not an empty image: lines, axes and labels compress to well over a few kilobytes.
      expect(png.bytes.length).toBeGreaterThan(8_000);
      expect(view.errors).toEqual([]);
      await view.close();
    },
  );

  it(
    'opens GraphiQL in Analis offline with one example per analytics query and the schema docs, and runs one as the analyst',
    { timeout: 180_000 },
    async () => {
      const analytics = [
        'performanceTrend',
        'scoreStatistics',
        'agencyComparison',
        'distributionCheck',
        'trainingImpact',
        'raterObjectivity',
        'trainingNeeds',
      ];
      const view = await openDashboard(fixture, '/masuk');
      const { page } = view;
      await loginAsDemo(page, fixture.server.url, 'analis');
      await page.goto(`${fixture.server.url}/analis`);
      await page.getByRole('heading', { name: 'Analis', level: 1 }).waitFor();
      const frame = page.frameLocator('[data-testid="graphiql-frame"]');
      await frame.locator('.graphiql-execute-button').waitFor({ timeout: 30_000 });
      const textOf = (selector: string) => async () =>
        (await frame.locator(selector).innerText()).replace(/\u00a0/g, ' ');
      await expect.poll(textOf('.graphiql-query-editor'), { timeout: 20_000 }).toContain('query Agencies');

      // The examples of the server (docs/graphql.md): one operation per analytics query at least.
      const examples = parse(EXAMPLE_QUERIES).definitions.filter(
        (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
      );
      const asking = (field: string) =>
        examples.filter(
          (op) =>
            op.operation === 'query' &&
            op.selectionSet.selections.some((s) => s.kind === Kind.FIELD && (s as FieldNode).name.value === field),
        );
      for (const field of analytics) expect(asking(field).length, field).toBeGreaterThanOrEqual(1);

      // The schema docs: the Docs panel opens on the root types and describes an analytics query.
      await frame
        .getByRole('button', { name: /documentation/i })
        .first()
        .click();
      const docs = frame.locator('.graphiql-doc-explorer');
      await docs.waitFor();
      await docs.getByText('Query', { exact: true }).first().click();
      await expect.poll(async () => docs.innerText(), { timeout: 20_000 }).toContain('agencyComparison');
      await docs.getByText('agencyComparison', { exact: true }).first().click();
      await expect.poll(async () => docs.innerText()).toContain('AgencyStanding');

      // The execute button offers every operation of the editor: the examples, by name.
      await frame.locator('.graphiql-execute-button').click();
      const menu = frame.getByRole('menuitem');
      await menu.first().waitFor();
      expect((await menu.allInnerTexts()).map((name) => name.trim())).toEqual(examples.map((op) => op.name!.value));

      // Run "AgencyComparisonOfTheYear" in the frame (the app's session cookie applies). The response pane shows
      // only its visible lines, so the whole answer is read from the frame's request.
      const answered = page.waitForResponse(
        (response) =>
          response.url().endsWith('/graphql') &&
          response.request().method() === 'POST' &&
          (response.request().postData() ?? '').includes('"operationName":"AgencyComparisonOfTheYear"'),
      );
      await frame.getByRole('menuitem', { name: 'AgencyComparisonOfTheYear', exact: true }).click();
      const shown = (await (await answered).json()) as { data: { agencyComparison: { agency: { code: string } }[] } };
      await expect.poll(textOf('.graphiql-response'), { timeout: 30_000 }).toContain('"agencyComparison"');
      expect(await textOf('.graphiql-response')()).toContain(
        `"code": "${shown.data.agencyComparison[0]!.agency.code}"`,
      );
      const example = examples.find((op) => op.name?.value === 'AgencyComparisonOfTheYear')!;
      const analyst = await apiSession(fixture.server, 'analis', 'sibolga-demo');
      const direct = await fixture.server.graphql<{ agencyComparison: unknown[] }>(print(example), {}, analyst);
      expect(direct.errors).toBeUndefined();
      expect(direct.data!.agencyComparison.length).toBeGreaterThan(20);
      expect(shown.data.agencyComparison).toEqual(direct.data!.agencyComparison);
      expect(view.blocked).toEqual([]);
      expect(view.errors).toEqual([]);
      await view.close();
    },
  );
});
