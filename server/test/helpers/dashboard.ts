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
