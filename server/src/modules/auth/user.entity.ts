import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, Unique, type Rel } from '@mikro-orm/core';
import { Employee } from '../employee/employee.entity.js';
import { ROLES, type Role } from '../access/roles.js';

/** A login account. Linked to an employee where it is one (the Wali Kota's account is not). */
@Entity({ tableName: 'app_user' })
export class User {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'tokenVersion' | 'active' | 'mustChangePassword' | 'lastLoginAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  /** Login name; the NIP for accounts created in bulk for employees. */
  @Unique()
  @Property({ type: 'string', length: 64 })
  login!: string;

  /** argon2id hash; the password itself is never stored. */
  @Property({ type: 'string', length: 200, hidden: true })
  passwordHash!: string;

  @Enum({ items: () => [...ROLES], type: 'string' })
  role!: Role;

  @Unique()
  @ManyToOne(() => Employee, { nullable: true })
  employee: Rel<Employee> | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  displayName: string | null = null;

  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  /** Set by a bulk creation or an administrator's reset: the owner should choose a new password. */
  @Property({ type: 'boolean', default: false })
  mustChangePassword: boolean = false;

  /** Raised on a password change or reset: every token issued before stops working. */
  @Property({ type: 'integer', default: 1 })
  tokenVersion: number = 1;

  /** The last successful password login (null: never). */
  @Property({ type: 'datetime', nullable: true })
  lastLoginAt: Date | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
