import { Migration } from '@mikro-orm/migrations';

/**
 * The initial schema: every entity of the appraisal (docs/scoring.md, docs/workflow.md), with its constraints in the database as well as in code (natural
 * keys, score range 0-120, quarter 1-4, target > 0, weights) and the indexes of the read API.
 */
export class Migration20261128000000Initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "agency" ("id" serial primary key, "code" varchar(32) not null, "name" varchar(200) not null, "kind" text check ("kind" in ('SEKRETARIAT', 'INSPEKTORAT', 'DINAS', 'BADAN', 'SATPOL_PP', 'RSUD', 'KECAMATAN', 'KELURAHAN', 'LAINNYA')) null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now())`,
    );
    this.addSql(`alter table "agency" add constraint "agency_code_unique" unique ("code")`);
    this.addSql(
      `create table "audit_log" ("id" bigserial primary key, "at" timestamptz not null default now(), "actor" varchar(120) not null, "action" varchar(64) not null, "entity_type" varchar(64) not null, "entity_id" varchar(120) null, "before" jsonb null, "after" jsonb null, "reason" text null)`,
    );
    this.addSql(`create index "audit_log_at_index" on "audit_log" ("at")`);
    this.addSql(`create index "audit_log_entity_type_entity_id_index" on "audit_log" ("entity_type", "entity_id")`);
    this.addSql(
      `create table "criterion" ("id" serial primary key, "code" varchar(64) not null, "name" varchar(200) not null, "description" text null, "category" text check ("category" in ('HASIL_KERJA', 'PERILAKU_KERJA')) not null, "weight" double precision not null, "indicator_unit" varchar(32) null, "target" double precision null, "direction" text check ("direction" in ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER')) null, "agency_id" int null, "year_from" smallint not null, "year_to" smallint null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint criterion_indicator_complete check ((target is null) = (direction is null)), constraint criterion_years check (year_to is null or year_to >= year_from), constraint criterion_target_positive check (target is null or target > 0), constraint criterion_weight_range check (weight > 0 and weight <= 100))`,
    );
    this.addSql(`create index "criterion_agency_id_index" on "criterion" ("agency_id")`);
    this.addSql(`create index "criterion_year_from_year_to_index" on "criterion" ("year_from", "year_to")`);
    this.addSql(
      `create table "employee" ("id" serial primary key, "nip" varchar(18) not null, "pseudonym" varchar(16) not null default ('ASN-' || upper(substr(md5(gen_random_uuid()::text), 1, 10))), "name" varchar(200) not null, "gender" text check ("gender" in ('L', 'P')) null, "employment_type" text check ("employment_type" in ('PNS', 'PPPK')) not null, "rank" varchar(8) null, "position" varchar(200) null, "position_type" text check ("position_type" in ('JPT', 'ADMINISTRATOR', 'PENGAWAS', 'PELAKSANA', 'FUNGSIONAL')) null, "agency_id" int not null, "supervisor_id" int null, "active_from" date null, "active_to" date null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now())`,
    );
    this.addSql(`alter table "employee" add constraint "employee_nip_unique" unique ("nip")`);
    this.addSql(`alter table "employee" add constraint "employee_pseudonym_unique" unique ("pseudonym")`);
    this.addSql(`create index "employee_agency_id_index" on "employee" ("agency_id")`);
    this.addSql(`create index "employee_supervisor_id_index" on "employee" ("supervisor_id")`);
    this.addSql(
      `create table "innovation" ("id" serial primary key, "employee_id" int not null, "year" smallint not null, "quarter" smallint not null, "title" varchar(300) not null, "description" text null, "verified_by_id" int null, "verified_at" timestamptz null, "created_at" timestamptz not null default now(), constraint innovation_quarter_range check (quarter between 1 and 4))`,
    );
    this.addSql(`create index "innovation_year_employee_id_index" on "innovation" ("year", "employee_id")`);
    this.addSql(
      `alter table "innovation" add constraint "innovation_employee_id_year_quarter_title_unique" unique ("employee_id", "year", "quarter", "title")`,
    );
    this.addSql(
      `create table "org_performance" ("id" serial primary key, "agency_id" int not null, "year" smallint not null, "proposed_predikat" text check ("proposed_predikat" in ('ISTIMEWA', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG')) null, "proposed_by" varchar(64) null, "proposed_at" timestamptz null, "predikat" text check ("predikat" in ('ISTIMEWA', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG')) null, "set_by" varchar(64) null, "set_at" timestamptz null)`,
    );
    this.addSql(
      `alter table "org_performance" add constraint "org_performance_agency_id_year_unique" unique ("agency_id", "year")`,
    );
    this.addSql(
      `create table "period" ("id" serial primary key, "year" smallint not null, "quarter" smallint not null, "status" text check ("status" in ('OPEN', 'CLOSED')) not null default 'OPEN', "closed_at" timestamptz null, constraint period_year_range check (year between 2000 and 2100), constraint period_quarter_range check (quarter between 1 and 4))`,
    );
    this.addSql(`alter table "period" add constraint "period_year_quarter_unique" unique ("year", "quarter")`);
    this.addSql(
      `create table "evaluation" ("id" serial primary key, "employee_id" int not null, "period_id" int not null, "agency_id" int not null, "assessor_id" int null, "status" text check ("status" in ('DRAFT', 'SUBMITTED', 'OBJECTED', 'ACKNOWLEDGED', 'FINAL')) not null default 'DRAFT', "version" int not null default 1, "hasil_kerja_score" double precision null, "perilaku_kerja_score" double precision null, "score" double precision null, "hasil_kerja_rating" text check ("hasil_kerja_rating" in ('DI_ATAS_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI')) null, "perilaku_kerja_rating" text check ("perilaku_kerja_rating" in ('DI_ATAS_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI')) null, "predikat" text check ("predikat" in ('SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG')) null, "policy_version" varchar(32) null, "submitted_at" timestamptz null, "acknowledged_at" timestamptz null, "finalized_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint evaluation_final_has_policy check ((status = 'FINAL') = (policy_version is not null)))`,
    );
    this.addSql(`create index "evaluation_assessor_id_index" on "evaluation" ("assessor_id")`);
    this.addSql(`create index "evaluation_period_id_agency_id_index" on "evaluation" ("period_id", "agency_id")`);
    this.addSql(
      `alter table "evaluation" add constraint "evaluation_employee_id_period_id_unique" unique ("employee_id", "period_id")`,
    );
    this.addSql(
      `create table "objection" ("id" serial primary key, "evaluation_id" int not null, "filed_by_id" int not null, "reason" text not null, "filed_at" timestamptz not null default now(), "status" text check ("status" in ('PENDING', 'UPHELD', 'REJECTED')) not null default 'PENDING', "decided_by_id" int null, "decision_note" text null, "decided_at" timestamptz null)`,
    );
    this.addSql(`create index "objection_evaluation_id_index" on "objection" ("evaluation_id")`);
    this.addSql(
      `create table "evaluation_score" ("id" serial primary key, "evaluation_id" int not null, "criterion_id" int not null, "score" double precision not null, "realisation" double precision null, "derived_from_indicator" boolean not null default false, "evidence" text null, constraint evaluation_score_derived_has_realisation check (not derived_from_indicator or realisation is not null), constraint evaluation_score_realisation check (realisation is null or realisation >= 0), constraint evaluation_score_range check (score >= 0 and score <= 120))`,
    );
    this.addSql(`create index "evaluation_score_criterion_id_index" on "evaluation_score" ("criterion_id")`);
    this.addSql(
      `alter table "evaluation_score" add constraint "evaluation_score_evaluation_id_criterion_id_unique" unique ("evaluation_id", "criterion_id")`,
    );
    this.addSql(
      `create table "training" ("id" serial primary key, "code" varchar(64) not null, "title" varchar(300) not null, "kind" text check ("kind" in ('WORKSHOP', 'SEMINAR', 'DIKLAT', 'E_LEARNING', 'COACHING', 'BIMTEK', 'MAGANG')) not null, "organizer" varchar(200) null, "hours_jp" double precision not null, "start_date" date null, "end_date" date null, "criterion_codes" text[] not null default '{}', "created_at" timestamptz not null default now(), constraint training_dates check (end_date is null or start_date is null or end_date >= start_date), constraint training_hours_positive check (hours_jp > 0))`,
    );
    this.addSql(`alter table "training" add constraint "training_code_unique" unique ("code")`);
    this.addSql(
      `create table "participation" ("id" serial primary key, "training_id" int not null, "employee_id" int not null, "status" text check ("status" in ('ENROLLED', 'COMPLETED', 'DROPPED')) not null default 'COMPLETED', "completed_on" date null, "hours_jp" double precision not null, constraint participation_completed_has_date check (status <> 'COMPLETED' or completed_on is not null), constraint participation_hours check (hours_jp >= 0))`,
    );
    this.addSql(
      `create index "participation_employee_id_completed_on_index" on "participation" ("employee_id", "completed_on")`,
    );
    this.addSql(
      `alter table "participation" add constraint "participation_training_id_employee_id_unique" unique ("training_id", "employee_id")`,
    );
    this.addSql(
      `alter table "criterion" add constraint "criterion_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete restrict`,
    );
    this.addSql(
      `alter table "employee" add constraint "employee_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade`,
    );
    this.addSql(
      `alter table "employee" add constraint "employee_supervisor_id_foreign" foreign key ("supervisor_id") references "employee" ("id") on update cascade on delete set null`,
    );
    this.addSql(
      `alter table "innovation" add constraint "innovation_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade`,
    );
    this.addSql(
      `alter table "innovation" add constraint "innovation_verified_by_id_foreign" foreign key ("verified_by_id") references "employee" ("id") on update cascade on delete set null`,
    );
    this.addSql(
      `alter table "org_performance" add constraint "org_performance_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade`,
    );
    this.addSql(
      `alter table "evaluation" add constraint "evaluation_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade`,
    );
    this.addSql(
      `alter table "evaluation" add constraint "evaluation_period_id_foreign" foreign key ("period_id") references "period" ("id") on update cascade`,
    );
    this.addSql(
      `alter table "evaluation" add constraint "evaluation_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade`,
    );
    this.addSql(
      `alter table "evaluation" add constraint "evaluation_assessor_id_foreign" foreign key ("assessor_id") references "employee" ("id") on update cascade on delete set null`,
    );
    this.addSql(
      `alter table "objection" add constraint "objection_evaluation_id_foreign" foreign key ("evaluation_id") references "evaluation" ("id") on update cascade on delete cascade`,
    );
    this.addSql(
      `alter table "objection" add constraint "objection_filed_by_id_foreign" foreign key ("filed_by_id") references "employee" ("id") on update cascade`,
    );
    this.addSql(
      `alter table "objection" add constraint "objection_decided_by_id_foreign" foreign key ("decided_by_id") references "employee" ("id") on update cascade on delete set null`,
    );
    this.addSql(
      `alter table "evaluation_score" add constraint "evaluation_score_evaluation_id_foreign" foreign key ("evaluation_id") references "evaluation" ("id") on update cascade on delete cascade`,
    );
    this.addSql(
      `alter table "evaluation_score" add constraint "evaluation_score_criterion_id_foreign" foreign key ("criterion_id") references "criterion" ("id") on update cascade`,
    );
    this.addSql(
      `alter table "participation" add constraint "participation_training_id_foreign" foreign key ("training_id") references "training" ("id") on update cascade`,
    );
    this.addSql(
      `alter table "participation" add constraint "participation_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade`,
    );
    this.addSql(
      `create unique index "criterion_natural_key" on "criterion" ("code", coalesce("agency_id", 0), "year_from")`,
    );
  }
}
