import type { AdminSection } from './admin-base';
import AccountListSection from './AccountListSection.vue';
import AccountsSection from './AccountsSection.vue';
import AuditSection from './AuditSection.vue';
import EmployeeChanges from './EmployeeChanges.vue';
import InnovationsSection from './InnovationsSection.vue';
import OrgSection from './OrgSection.vue';
import PeriodsSection from './PeriodsSection.vue';
import WeightsSection from './WeightsSection.vue';

/**
 * The sections of Administrasi, in page order, each for the roles docs/access.md gives its operations (the server
 * checks again). Adding a part of the page is adding a row here (docs/dashboard.md "Administrasi").
 */
export const ADMIN_SECTIONS: readonly AdminSection[] = [
  { key: 'periods', roles: ['ADMIN'], component: PeriodsSection },
  { key: 'weights', roles: ['ADMIN'], component: WeightsSection },
  { key: 'accounts', roles: ['ADMIN'], component: AccountsSection },
  { key: 'account-list', roles: ['ADMIN'], component: AccountListSection },
  { key: 'innovations', roles: ['ADMIN', 'AGENCY_HEAD'], component: InnovationsSection },
  { key: 'org', roles: ['ADMIN', 'LEADER', 'AGENCY_HEAD'], component: OrgSection },
  { key: 'employee-changes', roles: ['ADMIN'], component: EmployeeChanges, bare: true },
  { key: 'audit', roles: ['ADMIN'], component: AuditSection },
];
