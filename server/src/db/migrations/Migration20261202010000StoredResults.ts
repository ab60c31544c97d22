import { Migration } from '@mikro-orm/migrations';

/**
 * Stored results for every evaluation with scores, every version of the scoring policy, stored annual results and
 * the stale marks of the analytics (docs/scoring.md "Stored results").
 */
export class Migration20261202010000StoredResults extends Migration {
  override async up(): Promise<void> {
    // Every evaluation carries the policy version of its stored results, not only a FINAL one.
    this.addSql(`alter table "evaluation" drop constraint if exists evaluation_final_has_policy`);
    this.addSql(
      `alter table "evaluation" add constraint evaluation_final_has_policy check (status <> 'FINAL' or policy_version is not null)`,
    );
    // The weight of each scored criterion the stored results were computed with (criterion code -> weight; one code names one criterion for an agency and year), so that a
    // FINAL evaluation can be recomputed exactly after its agency's weights are replaced.
    this.addSql(`alter table "evaluation" add column "result_weights" jsonb null`);
    this.addSql(`create table "scoring_policy" (
      "id" serial primary key,
      "version" varchar(32) not null,
      "content" jsonb not null,
      "in_force_from" timestamptz not null default now()
    )`);
    this.addSql(`create index "scoring_policy_version_index" on "scoring_policy" ("version")`);
    this.addSql(`create table "annual_result" (
      "employee_id" int not null,
      "year" smallint not null,
      "agency_id" int null,
      "hasil_kerja_score" double precision null,
      "perilaku_kerja_score" double precision null,
      "score" double precision null,
      "hasil_kerja_rating" text null,
      "perilaku_kerja_rating" text null,
      "predikat" text null,
      "predikat_before_innovation_rule" text null,
      "innovation_count" int not null default 0,
      "innovation_rule_applied" boolean not null default false,
      "note" text null,
      "quarter_count" int not null default 0,
      "policy_version" varchar(32) not null,
      "computed_at" timestamptz not null default now(),
      "frozen_at" timestamptz null,
      primary key ("employee_id", "year"),
      constraint "annual_result_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade
    )`);
    this.addSql(`create index "annual_result_year_agency_id_index" on "annual_result" ("year", "agency_id")`);
    this.addSql(`create table "analytics_stale" (
      "kind" varchar(32) not null,
      "agency_id" int null,
      "year" smallint null,
      "quarter" smallint null,
      "marked_at" timestamptz not null default now()
    )`);
    this.addSql(
      `create unique index "analytics_stale_key" on "analytics_stale" ("kind", coalesce("agency_id", 0), coalesce("year", 0), coalesce("quarter", 0))`,
    );
  }
}
