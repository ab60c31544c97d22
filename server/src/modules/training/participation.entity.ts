import {
  Check,
  Entity,
  Enum,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  Unique,
  type Rel,
} from '@mikro-orm/core';
import { PARTICIPATION_STATUSES, type ParticipationStatus } from '@kinerja/shared';
import { Employee } from '../employee/employee.entity.js';
import { Training } from './training.entity.js';

/** An employee's participation in a training. Only COMPLETED ones with a completion date count anywhere. */
@Entity({ tableName: 'participation' })
@Unique({ properties: ['training', 'employee'] })
@Index({ properties: ['employee', 'completedOn'] })
@Check({ name: 'participation_hours', expression: 'hours_jp >= 0' })
@Check({
  name: 'participation_completed_has_date',
  expression: `status <> 'COMPLETED' or completed_on is not null`,
})
export class Participation {
  /** Properties the database or the class fills in, so `em.create` does not demand them. */
  [OptionalProps]?: 'status';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Training)
  training!: Rel<Training>;

  @ManyToOne(() => Employee)
  employee!: Rel<Employee>;

  @Enum({ items: () => [...PARTICIPATION_STATUSES], type: 'string', default: 'COMPLETED' })
  status: ParticipationStatus = 'COMPLETED';

  @Property({ type: 'date', nullable: true })
  completedOn: string | null = null;

  /** JP earned (the training's hours unless stated otherwise). */
  @Property({ type: 'double' })
  hoursJp!: number;
}
