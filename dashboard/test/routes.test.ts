import { describe, expect, it } from 'vitest';
import { canOpen, homeFor, navFor, PAGES } from '../src/app/routes';

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
    expect(navFor(role).map((page) => page.path)).toEqual(paths);
    expect(homeFor(role)).toBe(paths[0]);
  });

  it('sends a caller without a session to the login page', () => {
    expect(navFor(null)).toEqual([]);
    expect(homeFor(null)).toBe('/masuk');
  });

  it('opens public pages for everyone and role pages only for their roles', () => {
    const login = PAGES.find((page) => page.name === 'login')!;
    const analyst = PAGES.find((page) => page.name === 'analyst')!;
    expect(canOpen(login, null)).toBe(true);
    expect(canOpen(analyst, 'LEADER')).toBe(false);
    expect(canOpen(analyst, 'ANALYST')).toBe(true);
    expect(canOpen(analyst, null)).toBe(false);
  });

  it('has unique paths and names', () => {
    expect(new Set(PAGES.map((page) => page.path)).size).toBe(PAGES.length);
    expect(new Set(PAGES.map((page) => page.name)).size).toBe(PAGES.length);
  });
});
