import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT } from '../config.js';

/**
 * `pnpm bench dashboard` (docs/benchmarks.md "Dashboard"): the initial JavaScript of the built dashboard, gzipped
 * (the entry script and every module it preloads, read from dashboard/dist/index.html; goal at most 300 KiB), and,
 * when a running server is given (`--url`), the largest contentful paint of Ringkasan in headless Chromium.
 */
export const INITIAL_JS_LIMIT_KIB = 300;

export function initialScripts(indexHtml: string): string[] {
  const scripts = [...indexHtml.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]!);
  const preloads = [...indexHtml.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
  return [...new Set([...scripts, ...preloads])];
}

export function initialJsGzipBytes(distDir: string): { files: { file: string; gzip: number }[]; total: number } {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const files = initialScripts(html).map((file) => ({
    file,
    gzip: gzipSync(readFileSync(join(distDir, file.replace(/^\//, '')))).length,
  }));
  return { files, total: files.reduce((sum, f) => sum + f.gzip, 0) };
}

export async function benchDashboard(options: {
  url: string | null;
  login: string | null;
  password: string;
  runs: number;
  log: (line: string) => void;
}): Promise<void> {
  const { log } = options;
  const dist = join(REPO_ROOT, 'dashboard', 'dist');
  const size = initialJsGzipBytes(dist);
  for (const f of size.files) log(`  ${f.file}: ${(f.gzip / 1024).toFixed(1)} KiB gzipped`);
  const kib = size.total / 1024;
  log(
    `initial JavaScript: ${kib.toFixed(1)} KiB gzipped (limit ${INITIAL_JS_LIMIT_KIB} KiB): ${kib <= INITIAL_JS_LIMIT_KIB ? 'ok' : 'OVER'}`,
  );
  if (!options.url) {
    log('LCP: skipped (give --url of a running server, e.g. --url http://127.0.0.1:4000)');
    return;
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const lcps: number[] = [];
    for (let run = 0; run < options.runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      if (options.login) {
        await page.goto(`${options.url}/masuk`);
        await page.fill('#login-user', options.login);
        await page.fill('#login-password', options.password);
        await page.click('button[type=submit]');
        await page.waitForURL((u) => !u.pathname.startsWith('/masuk'));
      }
      const fresh = await context.newPage();
      await fresh.goto(`${options.url}/ringkasan`, { waitUntil: 'networkidle' });
      await fresh.getByTestId('chart-city-trend').waitFor({ timeout: 60_000 });
      const lcp = await fresh.evaluate(
        () =>
          new Promise<number>((resolve) => {
            new PerformanceObserver((list) => {
              const entries = list.getEntries();
              resolve(entries[entries.length - 1]!.startTime);
            }).observe({ type: 'largest-contentful-paint', buffered: true });
          }),
      );
      lcps.push(lcp);
      log(`  run ${run + 1}: LCP of Ringkasan ${(lcp / 1000).toFixed(2)} s`);
      await context.close();
    }
    const sorted = [...lcps].sort((a, b) => a - b);
    log(
      `LCP of Ringkasan (median of ${lcps.length}): ${(sorted[Math.floor(sorted.length / 2)]! / 1000).toFixed(2)} s (goal 1.5 s)`,
    );
  } finally {
    await browser.close();
  }
}
