import type { Predikat, Rating } from './enums.js';

/**
 * The predikat matrix of PermenPANRB 6/2022: rows are the rating of work results (HASIL_KERJA), columns the rating
 * of behaviour (PERILAKU_KERJA). Work results weigh more: a DI_ATAS result with DI_BAWAH behaviour is KURANG, but a
 * DI_BAWAH result cannot rise above BUTUH_PERBAIKAN whatever the behaviour.
 *
 *   work results \ behaviour | DI_BAWAH      | SESUAI          | DI_ATAS
 *   DI_ATAS                  | KURANG        | BAIK            | SANGAT_BAIK
 *   SESUAI                   | KURANG        | BAIK            | BAIK
 *   DI_BAWAH                 | SANGAT_KURANG | BUTUH_PERBAIKAN | BUTUH_PERBAIKAN
 */
export const PREDIKAT_MATRIX: Readonly<Record<Rating, Readonly<Record<Rating, Predikat>>>> = Object.freeze({
  DI_ATAS_EKSPEKTASI: Object.freeze({
    DI_BAWAH_EKSPEKTASI: 'KURANG',
    SESUAI_EKSPEKTASI: 'BAIK',
    DI_ATAS_EKSPEKTASI: 'SANGAT_BAIK',
  }),
  SESUAI_EKSPEKTASI: Object.freeze({
    DI_BAWAH_EKSPEKTASI: 'KURANG',
    SESUAI_EKSPEKTASI: 'BAIK',
    DI_ATAS_EKSPEKTASI: 'BAIK',
  }),
  DI_BAWAH_EKSPEKTASI: Object.freeze({
    DI_BAWAH_EKSPEKTASI: 'SANGAT_KURANG',
    SESUAI_EKSPEKTASI: 'BUTUH_PERBAIKAN',
    DI_ATAS_EKSPEKTASI: 'BUTUH_PERBAIKAN',
  }),
});

/** The predikat of a work-results rating and a behaviour rating (PermenPANRB 6/2022 matrix). */
export function predikat(hasilKerjaRating: Rating, perilakuKerjaRating: Rating): Predikat {
  return PREDIKAT_MATRIX[hasilKerjaRating][perilakuKerjaRating];
}
