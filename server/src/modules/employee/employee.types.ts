import { Field, InputType, Int, ObjectType } from 'type-graphql';
import {
  EMPLOYMENT_TYPES,
  GENDERS,
  POSITION_TYPES,
  type EmploymentType,
  type Gender,
  type PositionType,
} from '@kinerja/shared';
import { registerSharedEnum } from '../../graphql/enum.js';
import { connectionType } from '../../graphql/connection.js';

export const EmploymentTypeEnum = registerSharedEnum(
  EMPLOYMENT_TYPES,
  'EmploymentType',
  'Kind of ASN employment (jenis kepegawaian, UU 20/2023 on ASN).',
  {
    PNS: 'Pegawai Negeri Sipil: civil servant with a permanent appointment.',
    PPPK: 'Pegawai Pemerintah dengan Perjanjian Kerja: government employee on a contract.',
  },
);

export const PositionTypeEnum = registerSharedEnum(
  POSITION_TYPES,
  'PositionType',
  'Kind of position (jenis jabatan, UU 20/2023 on ASN).',
  {
    JPT: 'Jabatan Pimpinan Tinggi: senior executive (e.g. Sekda, kepala dinas).',
    ADMINISTRATOR: 'Jabatan Administrator: middle manager (e.g. sekretaris dinas, kepala bidang).',
    PENGAWAS: 'Jabatan Pengawas: first-line supervisor (e.g. kepala seksi, kepala subbagian).',
    PELAKSANA: 'Jabatan Pelaksana: staff carrying out administrative or technical tasks.',
    FUNGSIONAL: 'Jabatan Fungsional: professional position (e.g. guru, dokter, perawat, analis).',
  },
);

export const GenderEnum = registerSharedEnum(GENDERS, 'Gender', 'Gender (jenis kelamin), as encoded by the NIP.', {
  L: 'Laki-laki (male); NIP gender digit 1.',
  P: 'Perempuan (female); NIP gender digit 2.',
});

/** Orders of the `employees` connection; every order ends with the NIP, so pages never overlap. */
export const EMPLOYEE_ORDERS = ['NAME_ASC', 'NAME_DESC', 'NIP_ASC', 'NIP_DESC', 'AGENCY_ASC', 'PSEUDONYM_ASC'] as const;
export type EmployeeOrder = (typeof EMPLOYEE_ORDERS)[number];

export const EmployeeOrderEnum = registerSharedEnum(
  EMPLOYEE_ORDERS,
  'EmployeeOrder',
  'Order of the employees connection (ties are broken by NIP, or by pseudonym for pseudonymised callers). POLICY ' +
    'and ANALYST callers may not order by name or NIP.',
  {
    NAME_ASC: 'By name, A to Z (nama).',
    NAME_DESC: 'By name, Z to A (nama).',
    NIP_ASC: 'By NIP, ascending (Nomor Induk Pegawai).',
    NIP_DESC: 'By NIP, descending (Nomor Induk Pegawai).',
    AGENCY_ASC: 'By agency code (perangkat daerah), then name (pseudonym for pseudonymised callers).',
    PSEUDONYM_ASC: 'By pseudonym: the default for pseudonymised callers.',
  },
);

@ObjectType('Employee', {
  simpleResolvers: true,
  description:
    'A civil servant (pegawai ASN), PNS or PPPK, as on their current record. `nip` and `name` are null for callers ' +
    'who may not see them; `pseudonym` is stable and always there.',
})
export class EmployeeType {
  @Field(() => String, {
    description: 'Stable pseudonym (e.g. `ASN-3F9A0C12B7`), for pseudonymised reading and `employee(pseudonym:)`.',
  })
  pseudonym!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Nomor Induk Pegawai (NIP), 18 digits; null for callers who may only see pseudonymised rows.',
  })
  nip!: string | null;

  @Field(() => String, { nullable: true, description: 'Full name (nama); null for pseudonymised callers.' })
  name!: string | null;

  @Field(() => GenderEnum, {
    nullable: true,
    description:
      'Gender (jenis kelamin); null when not recorded. For pseudonymised rows (POLICY, ANALYST) null where fewer ' +
      "than the policy's minimum group would share it (k-anonymity, docs/privacy.md).",
  })
  gender!: Gender | null;

  @Field(() => EmploymentTypeEnum, {
    nullable: true,
    description:
      'PNS or PPPK (jenis kepegawaian). Null only for pseudonymised rows (POLICY, ANALYST), where fewer than the ' +
      "policy's minimum group of the agency would share it (k-anonymity, docs/privacy.md).",
  })
  employmentType!: EmploymentType | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Rank (golongan/ruang): PNS `I/a` .. `IV/e`, PPPK `I` .. `XVII`; null when not recorded. For pseudonymised ' +
      "rows (POLICY, ANALYST) only the rank group (`I` .. `IV`, or `PPPK`), null where fewer than the policy's " +
      'minimum group would share it (k-anonymity, docs/privacy.md).',
  })
  rank!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Position title (nama jabatan), e.g. "Guru Ahli Pertama"; null for pseudonymised rows (POLICY, ANALYST): a ' +
      'title often names one post.',
  })
  position!: string | null;

  @Field(() => PositionTypeEnum, {
    nullable: true,
    description:
      'Kind of position (jenis jabatan); null when unknown. For pseudonymised rows (POLICY, ANALYST) null where ' +
      "fewer than the policy's minimum group would share it (k-anonymity, docs/privacy.md).",
  })
  positionType!: PositionType | null;

  @Field(() => String, {
    nullable: true,
    description:
      'First day of service on this record, as `YYYY-MM-DD` (TMT); null when not recorded, and for pseudonymised ' +
      'rows (POLICY, ANALYST).',
  })
  activeFrom!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Last day of service (e.g. retirement, pensiun), as `YYYY-MM-DD`; null while in service, and for ' +
      'pseudonymised rows (POLICY, ANALYST).',
  })
  activeTo!: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Version of the record, raised by every change of it (import, transfer, new supervisor, retirement); an ' +
      'employee change carries the version it was based on and a stale one is refused with CONFLICT. Null for ' +
      'callers who do not see the record in full.',
  })
  version!: number | null;
}

export const EmployeeConnection = connectionType('Employee', EmployeeType, 'employees');

@InputType('EmployeeFilter', { description: 'Conditions on employees; all given conditions must hold.' })
export class EmployeeFilter {
  @Field(() => [String], {
    nullable: true,
    description: 'Agency codes (e.g. `["DISDIK", "DINKES"]`): employees whose current record is in one of them.',
  })
  agencyCodes?: string[] | null;

  @Field(() => EmploymentTypeEnum, {
    nullable: true,
    description:
      'Only PNS or only PPPK. For POLICY and ANALYST callers it matches the employment type as they see it (see ' +
      '`positionType`).',
  })
  employmentType?: EmploymentType | null;

  @Field(() => PositionTypeEnum, {
    nullable: true,
    description:
      'Only this kind of position (jenis jabatan). For POLICY and ANALYST callers it matches the position type as ' +
      'they see it: people whose position type is withheld (k-anonymity) are not matched, and `extensions.privacy` ' +
      'says so.',
  })
  positionType?: PositionType | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Text in the name (any case), or the first digits of the NIP (e.g. `198503`); refused for pseudonymised ' +
      'callers (POLICY, ANALYST).',
  })
  search?: string | null;
}
