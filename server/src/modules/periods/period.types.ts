import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { PERIOD_STATUSES, type PeriodStatus } from '@kinerja/shared';
import { registerSharedEnum } from '../../graphql/enum.js';

export const PeriodStatusEnum = registerSharedEnum(PERIOD_STATUSES, 'PeriodStatus', 'Whether a period takes scores.', {
  OPEN: 'Terbuka: scores may be entered and changed.',
  CLOSED: 'Ditutup: no new or changed scores; its evaluations are final.',
});

@ObjectType('Period', { simpleResolvers: true, description: 'An appraisal period: one quarter (triwulan) of a year.' })
export class PeriodType {
  @Field(() => Int, { description: 'Year (tahun).' })
  year!: number;

  @Field(() => Int, { description: 'Quarter (triwulan) 1-4.' })
  quarter!: number;

  @Field(() => PeriodStatusEnum, { description: 'OPEN or CLOSED.' })
  status!: PeriodStatus;

  @Field(() => GraphQLDateTimeISO, {
    nullable: true,
    description: 'When the period was closed (UTC); null while open.',
  })
  closedAt!: Date | null;
}

@InputType('PeriodInput', { description: 'A quarter of a year, e.g. `{ year: 2025, quarter: 1 }` (Triwulan I 2025).' })
export class PeriodInput {
  @Field(() => Int, { description: 'Year (tahun), e.g. 2025.' })
  year!: number;

  @Field(() => Int, { description: 'Quarter (triwulan) 1-4.' })
  quarter!: number;
}
