import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiSession,
  loginAsDemo,
  navLabels,
  openDashboard,
  startDashboard,
  type DashboardFixture,
  seriousAxeViolations,
} from '../helpers/dashboard.js';

/**
 * The administrator's pages in the browser (docs/dashboard.md "Impor", "Administrasi"): an import folder with errors
 * shows every problem of the importer's report, the corrected folder is checked and imported with the importer's
 * own progress on the bar; accounts are disabled (the login is refused in Indonesian) and enabled again; an
 * innovation is verified and leaves the list; an EMPLOYEE account with direct reports gets Penilaian; the API's
 * messages follow the language switch; axe-core on each page.
 */

const PASSWORD = 'sibolga-demo';
const POLL = { timeout: 30_000 };

/** The test agency of the import folders (not in the demo data). */
const AGENCY = 'UJIIMPOR';
/** Employees in the folder: more than one batch of the importer (2,000 rows), so the progress has steps. */
const EMPLOYEES = 4_500;
const BATCH = 2_000;

/** An 18-digit NIP: birth date (1970-01-01 plus `i` days), start 2015-01, male, serial 987 (docs/import.md). */
function nipOf(i: number): string {
  const birth = new Date(Date.UTC(1970, 0, 1 + i));
  const ymd = birth.toISOString().slice(0, 10).replaceAll('-', '');
  return `${ymd}2015011987`;
}

/**
 * Writes an import folder: agencies.csv with the test agency and employees.csv with `EMPLOYEES` staff in it; `broken`
 * puts four errors in it (a gender against the NIP, a NIP too short, an unknown agency, a bad date).
 */
async function writeFolder(folder: string, broken: boolean): Promise<void> {
  await writeFile(join(folder, 'agencies.csv'), `code,name,kind\n${AGENCY},Badan Uji Impor,BADAN\n`);
  const lines = [
    'nip,name,gender,employment_type,rank,position,position_type,agency_code,supervisor_nip,active_from,active_to',
  ];
  for (let i = 0; i < EMPLOYEES; i += 1) {
    let nip = nipOf(i);
    let gender = 'L';
    let agency = AGENCY;
    let from = '2015-01-01';
    if (broken && i === 3) gender = 'P';
    if (broken && i === 1_200) nip = nip.slice(0, 17);
    if (broken && i === 2_500) agency = 'TIDAKADA';
    if (broken && i === 4_400) from = '2015-02-30';
    lines.push(`${nip},Pegawai Uji ${i + 1},${gender},PNS,III/a,Pelaksana,PELAKSANA,${agency},,${from},`);
  }
  await writeFile(join(folder, 'employees.csv'), `${lines.join('\n')}\n`);
}

interface ReportError {
  file: string;
  line: number | null;
  column: string | null;
  value: string | null;
  message: string;
}

describe('Impor and Administrasi in Chromium, against the real server in demo mode', () => {
  let fixture: DashboardFixture;
  let admin: Record<string, string>;
  let folders: { bad: string; good: string; root: string };

  async function gql<T>(query: string, variables: Record<string, unknown>, auth: Record<string, string>): Promise<T> {
    const result = await fixture.server.graphql<T>(query, variables, auth);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!;
  }

  /** The importer's own report of a folder, by a dry run through the API (apart from the page). */
  async function dryRunReport(folder: string): Promise<{ errorCount: number; errors: ReportError[] }> {
    const form = new FormData();
    form.append('dryRun', 'true');
    for (const name of (await readdir(folder)).sort()) {
      form.append('file', new Blob([await readFile(join(folder, name))], { type: 'text/csv' }), name);
    }
    const response = await fetch(`${fixture.server.url}/api/import`, {
      method: 'POST',
      body: form,
      headers: { 'apollo-require-preflight': 'true', ...admin },
    });
    expect(response.status).toBe(202);
    const { jobId } = (await response.json()) as { jobId: string };
    for (;;) {
      const data = await gql<{
        importJob: { state: string; report: { errorCount: number; errors: ReportError[] } | null };
      }>(
        'query($id: ID!) { importJob(id: $id) { state report { errorCount errors { file line column value message } } } }',
        { id: jobId },
        admin,
      );
      if (data.importJob.state === 'SUCCEEDED' || data.importJob.state === 'FAILED') return data.importJob.report!;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async function chooseFolder(page: Page, folder: string): Promise<void> {
    const names = (await readdir(folder)).sort();
    await page.getByTestId('impor-files').setInputFiles(names.map((name) => join(folder, name)));
  }

  beforeAll(async () => {
    fixture = await startDashboard();
    admin = await apiSession(fixture.server, 'admin', PASSWORD);
    const root = await mkdtemp(join(tmpdir(), 'kinerja-impor-page-'));
    folders = { root, bad: join(root, 'bad'), good: join(root, 'good') };
    const { mkdir } = await import('node:fs/promises');
    await mkdir(folders.bad);
    await mkdir(folders.good);
    await writeFolder(folders.bad, true);
    await writeFolder(folders.good, false);
  }, 240_000);

  afterAll(async () => {
    await fixture?.stop();
    if (folders) await rm(folders.root, { recursive: true, force: true });
  });

  it('Impor: a folder with errors lists every problem of the importer’s report; the corrected one imports with the importer’s progress', async () => {
    const expected = await dryRunReport(folders.bad);
    expect(expected.errorCount).toBe(4);

    const view = await openDashboard(fixture, '/masuk');
    const { page } = view;
    await loginAsDemo(page, fixture.server.url, 'admin');
    expect(await navLabels(page)).toContain('Impor');
    await page.goto(`${fixture.server.url}/impor`);
    await page.getByRole('heading', { name: 'Impor data' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The dry run of the broken folder: every problem, by file, line and column, as the importer reported it.
    await chooseFolder(page, folders.bad);
    expect(await page.getByTestId('impor-selected').innerText()).toContain('employees.csv');
    await page.getByTestId('impor-check').click();
    await expect
      .poll(() => page.getByTestId('impor-outcome').innerText(), POLL)
      .toBe('4 masalah ditemukan; tidak ada yang ditulis.');
    const shown = await page
      .getByTestId('impor-problems')
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent!.trim())),
      );
    expect(shown).toEqual(
      expected.errors.map((e) => [e.file, String(e.line ?? ''), e.column ?? '', e.value ?? '', e.message]),
    );
    expect(shown.map((row) => row.slice(0, 3))).toEqual(
      expect.arrayContaining([
        ['employees.csv', '5', 'gender'],
        ['employees.csv', '1202', 'nip'],
        ['employees.csv', '2502', 'agency_code'],
      ]),
    );
    // In the dashboard's language (Indonesian first), from the one catalogue, for the importer's own checks too.
    const messageAt = (rows: string[][], line: string) => rows.find((row) => row[1] === line)?.[4];
    expect(messageAt(shown, '5')).toBe(
      'jenis kelamin P tidak sesuai dengan NIP, yang digit jenis kelaminnya 1 (L, laki-laki)',
    );
    expect(messageAt(shown, '1202')).toBe('NIP memuat 17 angka, bukan 18');
    expect(messageAt(shown, '2502')).toBe(
      'perangkat daerah TIDAKADA tidak ditemukan (tidak di basis data, tidak pula di agencies.csv)',
    );
    expect(messageAt(shown, '4402')).toBe('2015-02-30 bukan tanggal yang ada');
    expect(await page.getByTestId('impor-run').isDisabled()).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // After the English switch the same check reports in English (Accept-Language: en), then back to Indonesian.
    await page.getByTestId('locale-select').selectOption('en');
    await page.getByTestId('impor-check').click();
    const rowsNow = () =>
      page
        .getByTestId('impor-problems')
        .locator('tbody tr')
        .evaluateAll((rows) =>
          rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent!.trim())),
        );
    await expect.poll(async () => messageAt(await rowsNow(), '1202'), POLL).toBe('NIP has 17 digits, not 18');
    expect(messageAt(await rowsNow(), '5')).toBe('gender P disagrees with the NIP, whose gender digit is 1 (L, male)');
    expect(messageAt(await rowsNow(), '4402')).toBe('2015-02-30 is not a real date');
    await page.getByTestId('locale-select').selectOption('id');

    // The corrected folder: the dry run passes, then the import, its bar fed by importJob.
    await chooseFolder(page, folders.good);
    await page.getByTestId('impor-check').click();
    await expect.poll(() => page.getByTestId('impor-outcome').innerText(), POLL).toContain('Uji coba tanpa masalah');
    expect(await page.getByTestId('impor-run').isEnabled()).toBe(true);
    // Every value the bar shows, sampled far more often than the page polls; -1 while there is no bar (the dry
    // run's bar goes when the import starts). The first sample is taken at once, with the dry run's bar still there:
    // on a quick machine the click below came before the first tick of the interval.
    await page.evaluate(() => {
      const w = window as unknown as { seen: number[] };
      w.seen = [];
      const sample = () => {
        const bar = document.querySelector<HTMLProgressElement>('[data-testid="impor-progress"]');
        const value = bar ? bar.value : -1;
        if (w.seen.at(-1) !== value) w.seen.push(value);
      };
      sample();
      setInterval(sample, 10);
    });
    await page.getByTestId('impor-run').click();
    await expect
      .poll(() => page.getByTestId('impor-outcome').innerText(), { timeout: 120_000 })
      .toBe('Impor selesai: data tersimpan.');
    const total = EMPLOYEES + 1;
    expect(await page.getByTestId('impor-progress-text').innerText()).toBe(
      `100% · ${total.toLocaleString('id-ID')} dari ${total.toLocaleString('id-ID')} baris`,
    );
    const sampled = await page.evaluate(() => (window as unknown as { seen: number[] }).seen);
    expect(sampled.lastIndexOf(-1)).toBeGreaterThan(0);
    const seen = sampled.slice(sampled.lastIndexOf(-1) + 1);
    // Only what importJob can answer: 0, rows read after each batch of a file over the rows uploaded, then 1.
    const possible = new Set([0, 1, Math.min(0.99, 1 / total)]);
    for (let done = BATCH; done < EMPLOYEES + BATCH; done += BATCH) {
      possible.add(Math.min(0.99, (1 + Math.min(done, EMPLOYEES)) / total));
    }
    expect(seen.length).toBeGreaterThan(0);
    expect(
      seen.every((value) => possible.has(value)),
      JSON.stringify(seen),
    ).toBe(true);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(1);
    const counts = await page
      .getByTestId('impor-counts')
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((c) => c.textContent!.trim())));
    expect(counts).toEqual([
      ['agencies.csv', '1', '1', '0', '0'],
      ['employees.csv', EMPLOYEES.toLocaleString('id-ID'), EMPLOYEES.toLocaleString('id-ID'), '0', '0'],
    ]);
    // The data is there, asked apart from the page.
    const api = await gql<{ agency: { name: string; employees: { totalCount: number } } }>(
      'query($c: String!) { agency(code: $c) { name employees(first: 1) { totalCount } } }',
      { c: AGENCY },
      admin,
    );
    expect(api.agency).toEqual({ name: 'Badan Uji Impor', employees: { totalCount: EMPLOYEES } });
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(view.errors).toEqual([]);
    expect(view.blocked).toEqual([]);
    await view.close();

    // The wrong role meets the forbidden page.
    const other = await openDashboard(fixture, '/masuk');
    await loginAsDemo(other.page, fixture.server.url, 'walikota');
    expect(await navLabels(other.page)).not.toContain('Impor');
    await other.page.goto(`${fixture.server.url}/impor`);
    await other.page.getByTestId('forbidden').waitFor();
    expect(new URL(other.page.url()).pathname).toBe('/terlarang');
    expect(other.errors).toEqual([]);
    await other.close();
  }, 420_000);

  it('Administrasi: the admin disables an account, whose login is refused in Indonesian, and enables it again; an innovation verified leaves the list', async () => {
    // guru proposes an innovation, so that one is surely waiting.
    const guru = await apiSession(fixture.server, 'guru', PASSWORD);
    const period = await gql<{ currentPeriod: { year: number; quarter: number } }>(
      '{ currentPeriod { year quarter } }',
      {},
      admin,
    );
    const title = 'Pojok baca kelas (uji verifikasi)';
    const recorded = await gql<{ recordInnovation: { id: number } }>(
      'mutation($i: RecordInnovationInput!) { recordInnovation(input: $i) { id } }',
      { i: { title, year: period.currentPeriod.year, quarter: period.currentPeriod.quarter } },
      guru,
    );
    const innovationId = recorded.recordInnovation.id;

    const view = await openDashboard(fixture, '/masuk');
    const { page } = view;
    await loginAsDemo(page, fixture.server.url, 'admin');
    await page.goto(`${fixture.server.url}/administrasi`);
    const list = page.getByTestId('admin-account-list');
    await list.getByTestId('account-table').waitFor(POLL);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The list, searched: guru's account with its role and last login, as the API has it.
    await list.getByTestId('account-search').fill('guru');
    await list.getByRole('button', { name: 'Saring' }).click();
    const api = await gql<{
      accounts: { totalCount: number; edges: { node: { login: string; lastLoginAt: string | null } }[] };
    }>('{ accounts(filter: { search: "guru" }) { totalCount edges { node { login lastLoginAt } } } }', {}, admin);
    await expect
      .poll(() => list.getByTestId('account-count').innerText(), POLL)
      .toBe(`${api.accounts.totalCount} akun`);
    const row = list.locator('tr[data-login="guru"]');
    const state = row.getByTestId('account-state');
    expect(await row.innerText()).toContain('Pegawai');
    expect(await state.innerText()).toBe('Aktif');
    expect(api.accounts.edges.find((e) => e.node.login === 'guru')!.node.lastLoginAt).not.toBeNull();
    expect(await row.innerText()).not.toContain('belum pernah');

    // Disabled: the account says so, and guru's login is refused with the Indonesian message.
    await list.getByTestId('account-reason').fill('Cuti di luar tanggungan negara');
    await row.getByRole('button', { name: /Nonaktifkan/ }).click();
    await expect.poll(() => state.innerText(), POLL).toBe('Nonaktif');
    const refused = await openDashboard(fixture, '/masuk');
    await refused.page.getByLabel('Nama pengguna').fill('guru');
    await refused.page.getByLabel('Kata sandi').fill(PASSWORD);
    await refused.page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await expect
      .poll(() => refused.page.getByRole('alert').innerText(), POLL)
      .toContain('Akun ini dinonaktifkan: minta administrator (BKPSDM) mengaktifkannya');
    expect(new URL(refused.page.url()).pathname).toBe('/masuk');
    const audit = await gql<{ auditLog: { edges: { node: { reason: string | null } }[] } }>(
      '{ auditLog(filter: { action: "account.disable" }) { edges { node { reason } } } }',
      {},
      admin,
    );
    expect(audit.auditLog.edges.map((e) => e.node.reason)).toContain('Cuti di luar tanggungan negara');

    // Enabled again: guru logs in.
    await row.getByRole('button', { name: /Aktifkan/ }).click();
    await expect.poll(() => state.innerText(), POLL).toBe('Aktif');
    await refused.page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await refused.page.waitForURL((url) => url.pathname !== '/masuk', { timeout: 20_000 });
    expect(refused.errors).toEqual([]);
    await refused.close();

    // The innovation guru proposed waits in the list; verified, it leaves it, and the API says it is verified.
    const innovations = page.getByTestId('admin-innovations');
    const waiting = innovations.locator(`tr[data-innovation="${innovationId}"]`);
    await waiting.waitFor(POLL);
    expect(await waiting.innerText()).toContain(title);
    const before = await gql<{ innovationsToVerify: { id: number }[] }>('{ innovationsToVerify { id } }', {}, admin);
    await expect
      .poll(() => innovations.getByTestId('innovation-count').innerText(), POLL)
      .toBe(`${before.innovationsToVerify.length} inovasi menunggu verifikasi`);
    await waiting.getByRole('button', { name: /Verifikasi/ }).click();
    await expect.poll(() => waiting.count(), POLL).toBe(0);
    await expect
      .poll(() => innovations.getByTestId('innovation-count').innerText(), POLL)
      .toBe(`${before.innovationsToVerify.length - 1} inovasi menunggu verifikasi`);
    const after = await gql<{ innovationsToVerify: { id: number }[] }>('{ innovationsToVerify { id } }', {}, admin);
    expect(after.innovationsToVerify.map((i) => i.id)).not.toContain(innovationId);
    expect(after.innovationsToVerify).toHaveLength(before.innovationsToVerify.length - 1);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(view.errors).toEqual([]);
    expect(view.blocked).toEqual([]);
    await view.close();
  }, 180_000);

  it('an EMPLOYEE account with direct reports gets Penilaian with its reports; one without gets the forbidden page', async () => {
    // An employee with direct reports and no account yet (not a demo account's), given an EMPLOYEE account here.
    const taken = await gql<{ accounts: { edges: { node: { employee: { nip: string } | null } }[] } }>(
      '{ accounts(first: 500) { edges { node { employee { nip } } } } }',
      {},
      admin,
    );
    const withAccount = new Set(taken.accounts.edges.map((e) => e.node.employee?.nip).filter(Boolean));
    const staff = await gql<{
      employees: { edges: { node: { nip: string; subordinates: { nip: string; name: string }[] } }[] };
    }>(
      '{ employees(filter: { agencyCodes: ["DISDIK"] }, first: 300) { edges { node { nip subordinates { nip name } } } } }',
      {},
      admin,
    );
    const chosen = staff.employees.edges
      .map((e) => e.node)
      .find((e) => e.subordinates.length > 0 && !withAccount.has(e.nip))!;
    expect(chosen).toBeDefined();
    await gql(
      'mutation($nip: String!, $p: String!) { createAccount(login: "wakasek", role: EMPLOYEE, employeeNip: $nip, password: $p) { account { login } } }',
      { nip: chosen.nip, p: PASSWORD },
      admin,
    );

    const view = await openDashboard(fixture, '/masuk');
    const { page } = view;
    await page.getByLabel('Nama pengguna').fill('wakasek');
    await page.getByLabel('Kata sandi').fill(PASSWORD);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.waitForURL((url) => url.pathname !== '/masuk', { timeout: 20_000 });
    await expect.poll(() => page.getByTestId('session-user').innerText(), POLL).toContain('(Pegawai)');
    expect(await navLabels(page)).toEqual(['Ringkasan', 'Kinerja Saya', 'Penilaian', 'Umpan Balik', 'Panduan']);
    await page.goto(`${fixture.server.url}/penilaian`);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/penilaian');
    for (const report of chosen.subordinates) {
      await expect.poll(() => page.locator('main').innerText(), POLL).toContain(report.name);
    }
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(view.errors).toEqual([]);
    await view.close();

    // guru (EMPLOYEE, no direct reports) does not get it.
    const guru = await openDashboard(fixture, '/masuk');
    await loginAsDemo(guru.page, fixture.server.url, 'guru');
    expect(await navLabels(guru.page)).not.toContain('Penilaian');
    await guru.page.goto(`${fixture.server.url}/penilaian`);
    await guru.page.getByTestId('forbidden').waitFor();
    await guru.close();
  }, 120_000);

  it('Kinerja Saya and Umpan Balik follow the link to an employee: a linked LEADER gets them, the unlinked admin the forbidden page', async () => {
    // An employee without an account, given a LEADER account here (LEADER accounts may be linked; docs/access.md).
    const taken = await gql<{ accounts: { edges: { node: { employee: { nip: string } | null } }[] } }>(
      '{ accounts(first: 500) { edges { node { employee { nip } } } } }',
      {},
      admin,
    );
    const withAccount = new Set(taken.accounts.edges.map((e) => e.node.employee?.nip).filter(Boolean));
    const staff = await gql<{
      employees: { edges: { node: { nip: string; name: string; subordinates: { nip: string }[] } }[] };
    }>(
      '{ employees(filter: { agencyCodes: ["SETDA"] }, first: 300) { edges { node { nip name subordinates { nip } } } } }',
      {},
      admin,
    );
    // Without direct reports, so that only the link to an employee adds pages (not Penilaian).
    const chosen = staff.employees.edges
      .map((e) => e.node)
      .find((e) => !withAccount.has(e.nip) && e.subordinates.length === 0)!;
    expect(chosen).toBeDefined();
    await gql(
      'mutation($nip: String!, $p: String!) { createAccount(login: "sekda-uji", role: LEADER, employeeNip: $nip, password: $p) { account { login } } }',
      { nip: chosen.nip, p: PASSWORD },
      admin,
    );

    const view = await openDashboard(fixture, '/masuk');
    const { page } = view;
    await page.getByLabel('Nama pengguna').fill('sekda-uji');
    await page.getByLabel('Kata sandi').fill(PASSWORD);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.waitForURL((url) => url.pathname !== '/masuk', { timeout: 20_000 });
    await expect.poll(() => page.getByTestId('session-user').innerText(), POLL).toContain('(Pimpinan)');
    expect(await navLabels(page)).toEqual([
      'Ringkasan',
      'Perangkat Daerah',
      'Bandingkan',
      'Pelatihan',
      'Kinerja Saya',
      'Pemantauan',
      'Administrasi',
      'Umpan Balik',
      'Panduan',
    ]);
    await page.goto(`${fixture.server.url}/kinerja-saya`);
    await expect.poll(() => page.locator('main').innerText(), POLL).toContain(chosen.name);
    expect(new URL(page.url()).pathname).toBe('/kinerja-saya');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.goto(`${fixture.server.url}/umpan-balik`);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/umpan-balik');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByTestId('forbidden').count()).toBe(0);
    expect(view.errors).toEqual([]);
    await view.close();

    // admin has no employee: neither page is offered, and opening one gives the forbidden page.
    const other = await openDashboard(fixture, '/masuk');
    await loginAsDemo(other.page, fixture.server.url, 'admin');
    expect(await navLabels(other.page)).not.toContain('Kinerja Saya');
    expect(await navLabels(other.page)).not.toContain('Umpan Balik');
    for (const path of ['/kinerja-saya', '/umpan-balik']) {
      await other.page.goto(`${fixture.server.url}${path}`);
      await other.page.getByTestId('forbidden').waitFor();
    }
    await other.close();
  }, 120_000);

  it('the API’s messages come in Indonesian by default and in English after the switch', async () => {
    // A request without a language gets Indonesian.
    const bare = await fetch(`${fixture.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...admin },
      body: JSON.stringify({ query: 'mutation { disableAccount(login: "admin") { login } }' }),
    });
    const body = (await bare.json()) as { errors: { message: string }[] };
    expect(body.errors[0]!.message).toBe('Anda tidak dapat menonaktifkan akun Anda sendiri');

    const view = await openDashboard(fixture, '/masuk');
    const { page } = view;
    await loginAsDemo(page, fixture.server.url, 'admin');
    await page.goto(`${fixture.server.url}/administrasi`);
    const list = page.getByTestId('admin-account-list');
    await list.getByTestId('account-search').fill('admin');
    await list.getByRole('button', { name: 'Saring' }).click();
    const own = list.locator('tr[data-login="admin"]');
    await own.waitFor(POLL);
    await own.getByRole('button', { name: /Nonaktifkan/ }).click();
    await expect
      .poll(() => list.getByRole('alert').innerText(), POLL)
      .toBe('Anda tidak dapat menonaktifkan akun Anda sendiri');

    await page.getByTestId('locale-select').selectOption('en');
    await page.getByRole('heading', { name: 'Account list' }).waitFor();
    await own.getByRole('button', { name: /Disable/ }).click();
    await expect.poll(() => list.getByRole('alert').innerText(), POLL).toBe('You cannot disable your own account');
    // The page's own words follow too, and the account stayed enabled.
    expect(await own.getByTestId('account-state').innerText()).toBe('Active');
    await page.goto(`${fixture.server.url}/impor`);
    await page.getByRole('heading', { name: 'Data import' }).waitFor();
    expect(await navLabels(page)).toContain('Import');
    expect(view.errors).toEqual([]);
    await view.close();
  }, 120_000);
});
