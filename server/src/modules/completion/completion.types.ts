import { Field, Float, Int, ObjectType } from 'type-graphql';
import { registerSharedEnum } from '../../graphql/enum.js';
import { AgencyType } from '../agency/agency.types.js';
import { EmployeeType } from '../employee/employee.types.js';

export const COMPLETION_STATUSES = [
  'NOT_STARTED',
  'NOT_EVALUATED',
  'DRAFT',
  'SUBMITTED',
  'OBJECTED',
  'ACKNOWLEDGED',
  'FINAL',
] as const;
export type CompletionStatus = (typeof COMPLETION_STATUSES)[number];

export const CompletionStatusEnum = registerSharedEnum(
  COMPLETION_STATUSES,
  'CompletionStatus',
  "Where an employee's evaluation of the period stands, including not started at all.",
  {
    NOT_STARTED: 'Belum dinilai: no evaluation yet in an OPEN period; the assessor has not started scoring.',
    NOT_EVALUATED:
      'Tidak dinilai: no evaluation in a CLOSED period; it was never started and can no longer be (nobody waits).',
    DRAFT: 'Draf: the assessor is scoring; not submitted.',
    SUBMITTED: 'Diajukan: waiting for the employee to acknowledge or object.',
    OBJECTED: "Keberatan: waiting for the decision of the assessor's superior.",
    ACKNOWLEDGED: 'Diterima: waiting to be finalised by the agency head (or closing the period).',
    FINAL: 'Final: done.',
  },
);

export const WAITING_FOR = ['ASSESSOR', 'EMPLOYEE', 'OBJECTION_DECIDER', 'FINALISER', 'NOBODY'] as const;
export type WaitingFor = (typeof WAITING_FOR)[number];

export const WaitingForEnum = registerSharedEnum(WAITING_FOR, 'CompletionWaitingFor', 'Whose turn it is.', {
  ASSESSOR: 'The assessor: score and submit.',
  EMPLOYEE: 'The employee: acknowledge or object.',
  OBJECTION_DECIDER: "The assessor's superior (or a LEADER/ADMIN where there is none): decide the objection.",
  FINALISER: 'The agency head or an administrator: finalise (closing the period does it too).',
  NOBODY:
    'Nobody: the period is CLOSED and scores can no longer change (NOT_EVALUATED, or a DRAFT left when it closed).',
});

@ObjectType('CompletionCounts', {
  description:
    'Evaluations of a period by where they stand; each employee counts once, in the current status of their ' +
    'evaluation (NOT_STARTED when there is none in an OPEN period, NOT_EVALUATED in a CLOSED one), with the ' +
    'shares submitted and final.',
})
export class CompletionCountsType {
  @Field(() => Int, {
    description:
      'Evaluations expected: existing ones plus active employees without one (notStarted, or notEvaluated once ' +
      'the period is CLOSED).',
  })
  expected!: number;

  @Field(() => Int, {
    description: 'Active employees without an evaluation yet in an OPEN period: the assessor has not scored.',
  })
  notStarted!: number;

  @Field(() => Int, {
    description: 'Active employees without an evaluation in a CLOSED period: never started, no longer possible.',
  })
  notEvaluated!: number;

  @Field(() => Int, { description: 'DRAFT: scored in part, not submitted.' })
  drafted!: number;

  @Field(() => Int, { description: 'SUBMITTED: waiting for the employee.' })
  submitted!: number;

  @Field(() => Int, { description: 'OBJECTED: waiting for the decision on the objection.' })
  objected!: number;

  @Field(() => Int, { description: 'ACKNOWLEDGED: waiting to be finalised.' })
  acknowledged!: number;

  @Field(() => Int, { description: 'FINAL: done.' })
  final!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Share submitted, 0-1: (submitted + objected + acknowledged + final) / expected; null when nothing is expected.',
  })
  shareSubmitted!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Share final, 0-1: final / expected; null when nothing is expected.',
  })
  shareFinal!: number | null;

  @Field(() => Int, {
    description:
      'Employees counted here whose performance dialogue (dialog kinerja) of the quarter is recorded, whoever held ' +
      'it (docs/dialogue.md).',
  })
  dialoguesHeld!: number;

  @Field(() => Int, { description: 'Of those, the dialogues confirmed by both parties.' })
  dialoguesConfirmed!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Share with a dialogue held, 0-1: dialoguesHeld / expected; null when nothing is expected.',
  })
  shareDialogues!: number | null;
}

@ObjectType('AgencyCompletion', {
  description:
    "One agency's progress in a period: evaluations expected and the shares submitted and final. An aggregate " +
    'without people, the same for every caller.',
})
export class AgencyCompletionType {
  @Field(() => AgencyType, { description: 'The agency (the one on the evaluations, as in the completion monitor).' })
  agency!: AgencyType;

  @Field(() => Int, {
    description: 'Evaluations expected: existing ones plus active employees without one (as in CompletionCounts).',
  })
  expected!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Share submitted, 0-1: (submitted + objected + acknowledged + final) / expected; null when nothing is expected.',
  })
  shareSubmitted!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Share final, 0-1: final / expected; null when nothing is expected.',
  })
  shareFinal!: number | null;
}

@ObjectType('CompletionItem', { description: 'One employee whose evaluation of the period is not final yet.' })
export class CompletionItemType {
  @Field(() => EmployeeType, { description: 'The employee evaluated.' })
  employee!: EmployeeType;

  @Field(() => Int, { nullable: true, description: 'The evaluation; null when not started.' })
  evaluationId!: number | null;

  @Field(() => CompletionStatusEnum, { description: 'Where it stands.' })
  status!: CompletionStatus;

  @Field(() => WaitingForEnum, { description: 'Whose turn it is.' })
  waitingFor!: WaitingFor;
}

@ObjectType('CompletionGroup', {
  description: 'The evaluations of one agency (as stored on them) and one assessor, and who still has work to do.',
})
export class CompletionGroupType extends CompletionCountsType {
  @Field(() => AgencyType, { description: 'The agency.' })
  agency!: AgencyType;

  @Field(() => EmployeeType, { nullable: true, description: 'The assessor; null where there is none in the system.' })
  assessor!: EmployeeType | null;

  @Field(() => [CompletionItemType], { description: 'Everyone of the group not FINAL yet, by status then name.' })
  pending!: CompletionItemType[];
}

@ObjectType('Completion', {
  description:
    'The completion monitor of a period: per agency and assessor, how many evaluations are expected, not started ' +
    '(or not evaluated in a closed period), drafted, submitted, objected, acknowledged and final, and who still has ' +
    'work to do.',
})
export class CompletionType {
  @Field(() => Int, { description: 'Year (tahun).' })
  year!: number;

  @Field(() => Int, { description: 'Quarter (triwulan) 1-4.' })
  quarter!: number;

  @Field(() => CompletionCountsType, { description: 'The counts over every group shown.' })
  totals!: CompletionCountsType;

  @Field(() => [CompletionGroupType], {
    description: 'Per agency and assessor, by agency code; the caller sees the groups of their scope only.',
  })
  groups!: CompletionGroupType[];
}
