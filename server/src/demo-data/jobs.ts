import type { PositionType } from '@kinerja/shared';

/**
 * Staff positions (jabatan pelaksana and jabatan fungsional) and the ranks that go with them. Titles follow the
 * nomenclature in use in Indonesian local government (PermenPANRB 41/2018 for pelaksana; the jabatan fungsional with
 * their jenjang, e.g. "Perawat Ahli Pertama", "Pranata Komputer Terampil").
 */

// prettier-ignore
/** PNS golongan/ruang, lowest first. The index is used for arithmetic (a regular promotion is one step). */
export const PNS_RANKS = [
  'I/a', 'I/b', 'I/c', 'I/d',
  'II/a', 'II/b', 'II/c', 'II/d',
  'III/a', 'III/b', 'III/c', 'III/d',
  'IV/a', 'IV/b', 'IV/c', 'IV/d', 'IV/e',
] as const;

/** Highest education of a person, which sets the starting rank of a PNS and the golongan of a PPPK. */
export type Education = 'SMA' | 'D3' | 'S1' | 'PROFESI' | 'S2';

/**
 * Highest rank a PNS reaches without a further degree: a pelaksana with SMA stops at III/b, with D3 at III/c
 * (promotion beyond needs the matching ijazah); the job's own ceiling applies on top.
 */
export const MAX_RANK_BY_EDUCATION: Readonly<Record<Education, number>> = {
  SMA: 9,
  D3: 10,
  S1: 16,
  PROFESI: 16,
  S2: 16,
};

/** Rank index at the CPNS start: SMA II/a, D3 II/c, S1 III/a, dokter and S2 III/b (PP 99/2000 as amended). */
export const ENTRY_RANK: Readonly<Record<Education, number>> = { SMA: 4, D3: 6, S1: 8, PROFESI: 9, S2: 9 };

/** PPPK golongan by education (PermenPANRB on PPPK salary groups): SMA V, D3 VII, S1 IX, dokter and S2 X. */
export const PPPK_RANK: Readonly<Record<Education, string>> = { SMA: 'V', D3: 'VII', S1: 'IX', PROFESI: 'X', S2: 'X' };

/** One way into a job: the education, the titles written around the name, and how common this way is. */
export interface Qualification {
  education: Education;
  /** Before the name: "dr.", "drg.", "apt." */
  prefix?: string;
  /** After the name; one is picked: ["S.E.", "S.Sos."]. Empty list: no degree. */
  suffixes: readonly string[];
  weight: number;
}

export interface Job {
  /**
   * Titles to pick from. For a jabatan fungsional with `jenjang`, the level is appended from the rank: keterampilan
   * (SMA, D3) Terampil / Mahir / Penyelia, keahlian (S1 and above) Ahli Pertama / Ahli Muda / Ahli Madya.
   */
  titles: readonly string[];
  positionType: Extract<PositionType, 'PELAKSANA' | 'FUNGSIONAL'>;
  jenjang: boolean;
  qualifications: readonly Qualification[];
  /** Share of women among the holders. */
  female: number;
  /** Share of PPPK among the holders; the rest are PNS. */
  pppk: number;
  /** Highest rank index a holder reaches: staff stop at III/d (less without a degree), teachers and experts go into IV. */
  maxRank: number;
  /** Retirement age (batas usia pensiun, PP 11/2017 Pasal 239): 58, or 60 for teachers and Ahli Madya. */
  retirementAge: number;
}

const III_D = 11;
const IV_B = 13;

function pelaksana(
  titles: readonly string[],
  qualifications: readonly Qualification[],
  female = 0.5,
  pppk = 0.12,
): Job {
  return {
    titles,
    positionType: 'PELAKSANA',
    jenjang: false,
    qualifications,
    female,
    pppk,
    maxRank: III_D,
    retirementAge: 58,
  };
}

function fungsional(
  titles: readonly string[],
  qualifications: readonly Qualification[],
  female: number,
  pppk: number,
  jenjang = true,
): Job {
  const expert = qualifications.some((q) => q.education !== 'SMA' && q.education !== 'D3');
  return {
    titles,
    positionType: 'FUNGSIONAL',
    jenjang,
    qualifications,
    female,
    pppk,
    maxRank: expert ? IV_B : III_D,
    retirementAge: 58,
  };
}

const q = (education: Education, suffixes: readonly string[], weight = 1, prefix?: string): Qualification =>
  prefix === undefined ? { education, suffixes, weight } : { education, suffixes, weight, prefix };

const ADMIN_DEGREES = ['S.E.', 'S.Sos.', 'S.AP', 'S.H.', 'S.Kom.', 'S.I.Kom.', 'S.Ak.'];
const ADMIN_QUALIFICATIONS = [q('SMA', [], 4), q('D3', ['A.Md.'], 2), q('S1', ADMIN_DEGREES, 4)];

const SMP_SUBJECTS = [
  'Guru Matematika',
  'Guru Bahasa Indonesia',
  'Guru Bahasa Inggris',
  'Guru Ilmu Pengetahuan Alam',
  'Guru Ilmu Pengetahuan Sosial',
  'Guru Pendidikan Pancasila dan Kewarganegaraan',
  'Guru Seni Budaya',
  'Guru Prakarya',
  'Guru Informatika',
  'Guru Bimbingan dan Konseling',
];

/** Every staff job, by key. Agencies and units refer to these keys in their staff mixes. */
export const JOBS = {
  // Education (Dinas Pendidikan): most of the city's ASN. Teachers' position titles name the subject.
  GURU_SD: {
    ...fungsional(['Guru Kelas'], [q('S1', ['S.Pd.', 'S.Pd.', 'S.Pd.', 'S.Pd.SD'])], 0.74, 0.45, false),
    retirementAge: 60,
  },
  GURU_SMP: {
    ...fungsional(SMP_SUBJECTS, [q('S1', ['S.Pd.']), q('S2', ['S.Pd., M.Pd.'], 0.1)], 0.66, 0.4, false),
    retirementAge: 60,
  },
  GURU_PAI: {
    ...fungsional(['Guru Pendidikan Agama Islam'], [q('S1', ['S.Pd.I.', 'S.Ag.'])], 0.6, 0.45, false),
    retirementAge: 60,
  },
  GURU_PAK: {
    ...fungsional(['Guru Pendidikan Agama Kristen'], [q('S1', ['S.Th.', 'S.Pd.K.'])], 0.6, 0.45, false),
    retirementAge: 60,
  },
  GURU_PJOK: {
    ...fungsional(['Guru Pendidikan Jasmani, Olahraga dan Kesehatan'], [q('S1', ['S.Pd.', 'S.Or.'])], 0.3, 0.45, false),
    retirementAge: 60,
  },
  GURU_TK: { ...fungsional(['Guru TK'], [q('S1', ['S.Pd.'])], 0.97, 0.45, false), retirementAge: 60 },
  PENGAWAS_SEKOLAH: { ...fungsional(['Pengawas Sekolah'], [q('S2', ['S.Pd., M.Pd.'])], 0.5, 0), retirementAge: 60 },
  TATA_USAHA_SEKOLAH: pelaksana(
    ['Pengadministrasi Sekolah', 'Pengelola Data Pendidikan'],
    ADMIN_QUALIFICATIONS,
    0.6,
    0.2,
  ),

  // Health (Dinas Kesehatan, puskesmas, RSUD).
  DOKTER: fungsional(['Dokter'], [q('PROFESI', [], 1, 'dr.')], 0.58, 0.2),
  DOKTER_GIGI: fungsional(['Dokter Gigi'], [q('PROFESI', [], 1, 'drg.')], 0.7, 0.2),
  // A specialist's jabatan is "Dokter Ahli Muda" like any doctor's; the specialty shows in the degree (Sp.A, Sp.PD).
  DOKTER_SPESIALIS: fungsional(
    ['Dokter'],
    [q('S2', ['Sp.PD', 'Sp.A', 'Sp.B', 'Sp.OG', 'Sp.An', 'Sp.Rad', 'Sp.PK', 'Sp.N', 'Sp.M'], 1, 'dr.')],
    0.45,
    0.1,
  ),
  PERAWAT: fungsional(['Perawat'], [q('D3', ['A.Md.Kep.'], 55), q('S1', ['S.Kep., Ns.'], 45)], 0.8, 0.4),
  BIDAN: fungsional(['Bidan'], [q('D3', ['A.Md.Keb.'], 65), q('S1', ['S.Tr.Keb.', 'S.Keb., Bd.'], 35)], 1, 0.4),
  APOTEKER: fungsional(['Apoteker'], [q('PROFESI', ['S.Farm.'], 1, 'apt.')], 0.75, 0.25),
  ASISTEN_APOTEKER: fungsional(['Asisten Apoteker'], [q('D3', ['A.Md.Farm.'])], 0.8, 0.3),
  PRANATA_LAB: fungsional(['Pranata Laboratorium Kesehatan'], [q('D3', ['A.Md.AK.'])], 0.75, 0.3),
  NUTRISIONIS: fungsional(['Nutrisionis'], [q('D3', ['A.Md.Gz.'], 2), q('S1', ['S.Gz.'], 1)], 0.85, 0.3),
  SANITARIAN: fungsional(['Tenaga Sanitasi Lingkungan'], [q('D3', ['A.Md.KL.'])], 0.55, 0.3),
  PEREKAM_MEDIS: fungsional(['Perekam Medis'], [q('D3', ['A.Md.RMIK.'])], 0.7, 0.3),
  RADIOGRAFER: fungsional(['Radiografer'], [q('D3', ['A.Md.Rad.'])], 0.45, 0.3),
  FISIOTERAPIS: fungsional(['Fisioterapis'], [q('D3', ['A.Md.Ftr.'])], 0.6, 0.3),
  PENYULUH_KESMAS: fungsional(
    ['Penyuluh Kesehatan Masyarakat', 'Epidemiolog Kesehatan'],
    [q('S1', ['S.KM'])],
    0.7,
    0.3,
  ),
  ADMINISTRATOR_KESEHATAN: fungsional(['Administrator Kesehatan'], [q('S1', ['S.KM', 'S.KM, M.Kes.'])], 0.65, 0.1),
  TEKNISI_ELEKTROMEDIS: fungsional(['Teknisi Elektromedis'], [q('D3', ['A.Md.T.'])], 0.2, 0.3),
  PENGEMUDI_AMBULANS: pelaksana(['Pengemudi Ambulans'], [q('SMA', [])], 0.02, 0.3),

  // Administration, in every agency.
  ADMINISTRASI: pelaksana(
    [
      'Pengadministrasi Umum',
      'Pengadministrasi Umum',
      'Pengadministrasi Perkantoran',
      'Pengadministrasi Kepegawaian',
      'Pengadministrasi Keuangan',
      'Pengolah Data',
      'Pengelola Program dan Kegiatan',
      'Penata Laporan Keuangan',
      'Pengelola Barang Milik Daerah',
      'Bendahara',
      'Pengarsip',
    ],
    ADMIN_QUALIFICATIONS,
  ),
  PENGEMUDI: pelaksana(['Pengemudi', 'Pramu Bakti'], [q('SMA', [])], 0.1, 0.1),

  // Agency specialists.
  AUDITOR: fungsional(['Auditor'], [q('S1', ['S.E.', 'S.Ak.', 'S.E., Ak.']), q('S2', ['S.E., M.Si.'], 0.2)], 0.5, 0.05),
  P2UPD: fungsional(
    ['Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah'],
    [q('S1', ['S.H.', 'S.Sos.', 'S.T.'])],
    0.45,
    0,
  ),
  PRANATA_KOMPUTER: fungsional(
    ['Pranata Komputer'],
    [q('D3', ['A.Md.Kom.'], 1), q('S1', ['S.Kom.', 'S.T.'], 2)],
    0.35,
    0.25,
  ),
  PRANATA_HUMAS: fungsional(['Pranata Hubungan Masyarakat'], [q('S1', ['S.I.Kom.', 'S.Sos.'])], 0.55, 0.15),
  STATISTISI: fungsional(['Statistisi'], [q('S1', ['S.Si.', 'S.Stat.'])], 0.55, 0.15),
  TEKNIK_SIPIL: fungsional(
    ['Teknik Jalan dan Jembatan', 'Teknik Tata Bangunan dan Perumahan', 'Teknik Pengairan'],
    [q('D3', ['A.Md.T.'], 1), q('S1', ['S.T.'], 2)],
    0.25,
    0.1,
  ),
  PENGAWAS_LAPANGAN: pelaksana(
    ['Pengawas Lapangan', 'Operator Alat Berat', 'Teknisi Sarana dan Prasarana'],
    [q('SMA', [], 2), q('D3', ['A.Md.T.'], 1)],
    0.05,
    0.1,
  ),
  PENGUJI_KENDARAAN: fungsional(['Penguji Kendaraan Bermotor'], [q('D3', ['A.Md.'])], 0.1, 0.05),
  PETUGAS_PERHUBUNGAN: pelaksana(
    ['Pengatur Lalu Lintas', 'Petugas Terminal', 'Pengelola Parkir'],
    [q('SMA', [])],
    0.15,
    0.1,
  ),
  ADMINDUK: fungsional(['Administrator Database Kependudukan'], [q('S1', ['S.Kom.', 'S.Sos.'])], 0.55, 0.1),
  PELAYANAN_ADMINDUK: pelaksana(
    ['Pengadministrasi Kependudukan', 'Operator Layanan Operasional'],
    ADMIN_QUALIFICATIONS,
    0.6,
    0.15,
  ),
  PEKERJA_SOSIAL: fungsional(['Pekerja Sosial', 'Penyuluh Sosial'], [q('S1', ['S.Sos.', 'S.Tr.Sos.'])], 0.6, 0.2),
  PENGENDALI_DAMPAK_LINGKUNGAN: fungsional(['Pengendali Dampak Lingkungan'], [q('S1', ['S.T.', 'S.Si.'])], 0.45, 0.1),
  PETUGAS_KEBERSIHAN: pelaksana(
    ['Petugas Kebersihan', 'Pengemudi Truk Sampah', 'Pengawas Kebersihan'],
    [q('SMA', [])],
    0.2,
    0.15,
  ),
  PENYULUH_PERIKANAN: fungsional(['Penyuluh Perikanan'], [q('D3', ['A.Md.Pi.'], 1), q('S1', ['S.Pi.'], 2)], 0.35, 0.2),
  PETUGAS_PERIKANAN: pelaksana(
    ['Pengelola Tempat Pelelangan Ikan', 'Pengawas Mutu Hasil Perikanan', 'Pendata Nelayan'],
    [q('SMA', [], 2), q('S1', ['S.Pi.'], 1)],
    0.3,
    0.1,
  ),
  PENERA: fungsional(['Penera'], [q('D3', ['A.Md.'], 1), q('S1', ['S.T.', 'S.Si.'], 1)], 0.3, 0.05),
  PENGAWAS_KOPERASI: fungsional(['Pengawas Koperasi'], [q('S1', ['S.E.'])], 0.5, 0.05),
  PENGELOLA_PASAR: pelaksana(['Pengelola Pasar', 'Pemungut Retribusi'], [q('SMA', [])], 0.3, 0.1),
  ADYATAMA_PARIWISATA: fungsional(
    ['Adyatama Kepariwisataan dan Ekonomi Kreatif', 'Pamong Budaya'],
    [q('S1', ['S.Par.', 'S.Sos.', 'S.S.'])],
    0.55,
    0.15,
  ),
  PENYULUH_KB: fungsional(
    ['Penyuluh Keluarga Berencana', 'Analis Perlindungan Anak'],
    [q('S1', ['S.Sos.', 'S.KM', 'S.Psi.'])],
    0.75,
    0.15,
  ),
  PENATA_PERIZINAN: fungsional(
    ['Penata Perizinan', 'Analis Penanaman Modal'],
    [q('S1', ['S.H.', 'S.E.', 'S.AP'])],
    0.55,
    0.1,
  ),
  POLISI_PAMONG_PRAJA: fungsional(
    ['Polisi Pamong Praja'],
    [q('SMA', [], 3), q('S1', ['S.H.', 'S.Sos.'], 1)],
    0.12,
    0.15,
  ),
  PEMADAM_KEBAKARAN: fungsional(['Pemadam Kebakaran'], [q('SMA', [])], 0.03, 0.15),
  PERENCANA: fungsional(
    ['Perencana'],
    [q('S1', ['S.E.', 'S.T.', 'S.P.']), q('S2', ['S.T., M.T.', 'S.E., M.Si.'], 0.3)],
    0.5,
    0.05,
  ),
  ANALIS_SDM: fungsional(
    ['Analis Sumber Daya Manusia Aparatur', 'Pranata Sumber Daya Manusia Aparatur'],
    [q('S1', ['S.Psi.', 'S.Sos.', 'S.AP'])],
    0.6,
    0.05,
  ),
  ANALIS_KEUANGAN: fungsional(
    ['Analis Keuangan Pusat dan Daerah', 'Pemeriksa Pajak Daerah'],
    [q('S1', ['S.E.', 'S.Ak.'])],
    0.6,
    0.05,
  ),
  PENGELOLA_PENDAPATAN: pelaksana(
    ['Pengelola Pajak Daerah', 'Bendahara Penerimaan', 'Penata Laporan Keuangan'],
    ADMIN_QUALIFICATIONS,
    0.55,
    0.1,
  ),
  PENANGGULANGAN_BENCANA: fungsional(['Analis Kebencanaan'], [q('S1', ['S.T.', 'S.Si.', 'S.Sos.'])], 0.35, 0.1),
  PETUGAS_BENCANA: pelaksana(
    ['Petugas Pusat Pengendalian Operasi', 'Anggota Tim Reaksi Cepat'],
    [q('SMA', [])],
    0.1,
    0.15,
  ),
  ANALIS_KEBIJAKAN: fungsional(
    ['Analis Kebijakan'],
    [q('S1', ['S.Sos.', 'S.IP', 'S.H.']), q('S2', ['S.Sos., M.Si.'], 0.3)],
    0.5,
    0.05,
  ),
  PERANCANG_PERATURAN: fungsional(
    ['Perancang Peraturan Perundang-undangan'],
    [q('S1', ['S.H.']), q('S2', ['S.H., M.H.'], 0.3)],
    0.5,
    0,
  ),
  PENGELOLA_PENGADAAN: fungsional(['Pengelola Pengadaan Barang/Jasa'], [q('S1', ['S.T.', 'S.E.'])], 0.35, 0),
  PERISALAH: fungsional(['Perisalah Legislatif', 'Analis Legislatif'], [q('S1', ['S.H.', 'S.Sos.'])], 0.55, 0.05),
  PEMERINTAHAN_KELURAHAN: pelaksana(
    ['Pengadministrasi Pemerintahan', 'Pengelola Data Kependudukan', 'Pengadministrasi Umum'],
    ADMIN_QUALIFICATIONS,
    0.55,
    0.12,
  ),
} as const satisfies Record<string, Job>;

export type JobKey = keyof typeof JOBS;

/** Jobs of teachers and of health workers: the two large groups that trainings and analyses single out. */
export const TEACHING_JOBS: ReadonlySet<JobKey> = new Set([
  'GURU_SD',
  'GURU_SMP',
  'GURU_PAI',
  'GURU_PAK',
  'GURU_PJOK',
  'GURU_TK',
  'PENGAWAS_SEKOLAH',
]);
export const HEALTH_JOBS: ReadonlySet<JobKey> = new Set([
  'DOKTER',
  'DOKTER_GIGI',
  'DOKTER_SPESIALIS',
  'PERAWAT',
  'BIDAN',
  'APOTEKER',
  'ASISTEN_APOTEKER',
  'PRANATA_LAB',
  'NUTRISIONIS',
  'SANITARIAN',
  'PEREKAM_MEDIS',
  'RADIOGRAFER',
  'FISIOTERAPIS',
  'PENYULUH_KESMAS',
  'ADMINISTRATOR_KESEHATAN',
  'TEKNISI_ELEKTROMEDIS',
]);

/** The jenjang of a jabatan fungsional from the holder's rank (or, for PPPK, from the education). */
export function jenjang(track: 'KEAHLIAN' | 'KETERAMPILAN', rank: number): string {
  if (track === 'KETERAMPILAN') return rank <= 7 ? 'Terampil' : rank <= 9 ? 'Mahir' : 'Penyelia';
  return rank <= 9 ? 'Ahli Pertama' : rank <= 11 ? 'Ahli Muda' : 'Ahli Madya';
}

/** Education and titles of the people who head units; the holder of a post is drawn from one of these. */
export interface LeaderProfile {
  qualifications: readonly Qualification[];
  female: number;
}

export const LEADER_PROFILES = {
  UMUM: {
    qualifications: [
      q('S1', ['S.Sos.', 'S.E.', 'S.H.', 'S.AP'], 2),
      q('S2', ['S.Sos., M.Si.', 'S.E., M.M.', 'S.H., M.H.', 'S.AP, M.AP', 'S.STP, M.Si.'], 3),
    ],
    female: 0.35,
  },
  PEMERINTAHAN: {
    qualifications: [
      q('S1', ['S.STP', 'S.IP', 'S.Sos.'], 1),
      q('S2', ['S.STP, M.Si.', 'S.IP, M.AP', 'S.Sos., M.AP'], 1),
    ],
    female: 0.3,
  },
  PENDIDIKAN: { qualifications: [q('S1', ['S.Pd.'], 3), q('S2', ['S.Pd., M.Pd.'], 2)], female: 0.55 },
  KESEHATAN: {
    qualifications: [q('PROFESI', [], 2, 'dr.'), q('S2', ['M.Kes.', 'M.K.M.'], 2, 'dr.'), q('S2', ['S.KM, M.Kes.'], 1)],
    female: 0.5,
  },
  KEPERAWATAN: { qualifications: [q('S1', ['S.Kep., Ns.'], 3), q('S2', ['S.Kep., Ns., M.Kep.'], 1)], female: 0.8 },
  TEKNIK: { qualifications: [q('S1', ['S.T.'], 1), q('S2', ['S.T., M.T.', 'S.T., M.Si.'], 1)], female: 0.15 },
  KEUANGAN: {
    qualifications: [q('S1', ['S.E.', 'S.E., Ak.'], 1), q('S2', ['S.E., M.Si.', 'S.E., M.M., Ak.'], 1)],
    female: 0.4,
  },
  HUKUM: { qualifications: [q('S1', ['S.H.'], 1), q('S2', ['S.H., M.H.'], 1)], female: 0.35 },
  PERIKANAN: { qualifications: [q('S1', ['S.Pi.'], 1), q('S2', ['S.Pi., M.Si.'], 1)], female: 0.3 },
} as const satisfies Record<string, LeaderProfile>;

export type LeaderProfileKey = keyof typeof LEADER_PROFILES;
