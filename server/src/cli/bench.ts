import { benchImport } from '../bench/import.js';

/**
 * `pnpm bench [part ...] [--rows N]`: the project's benchmarks, by name; with no name, all of them. Each prints its
 * figures; docs/benchmarks.md records them with the command that produced them.
 *
 *   import   the importer against PostgreSQL's COPY of the same 10 million score rows, and the importer's peak RSS
 *            (BENCH_DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/kinerja_bench, is dropped and created)
 */
const PARTS: Record<string, (args: { rows: number | null; log: (line: string) => void }) => Promise<void>> = {
  import: ({ rows, log }) =>
    benchImport({
      rows: rows ?? 10_000_000,
      databaseUrl: process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/kinerja_bench',
      log,
    }),
};

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  let rows: number | null = null;
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--rows') rows = Number(args[++i]);
    else if (arg.startsWith('--rows=')) rows = Number(arg.slice('--rows='.length));
    else names.push(arg);
  }
  if (rows !== null && (!Number.isInteger(rows) || rows <= 0)) {
    console.error('--rows must be a positive whole number');
    return 2;
  }
  const unknown = names.filter((n) => !(n in PARTS));
  if (unknown.length > 0) {
    console.error(`unknown bench part ${unknown.join(', ')}; the parts are: ${Object.keys(PARTS).join(', ')}`);
    return 2;
  }
  for (const name of names.length > 0 ? names : Object.keys(PARTS)) {
    console.log(`== bench ${name}`);
    await PARTS[name]!({ rows, log: (line) => console.log(line) });
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('The bench failed:', error);
    process.exit(1);
  },
);
