import type { ParticipationStatus, TrainingKind } from '@kinerja/shared';
import type { Organisation, Person } from './organisation.js';
import { Random } from './random.js';
import { addDays, isoDate, type DemoDataSettings } from './settings.js';

/**
 * The city's competence development over the data years (pengembangan kompetensi, PP 11/2017 Pasal 203): about
 * 15-19 trainings a year, each aimed at a group (teachers, health workers, structural officials, front-line staff)
 * and at the criteria it should improve, and who took part in them.
 */

export interface Training {
  code: string;
  title: string;
  kind: TrainingKind;
  organizer: string;
  hoursJp: number;
  startDate: string;
  endDate: string;
  criterionCodes: readonly string[];
}

export interface Participation {
  trainingCode: string;
  nip: string;
  /** Null: written empty, which the import reads as COMPLETED. */
  status: ParticipationStatus | null;
  completedOn: string | null;
  /** Null: the training's JP. Set where a participant earned less (missed coaching sessions). */
  hoursJp: number | null;
}

interface TrainingTemplate {
  title: string;
  kind: TrainingKind;
  organizer: string;
  hoursJp: number;
  criteria: readonly string[];
  /** Places at the default size of 3,500 employees; scaled with the data set. */
  capacity: number;
  /**
   * Which of the data years (0 = first) hold an edition; two entries of the same year mean two classes. The plan
   * repeats every three years (a fourth year follows the first one's).
   */
  years: readonly number[];
  audience: (person: Person, year: number) => boolean;
}

const BKPSDM = 'BKPSDM Kota Sibolga';
const BPSDM_SUMUT = 'BPSDM Provinsi Sumatera Utara';
const DISDIK = 'Dinas Pendidikan Kota Sibolga';
const DINKES = 'Dinas Kesehatan Kota Sibolga';
const RSUD = 'RSUD Dr. F.L. Tobing';

const isTeacher = (p: Person): boolean => p.sector === 'PENDIDIKAN';
const isHealthWorker = (p: Person): boolean => p.sector === 'KESEHATAN';
const isOfficeStaff = (p: Person): boolean => p.sector === 'UMUM';
const isStructural = (p: Person): boolean => p.positionType === 'ADMINISTRATOR' || p.positionType === 'PENGAWAS';
const everyone = (): boolean => true;

const TEMPLATES: readonly TrainingTemplate[] = [
  {
    title: 'Pelatihan Kepemimpinan Pengawas',
    kind: 'DIKLAT',
    organizer: BPSDM_SUMUT,
    hoursJp: 80,
    criteria: ['PROFESIONALISME', 'KOLABORATIF', 'AKUNTABEL'],
    capacity: 14,
    years: [0, 1, 2],
    audience: (p) => p.positionType === 'PENGAWAS',
  },
  {
    title: 'Pelatihan Kepemimpinan Administrator',
    kind: 'DIKLAT',
    organizer: BPSDM_SUMUT,
    hoursJp: 80,
    criteria: ['PROFESIONALISME', 'AKUNTABEL', 'KOLABORATIF'],
    capacity: 8,
    years: [0, 2],
    audience: (p) => p.positionType === 'ADMINISTRATOR',
  },
  {
    title: 'Bimtek Implementasi Kurikulum Merdeka',
    kind: 'BIMTEK',
    organizer: 'Balai Guru Penggerak Provinsi Sumatera Utara',
    hoursJp: 32,
    criteria: ['PRESTASI_SISWA', 'ADAPTIF', 'KOMPETEN'],
    capacity: 150,
    years: [0, 1],
    audience: isTeacher,
  },
  {
    title: 'Workshop Pembelajaran Berdiferensiasi',
    kind: 'WORKSHOP',
    organizer: DISDIK,
    hoursJp: 16,
    criteria: ['PRESTASI_SISWA', 'KOMPETEN'],
    capacity: 80,
    years: [0, 1, 2],
    audience: isTeacher,
  },
  {
    title: 'Pelatihan Mandiri Platform Merdeka Mengajar',
    kind: 'E_LEARNING',
    organizer: 'Kementerian Pendidikan, Kebudayaan, Riset dan Teknologi',
    hoursJp: 20,
    criteria: ['KOMPETEN', 'ADAPTIF'],
    capacity: 180,
    years: [1, 2],
    audience: isTeacher,
  },
  {
    title: 'Coaching Kepemimpinan Pembelajaran bagi Kepala Sekolah',
    kind: 'COACHING',
    organizer: DISDIK,
    hoursJp: 24,
    criteria: ['PRESTASI_SISWA', 'KOLABORATIF'],
    capacity: 25,
    years: [1, 2],
    audience: (p) => p.leaderRole === 'KEPALA_SEKOLAH',
  },
  {
    title: 'Pelatihan Basic Trauma Cardiac Life Support (Kegawatdaruratan)',
    kind: 'DIKLAT',
    organizer: RSUD,
    hoursJp: 40,
    criteria: ['KOMPETEN', 'PROFESIONALISME', 'KESELAMATAN_PASIEN'],
    capacity: 40,
    years: [0, 1, 2],
    audience: (p) => isHealthWorker(p) && (p.jobKey === 'PERAWAT' || p.jobKey === 'BIDAN' || p.jobKey === 'DOKTER'),
  },
  {
    title: 'Pelatihan Pencegahan dan Pengendalian Infeksi',
    kind: 'DIKLAT',
    organizer: RSUD,
    hoursJp: 24,
    criteria: ['KESELAMATAN_PASIEN', 'AKUNTABEL'],
    capacity: 40,
    years: [0, 2],
    audience: (p) => p.agencyCode === 'RSUD' && isHealthWorker(p),
  },
  {
    title: 'Bimtek Percepatan Penurunan Stunting dan Tata Laksana Gizi',
    kind: 'BIMTEK',
    organizer: DINKES,
    hoursJp: 24,
    criteria: ['CAKUPAN_PROGRAM_KESMAS', 'POSYANDU_PENYULUHAN'],
    capacity: 40,
    years: [0, 1, 2],
    audience: (p) => p.agencyCode === 'DINKES' && isHealthWorker(p),
  },
  {
    title: 'Pelatihan Manajemen Puskesmas',
    kind: 'DIKLAT',
    organizer: 'Balai Pelatihan Kesehatan Medan',
    hoursJp: 40,
    criteria: ['CAKUPAN_PROGRAM_KESMAS', 'PROFESIONALISME'],
    capacity: 15,
    years: [1],
    audience: (p) => p.agencyCode === 'DINKES' && (p.leaderRole !== null || p.jobKey === 'DOKTER'),
  },
  {
    title: 'Pelatihan Konseling Menyusui',
    kind: 'BIMTEK',
    organizer: DINKES,
    hoursJp: 40,
    criteria: ['POSYANDU_PENYULUHAN', 'BERORIENTASI_PELAYANAN'],
    capacity: 30,
    years: [1],
    audience: (p) => p.agencyCode === 'DINKES' && (p.jobKey === 'BIDAN' || p.jobKey === 'NUTRISIONIS'),
  },
  {
    title: 'Pelatihan Pelayanan Prima',
    kind: 'WORKSHOP',
    organizer: BKPSDM,
    hoursJp: 16,
    criteria: ['BERORIENTASI_PELAYANAN', 'INDEKS_KUALITAS_LAYANAN'],
    capacity: 60,
    years: [0, 1, 2, 2],
    audience: (p) => isOfficeStaff(p) && p.positionType !== 'JPT',
  },
  {
    title: 'Workshop Sistem Pemerintahan Berbasis Elektronik (SPBE)',
    kind: 'WORKSHOP',
    organizer: 'Dinas Komunikasi dan Informatika Kota Sibolga',
    hoursJp: 16,
    criteria: ['ADAPTIF', 'INOVASI'],
    capacity: 50,
    years: [0, 1, 2],
    audience: (p) => isOfficeStaff(p) && p.positionType !== 'JPT',
  },
  {
    title: 'Seminar Inovasi Pelayanan Publik',
    kind: 'SEMINAR',
    organizer: 'Badan Perencanaan Pembangunan Daerah Kota Sibolga',
    hoursJp: 8,
    criteria: ['INOVASI', 'BERORIENTASI_PELAYANAN'],
    capacity: 120,
    years: [0, 1, 2],
    audience: everyone,
  },
  {
    title: 'Coaching Penyusunan SKP dan Rencana Hasil Kerja',
    kind: 'COACHING',
    organizer: BKPSDM,
    hoursJp: 8,
    criteria: ['CAPAIAN_RHK', 'AKUNTABEL'],
    capacity: 100,
    years: [0, 1],
    audience: (p) => isOfficeStaff(p),
  },
  {
    title: 'Bimtek Penatausahaan Keuangan Daerah pada SIPD',
    kind: 'BIMTEK',
    organizer: 'Badan Pengelolaan Keuangan, Pendapatan dan Aset Daerah Kota Sibolga',
    hoursJp: 24,
    criteria: ['AKUNTABEL', 'CAPAIAN_RHK'],
    capacity: 50,
    years: [0, 1, 2],
    audience: (p) =>
      p.jobKey === 'ADMINISTRASI' || p.jobKey === 'ANALIS_KEUANGAN' || p.jobKey === 'PENGELOLA_PENDAPATAN',
  },
  {
    title: 'E-Learning Penguatan Integritas dan Antikorupsi',
    kind: 'E_LEARNING',
    organizer: 'Komisi Pemberantasan Korupsi (ACLC)',
    hoursJp: 10,
    criteria: ['AKUNTABEL', 'LOYAL'],
    capacity: 200,
    years: [1, 2],
    audience: everyone,
  },
  {
    title: 'Pelatihan Dasar CPNS',
    kind: 'DIKLAT',
    organizer: BPSDM_SUMUT,
    hoursJp: 80,
    criteria: ['LOYAL', 'AKUNTABEL', 'KOMPETEN'],
    capacity: 60,
    years: [0, 1, 2],
    audience: (p, year) => p.employmentType === 'PNS' && p.startYear >= year - 1,
  },
  {
    title: 'Orientasi Pegawai PPPK',
    kind: 'E_LEARNING',
    organizer: BKPSDM,
    hoursJp: 20,
    criteria: ['LOYAL', 'BERORIENTASI_PELAYANAN'],
    capacity: 100,
    years: [0, 1, 2],
    audience: (p, year) => p.employmentType === 'PPPK' && p.startYear >= year - 1,
  },
  {
    title: 'Bimtek Pengadaan Barang/Jasa Pemerintah',
    kind: 'BIMTEK',
    organizer: 'Bagian Pengadaan Barang dan Jasa Sekretariat Daerah Kota Sibolga',
    hoursJp: 32,
    criteria: ['PROFESIONALISME', 'AKUNTABEL'],
    capacity: 30,
    years: [0, 2],
    audience: (p) => (isStructural(p) && isOfficeStaff(p)) || p.jobKey === 'PENGELOLA_PENGADAAN',
  },
  {
    title: 'Pelatihan Kesiapsiagaan Bencana Tsunami dan Evakuasi',
    kind: 'DIKLAT',
    organizer: 'Badan Penanggulangan Bencana Daerah Kota Sibolga',
    hoursJp: 24,
    criteria: ['KOLABORATIF', 'ADAPTIF'],
    capacity: 50,
    years: [0, 1, 2],
    audience: (p) =>
      ['BPBD', 'SATPOLPP', 'DINSOS', 'PUPR', 'KEC_UTARA', 'KEC_KOTA', 'KEC_SELATAN', 'KEC_SAMBAS'].includes(
        p.agencyCode,
      ),
  },
  {
    title: 'Workshop Penyusunan Laporan Kinerja Instansi Pemerintah',
    kind: 'WORKSHOP',
    organizer: 'Bagian Organisasi Sekretariat Daerah Kota Sibolga',
    hoursJp: 16,
    criteria: ['CAPAIAN_RHK', 'AKUNTABEL'],
    capacity: 40,
    years: [1, 2],
    audience: (p) => isStructural(p) && isOfficeStaff(p),
  },
  {
    title: 'Seminar Wawasan Kebangsaan dan Moderasi Beragama',
    kind: 'SEMINAR',
    organizer: 'Badan Kesatuan Bangsa dan Politik Kota Sibolga',
    hoursJp: 8,
    criteria: ['HARMONIS', 'LOYAL'],
    capacity: 150,
    years: [0, 2],
    audience: everyone,
  },
  {
    title: 'Bimtek Penanganan dan Pengolahan Hasil Perikanan',
    kind: 'BIMTEK',
    organizer: 'Dinas Kelautan dan Perikanan Provinsi Sumatera Utara',
    hoursJp: 24,
    criteria: ['CAPAIAN_RHK', 'KOMPETEN'],
    capacity: 20,
    years: [0, 2],
    audience: (p) => p.agencyCode === 'DISKAN',
  },
  {
    title: 'Pelatihan Literasi Digital ASN',
    kind: 'E_LEARNING',
    organizer: 'Kementerian Komunikasi dan Informatika',
    hoursJp: 16,
    criteria: ['ADAPTIF', 'KOMPETEN'],
    capacity: 150,
    years: [0],
    audience: everyone,
  },
];

/** PP 49/2018 Pasal 40: a PPPK takes at most 24 JP a year; the city keeps to it when it sends people. */
const PPPK_JP_PER_YEAR = 24;
/** Nobody is sent to more than this many trainings over the data years. */
const MAX_TRAININGS_PER_PERSON = 4;

export interface TrainingPlan {
  trainings: Training[];
  participations: Participation[];
}

export function planTrainings(settings: DemoDataSettings, org: Organisation): TrainingPlan {
  const rng = new Random(settings.seed, 'trainings');
  const scale = settings.employees / 3500;
  const trainings: Training[] = [];
  const participations: Participation[] = [];
  const taken = new Map<string, number>();
  const pppkJp = new Map<string, number>();
  // Nothing is completed after the day the data are as of.
  const lastDay = settings.today;

  settings.years.forEach((year, yearOffset) => {
    const editions = TEMPLATES.flatMap((template) =>
      template.years.filter((y) => y === yearOffset % PLAN_YEARS).map(() => template),
    );
    // Spread the year's trainings from February to November, in a seeded order; classes of the same training
    // are numbered Angkatan I, II in date order.
    const ordered = rng.shuffled(editions);
    const classes = new Map<TrainingTemplate, number>();
    ordered.forEach((template, i) => {
      const angkatan = (classes.get(template) ?? 0) + 1;
      classes.set(template, angkatan);
      const numbered = editions.filter((t) => t === template).length > 1;
      const month = 2 + Math.floor((i * 10) / ordered.length);
      const startDate = isoDate(year, month, rng.int(1, 25));
      // Classroom training runs 8 JP a working day, with weekends in between; e-learning stays open for weeks.
      const workingDays = Math.ceil(template.hoursJp / 8);
      const endDate =
        template.kind === 'E_LEARNING'
          ? addDays(startDate, rng.int(28, 56))
          : addDays(startDate, workingDays - 1 + 2 * Math.floor((workingDays - 1) / 5));
      const code = `PLT-${year}-${String(trainings.length + 1).padStart(3, '0')}`;
      const training: Training = {
        code,
        title: numbered ? `${template.title} Angkatan ${ROMAN[angkatan - 1]}` : template.title,
        kind: template.kind,
        organizer: template.organizer,
        hoursJp: template.hoursJp,
        startDate,
        endDate,
        criterionCodes: template.criteria,
      };
      trainings.push(training);

      const eligible = org.people.filter(
        (p) =>
          p.activeFrom <= startDate &&
          (p.activeTo === null || p.activeTo >= endDate) &&
          (taken.get(p.nip) ?? 0) < MAX_TRAININGS_PER_PERSON &&
          !(
            p.employmentType === 'PPPK' && (pppkJp.get(`${p.nip}:${year}`) ?? 0) + template.hoursJp > PPPK_JP_PER_YEAR
          ) &&
          template.audience(p, year),
      );
      const places = Math.max(1, Math.round(template.capacity * scale));
      for (const person of rng.shuffled(eligible).slice(0, places)) {
        taken.set(person.nip, (taken.get(person.nip) ?? 0) + 1);
        if (person.employmentType === 'PPPK') {
          pppkJp.set(`${person.nip}:${year}`, (pppkJp.get(`${person.nip}:${year}`) ?? 0) + template.hoursJp);
        }
        participations.push(participation(rng, training, person.nip, lastDay));
      }
    });
  });
  return { trainings, participations };
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V'];
/** The templates' `years` describe a plan of this many years, repeated. */
const PLAN_YEARS = 3;

/** Most complete; some drop out; some are still waiting for their certificate (ENROLLED) at the end of the data. */
function participation(rng: Random, training: Training, nip: string, lastDay: string): Participation {
  const outcome = rng.weighted<ParticipationStatus>([
    ['COMPLETED', 86],
    ['DROPPED', 8],
    ['ENROLLED', 6],
  ]);
  // A training that has not begun yet has only enrolled participants.
  if (outcome !== 'COMPLETED' || training.startDate > lastDay)
    return {
      trainingCode: training.code,
      nip,
      status: training.startDate > lastDay ? 'ENROLLED' : outcome,
      completedOn: null,
      hoursJp: null,
    };
  // E-learning is finished at the participant's own pace; classroom training on the last day or when the
  // certificate is issued a few days later.
  const completedOn =
    training.kind === 'E_LEARNING'
      ? addDays(training.startDate, rng.int(7, daysBetween(training.startDate, training.endDate)))
      : addDays(training.endDate, rng.chance(0.6) ? 0 : rng.int(1, 14));
  if (completedOn > lastDay)
    return { trainingCode: training.code, nip, status: 'ENROLLED', completedOn: null, hoursJp: null };
  // A coaching participant who missed sessions earns part of the JP.
  const hoursJp = training.kind === 'COACHING' && rng.chance(0.1) ? Math.max(2, training.hoursJp - 8) : null;
  return {
    trainingCode: training.code,
    nip,
    // Most rows leave the status empty (COMPLETED by default); some clerks write it out.
    status: rng.chance(0.2) ? 'COMPLETED' : null,
    completedOn,
    hoursJp,
  };
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
