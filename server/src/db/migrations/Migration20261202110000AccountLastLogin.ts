import { Migration } from '@mikro-orm/migrations';

/** When each account last logged in, for the administrators' list of accounts (docs/access.md#accounts). */
export class Migration20261202110000AccountLastLogin extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table "app_user" add column "last_login_at" timestamptz null');
  }

  override async down(): Promise<void> {
    this.addSql('alter table "app_user" drop column "last_login_at"');
  }
}
