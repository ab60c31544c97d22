import { GraphQLError } from 'graphql';
import { ConfigError } from '../config.js';
import { DataDirLockedError } from '../db/data-dir-lock.js';

/**
 * How the account commands end: 0, or a message on stderr and exit code 1 (2 for a usage error). Refusals of the
 * account rules (a taken login, a weak password) come as the API's errors; their message is for the person typing.
 */
export function runCli(main: () => Promise<number>, what: string): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof ConfigError) console.error(`Configuration error: ${error.message}`);
      else if (error instanceof DataDirLockedError) console.error(error.message);
      else if (error instanceof GraphQLError) console.error(`${what}: ${error.message}`);
      else console.error(`${what} failed:`, error);
      process.exit(1);
    },
  );
}

/** Reads a line from the terminal without echoing it (a password). */
export function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stdout.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let answer = '';
    const done = (error: Error | null) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stdout.write('\n');
      if (error) reject(error);
      else resolve(answer);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return done(null);
        if (char === '\u0003') return done(new Error('cancelled'));
        if (char === '\u007f' || char === '\b') answer = answer.slice(0, -1);
        else answer += char;
      }
    };
    stdin.on('data', onData);
  });
}

/** The value of `--name value` or `--name=value` among the arguments, and the arguments without it. */
export function takeOption(args: string[], name: string): { value: string | null; rest: string[] } {
  const rest: string[] = [];
  let value: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === `--${name}`) value = args[++i] ?? '';
    else if (arg.startsWith(`--${name}=`)) value = arg.slice(name.length + 3);
    else rest.push(arg);
  }
  return { value, rest };
}
