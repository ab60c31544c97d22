import { loadFolder } from './data.js';
import { checkAgainstApi } from './compare.js';

/**
 * `pnpm run checker <folder> --url http://127.0.0.1:4000/graphql` with an ADMIN token in KINERJA_TOKEN: recomputes
 * the folder's results and analytics and compares them with the API (docs/checker.md). Exit code 1 on a mismatch.
 */
async function main(argv: string[]): Promise<number> {
  const folder = argv[0];
  const urlAt = argv.indexOf('--url');
  const url = urlAt >= 0 ? argv[urlAt + 1] : 'http://127.0.0.1:4000/graphql';
  const token = process.env.KINERJA_TOKEN;
  if (!folder || !url || !token) {
    process.stderr.write('Usage: KINERJA_TOKEN=<ADMIN token> checker <folder> [--url <graphql endpoint>]\n');
    return 2;
  }
  const report = await checkAgainstApi({ url, token }, loadFolder(folder));
  process.stdout.write(`compared: ${report.compared.join(', ') || '(none)'}\n`);
  if (report.unavailable.length) process.stdout.write(`not in the API yet: ${report.unavailable.join(', ')}\n`);
  process.stdout.write(`figures compared: ${report.figures}, mismatches: ${report.mismatches.length}\n`);
  for (const m of report.mismatches.slice(0, 50)) {
    process.stdout.write(
      `  ${m.section} ${m.key} ${m.field}: expected ${JSON.stringify(m.expected)}, API ${JSON.stringify(m.actual)}\n`,
    );
  }
  return report.mismatches.length === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
