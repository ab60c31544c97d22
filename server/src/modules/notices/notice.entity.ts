import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

export const NOTICE_KINDS = [
  'EVALUATION_TO_ACKNOWLEDGE',
  'NOTE_RECEIVED',
  'NOTE_ANSWERED',
  'OBJECTION_DECIDED',
  'DIALOGUE_TO_CONFIRM',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/**
 * An in-app notice to one employee (docs/dialogue.md#notices): something waits for them or happened to their record.
 * It names the record by id only; what the record says is read through the record's own access rules. The records it
 * names belong to other modules (evaluations, dialogue), so they are plain ids here: this module imports none of them.
 */
@Entity({ tableName: 'notice' })
@Index({ properties: ['recipientId', 'readAt'] })
export class Notice {
  /** Properties the database or the class fills in, so `em.create` does not demand them. */
  [OptionalProps]?: 'createdAt' | 'readAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  /** The employee it is for (every account linked to them sees it). */
  @Property({ type: 'integer', fieldName: 'recipient_id' })
  recipientId!: number;

  @Enum({ items: () => [...NOTICE_KINDS], type: 'string' })
  kind!: NoticeKind;

  @Property({ type: 'integer', nullable: true, fieldName: 'evaluation_id' })
  evaluationId: number | null = null;

  @Property({ type: 'integer', nullable: true, fieldName: 'note_id' })
  noteId: number | null = null;

  @Property({ type: 'integer', nullable: true, fieldName: 'dialogue_id' })
  dialogueId: number | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  /** When the recipient read it (or acted on what it names); null while unread. */
  @Property({ type: 'datetime', nullable: true })
  readAt: Date | null = null;
}
