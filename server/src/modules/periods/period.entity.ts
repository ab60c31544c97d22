import { Check, Entity, Enum, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { PERIOD_STATUSES, YEAR_MAX, YEAR_MIN, type PeriodStatus } from '@kinerja/shared';

/** A quarter (triwulan) in which evaluations are made. A CLOSED period takes no new or changed scores. */
@Entity({ tableName: 'period' })
@Unique({ properties: ['year', 'quarter'] })
@Check({ name: 'period_quarter_range', expression: 'quarter between 1 and 4' })
@Check({ name: 'period_year_range', expression: `year between ${YEAR_MIN} and ${YEAR_MAX}` })
export class Period {
  /** Properties the database or the class fills in, so `em.create` does not demand them. */
  [OptionalProps]?: 'status';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'smallint' })
  year!: number;

  @Property({ type: 'smallint' })
  quarter!: number;

  @Enum({ items: () => [...PERIOD_STATUSES], type: 'string', default: 'OPEN' })
  status: PeriodStatus = 'OPEN';

  @Property({ type: 'datetime', nullable: true })
  closedAt: Date | null = null;
}
