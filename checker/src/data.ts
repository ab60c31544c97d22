import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { numberOf, readCsv } from './csv.js';
import {
  annualOf,
  resultOf,
  categoryScore,
  indicatorScore,
  type AnnualOutcome,
  type Category,
  type Result,
} from './rules.js';

/**
 * The import folder read into plain records (docs/import.md describes the files), and the quarterly and annual
 * results recomputed from them. Only what the checked figures need is kept.
 */

export type Status = 'DRAFT' | 'SUBMITTED' | 'OBJECTED' | 'ACKNOWLEDGED' | 'FINAL';

/** Evaluations counted by every result and analytics figure: SUBMITTED, ACKNOWLEDGED and FINAL. */
export const COUNTED: ReadonlySet<Status> = new Set(['SUBMITTED', 'ACKNOWLEDGED', 'FINAL']);

export interface Employee {
  nip: string;
  agencyCode: string;
  employmentType: string;
  rank: string;
  positionType: string;
  gender: string;
  supervisorNip: string | null;
}

export interface Criterion {
  code: string;
  category: Category;
  weight: number;
  agencyCode: string | null;
  yearFrom: number;
  yearTo: number | null;
  target: number | null;
  lowerIsBetter: boolean;
}

export interface CriterionScore {
  code: string;
  category: Category;
  weight: number;
  score: number;
  derived: boolean;
}

export interface Evaluation extends Result {
  nip: string;
  year: number;
  quarter: number;
  agencyCode: string;
  assessorNip: string | null;
  status: Status;
  scores: CriterionScore[];
}

export interface Participation {
  nip: string;
  trainingCode: string;
  completedOn: string;
  hoursJp: number;
}

export interface Dataset {
  agencies: string[];
  employees: Map<string, Employee>;
  evaluations: Evaluation[];
  /** Verified innovations per `nip|year`. */
  verifiedInnovations: Map<string, number>;
  /** COMPLETED participations with a completion date (the only ones that count anywhere). */
  participations: Participation[];
  trainingCriteria: Map<string, string[]>;
  /** Org predikat per `agency|year`. */
  orgPredikats: Map<string, string>;
}

export function loadFolder(folder: string): Dataset {
  const file = (name: string) => {
    const path = join(folder, name);
    return existsSync(path) ? readCsv(path) : { separator: ',' as const, rows: [] };
  };

  const agencies = file('agencies.csv').rows.map((r) => r.code as string);

  const employees = new Map<string, Employee>();
  for (const r of file('employees.csv').rows) {
    employees.set(r.nip as string, {
      nip: r.nip as string,
      agencyCode: r.agency_code as string,
      employmentType: r.employment_type as string,
      rank: r.rank ?? '',
      positionType: r.position_type ?? '',
      gender: r.gender ?? '',
      supervisorNip: r.supervisor_nip || null,
    });
  }

  const criteriaFile = file('criteria.csv');
  const criteria: Criterion[] = criteriaFile.rows.map((r) => ({
    code: r.code as string,
    category: r.category as Category,
    weight: numberOf(r.weight, criteriaFile.separator) as number,
    agencyCode: r.agency_code || null,
    yearFrom: Number(r.year_from),
    yearTo: r.year_to ? Number(r.year_to) : null,
    target: numberOf(r.target, criteriaFile.separator),
    lowerIsBetter: r.direction === 'LOWER_IS_BETTER',
  }));
  const criterionFor = (code: string, agencyCode: string, year: number): Criterion => {
    const found = criteria.find(
      (c) =>
        c.code === code &&
        (c.agencyCode === null || c.agencyCode === agencyCode) &&
        c.yearFrom <= year &&
        (c.yearTo === null || year <= c.yearTo),
    );
    if (!found) throw new Error(`criterion ${code} is not in force for ${agencyCode} in ${year}`);
    return found;
  };

  const scoresFile = file('scores.csv');
  const byKey = new Map<string, Evaluation>();
  for (const r of scoresFile.rows) {
    const nip = r.nip as string;
    const year = Number(r.year);
    const quarter = Number(r.quarter);
    const key = `${nip}|${year}|${quarter}`;
    let evaluation = byKey.get(key);
    if (!evaluation) {
      const employee = employees.get(nip);
      if (!employee) throw new Error(`scores.csv: employee ${nip} not in employees.csv`);
      evaluation = {
        nip,
        year,
        quarter,
        agencyCode: r.agency_code || employee.agencyCode,
        assessorNip: r.assessor_nip || employee.supervisorNip,
        status: (r.status || 'FINAL') as Status,
        scores: [],
        ...resultOf(null, null),
      };
      byKey.set(key, evaluation);
    }
    const criterion = criterionFor(r.criterion_code as string, evaluation.agencyCode, year);
    const judged = numberOf(r.score, scoresFile.separator);
    const realisation = numberOf(r.realisation, scoresFile.separator);
    let score: number;
    let derived = false;
    if (judged !== null) score = judged;
    else if (realisation !== null && criterion.target !== null) {
      score = indicatorScore(realisation, criterion.target, criterion.lowerIsBetter);
      derived = true;
    } else continue;
    evaluation.scores.push({
      code: criterion.code,
      category: criterion.category,
      weight: criterion.weight,
      score,
      derived,
    });
  }
  const evaluations = [...byKey.values()];
  for (const e of evaluations) {
    const of = (category: Category) => categoryScore(e.scores.filter((s) => s.category === category));
    Object.assign(e, resultOf(of('HASIL_KERJA'), of('PERILAKU_KERJA')));
  }

  const verifiedInnovations = new Map<string, number>();
  for (const r of file('innovations.csv').rows) {
    if (!r.verified_by_nip) continue;
    const key = `${r.nip}|${r.year}`;
    verifiedInnovations.set(key, (verifiedInnovations.get(key) ?? 0) + 1);
  }

  const trainingsFile = file('trainings.csv');
  const trainingHours = new Map<string, number>();
  const trainingCriteria = new Map<string, string[]>();
  for (const r of trainingsFile.rows) {
    trainingHours.set(r.code as string, numberOf(r.hours_jp, trainingsFile.separator) as number);
    trainingCriteria.set(r.code as string, r.criterion_codes ? (r.criterion_codes as string).split('|') : []);
  }
  const participationsFile = file('participations.csv');
  const participations: Participation[] = [];
  for (const r of participationsFile.rows) {
    if ((r.status || 'COMPLETED') !== 'COMPLETED' || !r.completed_on) continue;
    participations.push({
      nip: r.nip as string,
      trainingCode: r.training_code as string,
      completedOn: r.completed_on,
      hoursJp:
        numberOf(r.hours_jp, participationsFile.separator) ?? (trainingHours.get(r.training_code as string) as number),
    });
  }

  const orgPredikats = new Map<string, string>();
  for (const r of file('org_performance.csv').rows)
    orgPredikats.set(`${r.agency_code}|${r.year}`, r.predikat as string);

  return { agencies, employees, evaluations, verifiedInnovations, participations, trainingCriteria, orgPredikats };
}

export interface AnnualRow extends AnnualOutcome {
  nip: string;
  year: number;
  /** The agency of the employee's last counted evaluation that year (where the agency comparison counts them). */
  agencyCode: string;
}

/** Annual results of every employee and year with a counted evaluation. */
export function annualResults(data: Dataset): AnnualRow[] {
  const groups = new Map<string, Evaluation[]>();
  for (const e of data.evaluations) {
    if (!COUNTED.has(e.status)) continue;
    const key = `${e.nip}|${e.year}`;
    const list = groups.get(key) ?? [];
    list.push(e);
    groups.set(key, list);
  }
  const rows: AnnualRow[] = [];
  for (const [key, list] of groups) {
    const outcome = annualOf(list, data.verifiedInnovations.get(key) ?? 0);
    if (!outcome) continue;
    const last = list.reduce((a, b) => (b.quarter > a.quarter ? b : a));
    rows.push({ ...outcome, nip: last.nip, year: last.year, agencyCode: last.agencyCode });
  }
  return rows;
}
