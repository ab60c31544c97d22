import type { AgencyKind, PositionType } from '@kinerja/shared';
import type { JobKey, LeaderProfileKey } from './jobs.js';

/**
 * The perangkat daerah of Kota Sibolga (Perda Kota Sibolga No. 1/2017 under PP 18/2016) and their organisation
 * charts at full size. The charts follow the usual shape of a kota's agencies (a head, a secretariat, bidang with
 * seksi, UPTD such as puskesmas and schools); the school, puskesmas and ward names are plausible Sibolga names, the
 * sizes are chosen so that the default 3,500 employees are mostly teachers and health workers, as in the real city.
 * The generator scales these charts to the number of employees asked for (organisation.ts).
 */

/** How senior the head of a unit is: sets the rank band and the age of the person drawn for the post. */
export type LeaderRole = 'SEKDA' | 'JPT' | 'ADMINISTRATOR' | 'PENGAWAS' | 'KEPALA_SEKOLAH' | 'KEPALA_RUANGAN';

/** Direct staff of a unit: the ideal head count, split over jobs in proportion to the weights. */
export interface StaffMix {
  count: number;
  jobs: readonly (readonly [JobKey, number])[];
}

/** A post with the people under it: its own staff and the units whose heads report to it. */
export interface Unit {
  /** The head's position title, e.g. "Kepala Bidang Pelayanan Kesehatan". */
  title: string;
  positionType: PositionType;
  role: LeaderRole;
  holder: LeaderProfileKey;
  staff: StaffMix;
  children: readonly Unit[];
}

export interface AgencyTemplate {
  code: string;
  name: string;
  kind: AgencyKind;
  /** The agency head and everything under them. */
  head: Unit;
}

const NO_STAFF: StaffMix = { count: 0, jobs: [] };

function unit(
  title: string,
  positionType: PositionType,
  role: LeaderRole,
  holder: LeaderProfileKey,
  staff: StaffMix = NO_STAFF,
  children: readonly Unit[] = [],
): Unit {
  return { title, positionType, role, holder, staff, children };
}

const mix = (count: number, ...jobs: (readonly [JobKey, number])[]): StaffMix => ({ count, jobs });

/** A subbagian / seksi / subbidang: a PENGAWAS post with a few staff. */
function section(name: string, staff: StaffMix, holder: LeaderProfileKey = 'UMUM'): Unit {
  return unit(`Kepala ${name}`, 'PENGAWAS', 'PENGAWAS', holder, staff);
}

/** Seksi staff: mostly administrators, with the agency's specialists (weights relative to each other). */
function sectionStaff(
  count: number,
  specialists: readonly (readonly [JobKey, number])[],
  specialistShare = 0.4,
): StaffMix {
  const total = specialists.reduce((s, [, w]) => s + w, 0);
  const scaled = specialists.map(([job, w]) => [job, (w / total) * specialistShare] as const);
  return { count, jobs: [...scaled, ['ADMINISTRASI', 1 - specialistShare]] };
}

/** The secretariat of a dinas or badan: Sekretaris with two subbagian. */
function sekretariat(title = 'Sekretaris', staffPerSubbagian = 3): Unit {
  return unit(title, 'ADMINISTRATOR', 'ADMINISTRATOR', 'UMUM', NO_STAFF, [
    section('Subbagian Umum dan Kepegawaian', mix(staffPerSubbagian, ['ADMINISTRASI', 3], ['PENGEMUDI', 1])),
    section('Subbagian Keuangan dan Perencanaan', mix(staffPerSubbagian, ['ADMINISTRASI', 1])),
  ]);
}

interface BidangSpec {
  /** Without the "Bidang" prefix. */
  name: string;
  /** Names of the seksi or subbidang, without the prefix. */
  sections: readonly string[];
  specialists: readonly (readonly [JobKey, number])[];
  /** Staff per seksi (default 3). */
  sectionStaff?: number;
  /** Share of specialists among the seksi staff (default 0.4; field units such as Satpol PP are mostly specialists). */
  specialistShare?: number;
  /** Specialists reporting to the kepala bidang directly (default 2). */
  direct?: number;
  holder?: LeaderProfileKey;
}

function bidang(spec: BidangSpec, sectionPrefix: 'Seksi' | 'Subbidang'): Unit {
  const holder = spec.holder ?? 'UMUM';
  return unit(
    `Kepala Bidang ${spec.name}`,
    'ADMINISTRATOR',
    'ADMINISTRATOR',
    holder,
    mix(spec.direct ?? 2, ...spec.specialists),
    spec.sections.map((name) =>
      section(
        `${sectionPrefix} ${name}`,
        sectionStaff(spec.sectionStaff ?? 3, spec.specialists, spec.specialistShare),
        holder,
      ),
    ),
  );
}

/** A dinas or badan of the usual shape: head, secretariat, bidang with seksi (or subbidang), and any UPTD. */
function opd(spec: {
  code: string;
  name: string;
  kind: AgencyKind;
  headTitle: string;
  holder: LeaderProfileKey;
  bidang: readonly BidangSpec[];
  uptd?: readonly Unit[];
}): AgencyTemplate {
  const sectionPrefix = spec.kind === 'BADAN' ? 'Subbidang' : 'Seksi';
  return {
    code: spec.code,
    name: spec.name,
    kind: spec.kind,
    head: unit(spec.headTitle, 'JPT', 'JPT', spec.holder, NO_STAFF, [
      sekretariat(),
      ...spec.bidang.map((b) => bidang(b, sectionPrefix)),
      ...(spec.uptd ?? []),
    ]),
  };
}

/** A bagian of the Sekretariat Daerah or DPRD: Kepala Bagian, two subbagian, one or two specialists. */
function bagian(
  name: string,
  subbagian: readonly [string, string],
  specialist: JobKey,
  holder: LeaderProfileKey = 'UMUM',
): Unit {
  return unit(
    `Kepala Bagian ${name}`,
    'ADMINISTRATOR',
    'ADMINISTRATOR',
    holder,
    mix(2, [specialist, 1]),
    subbagian.map((s) => section(`Subbagian ${s}`, mix(3, ['ADMINISTRASI', 3], [specialist, 1]), holder)),
  );
}

const SETDA: AgencyTemplate = {
  code: 'SETDA',
  name: 'Sekretariat Daerah',
  kind: 'SEKRETARIAT',
  head: unit('Sekretaris Daerah', 'JPT', 'SEKDA', 'PEMERINTAHAN', NO_STAFF, [
    unit('Staf Ahli Wali Kota Bidang Pemerintahan, Hukum dan Politik', 'JPT', 'JPT', 'HUKUM'),
    unit('Staf Ahli Wali Kota Bidang Ekonomi, Keuangan dan Pembangunan', 'JPT', 'JPT', 'KEUANGAN'),
    unit('Staf Ahli Wali Kota Bidang Kemasyarakatan dan Sumber Daya Manusia', 'JPT', 'JPT', 'UMUM'),
    unit('Asisten Pemerintahan dan Kesejahteraan Rakyat', 'JPT', 'JPT', 'PEMERINTAHAN', NO_STAFF, [
      bagian(
        'Pemerintahan',
        ['Administrasi Pemerintahan', 'Otonomi Daerah dan Kerja Sama'],
        'ANALIS_KEBIJAKAN',
        'PEMERINTAHAN',
      ),
      bagian('Kesejahteraan Rakyat', ['Bina Mental dan Spiritual', 'Kesejahteraan Masyarakat'], 'ANALIS_KEBIJAKAN'),
      bagian('Hukum', ['Peraturan Perundang-undangan', 'Bantuan Hukum'], 'PERANCANG_PERATURAN', 'HUKUM'),
    ]),
    unit('Asisten Perekonomian dan Pembangunan', 'JPT', 'JPT', 'KEUANGAN', NO_STAFF, [
      bagian('Perekonomian dan Sumber Daya Alam', ['Perekonomian', 'Sumber Daya Alam'], 'ANALIS_KEBIJAKAN'),
      bagian('Administrasi Pembangunan', ['Pengendalian Pembangunan', 'Evaluasi dan Pelaporan'], 'PERENCANA'),
      bagian(
        'Pengadaan Barang dan Jasa',
        ['Pengelolaan Pengadaan', 'Pembinaan dan Advokasi'],
        'PENGELOLA_PENGADAAN',
        'TEKNIK',
      ),
    ]),
    unit('Asisten Administrasi Umum', 'JPT', 'JPT', 'UMUM', NO_STAFF, [
      bagian('Umum', ['Tata Usaha Pimpinan', 'Rumah Tangga'], 'PENGEMUDI'),
      bagian(
        'Organisasi',
        ['Kelembagaan dan Analisis Jabatan', 'Reformasi Birokrasi dan Akuntabilitas Kinerja'],
        'ANALIS_KEBIJAKAN',
      ),
      bagian('Protokol dan Komunikasi Pimpinan', ['Protokol', 'Komunikasi Pimpinan'], 'PRANATA_HUMAS'),
    ]),
  ]),
};

const SETDPRD: AgencyTemplate = {
  code: 'SETDPRD',
  name: 'Sekretariat DPRD',
  kind: 'SEKRETARIAT',
  head: unit('Sekretaris DPRD', 'JPT', 'JPT', 'UMUM', NO_STAFF, [
    bagian('Umum dan Keuangan', ['Tata Usaha dan Rumah Tangga', 'Keuangan'], 'PENGEMUDI'),
    bagian(
      'Persidangan dan Perundang-undangan',
      ['Persidangan dan Risalah', 'Perundang-undangan'],
      'PERISALAH',
      'HUKUM',
    ),
    bagian('Fasilitasi Penganggaran dan Pengawasan', ['Fasilitasi Penganggaran', 'Fasilitasi Pengawasan'], 'PERISALAH'),
  ]),
};

const INSPEKTORAT: AgencyTemplate = {
  code: 'INSPEKTORAT',
  name: 'Inspektorat',
  kind: 'INSPEKTORAT',
  head: unit('Inspektur', 'JPT', 'JPT', 'KEUANGAN', NO_STAFF, [
    sekretariat(),
    ...['I', 'II', 'III', 'IV'].map((wilayah) =>
      unit(
        `Inspektur Pembantu Wilayah ${wilayah}`,
        'ADMINISTRATOR',
        'ADMINISTRATOR',
        'KEUANGAN',
        mix(6, ['AUDITOR', 4], ['P2UPD', 2]),
      ),
    ),
  ]),
};

// prettier-ignore
/** SD negeri in North Sumatra carry six-digit numbers; sizes vary between small and large schools. */
const SD_NUMBERS = [
  '081221', '081222', '081223', '081224', '081225', '081226', '081227', '081228', '081229', '081230', '081231',
  '081232', '081233', '081234', '081235', '081236', '084071', '084072', '084073', '084074', '084075', '084076',
  '084077', '084078', '084079', '084080', '084081', '084082', '084083', '084084', '085110', '085111', '085112',
  '085113', '085114', '085115', '085116', '085117', '085118', '085119', '085120', '085121',
];

function sekolahDasar(number: string, index: number): Unit {
  const teachers = 12 + ((index * 7) % 11); // 12..22 class and subject teachers
  return unit(
    `Kepala SD Negeri ${number} Sibolga`,
    'FUNGSIONAL',
    'KEPALA_SEKOLAH',
    'PENDIDIKAN',
    mix(
      teachers + 1,
      ['GURU_SD', teachers - 3],
      ['GURU_PAI', 1.2],
      ['GURU_PAK', 0.9],
      ['GURU_PJOK', 1],
      ['TATA_USAHA_SEKOLAH', 0.9],
    ),
  );
}

const SMP_TEACHERS = [58, 52, 46, 42, 36, 30];

function sekolahMenengahPertama(teachers: number, index: number): Unit {
  return unit(
    `Kepala SMP Negeri ${index + 1} Sibolga`,
    'FUNGSIONAL',
    'KEPALA_SEKOLAH',
    'PENDIDIKAN',
    mix(
      teachers + 3,
      ['GURU_SMP', teachers * 0.82],
      ['GURU_PAI', teachers * 0.07],
      ['GURU_PAK', teachers * 0.05],
      ['GURU_PJOK', teachers * 0.06],
      ['TATA_USAHA_SEKOLAH', 3],
    ),
  );
}

const DISDIK: AgencyTemplate = {
  code: 'DISDIK',
  name: 'Dinas Pendidikan',
  kind: 'DINAS',
  head: unit('Kepala Dinas Pendidikan', 'JPT', 'JPT', 'PENDIDIKAN', NO_STAFF, [
    sekretariat('Sekretaris', 4),
    unit(
      'Kepala Bidang Pembinaan Sekolah Dasar',
      'ADMINISTRATOR',
      'ADMINISTRATOR',
      'PENDIDIKAN',
      mix(1, ['ADMINISTRASI', 1]),
      [
        section('Seksi Kurikulum dan Penilaian Sekolah Dasar', mix(2, ['ADMINISTRASI', 1]), 'PENDIDIKAN'),
        section('Seksi Kelembagaan dan Sarana Prasarana Sekolah Dasar', mix(2, ['ADMINISTRASI', 1]), 'PENDIDIKAN'),
        ...SD_NUMBERS.map(sekolahDasar),
      ],
    ),
    unit(
      'Kepala Bidang Pembinaan Sekolah Menengah Pertama',
      'ADMINISTRATOR',
      'ADMINISTRATOR',
      'PENDIDIKAN',
      mix(1, ['ADMINISTRASI', 1]),
      [
        section('Seksi Kurikulum dan Penilaian Sekolah Menengah Pertama', mix(2, ['ADMINISTRASI', 1]), 'PENDIDIKAN'),
        section(
          'Seksi Kelembagaan dan Sarana Prasarana Sekolah Menengah Pertama',
          mix(2, ['ADMINISTRASI', 1]),
          'PENDIDIKAN',
        ),
        ...SMP_TEACHERS.map(sekolahMenengahPertama),
      ],
    ),
    unit(
      'Kepala Bidang Pembinaan PAUD dan Pendidikan Nonformal',
      'ADMINISTRATOR',
      'ADMINISTRATOR',
      'PENDIDIKAN',
      NO_STAFF,
      [
        section('Seksi Kurikulum dan Kelembagaan PAUD', mix(2, ['ADMINISTRASI', 1]), 'PENDIDIKAN'),
        section('Seksi Pendidikan Masyarakat dan Kesetaraan', mix(2, ['ADMINISTRASI', 1]), 'PENDIDIKAN'),
        unit(
          'Kepala TK Negeri Pembina Sibolga',
          'FUNGSIONAL',
          'KEPALA_SEKOLAH',
          'PENDIDIKAN',
          mix(8, ['GURU_TK', 7], ['TATA_USAHA_SEKOLAH', 1]),
        ),
        unit(
          'Kepala TK Negeri 2 Sibolga',
          'FUNGSIONAL',
          'KEPALA_SEKOLAH',
          'PENDIDIKAN',
          mix(6, ['GURU_TK', 5], ['TATA_USAHA_SEKOLAH', 1]),
        ),
      ],
    ),
    unit(
      'Kepala Bidang Pendidik dan Tenaga Kependidikan',
      'ADMINISTRATOR',
      'ADMINISTRATOR',
      'PENDIDIKAN',
      mix(8, ['PENGAWAS_SEKOLAH', 1]),
      [
        section('Seksi Pendidik', mix(3, ['ADMINISTRASI', 1]), 'PENDIDIKAN'),
        section('Seksi Tenaga Kependidikan', mix(3, ['ADMINISTRASI', 1]), 'PENDIDIKAN'),
      ],
    ),
  ]),
};

const PUSKESMAS = [
  ['Pintu Angin', 70],
  ['Aek Habil', 64],
  ['Aek Parombunan', 58],
  ['Sibolga Sambas', 56],
  ['Hutabarangan', 48],
] as const;

function puskesmas(name: string, size: number): Unit {
  return unit(
    `Kepala UPTD Puskesmas ${name}`,
    'PENGAWAS',
    'PENGAWAS',
    'KESEHATAN',
    mix(
      size,
      ['DOKTER', 4],
      ['DOKTER_GIGI', 1],
      ['PERAWAT', 16],
      ['BIDAN', 14],
      ['APOTEKER', 1],
      ['ASISTEN_APOTEKER', 2],
      ['PRANATA_LAB', 2],
      ['NUTRISIONIS', 2],
      ['SANITARIAN', 2],
      ['PENYULUH_KESMAS', 2],
      ['PEREKAM_MEDIS', 2],
      ['ADMINISTRASI', 4],
      ['PENGEMUDI_AMBULANS', 1],
    ),
  );
}

const DINKES = opd({
  code: 'DINKES',
  name: 'Dinas Kesehatan',
  kind: 'DINAS',
  headTitle: 'Kepala Dinas Kesehatan',
  holder: 'KESEHATAN',
  bidang: [
    {
      name: 'Kesehatan Masyarakat',
      sections: ['Kesehatan Keluarga dan Gizi', 'Promosi Kesehatan dan Kesehatan Lingkungan'],
      specialists: [
        ['PENYULUH_KESMAS', 2],
        ['NUTRISIONIS', 1],
      ],
      holder: 'KESEHATAN',
    },
    {
      name: 'Pencegahan dan Pengendalian Penyakit',
      sections: ['Surveilans dan Imunisasi', 'Pengendalian Penyakit Menular dan Tidak Menular'],
      specialists: [
        ['PENYULUH_KESMAS', 1],
        ['PERAWAT', 1],
      ],
      holder: 'KESEHATAN',
    },
    {
      name: 'Pelayanan dan Sumber Daya Kesehatan',
      sections: ['Pelayanan Kesehatan Primer dan Rujukan', 'Kefarmasian, Alat Kesehatan dan Sumber Daya Kesehatan'],
      specialists: [
        ['ADMINISTRATOR_KESEHATAN', 1],
        ['APOTEKER', 1],
      ],
      holder: 'KESEHATAN',
    },
  ],
  uptd: PUSKESMAS.map(([name, size]) => puskesmas(name, size)),
});

const WARDS = [
  ['Instalasi Gawat Darurat', 'PERAWAT', 26],
  ['Intensive Care Unit', 'PERAWAT', 16],
  ['Instalasi Bedah Sentral', 'PERAWAT', 18],
  ['Rawat Inap Penyakit Dalam', 'PERAWAT', 26],
  ['Rawat Inap Bedah', 'PERAWAT', 22],
  ['Rawat Inap Anak', 'PERAWAT', 20],
  ['Kebidanan dan Perinatologi', 'BIDAN', 24],
  ['Rawat Jalan', 'PERAWAT', 20],
  ['Hemodialisa', 'PERAWAT', 10],
] as const;

const RSUD: AgencyTemplate = {
  code: 'RSUD',
  name: 'RSUD Dr. F.L. Tobing',
  kind: 'RSUD',
  head: unit('Direktur RSUD Dr. F.L. Tobing', 'JPT', 'JPT', 'KESEHATAN', NO_STAFF, [
    unit('Kepala Bagian Tata Usaha', 'ADMINISTRATOR', 'ADMINISTRATOR', 'UMUM', NO_STAFF, [
      section('Subbagian Umum dan Kepegawaian', mix(5, ['ADMINISTRASI', 4], ['PENGEMUDI', 1])),
      section('Subbagian Keuangan', mix(5, ['ADMINISTRASI', 1])),
      section('Subbagian Perencanaan, Evaluasi dan Rekam Medis', mix(8, ['PEREKAM_MEDIS', 6], ['ADMINISTRASI', 2])),
    ]),
    unit('Kepala Bidang Pelayanan Medik', 'ADMINISTRATOR', 'ADMINISTRATOR', 'KESEHATAN', NO_STAFF, [
      section('Seksi Pelayanan Medik', mix(32, ['DOKTER_SPESIALIS', 18], ['DOKTER', 14]), 'KESEHATAN'),
      section(
        'Seksi Penunjang Medik',
        mix(
          36,
          ['APOTEKER', 5],
          ['ASISTEN_APOTEKER', 8],
          ['PRANATA_LAB', 10],
          ['RADIOGRAFER', 6],
          ['NUTRISIONIS', 4],
          ['FISIOTERAPIS', 3],
        ),
        'KESEHATAN',
      ),
    ]),
    unit('Kepala Bidang Keperawatan', 'ADMINISTRATOR', 'ADMINISTRATOR', 'KEPERAWATAN', NO_STAFF, [
      section('Seksi Asuhan Keperawatan', mix(3, ['PERAWAT', 1]), 'KEPERAWATAN'),
      section('Seksi Mutu dan Etika Keperawatan', mix(2, ['PERAWAT', 1]), 'KEPERAWATAN'),
      ...WARDS.map(([ward, job, size]) =>
        unit(`Kepala Ruangan ${ward}`, 'FUNGSIONAL', 'KEPALA_RUANGAN', 'KEPERAWATAN', mix(size, [job, 1])),
      ),
    ]),
    unit('Kepala Bidang Penunjang Nonmedik dan Sarana', 'ADMINISTRATOR', 'ADMINISTRATOR', 'TEKNIK', NO_STAFF, [
      section(
        'Seksi Sarana dan Prasarana',
        mix(11, ['TEKNISI_ELEKTROMEDIS', 4], ['PENGAWAS_LAPANGAN', 3], ['PENGEMUDI_AMBULANS', 4]),
        'TEKNIK',
      ),
      section('Seksi Sistem Informasi Rumah Sakit', mix(6, ['PRANATA_KOMPUTER', 4], ['ADMINISTRASI', 2]), 'TEKNIK'),
    ]),
  ]),
};

const PUPR = opd({
  code: 'PUPR',
  name: 'Dinas Pekerjaan Umum dan Penataan Ruang',
  kind: 'DINAS',
  headTitle: 'Kepala Dinas Pekerjaan Umum dan Penataan Ruang',
  holder: 'TEKNIK',
  bidang: [
    {
      name: 'Bina Marga',
      sections: ['Pembangunan Jalan dan Jembatan', 'Pemeliharaan Jalan dan Jembatan'],
      specialists: [
        ['TEKNIK_SIPIL', 1],
        ['PENGAWAS_LAPANGAN', 1],
      ],
      sectionStaff: 4,
      holder: 'TEKNIK',
    },
    {
      name: 'Sumber Daya Air',
      sections: ['Drainase Perkotaan', 'Pengamanan Pantai dan Pengendalian Banjir'],
      specialists: [
        ['TEKNIK_SIPIL', 1],
        ['PENGAWAS_LAPANGAN', 1],
      ],
      sectionStaff: 4,
      holder: 'TEKNIK',
    },
    {
      name: 'Cipta Karya',
      sections: ['Bangunan Gedung', 'Air Minum dan Sanitasi'],
      specialists: [
        ['TEKNIK_SIPIL', 2],
        ['PENGAWAS_LAPANGAN', 1],
      ],
      holder: 'TEKNIK',
    },
    {
      name: 'Penataan Ruang',
      sections: ['Perencanaan Tata Ruang', 'Pengendalian Pemanfaatan Ruang'],
      specialists: [['TEKNIK_SIPIL', 1]],
      holder: 'TEKNIK',
    },
  ],
});

const DISHUB = opd({
  code: 'DISHUB',
  name: 'Dinas Perhubungan',
  kind: 'DINAS',
  headTitle: 'Kepala Dinas Perhubungan',
  holder: 'UMUM',
  bidang: [
    {
      name: 'Lalu Lintas dan Angkutan Jalan',
      sections: ['Manajemen dan Rekayasa Lalu Lintas', 'Angkutan Jalan'],
      specialists: [['PETUGAS_PERHUBUNGAN', 1]],
      sectionStaff: 6,
      specialistShare: 0.8,
    },
    {
      name: 'Sarana dan Prasarana',
      sections: ['Terminal dan Perparkiran', 'Pengujian Kendaraan Bermotor'],
      specialists: [
        ['PETUGAS_PERHUBUNGAN', 2],
        ['PENGUJI_KENDARAAN', 1],
      ],
      sectionStaff: 5,
      specialistShare: 0.7,
    },
    {
      name: 'Perhubungan Laut',
      sections: ['Angkutan Perairan', 'Keselamatan Pelayaran Rakyat'],
      specialists: [['PETUGAS_PERHUBUNGAN', 1]],
    },
  ],
});

const DISKOMINFO = opd({
  code: 'DISKOMINFO',
  name: 'Dinas Komunikasi dan Informatika',
  kind: 'DINAS',
  headTitle: 'Kepala Dinas Komunikasi dan Informatika',
  holder: 'UMUM',
  bidang: [
    {
      name: 'Informasi dan Komunikasi Publik',
      sections: ['Pengelolaan Informasi Publik', 'Kemitraan Media'],
      specialists: [['PRANATA_HUMAS', 1]],
    },
    {
      name: 'Aplikasi Informatika dan Persandian',
      sections: ['Layanan Sistem Pemerintahan Berbasis Elektronik', 'Persandian dan Keamanan Informasi'],
      specialists: [['PRANATA_KOMPUTER', 1]],
      direct: 3,
    },
    { name: 'Statistik', sections: ['Statistik Sektoral', 'Pengelolaan Data'], specialists: [['STATISTISI', 1]] },
  ],
});

const DISDUKCAPIL = opd({
  code: 'DISDUKCAPIL',
  name: 'Dinas Kependudukan dan Pencatatan Sipil',
  kind: 'DINAS',
  headTitle: 'Kepala Dinas Kependudukan dan Pencatatan Sipil',
  holder: 'PEMERINTAHAN',
  bidang: [
    {
      name: 'Pelayanan Pendaftaran Penduduk',
      sections: ['Identitas Penduduk', 'Pindah Datang dan Pendataan Penduduk'],
      specialists: [['PELAYANAN_ADMINDUK', 1]],
      sectionStaff: 4,
    },
    {
      name: 'Pelayanan Pencatatan Sipil',
      sections: ['Kelahiran dan Kematian', 'Perkawinan dan Perceraian'],
      specialists: [['PELAYANAN_ADMINDUK', 1]],
      sectionStaff: 4,
    },
    {
      name: 'Pengelolaan Informasi Administrasi Kependudukan',
      sections: ['Sistem Informasi Administrasi Kependudukan', 'Pengolahan dan Penyajian Data'],
      specialists: [['ADMINDUK', 1]],
    },
  ],
});

const DINSOS = opd({
  code: 'DINSOS',
  name: 'Dinas Sosial',
  kind: 'DINAS',
  headTitle: 'Kepala Dinas Sosial',
  holder: 'UMUM',
  bidang: [
    {
      name: 'Rehabilitasi Sosial',
      sections: ['Rehabilitasi Sosial Anak dan Lanjut Usia', 'Rehabilitasi Sosial Penyandang Disabilitas'],
      specialists: [['PEKERJA_SOSIAL', 1]],
    },
    {
      name: 'Perlindungan dan Jaminan Sosial',
      sections: ['Perlindungan Sosial Korban Bencana', 'Jaminan Sosial Keluarga'],
      specialists: [['PEKERJA_SOSIAL', 1]],
    },
    {
      name: 'Pemberdayaan Sosial dan Penanganan Fakir Miskin',
      sections: ['Pemberdayaan Sosial', 'Penanganan Fakir Miskin'],
      specialists: [['PEKERJA_SOSIAL', 1]],
    },
  ],
});

const DLH = opd({
  code: 'DLH',
  name: 'Dinas Lingkungan Hidup',
  kind: 'DINAS',
  headTitle: 'Kepala Dinas Lingkungan Hidup',
  holder: 'TEKNIK',
  bidang: [
    {
      name: 'Tata Lingkungan',
      sections: ['Kajian Dampak Lingkungan', 'Pemeliharaan Lingkungan dan Ruang Terbuka Hijau'],
      specialists: [
        ['PENGENDALI_DAMPAK_LINGKUNGAN', 1],
        ['PETUGAS_KEBERSIHAN', 1],
      ],
      sectionStaff: 4,
    },
    {
      name: 'Pengelolaan Sampah dan Limbah B3',
      sections: ['Pengurangan Sampah', 'Penanganan Sampah'],
      specialists: [['PETUGAS_KEBERSIHAN', 1]],
      sectionStaff: 14,
      specialistShare: 0.85,
      direct: 3,
    },
    {
      name: 'Pengendalian Pencemaran dan Kerusakan Lingkungan',
      sections: ['Pemantauan Kualitas Lingkungan', 'Pengaduan dan Penegakan Hukum Lingkungan'],
      specialists: [['PENGENDALI_DAMPAK_LINGKUNGAN', 1]],
    },
  ],
});

const DISKAN = opd({
  code: 'DISKAN',
  name: 'Dinas Perikanan',
  kind: 'DINAS',
  headTitle: 'Kepala Dinas Perikanan',
  holder: 'PERIKANAN',
  bidang: [
    {
      name: 'Perikanan Tangkap',
      sections: ['Sarana dan Prasarana Perikanan Tangkap', 'Usaha Perikanan Tangkap dan Nelayan'],
      specialists: [
        ['PENYULUH_PERIKANAN', 1],
        ['PETUGAS_PERIKANAN', 1],
      ],
      sectionStaff: 4,
      holder: 'PERIKANAN',
    },
    {
      name: 'Perikanan Budidaya',
      sections: ['Produksi Perikanan Budidaya', 'Kesehatan Ikan dan Lingkungan'],
      specialists: [['PENYULUH_PERIKANAN', 1]],
      holder: 'PERIKANAN',
    },
    {
      name: 'Pengolahan dan Pemasaran Hasil Perikanan',
      sections: ['Pengolahan Hasil Perikanan', 'Pemasaran dan Mutu Hasil Perikanan'],
      specialists: [
        ['PETUGAS_PERIKANAN', 1],
        ['PENYULUH_PERIKANAN', 1],
      ],
      holder: 'PERIKANAN',
    },
  ],
  uptd: [
    unit(
      'Kepala UPTD Tempat Pelelangan Ikan Sibolga',
      'PENGAWAS',
      'PENGAWAS',
      'PERIKANAN',
      mix(7, ['PETUGAS_PERIKANAN', 5], ['ADMINISTRASI', 2]),
    ),
  ],
});

const DISDAGKOP = opd({
  code: 'DISDAGKOP',
  name: 'Dinas Perdagangan, Perindustrian, Koperasi dan Usaha Kecil Menengah',
  kind: 'DINAS',
  headTitle: 'Kepala Dinas Perdagangan, Perindustrian, Koperasi dan Usaha Kecil Menengah',
  holder: 'KEUANGAN',
  bidang: [
    { name: 'Perdagangan', sections: ['Bina Usaha Perdagangan', 'Metrologi Legal'], specialists: [['PENERA', 1]] },
    {
      name: 'Perindustrian',
      sections: ['Industri Agro dan Hasil Laut', 'Industri Kecil dan Menengah'],
      specialists: [['PENGAWAS_KOPERASI', 1]],
    },
    {
      name: 'Koperasi dan Usaha Mikro',
      sections: ['Kelembagaan dan Pengawasan Koperasi', 'Pemberdayaan Usaha Mikro'],
      specialists: [['PENGAWAS_KOPERASI', 1]],
    },
  ],
  uptd: [
    unit(
      'Kepala UPTD Pasar Sibolga Nauli',
      'PENGAWAS',
      'PENGAWAS',
      'UMUM',
      mix(8, ['PENGELOLA_PASAR', 6], ['ADMINISTRASI', 2]),
    ),
  ],
});

const DISPARBUD = opd({
  code: 'DISPARBUD',
  name: 'Dinas Pariwisata dan Kebudayaan',
  kind: 'DINAS',
  headTitle: 'Kepala Dinas Pariwisata dan Kebudayaan',
  holder: 'UMUM',
  bidang: [
    {
      name: 'Destinasi dan Pemasaran Pariwisata',
      sections: ['Pengembangan Destinasi Pariwisata', 'Pemasaran Pariwisata dan Ekonomi Kreatif'],
      specialists: [['ADYATAMA_PARIWISATA', 1]],
    },
    {
      name: 'Kebudayaan',
      sections: ['Cagar Budaya dan Permuseuman', 'Kesenian dan Tradisi'],
      specialists: [['ADYATAMA_PARIWISATA', 1]],
    },
  ],
});

const DP3AP2KB = opd({
  code: 'DP3AP2KB',
  name: 'Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana',
  kind: 'DINAS',
  headTitle: 'Kepala Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana',
  holder: 'UMUM',
  bidang: [
    {
      name: 'Pemberdayaan Perempuan dan Perlindungan Anak',
      sections: ['Kualitas Hidup Perempuan', 'Perlindungan Khusus Anak'],
      specialists: [['PENYULUH_KB', 1]],
    },
    {
      name: 'Pengendalian Penduduk dan Keluarga Berencana',
      sections: ['Pengendalian Penduduk', 'Keluarga Berencana dan Ketahanan Keluarga'],
      specialists: [['PENYULUH_KB', 1]],
      direct: 6,
    },
  ],
});

const DPMPTSP = opd({
  code: 'DPMPTSP',
  name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
  kind: 'DINAS',
  headTitle: 'Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
  holder: 'HUKUM',
  bidang: [
    {
      name: 'Penanaman Modal',
      sections: ['Promosi Penanaman Modal', 'Pengendalian Pelaksanaan Penanaman Modal'],
      specialists: [['PENATA_PERIZINAN', 1]],
    },
    {
      name: 'Pelayanan Perizinan',
      sections: ['Perizinan Usaha', 'Perizinan Nonusaha'],
      specialists: [['PENATA_PERIZINAN', 1]],
      sectionStaff: 4,
    },
    {
      name: 'Pengaduan, Informasi dan Data',
      sections: ['Pengaduan dan Informasi', 'Data dan Sistem Informasi'],
      specialists: [
        ['PENATA_PERIZINAN', 1],
        ['PRANATA_KOMPUTER', 1],
      ],
    },
  ],
});

const SATPOLPP = opd({
  code: 'SATPOLPP',
  name: 'Satuan Polisi Pamong Praja',
  kind: 'SATPOL_PP',
  headTitle: 'Kepala Satuan Polisi Pamong Praja',
  holder: 'HUKUM',
  bidang: [
    {
      name: 'Penegakan Peraturan Daerah',
      sections: ['Pembinaan, Pengawasan dan Penyuluhan', 'Penyelidikan dan Penyidikan'],
      specialists: [['POLISI_PAMONG_PRAJA', 1]],
      sectionStaff: 5,
      specialistShare: 0.7,
    },
    {
      name: 'Ketertiban Umum dan Ketenteraman Masyarakat',
      sections: ['Operasi dan Pengendalian', 'Kerja Sama'],
      specialists: [['POLISI_PAMONG_PRAJA', 1]],
      sectionStaff: 9,
      specialistShare: 0.85,
    },
    {
      name: 'Perlindungan Masyarakat',
      sections: ['Satuan Perlindungan Masyarakat', 'Bina Potensi Masyarakat'],
      specialists: [['POLISI_PAMONG_PRAJA', 1]],
      specialistShare: 0.7,
    },
    {
      name: 'Pemadam Kebakaran',
      sections: ['Operasional Pemadaman dan Penyelamatan', 'Pencegahan Kebakaran'],
      specialists: [['PEMADAM_KEBAKARAN', 1]],
      sectionStaff: 8,
      specialistShare: 0.85,
    },
  ],
});

const BAPPEDA = opd({
  code: 'BAPPEDA',
  name: 'Badan Perencanaan Pembangunan Daerah',
  kind: 'BADAN',
  headTitle: 'Kepala Badan Perencanaan Pembangunan Daerah',
  holder: 'TEKNIK',
  bidang: [
    {
      name: 'Perencanaan Pemerintahan dan Pembangunan Manusia',
      sections: ['Pemerintahan', 'Pembangunan Manusia'],
      specialists: [['PERENCANA', 1]],
    },
    {
      name: 'Perencanaan Perekonomian, Infrastruktur dan Kewilayahan',
      sections: ['Perekonomian', 'Infrastruktur dan Kewilayahan'],
      specialists: [['PERENCANA', 1]],
    },
    {
      name: 'Penelitian, Pengembangan, Pengendalian dan Evaluasi',
      sections: ['Penelitian dan Pengembangan', 'Pengendalian dan Evaluasi'],
      specialists: [
        ['PERENCANA', 1],
        ['STATISTISI', 1],
      ],
    },
  ],
});

const BKPSDM = opd({
  code: 'BKPSDM',
  name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
  kind: 'BADAN',
  headTitle: 'Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
  holder: 'UMUM',
  bidang: [
    {
      name: 'Pengadaan, Pemberhentian dan Informasi Kepegawaian',
      sections: ['Pengadaan dan Pemberhentian', 'Data dan Informasi Kepegawaian'],
      specialists: [
        ['ANALIS_SDM', 2],
        ['PRANATA_KOMPUTER', 1],
      ],
    },
    { name: 'Mutasi dan Promosi', sections: ['Mutasi', 'Promosi dan Kepangkatan'], specialists: [['ANALIS_SDM', 1]] },
    {
      name: 'Pengembangan Sumber Daya Manusia',
      sections: ['Pengembangan Kompetensi', 'Penilaian Kinerja dan Penghargaan'],
      specialists: [['ANALIS_SDM', 1]],
    },
  ],
});

const BPKPAD = opd({
  code: 'BPKPAD',
  name: 'Badan Pengelolaan Keuangan, Pendapatan dan Aset Daerah',
  kind: 'BADAN',
  headTitle: 'Kepala Badan Pengelolaan Keuangan, Pendapatan dan Aset Daerah',
  holder: 'KEUANGAN',
  bidang: [
    {
      name: 'Anggaran',
      sections: ['Penyusunan Anggaran', 'Pengendalian Anggaran'],
      specialists: [['ANALIS_KEUANGAN', 1]],
      holder: 'KEUANGAN',
    },
    {
      name: 'Perbendaharaan dan Akuntansi',
      sections: ['Perbendaharaan', 'Akuntansi dan Pelaporan'],
      specialists: [
        ['ANALIS_KEUANGAN', 1],
        ['PENGELOLA_PENDAPATAN', 1],
      ],
      holder: 'KEUANGAN',
    },
    {
      name: 'Pendapatan Daerah',
      sections: ['Pajak Daerah', 'Retribusi dan Pendapatan Lain'],
      specialists: [
        ['PENGELOLA_PENDAPATAN', 2],
        ['ANALIS_KEUANGAN', 1],
      ],
      sectionStaff: 5,
      holder: 'KEUANGAN',
    },
    {
      name: 'Aset Daerah',
      sections: ['Penatausahaan Aset', 'Pemanfaatan dan Pengamanan Aset'],
      specialists: [['PENGELOLA_PENDAPATAN', 1]],
      holder: 'KEUANGAN',
    },
  ],
});

const BPBD = opd({
  code: 'BPBD',
  name: 'Badan Penanggulangan Bencana Daerah',
  kind: 'BADAN',
  headTitle: 'Kepala Pelaksana Badan Penanggulangan Bencana Daerah',
  holder: 'UMUM',
  bidang: [
    {
      name: 'Pencegahan dan Kesiapsiagaan',
      sections: ['Pencegahan', 'Kesiapsiagaan'],
      specialists: [['PENANGGULANGAN_BENCANA', 1]],
    },
    {
      name: 'Kedaruratan dan Logistik',
      sections: ['Kedaruratan', 'Logistik'],
      specialists: [
        ['PETUGAS_BENCANA', 2],
        ['PENANGGULANGAN_BENCANA', 1],
      ],
      sectionStaff: 5,
      specialistShare: 0.7,
    },
    {
      name: 'Rehabilitasi dan Rekonstruksi',
      sections: ['Rehabilitasi', 'Rekonstruksi'],
      specialists: [['PENANGGULANGAN_BENCANA', 1]],
    },
  ],
});

const KESBANGPOL = opd({
  code: 'KESBANGPOL',
  name: 'Badan Kesatuan Bangsa dan Politik',
  kind: 'BADAN',
  headTitle: 'Kepala Badan Kesatuan Bangsa dan Politik',
  holder: 'PEMERINTAHAN',
  bidang: [
    {
      name: 'Ideologi, Wawasan Kebangsaan dan Karakter Bangsa',
      sections: ['Ideologi dan Wawasan Kebangsaan'],
      specialists: [['ANALIS_KEBIJAKAN', 1]],
    },
    {
      name: 'Politik Dalam Negeri dan Organisasi Kemasyarakatan',
      sections: ['Politik Dalam Negeri'],
      specialists: [['ANALIS_KEBIJAKAN', 1]],
    },
    {
      name: 'Ketahanan Ekonomi, Sosial, Budaya, Agama dan Penanganan Konflik',
      sections: ['Penanganan Konflik dan Kewaspadaan Nasional'],
      specialists: [['ANALIS_KEBIJAKAN', 1]],
    },
  ],
});

/** A kecamatan: Camat, Sekretaris Kecamatan, seksi, and a Lurah for each of its kelurahan. */
function kecamatan(code: string, name: string, kelurahan: readonly string[]): AgencyTemplate {
  const staff = (count: number) => mix(count, ['PEMERINTAHAN_KELURAHAN', 1]);
  return {
    code,
    name: `Kecamatan ${name}`,
    kind: 'KECAMATAN',
    head: unit(`Camat ${name}`, 'ADMINISTRATOR', 'ADMINISTRATOR', 'PEMERINTAHAN', NO_STAFF, [
      unit('Sekretaris Kecamatan', 'ADMINISTRATOR', 'ADMINISTRATOR', 'PEMERINTAHAN', NO_STAFF, [
        section('Subbagian Umum, Kepegawaian dan Keuangan', mix(3, ['ADMINISTRASI', 2], ['PENGEMUDI', 1])),
      ]),
      section('Seksi Pemerintahan', staff(2), 'PEMERINTAHAN'),
      section('Seksi Ketenteraman dan Ketertiban Umum', staff(2), 'PEMERINTAHAN'),
      section('Seksi Pemberdayaan Masyarakat dan Kelurahan', staff(2), 'PEMERINTAHAN'),
      ...kelurahan.map((k) => unit(`Lurah ${k}`, 'PENGAWAS', 'PENGAWAS', 'PEMERINTAHAN', staff(5))),
    ]),
  };
}

const KECAMATAN = [
  kecamatan('KEC_UTARA', 'Sibolga Utara', [
    'Angin Nauli',
    'Hutabarangan',
    'Sibolga Ilir',
    'Huta Tonga-tonga',
    'Simare-mare',
  ]),
  kecamatan('KEC_KOTA', 'Sibolga Kota', ['Pasar Baru', 'Pasar Belakang', 'Pancuran Gerobak', 'Kota Baringin']),
  kecamatan('KEC_SELATAN', 'Sibolga Selatan', ['Aek Habil', 'Aek Manis', 'Aek Parombunan', 'Aek Muara Pinang']),
  kecamatan('KEC_SAMBAS', 'Sibolga Sambas', [
    'Pancuran Pinang',
    'Pancuran Kerambil',
    'Pancuran Dewa',
    'Pancuran Bambu',
  ]),
];

/**
 * Every agency, in the order they are written. The Sekretariat Daerah comes first because the Sekda supervises every
 * other agency head.
 */
export const AGENCIES: readonly AgencyTemplate[] = [
  SETDA,
  SETDPRD,
  INSPEKTORAT,
  DISDIK,
  DINKES,
  RSUD,
  PUPR,
  DISHUB,
  DISKOMINFO,
  DISDUKCAPIL,
  DINSOS,
  DLH,
  DISKAN,
  DISDAGKOP,
  DISPARBUD,
  DP3AP2KB,
  DPMPTSP,
  SATPOLPP,
  BAPPEDA,
  BKPSDM,
  BPKPAD,
  BPBD,
  KESBANGPOL,
  ...KECAMATAN,
];
