import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { hashPassword } from '../../src/modules/auth/password.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

/**
 * Issue 12, acceptance 5: a login with a password, then a crash-inducing request carrying the password: the log holds
 * neither the password nor a body; each line is JSON with the request id, operation name, role and duration, and an
 * unexpected error is logged once, with its stack, on the server only.
 */

const PASSWORD = 'Rahasia-Kabid-2025!';
const lines: Record<string, unknown>[] = [];
let raw = '';
let db: TestDatabase;
let app: App;
let url: string;

beforeAll(async () => {
  db = await createTestDatabase();
  await db.orm.em
    .fork()
    .getConnection()
    .execute(`insert into app_user (login, password_hash, role) values ('kabid', ?, 'ADMIN')`, [
      await hashPassword(PASSWORD),
    ]);
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      raw += chunk.toString('utf8');
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const config = loadConfig({ NODE_ENV: 'production', PORT: '0', KINERJA_DEMO_DATA: 'false', LOG_LEVEL: 'info' });
  app = await createApp(config, db.orm, { logDestination: destination });
  app.httpServer.listen(0, '127.0.0.1');
  await once(app.httpServer, 'listening');
  url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await app?.apollo.stop();
  await db?.close();
});

async function post(body: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: response.status, text: await response.text(), cookie: response.headers.get('set-cookie') };
}

/** Log lines are written as the response finishes: wait until `count` lines are there. */
async function untilLines(count: number) {
  for (let i = 0; i < 100 && lines.length < count; i++) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('the production log', () => {
  it('holds neither the password nor a body after a login and a malformed request carrying the password', async () => {
    const login = `mutation LogIn { login(login: "kabid", password: "${PASSWORD}") { expiresAt } }`;
    const ok = await post(JSON.stringify({ query: login }), { 'x-request-id': 'req-login-0001' });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.text).data.login.expiresAt).toBeTruthy();
    const session = /kinerja_session=([^;]+)/.exec(ok.cookie ?? '')![1]!;

    // The malformed JSON of issue 12 (a trailing comma), with the password and the session cookie.
    const bad = await post(`${JSON.stringify({ query: login, variables: { password: PASSWORD } }).slice(0, -1)},}`, {
      cookie: `kinerja_session=${session}`,
      authorization: `Bearer ${session}`,
    });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(bad.text).not.toMatch(/<html|at .*\(|\.ts:\d+/i);

    await untilLines(2);
    expect(raw).not.toContain(PASSWORD);
    expect(raw).not.toContain(session);
    expect(raw).not.toMatch(/mutation|login\(|"query"|"variables"|"body"|authorization|cookie/i);

    const [first, second] = lines;
    expect(first).toMatchObject({
      level: 30,
      reqId: 'req-login-0001',
      req: { method: 'POST', path: '/graphql' },
      res: { statusCode: 200 },
      operationName: 'LogIn',
      role: 'NONE',
    });
    expect(typeof first!.responseTime).toBe('number');
    expect(second).toMatchObject({ level: 40, req: { method: 'POST', path: '/graphql' }, res: { statusCode: 400 } });
    expect(second!.reqId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs an unexpected error once, with its stack, and sends the client none', async () => {
    lines.length = 0;
    raw = '';
    const { token } = JSON.parse(
      (await post(JSON.stringify({ query: `mutation { login(login: "kabid", password: "${PASSWORD}") { token } }` })))
        .text,
    ).data.login as { token: string };
    lines.length = 0;
    raw = '';
    const em = db.orm.em.fork();
    await em.getConnection().execute('alter table agency rename to agency_gone');
    try {
      const failed = await post(JSON.stringify({ query: 'query Agencies { agencies { code } }' }), {
        authorization: `Bearer ${token}`,
      });
      expect(JSON.parse(failed.text).errors[0]).toMatchObject({
        message: 'Internal server error',
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
      expect(failed.text).not.toMatch(/agency_gone|select|stack|\.ts:\d+/i);
    } finally {
      await em.getConnection().execute('alter table agency_gone rename to agency');
    }
    await untilLines(2);
    const errors = lines.filter((line) => line.err);
    expect(errors).toHaveLength(1);
    const err = errors[0]!.err as { stack: string; message: string };
    expect(err.stack).toMatch(/\n\s+at /);
    expect(errors[0]).toMatchObject({ level: 50, operationName: 'Agencies', role: 'ADMIN' });
    expect(raw).not.toContain(token);
  });
});
