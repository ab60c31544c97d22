/**
 * The closed vocabularies of the domain. Each one is an `as const` array (for iteration, GraphQL enums, database
 * checks and select boxes) and the string-literal union type derived from it, so the two can never drift apart.
 */

/** PNS (civil servant) or PPPK (government employee on contract), UU 20/2023 on ASN. */
export const EMPLOYMENT_TYPES = ['PNS', 'PPPK'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

/** Kinds of position: pimpinan tinggi, administrator, pengawas, pelaksana, fungsional (UU 20/2023 on ASN). */
export const POSITION_TYPES = ['JPT', 'ADMINISTRATOR', 'PENGAWAS', 'PELAKSANA', 'FUNGSIONAL'] as const;
export type PositionType = (typeof POSITION_TYPES)[number];

/** L (laki-laki, male) or P (perempuan, female), as encoded by the NIP's gender digit 1 or 2. */
export const GENDERS = ['L', 'P'] as const;
export type Gender = (typeof GENDERS)[number];

/** The two parts of a performance appraisal: work results and work behaviour (PP 30/2019). */
export const CRITERION_CATEGORIES = ['HASIL_KERJA', 'PERILAKU_KERJA'] as const;
export type CriterionCategory = (typeof CRITERION_CATEGORIES)[number];

/** Whether a bigger realisation of an indicator is better (coverage %) or worse (complaints, days late). */
export const DIRECTIONS = ['HIGHER_IS_BETTER', 'LOWER_IS_BETTER'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** The three rating levels of a category score (PermenPANRB 6/2022), best first. */
export const RATINGS = ['DI_ATAS_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI'] as const;
export type Rating = (typeof RATINGS)[number];

/** The five predikat of an employee's performance (PermenPANRB 6/2022), best first. */
export const PREDIKATS = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const;
export type Predikat = (typeof PREDIKATS)[number];

/** The five predikat of an agency's own performance, set by the city's leaders (PermenPANRB 6/2022), best first. */
export const ORG_PREDIKATS = ['ISTIMEWA', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const;
export type OrgPredikat = (typeof ORG_PREDIKATS)[number];

/**
 * Life cycle of a quarterly evaluation: DRAFT -> SUBMITTED -> ACKNOWLEDGED (by the employee) -> FINAL, or
 * SUBMITTED -> OBJECTED (keberatan, PP 30/2019) -> ACKNOWLEDGED once the assessor's superior decides.
 */
export const EVALUATION_STATUSES = ['DRAFT', 'SUBMITTED', 'OBJECTED', 'ACKNOWLEDGED', 'FINAL'] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];

/**
 * The statuses that analytics and annual results count (docs/analytics.md#what-every-figure-counts: SUBMITTED, ACKNOWLEDGED or FINAL).
 * DRAFT is left out because the assessor has not committed to it. OBJECTED is left out too, exactly as the spec lists
 * them: an evaluation under objection drops out of the figures until the decision sets it to ACKNOWLEDGED.
 */
export const COUNTED_STATUSES = ['SUBMITTED', 'ACKNOWLEDGED', 'FINAL'] as const satisfies readonly EvaluationStatus[];
export type CountedStatus = (typeof COUNTED_STATUSES)[number];

/** A period (year x quarter) takes scores while OPEN; a CLOSED one takes no new or changed scores. */
export const PERIOD_STATUSES = ['OPEN', 'CLOSED'] as const;
export type PeriodStatus = (typeof PERIOD_STATUSES)[number];

/** Kinds of perangkat daerah (PP 18/2016; Perda Kota Sibolga 1/2017), plus LAINNYA for anything else. */
export const AGENCY_KINDS = [
  'SEKRETARIAT',
  'INSPEKTORAT',
  'DINAS',
  'BADAN',
  'SATPOL_PP',
  'RSUD',
  'KECAMATAN',
  'KELURAHAN',
  'LAINNYA',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** Forms of competence development (pengembangan kompetensi, PP 11/2017). */
export const TRAINING_KINDS = ['WORKSHOP', 'SEMINAR', 'DIKLAT', 'E_LEARNING', 'COACHING', 'BIMTEK', 'MAGANG'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];

/** An employee's participation in a training; only COMPLETED ones (with a completion date) count anywhere. */
export const PARTICIPATION_STATUSES = ['ENROLLED', 'COMPLETED', 'DROPPED'] as const;
export type ParticipationStatus = (typeof PARTICIPATION_STATUSES)[number];
