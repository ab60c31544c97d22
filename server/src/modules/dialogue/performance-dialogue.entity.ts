import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, Unique, type Rel } from '@mikro-orm/core';
import { TRAINING_KINDS, type TrainingKind } from '@kinerja/shared';
import { Agency } from '../agency/agency.entity.js';
import { Employee } from '../employee/employee.entity.js';
import { Participation } from '../training/participation.entity.js';

/**
 * The performance dialogue (dialog kinerja) of one employee and quarter, held with their direct supervisor
 * (docs/dialogue.md): the day, the points agreed, the follow-ups, and each party's confirmation. One per employee and
 * quarter; the completion monitor counts them. Its text follows the rule of feedback notes.
 */
@Entity({ tableName: 'performance_dialogue' })
@Unique({ properties: ['employee', 'year', 'quarter'] })
export class PerformanceDialogue {
  /** Properties the database or the class fills in, so `em.create` does not demand them. */
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Employee)
  employee!: Rel<Employee>;

  /** The supervisor who held it and recorded it. */
  @ManyToOne(() => Employee)
  supervisor!: Rel<Employee>;

  /** The employee's agency when it was held. */
  @ManyToOne(() => Agency)
  agency!: Rel<Agency>;

  @Property({ type: 'smallint' })
  year!: number;

  @Property({ type: 'smallint' })
  quarter!: number;

  @Property({ type: 'date' })
  heldOn!: string;

  @Property({ type: 'text' })
  pointsAgreed!: string;

  @Property({ type: 'text', nullable: true })
  followUps: string | null = null;

  /** Set when the supervisor recorded it. */
  @Property({ type: 'datetime', nullable: true })
  supervisorConfirmedAt: Date | null = null;

  /** Set when the employee confirmed it; null until then. */
  @Property({ type: 'datetime', nullable: true })
  employeeConfirmedAt: Date | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}

/**
 * A development action (rencana pengembangan) agreed in a dialogue: what to do by which quarter, the criterion it should
 * improve and the kind of training, and later the participation that carried it out, so that the training needs of the
 * analytics (a criterion scored low twice) and the dialogues meet (docs/dialogue.md#development-actions).
 */
@Entity({ tableName: 'development_action' })
export class DevelopmentAction {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => PerformanceDialogue, { deleteRule: 'cascade' })
  dialogue!: Rel<PerformanceDialogue>;

  @Property({ type: 'text' })
  description!: string;

  /** The code of the criterion it should improve (a code pools every agency's criteria of that code). */
  @Property({ type: 'string', length: 64, nullable: true })
  criterionCode: string | null = null;

  @Enum({ items: () => [...TRAINING_KINDS], type: 'string', nullable: true })
  trainingKind: TrainingKind | null = null;

  @Property({ type: 'smallint' })
  targetYear!: number;

  @Property({ type: 'smallint' })
  targetQuarter!: number;

  /** The training participation that carried it out; null until linked. */
  @ManyToOne(() => Participation, { nullable: true, deleteRule: 'set null' })
  participation: Rel<Participation> | null = null;
}
