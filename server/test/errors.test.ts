import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agency } from '../src/modules/agency/agency.entity.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { accountToken } from './helpers/auth.js';
import { startTestServer, type TestServer } from './helpers/server.js';

describe('errors reach clients with stable codes and without internals', () => {
  let db: TestDatabase;
  let server: TestServer;
  let admin: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase();
    const em = db.orm.em.fork();
    em.create(Agency, { code: 'DISDIK', name: 'Dinas Pendidikan', kind: 'DINAS' });
    await em.flush();
    server = await startTestServer(db.orm, { NODE_ENV: 'production' });
    admin = (await accountToken(db.orm.em.fork(), { login: 'admin', role: 'ADMIN' })).headers;
  });

  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  it('answers a malformed argument with BAD_USER_INPUT naming the field and the rule', async () => {
    const result = await server.graphql('{ agency(code: "dinas pendidikan") { name } }', undefined, admin);
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'code' });
    expect(result.errors?.[0]?.message).toBe(
      '"dinas pendidikan" is not an agency code: use 2-32 capital letters, digits or _ (e.g. DISDIK)',
    );
  });

  it('answers a variable of the wrong type with BAD_USER_INPUT saying what is wrong', async () => {
    const result = await server.graphql('query ($code: String!) { agency(code: $code) { name } }', { code: 7 }, admin);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain('String cannot represent a non string value: 7');
  });

  it('answers an unknown agency with NOT_FOUND', async () => {
    const result = await server.graphql('{ agency(code: "NOPE") { name } }', undefined, admin);
    expect(result.errors?.[0]).toMatchObject({
      message: 'Perangkat daerah NOPE tidak ditemukan',
      extensions: { code: 'NOT_FOUND' },
    });
  });

  it('in production hides the stack trace and the SQL of a database failure', async () => {
    const em = db.orm.em.fork();
    await em.getConnection().execute('alter table agency rename to agency_gone');
    try {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...admin },
        body: JSON.stringify({ query: '{ agencies { code name } }' }),
      });
      const text = await response.text();
      const body = JSON.parse(text) as { errors: { message: string; extensions: Record<string, unknown> }[] };
      expect(body.errors[0]).toMatchObject({
        message: 'Internal server error',
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
      expect(text).not.toMatch(/select|agency_gone|relation|stacktrace|\.ts:\d+|at async/i);
    } finally {
      await em.getConnection().execute('alter table agency_gone rename to agency');
    }
  });
});
