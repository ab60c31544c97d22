import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { createAdmission } from '../../src/http/admission.js';

/**
 * Admission control (docs/operations.md "Overload"), driven deterministically: the handler holds every request until
 * the test lets it go, so which requests run, wait or are refused does not depend on timing.
 */
describe('admission control', () => {
  const servers: import('node:http').Server[] = [];
  afterEach(() => {
    for (const s of servers.splice(0)) s.close();
  });

  async function start(options: { maxConcurrent: number; maxQueued: number; maxWaitMs: number }, clock?: () => number) {
    const admission = createAdmission(options, clock);
    const holds: (() => void)[] = [];
    let entered = 0;
    const app = express();
    app.use(admission.middleware);
    app.post('/graphql', (_req, res) => {
      entered++;
      holds.push(() => res.json({ data: { ok: true } }));
    });
    const server = app.listen(0, '127.0.0.1');
    servers.push(server);
    await once(server, 'listening');
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    const send = () =>
      fetch(url, { method: 'POST' }).then(async (r) => ({
        status: r.status,
        headers: r.headers,
        body: await r.json(),
      }));
    const until = async (test: () => boolean) => {
      for (let i = 0; i < 200 && !test(); i++) await new Promise((r) => setTimeout(r, 10));
    };
    return { admission, holds, entered: () => entered, send, until };
  }

  it('runs maxConcurrent, queues maxQueued, refuses the rest at once with 503, Retry-After and SERVICE_UNAVAILABLE', async () => {
    const t = await start({ maxConcurrent: 2, maxQueued: 2, maxWaitMs: 30_000 });
    const responses = Array.from({ length: 6 }, () => t.send());
    await t.until(() => t.admission.stats().refused === 2);
    expect(t.entered()).toBe(2);
    expect(t.admission.stats()).toEqual({ running: 2, queued: 2, refused: 2 });

    // Two go: the two waiting take their places.
    t.holds.splice(0, 2).forEach((go) => go());
    await t.until(() => t.entered() === 4);
    expect(t.admission.stats()).toEqual({ running: 2, queued: 0, refused: 2 });
    t.holds.splice(0).forEach((go) => go());

    const results = await Promise.all(responses);
    const refused = results.filter((r) => r.status === 503);
    expect(results.filter((r) => r.status === 200)).toHaveLength(4);
    expect(refused).toHaveLength(2);
    for (const r of refused) {
      expect(r.headers.get('retry-after')).toBe('30');
      expect(r.body.errors[0].extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 30 });
      expect(r.body.errors[0].message).toMatch(/^Server sedang penuh/);
    }
    expect(t.admission.stats()).toEqual({ running: 0, queued: 0, refused: 2 });
  });

  it('a request that waits longer than maxWaitMs is refused, and its place in the queue is freed', async () => {
    const t = await start({ maxConcurrent: 1, maxQueued: 5, maxWaitMs: 100 });
    const first = t.send();
    await t.until(() => t.entered() === 1);
    const waiting = await t.send();
    expect(waiting.status).toBe(503);
    expect(waiting.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(t.admission.stats()).toEqual({ running: 1, queued: 0, refused: 1 });
    t.holds.splice(0).forEach((go) => go());
    expect((await first).status).toBe(200);
    expect(t.admission.stats().running).toBe(0);
  });

  it.each([
    [1000, 'refused at once: the estimate (one place ahead x 3000 ms) is over the longest wait', 503],
    [10_000, 'queued: the estimate is under the longest wait', 200],
  ] as const)(
    'with maxWaitMs %i and requests that ran 3000 ms, a request finding no place is %s',
    async (maxWaitMs, _label, status) => {
      let clock = 0;
      const t = await start({ maxConcurrent: 1, maxQueued: 10, maxWaitMs }, () => clock);
      const first = t.send();
      await t.until(() => t.entered() === 1);
      clock = 3000;
      t.holds.splice(0).forEach((go) => go());
      expect((await first).status).toBe(200);
      await t.until(() => t.admission.stats().running === 0);

      const second = t.send();
      await t.until(() => t.entered() === 2);
      const third = t.send();
      if (status === 503) {
        const refused = await third;
        expect(refused.status).toBe(503);
        expect(refused.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
        expect(t.admission.stats()).toEqual({ running: 1, queued: 0, refused: 1 });
        t.holds.splice(0).forEach((go) => go());
        expect((await second).status).toBe(200);
      } else {
        await t.until(() => t.admission.stats().queued === 1);
        expect(t.admission.stats()).toEqual({ running: 1, queued: 1, refused: 0 });
        t.holds.splice(0).forEach((go) => go());
        await t.until(() => t.entered() === 3);
        t.holds.splice(0).forEach((go) => go());
        expect((await second).status).toBe(200);
        expect((await third).status).toBe(200);
      }
    },
  );
});
