import { Field, InputType, Int } from 'type-graphql';
import type { OrgPredikat } from '@kinerja/shared';
import { OrgPredikatEnum } from './org-performance.types.js';

@InputType('OrgPredikatInput', { description: "An agency's org predikat for a year, proposed or set." })
export class OrgPredikatInput {
  @Field(() => String, { description: 'Agency code, e.g. `DISDIK`.' })
  agencyCode!: string;

  @Field(() => Int, { description: 'Year (tahun).' })
  year!: number;

  @Field(() => OrgPredikatEnum, { description: 'The predikat.' })
  predikat!: OrgPredikat;

  @Field(() => String, { nullable: true, description: 'Why (kept in the audit log).' })
  reason?: string | null;
}
