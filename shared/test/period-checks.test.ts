import { describe, expect, it } from 'vitest';
import { checkQuarter, checkYear, checkYearQuarter, checkYearSpan, YEAR_MAX, YEAR_MIN } from '../src/periods.js';
import { renderProblem } from '../src/problems.js';

const outOfRange = (value: number, field = 'year') => ({
  code: 'YEAR_OUT_OF_RANGE',
  field,
  params: { value, min: 2000, max: 2100 },
});

describe('checkYear: a whole year within 2000-2100', () => {
  it('the range is 2000-2100', () => {
    expect([YEAR_MIN, YEAR_MAX]).toEqual([2000, 2100]);
  });

  it.each([
    [2000, []],
    [2025, []],
    [2100, []],
    [1999, [outOfRange(1999)]],
    [2101, [outOfRange(2101)]],
    [2025.5, [outOfRange(2025.5)]],
    [NaN, [outOfRange(NaN)]],
    [0, [outOfRange(0)]],
  ])('%s -> %j', (year, expected) => {
    expect(checkYear(year)).toEqual(expected);
  });

  it('names the field it is given', () => {
    expect(checkYear(1999, 'yearFrom')).toEqual([outOfRange(1999, 'yearFrom')]);
  });
});

describe('checkQuarter: 1, 2, 3 or 4', () => {
  it.each([
    [1, []],
    [4, []],
    [0, [{ code: 'QUARTER_OUT_OF_RANGE', field: 'quarter', params: { value: 0 } }]],
    [5, [{ code: 'QUARTER_OUT_OF_RANGE', field: 'quarter', params: { value: 5 } }]],
    [2.5, [{ code: 'QUARTER_OUT_OF_RANGE', field: 'quarter', params: { value: 2.5 } }]],
  ])('%s -> %j', (quarter, expected) => {
    expect(checkQuarter(quarter)).toEqual(expected);
  });

  it('a period lists the problems of both its parts', () => {
    expect(checkYearQuarter({ year: 2025, quarter: 1 })).toEqual([]);
    expect(checkYearQuarter({ year: 1999, quarter: 5 }).map((p) => [p.code, p.field])).toEqual([
      ['YEAR_OUT_OF_RANGE', 'year'],
      ['QUARTER_OUT_OF_RANGE', 'quarter'],
    ]);
  });
});

describe('checkYearSpan: first and last year in range, the last not before the first', () => {
  it.each([
    [2024, null, []],
    [2024, undefined, []],
    [2024, 2024, []], // one year
    [2024, 2026, []],
    [2025, 2024, [{ code: 'YEAR_SPAN_REVERSED', field: 'yearTo', params: { from: 2025, to: 2024 } }]],
    [1999, 2024, [outOfRange(1999, 'yearFrom')]],
    [2024, 2101, [outOfRange(2101, 'yearTo')]],
  ])('%s..%s -> %j', (from, to, expected) => {
    expect(checkYearSpan(from, to)).toEqual(expected);
  });
});

describe('the messages of years and quarters', () => {
  it.each([
    [
      checkYear(1999)[0],
      'tahun harus bilangan bulat antara 2000 dan 2100, bukan 1999',
      'year must be between 2000 and 2100, not 1999',
    ],
    [checkQuarter(5)[0], 'triwulan harus 1-4, bukan 5', 'quarter must be 1-4, not 5'],
    [
      checkYearSpan(2025, 2024)[0],
      'tahun akhir 2024 sebelum tahun mulai 2025',
      'the last year 2024 is before the first year 2025',
    ],
  ])('%o', (p, id, en) => {
    expect(renderProblem(p)).toBe(id);
    expect(renderProblem(p, 'en')).toBe(en);
  });
});
