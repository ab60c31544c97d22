import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { registerSharedEnum } from '../../graphql/enum.js';
import { NOTICE_KINDS, type NoticeKind } from './notice.entity.js';

export const NoticeKindEnum = registerSharedEnum(NOTICE_KINDS, 'NoticeKind', 'What a notice announces.', {
  EVALUATION_TO_ACKNOWLEDGE:
    'Penilaian menunggu tanggapan: an evaluation was submitted to you; acknowledge it or object (evaluationId).',
  NOTE_RECEIVED: 'Umpan balik diterima: your supervisor wrote you a feedback note; read and answer it (noteId).',
  NOTE_ANSWERED: 'Umpan balik dijawab: the employee answered or acknowledged your feedback note (noteId).',
  OBJECTION_DECIDED: 'Keberatan diputus: the objection to your evaluation was decided (evaluationId).',
  DIALOGUE_TO_CONFIRM:
    'Dialog kinerja menunggu konfirmasi: a performance dialogue with you was recorded; confirm it (dialogueId).',
});

@ObjectType('Notice', {
  description:
    'An in-app notice (pemberitahuan) to the caller: something waits for them or happened to their record. It names ' +
    'the record by id; its content is read through that record, with its own access rules.',
})
export class NoticeType {
  @Field(() => Int, { description: 'Database id of the notice.' })
  id!: number;

  @Field(() => NoticeKindEnum, { description: 'What it announces.' })
  kind!: NoticeKind;

  @Field(() => Int, { nullable: true, description: 'The evaluation it is about, if any.' })
  evaluationId!: number | null;

  @Field(() => Int, { nullable: true, description: 'The feedback note it is about, if any.' })
  noteId!: number | null;

  @Field(() => Int, { nullable: true, description: 'The performance dialogue it is about, if any.' })
  dialogueId!: number | null;

  @Field(() => GraphQLDateTimeISO, { description: 'When it was written (UTC).' })
  createdAt!: Date;

  @Field(() => GraphQLDateTimeISO, {
    nullable: true,
    description: 'When it was read, or what it asked for was done (UTC); null while unread.',
  })
  readAt!: Date | null;
}

@ObjectType('Notices', { description: "The caller's notices, newest first, with the number unread." })
export class NoticesType {
  @Field(() => Int, { description: 'Unread notices of the caller (all of them, not only those listed).' })
  unreadCount!: number;

  @Field(() => [NoticeType], { description: 'The notices asked for, newest first.' })
  items!: NoticeType[];
}
