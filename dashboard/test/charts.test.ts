import { describe, expect, it } from 'vitest';
import { bandTrendChart, multiTrendChart, type TrendLabels } from '../src/charts/common';
import { completionChart, jpChart, predikatChart, rankingChart } from '../src/features/ringkasan/charts';

const L: TrendLabels = {
  period: 'Periode',
  group: 'Kelompok',
  n: 'n',
  mean: 'Rata-rata',
  median: 'Median',
  p25: 'P25',
  p75: 'P75',
  note: 'Ket',
};

const point = (year: number, quarter: number, mean: number | null, extra: object = {}) => ({
  key: 'ALL',
  label: 'Semua pegawai',
  year,
  quarter,
  periodLabel: `Triwulan ${['I', 'II', 'III', 'IV'][quarter - 1]} ${year}`,
  n: mean === null ? null : 10,
  mean,
  median: mean,
  p25: mean === null ? null : mean - 5,
  p75: mean === null ? null : mean + 5,
  suppressed: mean === null,
  note: mean === null ? 'Kelompok kecil' : null,
  ...extra,
});

describe('bandTrendChart', () => {
  it('orders the quarters across years, draws the band under the mean and leaves a withheld quarter as a gap', () => {
    const spec = bandTrendChart([point(2025, 1, 104), point(2024, 4, 100), point(2025, 2, null)], L);
    expect(spec.labels).toEqual(['Triwulan IV 2024', 'Triwulan I 2025', 'Triwulan II 2025']);
    expect(spec.datasets.map((d) => [d.label, d.data, d.fill ?? false])).toEqual([
      ['P75', [105, 109, null], false],
      ['P25', [95, 99, null], '-1'],
      ['Rata-rata', [100, 104, null], false],
    ]);
    expect(spec.table.rows.at(-1)).toEqual({
      period: 'Triwulan II 2025',
      n: null,
      mean: null,
      median: null,
      p25: null,
      p75: null,
      note: 'Kelompok kecil',
    });
  });

  it('gives an empty chart for no points', () => {
    const spec = bandTrendChart([], L);
    expect(spec.labels).toEqual([]);
    expect(spec.table.rows).toEqual([]);
  });
});

describe('multiTrendChart', () => {
  it('draws one line per group over the union of quarters, null where a group has no point', () => {
    const spec = multiTrendChart(
      [
        point(2025, 1, 100, { key: 'DISDIK', label: 'Dinas Pendidikan' }),
        point(2025, 2, 101, { key: 'DISDIK', label: 'Dinas Pendidikan' }),
        point(2025, 2, 90, { key: 'DINKES', label: 'Dinas Kesehatan' }),
      ],
      L,
    );
    expect(spec.labels).toEqual(['Triwulan I 2025', 'Triwulan II 2025']);
    expect(spec.datasets.map((d) => [d.label, d.data])).toEqual([
      ['Dinas Kesehatan', [null, 90]],
      ['Dinas Pendidikan', [100, 101]],
    ]);
    expect(spec.table.rows.map((row) => [row.group, row.period, row.mean])).toEqual([
      ['Dinas Kesehatan', 'Triwulan II 2025', 90],
      ['Dinas Pendidikan', 'Triwulan I 2025', 100],
      ['Dinas Pendidikan', 'Triwulan II 2025', 101],
    ]);
  });
});

const standing = (code: string, rank: number | null, mean: number | null, extra: object = {}) => ({
  agency: { code, name: `Nama ${code}` },
  n: mean === null ? null : 20,
  meanScore: mean,
  rank,
  shareMeeting20Jp: mean === null ? null : mean / 200,
  trainingJpPerEmployee: mean === null ? null : 12.5,
  suppressed: mean === null,
  note: mean === null ? 'Kelompok kecil' : null,
  predikatCounts:
    mean === null
      ? null
      : [
          { predikat: 'SANGAT_BAIK', count: 2 },
          { predikat: 'BAIK', count: 15 },
          { predikat: 'BUTUH_PERBAIKAN', count: 3 },
          { predikat: 'KURANG', count: 0 },
          { predikat: 'SANGAT_KURANG', count: 0 },
        ],
  ...extra,
});

describe('Ringkasan charts', () => {
  const rows = [standing('A', 1, 110), standing('B', 2, 100), standing('C', null, null)];

  it('ranks the agencies with bars for the ranked ones and keeps the withheld in the table', () => {
    const spec = rankingChart(rows, { rank: 'Peringkat', agency: 'PD', n: 'n', mean: 'Rata-rata', note: 'Ket' });
    expect(spec.labels).toEqual(['1. A (n=20)', '2. B (n=20)']);
    expect(spec.datasets[0]!.data).toEqual([110, 100]);
    expect(spec.table.rows.map((row) => [row.rank, row.agency, row.mean, row.note])).toEqual([
      [1, 'Nama A', 110, null],
      [2, 'Nama B', 100, null],
      [null, 'Nama C', null, 'Kelompok kecil'],
    ]);
  });

  it('sums the predikat counts of the agencies shown, with shares', () => {
    const names = { SANGAT_BAIK: 'SB', BAIK: 'B', BUTUH_PERBAIKAN: 'BP', KURANG: 'K', SANGAT_KURANG: 'SK' };
    const spec = predikatChart(rows, { predikat: 'Predikat', count: 'Jumlah', share: '%', names });
    expect(spec.labels).toEqual(['SB', 'B', 'BP', 'K', 'SK']);
    expect(spec.datasets[0]!.data).toEqual([4, 30, 6, 0, 0]);
    expect(spec.table.rows.map((row) => row.share)).toEqual([0.1, 0.75, 0.15, 0, 0]);
    expect(predikatChart([], { predikat: 'P', count: 'J', share: '%', names }).table.rows[0]!.share).toBeNull();
  });

  it('orders JP compliance highest first and lists withheld agencies last', () => {
    const spec = jpChart([standing('B', 2, 100), standing('A', 1, 110), standing('C', null, null)], {
      agency: 'PD',
      n: 'n',
      share: '≥ 20 JP',
      jpPerEmployee: 'JP',
      note: 'Ket',
    });
    expect(spec.labels).toEqual(['A', 'B']);
    expect(spec.datasets[0]!.data).toEqual([0.55, 0.5]);
    expect(spec.table.rows.map((row) => row.agency)).toEqual(['Nama A', 'Nama B', 'Nama C']);
  });

  it('orders completion lowest submitted share first, two bars per agency', () => {
    const spec = completionChart(
      [
        { agency: { code: 'A', name: 'Nama A' }, expected: 10, shareSubmitted: 0.9, shareFinal: 0.1 },
        { agency: { code: 'B', name: 'Nama B' }, expected: 5, shareSubmitted: 0.2, shareFinal: 0 },
      ],
      { agency: 'PD', expected: 'Diharapkan', submitted: 'Diajukan', final: 'Final' },
    );
    expect(spec.labels).toEqual(['B', 'A']);
    expect(spec.datasets.map((d) => d.data)).toEqual([
      [0.2, 0.9],
      [0, 0.1],
    ]);
  });
});
