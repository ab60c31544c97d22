import { join } from 'node:path';
import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { REPO_ROOT } from '../../src/config.js';
import { loadInitialData } from '../../src/db/initial-data.js';
import { ensureDemoAccounts } from '../../src/modules/auth/demo-accounts.js';
import { launchBrowser, offlineContext } from './browser.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { startTestServer, type TestServer } from './server.js';

/**
 * The dashboard as a newcomer meets it (docs/dashboard.md "Browser tests"): the built dashboard served by the real
 * server in demo mode, over a small Kota Sibolga demo data set with the demo accounts, and one Chromium. Start it
 * once per test file (beforeAll) and share it across the file's tests: the machine is slow.
 */
export interface DashboardFixture {
  db: TestDatabase;
  server: TestServer;
  browser: Browser;
  stop(): Promise<void>;
}

/** The demo day of the fixture: 2023 Q1 - 2025 Q2 closed, 2025 Q3 open. */
export const DEMO_TODAY = '2025-08-15';

export async function startDashboard(options: { employees?: number } = {}): Promise<DashboardFixture> {
  if (!existsSync(join(REPO_ROOT, 'dashboard', 'dist', 'index.html'))) {
    throw new Error('dashboard/dist is missing: the test command builds it first (pnpm test), or run pnpm run build');
  }
  const db = await createTestDatabase();
  await loadInitialData(db.orm, { log: () => undefined, employees: options.employees ?? 400, today: DEMO_TODAY });
  await ensureDemoAccounts(db.orm.em.fork());
  const server = await startTestServer(db.orm, { KINERJA_DEMO_DATA: 'true', KINERJA_DEMO_TODAY: DEMO_TODAY });
  const browser = await launchBrowser();
  return {
    db,
    server,
    browser,
    async stop() {
      await browser.close();
      await server.stop();
      await db.close();
    },
  };
}

export interface DashboardPage {
  context: BrowserContext;
  page: Page;
  /** Requests that tried to leave the machine (must stay empty). */
  blocked: string[];
  /** Uncaught errors of the page (must stay empty). */
  errors: string[];
  close(): Promise<void>;
}

/** A fresh offline browser context (own cookies) with one page, recording page errors. */
export async function openDashboard(fixture: DashboardFixture, path = '/'): Promise<DashboardPage> {
  const { context, blocked } = await offlineContext(fixture.browser);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(fixture.server.url + path);
  return { context, page, blocked, errors, close: () => context.close() };
}

/** Logs in through the login page's one-click demo button and waits for the role's home page. */
export async function loginAsDemo(page: Page, baseUrl: string, login: string): Promise<void> {
  await page.goto(`${baseUrl}/masuk`);
  await page.getByTestId(`demo-${login}`).click();
  await page.waitForURL((url) => url.pathname !== '/masuk', { timeout: 20_000 });
  await expect.poll(() => page.getByTestId('session-user').innerText()).not.toContain('demo mode');
}

/** The labels of the role navigation, in order. */
export async function navLabels(page: Page): Promise<string[]> {
  const nav = page.getByTestId('role-nav');
  if ((await nav.count()) === 0) return [];
  return (await nav.locator('a').allInnerTexts()).map((text) => text.trim());
}

/** Logs in over the API (as a tool would) and returns the session cookie header for `server.graphql`. */
export async function apiSession(server: TestServer, login: string, password: string): Promise<Record<string, string>> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($l: String!, $p: String!) { login(login: $l, password: $p) { token } }',
      variables: { l: login, p: password },
    }),
  });
  const body = (await response.json()) as { data?: { login: { token: string } } };
  if (!body.data) throw new Error(`login of ${login} failed: ${JSON.stringify(body)}`);
  return { authorization: `Bearer ${body.data.login.token}` };
}

/** What a chart draws: its labels and each dataset's label and values, read from the Chart.js instance. */
export interface DrawnChart {
  labels: string[];
  datasets: { label: string; data: (number | null)[] }[];
}

/** Waits for the chart figure and returns what its Chart.js instance draws (`__chart` on the figure). */
export async function drawnChart(page: Page, testid: string): Promise<DrawnChart> {
  const figure = page.getByTestId(testid);
  await figure.waitFor({ timeout: 30_000 });
  await expect.poll(() => figure.evaluate((el) => Boolean((el as { __chart?: unknown }).__chart))).toBe(true);
  return figure.evaluate((el) => {
    const chart = (
      el as unknown as {
        __chart: { data: { labels: string[]; datasets: { label: string; data: (number | null)[] }[] } };
      }
    ).__chart;
    return {
      labels: [...chart.data.labels],
      datasets: chart.data.datasets.map((dataset) => ({ label: dataset.label, data: [...dataset.data] })),
    };
  });
}

/** True when the chart's canvas has painted pixels (not blank). */
export async function canvasPainted(page: Page, testid: string): Promise<boolean> {
  return page
    .getByTestId(testid)
    .locator('canvas')
    .evaluate((canvas: HTMLCanvasElement) => {
      const context = canvas.getContext('2d');
      if (!context || canvas.width === 0 || canvas.height === 0) return false;
      const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
      let painted = 0;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) painted += 1;
      return painted > 500;
    });
}

/** The text of each cell of a chart's data table, row by row (works while the table is folded). */
export async function tableCells(page: Page, testid: string): Promise<string[][]> {
  return page
    .getByTestId(`${testid}-table`)
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent!.trim())));
}

/** Clicks an export button and returns the downloaded file's name and bytes. */
export async function downloadOf(page: Page, buttonTestid: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(buttonTestid).click()]);
  const path = await download.path();
  const { readFile } = await import('node:fs/promises');
  return { name: download.suggestedFilename(), bytes: await readFile(path) };
}

/** Parses CSV as a spreadsheet program does (quoted fields, doubled quotes, CRLF), written here apart from the app. */
export function parseCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}
