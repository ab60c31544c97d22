// PostGraphile 4.14 over a database, the peer of `pnpm bench read` (docs/benchmarks.md). Started by the bench:
//   DATABASE_URL=postgresql://... PORT=4101 node bench/postgraphile/server.js
// Production settings of PostGraphile's own documentation: no GraphiQL, no watch, no query log; one pool of 10.
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';

const databaseUrl = process.env.DATABASE_URL;
const port = Number(process.env.PORT ?? '4101');
if (!databaseUrl) {
  console.error('DATABASE_URL is required');
  process.exit(2);
}

const middleware = postgraphile({ connectionString: databaseUrl, max: 10 }, 'public', {
  graphiql: false,
  watchPg: false,
  disableQueryLog: true,
  dynamicJson: true,
  setofFunctionsContainNulls: false,
  ignoreRBAC: false,
  retryOnInitFail: false,
  extendedErrors: ['errcode'],
  legacyRelations: 'omit',
});

const server = createServer(middleware);
server.listen(port, '127.0.0.1', () => {
  console.log(`PostGraphile listening on http://127.0.0.1:${port}/graphql`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
