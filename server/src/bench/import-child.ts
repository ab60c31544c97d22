import 'reflect-metadata';
import { userInfo } from 'node:os';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { runImport } from '../modules/import/import.service.js';
import { formatReport, progressPrinter } from '../modules/import/report.js';

/**
 * The importer as the bench runs it, in a process of its own: imports the folder of argv[2] into DATABASE_URL,
 * prints the report and, last, one JSON line with the import's time and this process's peak RSS.
 */
const config = loadConfig();
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  const started = Date.now();
  const report = await runImport({
    orm: db.orm,
    folder: process.argv[2]!,
    actor: `cli:${userInfo().username}`,
    policy: config.policy,
    onProgress: progressPrinter((line) => process.stderr.write(`${line}\n`), 5000),
  });
  const importMs = Date.now() - started;
  console.log(formatReport(report));
  console.log(JSON.stringify({ importMs, maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
  process.exitCode = report.committed ? 0 : 1;
} finally {
  await db.close();
}
