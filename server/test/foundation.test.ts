import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agency } from '../src/modules/agency/agency.entity.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { accountToken } from './helpers/auth.js';
import { startTestServer, type TestServer } from './helpers/server.js';

describe('foundation: database, schema and API', () => {
  let db: TestDatabase;
  let server: TestServer;
  let admin: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase();
    const em = db.orm.em.fork();
    em.create(Agency, { code: 'DISDIK', name: 'Dinas Pendidikan', kind: 'DINAS' });
    em.create(Agency, { code: 'DINKES', name: 'Dinas Kesehatan', kind: 'DINAS' });
    await em.flush();
    server = await startTestServer(db.orm);
    admin = (await accountToken(db.orm.em.fork(), { login: 'admin', role: 'ADMIN' })).headers;
  });

  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  it('answers { agencies { code name } } from the database', async () => {
    const result = await server.graphql<{ agencies: { code: string; name: string }[] }>(
      '{ agencies { code name } }',
      undefined,
      admin,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.agencies).toEqual([
      { code: 'DINKES', name: 'Dinas Kesehatan' },
      { code: 'DISDIK', name: 'Dinas Pendidikan' },
    ]);
  });
});
