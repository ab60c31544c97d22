import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Agency } from '../agency/agency.entity.js';
import { Employee } from '../employee/employee.entity.js';
import { Evaluation } from '../evaluations/evaluation.entity.js';

/** An action agreed in a feedback note, with the quarter it should be done by. */
export interface AgreedAction {
  text: string;
  targetYear: number;
  targetQuarter: number;
}

/**
 * A feedback note (umpan balik) from a supervisor to a direct report, on an evaluation or between evaluations
 * (docs/dialogue.md). Its text is for the two of them, the superiors up the line and the agency head
 * (read-scopes.ts `feedbackTextVisible`); the audit log records that it was written and answered, not what it says.
 */
@Entity({ tableName: 'feedback_note' })
export class FeedbackNote {
  /** Properties the database or the class fills in, so `em.create` does not demand them. */
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  /** The employee it is written to. */
  @ManyToOne(() => Employee)
  employee!: Rel<Employee>;

  /** The supervisor who wrote it (the employee's direct supervisor then). */
  @ManyToOne(() => Employee)
  author!: Rel<Employee>;

  /** The employee's agency when it was written: its head keeps seeing it after a transfer. */
  @ManyToOne(() => Agency)
  agency!: Rel<Agency>;

  /** The evaluation it comments on; null for a note between evaluations. */
  @ManyToOne(() => Evaluation, { nullable: true, deleteRule: 'set null' })
  evaluation: Rel<Evaluation> | null = null;

  /** The quarter it is about (the evaluation's, or the one it was written in). */
  @Property({ type: 'smallint' })
  year!: number;

  @Property({ type: 'smallint' })
  quarter!: number;

  @Property({ type: 'text', nullable: true })
  wentWell: string | null = null;

  @Property({ type: 'text', nullable: true })
  toImprove: string | null = null;

  @Property({ type: 'json' })
  agreedActions: AgreedAction[] = [];

  /** The employee's answer; null when they only acknowledged it, or have not responded. */
  @Property({ type: 'text', nullable: true })
  answer: string | null = null;

  /** When the employee answered or acknowledged it; null until then. */
  @Property({ type: 'datetime', nullable: true })
  acknowledgedAt: Date | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
