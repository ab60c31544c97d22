import { resolve } from 'node:path';
import { ConfigError, loadConfig } from '../config.js';
import { writeDemoData } from '../demo-data/generate.js';
import { DEFAULT_EMPLOYEES, DEFAULT_SEED, localDate } from '../demo-data/settings.js';

/**
 * Writes the Kota Sibolga demo data set as CSV files in the import format:
 *
 *   node dist/cli/demo-data.js [--seed N] [--employees N] [--today YYYY-MM-DD] [--out folder]
 *
 * Load it with `pnpm run import <folder>`.
 */

const USAGE = `Usage: demo-data [--seed N] [--employees N] [--today YYYY-MM-DD] [--out folder]

  --seed N        seed of every random choice (default ${DEFAULT_SEED}); the same seed gives the same files
  --employees N   number of employees (default ${DEFAULT_EMPLOYEES})
  --today DATE    the day the data are as of: its quarter is the current one, in a mid-quarter state
                  (default KINERJA_DEMO_TODAY, else today's date)
  --out folder    where to write the CSV files (default ./demo-data)
  --help          show this help`;

interface Arguments {
  seed: number;
  employees: number;
  today: string | null;
  out: string;
  help: boolean;
}

/** Thrown for a command line the CLI cannot use; the message says what is wrong. */
class UsageError extends Error {}

function parseArguments(argv: readonly string[]): Arguments {
  const parsed: Arguments = {
    seed: DEFAULT_SEED,
    employees: DEFAULT_EMPLOYEES,
    today: null,
    out: './demo-data',
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--help' || arg === '-h') {
      parsed.help = true;
      continue;
    }
    // Both "--seed 7" and "--seed=7".
    const [flag, inlineValue] = arg.startsWith('--') && arg.includes('=') ? splitOnce(arg, '=') : [arg, undefined];
    if (flag !== '--seed' && flag !== '--employees' && flag !== '--out' && flag !== '--today') {
      throw new UsageError(`${arg.startsWith('-') ? 'unknown option' : 'unexpected argument'} ${JSON.stringify(arg)}`);
    }
    const value = inlineValue ?? argv[++i];
    if (value === undefined || value === '' || (inlineValue === undefined && value.startsWith('--'))) {
      throw new UsageError(`${flag} needs a value`);
    }
    if (flag === '--out') parsed.out = value;
    else if (flag === '--today') parsed.today = value;
    else if (flag === '--seed') parsed.seed = wholeNumber(flag, value, 0);
    else parsed.employees = wholeNumber(flag, value, 1);
  }
  return parsed;
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return [text.slice(0, at), text.slice(at + separator.length)];
}

function wholeNumber(flag: string, value: string, minimum: number): number {
  const number = Number(value);
  if (!/^[0-9]+$/.test(value) || !Number.isSafeInteger(number) || number < minimum) {
    throw new UsageError(`${flag} must be a whole number of at least ${minimum}, got ${JSON.stringify(value)}`);
  }
  return number;
}

async function main(): Promise<number> {
  let args: Arguments;
  try {
    args = parseArguments(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`demo-data: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }

  const dir = resolve(args.out);
  let report;
  try {
    const today = args.today ?? loadConfig().demoToday ?? localDate(new Date());
    report = await writeDemoData(dir, { seed: args.seed, employees: args.employees, today });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`demo-data: ${error.message}\n`);
      return 2;
    }
    // Options the generator refuses (too few employees for one head per agency, a bad date) are the user's to fix.
    if (!(error instanceof RangeError)) throw error;
    process.stderr.write(`demo-data: ${error.message}\n`);
    return 2;
  }

  const { settings } = report;
  process.stdout.write(
    `Kota Sibolga demo data: seed ${settings.seed}, ${settings.employees} employees, ` +
      `${settings.firstYear} Q1 to ${settings.current.year} Q${settings.current.quarter} (as of ${settings.today}), ` +
      `written to ${dir}\n`,
  );
  const width = Math.max(...report.files.map((f) => f.file.length));
  for (const { file, rows } of report.files) {
    process.stdout.write(`  ${file.padEnd(width)}  ${rows.toLocaleString('en-US').padStart(9)} rows\n`);
  }
  const total = report.files.reduce((sum, f) => sum + f.rows, 0);
  process.stdout.write(
    `  ${'total'.padEnd(width)}  ${total.toLocaleString('en-US').padStart(9)} rows in ${(report.milliseconds / 1000).toFixed(1)} s\n`,
  );
  process.stdout.write(`Load it with: pnpm run import ${dir}\n`);
  return 0;
}

process.exitCode = await main();
