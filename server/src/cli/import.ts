import 'reflect-metadata';
import { userInfo } from 'node:os';
import { ConfigError, loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { runImport } from '../modules/import/import.service.js';
import { formatReport, progressPrinter } from '../modules/import/report.js';

const USAGE = 'usage: pnpm run import <folder> [--dry-run]';

/**
 * `pnpm run import <folder> [--dry-run]`: imports the city's spreadsheets into the database of the server's
 * configuration (DATABASE_URL, else the embedded one), migrating an empty database first. Progress goes to stderr,
 * the report to stdout; the exit code is 1 when the import was rejected.
 */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const dryRun = args.includes('--dry-run');
  const folders = args.filter((a) => a !== '--dry-run');
  if (folders.length !== 1 || folders[0]!.startsWith('-')) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const report = await runImport({
      orm: db.orm,
      folder: folders[0]!,
      dryRun,
      actor: `cli:${userInfo().username}`,
      policy: config.policy,
      onProgress: progressPrinter((line) => process.stderr.write(`${line}\n`)),
    });
    console.log(formatReport(report));
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
