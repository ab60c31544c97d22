import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * The deployment files (docs/operations.md, "Docker"), checked statically: no Docker engine runs on the project's
 * machines, so the image is never built here. What a broken file would cost the city's IT staff is checked instead:
 * the compose file's services and their health, every variable it uses present in `.env.example`, and a Dockerfile
 * that builds with the root build script, runs as a non-root user and starts the server directly.
 */
const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const read = (path: string) => readFileSync(resolve(root, path), 'utf8');

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string };
  environment?: Record<string, string | number>;
  volumes?: string[];
  healthcheck?: { test: string | string[] };
  depends_on?: Record<string, { condition: string }>;
  ports?: string[];
}

interface Compose {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

/** `${NAME}` references of a compose file (`$${NAME}` is an escaped literal for the container's shell). */
export function composeVariables(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(/(\$?)\$\{([A-Za-z_][A-Za-z0-9_]*)(?:[:?-][^}]*)?\}/g)) {
    if (match[1] !== '$') names.add(match[2]!);
  }
  return [...names].sort();
}

/** Names assigned in a `.env` file. */
export function envFileNames(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => line.slice(0, line.indexOf('=')))
    .sort();
}

/** The stages of a Dockerfile, each with its instructions (continuation lines joined). */
export function dockerStages(text: string): { from: string; instructions: string[] }[] {
  const lines = text.replace(/\\\n/g, ' ').split('\n');
  const stages: { from: string; instructions: string[] }[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (/^FROM\s/i.test(line)) stages.push({ from: line, instructions: [] });
    else stages.at(-1)?.instructions.push(line);
  }
  return stages;
}

describe('the helpers of this test', () => {
  it('find compose variables, but not escaped ones', () => {
    expect(composeVariables('a: ${A}\nb: "$${B}"\nc: ${C:-x} ${A}')).toEqual(['A', 'C']);
  });
  it('read the names of an env file', () => {
    expect(envFileNames('# c\nA=1\n\nB=two=2\n')).toEqual(['A', 'B']);
  });
});

describe('docker/compose.yaml', () => {
  const text = read('docker/compose.yaml');
  const compose = parse(text) as Compose;

  it('runs the API and PostgreSQL 15 with a volume and a health check', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'db']);
    const db = compose.services.db!;
    expect(db.image).toMatch(/^postgres:15(\b|-)/);
    const volume = db.volumes?.find((v) => v.endsWith(':/var/lib/postgresql/data'));
    expect(volume).toBeDefined();
    expect(Object.keys(compose.volumes ?? {})).toContain(volume!.split(':')[0]);
    expect(JSON.stringify(db.healthcheck?.test)).toContain('pg_isready');
  });

  it('starts the API after the database is healthy, with its own readiness check, built from docker/Dockerfile', () => {
    const api = compose.services.api!;
    expect(api.build).toEqual({ context: '..', dockerfile: 'docker/Dockerfile' });
    expect(api.depends_on?.db?.condition).toBe('service_healthy');
    expect(JSON.stringify(api.healthcheck?.test)).toContain('/readyz');
    expect(api.environment?.NODE_ENV).toBe('production');
    expect(String(api.environment?.DATABASE_URL)).toMatch(/^postgresql:\/\/.*@db:5432\//);
  });

  it('uses only variables that .env.example sets', () => {
    const used = composeVariables(text);
    expect(used.length).toBeGreaterThan(3);
    const example = envFileNames(read('docker/.env.example'));
    expect(used.filter((name) => !example.includes(name))).toEqual([]);
  });

  it('passes to the API only variables that the server reads (server/src/config.ts)', () => {
    const config = read('server/src/config.ts');
    const passed = Object.keys(compose.services.api!.environment ?? {});
    expect(passed.filter((name) => !config.includes(`env.${name}`))).toEqual([]);
  });
});

describe('docker/Dockerfile', () => {
  const stages = dockerStages(read('docker/Dockerfile'));
  const final = stages.at(-1)!;
  const rootPackage = JSON.parse(read('package.json')) as { scripts: Record<string, string> };

  it('is multi-stage and builds with the root build script from the lockfile', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const build = stages.flatMap((s) => s.instructions);
    expect(build).toContain('RUN pnpm install --frozen-lockfile');
    expect(build).toContain('RUN pnpm run build');
    expect(rootPackage.scripts.build).toBeDefined();
    const pin = (JSON.parse(read('package.json')) as { packageManager: string }).packageManager;
    expect(build).toContain(`RUN npm install -g ${pin}`);
  });

  it('copies only files that exist in the repository', () => {
    for (const line of stages.flatMap((s) => s.instructions).filter((l) => /^COPY\s/.test(l))) {
      if (line.includes('--from=')) continue;
      const parts = line.split(/\s+/).slice(1);
      for (const source of parts.slice(0, -1)) expect(existsSync(resolve(root, source)), source).toBe(true);
    }
  });

  it('runs as a non-root user, starts node directly, serves the built dashboard, and checks its health', () => {
    const user = final.instructions.find((l) => /^USER\s/.test(l));
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^USER\s+(root|0)\b/);
    expect(final.instructions.at(-1)).toBe('CMD ["node", "server/dist/main.js"]');
    expect(final.instructions.some((l) => l.includes('/app/dashboard/dist dashboard/dist'))).toBe(true);
    expect(final.instructions.some((l) => /^HEALTHCHECK\s/.test(l) && l.includes('/healthz'))).toBe(true);
    expect(final.instructions.some((l) => /^ENV\s/.test(l) && l.includes('NODE_ENV=production'))).toBe(true);
  });
});
