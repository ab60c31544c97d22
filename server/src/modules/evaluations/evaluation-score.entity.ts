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
import { Criterion } from '../criteria/criterion.entity.js';
import { Evaluation } from './evaluation.entity.js';

/**
 * One criterion's score in an evaluation, on the PP 30/2019 scale 0..120 (100 = target met exactly). A score derived
 * from an indicator's realisation is computed when entered and stored, so a later change of the target does not
 * rewrite it.
 */
@Entity({ tableName: 'evaluation_score' })
@Unique({ properties: ['evaluation', 'criterion'] })
@Check({ name: 'evaluation_score_range', expression: 'score >= 0 and score <= 120' })
@Check({ name: 'evaluation_score_realisation', expression: 'realisation is null or realisation >= 0' })
@Check({
  name: 'evaluation_score_derived_has_realisation',
  expression: 'not derived_from_indicator or realisation is not null',
})
export class EvaluationScore {
  /** Properties the database or the class fills in, so `em.create` does not demand them. */
  [OptionalProps]?: 'derivedFromIndicator';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Evaluation, { deleteRule: 'cascade' })
  evaluation!: Rel<Evaluation>;

  @Index()
  @ManyToOne(() => Criterion)
  criterion!: Rel<Criterion>;

  @Property({ type: 'double' })
  score!: number;

  /** The indicator's realisation the score was derived from, when it was. */
  @Property({ type: 'double', nullable: true })
  realisation: number | null = null;

  /** True when the score was computed from the indicator's realisation, not judged by the assessor. */
  @Property({ type: 'boolean', default: false })
  derivedFromIndicator: boolean = false;

  /** Evidence (bukti dukung) noted by the assessor. */
  @Property({ type: 'text', nullable: true })
  evidence: string | null = null;
}
