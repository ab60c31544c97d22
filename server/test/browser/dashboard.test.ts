import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/config.js';
import { launchBrowser, offlineContext } from '../helpers/browser.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const DASHBOARD_DIST = join(REPO_ROOT, 'dashboard', 'dist', 'index.html');

describe('the built dashboard in Chromium, against the real server', () => {
  let db: TestDatabase;
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(DASHBOARD_DIST)) {
      throw new Error('dashboard/dist is missing: the test command builds it first (pnpm test), or run pnpm run build');
    }
    db = await createTestDatabase();
    const connection = db.orm.em.getConnection();
    await connection.execute(
      `insert into agency (code, name, kind) values ('DISDIK', 'Dinas Pendidikan', 'DINAS'), ('DINKES', 'Dinas Kesehatan', 'DINAS')`,
    );
    // 1,200 employees in DISDIK and 34 in DINKES: enough for a thousands separator.
    await connection.execute(
      `insert into employee (nip, name, employment_type, agency_id)
       select lpad(i::text, 18, '0'), 'Pegawai ' || i, 'PNS', (select id from agency where code = case when i <= 1200 then 'DISDIK' else 'DINKES' end)
       from generate_series(1, 1234) as i`,
    );
    // Demo mode, as on a newcomer's first start: the page reads anonymously (as a POLICY caller would), no login.
    server = await startTestServer(db.orm, { KINERJA_DEMO_DATA: 'true' });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await db?.close();
  });

  it('shows the agencies in Indonesian with id-ID numbers, then in English, needing nothing from the internet', async () => {
    const { context, blocked } = await offlineContext(browser);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(server.url);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('id');
    await page.getByRole('heading', { name: 'Perangkat Daerah' }).waitFor({ timeout: 20_000 });
    const rows = page.locator('[data-testid="agency-table"] tbody tr');
    await expect
      .poll(() => rows.allInnerTexts())
      .toEqual(['DINKES\tDinas Kesehatan\t34', 'DISDIK\tDinas Pendidikan\t1.200']);
    await expect.poll(() => page.getByTestId('employee-total').innerText()).toBe('1.234');

    await page.getByRole('combobox').selectOption('en');
    await page.getByRole('heading', { name: 'Agencies' }).waitFor();
    await expect.poll(() => page.getByTestId('employee-total').innerText()).toBe('1,234');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');

    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
