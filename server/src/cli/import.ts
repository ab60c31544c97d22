import 'reflect-metadata';
import { checkYear, renderMessage, renderProblem } from '@kinerja/shared';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { ConfigError, loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { closeHistoryThrough } from '../modules/results/index.js';
import { runImport } from '../modules/import/import.service.js';
import { cliLocale, formatReport, progressPrinter } from '../modules/import/report.js';

const USAGE = `usage: pnpm run import <folder> [--dry-run] [--close-through YYYY-Qn] [--lang id|en]

  --dry-run                 check and report what the import would do; write nothing
  --lang en                 the report in English (default: Indonesian, or KINERJA_LANG=en|id)
  --close-through 2025-Q4   after the import is written, close every open quarter up to 2025-Q4 (history:
                            their evaluations that are not DRAFT or OBJECTED are finalised)`;

/**
 * `pnpm run import <folder> [--dry-run] [--close-through YYYY-Qn]`: imports the city's spreadsheets into the
 * database of the server's configuration (DATABASE_URL, else the embedded one), migrating an empty database first,
 * and, once the import is written, closes the imported history when asked. Progress goes to stderr, the report to
 * stdout; the exit code is 1 when the import was rejected, 2 for a wrong command line.
 */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  let dryRun = false;
  let closeThrough: { year: number; quarter: number } | null = null;
  let langFlag: string | undefined;
  const folders: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--dry-run') dryRun = true;
    else if (arg === '--lang' || arg.startsWith('--lang=')) {
      langFlag = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : (args[++i] ?? '');
    } else if (arg === '--close-through' || arg.startsWith('--close-through=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : (args[++i] ?? '');
      const match = /^(\d{4})-?Q([1-4])$/i.exec(value);
      if (!match) {
        console.error(`--close-through needs a quarter such as 2025-Q4, not "${value}"\n${USAGE}`);
        return 2;
      }
      closeThrough = { year: Number(match[1]), quarter: Number(match[2]) };
      const [problem] = checkYear(closeThrough.year);
      if (problem) {
        console.error(
          `--close-through: ${renderProblem(problem, cliLocale(langFlag, process.env.KINERJA_LANG) ?? 'id')}\n${USAGE}`,
        );
        return 2;
      }
    } else folders.push(arg);
  }
  if (folders.length !== 1 || folders[0]!.startsWith('-')) {
    console.error(USAGE);
    return 2;
  }
  const locale = cliLocale(langFlag, process.env.KINERJA_LANG);
  if (locale === null) {
    console.error(`--lang (or KINERJA_LANG) must be id or en, not "${langFlag ?? process.env.KINERJA_LANG}"\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const report = await runImport({
      orm: db.orm,
      // `pnpm run import` runs this in server/; the folder is meant from where the command was typed (INIT_CWD).
      folder: resolve(process.env.INIT_CWD ?? process.cwd(), folders[0]!),
      dryRun,
      actor: `cli:${userInfo().username}`,
      policy: config.policy,
      onProgress: progressPrinter((line) => process.stderr.write(`${line}\n`)),
    });
    console.log(formatReport(report, locale));
    if (report.committed && closeThrough) {
      const closed = await closeHistoryThrough(db.orm, closeThrough, {
        actor: `cli:${userInfo().username}`,
        policy: config.policy,
        reason: `history imported from ${report.folder}`,
      });
      console.log(renderMessage({ code: 'IMPORT_REPORT_CLOSED', params: { quarters: closed } }, locale));
    }
    return report.ok ? 0 : 1;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) console.error(`Configuration error: ${error.message}`);
    else console.error('The import failed:', error);
    process.exit(1);
  },
);
