import { request, type ClientRequest } from 'node:http';
import { messageText } from '@kinerja/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountToken } from '../helpers/auth.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/**
 * Admission control in the real server over the test database (docs/operations.md "Overload"). The slow request is
 * one whose body has not all arrived: the admission counts it as running from its headers on (it comes before the
 * body parser), and it stays running until the test sends the rest, so which requests run, wait or are refused does
 * not depend on timing. Health, readiness and metrics are outside the admission and answer meanwhile.
 */
describe('admission control in the server (MAX_CONCURRENT_REQUESTS, MAX_QUEUED_REQUESTS, MAX_QUEUE_WAIT_MS)', () => {
  let db: TestDatabase;
  let headers: Record<string, string>;
  const servers: TestServer[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ headers } = await accountToken(db.orm.em.fork(), { login: 'admin.admission', role: 'ADMIN' }));
  });

  afterAll(async () => {
    for (const server of servers.splice(0)) await server.stop();
    await db?.close();
  });

  async function start(env: Record<string, string>): Promise<TestServer> {
    const server = await startTestServer(db.orm, env);
    servers.push(server);
    return server;
  }

  const QUERY = JSON.stringify({ query: '{ agencies { code } }' });

  /** A request whose body is sent up to its middle: running in the server until `finish()` sends the rest. */
  function heldRequest(server: TestServer): {
    finish(): void;
    reply: Promise<{ status: number; body: { data?: unknown; errors?: unknown[] }; timing: string | undefined }>;
  } {
    const { port } = new URL(server.url);
    let req!: ClientRequest;
    const reply = new Promise<{
      status: number;
      body: { data?: unknown; errors?: unknown[] };
      timing: string | undefined;
    }>((done, fail) => {
      req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/graphql',
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(QUERY), ...headers },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            done({
              status: res.statusCode ?? 0,
              body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
              timing: res.headers['server-timing'] as string | undefined,
            }),
          );
        },
      );
      req.on('error', fail);
    });
    const half = Math.floor(QUERY.length / 2);
    req.write(QUERY.slice(0, half));
    return { finish: () => req.end(QUERY.slice(half)), reply };
  }

  async function admissionGauge(server: TestServer, state: 'running' | 'queued'): Promise<number> {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    const line = new RegExp(`^kinerja_admission_requests\\{state="${state}"\\} (\\S+)$`, 'm').exec(text);
    expect(line, `kinerja_admission_requests{state="${state}"} in /metrics`).not.toBeNull();
    return Number(line![1]);
  }

  async function refusedTotal(server: TestServer): Promise<number> {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    return Number(/^kinerja_admission_refused_total (\S+)$/m.exec(text)![1]);
  }

  async function until(test: () => Promise<boolean>, what: string): Promise<void> {
    for (let i = 0; i < 500; i++) {
      if (await test()) return;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`never happened: ${what}`);
  }

  const send = (server: TestServer, extra: Record<string, string> = {}) =>
    fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers, ...extra },
      body: QUERY,
    });

  it('with one place and no queue, a second request is refused at once with 503, Retry-After and the message; health, readiness and metrics still answer', async () => {
    const server = await start({ MAX_CONCURRENT_REQUESTS: '1', MAX_QUEUED_REQUESTS: '0', MAX_QUEUE_WAIT_MS: '60000' });
    const slow = heldRequest(server);
    await until(async () => (await admissionGauge(server, 'running')) === 1, 'the slow request running');

    const refused = await send(server);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('60');
    const body = (await refused.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(body.errors).toEqual([
      {
        message: messageText('SERVER_AT_CAPACITY', { seconds: 60 }, 'id'),
        extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 60 },
      },
    ]);
    expect(body.errors[0]!.message).toMatch(/^Server sedang penuh/);
    const english = await send(server, { 'accept-language': 'en-GB,en;q=0.9' });
    expect(english.status).toBe(503);
    expect(((await english.json()) as { errors: { message: string }[] }).errors[0]!.message).toBe(
      'The server is at capacity; this request was not run. Try again in 60 seconds',
    );

    // Outside the admission: answered while the one place is taken.
    for (const path of ['/healthz', '/readyz', '/health', '/metrics']) {
      expect((await fetch(`${server.url}${path}`)).status, path).toBe(200);
    }
    expect(await refusedTotal(server)).toBe(2);
    expect(await admissionGauge(server, 'running')).toBe(1);

    slow.finish();
    const answered = await slow.reply;
    expect(answered.status).toBe(200);
    expect(answered.body.errors).toBeUndefined();
    expect(answered.body.data).toEqual({ agencies: expect.any(Array) });
    expect(answered.timing).toMatch(/^admission;dur=\d+(\.\d)?$/);

    // The place is free again.
    await until(async () => (await admissionGauge(server, 'running')) === 0, 'the place freed');
    const after = await send(server);
    expect(after.status).toBe(200);
    expect(((await after.json()) as { errors?: unknown }).errors).toBeUndefined();
  });

  it('a queued request runs when the place frees; one that waits longer than MAX_QUEUE_WAIT_MS is refused with 503', async () => {
    const server = await start({ MAX_CONCURRENT_REQUESTS: '1', MAX_QUEUED_REQUESTS: '1', MAX_QUEUE_WAIT_MS: '60000' });
    const slow = heldRequest(server);
    await until(async () => (await admissionGauge(server, 'running')) === 1, 'the slow request running');
    const waiting = send(server);
    await until(async () => (await admissionGauge(server, 'queued')) === 1, 'the second request queued');
    // The queue is full: a third is refused at once.
    expect((await send(server)).status).toBe(503);
    slow.finish();
    expect((await slow.reply).status).toBe(200);
    const second = await waiting;
    expect(second.status).toBe(200);
    expect(((await second.json()) as { errors?: unknown }).errors).toBeUndefined();

    const short = await start({ MAX_CONCURRENT_REQUESTS: '1', MAX_QUEUED_REQUESTS: '5', MAX_QUEUE_WAIT_MS: '200' });
    const held = heldRequest(short);
    await until(async () => (await admissionGauge(short, 'running')) === 1, 'the slow request running');
    const late = await send(short);
    expect(late.status).toBe(503);
    expect(late.headers.get('retry-after')).toBe('1');
    expect(((await late.json()) as { errors: { message: string }[] }).errors[0]!.message).toBe(
      messageText('SERVER_AT_CAPACITY', { seconds: 1 }, 'id'),
    );
    expect(await admissionGauge(short, 'queued')).toBe(0);
    expect(await refusedTotal(short)).toBe(1);
    held.finish();
    expect((await held.reply).status).toBe(200);
  });
});
