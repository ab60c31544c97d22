import { Field, Float, InputType } from 'type-graphql';
import type { ParticipationStatus, TrainingKind } from '@kinerja/shared';
import { ParticipationStatusEnum, TrainingKindEnum } from './training.types.js';

@InputType('CreateTrainingInput', { description: 'A new training (pelatihan / pengembangan kompetensi).' })
export class CreateTrainingInput {
  @Field(() => String, { description: 'Training code, the natural key (letters, digits, `_`, `-`, `.`; at most 64).' })
  code!: string;

  @Field(() => String, { description: 'Title (judul), at most 300 characters.' })
  title!: string;

  @Field(() => TrainingKindEnum, { description: 'Form of the activity.' })
  kind!: TrainingKind;

  @Field(() => String, { nullable: true, description: 'Organiser (penyelenggara), at most 200 characters.' })
  organizer?: string | null;

  @Field(() => Float, { description: 'Hours in JP (jam pelajaran), above 0.' })
  hoursJp!: number;

  @Field(() => String, { nullable: true, description: 'First day, `YYYY-MM-DD`.' })
  startDate?: string | null;

  @Field(() => String, { nullable: true, description: 'Last day, `YYYY-MM-DD`, not before the first.' })
  endDate?: string | null;

  @Field(() => [String], { nullable: true, description: 'Codes of the criteria it aims to improve.' })
  criterionCodes?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Why (kept in the audit log).' })
  reason?: string | null;
}

@InputType('RecordParticipationInput', {
  description: "An employee's participation in a training, created or replaced (one per training and employee).",
})
export class RecordParticipationInput {
  @Field(() => String, { description: 'Training code.' })
  trainingCode!: string;

  @Field(() => String, { description: 'NIP of the participant.' })
  employeeNip!: string;

  @Field(() => ParticipationStatusEnum, { nullable: true, description: 'Status; COMPLETED when omitted.' })
  status?: ParticipationStatus | null;

  @Field(() => String, {
    nullable: true,
    description: 'Completion date `YYYY-MM-DD`; required for COMPLETED (only then its JP count).',
  })
  completedOn?: string | null;

  @Field(() => Float, { nullable: true, description: "JP earned (>= 0); the training's hours when omitted." })
  hoursJp?: number | null;

  @Field(() => String, { nullable: true, description: 'Why (kept in the audit log).' })
  reason?: string | null;
}
