import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAsDemo, navLabels, openDashboard, startDashboard, type DashboardFixture } from '../helpers/dashboard.js';

/**
 * The dashboard's shell in Chromium (docs/dashboard.md): the demo's anonymous start, login per demo role with exactly
 * that role's navigation, the forbidden page, logout, and the English switch (with `Accept-Language` on requests).
 */

// Written out by hand, not derived from the route table: what each role must see in the navigation (Indonesian).
const NAV_BY_LOGIN: Record<string, { role: string; nav: string[] }> = {
  admin: {
    role: 'Administrator',
    nav: [
      'Ringkasan',
      'Perangkat Daerah',
      'Bandingkan',
      'Pelatihan',
      'Analis',
      'Pemantauan',
      'Impor',
      'Administrasi',
      'Panduan',
    ],
  },
  walikota: {
    role: 'Pimpinan',
    nav: ['Ringkasan', 'Perangkat Daerah', 'Bandingkan', 'Pelatihan', 'Pemantauan', 'Administrasi', 'Panduan'],
  },
  kebijakan: {
    role: 'Staf kebijakan',
    nav: ['Ringkasan', 'Perangkat Daerah', 'Bandingkan', 'Pelatihan', 'Analis', 'Panduan'],
  },
  analis: { role: 'Analis', nav: ['Ringkasan', 'Perangkat Daerah', 'Bandingkan', 'Pelatihan', 'Analis', 'Panduan'] },
  kadisdik: {
    role: 'Kepala perangkat daerah',
    nav: [
      'Ringkasan',
      'Perangkat Daerah',
      'Pelatihan',
      'Kinerja Saya',
      'Penilaian',
      'Pemantauan',
      'Administrasi',
      'Umpan Balik',
      'Panduan',
    ],
  },
  kabid: { role: 'Atasan', nav: ['Ringkasan', 'Kinerja Saya', 'Penilaian', 'Umpan Balik', 'Panduan'] },
  kepsek: { role: 'Atasan', nav: ['Ringkasan', 'Kinerja Saya', 'Penilaian', 'Umpan Balik', 'Panduan'] },
  guru: { role: 'Pegawai', nav: ['Ringkasan', 'Kinerja Saya', 'Umpan Balik', 'Panduan'] },
};

describe('the dashboard shell in Chromium, against the real server in demo mode', () => {
  let fixture: DashboardFixture;

  beforeAll(async () => {
    fixture = await startDashboard();
  });

  afterAll(async () => {
    await fixture?.stop();
  });

  it('opens anonymously as policy staff on Ringkasan, offline', async () => {
    const view = await openDashboard(fixture);
    const { page } = view;
    await page.waitForURL(/\/ringkasan$/);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('id');
    await expect.poll(() => page.getByTestId('session-user').innerText()).toContain('mode demo');
    expect(await navLabels(page)).toEqual([
      'Ringkasan',
      'Perangkat Daerah',
      'Bandingkan',
      'Pelatihan',
      'Analis',
      'Panduan',
    ]);

    await expect
      .poll(() => page.getByTestId('current-period').innerText())
      .toBe('Periode berjalan: Triwulan III 2025.');
    expect(view.blocked).toEqual([]);
    expect(view.errors).toEqual([]);
    await view.close();
  });

  it(
    'logs in as each demo account and shows exactly that role’s navigation, then logs out',
    { timeout: 240_000 },
    async () => {
      for (const [login, expected] of Object.entries(NAV_BY_LOGIN)) {
        const view = await openDashboard(fixture, '/masuk');
        const { page } = view;
        await loginAsDemo(page, fixture.server.url, login);
        await expect.poll(() => page.getByTestId('session-user').innerText()).toContain(`(${expected.role})`);
        expect(await navLabels(page), login).toEqual(expected.nav);
        expect(new URL(page.url()).pathname, login).toBe('/ringkasan');

        await page.getByRole('button', { name: 'Keluar' }).click();
        await expect.poll(() => page.getByTestId('session-user').innerText()).toContain('mode demo');
        expect(view.errors, login).toEqual([]);
        await view.close();
      }
    },
  );

  it('shows the forbidden page to a role that may not open a page, and a wrong password as an error', async () => {
    const view = await openDashboard(fixture, '/masuk');
    const { page } = view;
    await page.getByLabel('Nama pengguna').fill('walikota');
    await page.getByLabel('Kata sandi').fill('salah-sekali');
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('Gagal masuk');

    await page.getByLabel('Kata sandi').fill('sibolga-demo');
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.waitForURL(/\/ringkasan$/);
    await page.goto(`${fixture.server.url}/analis`);
    await page.getByTestId('forbidden').waitFor();
    expect(new URL(page.url()).pathname).toBe('/terlarang');
    await expect.poll(() => page.getByTestId('forbidden').innerText()).toContain('tidak tersedia untuk peran Pimpinan');
    expect(await navLabels(page)).toEqual([
      'Ringkasan',
      'Perangkat Daerah',
      'Bandingkan',
      'Pelatihan',
      'Pemantauan',
      'Administrasi',
      'Panduan',
    ]);
    await view.close();
  });

  it('switches to English, sends Accept-Language with it, and keeps it across a reload', async () => {
    const view = await openDashboard(fixture);
    const { page } = view;
    const languages: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql') && request.method() === 'POST') {
        languages.push(request.headers()['accept-language']);
      }
    });
    await page.waitForURL(/\/ringkasan$/);
    await page.getByRole('heading', { name: 'Ringkasan', level: 1 }).waitFor();
    await page.getByTestId('locale-select').selectOption('en');
    await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    expect(await navLabels(page)).toEqual(['Overview', 'Agency', 'Compare', 'Training', 'Analyst', 'Guide']);
    await expect.poll(() => page.getByTestId('session-user').innerText()).toContain('Guest');

    // The API's own labels follow the locale (Accept-Language): the quarters are named in English.
    await expect.poll(() => page.getByTestId('current-period').innerText()).toBe('Current period: Q3 2025.');
    await page.reload();
    await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
    await expect
      .poll(() => page.getByTestId('chart-city-trend-table').locator('tbody tr td').first().textContent())
      .toBe('Q4 2023');
    expect(languages[0]).toBe('id');
    expect(languages.at(-1)).toBe('en');
    expect(view.errors).toEqual([]);
    await view.close();
  });
});
