import type { EvaluationStatus, OrgPredikat } from '@kinerja/shared';
import { criteriaOfAgency, type Criterion } from './catalogue.js';
import { planOpenQuarter, type ObjectionRow, type OpenQuarterPlan } from './open-quarter.js';
import type { Organisation, Person } from './organisation.js';
import { Random } from './random.js';
import { midQuarter, quarterIndexOf, type DemoDataSettings, type Period } from './settings.js';

/**
 * The score model of the demo data (documented in docs/demo-data.md). Every criterion score is a latent performance
 * plus effects that the analytics are meant to find:
 *
 *   performance(i, q) = BASE + ability(i) + agency(g) + drift(q) + lift(i, q) + shock(i, q)
 *   HASIL_KERJA score = performance + resultsTrait(i) + difficulty(c) [+ innovation bonus] + noise
 *   PERILAKU_KERJA    = performance + behaviourTrait(i) + BEHAVIOUR_OFFSET + behaviourShock(i, q) + difficulty(c) + noise
 *   a judged score adds its assessor's leniency (+8 / -8 for a few); a halo assessor gives one value to every
 *   behaviour criterion; an indicator criterion is mostly reported as a realisation instead of a score.
 *
 * The constants are tuned so that annual predikat come out mostly BAIK, with some SANGAT_BAIK and BUTUH_PERBAIKAN
 * and a few KURANG and SANGAT_KURANG, as in Indonesian appraisal data.
 */

/** Mean score of an average employee in the first quarter: just above the target (100). */
const BASE = 99.5;
/** Supervisors rate behaviour a little more generously than they can rate results. */
const BEHAVIOUR_OFFSET = 2.5;
const ABILITY_SD = 6;
const RESULTS_TRAIT_SD = 4;
const BEHAVIOUR_TRAIT_SD = 3.5;
/** Standard deviation of an employee's lasting level in work results (ability plus results trait). */
export const LEVEL_SD = Math.hypot(ABILITY_SD, RESULTS_TRAIT_SD);
/** One employee's good or bad quarter, shared by all their criteria. */
const QUARTER_SHOCK_SD = 2;
/** Shared by the behaviour criteria of one evaluation: behaviour scores move together. */
const BEHAVIOUR_SHOCK_SD = 3;
const RESULTS_NOISE_SD = 4;
const BEHAVIOUR_NOISE_SD = 2.5;
/** The city-wide upward drift: +1.5 points a year, a quarter of that each quarter. */
const DRIFT_PER_YEAR = 1.5;
/** The training effect: from the quarter after the first completed training, for good. */
export const TRAINING_LIFT = 4;
/** The INOVASI score of an employee with an innovation, from its quarter to the end of that year. */
const INNOVATION_BONUS = 6;
/** Lenient and severe assessors shift every judged score they give by this much. */
const RATER_OFFSET = 8;
/** Share of supervisors who are lenient or severe (half each). */
const BIASED_RATER_SHARE = 0.05;
const HALO_RATERS = 2;
/** Share of indicator scores reported as a realisation; the rest are judged by the assessor. */
const REALISATION_SHARE = 0.85;
/** Share of evaluations written by an acting assessor (the supervisor's own superior, as Plt.). */
const ACTING_ASSESSOR_SHARE = 0.004;
const EVIDENCE_SHARE = 0.02;

/** Criterion difficulty: how far the average score of a criterion lies from the employee's level. */
export const DIFFICULTY: Readonly<Record<string, number>> = {
  PROFESIONALISME: 0.5,
  DISIPLIN: 1.5,
  INOVASI: -5,
  PRESTASI_SISWA: -2,
  KEHADIRAN_KEGIATAN: 2,
  CAKUPAN_PROGRAM_KESMAS: -1,
  POSYANDU_PENYULUHAN: 1,
  WAKTU_TUNGGU_PELAYANAN: -2,
  KESELAMATAN_PASIEN: 1,
  CAPAIAN_RHK: 1,
  INDEKS_KUALITAS_LAYANAN: -1,
  BERORIENTASI_PELAYANAN: 1,
  AKUNTABEL: 0.5,
  KOMPETEN: -1,
  HARMONIS: 2,
  LOYAL: 3,
  ADAPTIF: -2,
  KOLABORATIF: 0.5,
};

/**
 * Agency effects with a story: the hospital (accredited, measured closely) a little above, the large Dinas
 * Pendidikan a little below; every other agency gets a small seeded effect.
 */
const FIXED_AGENCY_EFFECTS: Readonly<Record<string, number>> = {
  RSUD: 3,
  DISDIK: -2,
  DINKES: 1,
  INSPEKTORAT: 1.5,
  SATPOLPP: -1.5,
};
const OTHER_AGENCY_SD = 1.2;

/**
 * Natural ceilings of realisations: attendance, coverage and class averages cannot pass 100 (%, or points of 100),
 * so their derived scores top out below 120. A realisation-based score can be no better than the real world allows.
 */
const REALISATION_CEILING: Readonly<Record<string, number>> = {
  DISIPLIN: 100,
  PRESTASI_SISWA: 100,
  CAKUPAN_PROGRAM_KESMAS: 100,
};

/** What the model knows about each employee for good. */
export interface Traits {
  ability: number;
  resultsTrait: number;
  behaviourTrait: number;
}

export function drawTraits(settings: DemoDataSettings, people: readonly Person[]): Map<string, Traits> {
  const rng = new Random(settings.seed, 'traits');
  return new Map(
    people.map((p) => [
      p.nip,
      {
        ability: rng.normal(0, ABILITY_SD),
        resultsTrait: rng.normal(0, RESULTS_TRAIT_SD),
        behaviourTrait: rng.normal(0, BEHAVIOUR_TRAIT_SD),
      },
    ]),
  );
}

/** One row of scores.csv. Null fields are written empty. */
export interface ScoreRow {
  nip: string;
  year: number;
  quarter: number;
  criterionCode: string;
  score: number | null;
  realisation: number | null;
  /** Null: the employee's supervisor. */
  assessorNip: string | null;
  /** Null: the employee's agency. */
  agencyCode: string | null;
  /** Null: FINAL (written empty). Only the current quarter has other statuses. */
  status: EvaluationStatus | null;
  evidence: string | null;
}

/** An employee's earlier post in another agency, whose head assessed them there. */
interface Transfer {
  fromAgency: string;
  assessorNip: string;
  /** First quarter index in the current agency. */
  fromQuarter: number;
}

export interface RaterEffect {
  offset: number;
  halo: boolean;
}

export interface ScoreModelInput {
  settings: DemoDataSettings;
  org: Organisation;
  traits: ReadonlyMap<string, Traits>;
  /** Date of each employee's first completed training. */
  firstCompletion: ReadonlyMap<string, string>;
  /** Quarter index of each employee's innovations. */
  innovationQuarters: ReadonlyMap<string, readonly number[]>;
}

export class ScoreModel {
  readonly agencyEffects: ReadonlyMap<string, number>;
  readonly raters: ReadonlyMap<string, RaterEffect>;
  private readonly transfers = new Map<string, Transfer>();
  /** Evaluations left out: "nip:quarterIndex". */
  private readonly missingQuarters = new Set<string>();
  private readonly missingBehaviour = new Set<string>();
  private readonly criteria = new Map<string, Criterion[]>();
  /** Quarter index from which each trained employee's lift applies. */
  private readonly liftFrom = new Map<string, number>();
  /** The state of the current quarter's evaluations. */
  private readonly open: OpenQuarterPlan;

  constructor(private readonly input: ScoreModelInput) {
    const { settings, org } = input;
    for (const agency of org.agencies) this.criteria.set(agency.code, criteriaOfAgency(agency.code));

    const agencyRng = new Random(settings.seed, 'agency-effects');
    this.agencyEffects = new Map(
      org.agencies.map((a) => [a.code, FIXED_AGENCY_EFFECTS[a.code] ?? agencyRng.normal(0, OTHER_AGENCY_SD)]),
    );
    this.raters = pickBiasedRaters(settings, org.people);

    for (const [nip, date] of input.firstCompletion) {
      this.liftFrom.set(nip, quarterIndexOf(date, settings.firstYear) + 1);
    }
    this.planTransfers();
    this.planGaps();
    const current = settings.current;
    this.open = planOpenQuarter(
      settings,
      org.people.filter((p) => this.isAppraised(p, current)),
      (p) => this.assessorIn(p, current),
      (p) =>
        this.missingBehaviour.has(`${p.nip}:${current.index}`)
          ? 0
          : (this.criteria.get(this.agencyIn(p, current)) as Criterion[]).filter((c) => c.category === 'PERILAKU_KERJA')
              .length,
    );
  }

  /** The objections filed in the current quarter (not part of the import format: the demo load files them). */
  get objections(): readonly ObjectionRow[] {
    return this.open.objections;
  }

  /** The agency an employee is appraised in for a quarter (the old one before a transfer). */
  private agencyIn(person: Person, period: Period): string {
    const transfer = this.transfers.get(person.nip);
    return transfer !== undefined && period.index < transfer.fromQuarter ? transfer.fromAgency : person.agencyCode;
  }

  /** Who assesses an employee in a quarter (the old agency's head before a transfer; acting assessors aside). */
  private assessorIn(person: Person, period: Period): string | null {
    const transfer = this.transfers.get(person.nip);
    return transfer !== undefined && period.index < transfer.fromQuarter ? transfer.assessorNip : person.supervisorNip;
  }

  /**
   * A few clerks moved between agencies: until their transfer quarter they were appraised in the old agency, by its
   * head, so those rows carry the old agency code and an explicit assessor.
   */
  private planTransfers(): void {
    const { settings, org } = this.input;
    const rng = new Random(settings.seed, 'transfers');
    const officeAgencies = org.agencies
      .filter((a) => !['DISDIK', 'DINKES', 'RSUD'].includes(a.code))
      .map((a) => a.code);
    const lastQuarter = settings.quarters.length - 1;
    if (lastQuarter < 2) return;
    for (const person of org.people) {
      if (person.jobKey !== 'ADMINISTRASI' || person.activeFrom >= isoStart(settings) || !rng.chance(0.03)) continue;
      const fromAgency = rng.pick(officeAgencies.filter((code) => code !== person.agencyCode));
      const assessorNip = org.headOf.get(fromAgency);
      if (assessorNip === undefined) continue;
      this.transfers.set(person.nip, { fromAgency, assessorNip, fromQuarter: rng.int(2, Math.min(7, lastQuarter)) });
    }
  }

  /**
   * Some employees miss a whole quarter (long leave, study leave); a handful of evaluations lack every behaviour
   * score, so their quarterly score is undefined (null), as the rules require.
   */
  private planGaps(): void {
    const { settings, org } = this.input;
    const rng = new Random(settings.seed, 'gaps');
    const quarters = settings.quarters.length;
    for (const person of org.people) {
      if (rng.chance(0.02)) this.missingQuarters.add(`${person.nip}:${rng.int(0, quarters - 1)}`);
    }
    const handful = Math.max(1, Math.round(org.people.length / 600));
    for (let i = 0; i < handful; i++) {
      const person = rng.pick(org.people);
      if (person.supervisorNip !== null) this.missingBehaviour.add(`${person.nip}:${rng.int(0, quarters - 1)}`);
    }
  }

  /** Whether an employee is appraised for a quarter: active in the middle of it and not on leave. */
  isAppraised(person: Person, period: Period): boolean {
    const middle = midQuarter(period);
    if (person.activeFrom > middle || (person.activeTo !== null && person.activeTo < middle)) return false;
    return !this.missingQuarters.has(`${person.nip}:${period.index}`);
  }

  /** The score rows, quarter by quarter (oldest first), then employee by employee in file order. */
  *rows(): Generator<ScoreRow> {
    const { settings, org, traits, innovationQuarters } = this.input;
    const rng = new Random(settings.seed, 'scores');
    for (const period of settings.quarters) {
      const drift = (DRIFT_PER_YEAR * period.index) / 4;
      for (const person of org.people) {
        if (!this.isAppraised(person, period)) continue;
        const trait = traits.get(person.nip) as Traits;

        let agencyCode: string | null = null;
        let assessorNip: string | null = null;
        let rater = person.supervisorNip;
        const transfer = this.transfers.get(person.nip);
        if (transfer !== undefined && period.index < transfer.fromQuarter) {
          agencyCode = transfer.fromAgency;
          assessorNip = transfer.assessorNip;
          rater = transfer.assessorNip;
        } else if (person.supervisorNip !== null && rng.chance(ACTING_ASSESSOR_SHARE)) {
          const superior = org.byNip.get(person.supervisorNip)?.supervisorNip ?? null;
          if (superior !== null) {
            assessorNip = superior;
            rater = superior;
          }
        }
        const effect = rater === null ? undefined : this.raters.get(rater);
        const raterOffset = effect?.offset ?? 0;

        const agency = agencyCode ?? person.agencyCode;
        const lift = (this.liftFrom.get(person.nip) ?? Infinity) <= period.index ? TRAINING_LIFT : 0;
        const performance =
          BASE + trait.ability + (this.agencyEffects.get(agency) ?? 0) + drift + lift + rng.normal(0, QUARTER_SHOCK_SD);
        const behaviour = performance + trait.behaviourTrait + BEHAVIOUR_OFFSET + rng.normal(0, BEHAVIOUR_SHOCK_SD);
        const innovated = (innovationQuarters.get(person.nip) ?? []).some(
          (q) => q <= period.index && Math.floor(q / 4) === Math.floor(period.index / 4),
        );
        const withoutBehaviour = this.missingBehaviour.has(`${person.nip}:${period.index}`);

        const resultRows: ScoreRow[] = [];
        const behaviourRows: ScoreRow[] = [];
        for (const criterion of this.criteria.get(agency) as Criterion[]) {
          const difficulty = DIFFICULTY[criterion.code] ?? 0;
          const row: ScoreRow = {
            nip: person.nip,
            year: period.year,
            quarter: period.quarter,
            criterionCode: criterion.code,
            score: null,
            realisation: null,
            assessorNip,
            agencyCode,
            status: null,
            evidence: null,
          };
          if (criterion.category === 'PERILAKU_KERJA') {
            if (withoutBehaviour) continue;
            row.score = behaviour + difficulty + raterOffset + rng.normal(0, BEHAVIOUR_NOISE_SD);
            behaviourRows.push(row);
          } else {
            const bonus = criterion.code === 'INOVASI' && innovated ? INNOVATION_BONUS : 0;
            const latent = performance + trait.resultsTrait + difficulty + bonus + rng.normal(0, RESULTS_NOISE_SD);
            if (criterion.indicator !== null && rng.chance(REALISATION_SHARE)) {
              row.realisation = realisationFor(criterion, latent);
            } else {
              row.score = latent + raterOffset;
            }
          }
          if (row.score !== null) row.score = oneDecimal(Math.min(120, Math.max(0, row.score)));
          if (rng.chance(EVIDENCE_SHARE)) row.evidence = rng.pick(EVIDENCE[criterion.code] ?? GENERAL_EVIDENCE);
          if (criterion.category === 'HASIL_KERJA') resultRows.push(row);
        }
        // A halo assessor does not tell the behaviour values apart: one value, the rounded mean, for all of them.
        if (effect?.halo === true && behaviourRows.length > 0) {
          const mean = behaviourRows.reduce((s, r) => s + (r.score as number), 0) / behaviourRows.length;
          for (const row of behaviourRows) row.score = Math.round(mean);
        }
        if (period.index !== settings.current.index) {
          yield* resultRows;
          yield* behaviourRows;
          continue;
        }
        // The current quarter: only what has been scored so far, with its status (the scores are drawn all the
        // same, so that the random streams, and with them the history, do not depend on the state).
        const state = this.open.evaluations.get(person.nip);
        if (state === undefined) continue;
        const status = state.status === 'FINAL' ? null : state.status;
        const scored = [...resultRows, ...behaviourRows.slice(0, state.behaviourScored ?? behaviourRows.length)];
        for (const row of scored) row.status = status;
        yield* scored;
      }
    }
  }

  /** The agency's own predikat for a year, as the city's leaders would set it: it follows the agency effect. */
  orgPredikat(agencyCode: string, rng: Random): OrgPredikat {
    const standing = (this.agencyEffects.get(agencyCode) ?? 0) + rng.normal(0, 1);
    return standing > 2.5 ? 'ISTIMEWA' : standing < -2.5 ? 'BUTUH_PERBAIKAN' : 'BAIK';
  }
}

function isoStart(settings: DemoDataSettings): string {
  return `${settings.firstYear}-01-01`;
}

/**
 * About 5% of supervisors with at least five people under them are lenient (+8) or severe (-8), and two more give
 * halo ratings; five is the minimum for the rater-objectivity flags, so the analysis can find them.
 */
function pickBiasedRaters(settings: DemoDataSettings, people: readonly Person[]): Map<string, RaterEffect> {
  const rng = new Random(settings.seed, 'raters');
  const supervisors = people.filter((p) => p.subordinates.length > 0);
  const candidates = rng.shuffled(supervisors.filter((p) => p.subordinates.length >= 5));
  const biased = Math.max(2, Math.round(supervisors.length * BIASED_RATER_SHARE));
  const raters = new Map<string, RaterEffect>();
  candidates.slice(0, biased).forEach((p, i) => {
    raters.set(p.nip, { offset: i % 2 === 0 ? RATER_OFFSET : -RATER_OFFSET, halo: false });
  });
  for (const p of candidates.slice(biased, biased + HALO_RATERS)) raters.set(p.nip, { offset: 0, halo: true });
  return raters;
}

/** The realisation that an indicator would report for a latent score (the inverse of the indicator formula). */
function realisationFor(criterion: Criterion, latent: number): number {
  const indicator = criterion.indicator;
  if (indicator === null) throw new Error(`${criterion.code} has no indicator`);
  if (indicator.direction === 'HIGHER_IS_BETTER') {
    const ceiling = REALISATION_CEILING[criterion.code] ?? Infinity;
    return oneDecimal(Math.min(ceiling, Math.max(0, (indicator.target * latent) / 100)));
  }
  // Lower is better (waiting minutes): a score of 120 is 25 minutes against a target of 30.
  return oneDecimal((indicator.target * 100) / Math.max(latent, 20));
}

function oneDecimal(x: number): number {
  return Math.round(x * 10) / 10;
}

const GENERAL_EVIDENCE = [
  'Catatan atasan: bekerja sesuai target triwulan',
  'Laporan kegiatan triwulan terlampir',
  'Perlu peningkatan ketepatan waktu laporan',
  'Aktif dalam kegiatan "Jumat Bersih" dan gotong royong',
  'Responsif terhadap keluhan warga, dicatat dalam buku pengaduan',
  'Catatan atasan:\nperlu pendampingan dalam penyusunan laporan',
];

const EVIDENCE: Readonly<Record<string, readonly string[]>> = {
  DISIPLIN: ['Rekap presensi elektronik BKPSDM', 'Rekap presensi, termasuk 3 hari cuti sakit'],
  PRESTASI_SISWA: ['Rekap nilai rapor kelas', 'Hasil asesmen sumatif akhir semester'],
  CAKUPAN_PROGRAM_KESMAS: ['Laporan PWS KIA puskesmas', 'Laporan cakupan imunisasi dasar lengkap'],
  WAKTU_TUNGGU_PELAYANAN: ['Data SIMRS, rata-rata waktu tunggu poliklinik', 'Survei waktu tunggu rawat jalan'],
  CAPAIAN_RHK: ['Laporan capaian RHK triwulan', 'Dokumen evaluasi Renja, triwulan berjalan'],
  INOVASI: ['Inovasi dipaparkan pada rapat pimpinan', 'Usulan inovasi disampaikan ke Bappeda'],
};
