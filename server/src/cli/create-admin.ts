import 'reflect-metadata';
import { userInfo } from 'node:os';
import type { EntityManager } from '@mikro-orm/postgresql';
import { renderMessage } from '@kinerja/shared';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { createAccount } from '../modules/auth/auth.service.js';
import { passwordProblem } from '../modules/auth/password.js';
import { promptHidden, runCli, takeOption } from './cli-support.js';

const USAGE = 'usage: pnpm run create-admin <login> [--name "Display name"] [--nip <NIP of the employee>]';

/**
 * `pnpm run create-admin <login>`: creates an administrator account (the first one, or another) in the database of
 * the server's configuration (DATABASE_URL, else the embedded one: stop the server first, the embedded database
 * serves one process at a time). The password comes from KINERJA_ADMIN_PASSWORD, or is asked twice on a terminal;
 * a weak one is refused.
 */
async function main(): Promise<number> {
  const name = takeOption(process.argv.slice(2), 'name');
  const nip = takeOption(name.rest, 'nip');
  const args = nip.rest;
  if (args.length !== 1 || args[0]!.startsWith('-')) {
    console.error(USAGE);
    return 2;
  }
  const login = args[0]!;
  let password = process.env.KINERJA_ADMIN_PASSWORD ?? '';
  if (password === '') {
    if (!process.stdin.isTTY) {
      console.error('Set KINERJA_ADMIN_PASSWORD, or run this command on a terminal to type the password.');
      return 2;
    }
    password = await promptHidden(`Password for ${login}: `);
    const problem = passwordProblem(password, login);
    if (problem) {
      console.error(`${renderMessage(problem)}.`);
      return 1;
    }
    if ((await promptHidden('The same password again: ')) !== password) {
      console.error('The two passwords differ; nothing was created.');
      return 1;
    }
  }
  const problem = passwordProblem(password, login);
  if (problem) {
    console.error(`${renderMessage(problem)}.`);
    return 1;
  }
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const { user } = await createAccount(db.orm.em.fork() as EntityManager, `cli:${userInfo().username}`, {
      login,
      role: 'ADMIN',
      password,
      displayName: name.value,
      employeeNip: nip.value,
    });
    console.log(
      `Administrator ${user.login} created${db.embedded ? ` in the embedded database (${config.dataDir})` : ''}.\n` +
        'Log in with the mutation login(login, password) in GraphiQL, or get a token for a tool with\n' +
        `  pnpm run issue-token ${user.login}`,
    );
    return 0;
  } finally {
    await db.close();
  }
}

runCli(main, 'create-admin');
