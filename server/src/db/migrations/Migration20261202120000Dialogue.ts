import { Migration } from '@mikro-orm/migrations';

/**
 * Continuous feedback and performance dialogue (docs/dialogue.md): feedback notes (umpan balik) from a supervisor to a
 * direct report, the quarterly performance dialogue with its development actions, and the in-app notices.
 */
export class Migration20261202120000Dialogue extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "feedback_note" (
      "id" serial primary key,
      "employee_id" int not null references "employee" ("id"),
      "author_id" int not null references "employee" ("id"),
      "agency_id" int not null references "agency" ("id"),
      "evaluation_id" int null references "evaluation" ("id") on delete set null,
      "year" smallint not null,
      "quarter" smallint not null,
      "went_well" text null,
      "to_improve" text null,
      "agreed_actions" jsonb not null default '[]',
      "answer" text null,
      "acknowledged_at" timestamptz null,
      "created_at" timestamptz not null default now(),
      constraint feedback_note_quarter_range check (quarter between 1 and 4),
      constraint feedback_note_not_to_self check (employee_id <> author_id)
    )`);
    this.addSql(`create index "feedback_note_employee_id_year_index" on "feedback_note" ("employee_id", "year")`);
    this.addSql(`create index "feedback_note_author_id_index" on "feedback_note" ("author_id")`);
    this.addSql(`create index "feedback_note_evaluation_id_index" on "feedback_note" ("evaluation_id")`);

    this.addSql(`create table "performance_dialogue" (
      "id" serial primary key,
      "employee_id" int not null references "employee" ("id"),
      "supervisor_id" int not null references "employee" ("id"),
      "agency_id" int not null references "agency" ("id"),
      "year" smallint not null,
      "quarter" smallint not null,
      "held_on" date not null,
      "points_agreed" text not null,
      "follow_ups" text null,
      "supervisor_confirmed_at" timestamptz null,
      "employee_confirmed_at" timestamptz null,
      "created_at" timestamptz not null default now(),
      constraint performance_dialogue_quarter_range check (quarter between 1 and 4),
      constraint performance_dialogue_not_with_self check (employee_id <> supervisor_id),
      constraint performance_dialogue_employee_quarter_unique unique ("employee_id", "year", "quarter")
    )`);
    this.addSql(`create index "performance_dialogue_year_quarter_index" on "performance_dialogue" ("year", "quarter")`);
    this.addSql(`create index "performance_dialogue_supervisor_id_index" on "performance_dialogue" ("supervisor_id")`);

    this.addSql(`create table "development_action" (
      "id" serial primary key,
      "dialogue_id" int not null references "performance_dialogue" ("id") on delete cascade,
      "description" text not null,
      "criterion_code" varchar(64) null,
      "training_kind" text check ("training_kind" in ('WORKSHOP', 'SEMINAR', 'DIKLAT', 'E_LEARNING', 'COACHING', 'BIMTEK', 'MAGANG')) null,
      "target_year" smallint not null,
      "target_quarter" smallint not null,
      "participation_id" int null references "participation" ("id") on delete set null,
      constraint development_action_quarter_range check (target_quarter between 1 and 4)
    )`);
    this.addSql(`create index "development_action_dialogue_id_index" on "development_action" ("dialogue_id")`);
    this.addSql(`create index "development_action_criterion_code_index" on "development_action" ("criterion_code")`);

    this.addSql(`create table "notice" (
      "id" serial primary key,
      "recipient_id" int not null references "employee" ("id"),
      "kind" text check ("kind" in ('EVALUATION_TO_ACKNOWLEDGE', 'NOTE_RECEIVED', 'NOTE_ANSWERED', 'OBJECTION_DECIDED', 'DIALOGUE_TO_CONFIRM')) not null,
      "evaluation_id" int null references "evaluation" ("id") on delete cascade,
      "note_id" int null references "feedback_note" ("id") on delete cascade,
      "dialogue_id" int null references "performance_dialogue" ("id") on delete cascade,
      "created_at" timestamptz not null default now(),
      "read_at" timestamptz null
    )`);
    this.addSql(`create index "notice_recipient_id_read_at_index" on "notice" ("recipient_id", "read_at")`);
  }
}
