import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineProject({
  resolve: {
    alias: [
      // One copy of graphql under vitest (otherwise "from another module or realm").
      { find: /^graphql$/, replacement: here('./node_modules/graphql/index.js') },
      // Tests run the shared rules from source; no build needed.
      { find: /^@kinerja\/shared$/, replacement: here('../shared/src/index.ts') },
    ],
  },
  test: {
    name: 'server',
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The demo data's "today" (docs/operations.md): fixed, so that no test depends on the day it runs.
    env: { KINERJA_DEMO_TODAY: '2026-12-02' },
  },
});
