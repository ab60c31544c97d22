import { describe, expect, it } from 'vitest';
import {
  AGENCY_KINDS,
  COUNTED_STATUSES,
  CRITERION_CATEGORIES,
  DIRECTIONS,
  EMPLOYMENT_TYPES,
  EVALUATION_STATUSES,
  GENDERS,
  ORG_PREDIKATS,
  PARTICIPATION_STATUSES,
  PERIOD_STATUSES,
  POSITION_TYPES,
  PREDIKATS,
  RATINGS,
  TRAINING_KINDS,
} from '../src/enums.js';

// The values are stored in the database and exposed as GraphQL enums: renaming or dropping one breaks stored rows.
describe('enums hold exactly the values of docs/scoring.md', () => {
  it.each([
    ['EMPLOYMENT_TYPES', EMPLOYMENT_TYPES, ['PNS', 'PPPK']],
    ['POSITION_TYPES', POSITION_TYPES, ['JPT', 'ADMINISTRATOR', 'PENGAWAS', 'PELAKSANA', 'FUNGSIONAL']],
    ['GENDERS', GENDERS, ['L', 'P']],
    ['CRITERION_CATEGORIES', CRITERION_CATEGORIES, ['HASIL_KERJA', 'PERILAKU_KERJA']],
    ['DIRECTIONS', DIRECTIONS, ['HIGHER_IS_BETTER', 'LOWER_IS_BETTER']],
    ['RATINGS', RATINGS, ['DI_ATAS_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI']],
    ['PREDIKATS', PREDIKATS, ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG']],
    ['ORG_PREDIKATS', ORG_PREDIKATS, ['ISTIMEWA', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG']],
    ['EVALUATION_STATUSES', EVALUATION_STATUSES, ['DRAFT', 'SUBMITTED', 'OBJECTED', 'ACKNOWLEDGED', 'FINAL']],
    ['PERIOD_STATUSES', PERIOD_STATUSES, ['OPEN', 'CLOSED']],
    [
      'AGENCY_KINDS',
      AGENCY_KINDS,
      ['SEKRETARIAT', 'INSPEKTORAT', 'DINAS', 'BADAN', 'SATPOL_PP', 'RSUD', 'KECAMATAN', 'KELURAHAN', 'LAINNYA'],
    ],
    ['TRAINING_KINDS', TRAINING_KINDS, ['WORKSHOP', 'SEMINAR', 'DIKLAT', 'E_LEARNING', 'COACHING', 'BIMTEK', 'MAGANG']],
    ['PARTICIPATION_STATUSES', PARTICIPATION_STATUSES, ['ENROLLED', 'COMPLETED', 'DROPPED']],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toEqual(expected);
  });
});

describe('COUNTED_STATUSES (docs/analytics.md#what-every-figure-counts: SUBMITTED, ACKNOWLEDGED or FINAL)', () => {
  it('is exactly SUBMITTED, ACKNOWLEDGED, FINAL', () => {
    expect(COUNTED_STATUSES).toEqual(['SUBMITTED', 'ACKNOWLEDGED', 'FINAL']);
  });

  it.each([
    ['DRAFT', false],
    ['SUBMITTED', true],
    ['OBJECTED', false],
    ['ACKNOWLEDGED', true],
    ['FINAL', true],
  ] as const)('%s counted: %s', (status, counted) => {
    expect((COUNTED_STATUSES as readonly string[]).includes(status)).toBe(counted);
  });
});
