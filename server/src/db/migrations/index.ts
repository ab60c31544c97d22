import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261128000000Initial } from './Migration20261128000000Initial.js';
import { Migration20261128020000Accounts } from './Migration20261128020000Accounts.js';
import { Migration20261202010000StoredResults } from './Migration20261202010000StoredResults.js';
import { Migration20261202020000RequestBudget } from './Migration20261202020000RequestBudget.js';
import { Migration20261202030000LoginAttempts } from './Migration20261202030000LoginAttempts.js';
import { Migration20261202060000AnalyticsReadModels } from './Migration20261202060000AnalyticsReadModels.js';
import { Migration20261202110000AccountLastLogin } from './Migration20261202110000AccountLastLogin.js';
import { Migration20261202120000Dialogue } from './Migration20261202120000Dialogue.js';
import { Migration20261203400000EmployeeChanges } from './Migration20261203400000EmployeeChanges.js';
import { Migration20261204000000AnalyticsCells } from './Migration20261204000000AnalyticsCells.js';

/** Every migration, in order. Add new ones at the end; never edit one that has shipped. */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261128000000Initial', class: Migration20261128000000Initial },
  { name: 'Migration20261128020000Accounts', class: Migration20261128020000Accounts },
  { name: 'Migration20261202010000StoredResults', class: Migration20261202010000StoredResults },
  { name: 'Migration20261202030000LoginAttempts', class: Migration20261202030000LoginAttempts },
  { name: 'Migration20261202020000RequestBudget', class: Migration20261202020000RequestBudget },
  { name: 'Migration20261202060000AnalyticsReadModels', class: Migration20261202060000AnalyticsReadModels },
  { name: 'Migration20261202110000AccountLastLogin', class: Migration20261202110000AccountLastLogin },
  { name: 'Migration20261202120000Dialogue', class: Migration20261202120000Dialogue },
  { name: 'Migration20261203400000EmployeeChanges', class: Migration20261203400000EmployeeChanges },
  { name: 'Migration20261204000000AnalyticsCells', class: Migration20261204000000AnalyticsCells },
];
