import { Migration } from '@mikro-orm/migrations';

/**
 * The analytics read models (docs/analytics.md "Read models and their refresh"): one row per counted evaluation and one per criterion
 * score of a counted evaluation, each carrying its period, its agency and its employee's grouping attributes, so that
 * no analytics query reads `evaluation_score` or joins the employee table at request time. Filled by
 * `rebuildAnalytics` (the first start and `pnpm analytics:rebuild`) and kept fresh by `refreshAnalytics`.
 */
export class Migration20261202060000AnalyticsReadModels extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "analytics_evaluation" (
      "evaluation_id" int primary key,
      "employee_id" int not null,
      "agency_id" int not null,
      "assessor_id" int null,
      "year" smallint not null,
      "quarter" smallint not null,
      "period_index" int not null,
      "status" text not null,
      "hasil_kerja_score" float8 null,
      "perilaku_kerja_score" float8 null,
      "score" float8 null,
      "predikat" text null,
      "position_type" text not null,
      "employment_type" text not null,
      "rank_group" text not null,
      "gender" text not null
    )`);
    this.addSql(
      `create index "analytics_evaluation_period_agency" on "analytics_evaluation" ("period_index", "agency_id")`,
    );
    this.addSql(
      `create index "analytics_evaluation_employee_period" on "analytics_evaluation" ("employee_id", "period_index")`,
    );
    this.addSql(
      `create index "analytics_evaluation_assessor_period" on "analytics_evaluation" ("assessor_id", "period_index")`,
    );
    this.addSql(`create table "analytics_score" (
      "evaluation_id" int not null,
      "criterion_id" int not null,
      "criterion_code" text not null,
      "category" text not null,
      "score" float8 not null,
      "judged" boolean not null,
      "employee_id" int not null,
      "agency_id" int not null,
      "assessor_id" int null,
      "year" smallint not null,
      "quarter" smallint not null,
      "period_index" int not null,
      "position_type" text not null,
      "employment_type" text not null,
      "rank_group" text not null,
      "gender" text not null,
      primary key ("evaluation_id", "criterion_id")
    )`);
    this.addSql(
      `create index "analytics_score_period_agency_criterion" on "analytics_score" ("period_index", "agency_id", "criterion_code")`,
    );
    this.addSql(`create index "analytics_score_assessor_period" on "analytics_score" ("assessor_id", "period_index")`);
  }
}
