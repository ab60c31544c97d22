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
 * The appraisal in the browser (docs/dashboard.md "Penilaian", "Kinerja Saya", "Pemantauan"): guru's school head
 * scores guru in the open quarter with the live predikat and submits; guru sees the scores and the steps and
 * objects; the assessor's superior (kabid) decides and the new result shows; two tabs saving one evaluation end in
 * one conflict that keeps both versions; the wrong role meets the forbidden page; the official annual evaluation
 * printed to PDF holds the predikat and its matrix cell; the English switch; axe-core on every page.
 */

const PASSWORD = 'sibolga-demo';
/** The machine is shared and slow: a page may take seconds to answer. */
const POLL = { timeout: 20_000 };

interface Criterion {
  code: string;
  category: string;
  weight: number;
  target: number | null;
  direction: string | null;
}

describe('the appraisal pages in Chromium, against the real server in demo mode', () => {
  let fixture: DashboardFixture;
  let admin: Record<string, string>;
  let guruNip: string;
  let guruAgency: string;
  let headLogin: string;
  let head: Record<string, string>;
  let period: { year: number; quarter: number };
  let criteria: Criterion[];

  async function gql<T>(query: string, variables: Record<string, unknown>, auth: Record<string, string>): Promise<T> {
    const result = await fixture.server.graphql<T>(query, variables, auth);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!;
  }

  async function login(page: Page, user: string): Promise<void> {
    await page.goto(`${fixture.server.url}/masuk`);
    await page.getByLabel('Nama pengguna').fill(user);
    await page.getByLabel('Kata sandi').fill(PASSWORD);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.waitForURL((url) => url.pathname !== '/masuk', { timeout: 20_000 });
  }

  async function guruEvaluation(): Promise<{
    id: number;
    status: string;
    version: number;
    score: number | null;
    predikat: string | null;
  } | null> {
    const data = await gql<{
      employee: {
        evaluations: {
          id: number;
          status: string;
          version: number;
          score: number | null;
          predikat: string | null;
          period: { quarter: number };
        }[];
      };
    }>(
      'query($nip: String!, $year: Int!) { employee(nip: $nip) { evaluations(year: $year) { id status version score predikat period { quarter } } } }',
      { nip: guruNip, year: period.year },
      admin,
    );
    return data.employee.evaluations.find((e) => e.period.quarter === period.quarter) ?? null;
  }

  /** The form's notice and error as one text (a failed poll then shows why). */
  async function formMessages(page: Page): Promise<string> {
    const texts = await page.locator('[data-testid="form-notice"], [data-testid="form-error"]').allInnerTexts();
    return texts.join(' | ');
  }

  /** Types a value for every criterion: realisation = target for an indicator, else the score. */
  async function fillAll(page: Page, value: (c: Criterion) => number): Promise<void> {
    for (const c of criteria) {
      const input = page.locator(`#score-${c.code}`);
      await input.fill(String(c.target !== null ? c.target : value(c)).replace('.', ','));
    }
  }

  beforeAll(async () => {
    fixture = await startDashboard();
    admin = await apiSession(fixture.server, 'admin', PASSWORD);
    const guru = await apiSession(fixture.server, 'guru', PASSWORD);
    const me = await gql<{ me: { employee: { nip: string; agency: { code: string }; supervisor: { nip: string } } } }>(
      '{ me { employee { nip agency { code } supervisor { nip } } } }',
      {},
      guru,
    );
    guruNip = me.me.employee.nip;
    guruAgency = me.me.employee.agency.code;
    // The demo account of guru's school head (kepsek) when the demo has it; else one made here by the admin.
    headLogin = 'kepsek';
    try {
      head = await apiSession(fixture.server, headLogin, PASSWORD);
    } catch {
      await gql(
        'mutation($nip: String!, $p: String!) { createAccount(login: "kepsek", role: SUPERVISOR, employeeNip: $nip, password: $p) { account { login } } }',
        { nip: me.me.employee.supervisor.nip, p: PASSWORD },
        admin,
      );
      head = await apiSession(fixture.server, headLogin, PASSWORD);
    }
    const start = await gql<{ currentPeriod: { year: number; quarter: number; status: string } }>(
      '{ currentPeriod { year quarter status } }',
      {},
      admin,
    );
    period = { year: start.currentPeriod.year, quarter: start.currentPeriod.quarter };
    // The demo leaves each assessor at one stage of the open quarter; when guru's is past scoring, the admin opens
    // the next quarter through the API, so the school head has guru's appraisal to do.
    const existing = await guruEvaluation();
    if (existing && existing.status !== 'DRAFT') {
      const next =
        period.quarter === 4
          ? { year: period.year + 1, quarter: 1 }
          : { year: period.year, quarter: period.quarter + 1 };
      await gql('mutation($p: PeriodChangeInput!) { openPeriod(input: $p) { status } }', { p: next }, admin);
      period = next;
    }
    const found = await gql<{ criteria: Criterion[] }>(
      'query($a: String!, $y: Int!) { criteria(agencyCode: $a, year: $y) { code category weight target direction } }',
      { a: guruAgency, y: period.year },
      admin,
    );
    criteria = found.criteria;
    expect(criteria.length).toBeGreaterThan(3);
  }, 240_000);

  afterAll(async () => {
    await fixture?.stop();
  });

  it('two tabs saving the same evaluation end in one conflict that keeps both versions visible', async () => {
    const existing = await guruEvaluation();
    if (existing === null) {
      const first = criteria.find((c) => c.target === null)!;
      await gql(
        'mutation($i: SaveEvaluationDraftInput!) { saveEvaluationDraft(input: $i) { id } }',
        { i: { employeeNip: guruNip, period, scores: [{ criterionCode: first.code, score: 95 }] } },
        head,
      );
    }
    const a = await openDashboard(fixture, '/masuk');
    const b = await openDashboard(fixture, '/masuk');
    for (const view of [a, b]) {
      await login(view.page, headLogin);
      await view.page.goto(`${fixture.server.url}/penilaian?nip=${guruNip}`);
      await view.page.getByTestId('evaluation-form').locator('form').waitFor();
    }
    const judged = criteria.filter((c) => c.target === null);
    await a.page.locator(`#score-${judged[0].code}`).fill('101');
    await a.page.locator(`#evidence-${judged[0].code}`).fill('Versi tab A');
    await a.page.getByTestId('save').click();
    await expect.poll(() => a.page.getByTestId('form-notice').innerText(), POLL).toContain('Tersimpan');

    await b.page.locator(`#score-${judged[0].code}`).fill('87');
    await b.page.locator(`#evidence-${judged[0].code}`).fill('Versi tab B');
    await b.page.getByTestId('save').click();
    const conflict = b.page.getByTestId('conflict');
    await conflict.waitFor();
    const row = await b.page.getByTestId(`conflict-${judged[0].code}`).innerText();
    expect(row).toContain('87');
    expect(row).toContain('Versi tab B');
    expect(row).toContain('101,00');
    expect(row).toContain('Versi tab A');
    // Nothing typed is lost: tab B's own value is still in its field.
    expect(await b.page.locator(`#score-${judged[0].code}`).inputValue()).toBe('87');
    const serverSide = await gql<{ evaluation: { scores: { criterion: { code: string }; score: number }[] } }>(
      'query($id: Int!) { evaluation(id: $id) { scores { criterion { code } score } } }',
      { id: (await guruEvaluation())!.id },
      admin,
    );
    expect(serverSide.evaluation.scores.find((s) => s.criterion.code === judged[0].code)?.score).toBe(101);

    await b.page.getByTestId('keep-mine').click();
    await expect.poll(() => b.page.getByTestId('form-notice').innerText(), POLL).toContain('Tersimpan');
    expect(await conflict.count()).toBe(0);
    const after = await gql<{ evaluation: { scores: { criterion: { code: string }; score: number }[] } }>(
      'query($id: Int!) { evaluation(id: $id) { scores { criterion { code } score } } }',
      { id: (await guruEvaluation())!.id },
      admin,
    );
    expect(after.evaluation.scores.find((s) => s.criterion.code === judged[0].code)?.score).toBe(87);
    for (const view of [a, b]) {
      expect(view.errors).toEqual([]);
      expect(view.blocked).toEqual([]);
      await view.close();
    }
  });

  it('the school head scores guru with the live predikat, saves and submits; axe finds nothing serious', async () => {
    const view = await openDashboard(fixture, '/masuk');
    const { page } = view;
    await login(page, headLogin);
    expect(await navLabels(page)).toContain('Penilaian');
    await page.goto(`${fixture.server.url}/penilaian`);
    await page.getByTestId(`report-${guruNip}`).getByRole('button').click();
    await page.getByTestId('evaluation-form').locator('form').waitFor();

    await fillAll(page, () => 100);
    await expect.poll(() => page.getByTestId('live-predikat').innerText(), POLL).toBe('Baik');
    await expect.poll(() => page.getByTestId('live-score').innerText(), POLL).toBe('100,00');
    // Above the scale: the shared rule refuses it beside the field, and the live result leaves it out.
    const judged = criteria.filter((c) => c.target === null && c.category === 'PERILAKU_KERJA');
    await page.locator(`#score-${judged[0].code}`).fill('130');
    await expect.poll(() => page.getByTestId(`error-${judged[0].code}`).innerText(), POLL).toContain('120');
    await page.getByTestId('save').click();
    await expect.poll(() => page.getByTestId('form-error').innerText(), POLL).not.toBe('');
    expect(await page.locator(`#score-${judged[0].code}`).inputValue()).toBe('130');
    // Every behaviour criterion at 115: above expectations there, so the matrix gives BAIK still (SESUAI x DI_ATAS).
    for (const c of criteria.filter((x) => x.category === 'PERILAKU_KERJA' && x.target === null)) {
      await page.locator(`#score-${c.code}`).fill('115');
    }
    const live = await page.getByTestId('live-result').innerText();
    await page.getByTestId('save').click();
    await expect.poll(() => page.getByTestId('form-notice').innerText(), POLL).toContain('Tersimpan');
    const saved = (await guruEvaluation())!;
    expect(saved.status).toBe('DRAFT');
    const predikatLabel: Record<string, string> = {
      SANGAT_BAIK: 'Sangat Baik',
      BAIK: 'Baik',
      BUTUH_PERBAIKAN: 'Butuh Perbaikan',
      KURANG: 'Kurang',
      SANGAT_KURANG: 'Sangat Kurang',
    };
    expect(saved.predikat).not.toBeNull();
    expect(live).toContain(predikatLabel[saved.predikat!]);
    expect(await page.getByTestId('live-score').innerText()).toBe(
      new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
        Math.trunc(saved.score! * 100) / 100,
      ),
    );

    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByTestId('submit').click();
    await expect.poll(() => formMessages(page), POLL).toContain('diajukan');
    expect((await guruEvaluation())!.status).toBe('SUBMITTED');
    expect(view.errors).toEqual([]);
    expect(view.blocked).toEqual([]);
    await view.close();
  });

  it('guru sees the scores and the steps to the predikat and objects with a reason; guru may not open Penilaian', async () => {
    const view = await openDashboard(fixture, '/masuk');
    const { page } = view;
    await loginAsDemo(page, fixture.server.url, 'guru');
    expect(await navLabels(page)).toContain('Kinerja Saya');
    await page.goto(`${fixture.server.url}/kinerja-saya?tahun=${period.year}`);
    const quarter = page.getByTestId(`quarter-${period.quarter}`);
    await quarter.waitFor();
    const steps = await page.getByTestId(`steps-${period.quarter}`).innerText();
    const api = await gql<{
      transparency: {
        quarters: { quarter: number; matrixCell: string; scoreFormula: string; hasilKerja: { formula: string } }[];
      };
    }>(
      'query($nip: String!, $y: Int!) { transparency(nip: $nip, year: $y) { quarters { quarter matrixCell scoreFormula hasilKerja { formula } } } }',
      { nip: guruNip, y: period.year },
      admin,
    );
    const q = api.transparency.quarters.find((x) => x.quarter === period.quarter)!;
    expect(steps).toContain(q.matrixCell);
    expect(steps).toContain(q.scoreFormula);
    expect(steps).toContain(q.hasilKerja.formula);
    expect(await quarter.innerText()).toContain('Diajukan');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Objecting without a reason is refused beside the field; with one it is filed.
    await page.getByTestId(`object-open-${period.quarter}`).click();
    await page.getByTestId(`object-${period.quarter}`).click();
    await expect.poll(() => quarter.getByRole('alert').innerText(), POLL).toContain('wajib');
    await quarter.getByLabel('Alasan keberatan').fill('Bukti kegiatan literasi belum dihitung.');
    await page.getByTestId(`object-${period.quarter}`).click();
    await expect.poll(() => page.getByTestId('kinerja-notice').innerText(), POLL).toContain('Keberatan terkirim');
    expect((await guruEvaluation())!.status).toBe('OBJECTED');

    await page.goto(`${fixture.server.url}/penilaian`);
    await page.getByTestId('forbidden').waitFor();
    expect(new URL(page.url()).pathname).toBe('/terlarang');
    expect(view.errors).toEqual([]);
    await view.close();
  });

  it('kabid, the assessor’s superior, upholds the objection with a changed score and the new result shows', async () => {
    const before = (await guruEvaluation())!;
    const view = await openDashboard(fixture, '/masuk');
    const { page } = view;
    await loginAsDemo(page, fixture.server.url, 'kabid');
    await page.goto(`${fixture.server.url}/penilaian`);
    const card = page.getByTestId(`objection-${guruNip}`);
    await card.waitFor();
    expect(await card.getByTestId('objection-reason').innerText()).toContain('literasi');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await card.getByLabel('Diterima (nilai diubah)').check();
    const work = criteria.filter((c) => c.category === 'HASIL_KERJA' && c.target === null);
    for (const c of work) await card.locator(`input[id$="-${c.code}"]`).fill('118');
    await card.getByLabel('Catatan keputusan').fill('Bukti literasi diterima.');
    await card.getByTestId('decide').click();
    await card.waitFor({ state: 'detached', timeout: 15_000 }).catch(async (error: Error) => {
      throw new Error(`${error.message}\n${await card.innerText()}`);
    });
    const after = (await guruEvaluation())!;
    expect(after.status).toBe('ACKNOWLEDGED');
    expect(after.score).not.toBe(before.score);
    await view.close();

    const guru = await openDashboard(fixture, '/masuk');
    await loginAsDemo(guru.page, fixture.server.url, 'guru');
    await guru.page.goto(`${fixture.server.url}/kinerja-saya?tahun=${period.year}`);
    const quarter = guru.page.getByTestId(`quarter-${period.quarter}`);
    await quarter.waitFor();
    const text = await quarter.innerText();
    expect(text).toContain('Diterima');
    const shown = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
      Math.trunc(after.score! * 100) / 100,
    );
    expect(await guru.page.getByTestId(`quarter-result-${period.quarter}`).innerText()).toContain(shown);
    expect(guru.errors).toEqual([]);
    await guru.close();
  });

  it('prints the official annual evaluation to PDF with the predikat and the matrix cell that gave it', async () => {
    const year = 2024;
    const guru = await apiSession(fixture.server, 'guru', PASSWORD);
    const api = await gql<{ transparency: { annual: { predikat: string; matrixCell: string } } }>(
      'query($y: Int!) { transparency(year: $y) { annual { predikat matrixCell } } }',
      { y: year },
      guru,
    );
    expect(api.transparency.annual.matrixCell).toBeTruthy();
    const view = await openDashboard(fixture, '/masuk');
    const { page } = view;
    await loginAsDemo(page, fixture.server.url, 'guru');
    await page.goto(`${fixture.server.url}/kinerja-saya?tahun=${year}`);
    await page.getByTestId('official-predikat').waitFor();
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
    let text = '';
    for (let i = 1; i <= doc.numPages; i += 1) {
      const content = await (await doc.getPage(i)).getTextContent();
      text += content.items.map((item) => ('str' in item ? item.str : '')).join(' ') + '\n';
    }
    const label: Record<string, string> = {
      SANGAT_BAIK: 'Sangat Baik',
      BAIK: 'Baik',
      BUTUH_PERBAIKAN: 'Butuh Perbaikan',
      KURANG: 'Kurang',
      SANGAT_KURANG: 'Sangat Kurang',
    };
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain(`Evaluasi Kinerja Tahunan Pegawai ${year}`);
    expect(flat).toContain(`Predikat kinerja tahunan: ${label[api.transparency.annual.predikat]}`);
    expect(flat).toContain(api.transparency.annual.matrixCell.replace(/\s+/g, ' '));
    // The screen parts (navigation, the quarters) are not printed.
    expect(flat).not.toContain('Kriteria yang berlaku');
    await view.close();
  });

  it('Pemantauan for the admin with axe clean; the English switch changes the pages', async () => {
    const view = await openDashboard(fixture, '/masuk');
    const { page } = view;
    await loginAsDemo(page, fixture.server.url, 'admin');
    await page.goto(`${fixture.server.url}/pemantauan`);
    await page.getByTestId('completion-table').waitFor();
    const api = await gql<{ completion: { totals: { expected: number } } }>(
      'query($y: Int!, $q: Int!) { completion(year: $y, quarter: $q) { totals { expected } } }',
      { y: period.year, q: period.quarter },
      admin,
    );
    expect(await page.getByTestId('completion-totals').innerText()).toContain(
      api.completion.totals.expected.toLocaleString('id-ID'),
    );
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByTestId('locale-select').selectOption('en');
    await page.getByRole('heading', { name: 'Monitoring' }).waitFor();
    expect(await navLabels(page)).toContain('Monitoring');
    expect(view.errors).toEqual([]);
    await view.close();
  });

  it('Administrasi: weights checked by the shared rule, accounts with one-time passwords, org predikat proposed and set, the audit log filtered', async () => {
    const view = await openDashboard(fixture, '/masuk');
    const { page } = view;
    await loginAsDemo(page, fixture.server.url, 'admin');
    await page.goto(`${fixture.server.url}/administrasi`);
    await page.getByTestId('admin-periods').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Weights that do not sum to 100 are refused in the browser by the shared rule, before any request.
    const weights = page.getByTestId('admin-weights');
    await weights.locator('select').first().selectOption(guruAgency);
    const firstWork = weights.locator('input[id^="w-"]').first();
    await firstWork.waitFor();
    const before = await firstWork.inputValue();
    await firstWork.fill(String(Number(before) + 1));
    await weights.getByRole('button', { name: /Simpan bobot Hasil kerja/ }).click();
    await expect.poll(() => page.getByTestId('weights-error-HASIL_KERJA').innerText(), POLL).toContain('100');
    expect(await firstWork.inputValue()).toBe(String(Number(before) + 1));

    // Accounts for the employees of one agency without one: the one-time passwords are listed.
    const accounts = page.getByTestId('admin-accounts');
    await accounts.locator('select').first().selectOption('DISKOMINFO');
    await accounts.getByRole('button', { name: /Buat akun/ }).click();
    await expect.poll(() => page.getByTestId('accounts-created').innerText(), POLL).toMatch(/^\d+ akun dibuat/);
    const rows = await accounts.locator('tbody tr').count();
    const createdCount = Number((await page.getByTestId('accounts-created').innerText()).split(' ')[0]);
    expect(rows).toBe(createdCount);

    // The audit log, filtered by action: the accounts just created are there.
    const audit = page.getByTestId('admin-audit');
    await audit.getByLabel('Tindakan').fill('account.create');
    await audit.getByRole('button', { name: 'Saring' }).click();
    const api = await gql<{ auditLog: { totalCount: number } }>(
      '{ auditLog(filter: { action: "account.create" }) { totalCount } }',
      {},
      admin,
    );
    expect(api.auditLog.totalCount).toBeGreaterThan(0);
    await expect
      .poll(() => page.getByTestId('audit-count').innerText(), POLL)
      .toBe(`${api.auditLog.totalCount.toLocaleString('id-ID')} entri`);
    expect(view.errors).toEqual([]);
    await view.close();

    // The agency head proposes the org predikat of the year; the mayor (LEADER) sets it.
    const year = period.year - 1;
    for (const [login, button] of [
      ['kadisdik', 'Usulkan'],
      ['walikota', 'Tetapkan'],
    ] as const) {
      const v = await openDashboard(fixture, '/masuk');
      await loginAsDemo(v.page, fixture.server.url, login);
      await v.page.goto(`${fixture.server.url}/administrasi`);
      const org = v.page.getByTestId('admin-org');
      await org.waitFor();
      expect(await v.page.getByTestId('admin-periods').count()).toBe(0);
      await org.locator('select').first().selectOption('DISDIK');
      await org.getByLabel('Tahun').fill(String(year));
      await org.getByLabel('Predikat').selectOption('BAIK');
      await org.getByRole('button', { name: button }).click();
      await expect
        .poll(() => v.page.getByTestId('org-state').innerText(), POLL)
        .toContain(button === 'Usulkan' ? 'Diusulkan: Baik' : 'Ditetapkan: Baik');
      if (login === 'walikota') expect(await seriousAxeViolations(v.page)).toEqual([]);
      expect(v.errors).toEqual([]);
      await v.close();
    }
    const orgApi = await gql<{ agency: { orgPerformance: { predikat: string; proposedPredikat: string } } }>(
      'query($y: Int!) { agency(code: "DISDIK") { orgPerformance(year: $y) { predikat proposedPredikat } } }',
      { y: year },
      admin,
    );
    expect(orgApi.agency.orgPerformance).toEqual({ predikat: 'BAIK', proposedPredikat: 'BAIK' });
  }, 120_000);
});
