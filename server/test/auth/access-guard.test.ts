import { buildSchema, graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import { checkOperation, installAccessGuards } from '../../src/modules/access/schema-guard.js';
import type { Viewer } from '../../src/modules/access/viewer.js';

/**
 * The gate on its own, over a toy schema: a root field that the operation table does not know is refused for every
 * caller, an administrator included (fail closed), while known fields pass. The real schema is covered by the
 * access matrix.
 */
const admin: Viewer = { userId: 1, login: 'admin', role: 'ADMIN', employeeId: null, agencyId: null, anonymous: false };

describe('the access middleware', () => {
  it('refuses a root field without an entry in operation-access.ts, for everyone', async () => {
    const schema = installAccessGuards(
      buildSchema(`
        type Query { agencies: [String!] secretReport: String }
        type Mutation { login(login: String!, password: String!): String dropEverything: Boolean }
      `),
    );
    const rootValue = { agencies: () => ['DISDIK'], secretReport: () => 'secret', dropEverything: () => true };
    for (const viewer of [admin, null]) {
      const context = { viewer, access: null, scope: null };
      const read = await graphql({ schema, source: '{ agencies secretReport }', rootValue, contextValue: context });
      expect(read.errors?.map((e) => [e.path?.join('.'), e.extensions.code, e.message])).toEqual([
        ...(viewer ? [] : [['agencies', 'UNAUTHENTICATED', 'Masuk (login) dulu: operasi ini memerlukan token']]),
        ['secretReport', 'FORBIDDEN', 'operasi secretReport tidak memiliki aturan akses'],
      ]);
      if (viewer) expect(read.data).toEqual({ agencies: ['DISDIK'], secretReport: null });
      const write = await graphql({ schema, source: 'mutation { dropEverything }', rootValue, contextValue: context });
      expect(write.errors?.[0]?.message).toBe('operasi dropEverything tidak memiliki aturan akses');
      expect(write.data).toEqual({ dropEverything: null });
    }
  });

  it('checks in order: the rule, a caller, the initial password, the read-only demo caller, the role', () => {
    const code = (fn: () => void) => {
      try {
        fn();
        return 'PASSED';
      } catch (error) {
        return `${(error as { extensions: { code: string } }).extensions.code}: ${(error as Error).message}`;
      }
    };
    const demo: Viewer = { ...admin, userId: null, login: 'anonymous', role: 'POLICY', anonymous: true };
    const fresh: Viewer = { ...admin, role: 'EMPLOYEE', mustChangePassword: true };
    expect(code(() => checkOperation('query', 'nothing', admin))).toBe(
      'FORBIDDEN: operasi nothing tidak memiliki aturan akses',
    );
    expect(code(() => checkOperation('mutation', 'login', null))).toBe('PASSED');
    expect(code(() => checkOperation('query', 'agencies', null))).toMatch(/^UNAUTHENTICATED/);
    expect(code(() => checkOperation('query', 'agencies', demo))).toBe('PASSED');
    expect(code(() => checkOperation('query', 'transparency', demo))).toMatch(/^UNAUTHENTICATED: Masuk \(login\) dulu/);
    expect(code(() => checkOperation('mutation', 'changePassword', demo))).toMatch(
      /^UNAUTHENTICATED: Masuk \(login\) dulu/,
    );
    expect(code(() => checkOperation('query', 'employees', fresh))).toMatch(
      /^FORBIDDEN: Pilih kata sandi Anda sendiri/,
    );
    expect(code(() => checkOperation('mutation', 'changePassword', fresh))).toBe('PASSED');
    expect(code(() => checkOperation('query', 'me', fresh))).toBe('PASSED');
    expect(code(() => checkOperation('mutation', 'createAccounts', { ...admin, role: 'LEADER' }))).toBe(
      'FORBIDDEN: createAccounts tidak tersedia bagi akun LEADER (hanya bagi ADMIN)',
    );
  });
});
