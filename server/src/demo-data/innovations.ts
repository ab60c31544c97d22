import type { Organisation, Person, Sector } from './organisation.js';
import { Random } from './random.js';
import { LEVEL_SD, type Traits } from './score-model.js';
import { midQuarter, type DemoDataSettings } from './settings.js';

/**
 * Innovations (inovasi) recorded by employees: about 6-7% of employees a year. The chance rises steeply with how
 * well the employee works (an innovation is what strong performers are known for), yet even among those whose scores
 * reach SANGAT_BAIK most have none in a given year, so the innovation rule turns their annual predikat into BAIK.
 * Most are verified by the supervisor, some by the agency head, some not (yet).
 */

export interface Innovation {
  nip: string;
  year: number;
  quarter: number;
  /** Index of the quarter in the data (0 = first quarter of the first year). */
  quarterIndex: number;
  title: string;
  description: string;
  verifiedByNip: string | null;
}

/**
 * Logistic chance per employee and year: `1 / (1 + exp(-(INTERCEPT + SLOPE * z)))`, z = the employee's standardised
 * level (ability plus results trait). About 1.6% at z = 0, 29% at z = 1.6 (the SANGAT_BAIK level), 6-7% overall.
 */
const INTERCEPT = -4.1;
const SLOPE = 2;

/** Ideas that fit a teacher, a health worker, or anyone in an office. */
const SECTOR_TITLES: Readonly<Record<Sector, readonly string[]>> = {
  PENDIDIKAN: [
    'Gerakan literasi pagi 15 menit sebelum pelajaran',
    'Bank soal daring untuk asesmen sumatif',
    'Pojok baca kelas dari buku donasi orang tua',
    'Pembelajaran berbasis proyek pengolahan ikan asin',
    'Grup belajar daring bersama orang tua siswa',
    'Video pembelajaran berbahasa daerah',
    'Kelas remedial sore bagi siswa yang tertinggal',
    'Rapor digital untuk orang tua siswa',
  ],
  KESEHATAN: [
    'Aplikasi antrean daring puskesmas',
    'Posyandu remaja di kelurahan',
    'Kunjungan rumah ibu hamil risiko tinggi',
    'Pengingat jadwal imunisasi melalui WhatsApp',
    'Pojok gizi dan konseling menyusui',
    'Skrining stunting keliling di pesisir',
  ],
  UMUM: [
    'Arsip digital surat masuk dan keluar',
    'Formulir daring pengaduan warga',
    'Dasbor capaian kinerja perangkat daerah',
    'Tanda tangan elektronik untuk naskah dinas',
    'Standar pelayanan satu halaman di loket',
    'Rapat koordinasi daring mingguan antarbidang',
  ],
};

/** Ideas that belong to one agency's work. */
const AGENCY_TITLES: Readonly<Record<string, readonly string[]>> = {
  RSUD: [
    'Triase elektronik di instalasi gawat darurat',
    'Resep elektronik rawat jalan',
    'Pendaftaran poliklinik melalui WhatsApp',
    'Dasbor ketersediaan tempat tidur rawat inap',
  ],
  DISDUKCAPIL: ['Layanan jemput bola administrasi kependudukan', 'Akta kelahiran langsung dari rumah sakit'],
  DPMPTSP: ['Layanan perizinan keliling ke kelurahan', 'Pelacakan status izin melalui SMS'],
  DISKAN: ['Pendataan nelayan berbasis aplikasi', 'Papan harga ikan harian di tempat pelelangan'],
  DISDAGKOP: ['Pembayaran retribusi pasar nontunai', 'Peneraan timbangan keliling di pasar'],
  DLH: ['Jadwal pengangkutan sampah terpadu per kelurahan', 'Bank sampah sekolah'],
  BPBD: ['Peta digital jalur evakuasi tsunami', 'Simulasi evakuasi tsunami berkala di sekolah'],
  DISPARBUD: ['Paket wisata bahari Pulau Poncan', 'Kalender digital atraksi budaya pesisir'],
  SATPOLPP: ['Patroli ketertiban pasar terpadu', 'Posko pengaduan ketertiban umum'],
  BPKPAD: ['Sistem informasi aset daerah berbasis kode QR', 'Pembayaran pajak daerah melalui kanal digital'],
  BKPSDM: ['Layanan kenaikan pangkat tanpa berkas kertas', 'Pengingat batas usia pensiun otomatis'],
  DISKOMINFO: ['Satu data Kota Sibolga', 'Aduan warga terpadu melalui WhatsApp'],
  DISHUB: ['Parkir elektronik di pusat kota', 'Jadwal angkutan kota di halte'],
};

export function planInnovations(
  settings: DemoDataSettings,
  org: Organisation,
  traits: ReadonlyMap<string, Traits>,
): Innovation[] {
  const rng = new Random(settings.seed, 'innovations');
  const agencyNames = new Map(org.agencies.map((a) => [a.code, a.name]));
  const innovations: Innovation[] = [];
  settings.years.forEach((year, yearOffset) => {
    for (const person of org.people) {
      const trait = traits.get(person.nip) as Traits;
      const z = (trait.ability + trait.resultsTrait) / LEVEL_SD;
      const chance = 1 / (1 + Math.exp(-(INTERCEPT + SLOPE * z)));
      if (!rng.chance(chance)) continue;
      const quarter = rng.int(1, 4) as 1 | 2 | 3 | 4;
      const period = { year, quarter, index: yearOffset * 4 + quarter - 1 };
      // Nothing is recorded for a quarter after the current one.
      if (period.index > settings.current.index) continue;
      const middle = midQuarter(period);
      if (person.activeFrom > middle || (person.activeTo !== null && person.activeTo < middle)) continue;
      innovations.push({
        nip: person.nip,
        year,
        quarter,
        quarterIndex: period.index,
        title: title(rng, person),
        description: `Diterapkan di ${agencyNames.get(person.agencyCode)} sejak triwulan ${ROMAN[quarter - 1]} ${year}, dengan anggaran yang ada.`,
        verifiedByNip: verifier(rng, person, org),
      });
    }
  });
  return innovations;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

function title(rng: Random, person: Person): string {
  const own = AGENCY_TITLES[person.agencyCode];
  return own !== undefined && rng.chance(0.6) ? rng.pick(own) : rng.pick(SECTOR_TITLES[person.sector]);
}

/** The supervisor verifies most; the agency head some; some wait for verification. */
function verifier(rng: Random, person: Person, org: Organisation): string | null {
  const roll = rng.next();
  if (roll < 0.15 || person.supervisorNip === null) return null;
  const head = org.headOf.get(person.agencyCode);
  if (roll < 0.25 && head !== undefined && head !== person.nip) return head;
  return person.supervisorNip;
}
