import type { Component } from 'vue';
import type { Role } from '../gql/graphql';
import type { MessageKey } from './i18n';

/**
 * THE route table (docs/dashboard.md "Adding a page"): one row per page with its path, its component (loaded
 * lazily, so a page's code and charts stay out of the initial bundle), the roles that may open it and its navigation
 * label. The navigation, the home page of a role and the forbidden page are all derived from this list.
 */
export type NavKey = Extract<MessageKey, `nav.${string}`>;

export interface PageRoute {
  path: string;
  name: string;
  component: () => Promise<Component>;
  /** Who may open it; 'public' pages need no session (login, forbidden). */
  roles: readonly Role[] | 'public';
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
    // The roles whose accounts are always linked to an employee (docs/access.md); the page says so to others.
    roles: ['AGENCY_HEAD', 'SUPERVISOR', 'EMPLOYEE'],
    nav: 'nav.kinerja',
  },
  {
    path: '/penilaian',
    name: 'penilaian',
    component: () => import('../features/penilaian/PenilaianPage.vue'),
    roles: ['AGENCY_HEAD', 'SUPERVISOR'],
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
    // Feedback is between an employee and their supervisors (docs/dialogue.md): the roles whose accounts are linked.
    roles: ['AGENCY_HEAD', 'SUPERVISOR', 'EMPLOYEE'],
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

export function canOpen(page: Pick<PageRoute, 'roles'>, role: Role | null): boolean {
  if (page.roles === 'public') return true;
  return role !== null && page.roles.includes(role);
}

/** The navigation of a role, in the table's order. */
export function navFor(role: Role | null): PageRoute[] {
  return PAGES.filter((page) => page.nav && canOpen(page, role));
}

/** Where a role lands after login or on `/`: its first page in the navigation, else the login page. */
export function homeFor(role: Role | null): string {
  return navFor(role)[0]?.path ?? '/masuk';
}
