import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique, type Rel } from '@mikro-orm/core';
import { ORG_PREDIKATS, type OrgPredikat } from '@kinerja/shared';
import { Agency } from '../agency/agency.entity.js';

/**
 * An agency's own performance predikat for a year (SE MenPANRB 3/2023), proposed by its head and set by the city's
 * leaders. Only the set predikat drives the distribution check.
 */
@Entity({ tableName: 'org_performance' })
@Unique({ properties: ['agency', 'year'] })
export class OrgPerformance {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Agency)
  agency!: Rel<Agency>;

  @Property({ type: 'smallint' })
  year!: number;

  @Enum({ items: () => [...ORG_PREDIKATS], type: 'string', nullable: true })
  proposedPredikat: OrgPredikat | null = null;

  @Property({ type: 'string', length: 64, nullable: true })
  proposedBy: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  proposedAt: Date | null = null;

  @Enum({ items: () => [...ORG_PREDIKATS], type: 'string', nullable: true })
  predikat: OrgPredikat | null = null;

  @Property({ type: 'string', length: 64, nullable: true })
  setBy: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  setAt: Date | null = null;
}
