import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AGENCY_KINDS, type AgencyKind } from '@kinerja/shared';

/** GraphQL enum object built from the shared list, so the two never drift. */
export const AgencyKindEnum = Object.fromEntries(AGENCY_KINDS.map((k) => [k, k])) as { [K in AgencyKind]: K };
registerEnumType(AgencyKindEnum, {
  name: 'AgencyKind',
  description: 'Kind of perangkat daerah (regional agency).',
  valuesConfig: {
    SEKRETARIAT: { description: 'Sekretariat (Sekretariat Daerah, Sekretariat DPRD).' },
    INSPEKTORAT: { description: 'Inspektorat (internal audit).' },
    DINAS: { description: 'Dinas (service department).' },
    BADAN: { description: 'Badan (agency, e.g. Bappeda, BKPSDM).' },
    SATPOL_PP: { description: 'Satuan Polisi Pamong Praja.' },
    RSUD: { description: 'Rumah Sakit Umum Daerah (regional hospital).' },
    KECAMATAN: { description: 'Kecamatan (district office).' },
    KELURAHAN: { description: 'Kelurahan (urban village office).' },
    LAINNYA: { description: 'Other unit.' },
  },
});

@ObjectType('Agency', { simpleResolvers: true, description: 'A perangkat daerah (OPD, regional agency) of the city.' })
export class AgencyType {
  id!: number;

  @Field(() => String, { description: 'Agency code, the natural key (e.g. `DISDIK`).' })
  code!: string;

  @Field(() => String, { description: 'Official name (e.g. Dinas Pendidikan).' })
  name!: string;

  @Field(() => AgencyKindEnum, { nullable: true, description: 'Kind of agency (dinas, badan, kecamatan, ...).' })
  kind!: AgencyKind | null;

  @Field(() => Int, { description: 'Number of employees whose current record is in this agency.' })
  employeeCount!: number;
}
