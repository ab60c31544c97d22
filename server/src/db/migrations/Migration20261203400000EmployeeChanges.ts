import { Migration } from '@mikro-orm/migrations';

/**
 * Employee changes an administrator makes in the year (docs/access.md#employee-changes): a version on the employee
 * record for optimistic locking, raised by a trigger on every change of the record whichever path writes it (a
 * mutation, the importer), and the acting assessors (Plt/Plh) who stand in for an official for a span of dates.
 */
export class Migration20261203400000EmployeeChanges extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table "employee" add column "version" int not null default 1');
    this.addSql(`create function employee_version_bump() returns trigger language plpgsql as $$
      begin
        if (to_jsonb(new) - 'version' - 'updated_at') is distinct from (to_jsonb(old) - 'version' - 'updated_at') then
          new.version := old.version + 1;
        end if;
        return new;
      end $$`);
    this.addSql(
      'create trigger employee_version_bump before update on "employee" for each row execute function employee_version_bump()',
    );
    this.addSql(`create table "acting_assignment" (
      "id" serial primary key,
      "employee_id" int not null references "employee" ("id"),
      "for_employee_id" int not null references "employee" ("id"),
      "kind" text not null check ("kind" in ('PLT', 'PLH')),
      "date_from" date not null,
      "date_to" date not null,
      "reason" text null,
      "version" int not null default 1,
      "created_by" varchar(120) not null,
      "created_at" timestamptz not null default now(),
      constraint acting_assignment_not_self check (employee_id <> for_employee_id),
      constraint acting_assignment_range check (date_from <= date_to)
    )`);
    this.addSql(
      'create index "acting_assignment_employee_id_index" on "acting_assignment" ("employee_id", "date_from", "date_to")',
    );
    this.addSql('create index "acting_assignment_for_employee_id_index" on "acting_assignment" ("for_employee_id")');
  }

  override async down(): Promise<void> {
    this.addSql('drop table "acting_assignment"');
    this.addSql('drop trigger employee_version_bump on "employee"');
    this.addSql('drop function employee_version_bump()');
    this.addSql('alter table "employee" drop column "version"');
  }
}
