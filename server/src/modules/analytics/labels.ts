import { quarterLabel, type NoteLocale } from '@kinerja/shared';
import type { GroupDimension } from './grouped.js';
import type { AgencyRow } from './request.js';
import type { AnalyticsSql } from './sql.js';

/**
 * How people name a group key (docs/analytics.md "Read models and their refresh" (Choices)): the agency's or criterion's name, "Triwulan I 2025",
 * "Golongan III", "Perempuan", in the request's language (Indonesian first). Keys stay the stable codes.
 */

const WORDS: Record<string, { id: string; en: string }> = {
  ALL: { id: 'Semua pegawai', en: 'All employees' },
  UNKNOWN: { id: 'Tidak diketahui', en: 'Unknown' },
  NONE: { id: 'Tanpa predikat', en: 'No predikat' },
  JPT: { id: 'Jabatan Pimpinan Tinggi', en: 'Senior executive (JPT)' },
  ADMINISTRATOR: { id: 'Administrator', en: 'Administrator' },
  PENGAWAS: { id: 'Pengawas', en: 'Supervisor (pengawas)' },
  PELAKSANA: { id: 'Pelaksana', en: 'Executor (pelaksana)' },
  FUNGSIONAL: { id: 'Fungsional', en: 'Functional' },
  PNS: { id: 'PNS', en: 'Civil servant (PNS)' },
  PPPK: { id: 'PPPK', en: 'Contract civil servant (PPPK)' },
  L: { id: 'Laki-laki', en: 'Male' },
  P: { id: 'Perempuan', en: 'Female' },
  SANGAT_BAIK: { id: 'Sangat Baik', en: 'Very good (Sangat Baik)' },
  BAIK: { id: 'Baik', en: 'Good (Baik)' },
  BUTUH_PERBAIKAN: { id: 'Butuh Perbaikan', en: 'Needs improvement (Butuh Perbaikan)' },
  KURANG: { id: 'Kurang', en: 'Poor (Kurang)' },
  SANGAT_KURANG: { id: 'Sangat Kurang', en: 'Very poor (Sangat Kurang)' },
};

/** Names of criterion codes: the city-wide criterion's name where there is one, else an agency's, the latest first. */
export async function criterionNames(sql: AnalyticsSql): Promise<Map<string, string>> {
  const { rows } = await sql.query<{ code: string; name: string }>(
    `select distinct on (code) code, name from criterion order by code, (agency_id is not null), year_from desc, id`,
  );
  return new Map(rows.map((r) => [r.code, r.name]));
}

export interface LabelSources {
  locale: NoteLocale;
  agencies: Map<string, AgencyRow>;
  criteria: Map<string, string> | null;
}

/** The label of one key of a dimension. */
export function keyLabel(dimension: GroupDimension, key: string, sources: LabelSources): string {
  const { locale } = sources;
  const word = (k: string) => WORDS[k]?.[locale] ?? k;
  switch (dimension) {
    case 'YEAR':
      return locale === 'id' ? `Tahun ${key}` : `Year ${key}`;
    case 'PERIOD': {
      const [year, quarter] = key.split('-Q').map(Number);
      return quarterLabel(year!, quarter!, locale);
    }
    case 'AGENCY':
      return sources.agencies.get(key)?.name ?? key;
    case 'CRITERION':
      return sources.criteria?.get(key) ?? key;
    case 'RANK_GROUP':
      return key === 'PPPK' || key === 'UNKNOWN'
        ? word(key)
        : locale === 'id'
          ? `Golongan ${key}`
          : `Rank group ${key}`;
    default:
      return word(key);
  }
}
