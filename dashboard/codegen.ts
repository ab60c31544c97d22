import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents from the server's checked-in schema (docs/dashboard.md "Queries"): `pnpm typecheck` regenerates
 * them before vue-tsc, so a schema change that breaks a page fails `pnpm check`.
 */
const config: CodegenConfig = {
  schema: '../server/schema.graphql',
  documents: ['src/**/*.ts', 'src/**/*.vue', '!src/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    'src/gql/': {
      preset: 'client',
      // Apollo Client 4 masks fragments itself.
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true, skipTypename: true },
    },
  },
  silent: true,
};

export default config;
