import { Field, InputType, Int } from 'type-graphql';

@InputType('RecordInnovationInput', { description: 'An innovation (inovasi) to record, unverified until verified.' })
export class RecordInnovationInput {
  @Field(() => String, {
    nullable: true,
    description: "NIP of the innovator; omitted: the caller's own employee (an employee proposing their own).",
  })
  employeeNip?: string | null;

  @Field(() => Int, { description: 'Year it counts for (tahun).' })
  year!: number;

  @Field(() => Int, { description: 'Quarter (triwulan) 1-4.' })
  quarter!: number;

  @Field(() => String, { description: 'Title (judul inovasi), at most 300 characters.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'What changed and why it matters (uraian).' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Why (kept in the audit log).' })
  reason?: string | null;
}

@InputType('VerifyInnovationInput', { description: 'The verification of a recorded innovation.' })
export class VerifyInnovationInput {
  @Field(() => Int, { description: 'The innovation.' })
  innovationId!: number;

  @Field(() => String, { nullable: true, description: 'Remark (kept in the audit log).' })
  reason?: string | null;
}
