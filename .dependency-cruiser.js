// The module boundaries of docs/architecture.md, checked by `pnpm run deps` (part of `pnpm check`).
import { fileURLToPath } from 'node:url';

export default {
  forbidden: [
    {
      name: 'no-module-cycle',
      comment:
        'Modules (server/src/modules/<area>) depend on each other one way only: a cycle ties two modules into one. ' +
        'A two-way ORM relation inside one module is fine.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^server/src/modules/[^/]+$' },
      to: { path: '^server/src/modules/[^/]+$', circular: true },
    },
    {
      name: 'foundation-imports-no-module',
      comment: 'server/src/graphql is the foundation (errors, pagination, batching, ...): it knows no module.',
      severity: 'error',
      from: { path: '^server/src/graphql/' },
      to: { path: '^server/src/(modules|api)/' },
    },
    {
      name: 'modules-do-not-import-the-assembly',
      comment: 'server/src/api assembles the modules; a module that imported it would import every module.',
      severity: 'error',
      from: { path: '^server/src/modules/' },
      to: { path: '^server/src/api/' },
    },
    {
      name: 'shared-stands-alone',
      comment: 'shared/ holds pure rules used by both sides: it imports neither the server nor the dashboard.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(server|dashboard)/' },
    },
    {
      name: 'dashboard-imports-no-server-code',
      comment: 'The dashboard talks to the server over GraphQL only (its types come from server/schema.graphql).',
      severity: 'error',
      from: { path: '^dashboard/' },
      to: { path: '^server/' },
    },
    {
      name: 'checker-stands-alone',
      comment:
        'The checker recomputes the figures on its own (docs/checker.md): code shared with the server would make it ' +
        'check the code against itself.',
      severity: 'error',
      from: { path: '^checker/' },
      to: { path: '^(server|shared|dashboard)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules|coverage)/' },
    tsPreCompilationDeps: true,
    // An absolute path: a relative one breaks the `extends` of the tsconfig.
    tsConfig: { fileName: fileURLToPath(new URL('server/tsconfig.test.json', import.meta.url)) },
  },
};
