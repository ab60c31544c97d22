import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique, type Rel } from '@mikro-orm/core';
import {
  EMPLOYMENT_TYPES,
  GENDERS,
  POSITION_TYPES,
  type EmploymentType,
  type Gender,
  type PositionType,
} from '@kinerja/shared';
import { Agency } from '../agency/agency.entity.js';

/** A civil servant (pegawai ASN), PNS or PPPK. */
@Entity({ tableName: 'employee' })
export class Employee {
  /** Properties the database or the class fills in, so `em.create` does not demand them. */
  [OptionalProps]?: 'pseudonym' | 'version' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  /** Nomor Induk Pegawai, 18 digits; the natural key. */
  @Unique()
  @Property({ type: 'string', length: 18 })
  nip!: string;

  /**
   * Stable pseudonym for pseudonymised readers (POLICY, ANALYST). Random, stored once: a hash of the NIP could be
   * reversed by hashing every plausible NIP.
   */
  @Unique()
  @Property({
    type: 'string',
    length: 16,
    defaultRaw: `('ASN-' || upper(substr(md5(gen_random_uuid()::text), 1, 10)))`,
  })
  pseudonym!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Enum({ items: () => [...GENDERS], type: 'string', nullable: true })
  gender: Gender | null = null;

  @Enum({ items: () => [...EMPLOYMENT_TYPES], type: 'string' })
  employmentType!: EmploymentType;

  /** Golongan: PNS I/a .. IV/e, PPPK I .. XVII. */
  @Property({ type: 'string', length: 8, nullable: true })
  rank: string | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  position: string | null = null;

  @Enum({ items: () => [...POSITION_TYPES], type: 'string', nullable: true })
  positionType: PositionType | null = null;

  @Index()
  @ManyToOne(() => Agency)
  agency!: Rel<Agency>;

  /** Direct supervisor (atasan langsung), possibly in another agency. */
  @Index()
  @ManyToOne(() => Employee, { nullable: true })
  supervisor: Rel<Employee> | null = null;

  @Property({ type: 'date', nullable: true })
  activeFrom: string | null = null;

  @Property({ type: 'date', nullable: true })
  activeTo: string | null = null;

  /**
   * Raised by the database on every change of the record, whichever path writes it (optimistic locking of the
   * employee changes, docs/access.md#employee-changes).
   */
  @Property({ type: 'integer', defaultRaw: '1' })
  version: number = 1;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/**
 * An employee as field resolvers receive it: an entity, or a plain row of the same shape (pages and nested lists read
 * plain rows, docs/benchmarks.md). Declare `@Root()` parameters with this alias: type-graphql copies a root whose
 * declared type is a class into a new instance of that class (an entity constructor per row and field), and leaves
 * an alias's root as it is.
 */
export type EmployeeRow = Employee;
