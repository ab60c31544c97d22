import 'reflect-metadata';
import { userInfo } from 'node:os';
import type { EntityManager } from '@mikro-orm/postgresql';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { issueTokenForLogin, MAX_TOKEN_HOURS, tokenSecret } from '../modules/auth/auth.service.js';
import { runCli, takeOption } from './cli-support.js';

const USAGE = `usage: pnpm run issue-token <login> [--hours N]   (default 24, at most ${MAX_TOKEN_HOURS})`;

/**
 * `pnpm run issue-token <login> [--hours N]`: prints a bearer token for an account (e.g. an analyst's, for their own
 * tools) on stdout, and what it is on stderr, so that `TOKEN=$(pnpm run --silent issue-token analis)` works. The
 * token is signed with the server's secret (KINERJA_TOKEN_SECRET, else the one kept in the database), so the server
 * accepts it. On the embedded database, stop the server first: it serves one process at a time.
 */
async function main(): Promise<number> {
  const hoursOption = takeOption(process.argv.slice(2), 'hours');
  const args = hoursOption.rest;
  if (args.length !== 1 || args[0]!.startsWith('-')) {
    console.error(USAGE);
    return 2;
  }
  const hours = hoursOption.value === null ? 24 : Number(hoursOption.value);
  if (!Number.isFinite(hours) || hours <= 0 || hours > MAX_TOKEN_HOURS) {
    console.error(`--hours must be a number above 0 and at most ${MAX_TOKEN_HOURS}\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const em = db.orm.em.fork() as EntityManager;
    const { user, token, expiresAt } = await issueTokenForLogin(em, {
      actor: `cli:${userInfo().username}`,
      login: args[0]!,
      hours,
      secret: await tokenSecret(em, config.tokenSecret),
    });
    console.error(
      `Token for ${user.login} (${user.role}), valid until ${expiresAt.toISOString()}. ` +
        'Send it as the header "Authorization: Bearer <token>".',
    );
    console.log(token);
    return 0;
  } finally {
    await db.close();
  }
}

runCli(main, 'issue-token');
