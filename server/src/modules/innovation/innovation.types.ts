import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('Innovation', {
  description:
    'A new or improved programme or way of working (inovasi). A verified one counts for its own year in the annual ' +
    'innovation rule, whenever it was verified.',
})
export class InnovationType {
  @Field(() => Int, { description: 'Database id of the innovation.' })
  id!: number;

  @Field(() => Int, { description: 'Year it is recorded for (tahun).' })
  year!: number;

  @Field(() => Int, { description: 'Quarter (triwulan) 1-4 it is recorded for.' })
  quarter!: number;

  @Field(() => String, { description: 'Title (judul inovasi).' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'What changed and why it matters (uraian).' })
  description!: string | null;

  @Field(() => GraphQLDateTimeISO, {
    nullable: true,
    description: 'When it was verified (UTC); null while unverified.',
  })
  verifiedAt!: Date | null;
}
