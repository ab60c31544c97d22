import { Check, Entity, Enum, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { TRAINING_KINDS, type TrainingKind } from '@kinerja/shared';

/** A training or development activity (pelatihan / pengembangan kompetensi), its hours in JP (jam pelajaran). */
@Entity({ tableName: 'training' })
@Check({ name: 'training_hours_positive', expression: 'hours_jp > 0' })
@Check({ name: 'training_dates', expression: 'end_date is null or start_date is null or end_date >= start_date' })
export class Training {
  /** Properties the database or the class fills in, so `em.create` does not demand them. */
  [OptionalProps]?: 'criterionCodes' | 'createdAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Unique()
  @Property({ type: 'string', length: 64 })
  code!: string;

  @Property({ type: 'string', length: 300 })
  title!: string;

  @Enum({ items: () => [...TRAINING_KINDS], type: 'string' })
  kind!: TrainingKind;

  @Property({ type: 'string', length: 200, nullable: true })
  organizer: string | null = null;

  @Property({ type: 'double' })
  hoursJp!: number;

  @Property({ type: 'date', nullable: true })
  startDate: string | null = null;

  @Property({ type: 'date', nullable: true })
  endDate: string | null = null;

  /** Codes of the criteria the training aims to improve (a code pools every agency's criteria of that code). */
  @Property({ type: 'text[]', default: '{}' })
  criterionCodes: string[] = [];

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
