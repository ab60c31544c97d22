/**
 * Why an analytics figure is missing or suppressed: a stable code with its parameters, which the API turns into the
 * caller's language (Indonesian first) with analyticsNoteText, and the dashboard's message catalogue can render from
 * the same code and parameters. docs/analytics.md lists every code.
 */
export type AnalyticsNote =
  /** A group built on fewer distinct employees than the policy's minimum. */
  | { code: 'SMALL_GROUP'; params: { min: number } }
  /** Suppressed with the only suppressed sibling, so that the small group cannot be worked out from a total. */
  | { code: 'SECOND_GROUP'; params: { min: number } }
  /** A training-impact result (or its pre-trend) with fewer treated or control employees than the policy's minimum. */
  | { code: 'TRAINING_IMPACT_TOO_FEW'; params: { min: number } }
  /** A training-impact pre-trend with no cohort keeping a treated and a control employee one window earlier. */
  | { code: 'PRE_TREND_NO_DATA'; params: { window: number } }
  /** A distribution check of an agency and year without any employee with an annual predikat. */
  | { code: 'DISTRIBUTION_NO_EMPLOYEES'; params: { agencyCode: string; year: number } }
  /** A distribution check of an agency and year for which the leaders set no org predikat. */
  | { code: 'DISTRIBUTION_NO_ORG_PREDIKAT'; params: { agencyCode: string; year: number } };

export type AnalyticsNoteCode = AnalyticsNote['code'];

/** The languages of the API's messages: Indonesian first, English second. */
export type NoteLocale = 'id' | 'en';

/** The note in the caller's language. */
export function analyticsNoteText(note: AnalyticsNote, locale: NoteLocale): string {
  switch (note.code) {
    case 'SMALL_GROUP':
      return locale === 'id'
        ? `Disembunyikan: kelompok ini berisi kurang dari ${note.params.min} pegawai; nilai kelompok sekecil ini adalah data pribadi.`
        : `Suppressed: this group has fewer than ${note.params.min} employees; the figures of so small a group are personal data.`;
    case 'SECOND_GROUP':
      return locale === 'id'
        ? `Disembunyikan bersama kelompok sejajar yang berisi kurang dari ${note.params.min} pegawai, agar nilainya tidak dapat dihitung dari total.`
        : `Suppressed together with a sibling group of fewer than ${note.params.min} employees, so that its figures cannot be worked out from the total.`;
    case 'TRAINING_IMPACT_TOO_FEW':
      return locale === 'id'
        ? `Disembunyikan: kurang dari ${note.params.min} pegawai peserta atau pembanding; hasil sekecil ini tidak dapat diandalkan dan menyangkut data pribadi.`
        : `Suppressed: fewer than ${note.params.min} treated or control employees; so small a result is neither reliable nor anonymous.`;
    case 'PRE_TREND_NO_DATA':
      return locale === 'id'
        ? `Uji tren sebelum pelatihan tidak tersedia: tidak ada nilai pada ${note.params.window} triwulan sebelum jendela pembanding.`
        : `No pre-trend check: there are no scores in the ${note.params.window} quarters before the comparison window.`;
    case 'DISTRIBUTION_NO_EMPLOYEES':
      return locale === 'id'
        ? `Tidak ada pegawai dengan predikat tahunan di ${note.params.agencyCode} pada tahun ${note.params.year}.`
        : `No employee of ${note.params.agencyCode} has an annual predikat for ${note.params.year}.`;
    case 'DISTRIBUTION_NO_ORG_PREDIKAT':
      return locale === 'id'
        ? `Predikat kinerja organisasi ${note.params.agencyCode} tahun ${note.params.year} belum ditetapkan pimpinan.`
        : `The leaders have not set the organisational predikat of ${note.params.agencyCode} for ${note.params.year}.`;
  }
}
