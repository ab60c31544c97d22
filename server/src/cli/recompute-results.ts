import 'reflect-metadata';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { inTransaction, recomputeForPolicy } from '../modules/results/index.js';
import { runCli } from './cli-support.js';

const USAGE = 'usage: pnpm run recompute-results [--all]';

/**
 * `pnpm run recompute-results [--all]`: brings the stored results up to the scoring policy of the configuration
 * (SCORING_POLICY_FILE), as the server does at start (docs/scoring.md "Policy versions"): records the policy, and
 * recomputes every result that is not FINAL (nor a frozen annual result) and carries another policy version, or every
 * such result with `--all`. FINAL results and frozen annual results are never touched.
 */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.some((a) => a !== '--all')) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const done = await inTransaction(db.orm, (sql) => recomputeForPolicy(sql, config.policy, args.includes('--all')));
    console.log(
      `Policy ${config.policy.version}${done.policyRecorded ? ' recorded as the one in force' : ' in force'}: ` +
        `${done.evaluations} evaluation results and ${done.annualResults} annual results recomputed.`,
    );
    return 0;
  } finally {
    await db.close();
  }
}

runCli(main, 'recompute-results');
