import { Field, InputType, Int } from 'type-graphql';
import { ActingKindEnum, type ActingKind } from './staffing.types.js';

const VERSION =
  'The version of the employee record the change is based on (`Employee.version`); a stale one is refused.';
const REASON = 'Why (e.g. the decree, SK), kept in the audit log.';

@InputType('TransferEmployeeInput', { description: 'A transfer (mutasi) of an employee to another agency.' })
export class TransferEmployeeInput {
  @Field(() => String, { description: 'NIP of the employee.' })
  nip!: string;

  @Field(() => String, { description: 'Code of the new agency (perangkat daerah), e.g. `DINKES`.' })
  agencyCode!: string;

  @Field(() => String, {
    nullable: true,
    description: 'NIP of the new direct supervisor; omitted or null: none until one is set (`changeSupervisor`).',
  })
  supervisorNip?: string | null;

  @Field(() => Int, { description: VERSION })
  version!: number;

  @Field(() => String, { nullable: true, description: REASON })
  reason?: string | null;
}

@InputType('ChangeSupervisorInput', { description: 'A new direct supervisor (atasan langsung) for an employee.' })
export class ChangeSupervisorInput {
  @Field(() => String, { description: 'NIP of the employee.' })
  nip!: string;

  @Field(() => String, { nullable: true, description: 'NIP of the new direct supervisor; null: none.' })
  supervisorNip?: string | null;

  @Field(() => Int, { description: VERSION })
  version!: number;

  @Field(() => String, { nullable: true, description: REASON })
  reason?: string | null;
}

@InputType('RetireEmployeeInput', { description: 'The retirement (pensiun) or other end of service of an employee.' })
export class RetireEmployeeInput {
  @Field(() => String, { description: 'NIP of the employee.' })
  nip!: string;

  @Field(() => String, { description: 'Last day of service, `YYYY-MM-DD`.' })
  lastDay!: string;

  @Field(() => Int, { description: VERSION })
  version!: number;

  @Field(() => String, { nullable: true, description: REASON })
  reason?: string | null;
}

@InputType('AssignActingAssessorInput', {
  description: 'An acting assessor (Plt/Plh) standing in for an official for a span of days.',
})
export class AssignActingAssessorInput {
  @Field(() => String, { description: 'NIP of who stands in (the Plt/Plh).' })
  actingNip!: string;

  @Field(() => String, { description: 'NIP of the official they stand in for.' })
  forNip!: string;

  @Field(() => ActingKindEnum, { description: 'PLT or PLH.' })
  kind!: ActingKind;

  @Field(() => String, { description: 'First day in force, `YYYY-MM-DD`.' })
  from!: string;

  @Field(() => String, { description: 'Last day in force, `YYYY-MM-DD` (included).' })
  to!: string;

  @Field(() => String, { nullable: true, description: REASON })
  reason?: string | null;
}

@InputType('EndActingAssignmentInput', { description: 'A new last day for an acting assignment (to end it early).' })
export class EndActingAssignmentInput {
  @Field(() => Int, { description: 'Id of the assignment.' })
  actingAssignmentId!: number;

  @Field(() => String, { description: 'The new last day in force, `YYYY-MM-DD`, not before its first day.' })
  lastDay!: string;

  @Field(() => Int, { description: 'The version of the assignment the change is based on; a stale one is refused.' })
  version!: number;

  @Field(() => String, { nullable: true, description: REASON })
  reason?: string | null;
}
