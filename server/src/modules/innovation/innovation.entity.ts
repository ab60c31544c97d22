import {
  Check,
  Entity,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  Unique,
  type Rel,
} from '@mikro-orm/core';
import { Employee } from '../employee/employee.entity.js';

/**
 * A new or improved programme or way of working (inovasi). A verified innovation counts for its own `year` in the
 * annual innovation rule, whenever it was verified.
 */
@Entity({ tableName: 'innovation' })
@Unique({ properties: ['employee', 'year', 'quarter', 'title'] })
@Index({ properties: ['year', 'employee'] })
@Check({ name: 'innovation_quarter_range', expression: 'quarter between 1 and 4' })
export class Innovation {
  /** Properties the database or the class fills in, so `em.create` does not demand them. */
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Employee)
  employee!: Rel<Employee>;

  @Property({ type: 'smallint' })
  year!: number;

  @Property({ type: 'smallint' })
  quarter!: number;

  @Property({ type: 'string', length: 300 })
  title!: string;

  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  /** The supervisor, agency head or administrator who verified it; null while unverified. */
  @ManyToOne(() => Employee, { nullable: true })
  verifiedBy: Rel<Employee> | null = null;

  /** Set when verified; an administrator's verification may have no employee in `verifiedBy`. */
  @Property({ type: 'datetime', nullable: true })
  verifiedAt: Date | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
