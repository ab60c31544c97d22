import type { CriterionCategory, Direction } from '@kinerja/shared';

/**
 * The default criteria catalogue of docs/scoring.md#criteria-and-weights, as the demo data writes it to criteria.csv. City-wide criteria have no
 * agency; the agency criteria (50 of the 100 HASIL_KERJA weight) are written once per agency, because the natural key
 * of a criterion is code + agency + year_from.
 */

export interface Indicator {
  unit: string;
  target: number;
  direction: Direction;
}

export interface Criterion {
  code: string;
  name: string;
  category: CriterionCategory;
  weight: number;
  /** Null: applies to every agency. */
  agencyCode: string | null;
  indicator: Indicator | null;
  description: string;
}

type CriterionSpec = Omit<Criterion, 'agencyCode'>;

const CITY_WIDE: readonly CriterionSpec[] = [
  {
    code: 'PROFESIONALISME',
    name: 'Profesionalisme',
    category: 'HASIL_KERJA',
    weight: 20,
    indicator: null,
    description: 'Tugas diselesaikan sesuai standar, prosedur dan mutu yang ditetapkan.',
  },
  {
    code: 'DISIPLIN',
    name: 'Disiplin',
    category: 'HASIL_KERJA',
    weight: 15,
    indicator: { unit: '%', target: 95, direction: 'HIGHER_IS_BETTER' },
    description: 'Kehadiran dan penyelesaian tugas tepat waktu, dalam persen.',
  },
  {
    code: 'INOVASI',
    name: 'Inovasi',
    category: 'HASIL_KERJA',
    weight: 15,
    indicator: null,
    description: 'Program, layanan atau cara kerja baru maupun yang diperbaiki.',
  },
  {
    code: 'BERORIENTASI_PELAYANAN',
    name: 'Berorientasi Pelayanan',
    category: 'PERILAKU_KERJA',
    weight: 15,
    indicator: null,
    description: 'Memahami dan memenuhi kebutuhan masyarakat; ramah, cekatan, solutif dan dapat diandalkan.',
  },
  {
    code: 'AKUNTABEL',
    name: 'Akuntabel',
    category: 'PERILAKU_KERJA',
    weight: 15,
    indicator: null,
    description: 'Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin dan berintegritas tinggi.',
  },
  {
    code: 'KOMPETEN',
    name: 'Kompeten',
    category: 'PERILAKU_KERJA',
    weight: 15,
    indicator: null,
    description: 'Terus belajar dan mengembangkan kapabilitas; membantu orang lain belajar.',
  },
  {
    code: 'HARMONIS',
    name: 'Harmonis',
    category: 'PERILAKU_KERJA',
    weight: 10,
    indicator: null,
    description: 'Saling peduli dan menghargai perbedaan; membangun lingkungan kerja yang kondusif.',
  },
  {
    code: 'LOYAL',
    name: 'Loyal',
    category: 'PERILAKU_KERJA',
    weight: 15,
    indicator: null,
    description: 'Berdedikasi dan mengutamakan kepentingan bangsa dan negara; menjaga nama baik instansi.',
  },
  {
    code: 'ADAPTIF',
    name: 'Adaptif',
    category: 'PERILAKU_KERJA',
    weight: 15,
    indicator: null,
    description: 'Terus berinovasi dan antusias menghadapi perubahan; bertindak proaktif.',
  },
  {
    code: 'KOLABORATIF',
    name: 'Kolaboratif',
    category: 'PERILAKU_KERJA',
    weight: 15,
    indicator: null,
    description: 'Memberi kesempatan berbagai pihak berkontribusi; terbuka bekerja sama menghasilkan nilai tambah.',
  },
];

/** The agency part of HASIL_KERJA (weights 30 + 20) for the agencies with their own indicators. */
const AGENCY_SPECIFIC: Readonly<Record<string, readonly CriterionSpec[]>> = {
  DISDIK: [
    {
      code: 'PRESTASI_SISWA',
      name: 'Peningkatan Prestasi Siswa',
      category: 'HASIL_KERJA',
      weight: 30,
      indicator: { unit: 'nilai rata-rata', target: 80, direction: 'HIGHER_IS_BETTER' },
      description: 'Nilai rata-rata hasil belajar siswa yang diajar atau dibina (skala 0-100) terhadap target 80.',
    },
    {
      code: 'KEHADIRAN_KEGIATAN',
      name: 'Kehadiran dalam Kegiatan Pendidikan',
      category: 'HASIL_KERJA',
      weight: 20,
      indicator: null,
      description:
        'Kehadiran dan keaktifan dalam kegiatan pendidikan: KKG/MGMP, rapat sekolah, upacara, kegiatan siswa.',
    },
  ],
  DINKES: [
    {
      code: 'CAKUPAN_PROGRAM_KESMAS',
      name: 'Cakupan Program Kesehatan Masyarakat',
      category: 'HASIL_KERJA',
      weight: 30,
      indicator: { unit: '%', target: 90, direction: 'HIGHER_IS_BETTER' },
      description: 'Cakupan program kesehatan masyarakat di wilayah kerja (imunisasi, KIA, gizi) terhadap sasaran.',
    },
    {
      code: 'POSYANDU_PENYULUHAN',
      name: 'Posyandu dan Penyuluhan',
      category: 'HASIL_KERJA',
      weight: 20,
      indicator: null,
      description: 'Pelaksanaan posyandu, kunjungan rumah dan penyuluhan kesehatan sesuai jadwal.',
    },
  ],
  // The hospital measures its service by waiting time, where a smaller number is better.
  RSUD: [
    {
      code: 'WAKTU_TUNGGU_PELAYANAN',
      name: 'Waktu Tunggu Pelayanan Rawat Jalan',
      category: 'HASIL_KERJA',
      weight: 30,
      indicator: { unit: 'menit', target: 30, direction: 'LOWER_IS_BETTER' },
      description:
        'Rata-rata waktu tunggu pasien rawat jalan sampai dilayani, dalam menit (standar pelayanan minimal).',
    },
    {
      code: 'KESELAMATAN_PASIEN',
      name: 'Keselamatan dan Mutu Pelayanan Pasien',
      category: 'HASIL_KERJA',
      weight: 20,
      indicator: null,
      description: 'Kepatuhan pada sasaran keselamatan pasien dan standar mutu pelayanan unit.',
    },
  ],
};

const OTHER_AGENCIES: readonly CriterionSpec[] = [
  {
    code: 'CAPAIAN_RHK',
    name: 'Capaian Rencana Hasil Kerja',
    category: 'HASIL_KERJA',
    weight: 30,
    indicator: { unit: '%', target: 100, direction: 'HIGHER_IS_BETTER' },
    description: 'Persentase capaian Rencana Hasil Kerja (RHK) unit yang menjadi tanggung jawab pegawai.',
  },
  {
    code: 'INDEKS_KUALITAS_LAYANAN',
    name: 'Indeks Kualitas Layanan',
    category: 'HASIL_KERJA',
    weight: 20,
    indicator: null,
    description: 'Mutu layanan unit menurut atasan, dengan memperhatikan survei kepuasan masyarakat dan pengaduan.',
  },
];

/** The criteria that apply in one agency: the city-wide ones first, then the agency's own. */
export function criteriaOfAgency(agencyCode: string): Criterion[] {
  const own = AGENCY_SPECIFIC[agencyCode] ?? OTHER_AGENCIES;
  return [...CITY_WIDE.map((c) => ({ ...c, agencyCode: null })), ...own.map((c) => ({ ...c, agencyCode }))];
}

/** Every row of criteria.csv: the city-wide criteria once, then each agency's own, in agency order. */
export function catalogue(agencyCodes: readonly string[]): Criterion[] {
  const rows: Criterion[] = CITY_WIDE.map((c) => ({ ...c, agencyCode: null }));
  for (const agencyCode of agencyCodes) {
    for (const c of AGENCY_SPECIFIC[agencyCode] ?? OTHER_AGENCIES) rows.push({ ...c, agencyCode });
  }
  return rows;
}
