import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** One write: who, when, what, the state before and after, and why. Never updated or deleted by the application. */
@Entity({ tableName: 'audit_log' })
@Index({ properties: ['entityType', 'entityId'] })
@Index({ properties: ['at'] })
export class AuditLog {
  /** Properties the database or the class fills in, so `em.create` does not demand them. */
  [OptionalProps]?: 'at';

  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  at: Date = new Date();

  /** Account login, or `cli:<os user>` for command-line tools. */
  @Property({ type: 'string', length: 120 })
  actor!: string;

  /** What was done, e.g. `evaluation.save`, `import.run`, `period.close`. */
  @Property({ type: 'string', length: 64 })
  action!: string;

  @Property({ type: 'string', length: 64 })
  entityType!: string;

  @Property({ type: 'string', length: 120, nullable: true })
  entityId: string | null = null;

  @Property({ type: 'json', nullable: true })
  before: unknown = null;

  @Property({ type: 'json', nullable: true })
  after: unknown = null;

  @Property({ type: 'text', nullable: true })
  reason: string | null = null;
}
