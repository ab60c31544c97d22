import { Field, Float, Int, ObjectType } from 'type-graphql';
import { PARTICIPATION_STATUSES, TRAINING_KINDS, type ParticipationStatus, type TrainingKind } from '@kinerja/shared';
import { connectionType } from '../../graphql/connection.js';
import { registerSharedEnum } from '../../graphql/enum.js';

export const TrainingKindEnum = registerSharedEnum(
  TRAINING_KINDS,
  'TrainingKind',
  'Form of competence development (bentuk pengembangan kompetensi, PP 11/2017).',
  {
    WORKSHOP: 'Lokakarya: workshop.',
    SEMINAR: 'Seminar.',
    DIKLAT: 'Pendidikan dan pelatihan: formal training course.',
    E_LEARNING: 'Pembelajaran elektronik: online course.',
    COACHING: 'Coaching / mentoring (bimbingan di tempat kerja).',
    BIMTEK: 'Bimbingan teknis: technical guidance.',
    MAGANG: 'Magang / praktik kerja: secondment or internship.',
  },
);

export const ParticipationStatusEnum = registerSharedEnum(
  PARTICIPATION_STATUSES,
  'ParticipationStatus',
  "State of an employee's participation in a training; only COMPLETED ones with a completion date count.",
  {
    ENROLLED: 'Terdaftar: enrolled, not (yet) completed.',
    COMPLETED: 'Selesai: completed; its JP count.',
    DROPPED: 'Mengundurkan diri / tidak selesai: dropped out.',
  },
);

@ObjectType('Training', {
  description: 'A training or development activity (pelatihan / pengembangan kompetensi), its hours in JP.',
})
export class TrainingType {
  @Field(() => String, { description: 'Training code, the natural key.' })
  code!: string;

  @Field(() => String, { description: 'Title (judul).' })
  title!: string;

  @Field(() => TrainingKindEnum, { description: 'Form of the activity (workshop, diklat, e-learning, ...).' })
  kind!: TrainingKind;

  @Field(() => String, { nullable: true, description: 'Organiser (penyelenggara); null when not recorded.' })
  organizer!: string | null;

  @Field(() => Float, { description: 'Hours in JP (jam pelajaran) the training gives.' })
  hoursJp!: number;

  @Field(() => String, { nullable: true, description: 'First day, as `YYYY-MM-DD`; null when not recorded.' })
  startDate!: string | null;

  @Field(() => String, { nullable: true, description: 'Last day, as `YYYY-MM-DD`; null when not recorded.' })
  endDate!: string | null;
}

@ObjectType('Participation', { description: "An employee's participation in a training (keikutsertaan)." })
export class ParticipationType {
  @Field(() => ParticipationStatusEnum, { description: 'Enrolled, completed or dropped.' })
  status!: ParticipationStatus;

  @Field(() => String, { nullable: true, description: 'Completion date, as `YYYY-MM-DD`; null unless completed.' })
  completedOn!: string | null;

  @Field(() => Float, { description: "JP earned (the training's hours unless recorded otherwise)." })
  hoursJp!: number;
}

@ObjectType('ParticipantCounts', {
  description:
    "A training's participations counted by status in the database, and the JP of the completed ones: the same " +
    'participations as `Training.participants` (those of employees whose records the caller may see), without ' +
    'listing them.',
})
export class ParticipantCountsType {
  @Field(() => Int, { description: 'Participations ENROLLED (registered, not completed).' })
  enrolled!: number;

  @Field(() => Int, { description: 'Participations COMPLETED.' })
  completed!: number;

  @Field(() => Int, { description: 'Participations DROPPED.' })
  dropped!: number;

  @Field(() => Float, { description: 'JP earned by the COMPLETED participations (the sum of their `hoursJp`).' })
  jpCompleted!: number;
}

export const TrainingConnection = connectionType('Training', TrainingType, 'trainings');

/** Orders of the `trainings` connection; every order ends with the id, so pages never overlap. */
export const TRAINING_ORDERS = ['START_DESC', 'START_ASC', 'TITLE_ASC'] as const;
export type TrainingOrder = (typeof TRAINING_ORDERS)[number];

export const TrainingOrderEnum = registerSharedEnum(
  TRAINING_ORDERS,
  'TrainingOrder',
  'Order of the trainings connection; ties are broken by the training id, so cursors stay stable between pages.',
  {
    START_DESC: 'Newest first day first; trainings without a first day come last.',
    START_ASC: 'Oldest first day first; trainings without a first day come last.',
    TITLE_ASC: 'By title (judul), A to Z.',
  },
);
