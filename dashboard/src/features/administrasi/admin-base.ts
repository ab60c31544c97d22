import type { Role } from '../../gql/graphql';
import type { Component } from 'vue';

/**
 * What every section of Administrasi shares (docs/dashboard.md "Administrasi"): the agencies, the periods and the
 * year of the current period, read once by the page, and a way to read them again after a change.
 */
export interface AdminBase {
  agencies: readonly { code: string; name: string }[];
  periods: readonly { year: number; quarter: number; label: string; status: string }[];
  thisYear: number;
  refetch(): Promise<void>;
}

/**
 * One section of the page: who sees it (the server checks every operation again, docs/access.md) and its component,
 * which takes the `base` prop (unless `bare`). A new part of Administrasi is one more row in `ADMIN_SECTIONS`
 * (sections.ts).
 */
export interface AdminSection {
  key: string;
  roles: readonly Role[];
  component: Component;
  /** True for a component that reads nothing of `base` and has no such prop (it gets no props then). */
  bare?: true;
}

/** A date and time in the locale on screen. */
export function formatWhen(iso: string, locale: 'id' | 'en'): string {
  return new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}
