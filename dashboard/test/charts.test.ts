import { describe, expect, it } from 'vitest';
import { bandTrendChart, multiTrendChart, rankedBarChart, type TrendLabels } from '../src/charts/common';
import { needsChart, raterChart } from '../src/features/agency/charts';
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

describe('rankedBarChart', () => {
  interface Row {
    code: string;
    value: number | null;
    other?: number | null;
  }
  const rows: Row[] = [
    { code: 'B', value: 2 },
    { code: 'W', value: null },
    { code: 'A', value: 3 },
    { code: 'C', value: 2 },
  ];
  const base = {
    label: (row: Row) => row.code,
    series: [{ label: 'Nilai', value: (row: Row) => row.value, color: '#000' }],
    columns: [
      { key: 'code', label: 'Kode', kind: 'text' as const },
      { key: 'value', label: 'Nilai', kind: 'number' as const },
    ],
    cells: (row: Row) => ({ code: row.code, value: row.value }),
  };
  const drawn = (row: Row) => row.value !== null;
  const byValue = (a: Row, b: Row) => b.value! - a.value! || a.code.localeCompare(b.code);

  it.each([
    // [case, options, bar labels, bar values, table row codes]
    ['every row, as given', {}, ['B', 'W', 'A', 'C'], [2, null, 3, 2], ['B', 'W', 'A', 'C']],
    ['drawn only, as given', { drawn }, ['B', 'A', 'C'], [2, 3, 2], ['B', 'A', 'C', 'W']],
    ['drawn, ordered, withheld last', { drawn, order: byValue }, ['A', 'B', 'C'], [3, 2, 2], ['A', 'B', 'C', 'W']],
    [
      'drawn, ordered, table as given',
      { drawn, order: byValue, tableRows: 'given' as const },
      ['A', 'B', 'C'],
      [3, 2, 2],
      ['B', 'W', 'A', 'C'],
    ],
  ])('%s', (_case, options, labels, values, tableCodes) => {
    const spec = rankedBarChart(rows, { ...base, ...options });
    expect(spec.kind).toBe('bar');
    expect(spec.horizontal).toBe(true);
    expect(spec.labels).toEqual(labels);
    expect(spec.datasets).toEqual([{ label: 'Nilai', data: values, color: '#000' }]);
    expect(spec.table.rows.map((row) => row.code)).toEqual(tableCodes);
    expect(spec.table.columns.map((c) => c.key)).toEqual(['code', 'value']);
  });

  it('draws one dataset per series and carries the axis options, leaving the given rows untouched', () => {
    const given = rows.map((row) => ({ ...row, other: row.value === null ? null : row.value * 10 }));
    const spec = rankedBarChart(given, {
      ...base,
      drawn,
      order: byValue,
      series: [...base.series, { label: 'Lain', value: (row: Row) => row.other ?? null, color: '#111' }],
      share: true,
      min: 0,
      max: 1,
    });
    expect(spec.datasets.map((d) => d.data)).toEqual([
      [3, 2, 2],
      [30, 20, 20],
    ]);
    expect([spec.share, spec.min, spec.max]).toEqual([true, 0, 1]);
    expect(given.map((row) => row.code)).toEqual(['B', 'W', 'A', 'C']);
    expect(rankedBarChart([], base)).toMatchObject({ labels: [], datasets: [{ data: [] }], table: { rows: [] } });
  });
});

describe('charts built on rankedBarChart', () => {
  it('orders assessors by z, highest first, with the withheld ones in the table only', () => {
    const rater = (name: string, z: number | null, flags: string[] = []) => ({
      assessor: { name, pseudonym: `P-${name}` },
      nEmployees: 6,
      nScores: 24,
      leniency: z,
      z,
      meanGiven: 95,
      flags,
      suppressed: z === null,
      note: z === null ? 'Kelompok kecil' : null,
    });
    const spec = raterChart([rater('Budi', 0.5), rater('Ani', null), rater('Citra', 2.1, ['LENIENT'])], {
      assessor: 'Penilai',
      nEmployees: 'Pegawai',
      nScores: 'Nilai',
      meanGiven: 'Rata-rata',
      leniency: 'Kelonggaran',
      z: 'z',
      flags: 'Tanda',
      note: 'Ket',
      flagNames: { LENIENT: 'Terlalu longgar' },
    });
    expect(spec.labels).toEqual(['Citra', 'Budi']);
    expect(spec.datasets[0]!.data).toEqual([2.1, 0.5]);
    expect(spec.table.rows.map((row) => [row.assessor, row.flags, row.note])).toEqual([
      ['Citra', 'Terlalu longgar', null],
      ['Budi', null, null],
      ['Ani', null, 'Kelompok kecil'],
    ]);
  });

  it('counts the needs per criterion, most first, with the distinct trainings offered', () => {
    const need = (criterion: string, ...codes: string[]) => ({
      criterion,
      employee: { pseudonym: 'x' },
      trainings: codes.map((code) => ({ code })),
    });
    const spec = needsChart([need('DISIPLIN', 'T1'), need('INOVASI', 'T2'), need('INOVASI', 'T2', 'T3')], {
      criterion: 'Kriteria',
      employees: 'Pegawai',
      trainings: 'Pelatihan',
    });
    expect(spec.labels).toEqual(['INOVASI', 'DISIPLIN']);
    expect(spec.table.rows).toEqual([
      { criterion: 'INOVASI', employees: 2, trainings: 2 },
      { criterion: 'DISIPLIN', employees: 1, trainings: 1 },
    ]);
  });
});
