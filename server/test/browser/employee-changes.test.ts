import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, loginAsDemo, openDashboard, startDashboard, type DashboardFixture } from '../helpers/dashboard.js';

/**
 * Employee changes in Chromium (docs/access.md#employee-changes, docs/dashboard.md "Administrasi"): the administrator
 * loads `guru` by NIP, tries a transfer to guru's own agency and sees the server's refusal beside the agency field,
 * then transfers guru to another agency and sees it confirmed; the API agrees.
 */
describe('Administrasi: employee changes', () => {
  let fixture: DashboardFixture;

  beforeAll(async () => {
    fixture = await startDashboard();
  });

  afterAll(async () => {
    await fixture?.stop();
  });

  it('an administrator transfers guru to another agency and sees it confirmed; a refusal shows beside its field', async () => {
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
    expect(view.errors).toEqual([]);
    expect(view.blocked).toEqual([]);
    await view.close();
  });
});
