import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiSession,
  loginAsDemo,
  openDashboard,
  startDashboard,
  type DashboardFixture,
  seriousAxeViolations,
} from '../helpers/dashboard.js';

/**
 * Employee changes in Chromium (docs/access.md#employee-changes, docs/dashboard.md "Administrasi"): the administrator
 * loads `guru` by NIP, tries a transfer to guru's own agency and sees the server's refusal beside the agency field,
 * then transfers guru to another agency and sees it confirmed; the API agrees. Then names guru acting assessor (Plt)
 * for kabid, sees it listed as in force, ends it early after a confirmation (a date before its start is refused
 * beside the date) and sees it ended; axe-core finds no serious or critical violation on the way.
 */

/** A day relative to today (UTC, as the server's PostgreSQL counts days here), `YYYY-MM-DD`. */
function dayFrom(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
describe('Administrasi: employee changes', () => {
  let fixture: DashboardFixture;

  beforeAll(async () => {
    fixture = await startDashboard();
  });

  afterAll(async () => {
    await fixture?.stop();
  });

  it('an administrator transfers guru to another agency and sees it confirmed; a refusal shows beside its field; an acting assignment is listed, ended early and shown ended', async () => {
    const guruApi = await apiSession(fixture.server, 'guru', 'sibolga-demo');
    const me = await fixture.server.graphql<{
      me: { employee: { nip: string; name: string; agency: { code: string } } };
    }>('{ me { employee { nip name agency { code } } } }', {}, guruApi);
    const guru = me.data!.me.employee;

    const view = await openDashboard(fixture);
    const { page } = view;
    await loginAsDemo(page, fixture.server.url, 'admin');
    await page.goto(`${fixture.server.url}/administrasi`);
    const section = page.getByTestId('admin-employee-changes');
    await section.waitFor();
    await section.locator('input[name="staffing-nip"]').fill(guru.nip);
    await section.getByRole('button', { name: 'Muat' }).click();
    await expect.poll(() => section.getByTestId('staffing-employee').innerText()).toContain(guru.name);

    // The server's refusal, in Indonesian, beside the agency field; nothing typed is lost.
    const agency = section.locator('select[name="staffing-agency"]');
    await agency.selectOption(guru.agency.code);
    await section.locator('input[name="staffing-reason"]').fill('SK mutasi 821/2025');
    await section.getByRole('button', { name: 'Simpan perubahan' }).click();
    await expect
      .poll(() => section.getByRole('alert').allInnerTexts())
      .toEqual([`pegawai ini sudah berada di ${guru.agency.code}`]);
    expect(await agency.getAttribute('aria-invalid')).toBe('true');
    expect(await section.locator('input[name="staffing-reason"]').inputValue()).toBe('SK mutasi 821/2025');

    const codes = (await agency
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))) as string[];
    const target = codes.find((code) => code !== '' && code !== guru.agency.code)!;
    await agency.selectOption(target);
    await section.getByRole('button', { name: 'Simpan perubahan' }).click();
    await expect
      .poll(() => section.getByTestId('staffing-confirmed').innerText())
      .toBe(`${guru.name} dimutasi ke ${target}.`);
    await expect.poll(() => section.getByTestId('staffing-employee').innerText()).toContain(`${target} –`);

    const admin = await apiSession(fixture.server, 'admin', 'sibolga-demo');
    const after = await fixture.server.graphql<{ employee: { agency: { code: string }; supervisor: null } }>(
      'query ($nip: String!) { employee(nip: $nip) { agency { code } supervisor { nip } } }',
      { nip: guru.nip },
      admin,
    );
    expect(after.data!.employee).toEqual({ agency: { code: target }, supervisor: null });
    expect(await seriousAxeViolations(page)).toEqual([]);

    // guru acting (Plt) for kabid from three days ago: listed as in force.
    const kabidApi = await apiSession(fixture.server, 'kabid', 'sibolga-demo');
    const kabid = (
      await fixture.server.graphql<{ me: { employee: { nip: string; name: string } } }>(
        '{ me { employee { nip name } } }',
        {},
        kabidApi,
      )
    ).data!.me.employee;
    await section.getByLabel('Plt/Plh untuk pejabat lain').check();
    await section.locator('input[name="staffing-for"]').fill(kabid.nip);
    await section.locator('select[name="staffing-kind"]').selectOption('PLT');
    await section.locator('input[name="staffing-from"]').fill(dayFrom(-3));
    await section.locator('input[name="staffing-to"]').fill(dayFrom(10));
    await section.locator('input[name="staffing-reason"]').fill('SK Plt 800/2026');
    await section.getByRole('button', { name: 'Simpan perubahan' }).click();
    await expect
      .poll(() => section.getByTestId('staffing-confirmed').innerText())
      .toBe(
        `${guru.name} menjadi Plt (pelaksana tugas) untuk ${kabid.name} dari ${dayFrom(-3)} sampai ${dayFrom(10)}.`,
      );
    const list = section.getByTestId('acting-list');
    const row = list.locator('tbody tr', { hasText: guru.nip });
    await expect.poll(() => row.getAttribute('data-state')).toBe('ACTIVE');
    expect((await row.locator('td').allInnerTexts()).map((cell) => cell.trim()).slice(0, 6)).toEqual([
      `${guru.name} (${guru.nip})`,
      'Plt (pelaksana tugas)',
      `${kabid.name} (${kabid.nip})`,
      dayFrom(-3),
      dayFrom(10),
      'Berlaku',
    ]);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // End it early: a confirmation first; a last day before the start is refused beside the date, the date kept.
    await row.getByRole('button', { name: `Akhiri lebih awal penugasan ${guru.name}` }).click();
    await expect.poll(() => row.innerText()).toContain('Akhiri penugasan ini lebih awal?');
    const lastDay = row.locator('input[name="acting-last-day"]');
    await lastDay.fill(dayFrom(-5));
    await row.getByRole('button', { name: 'Ya, akhiri' }).click();
    await expect
      .poll(() => row.getByRole('alert').allInnerTexts())
      .toEqual([`tanggal akhir ${dayFrom(-5)} sebelum tanggal mulai ${dayFrom(-3)}`]);
    expect(await lastDay.getAttribute('aria-invalid')).toBe('true');
    expect(await lastDay.inputValue()).toBe(dayFrom(-5));
    expect(await row.getAttribute('data-state')).toBe('ACTIVE');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Yesterday as the last day: ended, listed as such, and the API agrees.
    await lastDay.fill(dayFrom(-1));
    await row.getByRole('button', { name: 'Ya, akhiri' }).click();
    await expect
      .poll(() => list.getByTestId('acting-ended').innerText())
      .toBe(`Penugasan ${guru.name} untuk ${kabid.name} diakhiri; hari terakhirnya ${dayFrom(-1)}.`);
    await expect.poll(() => row.getAttribute('data-state')).toBe('ENDED');
    expect((await row.locator('td').allInnerTexts()).map((cell) => cell.trim()).slice(4, 6)).toEqual([
      dayFrom(-1),
      'Selesai',
    ]);
    expect(await row.getByRole('button').count()).toBe(0);
    const acting = await fixture.server.graphql<{
      actingAssignments: { state: string; to: string; acting: { nip: string } }[];
    }>('{ actingAssignments { state to acting { nip } } }', {}, admin);
    expect(acting.data!.actingAssignments).toEqual([{ state: 'ENDED', to: dayFrom(-1), acting: { nip: guru.nip } }]);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(view.errors).toEqual([]);
    expect(view.blocked).toEqual([]);
    await view.close();
  }, 120_000);
});
