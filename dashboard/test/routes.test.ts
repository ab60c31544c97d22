import { describe, expect, it } from 'vitest';
import { ALL_ROLES, canOpen, homeFor, navFor, PAGES, viewerOf } from '../src/app/routes';

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
    // As the demo accounts are: AGENCY_HEAD, SUPERVISOR and EMPLOYEE accounts are always linked to an employee.
    const linkedEmployee = ['AGENCY_HEAD', 'SUPERVISOR', 'EMPLOYEE'].includes(role);
    expect(navFor({ role, directReports: 0, linkedEmployee }).map((page) => page.path)).toEqual(paths);
    expect(homeFor({ role, directReports: 0, linkedEmployee })).toBe(paths[0]);
  });

  // Kinerja Saya and Umpan Balik follow the link to an employee, not the role (docs/dashboard.md "Session and
  // roles"): a LEADER, ADMIN, POLICY or ANALYST account linked to an employee gets them, in the table's place.
  it.each([
    [
      'LEADER',
      [
        '/ringkasan',
        '/perangkat-daerah',
        '/bandingkan',
        '/pelatihan',
        '/kinerja-saya',
        '/pemantauan',
        '/administrasi',
        '/umpan-balik',
        '/panduan',
      ],
    ],
    [
      'ADMIN',
      [
        '/ringkasan',
        '/perangkat-daerah',
        '/bandingkan',
        '/pelatihan',
        '/analis',
        '/kinerja-saya',
        '/pemantauan',
        '/impor',
        '/administrasi',
        '/umpan-balik',
        '/panduan',
      ],
    ],
    [
      'ANALYST',
      [
        '/ringkasan',
        '/perangkat-daerah',
        '/bandingkan',
        '/pelatihan',
        '/analis',
        '/kinerja-saya',
        '/umpan-balik',
        '/panduan',
      ],
    ],
  ] as const)('gives %s linked to an employee the navigation %j', (role, paths) => {
    expect(navFor({ role, directReports: 0, linkedEmployee: true }).map((page) => page.path)).toEqual(paths);
  });

  it('opens Kinerja Saya and Umpan Balik to every linked account and to no account without an employee', () => {
    const own = PAGES.filter((page) => page.name === 'kinerja' || page.name === 'umpan-balik');
    expect(own.map((page) => page.roles)).toEqual(['linked', 'linked']);
    for (const page of own) {
      for (const role of ALL_ROLES) {
        expect(canOpen(page, { role, directReports: 0, linkedEmployee: true }), `${page.name} ${role}`).toBe(true);
        // Even with direct reports, an account without an employee has no appraisal or feedback of its own.
        expect(canOpen(page, { role, directReports: 3, linkedEmployee: false }), `${page.name} ${role}`).toBe(false);
      }
    }
  });

  // An account linked to an employee has a supervisor's rights over the direct reports whatever its role
  // (docs/access.md#roles): Penilaian joins its navigation, in the table's place.
  it.each([
    ['EMPLOYEE', ['/ringkasan', '/kinerja-saya', '/penilaian', '/umpan-balik', '/panduan']],
    [
      'POLICY',
      [
        '/ringkasan',
        '/perangkat-daerah',
        '/bandingkan',
        '/pelatihan',
        '/analis',
        '/kinerja-saya',
        '/penilaian',
        '/umpan-balik',
        '/panduan',
      ],
    ],
    ['SUPERVISOR', ['/ringkasan', '/kinerja-saya', '/penilaian', '/umpan-balik', '/panduan']],
  ] as const)('gives %s with direct reports the navigation %j', (role, paths) => {
    // Direct reports come only with a link to an employee.
    expect(navFor({ role, directReports: 2, linkedEmployee: true }).map((page) => page.path)).toEqual(paths);
  });

  it('opens Penilaian by direct reports and Impor to ADMIN only', () => {
    const penilaian = PAGES.find((page) => page.name === 'penilaian')!;
    const impor = PAGES.find((page) => page.name === 'impor')!;
    expect(canOpen(penilaian, { role: 'EMPLOYEE', directReports: 0, linkedEmployee: true })).toBe(false);
    expect(canOpen(penilaian, { role: 'EMPLOYEE', directReports: 1, linkedEmployee: true })).toBe(true);
    expect(canOpen(impor, { role: 'ADMIN', directReports: 0, linkedEmployee: false })).toBe(true);
    expect(canOpen(impor, { role: 'LEADER', directReports: 3, linkedEmployee: true })).toBe(false);
    expect(viewerOf({ role: 'EMPLOYEE', employee: { name: 'Butet' }, scope: { directReports: 4 } })).toEqual({
      role: 'EMPLOYEE',
      directReports: 4,
      linkedEmployee: true,
    });
    expect(viewerOf({ role: 'LEADER', employee: null, scope: { directReports: 0 } })).toEqual({
      role: 'LEADER',
      directReports: 0,
      linkedEmployee: false,
    });
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
    expect(canOpen(analyst, { role: 'LEADER', directReports: 0, linkedEmployee: true })).toBe(false);
    expect(canOpen(analyst, { role: 'ANALYST', directReports: 0, linkedEmployee: false })).toBe(true);
    expect(canOpen(analyst, null)).toBe(false);
  });

  it('has unique paths and names', () => {
    expect(new Set(PAGES.map((page) => page.path)).size).toBe(PAGES.length);
    expect(new Set(PAGES.map((page) => page.name)).size).toBe(PAGES.length);
  });
});
