import { defineConfig } from 'vitest/config';

// With VITEST_JSON_REPORT set (by .ci/run), vitest also writes its JSON report there, from which CI prints its count.
const jsonReport = process.env.VITEST_JSON_REPORT;

// One vitest run covers every package: unit, database and browser tests are all counted here.
export default defineConfig({
  test: {
    projects: ['shared', 'server', 'dashboard', 'checker'],
    reporters: jsonReport ? ['default', 'json'] : ['default'],
    outputFile: jsonReport ? { json: jsonReport } : undefined,
  },
});
