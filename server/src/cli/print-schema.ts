import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { printKinerjaSchema } from '../api/schema.js';

/**
 * Prints the GraphQL schema (SDL, sorted) that `server/schema.graphql` must equal.
 *   node dist/cli/print-schema.js                  prints it to stdout (`pnpm schema:print` writes the file)
 *   node dist/cli/print-schema.js --check <file>   exits 1 when <file> differs (CI's schema drift check)
 */
async function main(args: string[]): Promise<number> {
  const sdl = await printKinerjaSchema();
  if (args.length === 0) {
    process.stdout.write(sdl);
    return 0;
  }
  if (args[0] === '--check' && args.length === 2) {
    const file = args[1];
    let current: string;
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      console.error(`server/schema.graphql is missing (${file}): run pnpm schema:print`);
      return 1;
    }
    if (current !== sdl) {
      console.error(`server/schema.graphql is stale: run pnpm schema:print (the code's schema differs from ${file})`);
      return 1;
    }
    return 0;
  }
  console.error('usage: print-schema [--check <schema.graphql>]');
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error('Could not build the schema:', error);
    process.exitCode = 1;
  },
);
