import { GraphQLDateTimeISO } from 'graphql-scalars';
import { ArgsType, Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import {
  EVALUATION_STATUSES,
  PREDIKATS,
  RATINGS,
  type EvaluationStatus,
  type Predikat,
  type Rating,
} from '@kinerja/shared';
import { connectionType } from '../../graphql/connection.js';
import { registerSharedEnum } from '../../graphql/enum.js';
import { PageArgs } from '../../graphql/pagination.js';
import { CriterionType } from '../criteria/criterion.types.js';
import { OBJECTION_STATUSES, type ObjectionStatus } from './objection.entity.js';
import { PeriodInput } from '../periods/period.types.js';

export const RatingEnum = registerSharedEnum(
  RATINGS,
  'Rating',
  'Rating of a category score (PermenPANRB 6/2022): >= 110 above, >= 90 as expected, else below (policy thresholds).',
  {
    DI_ATAS_EKSPEKTASI: 'Di atas ekspektasi: above expectations.',
    SESUAI_EKSPEKTASI: 'Sesuai ekspektasi: as expected.',
    DI_BAWAH_EKSPEKTASI: 'Di bawah ekspektasi: below expectations.',
  },
);

export const PredikatEnum = registerSharedEnum(
  PREDIKATS,
  'Predikat',
  "An employee's performance predikat, from the two ratings (PermenPANRB 6/2022 matrix).",
  {
    SANGAT_BAIK: 'Sangat Baik: very good (both ratings above expectations).',
    BAIK: 'Baik: good.',
    BUTUH_PERBAIKAN: 'Butuh Perbaikan: needs improvement.',
    KURANG: 'Kurang: poor.',
    SANGAT_KURANG: 'Sangat Kurang: very poor.',
  },
);

export const EvaluationStatusEnum = registerSharedEnum(
  EVALUATION_STATUSES,
  'EvaluationStatus',
  'Life cycle of a quarterly evaluation: DRAFT -> SUBMITTED -> ACKNOWLEDGED -> FINAL, or SUBMITTED -> OBJECTED.',
  {
    DRAFT: 'Draf: the assessor is still scoring; counts nowhere.',
    SUBMITTED: 'Diajukan: submitted by the assessor to the employee.',
    OBJECTED: "Keberatan: the employee filed an objection; the assessor's superior decides it (PP 30/2019).",
    ACKNOWLEDGED: 'Diterima: acknowledged by the employee (or the objection was decided).',
    FINAL: 'Final: finalised; its results are stored with the policy version that produced them.',
  },
);

export const ObjectionStatusEnum = registerSharedEnum(
  OBJECTION_STATUSES,
  'ObjectionStatus',
  'State of an objection (keberatan) against an evaluation.',
  {
    PENDING: "Menunggu: waiting for the decision of the assessor's superior.",
    UPHELD: 'Dikabulkan: upheld; the scores may have been changed.',
    REJECTED: 'Ditolak: rejected; the scores stand.',
  },
);

/** The fields an evaluation's results share with the annual result. */
@ObjectType('Evaluation', {
  simpleResolvers: true,
  description:
    'A quarterly evaluation (penilaian triwulan) of one employee. Results of a FINAL evaluation are the stored ' +
    'ones; any other status computes them from its scores under the policy in force (`policyVersion` says which).',
})
export class EvaluationType {
  @Field(() => Int, { description: 'Database id of the evaluation.' })
  id!: number;

  @Field(() => EvaluationStatusEnum, { description: 'Where the evaluation is in its life cycle.' })
  status!: EvaluationStatus;

  @Field(() => Int, { description: 'Optimistic-locking version: pass it back when saving; a stale one is refused.' })
  version!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Work-results score (hasil kerja): weighted mean of its scored criteria; null when none is scored.',
  })
  hasilKerjaScore!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Behaviour score (perilaku kerja): weighted mean of its scored criteria; null when none is scored.',
  })
  perilakuKerjaScore!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Quarterly score (nilai kinerja) = 0.7 x work results + 0.3 x behaviour (policy weights), unrounded; null ' +
      'unless both category scores exist.',
  })
  score!: number | null;

  @Field(() => RatingEnum, { nullable: true, description: 'Rating of the work-results score; null without one.' })
  hasilKerjaRating!: Rating | null;

  @Field(() => RatingEnum, { nullable: true, description: 'Rating of the behaviour score; null without one.' })
  perilakuKerjaRating!: Rating | null;

  @Field(() => PredikatEnum, { nullable: true, description: 'Predikat from the two ratings; null unless both exist.' })
  predikat!: Predikat | null;

  @Field(() => String, {
    description: 'Version of the scoring policy of these results: the stored one when FINAL, else the one in force.',
  })
  policyVersion!: string;

  @Field(() => GraphQLDateTimeISO, { nullable: true, description: 'When the assessor submitted it (UTC).' })
  submittedAt!: Date | null;

  @Field(() => GraphQLDateTimeISO, { nullable: true, description: 'When the employee acknowledged it (UTC).' })
  acknowledgedAt!: Date | null;

  @Field(() => GraphQLDateTimeISO, { nullable: true, description: 'When it was finalised (UTC).' })
  finalizedAt!: Date | null;
}

@ObjectType('EvaluationScore', {
  simpleResolvers: true,
  description: "One criterion's score in an evaluation (nilai per kriteria).",
})
export class EvaluationScoreType {
  // A plain field, not a resolver: Evaluation.scores attaches the criteria it loads anyway (for the order), which
  // spares a resolver call per score on large pages.
  @Field(() => CriterionType, { description: 'The criterion scored.' })
  criterion!: CriterionType;

  @Field(() => Float, { description: 'Score on the PP 30/2019 scale 0..120; 100 = expectation or target met exactly.' })
  score!: number;

  @Field(() => Boolean, {
    description: "True when computed from the indicator's realisation (evidence), not judged by the assessor.",
  })
  derivedFromIndicator!: boolean;

  @Field(() => Float, { nullable: true, description: "The indicator's realisation the score was computed from." })
  realisation!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Evidence (bukti dukung) noted by the assessor; null for pseudonymised callers (free text).',
  })
  evidence!: string | null;
}

@ObjectType('Objection', { description: 'An objection (keberatan) filed by the employee against an evaluation.' })
export class ObjectionType {
  @Field(() => Int, { description: 'Database id of the objection.' })
  id!: number;

  @Field(() => String, {
    nullable: true,
    description:
      'Why the employee objects (alasan keberatan); null for pseudonymised callers (free text may name people).',
  })
  reason!: string | null;

  @Field(() => ObjectionStatusEnum, { description: 'Pending, upheld or rejected.' })
  status!: ObjectionStatus;

  @Field(() => String, {
    nullable: true,
    description: 'The decision and its reasons; null while pending, and for pseudonymised callers.',
  })
  decisionNote!: string | null;

  @Field(() => GraphQLDateTimeISO, { description: 'When it was filed (UTC).' })
  filedAt!: Date;

  @Field(() => GraphQLDateTimeISO, { nullable: true, description: 'When it was decided (UTC); null while pending.' })
  decidedAt!: Date | null;
}

export const EvaluationConnection = connectionType('Evaluation', EvaluationType, 'evaluations');

@InputType('EvaluationFilter', { description: 'Conditions on evaluations; all given conditions must hold.' })
export class EvaluationFilter {
  @Field(() => [String], {
    nullable: true,
    description: 'Agency codes: evaluations made in one of these agencies (the agency stored on the evaluation).',
  })
  agencyCodes?: string[] | null;

  @Field(() => PeriodInput, { nullable: true, description: 'First period of the range, inclusive.' })
  from?: PeriodInput | null;

  @Field(() => PeriodInput, { nullable: true, description: 'Last period of the range, inclusive.' })
  to?: PeriodInput | null;

  @Field(() => [EvaluationStatusEnum], {
    nullable: true,
    description: 'Only these statuses (one value or a list, e.g. `status: FINAL`).',
  })
  status?: EvaluationStatus[] | null;

  @Field(() => String, { nullable: true, description: 'Only evaluations by the assessor with this NIP (18 digits).' })
  assessorNip?: string | null;

  @Field(() => [PredikatEnum], {
    nullable: true,
    description: 'Only evaluations whose stored predikat is one of these (evaluations without a predikat are out).',
  })
  predikats?: Predikat[] | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Only evaluations with a stored score of at least this (inclusive, unrounded; 0 to 120).',
  })
  minScore?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Only evaluations with a stored score of at most this (inclusive, unrounded; 0 to 120).',
  })
  maxScore?: number | null;
}

/** Orders of the `evaluations` connection; every order ends with the id, so pages never overlap. */
export const EVALUATION_ORDERS = ['PERIOD_DESC', 'PERIOD_ASC', 'SCORE_DESC', 'SCORE_ASC'] as const;
export type EvaluationOrder = (typeof EVALUATION_ORDERS)[number];

export const EvaluationOrderEnum = registerSharedEnum(
  EVALUATION_ORDERS,
  'EvaluationOrder',
  'Order of the evaluations connection; ties are broken by the evaluation id, so cursors stay stable between pages.',
  {
    PERIOD_DESC: 'Newest period (year, then quarter) first.',
    PERIOD_ASC: 'Oldest period (year, then quarter) first: the order when none is given.',
    SCORE_DESC: 'Highest stored score first; evaluations without a score come last.',
    SCORE_ASC: 'Lowest stored score first; evaluations without a score come last.',
  },
);

/** The arguments of the `evaluations` connection: the page, the filter and the order. */
@ArgsType()
export class EvaluationsArgs extends PageArgs {
  @Field(() => EvaluationFilter, { nullable: true, description: 'Conditions; all must hold.' })
  filter?: EvaluationFilter | null;

  @Field(() => EvaluationOrderEnum, {
    nullable: true,
    description: 'Order of the rows; PERIOD_ASC when omitted. Ties are broken by id.',
  })
  orderBy?: EvaluationOrder | null;
}
