import type { EmploymentType, Gender, PositionType } from '@kinerja/shared';
import { AGENCIES, type AgencyTemplate, type LeaderRole, type Unit } from './agencies.js';
import {
  ENTRY_RANK,
  HEALTH_JOBS,
  JOBS,
  LEADER_PROFILES,
  MAX_RANK_BY_EDUCATION,
  PNS_RANKS,
  PPPK_RANK,
  TEACHING_JOBS,
  jenjang,
  type Education,
  type Job,
  type JobKey,
  type Qualification,
} from './jobs.js';
import { personName, withTitles } from './names.js';
import { apportion, Random } from './random.js';
import { daysInMonth, isoDate, type DemoDataSettings } from './settings.js';

/**
 * Turns the agency charts into people: scales the charts to the number of employees asked for, then draws each
 * post's holder (name, gender, birth date, start date, NIP, rank, title). People come out in pre-order, every head
 * before the people under them, so each supervisor NIP refers to a row written earlier.
 */

/** Teachers (and heads of schools), health workers, everyone else: trainings are aimed at one group or another. */
export type Sector = 'PENDIDIKAN' | 'KESEHATAN' | 'UMUM';

export interface Person {
  nip: string;
  name: string;
  gender: Gender;
  employmentType: EmploymentType;
  rank: string;
  position: string;
  positionType: PositionType;
  agencyCode: string;
  /** Null only for the Sekda, whose assessor (the Wali Kota) is not in the system. */
  supervisorNip: string | null;
  activeFrom: string;
  /** Retirement date for those who reach the retirement age within the data; otherwise null. */
  activeTo: string | null;
  sector: Sector;
  /** Set for the head of a unit. */
  leaderRole: LeaderRole | null;
  /** Set for staff; null for heads of units. */
  jobKey: JobKey | null;
  /** Year the person became CPNS or started the PPPK contract. */
  startYear: number;
  /** NIPs of the people who report to this person directly. */
  subordinates: string[];
}

export interface Organisation {
  agencies: readonly AgencyTemplate[];
  people: Person[];
  byNip: ReadonlyMap<string, Person>;
  /** NIP of each agency's head. */
  headOf: ReadonlyMap<string, string>;
}

/** The smallest data set: one head per agency. */
export const MINIMUM_EMPLOYEES = AGENCIES.length;

export function buildOrganisation(settings: DemoDataSettings): Organisation {
  const agencyBudgets = apportion(
    settings.employees - AGENCIES.length,
    AGENCIES.map((a) => idealSize(a.head) - 1),
  ).map((extra) => extra + 1);

  const factory = new PersonFactory(settings);
  const people: Person[] = [];
  const headOf = new Map<string, string>();
  let sekdaNip: string | null = null;

  AGENCIES.forEach((agency, i) => {
    const plan = allocate(agency.head, agencyBudgets[i] as number);
    const emit = (node: Plan, supervisorNip: string | null): void => {
      const head = factory.leader(agency, node.unit, supervisorNip);
      people.push(head);
      for (const job of staffJobs(node)) people.push(factory.staff(agency, job, head.nip));
      for (const child of node.children) emit(child, head.nip);
    };
    // Every agency head reports to the Sekda, the head of the first agency (SETDA), across agency lines.
    emit(plan, sekdaNip);
    const head = people.find((p) => p.agencyCode === agency.code) as Person;
    headOf.set(agency.code, head.nip);
    sekdaNip ??= head.nip;
  });

  const byNip = new Map(people.map((p) => [p.nip, p]));
  for (const person of people) {
    if (person.supervisorNip !== null) byNip.get(person.supervisorNip)?.subordinates.push(person.nip);
  }
  return { agencies: AGENCIES, people, byNip, headOf };
}

/** A unit as it will be staffed: how many direct staff, and which sub-units with their own plans. */
interface Plan {
  unit: Unit;
  staff: number;
  children: Plan[];
}

const idealSizes = new Map<Unit, number>();

/** People in a unit at full size, its head included. */
function idealSize(unit: Unit): number {
  let size = idealSizes.get(unit);
  if (size === undefined) {
    size = 1 + unit.staff.count + unit.children.reduce((s, c) => s + idealSize(c), 0);
    idealSizes.set(unit, size);
  }
  return size;
}

/** A sub-unit is only kept with at least this many people (a school needs teachers, not just a headmaster). */
function minimumSize(unit: Unit): number {
  const ideal = idealSize(unit);
  return Math.min(ideal, Math.max(4, Math.min(10, Math.round(ideal / 2))));
}

/**
 * Staffs a unit with exactly `budget` people. The head takes one; the rest is shared between the direct staff and
 * the sub-units in proportion to their full sizes. When the budget cannot give every sub-unit its minimum, the
 * largest sub-units are kept, so a small data set still has a school with teachers and a puskesmas with nurses.
 */
function allocate(unit: Unit, budget: number): Plan {
  const rest = budget - 1;
  if (rest <= 0) return { unit, staff: 0, children: [] };

  const bySize = unit.children
    .map((child, order) => ({ child, order }))
    .sort((a, b) => idealSize(b.child) - idealSize(a.child) || a.order - b.order);
  const kept = new Set<Unit>();
  let committed = 0;
  for (const { child } of bySize) {
    if (committed + minimumSize(child) > rest) continue;
    kept.add(child);
    committed += minimumSize(child);
  }
  const children = unit.children.filter((c) => kept.has(c));
  if (children.length === 0) return { unit, staff: rest, children: [] };

  const [staff = 0, ...childBudgets] = apportion(rest, [unit.staff.count, ...children.map(idealSize)]);
  return {
    unit,
    staff,
    children: children.flatMap((child, i) => {
      const childBudget = childBudgets[i] ?? 0;
      return childBudget > 0 ? [allocate(child, childBudget)] : [];
    }),
  };
}

/**
 * The jobs of a unit's direct staff, split over the unit's mix. A head without staff of their own whose sub-units
 * did not fit (a Kepala Dinas Kesehatan in a tiny data set) gets the mix of the biggest team below them, so the
 * agency still looks like itself: nurses and midwives, not clerks.
 */
function staffJobs(plan: Plan): JobKey[] {
  const own = plan.unit.staff.count > 0 ? plan.unit.staff.jobs : biggestTeam(plan.unit).staff.jobs;
  // A post with no team at all (a Staf Ahli) that still gets a person under it gets a clerk.
  const mix = own.length > 0 ? own : ([['ADMINISTRASI', 1]] as const);
  const counts = apportion(
    plan.staff,
    mix.map(([, weight]) => weight),
  );
  return mix.flatMap(([job], i) => Array.from({ length: counts[i] ?? 0 }, () => job));
}

/** The unit with the most direct staff in a chart (the unit itself when nothing below is bigger). */
function biggestTeam(unit: Unit): Unit {
  let biggest = unit;
  for (const child of unit.children) {
    const candidate = biggestTeam(child);
    if (candidate.staff.count > biggest.staff.count) biggest = candidate;
  }
  return biggest;
}

/** Rank band (indexes into PNS_RANKS) and birth years of the holders of each kind of post. */
const LEADER_BANDS: Readonly<Record<LeaderRole, { rank: [number, number]; born: [number, number]; female?: number }>> =
  {
    SEKDA: { rank: [14, 15], born: [1967, 1972], female: 0.2 },
    JPT: { rank: [13, 14], born: [1966, 1976], female: 0.2 },
    ADMINISTRATOR: { rank: [12, 13], born: [1968, 1982] },
    PENGAWAS: { rank: [10, 11], born: [1968, 1990] },
    KEPALA_SEKOLAH: { rank: [11, 13], born: [1966, 1980] },
    KEPALA_RUANGAN: { rank: [9, 11], born: [1972, 1990] },
  };

/** Minimum age at the start of service by education: nobody enters before 19 (PP 11/2017 requires 18). */
const MINIMUM_START_AGE: Readonly<Record<Education, number>> = { SMA: 20, D3: 22, S1: 23, PROFESI: 25, S2: 26 };

/** Latest age at the CPNS start (PP 11/2017 Pasal 23: at most 35). */
const MAXIMUM_CPNS_AGE = 35;

const BIRTH_YEAR_MIN = 1966;
const BIRTH_YEAR_MAX = 2001;

/** Draws the holder of each post; keeps the NIPs unique. */
class PersonFactory {
  private readonly rng: Random;
  private readonly usedNips = new Set<string>();
  private readonly referenceYear: number;

  constructor(private readonly settings: DemoDataSettings) {
    this.rng = new Random(settings.seed, 'people');
    this.referenceYear = settings.lastYear;
  }

  leader(agency: AgencyTemplate, unit: Unit, supervisorNip: string | null): Person {
    const rng = this.rng;
    const band = LEADER_BANDS[unit.role];
    const profile = LEADER_PROFILES[unit.holder];
    const gender: Gender = rng.chance(band.female ?? profile.female) ? 'P' : 'L';
    const qualification = rng.weighted(profile.qualifications.map((q) => [q, q.weight] as const));
    const birthYear = rng.int(band.born[0], band.born[1]);
    const startYear = birthYear + rng.int(23, 30);
    const entry = qualification.education === 'PROFESI' ? ENTRY_RANK.PROFESI : ENTRY_RANK.S1;
    const rank = clamp(entry + Math.floor((this.referenceYear - startYear) / 4), band.rank[0], band.rank[1]);
    const sector: Sector =
      unit.role === 'KEPALA_SEKOLAH'
        ? 'PENDIDIKAN'
        : unit.holder === 'KESEHATAN' || unit.holder === 'KEPERAWATAN'
          ? 'KESEHATAN'
          : 'UMUM';
    const birth = this.birthDate(birthYear);
    const startMonth = this.startMonth();
    return {
      nip: this.pnsNip(birth, startYear, startMonth, gender),
      name: this.titledName(gender, qualification),
      gender,
      employmentType: 'PNS',
      rank: PNS_RANKS[rank] as string,
      position: unit.title,
      positionType: unit.positionType,
      agencyCode: agency.code,
      supervisorNip,
      activeFrom: isoDate(startYear, startMonth, 1),
      activeTo: null,
      sector,
      leaderRole: unit.role,
      jobKey: null,
      startYear,
      subordinates: [],
    };
  }

  staff(agency: AgencyTemplate, jobKey: JobKey, supervisorNip: string): Person {
    const rng = this.rng;
    const job: Job = JOBS[jobKey];
    const gender: Gender = rng.chance(job.female) ? 'P' : 'L';
    const qualification = rng.weighted(job.qualifications.map((q) => [q, q.weight] as const));
    const pppk = rng.chance(job.pppk);
    const title = rng.pick(job.titles);
    const track = qualification.education === 'SMA' || qualification.education === 'D3' ? 'KETERAMPILAN' : 'KEAHLIAN';

    // Draw until the person is still in service at the start of the data (retirees are drawn again).
    for (;;) {
      const start = pppk ? this.pppkStart(qualification.education) : this.pnsStart(qualification.education);
      const rank = pppk
        ? ENTRY_RANK[qualification.education]
        : clamp(
            ENTRY_RANK[qualification.education] + Math.floor((this.referenceYear - start.year) / 4),
            0,
            job.positionType === 'PELAKSANA'
              ? Math.min(job.maxRank, MAX_RANK_BY_EDUCATION[qualification.education])
              : job.maxRank,
          );
      const level = job.jenjang ? jenjang(track, rank) : null;
      const retirementAge = level === 'Ahli Madya' ? 60 : job.retirementAge;
      const activeTo = this.retirement(start.birth, retirementAge);
      if (activeTo !== null && activeTo < isoDate(this.settings.firstYear, 3, 31)) continue;

      return {
        nip: pppk
          ? this.pppkNip(start.birth, start.year, start.contract, gender)
          : this.pnsNip(start.birth, start.year, start.month, gender),
        name: this.titledName(gender, qualification),
        gender,
        employmentType: pppk ? 'PPPK' : 'PNS',
        rank: pppk ? PPPK_RANK[qualification.education] : (PNS_RANKS[rank] as string),
        position: level === null ? title : `${title} ${level}`,
        positionType: job.positionType,
        agencyCode: agency.code,
        supervisorNip,
        activeFrom: isoDate(start.year, start.month, 1),
        activeTo,
        sector: TEACHING_JOBS.has(jobKey) ? 'PENDIDIKAN' : HEALTH_JOBS.has(jobKey) ? 'KESEHATAN' : 'UMUM',
        leaderRole: null,
        jobKey,
        startYear: start.year,
        subordinates: [],
      };
    }
  }

  /**
   * Year of the CPNS start. Sibolga hired steadily until 2014 (most heavily 2005-2009, when honorary staff were
   * appointed), hardly at all in the 2015-2016 moratorium, and again from 2017; a few start within the data years.
   */
  private pnsStart(education: Education): { year: number; month: number; birth: string; contract: number } {
    const rng = this.rng;
    const { firstYear, lastYear } = this.settings;
    const weights: [number, number][] = [];
    for (let year = 1986; year <= lastYear; year++) {
      const weight =
        year >= firstYear
          ? 1.2
          : year <= 1995
            ? 1
            : year <= 2004
              ? 1.6
              : year <= 2009
                ? 2.6
                : year <= 2014
                  ? 1.5
                  : year <= 2016
                    ? 0.2
                    : 1;
      weights.push([year, weight]);
    }
    for (;;) {
      const year = rng.weighted(weights);
      const youngest = Math.max(MINIMUM_START_AGE[education], year - BIRTH_YEAR_MAX);
      const oldest = Math.min(MAXIMUM_CPNS_AGE, year - BIRTH_YEAR_MIN);
      if (youngest > oldest) continue;
      const birthYear = year - rng.int(youngest, oldest);
      const month = this.startMonth();
      // Nobody starts after the day the data are as of.
      if (isoDate(year, month, 1) > this.settings.today) continue;
      return { year, month, birth: this.birthDate(birthYear), contract: 0 };
    }
  }

  /**
   * Start of a PPPK contract. The first PPPK (mostly teachers) started in 2021-2022, more came each year since.
   * PPPK have no upper age limit like CPNS: many are long-serving honorary teachers and nurses appointed in their 40s.
   */
  private pppkStart(education: Education): { year: number; month: number; birth: string; contract: number } {
    const rng = this.rng;
    const weights = (
      [
        [2021, 3],
        [2022, 4],
        [2023, 2],
        [2024, 2],
        [2025, 0.5],
      ] as [number, number][]
    ).filter(([year]) => year <= this.settings.lastYear);
    for (;;) {
      const year = weights.length > 0 ? rng.weighted(weights) : this.settings.lastYear;
      const youngest = Math.max(MINIMUM_START_AGE[education], year - BIRTH_YEAR_MAX);
      const oldest = Math.min(50, year - BIRTH_YEAR_MIN);
      if (youngest > oldest) continue;
      const birthYear = year - rng.int(youngest, oldest);
      // Those appointed first have often had their contract renewed once.
      const contract = year <= 2022 && rng.chance(0.25) ? 2 : 1;
      const month = rng.weighted(PPPK_MONTHS);
      if (isoDate(year, month, 1) > this.settings.today) continue;
      return { year, month, birth: this.birthDate(birthYear), contract };
    }
  }

  private birthDate(year: number): string {
    const month = this.rng.int(1, 12);
    return isoDate(year, month, this.rng.int(1, daysInMonth(year, month)));
  }

  /** CPNS usually start on the first of January, March or April (TMT CPNS of the national selections). */
  private startMonth(): number {
    return this.rng.weighted(CPNS_MONTHS);
  }

  /**
   * Last day of service: the end of the month in which the person reaches the retirement age, if it lies within the
   * data (on or before the day they are as of).
   */
  private retirement(birth: string, retirementAge: number): string | null {
    const year = Number(birth.slice(0, 4)) + retirementAge;
    const month = Number(birth.slice(5, 7));
    const last = isoDate(year, month, daysInMonth(year, month));
    return last > this.settings.today ? null : last;
  }

  /** NIP of a PNS: birth date, CPNS start YYYYMM, gender digit, sequence (BKN numbering). */
  private pnsNip(birth: string, startYear: number, startMonth: number, gender: Gender): string {
    const prefix = `${birth.replaceAll('-', '')}${startYear}${String(startMonth).padStart(2, '0')}${gender === 'L' ? 1 : 2}`;
    return this.uniqueNip(prefix);
  }

  /** NIP of a PPPK: like a PNS, but the month position holds 2 and the contract count. */
  private pppkNip(birth: string, startYear: number, contract: number, gender: Gender): string {
    return this.uniqueNip(`${birth.replaceAll('-', '')}${startYear}2${contract}${gender === 'L' ? 1 : 2}`);
  }

  /** Sequences are mostly small numbers; a clash with an earlier person takes the next free one. */
  private uniqueNip(prefix: string): string {
    let sequence = this.rng.weighted(SEQUENCES);
    for (;;) {
      const nip = `${prefix}${String(sequence).padStart(3, '0')}`;
      if (!this.usedNips.has(nip)) {
        this.usedNips.add(nip);
        return nip;
      }
      sequence = sequence >= 999 ? 1 : sequence + 1;
    }
  }

  private titledName(gender: Gender, qualification: Qualification): string {
    const suffix = qualification.suffixes.length > 0 ? this.rng.pick(qualification.suffixes) : '';
    return withTitles(personName(this.rng, gender), qualification.prefix ?? '', suffix);
  }
}

const CPNS_MONTHS: readonly [number, number][] = [
  [1, 4],
  [2, 1],
  [3, 3],
  [4, 3],
  [5, 1],
  [6, 1],
  [7, 1],
  [8, 0.5],
  [9, 0.5],
  [10, 1],
  [11, 0.5],
  [12, 1.5],
];
const PPPK_MONTHS: readonly [number, number][] = [
  [1, 3],
  [2, 2],
  [3, 2],
  [4, 2],
  [7, 1],
  [10, 1],
];
const SEQUENCES: readonly [number, number][] = [
  [1, 10],
  [2, 6],
  [3, 4],
  [4, 3],
  [5, 2],
  [6, 2],
  [7, 1],
  [8, 1],
  [9, 1],
  [10, 1],
];

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
