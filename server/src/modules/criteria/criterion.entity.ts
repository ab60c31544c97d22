import { Check, Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { CRITERION_CATEGORIES, DIRECTIONS, type CriterionCategory, type Direction } from '@kinerja/shared';
import { Agency } from '../agency/agency.entity.js';

/**
 * A criterion (kriteria) scored every quarter. City-wide when `agency` is null. The natural key (code, agency,
 * yearFrom) is a unique index in the migration (an expression index, since agency may be null).
 */
@Entity({ tableName: 'criterion' })
@Check({ name: 'criterion_weight_range', expression: 'weight > 0 and weight <= 100' })
@Check({ name: 'criterion_target_positive', expression: 'target is null or target > 0' })
@Check({ name: 'criterion_years', expression: 'year_to is null or year_to >= year_from' })
@Check({
  name: 'criterion_indicator_complete',
  expression: '(target is null) = (direction is null)',
})
@Index({ properties: ['yearFrom', 'yearTo'] })
export class Criterion {
  /** Properties the database or the class fills in, so `em.create` does not demand them. */
  [OptionalProps]?: 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', length: 64 })
  code!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Enum({ items: () => [...CRITERION_CATEGORIES], type: 'string' })
  category!: CriterionCategory;

  /** Weight within its agency, year and category; those weights sum to 100. */
  @Property({ type: 'double' })
  weight!: number;

  @Property({ type: 'string', length: 32, nullable: true })
  indicatorUnit: string | null = null;

  @Property({ type: 'double', nullable: true })
  target: number | null = null;

  @Enum({ items: () => [...DIRECTIONS], type: 'string', nullable: true })
  direction: Direction | null = null;

  /** The agency the criterion applies to; null = every agency. */
  @Index()
  @ManyToOne(() => Agency, { nullable: true, deleteRule: 'restrict' })
  agency: Rel<Agency> | null = null;

  @Property({ type: 'smallint' })
  yearFrom!: number;

  @Property({ type: 'smallint', nullable: true })
  yearTo: number | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
