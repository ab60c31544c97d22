import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { ORG_PREDIKATS, type OrgPredikat } from '@kinerja/shared';
import { registerSharedEnum } from '../../graphql/enum.js';

export const OrgPredikatEnum = registerSharedEnum(
  ORG_PREDIKATS,
  'OrgPredikat',
  "An agency's own performance predikat for a year (predikat kinerja organisasi, PermenPANRB 6/2022).",
  {
    ISTIMEWA: 'Istimewa: outstanding.',
    BAIK: 'Baik: good.',
    BUTUH_PERBAIKAN: 'Butuh Perbaikan: needs improvement.',
    KURANG: 'Kurang: poor.',
    SANGAT_KURANG: 'Sangat Kurang: very poor.',
  },
);

@ObjectType('OrgPerformance', {
  description:
    "An agency's performance predikat for a year: proposed by its head, set by the city's leaders. Only the set one " +
    'drives the distribution check (SE MenPANRB 3/2023).',
})
export class OrgPerformanceType {
  @Field(() => Int, { description: 'Year (tahun).' })
  year!: number;

  @Field(() => OrgPredikatEnum, {
    nullable: true,
    description: "The predikat set by the city's leaders; null until set.",
  })
  predikat!: OrgPredikat | null;

  @Field(() => OrgPredikatEnum, { nullable: true, description: "The agency head's proposal; null when none." })
  proposedPredikat!: OrgPredikat | null;

  @Field(() => GraphQLDateTimeISO, { nullable: true, description: 'When the predikat was set (UTC).' })
  setAt!: Date | null;

  @Field(() => GraphQLDateTimeISO, { nullable: true, description: 'When the proposal was made (UTC).' })
  proposedAt!: Date | null;
}
