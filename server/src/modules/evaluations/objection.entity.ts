import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Employee } from '../employee/employee.entity.js';
import { Evaluation } from './evaluation.entity.js';

export const OBJECTION_STATUSES = ['PENDING', 'UPHELD', 'REJECTED'] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];

/**
 * An objection (keberatan) filed by the employee against an evaluation instead of acknowledging it (PP 30/2019).
 * The assessor's own superior decides it; the decision may change the scores, and the old ones stay in the audit log.
 */
@Entity({ tableName: 'objection' })
export class Objection {
  /** Properties the database or the class fills in, so `em.create` does not demand them. */
  [OptionalProps]?: 'filedAt' | 'status';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Index()
  @ManyToOne(() => Evaluation, { deleteRule: 'cascade' })
  evaluation!: Rel<Evaluation>;

  @ManyToOne(() => Employee)
  filedBy!: Rel<Employee>;

  @Property({ type: 'text' })
  reason!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  filedAt: Date = new Date();

  @Enum({ items: () => [...OBJECTION_STATUSES], type: 'string', default: 'PENDING' })
  status: ObjectionStatus = 'PENDING';

  /** Who decided; null for a LEADER or ADMIN account that is not an employee. */
  @ManyToOne(() => Employee, { nullable: true })
  decidedBy: Rel<Employee> | null = null;

  @Property({ type: 'text', nullable: true })
  decisionNote: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  decidedAt: Date | null = null;
}
