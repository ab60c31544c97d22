import { createRequire } from 'node:module';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { crc32, inflateRawSync, inflateSync } from 'node:zlib';
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

/** The files of a ZIP archive (an XLSX), read from its central directory with node:zlib, apart from the app. */
export function unzip(bytes: Buffer): Map<string, Buffer> {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a ZIP archive: no end of central directory');
  const files = new Map<string, Buffer>();
  let offset = bytes.readUInt32LE(end + 16);
  for (let i = 0; i < bytes.readUInt16LE(end + 10); i += 1) {
    if (bytes.readUInt32LE(offset) !== 0x02014b50) throw new Error('broken central directory');
    const method = bytes.readUInt16LE(offset + 10);
    const size = bytes.readUInt32LE(offset + 20);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    const local = bytes.readUInt32LE(offset + 42);
    const name = bytes.toString('utf8', offset + 46, offset + 46 + nameLength);
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + size);
    files.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

function xmlText(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');
}

/**
 * The first sheet of an XLSX file as rows of cells (a shared or inline string, a number, or null for an empty
 * cell), read as a spreadsheet program does: by each cell's reference, not by its position in the XML.
 */
export function readXlsx(bytes: Buffer): (string | number | null)[][] {
  const files = unzip(bytes);
  const shared = [...(files.get('xl/sharedStrings.xml')?.toString('utf8') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map(
    (si) => xmlText([...si[1]!.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')),
  );
  const sheet = files.get('xl/worksheets/sheet1.xml')?.toString('utf8');
  if (!sheet) throw new Error('no xl/worksheets/sheet1.xml');
  const rows: (string | number | null)[][] = [];
  for (const cell of sheet.matchAll(/<c r="([A-Z]+)(\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const column = [...cell[1]!].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0) - 1;
    const row = Number(cell[2]) - 1;
    const type = /t="(\w+)"/.exec(cell[3]!)?.[1];
    const value = /<v>([\s\S]*?)<\/v>/.exec(cell[4] ?? '')?.[1];
    const inline = /<is>[\s\S]*?<t[^>]*>([\s\S]*?)<\/t>/.exec(cell[4] ?? '')?.[1];
    let parsed: string | number | null = null;
    if (type === 's' && value !== undefined) parsed = shared[Number(value)]!;
    else if (type === 'inlineStr' && inline !== undefined) parsed = xmlText(inline);
    else if (type === 'str' && value !== undefined) parsed = xmlText(value);
    else if (value !== undefined) parsed = Number(value);
    while (rows.length <= row) rows.push([]);
    rows[row]![column] = parsed;
  }
  const width = Math.max(...rows.map((row) => row.length));
  return rows.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? null));
}

/**
 * Checks a PNG file as a decoder would: the signature, every chunk's CRC, IHDR first and IEND last, and the image
 * data inflating to exactly the rows its header announces. Returns the header's width, height and colour type.
 */
export function checkPng(bytes: Buffer): { width: number; height: number; colorType: number; bitDepth: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature)) throw new Error('not a PNG: wrong signature');
  const chunks: { type: string; data: Buffer }[] = [];
  for (let offset = 8; offset < bytes.length;) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    if (crc32(bytes.subarray(offset + 4, offset + 8 + length)) !== bytes.readUInt32BE(offset + 8 + length)) {
      throw new Error(`PNG chunk ${type}: CRC mismatch`);
    }
    chunks.push({ type, data });
    offset += 12 + length;
  }
  if (chunks[0]?.type !== 'IHDR' || chunks.at(-1)?.type !== 'IEND') throw new Error('PNG without IHDR or IEND');
  const header = chunks[0].data;
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const bitDepth = header[8]!;
  const colorType = header[9]!;
  const channels = ({ 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as Record<number, number>)[colorType];
  if (!channels || header[12] !== 0) throw new Error(`PNG colour type ${colorType} or interlace not expected`);
  const pixels = inflateSync(Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data)));
  const rowBytes = 1 + Math.ceil((width * channels * bitDepth) / 8);
  if (pixels.length !== rowBytes * height) {
    throw new Error(`PNG image data of ${pixels.length} bytes, ${rowBytes * height} expected`);
  }
  return { width, height, colorType, bitDepth };
}

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core's serious and critical violations on the page as it stands, as `id (impact, nodes)`; [] when clean. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async () => {
    const w = window as unknown as {
      axe: { run(ctx: Document): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> };
    };
    const result = await w.axe.run(document);
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`);
  });
}
