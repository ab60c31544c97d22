import { Migration } from '@mikro-orm/migrations';

/**
 * The pre-aggregated read model of criterion scores (docs/analytics.md "Read models and their refresh"): one row per
 * quarter x agency x criterion code (with its category and whether the score was judged) x the employee grouping
 * attributes, holding the count, the distinct employees, the exact sum and sum of squares (`numeric`), the minimum
 * and the maximum of the scores, so that means and sample standard deviations of criterion scores are read from a
 * few thousand rows instead of every score. Built from `analytics_score` by the same refresh; filled on the first
 * start after this migration (`rebuildAnalyticsIfEmpty`).
 */
export class Migration20261204000000AnalyticsCells extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "analytics_cell" (
      "period_index" int not null,
      "year" smallint not null,
      "quarter" smallint not null,
      "agency_id" int not null,
      "criterion_code" text not null,
      "category" text not null,
      "judged" boolean not null,
      "position_type" text not null,
      "employment_type" text not null,
      "rank_group" text not null,
      "gender" text not null,
      "n" int not null,
      "n_employees" int not null,
      "score_sum" numeric not null,
      "score_sum_squares" numeric not null,
      "score_min" float8 not null,
      "score_max" float8 not null,
      primary key ("period_index", "agency_id", "criterion_code", "category", "judged", "position_type",
                   "employment_type", "rank_group", "gender")
    )`);
  }
}
