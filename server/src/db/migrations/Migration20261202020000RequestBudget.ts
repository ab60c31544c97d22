import { Migration } from '@mikro-orm/migrations';

/**
 * The cost spent per caller and minute (docs/security.md "Cost budget"): each server counts in memory and adds its
 * counts here in batches, so that the budget holds across replicas without a write per request.
 */
export class Migration20261202020000RequestBudget extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "request_budget" (
      "caller" varchar(200) not null,
      "window_start" timestamptz not null,
      "spent" bigint not null default 0,
      "updated_at" timestamptz not null default now(),
      primary key ("caller", "window_start")
    )`);
    this.addSql(`create index "request_budget_window_start_index" on "request_budget" ("window_start")`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "request_budget"`);
  }
}
