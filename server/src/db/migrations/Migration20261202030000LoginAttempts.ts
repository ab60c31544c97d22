import { Migration } from '@mikro-orm/migrations';

/**
 * The login throttle's counts (docs/security.md "Passwords and the login throttle"): one row per key (`login:<name>`
 * or `address:<ip>`) with the start of its window and the attempts counted in it. Kept in the database so that every
 * server process on it counts the same attempts.
 */
export class Migration20261202030000LoginAttempts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "login_attempt" (
      "key" varchar(200) primary key,
      "window_start" timestamptz not null,
      "attempts" int not null
    )`);
    this.addSql(`create index "login_attempt_window_start_index" on "login_attempt" ("window_start")`);
  }
}
