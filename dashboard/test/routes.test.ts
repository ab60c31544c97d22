import { describe, expect, it } from 'vitest';
import { canOpen, homeFor, navFor, PAGES, viewerOf } from '../src/app/routes';

describe('the route table', () => {
  it.each([
    [
      'ADMIN',
      [
        '/ringkasan',
        '/perangkat-daerah',
        '/bandingkan',
        '/pelatihan',
        '/analis',
        '/pemantauan',
        '/impor',
        '/administrasi',
        '/panduan',
      ],
    ],
    [
      'LEADER',
      ['/ringkasan', '/perangkat-daerah', '/bandingkan', '/pelatihan', '/pemantauan', '/administrasi', '/panduan'],
    ],
    ['POLICY', ['/ringkasan', '/perangkat-daerah', '/bandingkan', '/pelatihan', '/analis', '/panduan']],
    ['ANALYST', ['/ringkasan', '/perangkat-daerah', '/bandingkan', '/pelatihan', '/analis', '/panduan']],
    [
      'AGENCY_HEAD',
      [
        '/ringkasan',
        '/perangkat-daerah',
        '/pelatihan',
        '/kinerja-saya',
        '/penilaian',
        '/pemantauan',
        '/administrasi',
        '/umpan-balik',
        '/panduan',
      ],
    ],
    ['SUPERVISOR', ['/ringkasan', '/kinerja-saya', '/penilaian', '/umpan-balik', '/panduan']],
    ['EMPLOYEE', ['/ringkasan', '/kinerja-saya', '/umpan-balik', '/panduan']],
  ] as const)('gives %s the navigation %j', (role, paths) => {
    expect(navFor({ role, directReports: 0 }).map((page) => page.path)).toEqual(paths);
    expect(homeFor({ role, directReports: 0 })).toBe(paths[0]);
  });

  // An account linked to an employee has a supervisor's rights over the direct reports whatever its role
  // (docs/access.md#roles): Penilaian joins its navigation, in the table's place.
  it.each([
    ['EMPLOYEE', ['/ringkasan', '/kinerja-saya', '/penilaian', '/umpan-balik', '/panduan']],
    ['POLICY', ['/ringkasan', '/perangkat-daerah', '/bandingkan', '/pelatihan', '/analis', '/penilaian', '/panduan']],
    ['SUPERVISOR', ['/ringkasan', '/kinerja-saya', '/penilaian', '/umpan-balik', '/panduan']],
  ] as const)('gives %s with direct reports the navigation %j', (role, paths) => {
    expect(navFor({ role, directReports: 2 }).map((page) => page.path)).toEqual(paths);
  });

  it('opens Penilaian by direct reports and Impor to ADMIN only', () => {
    const penilaian = PAGES.find((page) => page.name === 'penilaian')!;
    const impor = PAGES.find((page) => page.name === 'impor')!;
    expect(canOpen(penilaian, { role: 'EMPLOYEE', directReports: 0 })).toBe(false);
    expect(canOpen(penilaian, { role: 'EMPLOYEE', directReports: 1 })).toBe(true);
    expect(canOpen(impor, { role: 'ADMIN', directReports: 0 })).toBe(true);
    expect(canOpen(impor, { role: 'LEADER', directReports: 3 })).toBe(false);
    expect(viewerOf({ role: 'EMPLOYEE', scope: { directReports: 4 } })).toEqual({ role: 'EMPLOYEE', directReports: 4 });
    expect(viewerOf(null)).toBeNull();
  });

  it('sends a caller without a session to the login page', () => {
    expect(navFor(null)).toEqual([]);
    expect(homeFor(null)).toBe('/masuk');
  });

  it('opens public pages for everyone and role pages only for their roles', () => {
    const login = PAGES.find((page) => page.name === 'login')!;
    const analyst = PAGES.find((page) => page.name === 'analyst')!;
    expect(canOpen(login, null)).toBe(true);
    expect(canOpen(analyst, { role: 'LEADER', directReports: 0 })).toBe(false);
    expect(canOpen(analyst, { role: 'ANALYST', directReports: 0 })).toBe(true);
    expect(canOpen(analyst, null)).toBe(false);
  });

  it('has unique paths and names', () => {
    expect(new Set(PAGES.map((page) => page.path)).size).toBe(PAGES.length);
    expect(new Set(PAGES.map((page) => page.name)).size).toBe(PAGES.length);
  });
});
