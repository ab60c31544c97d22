import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agency } from '../../src/modules/agency/agency.entity.js';
import { launchBrowser, offlineContext } from '../helpers/browser.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

describe('GraphiQL at /graphql works in Chromium with the internet cut off', () => {
  let db: TestDatabase;
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    db = await createTestDatabase();
    const em = db.orm.em.fork();
    em.create(Agency, { code: 'DISDIK', name: 'Dinas Pendidikan', kind: 'DINAS' });
    await em.flush();
    // Demo mode, as on a newcomer's first start: the page reads anonymously (as a POLICY caller would), no login.
    server = await startTestServer(db.orm, { KINERJA_DEMO_DATA: 'true' });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await db?.close();
  });

  it('loads, shows the example queries and runs a query against the API', async () => {
    const { context, blocked } = await offlineContext(browser);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${server.url}/graphql`);
    await page.locator('.graphiql-execute-button').waitFor({ timeout: 20_000 });
    // The example operations are in the editor.
    // Monaco writes spaces as non-breaking ones.
    const textOf = (selector: string) => async () => (await page.locator(selector).innerText()).replace(/\u00a0/g, ' ');
    const editorText = textOf('.graphiql-query-editor');
    await expect.poll(editorText, { timeout: 20_000 }).toContain('query Agencies');
    // Run the "Agencies" example: the execute button asks which operation when there are several.
    await page.locator('.graphiql-execute-button').click();
    await page.getByRole('menuitem', { name: 'Agencies' }).click();
    await expect.poll(textOf('.graphiql-response'), { timeout: 20_000 }).toContain('"name": "Dinas Pendidikan"');
    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
