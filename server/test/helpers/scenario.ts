import type { MikroORM } from '@mikro-orm/postgresql';
import { DEFAULT_SCORING_POLICY, type ScoringPolicy } from '@kinerja/shared';
import { inTransaction, recomputeForPolicy, writeResults } from '../../src/modules/results/index.js';
import type {
  AgencyKind,
  CriterionCategory,
  Direction,
  EmploymentType,
  EvaluationStatus,
  PositionType,
} from '@kinerja/shared';

/**
 * Named test scenarios: agencies, the default criteria catalogue (a subset), employees with supervisors, the four
 * periods of a year, and scored evaluations, inserted in bulk (a few statements per table, whatever the size), so
 * that 200 employees x 4 quarters x 12 scores take well under a second on PostgreSQL.
 */

export interface AgencySpec {
  code: string;
  name: string;
  kind: AgencyKind;
}

export interface CriterionSpec {
  code: string;
  name: string;
  category: CriterionCategory;
  weight: number;
  /** null = city-wide. */
  agencyCode: string | null;
  indicatorUnit?: string;
  target?: number;
  direction?: Direction;
  yearFrom?: number;
  yearTo?: number | null;
}

export const DEFAULT_AGENCIES: readonly AgencySpec[] = [
  { code: 'DISDIK', name: 'Dinas Pendidikan', kind: 'DINAS' },
  { code: 'DINKES', name: 'Dinas Kesehatan', kind: 'DINAS' },
  { code: 'BKPSDM', name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', kind: 'BADAN' },
];

/** The city-wide part of the default catalogue (docs/scoring.md#criteria-and-weights): 3 work-result criteria and the 7 BerAKHLAK values. */
export const CITY_CRITERIA: readonly CriterionSpec[] = [
  { code: 'PROFESIONALISME', name: 'Profesionalisme', category: 'HASIL_KERJA', weight: 20, agencyCode: null },
  {
    code: 'DISIPLIN',
    name: 'Disiplin',
    category: 'HASIL_KERJA',
    weight: 15,
    agencyCode: null,
    indicatorUnit: '%',
    target: 95,
    direction: 'HIGHER_IS_BETTER',
  },
  { code: 'INOVASI', name: 'Inovasi', category: 'HASIL_KERJA', weight: 15, agencyCode: null },
  {
    code: 'BERORIENTASI_PELAYANAN',
    name: 'Berorientasi Pelayanan',
    category: 'PERILAKU_KERJA',
    weight: 15,
    agencyCode: null,
  },
  { code: 'AKUNTABEL', name: 'Akuntabel', category: 'PERILAKU_KERJA', weight: 15, agencyCode: null },
  { code: 'KOMPETEN', name: 'Kompeten', category: 'PERILAKU_KERJA', weight: 15, agencyCode: null },
  { code: 'HARMONIS', name: 'Harmonis', category: 'PERILAKU_KERJA', weight: 10, agencyCode: null },
  { code: 'LOYAL', name: 'Loyal', category: 'PERILAKU_KERJA', weight: 15, agencyCode: null },
  { code: 'ADAPTIF', name: 'Adaptif', category: 'PERILAKU_KERJA', weight: 15, agencyCode: null },
  { code: 'KOLABORATIF', name: 'Kolaboratif', category: 'PERILAKU_KERJA', weight: 15, agencyCode: null },
];

/** An agency's own work-result criteria (weights 30 + 20), as in the default catalogue. */
export function agencyCriteria(agencyCode: string): CriterionSpec[] {
  if (agencyCode === 'DISDIK') {
    return [
      {
        code: 'PRESTASI_SISWA',
        name: 'Peningkatan prestasi siswa',
        category: 'HASIL_KERJA',
        weight: 30,
        agencyCode,
        indicatorUnit: 'nilai',
        target: 80,
        direction: 'HIGHER_IS_BETTER',
      },
      {
        code: 'KEHADIRAN_KEGIATAN',
        name: 'Kehadiran kegiatan pendidikan',
        category: 'HASIL_KERJA',
        weight: 20,
        agencyCode,
      },
    ];
  }
  if (agencyCode === 'DINKES') {
    return [
      {
        code: 'CAKUPAN_KESMAS',
        name: 'Cakupan program kesehatan masyarakat',
        category: 'HASIL_KERJA',
        weight: 30,
        agencyCode,
        indicatorUnit: '%',
        target: 90,
        direction: 'HIGHER_IS_BETTER',
      },
      { code: 'POSYANDU', name: 'Posyandu dan penyuluhan terlaksana', category: 'HASIL_KERJA', weight: 20, agencyCode },
    ];
  }
  return [
    {
      code: 'CAPAIAN_RHK',
      name: 'Capaian target unit (RHK)',
      category: 'HASIL_KERJA',
      weight: 30,
      agencyCode,
      indicatorUnit: '%',
      target: 100,
      direction: 'HIGHER_IS_BETTER',
    },
    { code: 'IKM', name: 'Indeks kualitas layanan', category: 'HASIL_KERJA', weight: 20, agencyCode },
  ];
}

/** A criterion score as a scenario gives it: a judged number, or a realisation-derived one with its realisation. */
export type ScoreSpec = number | { score: number; realisation?: number; evidence?: string } | null;

export interface EmployeeSpec {
  nip: string;
  name: string;
  employmentType: EmploymentType;
  positionType: PositionType | null;
  rank: string | null;
  position: string | null;
}

export interface ScenarioOptions {
  /** Number of employees, spread over the agencies in turn (index 0 in the first agency, 1 in the second, ...). */
  employees: number;
  year?: number;
  /** The policy the stored results are written under (default: docs/scoring.md#criteria-and-weights's). */
  policy?: ScoringPolicy;
  quarters?: readonly number[];
  agencies?: readonly AgencySpec[];
  /** Extra criteria besides the default catalogue of every agency. */
  extraCriteria?: readonly CriterionSpec[];
  /** Changes to the generated employee record of an index. */
  employee?: (index: number) => Partial<EmployeeSpec>;
  /** Status of an employee's evaluation of a quarter; SUBMITTED by default. null: no evaluation that quarter. */
  status?: (index: number, quarter: number) => EvaluationStatus | null;
  /** Score of a criterion; the default is a deterministic 90..114 with indicator scores derived from a realisation. */
  score?: (index: number, quarter: number, criterion: CriterionSpec) => ScoreSpec;
}

export interface ScenarioEmployee extends EmployeeSpec {
  index: number;
  id: number;
  agencyCode: string;
  /** Index of the supervisor (the first employee of the agency); null for that first one. */
  supervisorIndex: number | null;
}

export interface Scenario {
  year: number;
  agencyIds: Map<string, number>;
  criteria: (CriterionSpec & { id: number })[];
  employees: ScenarioEmployee[];
  periodIds: Map<number, number>;
  evaluations: { id: number; employeeIndex: number; quarter: number; status: EvaluationStatus }[];
}

const FIRST_NAMES = ['Ahmad', 'Butet', 'Dedi', 'Fitri', 'Hotma', 'Intan', 'Josua', 'Lestari', 'Maruli', 'Nurhayati'];
const FAMILY_NAMES = ['Simanjuntak', 'Hutagalung', 'Pasaribu', 'Sitompul', 'Tanjung', 'Siregar', 'Nasution', 'Lubis'];

/**
 * A valid PNS NIP for an index: birth date 1970..1999, CPNS start 2005-03, gender digit alternating 1 (L) and 2 (P),
 * sequence 001 (unique for indexes below 10 080).
 */
export function scenarioNip(index: number): string {
  const year = 1970 + (index % 30);
  const month = 1 + (Math.floor(index / 30) % 12);
  const day = 1 + (Math.floor(index / 360) % 28);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${year}${pad(month)}${pad(day)}200503${1 + (index % 2)}${pad(1 + Math.floor(index / 10080), 3)}`;
}

function defaultEmployee(index: number, isHead: boolean): EmployeeSpec {
  return {
    nip: scenarioNip(index),
    name: `${FIRST_NAMES[index % FIRST_NAMES.length]} ${FAMILY_NAMES[Math.floor(index / FIRST_NAMES.length) % FAMILY_NAMES.length]} ${index}`,
    employmentType: 'PNS',
    positionType: isHead ? 'JPT' : index % 3 === 0 ? 'PELAKSANA' : 'FUNGSIONAL',
    rank: isHead ? 'IV/c' : 'III/b',
    position: isHead ? 'Kepala' : 'Staf',
  };
}

/** A deterministic score 90..114; indicator criteria derive theirs from a realisation. */
export function defaultScore(
  index: number,
  quarter: number,
  criterion: CriterionSpec,
  criterionIndex: number,
): ScoreSpec {
  const score = 90 + ((index * 7 + quarter * 11 + criterionIndex * 5) % 25);
  if (criterion.target !== undefined) return { score, realisation: (score * criterion.target) / 100 };
  return score;
}

/**
 * Inserts rows (keys are column names) in chunks, PostgreSQL taking at most 65 535 parameters a statement, and returns
 * their ids in order. Plain SQL through knex: `em.insertMany` answers only the first id on PostgreSQL.
 */
async function insertAll(
  orm: MikroORM,
  table: string,
  rows: Record<string, unknown>[],
  chunk = 1000,
): Promise<number[]> {
  const knex = orm.em.getConnection().getKnex();
  const ids: number[] = [];
  for (let start = 0; start < rows.length; start += chunk) {
    const inserted: { id: number }[] = await knex(table)
      .insert(rows.slice(start, start + chunk))
      .returning('id');
    ids.push(...inserted.map((row) => row.id));
  }
  return ids;
}

/** Builds a scenario in the database (which should be empty of these rows). */
export async function buildScenario(orm: MikroORM, options: ScenarioOptions): Promise<Scenario> {
  const year = options.year ?? 2025;
  const quarters = options.quarters ?? [1, 2, 3, 4];
  const agencies = options.agencies ?? DEFAULT_AGENCIES;

  const agencyIdList = await insertAll(
    orm,
    'agency',
    agencies.map((a) => ({ code: a.code, name: a.name, kind: a.kind })),
  );
  const agencyIds = new Map(agencies.map((a, i) => [a.code, agencyIdList[i]]));

  const criterionSpecs = [
    ...CITY_CRITERIA,
    ...agencies.flatMap((a) => agencyCriteria(a.code)),
    ...(options.extraCriteria ?? []),
  ];
  const criterionIds = await insertAll(
    orm,
    'criterion',
    criterionSpecs.map((c) => ({
      code: c.code,
      name: c.name,
      category: c.category,
      weight: c.weight,
      indicator_unit: c.indicatorUnit ?? null,
      target: c.target ?? null,
      direction: c.direction ?? null,
      agency_id: c.agencyCode === null ? null : agencyIds.get(c.agencyCode),
      year_from: c.yearFrom ?? 2020,
      year_to: c.yearTo ?? null,
    })),
  );
  const criteria = criterionSpecs.map((c, i) => ({ ...c, id: criterionIds[i] }));

  const periodIdList = await insertAll(
    orm,
    'period',
    quarters.map((quarter) => ({ year, quarter, status: 'OPEN' })),
  );
  const periodIds = new Map(quarters.map((q, i) => [q, periodIdList[i]]));

  // Employees: the first of each agency heads it and supervises the others (inserted first, so ids exist).
  const heads = new Map<string, number>();
  const specs = Array.from({ length: options.employees }, (_, index) => {
    const agency = agencies[index % agencies.length];
    const isHead = !heads.has(agency.code);
    if (isHead) heads.set(agency.code, index);
    const spec = { ...defaultEmployee(index, isHead), ...options.employee?.(index) };
    return { index, agencyCode: agency.code, supervisorIndex: isHead ? null : heads.get(agency.code)!, ...spec };
  });
  const headSpecs = specs.filter((s) => s.supervisorIndex === null);
  const staffSpecs = specs.filter((s) => s.supervisorIndex !== null);
  const employeeRow = (s: (typeof specs)[number], supervisorId: number | null) => ({
    nip: s.nip,
    name: s.name,
    gender: s.nip[14] === '2' ? 'P' : 'L',
    employment_type: s.employmentType,
    rank: s.rank,
    position: s.position,
    position_type: s.positionType,
    agency_id: agencyIds.get(s.agencyCode),
    supervisor_id: supervisorId,
    active_from: '2005-03-01',
  });
  const idByIndex = new Map<number, number>();
  const headIds = await insertAll(
    orm,
    'employee',
    headSpecs.map((s) => employeeRow(s, null)),
  );
  headSpecs.forEach((s, i) => idByIndex.set(s.index, headIds[i]));
  const staffIds = await insertAll(
    orm,
    'employee',
    staffSpecs.map((s) => employeeRow(s, idByIndex.get(s.supervisorIndex!)!)),
  );
  staffSpecs.forEach((s, i) => idByIndex.set(s.index, staffIds[i]));
  const employees: ScenarioEmployee[] = specs.map((s) => ({ ...s, id: idByIndex.get(s.index)! }));

  // Evaluations: one per employee and quarter (unless the status function says none), assessed by the supervisor.
  const evaluationSpecs = employees.flatMap((employee) =>
    quarters.flatMap((quarter) => {
      const status = options.status ? options.status(employee.index, quarter) : 'SUBMITTED';
      return status === null ? [] : [{ employee, quarter, status }];
    }),
  );
  const evaluationIds = await insertAll(
    orm,
    'evaluation',
    evaluationSpecs.map(({ employee, quarter, status }) => {
      if (status === 'FINAL') {
        throw new Error('scenario: finalise with finalizeEvaluation(), which stores the results, not by status');
      }
      return {
        employee_id: employee.id,
        period_id: periodIds.get(quarter),
        agency_id: agencyIds.get(employee.agencyCode),
        assessor_id: employee.supervisorIndex === null ? null : idByIndex.get(employee.supervisorIndex),
        status,
        submitted_at: status === 'DRAFT' ? null : new Date(Date.UTC(year, quarter * 3, 5)),
      };
    }),
  );
  const evaluations = evaluationSpecs.map((e, i) => ({
    id: evaluationIds[i],
    employeeIndex: e.employee.index,
    quarter: e.quarter,
    status: e.status,
  }));

  // Scores: every criterion in force for the employee's agency, unless the score function leaves it out.
  const scoreRows: Record<string, unknown>[] = [];
  evaluationSpecs.forEach(({ employee, quarter }, i) => {
    criteria
      .filter((c) => c.agencyCode === null || c.agencyCode === employee.agencyCode)
      .filter((c) => (c.yearFrom ?? 2020) <= year && (c.yearTo ?? year) >= year)
      .forEach((criterion, criterionIndex) => {
        const given = options.score
          ? options.score(employee.index, quarter, criterion)
          : defaultScore(employee.index, quarter, criterion, criterionIndex);
        if (given === null) return;
        const spec = typeof given === 'number' ? { score: given } : given;
        scoreRows.push({
          evaluation_id: evaluationIds[i],
          criterion_id: criterion.id,
          score: spec.score,
          realisation: spec.realisation ?? null,
          derived_from_indicator: spec.realisation !== undefined,
          evidence: spec.evidence ?? null,
        });
      });
  });
  await insertAll(orm, 'evaluation_score', scoreRows);
  // As every write path does: the stored results through the one results writer (docs/scoring.md).
  await inTransaction(orm, (sql) => writeResults(sql, evaluationIds, options.policy ?? DEFAULT_SCORING_POLICY));

  return { year, agencyIds, criteria, employees, periodIds, evaluations };
}

/**
 * For a test that inserted rows directly (innovations, scores): rewrites every stored result that is not FINAL or
 * frozen through the one results writer, as the write paths of the application do.
 */
export async function rewriteResults(orm: MikroORM, policy: ScoringPolicy = DEFAULT_SCORING_POLICY): Promise<void> {
  await inTransaction(orm, (sql) => recomputeForPolicy(sql, policy, true));
}
