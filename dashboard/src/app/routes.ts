import type { Component } from 'vue';
import type { Role } from '../gql/graphql';
import type { MessageKey } from './i18n';

/**
 * THE route table (docs/dashboard.md "Adding a page"): one row per page with its path, its component (loaded
 * lazily, so a page's code and charts stay out of the initial bundle), who may open it (roles, or every account
 * linked to an employee) and its navigation label. The navigation, the home page of a role and the forbidden page are all derived from this list.
 */
export type NavKey = Extract<MessageKey, `nav.${string}`>;

export interface PageRoute {
  path: string;
  name: string;
  component: () => Promise<Component>;
  /**
   * Who may open it: the roles listed; 'public' pages need no session (login, forbidden); 'linked' pages are for
   * every account linked to an employee (`me.employee`), whatever its role, and for no account without one: they
   * show the caller's own appraisal or feedback (docs/access.md#roles).
   */
  roles: readonly Role[] | 'public' | 'linked';
  /**
   * Also open to any account with direct reports, whatever its role: an account linked to an employee has a
   * supervisor's rights over the employee's direct reports (docs/access.md#roles).
   */
  directReports?: boolean;
  /** Label in the navigation; pages without one are reached by links only. */
  nav?: NavKey;
}

export const ALL_ROLES: readonly Role[] = [
  'ADMIN',
  'LEADER',
  'POLICY',
  'ANALYST',
  'AGENCY_HEAD',
  'SUPERVISOR',
  'EMPLOYEE',
];

export const PAGES: readonly PageRoute[] = [
  {
    path: '/ringkasan',
    name: 'ringkasan',
    component: () => import('../features/ringkasan/RingkasanPage.vue'),
    roles: ALL_ROLES,
    nav: 'nav.ringkasan',
  },
  {
    path: '/perangkat-daerah',
    name: 'agency',
    component: () => import('../features/agency/AgencyPage.vue'),
    roles: ['ADMIN', 'LEADER', 'POLICY', 'ANALYST', 'AGENCY_HEAD'],
    nav: 'nav.agency',
  },
  {
    path: '/bandingkan',
    name: 'compare',
    component: () => import('../features/compare/ComparePage.vue'),
    roles: ['ADMIN', 'LEADER', 'POLICY', 'ANALYST'],
    nav: 'nav.compare',
  },
  {
    path: '/pelatihan',
    name: 'training',
    component: () => import('../features/training/TrainingPage.vue'),
    roles: ['ADMIN', 'LEADER', 'POLICY', 'ANALYST', 'AGENCY_HEAD'],
    nav: 'nav.training',
  },
  {
    path: '/analis',
    name: 'analyst',
    component: () => import('../features/analyst/AnalystPage.vue'),
    roles: ['ADMIN', 'ANALYST', 'POLICY'],
    nav: 'nav.analyst',
  },
  {
    path: '/kinerja-saya',
    name: 'kinerja',
    component: () => import('../features/kinerja/KinerjaSayaPage.vue'),
    // The caller's own appraisal: every account linked to an employee, whatever its role (docs/access.md#roles).
    roles: 'linked',
    nav: 'nav.kinerja',
  },
  {
    path: '/penilaian',
    name: 'penilaian',
    component: () => import('../features/penilaian/PenilaianPage.vue'),
    roles: ['AGENCY_HEAD', 'SUPERVISOR'],
    directReports: true,
    nav: 'nav.penilaian',
  },
  {
    path: '/pemantauan',
    name: 'pemantauan',
    component: () => import('../features/pemantauan/PemantauanPage.vue'),
    roles: ['ADMIN', 'LEADER', 'AGENCY_HEAD'],
    nav: 'nav.pemantauan',
  },
  {
    path: '/impor',
    name: 'impor',
    component: () => import('../features/impor/ImporPage.vue'),
    // Running an import is for administrators (docs/access.md, `mayRunImport`).
    roles: ['ADMIN'],
    nav: 'nav.impor',
  },
  {
    path: '/administrasi',
    name: 'administrasi',
    component: () => import('../features/administrasi/AdministrasiPage.vue'),
    // ADMIN everything; LEADER sets and AGENCY_HEAD proposes the org predikat (docs/access.md).
    roles: ['ADMIN', 'LEADER', 'AGENCY_HEAD'],
    nav: 'nav.administrasi',
  },
  {
    path: '/umpan-balik',
    name: 'umpan-balik',
    component: () => import('../features/umpan-balik/UmpanBalikPage.vue'),
    // Feedback is between an employee and their supervisors (docs/dialogue.md): every account linked to an employee.
    roles: 'linked',
    nav: 'nav.umpanBalik',
  },
  {
    path: '/panduan',
    name: 'panduan',
    component: () => import('../features/panduan/PanduanPage.vue'),
    roles: ALL_ROLES,
    nav: 'nav.panduan',
  },
  {
    path: '/masuk',
    name: 'login',
    component: () => import('../features/login/LoginPage.vue'),
    roles: 'public',
  },
  {
    path: '/terlarang',
    name: 'forbidden',
    component: () => import('../features/system/ForbiddenPage.vue'),
    roles: 'public',
  },
];

/**
 * Who is asking, as far as the route table cares: the role, the number of direct reports (`me.scope`) and whether
 * the account is linked to an employee (`me.employee`).
 */
export interface Viewer {
  role: Role;
  directReports: number;
  linkedEmployee: boolean;
}

/** The viewer of a `me` answer (null without a session). */
export function viewerOf(
  me: { role: Role; employee: object | null; scope: { directReports: number } } | null | undefined,
): Viewer | null {
  return me ? { role: me.role, directReports: me.scope.directReports, linkedEmployee: me.employee !== null } : null;
}

export function canOpen(page: Pick<PageRoute, 'roles' | 'directReports'>, viewer: Viewer | null): boolean {
  if (page.roles === 'public') return true;
  if (viewer === null) return false;
  if (page.roles === 'linked') return viewer.linkedEmployee;
  return page.roles.includes(viewer.role) || (page.directReports === true && viewer.directReports > 0);
}

/** The navigation of a viewer, in the table's order. */
export function navFor(viewer: Viewer | null): PageRoute[] {
  return PAGES.filter((page) => page.nav && canOpen(page, viewer));
}

/** Where a viewer lands after login or on `/`: its first page in the navigation, else the login page. */
export function homeFor(viewer: Viewer | null): string {
  return navFor(viewer)[0]?.path ?? '/masuk';
}
