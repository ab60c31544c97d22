import { Entity, Enum, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { AGENCY_KINDS, type AgencyKind } from '@kinerja/shared';

/** A perangkat daerah (OPD) of the city: dinas, badan, sekretariat, kecamatan, RSUD, ... */
@Entity({ tableName: 'agency' })
export class Agency {
  /** Properties the database or the class fills in, so `em.create` does not demand them. */
  [OptionalProps]?: 'kind' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  /** Natural key, e.g. `DISDIK`. */
  @Unique()
  @Property({ type: 'string', length: 32 })
  code!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Enum({ items: () => [...AGENCY_KINDS], type: 'string', nullable: true })
  kind: AgencyKind | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/**
 * An agency as field resolvers receive it: an entity, or the plain agency read with an employee page
 * (docs/benchmarks.md). Declare `@Root()` parameters with this alias: type-graphql copies a root whose declared type
 * is a class into a new instance of that class, and leaves an alias's root as it is.
 */
export type AgencyRow = Agency & {
  /** Employees whose current record is in the agency, when the read that produced the row counted them. */
  employeeCount?: number;
};
