import { YEAR_MAX, YEAR_MIN } from '@kinerja/shared';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { PeriodType } from './period.types.js';

@InputType('PeriodChangeInput', { description: 'A period to open or close, and why.' })
export class PeriodChangeInput {
  @Field(() => Int, { description: `Year (tahun), ${YEAR_MIN}-${YEAR_MAX}.` })
  year!: number;

  @Field(() => Int, { description: 'Quarter (triwulan) 1-4.' })
  quarter!: number;

  @Field(() => String, { nullable: true, description: 'Why (kept in the audit log).' })
  reason?: string | null;
}

@ObjectType('ClosePeriodResult', { description: 'What closing a period did.' })
export class ClosePeriodResultType {
  @Field(() => PeriodType, { description: 'The period, now CLOSED.' })
  period!: PeriodType;

  @Field(() => Int, {
    description: 'Evaluations finalised by the closing (SUBMITTED and ACKNOWLEDGED), their results stored.',
  })
  finalized!: number;

  @Field(() => Int, { description: 'DRAFT evaluations left as they are: never submitted, they count nowhere.' })
  drafts!: number;

  @Field(() => Int, {
    description: 'OBJECTED evaluations left for the decision on their objection; they cannot be finalised before.',
  })
  objected!: number;
}
