import { describe, expect, it } from 'vitest';
import { PREDIKAT_MATRIX, predikat } from '../src/predikat.js';

// PermenPANRB 6/2022, docs/scoring.md#predikat: rows work results (HASIL_KERJA), columns behaviour (PERILAKU_KERJA).
describe('predikat(hasilKerjaRating, perilakuKerjaRating): all 9 cells', () => {
  it.each([
    ['DI_ATAS_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI', 'KURANG'],
    ['DI_ATAS_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'BAIK'],
    ['DI_ATAS_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI', 'SANGAT_BAIK'],
    ['SESUAI_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI', 'KURANG'],
    ['SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'BAIK'],
    ['SESUAI_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI', 'BAIK'],
    ['DI_BAWAH_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI', 'SANGAT_KURANG'],
    ['DI_BAWAH_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'BUTUH_PERBAIKAN'],
    ['DI_BAWAH_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI', 'BUTUH_PERBAIKAN'],
  ] as const)('work results %s, behaviour %s -> %s', (hasilKerja, perilakuKerja, expected) => {
    expect(predikat(hasilKerja, perilakuKerja)).toBe(expected);
  });

  it('is not symmetric: the order of the arguments matters', () => {
    // (DI_ATAS work, DI_BAWAH behaviour) is KURANG; (DI_BAWAH work, DI_ATAS behaviour) is BUTUH_PERBAIKAN
    expect(predikat('DI_ATAS_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI')).toBe('KURANG');
    expect(predikat('DI_BAWAH_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI')).toBe('BUTUH_PERBAIKAN');
  });
});

describe('PREDIKAT_MATRIX', () => {
  it('is the table of docs/scoring.md#predikat and nothing else', () => {
    expect(PREDIKAT_MATRIX).toEqual({
      DI_ATAS_EKSPEKTASI: {
        DI_BAWAH_EKSPEKTASI: 'KURANG',
        SESUAI_EKSPEKTASI: 'BAIK',
        DI_ATAS_EKSPEKTASI: 'SANGAT_BAIK',
      },
      SESUAI_EKSPEKTASI: {
        DI_BAWAH_EKSPEKTASI: 'KURANG',
        SESUAI_EKSPEKTASI: 'BAIK',
        DI_ATAS_EKSPEKTASI: 'BAIK',
      },
      DI_BAWAH_EKSPEKTASI: {
        DI_BAWAH_EKSPEKTASI: 'SANGAT_KURANG',
        SESUAI_EKSPEKTASI: 'BUTUH_PERBAIKAN',
        DI_ATAS_EKSPEKTASI: 'BUTUH_PERBAIKAN',
      },
    });
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(PREDIKAT_MATRIX)).toBe(true);
    expect(Object.isFrozen(PREDIKAT_MATRIX.SESUAI_EKSPEKTASI)).toBe(true);
  });
});
