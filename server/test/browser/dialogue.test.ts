import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, loginAsDemo, openDashboard, startDashboard, type DashboardFixture } from '../helpers/dashboard.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/**
 * Issue 15 in Chromium (docs/dialogue.md): the supervisor of `guru` (the demo account `kepsek`) writes a feedback
 * note; guru sees the unread notice, reads and answers it, and the count goes back to zero; the note shows in
 * guru's transparency; the guide shows the thresholds and weights of the policy in force, and follows a change of it.
 */

const unread = async (page: Page) => Number((await page.getByTestId('notice-count').innerText()).trim());

describe('feedback notes, notices and the guide in Chromium', () => {
  let fixture: DashboardFixture;
  let changed: TestServer | null = null;

  beforeAll(async () => {
    fixture = await startDashboard();
  });

  afterAll(async () => {
    await changed?.stop();
    await fixture?.stop();
  });

  it('kepsek writes a note to guru; guru sees the notice, answers, and the count goes back to zero', async () => {
    const guruApi = await apiSession(fixture.server, 'guru', 'sibolga-demo');
    const guruMe = await fixture.server.graphql<{ me: { employee: { nip: string; name: string } } }>(
      '{ me { employee { nip name } } }',
      {},
      guruApi,
    );
    const guru = guruMe.data!.me.employee;
    const text = `Laporan kelas ${guru.name} selalu tepat waktu`;

    const boss = await openDashboard(fixture);
    await loginAsDemo(boss.page, fixture.server.url, 'kepsek');
    await boss.page.goto(`${fixture.server.url}/umpan-balik`);
    await boss.page.getByTestId('note-form').waitFor();
    await boss.page.getByTestId('note-employee').selectOption(guru.nip);
    await boss.page.getByTestId('note-went-well').fill(text);
    await boss.page.getByTestId('note-to-improve').fill('Administrasi nilai siswa');
    await boss.page.getByTestId('note-action').fill('Ikut bimtek e-rapor');
    await boss.page.getByTestId('note-send').click();
    await expect.poll(() => boss.page.getByTestId('feedback-done').innerText()).toBe('Umpan balik terkirim.');
    await expect.poll(() => boss.page.getByText(text).count()).toBe(1);

    const view = await openDashboard(fixture);
    const { page } = view;
    await loginAsDemo(page, fixture.server.url, 'guru');
    await expect.poll(() => unread(page)).toBe(1);
    await page.getByTestId('notice-badge').click();
    await page.waitForURL(/\/umpan-balik$/);
    await expect.poll(() => page.getByTestId('notice-list').innerText()).toContain('Umpan balik baru dari atasan');
    const note = page.locator('article.note', { hasText: text });
    await note.waitFor();
    await expect.poll(() => note.innerText()).toContain('Administrasi nilai siswa');
    await note.locator('textarea').fill('Terima kasih, saya daftar bimtek bulan depan');
    await note.getByRole('button', { name: 'Kirim' }).click();
    await expect.poll(() => note.getByTestId('note-answer').innerText()).toContain('Terima kasih');
    await expect.poll(() => unread(page)).toBe(0);
    await page.reload();
    await expect.poll(() => unread(page)).toBe(0);

    // guru's transparency view (Kinerja Saya) shows the note with the answer.
    await page.getByRole('link', { name: 'Kinerja Saya' }).click();
    await page.waitForURL(/\/kinerja-saya/);
    const onPage = page.getByTestId('transparency-feedback');
    await expect.poll(() => onPage.innerText(), { timeout: 20_000 }).toContain(text);
    await expect.poll(() => onPage.innerText()).toContain('Terima kasih, saya daftar bimtek bulan depan');

    // The server agrees: nothing unread for guru; the note is in guru's transparency page of the year.
    const { data } = await fixture.server.graphql<{
      notices: { unreadCount: number };
      currentPeriod: { year: number };
    }>('{ notices { unreadCount } currentPeriod { year } }', {}, guruApi);
    expect(data!.notices.unreadCount).toBe(0);
    const transparency = await fixture.server.graphql<{
      transparency: { feedbackNotes: { wentWell: string; answer: string }[] };
    }>(
      'query ($y: Int!) { transparency(year: $y) { feedbackNotes { wentWell answer } } }',
      { y: data!.currentPeriod.year },
      guruApi,
    );
    expect(transparency.data!.transparency.feedbackNotes).toEqual([
      { wentWell: text, answer: 'Terima kasih, saya daftar bimtek bulan depan' },
    ]);

    // kepsek is told of the answer and reads it.
    await boss.page.reload();
    await expect.poll(() => unread(boss.page)).toBe(1);
    await expect.poll(() => boss.page.getByText('Terima kasih, saya daftar bimtek bulan depan').count()).toBe(1);
    await boss.page.getByTestId('notices-read-all').click();
    await expect.poll(() => unread(boss.page)).toBe(0);

    for (const v of [view, boss]) {
      expect(v.blocked).toEqual([]);
      expect(v.errors).toEqual([]);
      await v.close();
    }
  });

  async function guideNumbers(page: Page): Promise<{ thresholds: string; weights: string; version: string }> {
    await page.getByTestId('guide-thresholds').waitFor();
    return {
      thresholds: await page.getByTestId('guide-thresholds').innerText(),
      weights: await page.getByTestId('guide-weights').innerText(),
      version: await page.getByTestId('guide-version').innerText(),
    };
  }

  it('the guide shows the numbers of the policy in force, and a changed policy changes the page', async () => {
    const view = await openDashboard(fixture, '/panduan');
    const policy = await fixture.server.graphql<{
      scoringPolicy: {
        version: string;
        categoryWeights: { HASIL_KERJA: number; PERILAKU_KERJA: number };
        ratingThresholds: { diAtas: number; sesuai: number };
      };
    }>(
      '{ scoringPolicy { version categoryWeights { HASIL_KERJA PERILAKU_KERJA } ratingThresholds { diAtas sesuai } } }',
    );
    const inForce = policy.data!.scoringPolicy;
    const before = await guideNumbers(view.page);
    expect(before.version).toContain(inForce.version);
    expect(before.thresholds).toContain(`paling sedikit ${inForce.ratingThresholds.diAtas}`);
    expect(before.thresholds).toContain(`di bawah ${inForce.ratingThresholds.sesuai}`);
    expect(before.weights).toContain(`${Math.round(inForce.categoryWeights.HASIL_KERJA * 100)}% skor hasil kerja`);
    expect(before.weights).toContain(
      `${Math.round(inForce.categoryWeights.PERILAKU_KERJA * 100)}% skor perilaku kerja`,
    );
    await view.close();

    // The city changes the policy (docs/scoring.md, SCORING_POLICY_FILE): the server started with it records the new
    // version, and the same page now explains it and what changed.
    const dir = mkdtempSync(join(tmpdir(), 'kinerja-policy-'));
    const file = join(dir, 'policy.json');
    writeFileSync(
      file,
      JSON.stringify({
        ratingThresholds: { diAtas: 107.5, sesuai: 85 },
        categoryWeights: { HASIL_KERJA: 0.6, PERILAKU_KERJA: 0.4 },
      }),
    );
    changed = await startTestServer(fixture.db.orm, {
      KINERJA_DEMO_DATA: 'true',
      KINERJA_DEMO_TODAY: '2025-08-15',
      SCORING_POLICY_FILE: file,
    });
    const after = await openDashboard({ ...fixture, server: changed }, '/panduan');
    const now = await guideNumbers(after.page);
    expect(now.version).not.toEqual(before.version);
    expect(now.thresholds).toContain('paling sedikit 107,5');
    expect(now.thresholds).toContain('di bawah 85');
    expect(now.weights).toContain('60% skor hasil kerja');
    expect(now.weights).toContain('40% skor perilaku kerja');
    const changes = await after.page.getByTestId('guide-change').allInnerTexts();
    expect(changes).toEqual(
      expect.arrayContaining([
        'Bobot hasil kerja: 70% menjadi 60%',
        'Bobot perilaku kerja: 30% menjadi 40%',
        'Batas di atas ekspektasi: 110 menjadi 107,5',
        'Batas sesuai ekspektasi: 90 menjadi 85',
      ]),
    );
    // Printable: the print button is hidden on paper.
    await after.page.emulateMedia({ media: 'print' });
    expect(await after.page.getByTestId('guide-print').isVisible()).toBe(false);
    expect(after.blocked).toEqual([]);
    expect(after.errors).toEqual([]);
    await after.close();
  });
});
