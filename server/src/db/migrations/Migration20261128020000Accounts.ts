import { Migration } from '@mikro-orm/migrations';

/** Login accounts, and the server's own settings (the token signing secret when none is configured). */
export class Migration20261128020000Accounts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "app_user" (
      "id" serial primary key,
      "login" varchar(64) not null,
      "password_hash" varchar(200) not null,
      "role" text check ("role" in ('ADMIN', 'LEADER', 'POLICY', 'ANALYST', 'AGENCY_HEAD', 'SUPERVISOR', 'EMPLOYEE')) not null,
      "employee_id" int null,
      "display_name" varchar(200) null,
      "active" boolean not null default true,
      "must_change_password" boolean not null default false,
      "token_version" int not null default 1,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now(),
      constraint "app_user_login_unique" unique ("login"),
      constraint "app_user_employee_id_unique" unique ("employee_id"),
      constraint "app_user_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade
    )`);
    this.addSql(`create table "app_setting" ("key" varchar(64) primary key, "value" text not null)`);
  }
}
