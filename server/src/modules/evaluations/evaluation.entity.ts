import {
  Check,
  Collection,
  Entity,
  Enum,
  Index,
  ManyToOne,
  OneToMany,
  OptionalProps,
  PrimaryKey,
  Property,
  Unique,
  type Rel,
} from '@mikro-orm/core';
import {
  EVALUATION_STATUSES,
  PREDIKATS,
  RATINGS,
  type EvaluationStatus,
  type Predikat,
  type Rating,
} from '@kinerja/shared';
import { Agency } from '../agency/agency.entity.js';
import { Employee } from '../employee/employee.entity.js';
import { EvaluationScore } from './evaluation-score.entity.js';
import { Period } from '../periods/period.entity.js';

/**
 * A quarterly evaluation (penilaian triwulan) of one employee. The agency is the one the employee belonged to in that
 * period, kept on the row so that a transfer does not rewrite history. Its results are stored with the policy version
 * and the weights that produced them; once FINAL they never change.
 */
@Entity({ tableName: 'evaluation' })
@Unique({ properties: ['employee', 'period'] })
@Index({ properties: ['period', 'agency'] })
@Index({ properties: ['assessor'] })
@Check({
  name: 'evaluation_final_has_policy',
  expression: `status <> 'FINAL' or policy_version is not null`,
})
export class Evaluation {
  /** Properties the database or the class fills in, so `em.create` does not demand them. */
  [OptionalProps]?: 'status' | 'version' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Employee)
  employee!: Rel<Employee>;

  @ManyToOne(() => Period)
  period!: Rel<Period>;

  @ManyToOne(() => Agency)
  agency!: Rel<Agency>;

  /** The assessor (pejabat penilai); null at the top of the hierarchy (the Wali Kota assesses the Sekda). */
  @ManyToOne(() => Employee, { nullable: true })
  assessor: Rel<Employee> | null = null;

  @Enum({ items: () => [...EVALUATION_STATUSES], type: 'string', default: 'DRAFT' })
  status: EvaluationStatus = 'DRAFT';

  /** Optimistic-locking version: a save carrying an older version is refused. */
  @Property({ type: 'integer', version: true })
  version!: number;

  @OneToMany(() => EvaluationScore, (score) => score.evaluation, { orphanRemoval: true })
  scores = new Collection<EvaluationScore>(this);

  // Stored results (docs/scoring.md "Stored results"): written by the one results writer for every evaluation, frozen
  // once FINAL. Null where the evaluation has no score of that category.
  @Property({ type: 'double', nullable: true })
  hasilKerjaScore: number | null = null;

  @Property({ type: 'double', nullable: true })
  perilakuKerjaScore: number | null = null;

  @Property({ type: 'double', nullable: true })
  score: number | null = null;

  @Enum({ items: () => [...RATINGS], type: 'string', nullable: true })
  hasilKerjaRating: Rating | null = null;

  @Enum({ items: () => [...RATINGS], type: 'string', nullable: true })
  perilakuKerjaRating: Rating | null = null;

  @Enum({ items: () => [...PREDIKATS], type: 'string', nullable: true })
  predikat: Predikat | null = null;

  /** Version of the scoring policy that produced the stored results. */
  @Property({ type: 'string', length: 32, nullable: true })
  policyVersion: string | null = null;

  /** Weight of each scored criterion (criterion code -> weight) the stored results were computed with. */
  @Property({ type: 'json', nullable: true })
  resultWeights: Record<string, number> | null = null;

  @Property({ type: 'datetime', nullable: true })
  submittedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  acknowledgedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  finalizedAt: Date | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/**
 * An evaluation as field resolvers receive it: an entity, or a plain row of the same shape (pages and nested lists read
 * plain rows, docs/benchmarks.md). Declare `@Root()` parameters with this alias: type-graphql copies a root whose
 * declared type is a class into a new instance of that class (an entity constructor per row and field), and leaves
 * an alias's root as it is.
 */
export type EvaluationRow = Evaluation;
