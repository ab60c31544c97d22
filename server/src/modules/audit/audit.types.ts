import { GraphQLDateTimeISO, GraphQLJSON } from 'graphql-scalars';
import { Field, InputType, ObjectType } from 'type-graphql';
import { connectionType } from '../../graphql/connection.js';

@ObjectType('AuditEntry', {
  description:
    'One write recorded in the audit log (jejak audit): who, when, what, the state before and after, and why. ' +
    'Entries are never changed or deleted.',
})
export class AuditEntryType {
  @Field(() => String, { description: 'Database id of the entry (a 64-bit number, as a string).' })
  id!: string;

  @Field(() => GraphQLDateTimeISO, { description: 'When the write was committed (UTC).' })
  at!: Date;

  @Field(() => String, {
    description: 'Who wrote: the account login, `cli:<os user>` for command-line tools, `system:...` for the server.',
  })
  actor!: string;

  @Field(() => String, { description: 'What was done, `<entity>.<verb>`, e.g. `evaluation.save`, `period.close`.' })
  action!: string;

  @Field(() => String, { description: 'Kind of record written, e.g. `evaluation`, `criterion`, `period`.' })
  entityType!: string;

  @Field(() => String, { nullable: true, description: 'Id or natural key of the record written; null for an import.' })
  entityId!: string | null;

  @Field(() => GraphQLJSON, {
    nullable: true,
    description: 'The record before the write (e.g. the old scores and results); null for a creation.',
  })
  before!: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The record after the write.' })
  after!: unknown;

  @Field(() => String, {
    nullable: true,
    description: 'Why, in the words of the caller (alasan); null when none given.',
  })
  reason!: string | null;
}

export const AuditEntryConnection = connectionType('AuditEntry', AuditEntryType, 'audit entries');

@InputType('AuditFilter', { description: 'Conditions on audit entries; all given conditions must hold.' })
export class AuditFilter {
  @Field(() => String, { nullable: true, description: 'Only writes by this actor (account login).' })
  actor?: string | null;

  @Field(() => String, { nullable: true, description: 'Only this action, e.g. `objection.decide`.' })
  action?: string | null;

  @Field(() => String, { nullable: true, description: 'Only this kind of record, e.g. `evaluation`.' })
  entityType?: string | null;

  @Field(() => String, { nullable: true, description: 'Only this record (with `entityType`), e.g. an evaluation id.' })
  entityId?: string | null;

  @Field(() => GraphQLDateTimeISO, { nullable: true, description: 'Only writes at or after this moment.' })
  from?: Date | null;

  @Field(() => GraphQLDateTimeISO, { nullable: true, description: 'Only writes before this moment.' })
  to?: Date | null;
}
