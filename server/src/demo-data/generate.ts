import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type {
  AgencyKind,
  CriterionCategory,
  Direction,
  EmploymentType,
  Gender,
  OrgPredikat,
  ParticipationStatus,
  PositionType,
  TrainingKind,
} from '@kinerja/shared';
import { catalogue } from './catalogue.js';
import { writeCsvFile, type CsvValue } from './csv-writer.js';
import { planInnovations } from './innovations.js';
import { buildOrganisation, MINIMUM_EMPLOYEES } from './organisation.js';
import { Random } from './random.js';
import type { ObjectionRow } from './open-quarter.js';
import { drawTraits, ScoreModel, type ScoreRow } from './score-model.js';
import { resolveOptions, type DemoDataOptions, type DemoDataSettings } from './settings.js';
import { planTrainings } from './trainings.js';

/**
 * The Kota Sibolga demo data set: agencies, employees with their supervisors, the default criteria catalogue,
 * quarterly scores from 2023 Q1 to the current quarter (in a mid-quarter state), the current quarter's objections,
 * innovations, trainings and participations, and the agencies' own predikat, written in the bulk import format
 * (docs/import.md). Deterministic: the same seed and options give byte-identical files. The score model behind the
 * numbers is described in docs/demo-data.md.
 */

export type { DemoDataOptions, DemoDataSettings } from './settings.js';
export type { ScoreRow } from './score-model.js';
export type { ObjectionRow } from './open-quarter.js';

export interface AgencyRow {
  code: string;
  name: string;
  kind: AgencyKind;
}

export interface EmployeeRow {
  nip: string;
  name: string;
  gender: Gender;
  employmentType: EmploymentType;
  rank: string;
  position: string;
  positionType: PositionType;
  agencyCode: string;
  supervisorNip: string | null;
  activeFrom: string;
  activeTo: string | null;
}

export interface CriterionRow {
  code: string;
  name: string;
  category: CriterionCategory;
  weight: number;
  agencyCode: string | null;
  yearFrom: number;
  yearTo: number | null;
  indicatorUnit: string | null;
  target: number | null;
  direction: Direction | null;
  description: string;
}

export interface InnovationRow {
  nip: string;
  year: number;
  quarter: number;
  title: string;
  description: string;
  verifiedByNip: string | null;
}

export interface TrainingRow {
  code: string;
  title: string;
  kind: TrainingKind;
  organizer: string;
  hoursJp: number;
  startDate: string;
  endDate: string;
  criterionCodes: readonly string[];
}

export interface ParticipationRow {
  trainingCode: string;
  nip: string;
  status: ParticipationStatus | null;
  completedOn: string | null;
  hoursJp: number | null;
}

export interface OrgPerformanceRow {
  agencyCode: string;
  year: number;
  predikat: OrgPredikat;
}

export interface DemoDataSet {
  settings: DemoDataSettings;
  agencies: AgencyRow[];
  /** Supervisors before the people they supervise. */
  employees: EmployeeRow[];
  criteria: CriterionRow[];
  /**
   * The score rows, produced lazily: each iteration generates them afresh (and identically), so a caller that only
   * needs the employees pays nothing for the half a million scores.
   */
  scores: Iterable<ScoreRow>;
  /**
   * Objections filed against submitted evaluations of the current quarter. The import format has no file for them:
   * scores.csv holds those evaluations as SUBMITTED, and the demo load files the objections after the import.
   */
  objections: readonly ObjectionRow[];
  innovations: InnovationRow[];
  trainings: TrainingRow[];
  participations: ParticipationRow[];
  orgPerformance: OrgPerformanceRow[];
}

export function generateDemoData(options: DemoDataOptions = {}): DemoDataSet {
  const settings = resolveOptions(options, MINIMUM_EMPLOYEES);
  const org = buildOrganisation(settings);
  const traits = drawTraits(settings, org.people);
  const { trainings, participations } = planTrainings(settings, org);
  const innovations = planInnovations(settings, org, traits);

  const firstCompletion = new Map<string, string>();
  for (const p of participations) {
    const completed = p.status === null || p.status === 'COMPLETED';
    if (!completed || p.completedOn === null) continue;
    const earlier = firstCompletion.get(p.nip);
    if (earlier === undefined || p.completedOn < earlier) firstCompletion.set(p.nip, p.completedOn);
  }
  const innovationQuarters = new Map<string, number[]>();
  for (const innovation of innovations) {
    const quarters = innovationQuarters.get(innovation.nip) ?? [];
    quarters.push(innovation.quarterIndex);
    innovationQuarters.set(innovation.nip, quarters);
  }
  const model = new ScoreModel({ settings, org, traits, firstCompletion, innovationQuarters });

  const predikatRng = new Random(settings.seed, 'org-performance');
  return {
    settings,
    agencies: org.agencies.map(({ code, name, kind }) => ({ code, name, kind })),
    employees: org.people.map((p) => ({
      nip: p.nip,
      name: p.name,
      gender: p.gender,
      employmentType: p.employmentType,
      rank: p.rank,
      position: p.position,
      positionType: p.positionType,
      agencyCode: p.agencyCode,
      supervisorNip: p.supervisorNip,
      activeFrom: p.activeFrom,
      activeTo: p.activeTo,
    })),
    criteria: catalogue(org.agencies.map((a) => a.code)).map((c) => ({
      code: c.code,
      name: c.name,
      category: c.category,
      weight: c.weight,
      agencyCode: c.agencyCode,
      yearFrom: settings.firstYear,
      yearTo: null,
      indicatorUnit: c.indicator?.unit ?? null,
      target: c.indicator?.target ?? null,
      direction: c.indicator?.direction ?? null,
      description: c.description,
    })),
    scores: { [Symbol.iterator]: () => model.rows() },
    objections: model.objections,
    innovations: innovations.map(({ nip, year, quarter, title, description, verifiedByNip }) => ({
      nip,
      year,
      quarter,
      title,
      description,
      verifiedByNip,
    })),
    trainings,
    participations,
    // An agency's own predikat is set after its year: none yet for the current year.
    orgPerformance: settings.years
      .filter((year) => year < settings.current.year)
      .flatMap((year) =>
        org.agencies.map((a) => ({ agencyCode: a.code, year, predikat: model.orgPredikat(a.code, predikatRng) })),
      ),
  };
}

/** One file of the data set: its name, its header (the import format's column names) and its rows as CSV values. */
export interface DemoDataFile {
  file: string;
  columns: readonly string[];
  rows: (data: DemoDataSet) => Iterable<readonly CsvValue[]>;
}

/** The eight files, in the order the import applies them. */
export const DEMO_DATA_FILES: readonly DemoDataFile[] = [
  {
    file: 'agencies.csv',
    columns: ['code', 'name', 'kind'],
    rows: (d) => d.agencies.map((a) => [a.code, a.name, a.kind]),
  },
  {
    file: 'employees.csv',
    columns: [
      'nip',
      'name',
      'gender',
      'employment_type',
      'rank',
      'position',
      'position_type',
      'agency_code',
      'supervisor_nip',
      'active_from',
      'active_to',
    ],
    rows: (d) =>
      d.employees.map((e) => [
        e.nip,
        e.name,
        e.gender,
        e.employmentType,
        e.rank,
        e.position,
        e.positionType,
        e.agencyCode,
        e.supervisorNip,
        e.activeFrom,
        e.activeTo,
      ]),
  },
  {
    file: 'criteria.csv',
    columns: [
      'code',
      'name',
      'category',
      'weight',
      'agency_code',
      'year_from',
      'year_to',
      'indicator_unit',
      'target',
      'direction',
      'description',
    ],
    rows: (d) =>
      d.criteria.map((c) => [
        c.code,
        c.name,
        c.category,
        c.weight,
        c.agencyCode,
        c.yearFrom,
        c.yearTo,
        c.indicatorUnit,
        c.target,
        c.direction,
        c.description,
      ]),
  },
  {
    file: 'scores.csv',
    columns: [
      'nip',
      'year',
      'quarter',
      'criterion_code',
      'score',
      'realisation',
      'assessor_nip',
      'agency_code',
      'status',
      'evidence',
    ],
    // The status column stays empty (FINAL) except in the current quarter.
    rows: (d) =>
      mapIterable(d.scores, (s) => [
        s.nip,
        s.year,
        s.quarter,
        s.criterionCode,
        s.score,
        s.realisation,
        s.assessorNip,
        s.agencyCode,
        s.status,
        s.evidence,
      ]),
  },
  {
    file: 'innovations.csv',
    columns: ['nip', 'year', 'quarter', 'title', 'description', 'verified_by_nip'],
    rows: (d) => d.innovations.map((i) => [i.nip, i.year, i.quarter, i.title, i.description, i.verifiedByNip]),
  },
  {
    file: 'trainings.csv',
    columns: ['code', 'title', 'kind', 'organizer', 'hours_jp', 'start_date', 'end_date', 'criterion_codes'],
    rows: (d) =>
      d.trainings.map((t) => [
        t.code,
        t.title,
        t.kind,
        t.organizer,
        t.hoursJp,
        t.startDate,
        t.endDate,
        t.criterionCodes.join('|'),
      ]),
  },
  {
    file: 'participations.csv',
    columns: ['training_code', 'nip', 'status', 'completed_on', 'hours_jp'],
    rows: (d) => d.participations.map((p) => [p.trainingCode, p.nip, p.status, p.completedOn, p.hoursJp]),
  },
  {
    file: 'org_performance.csv',
    columns: ['agency_code', 'year', 'predikat'],
    rows: (d) => d.orgPerformance.map((o) => [o.agencyCode, o.year, o.predikat]),
  },
];

function* mapIterable<T, U>(items: Iterable<T>, map: (item: T) => U): Generator<U> {
  for (const item of items) yield map(item);
}

export interface DemoDataReport {
  dir: string;
  settings: DemoDataSettings;
  files: { file: string; path: string; rows: number }[];
  /** The current quarter's objections, which no import file holds (the demo load files them). */
  objections: readonly ObjectionRow[];
  milliseconds: number;
}

/** Generates the data set and writes the eight CSV files into `dir` (created if missing, files overwritten). */
export async function writeDemoData(dir: string, options: DemoDataOptions = {}): Promise<DemoDataReport> {
  const started = performance.now();
  const data = generateDemoData(options);
  await mkdir(dir, { recursive: true });
  const files: DemoDataReport['files'] = [];
  for (const { file, columns, rows } of DEMO_DATA_FILES) {
    const path = join(dir, file);
    files.push({ file, path, rows: await writeCsvFile(path, columns, rows(data)) });
  }
  return {
    dir,
    settings: data.settings,
    files,
    objections: data.objections,
    milliseconds: Math.round(performance.now() - started),
  };
}
