import { Field, Int, ObjectType } from 'type-graphql';
import { registerSharedEnum } from '../../graphql/enum.js';
import { EmployeeType } from '../employee/employee.types.js';
import type { Employee } from '../employee/employee.entity.js';

/** The kinds of acting assessor (docs/access.md#employee-changes). */
export const ACTING_KINDS = ['PLT', 'PLH'] as const;
export type ActingKind = (typeof ACTING_KINDS)[number];

export const ActingKindEnum = registerSharedEnum(
  ACTING_KINDS,
  'ActingKind',
  'Kind of acting official standing in for another (pelaksana tugas / pelaksana harian).',
  {
    PLT: 'Pelaksana Tugas (Plt): stands in for a post that is vacant or whose holder is away for a long time.',
    PLH: 'Pelaksana Harian (Plh): stands in for a holder who is away for a short time (leave, travel).',
  },
);

/** Where an acting assignment stands today (docs/access.md#employee-changes). */
export const ACTING_STATES = ['ACTIVE', 'UPCOMING', 'ENDED'] as const;
export type ActingState = (typeof ACTING_STATES)[number];

export const ActingStateEnum = registerSharedEnum(
  ACTING_STATES,
  'ActingState',
  'Where an acting assignment stands today: in force, still to come, or over.',
  {
    ACTIVE: 'In force today (from <= today <= to): the acting one sees and scores the official’s direct reports.',
    UPCOMING: 'Its first day is still to come.',
    ENDED: 'Its last day has passed (also when it was ended early).',
  },
);

@ObjectType('ActingAssignment', {
  description:
    'An acting assessor (Plt/Plh) standing in for an official for a span of days: while it is in force, the ' +
    "official's direct reports are the acting one's (they see and score them); evaluations they start name them " +
    'as assessor.',
})
export class ActingAssignmentType {
  @Field(() => Int, { description: 'Id of the assignment.' })
  id!: number;

  @Field(() => ActingKindEnum, { description: 'PLT or PLH.' })
  kind!: ActingKind;

  @Field(() => EmployeeType, { description: 'Who stands in (the Plt/Plh).' })
  acting!: Employee;

  @Field(() => EmployeeType, { description: 'The official they stand in for (whose direct reports they take).' })
  standsInFor!: Employee;

  @Field(() => String, { description: 'First day in force, `YYYY-MM-DD`.' })
  from!: string;

  @Field(() => String, { description: 'Last day in force, `YYYY-MM-DD` (included).' })
  to!: string;

  @Field(() => String, { nullable: true, description: 'Why (the decree, e.g. "SK Wali Kota ..."), as given.' })
  reason!: string | null;

  @Field(() => Int, { description: 'Version, for `endActingAssignment` (a stale one is refused with CONFLICT).' })
  version!: number;

  @Field(() => ActingStateEnum, { description: 'Where it stands today: ACTIVE, UPCOMING or ENDED.' })
  state!: ActingState;
}
