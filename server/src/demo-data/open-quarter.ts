import type { EvaluationStatus } from '@kinerja/shared';
import type { Person } from './organisation.js';
import { Random } from './random.js';
import type { DemoDataSettings } from './settings.js';

/**
 * The current quarter of the demo data, in a mid-quarter state (docs/demo-data.md#the-current-quarter): the work
 * moves by assessor, as it does in an office. Some assessors have not started; some are scoring (drafts, some
 * complete, some with behaviour criteria still missing, and a few of their people not yet touched); the rest have
 * submitted, and their people have acknowledged, not yet answered, or objected (with a reason), and a few agency
 * heads have already finalised what was acknowledged.
 */

/** What an assessor has done so far this quarter. */
type Stage = 'NOT_STARTED' | 'SCORING' | 'SUBMITTED';

const STAGES: readonly (readonly [Stage, number])[] = [
  ['NOT_STARTED', 20],
  ['SCORING', 30],
  ['SUBMITTED', 50],
];
/** Of the people of an assessor who is scoring: the share not touched yet. */
const UNTOUCHED_WHILE_SCORING = 0.3;
/** Of the drafts: the share with every behaviour criterion scored (the others miss some). */
const COMPLETE_DRAFT = 0.5;
/** The employee's answer to a submitted evaluation (FINAL: acknowledged and already finalised by the head). */
const ANSWERS: readonly (readonly [EvaluationStatus, number])[] = [
  ['SUBMITTED', 40],
  ['ACKNOWLEDGED', 50],
  ['FINAL', 10],
];
/** Share of the unanswered submitted evaluations whose employee objects (at least one when there are any). */
const OBJECTION_SHARE = 0.04;

/** An evaluation of the current quarter that exists (the others are not started: no rows). */
export interface OpenEvaluation {
  status: Exclude<EvaluationStatus, 'OBJECTED'>;
  /** For a DRAFT: how many behaviour criteria are scored so far (the first ones); null: all of them. */
  behaviourScored: number | null;
}

/** An objection (keberatan) the employee files against their submitted evaluation of the current quarter. */
export interface ObjectionRow {
  nip: string;
  year: number;
  quarter: number;
  reason: string;
}

export interface OpenQuarterPlan {
  evaluations: Map<string, OpenEvaluation>;
  objections: ObjectionRow[];
}

/**
 * Plans the state of every evaluation of the current quarter. `appraised` are the people appraised in it, in file
 * order; `assessorOf` gives the NIP of the one who assesses them there (null: nobody in the system); `behaviourCount`
 * the number of behaviour criteria of their evaluation (0 when the evaluation has none: it stays a draft).
 */
export function planOpenQuarter(
  settings: DemoDataSettings,
  appraised: readonly Person[],
  assessorOf: (person: Person) => string | null,
  behaviourCount: (person: Person) => number,
): OpenQuarterPlan {
  const rng = new Random(settings.seed, 'open-quarter');
  const stages = new Map<string, Stage>();
  const evaluations = new Map<string, OpenEvaluation>();
  for (const person of appraised) {
    const assessor = assessorOf(person) ?? '';
    let stage = stages.get(assessor);
    if (stage === undefined) stages.set(assessor, (stage = rng.weighted(STAGES)));
    if (stage === 'NOT_STARTED') continue;
    const behaviour = behaviourCount(person);
    if (stage === 'SCORING') {
      if (rng.chance(UNTOUCHED_WHILE_SCORING)) continue;
      const complete = rng.chance(COMPLETE_DRAFT);
      evaluations.set(person.nip, {
        status: 'DRAFT',
        behaviourScored: complete || behaviour === 0 ? null : rng.int(0, behaviour - 1),
      });
      continue;
    }
    const answer = rng.weighted(ANSWERS) as OpenEvaluation['status'];
    // An evaluation without behaviour scores cannot have been submitted: it is still being scored.
    evaluations.set(person.nip, { status: behaviour === 0 ? 'DRAFT' : answer, behaviourScored: null });
  }

  const { year, quarter } = settings.current;
  const unanswered = appraised.filter((p) => evaluations.get(p.nip)?.status === 'SUBMITTED');
  const count = unanswered.length === 0 ? 0 : Math.max(1, Math.round(unanswered.length * OBJECTION_SHARE));
  const objections = rng
    .shuffled(unanswered)
    .slice(0, count)
    .map((p) => ({ nip: p.nip, year, quarter, reason: rng.pick(OBJECTION_REASONS) }));
  // File order, so that the list reads like the employees file.
  const order = new Map(appraised.map((p, i) => [p.nip, i]));
  objections.sort((a, b) => (order.get(a.nip) as number) - (order.get(b.nip) as number));
  return { evaluations, objections };
}

/** Reasons an employee gives for an objection, as they write them on the form. */
const OBJECTION_REASONS: readonly string[] = [
  'Nilai capaian RHK tidak sesuai dengan laporan kegiatan yang sudah saya serahkan; mohon ditinjau kembali.',
  'Hari cuti melahirkan yang sudah disetujui dihitung sebagai tidak hadir pada rekap presensi.',
  'Nilai perilaku kerja lebih rendah dari triwulan lalu tanpa catatan atau umpan balik dari atasan.',
  'Realisasi cakupan program sudah mencapai 92%, bukan 85% seperti yang tercatat.',
  'Selama satu bulan saya ditugaskan sebagai panitia kegiatan kota; hasil kerja itu belum diperhitungkan.',
  'Penilaian dibuat sebelum dialog kinerja, sehingga saya belum sempat menyampaikan bukti dukung.',
  'Aplikasi antrean yang saya terapkan sejak Oktober belum diperhitungkan pada nilai inovasi.',
  'Presensi elektronik terganggu pada minggu kedua November; rekap absensi manual sudah saya lampirkan.',
];
