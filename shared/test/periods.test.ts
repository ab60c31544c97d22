import { describe, expect, it } from 'vitest';
import {
  fromQuarterIndex,
  isValidQuarter,
  quarterIndex,
  quarterLabel,
  quarterOfDate,
  ROMAN_QUARTERS,
} from '../src/periods.js';

describe('quarterIndex = year * 4 + (quarter - 1), and back', () => {
  it.each([
    [2025, 1, 8100], // 2025 * 4 + 0
    [2025, 4, 8103], // 8100 + 3
    [2024, 4, 8099], // 2024 * 4 + 3: the neighbour of 2025 Q1
    [2026, 1, 8104],
    [0, 1, 0],
  ])('%s Q%s <-> %s', (year, quarter, index) => {
    expect(quarterIndex(year, quarter)).toBe(index);
    expect(fromQuarterIndex(index)).toEqual({ year, quarter });
  });

  it.each([
    [2025, 0],
    [2025, 5],
    [2025, 1.5],
    [2025.5, 1],
  ])('quarterIndex(%s, %s) throws', (year, quarter) => {
    expect(() => quarterIndex(year, quarter)).toThrow(RangeError);
  });

  it('fromQuarterIndex refuses a fractional index', () => {
    expect(() => fromQuarterIndex(8100.5)).toThrow(RangeError);
  });
});

describe('quarterOfDate (ISO YYYY-MM-DD, no time zone involved)', () => {
  it.each([
    ['2025-01-01', 2025, 1],
    ['2025-03-31', 2025, 1], // last day of Q1
    ['2025-04-01', 2025, 2],
    ['2025-06-30', 2025, 2],
    ['2025-07-01', 2025, 3],
    ['2025-09-30', 2025, 3],
    ['2025-10-01', 2025, 4],
    ['2025-12-31', 2025, 4],
    ['2024-02-29', 2024, 1], // leap day
  ])('%s -> %s Q%s', (date, year, quarter) => {
    expect(quarterOfDate(date)).toEqual({ year, quarter });
  });

  it.each([
    '2025-02-29',
    '2025-13-01',
    '2025-04-31',
    '2025-00-10',
    '2025-1-1',
    '01/03/2025',
    '2025-03-31T23:00:00Z',
    '',
  ])('%j throws', (date) => {
    expect(() => quarterOfDate(date)).toThrow(RangeError);
  });
});

describe('isValidQuarter', () => {
  it.each([
    [1, true],
    [2, true],
    [3, true],
    [4, true],
    [0, false],
    [5, false],
    [1.5, false],
    [Number.NaN, false],
  ])('%s -> %s', (quarter, expected) => {
    expect(isValidQuarter(quarter)).toBe(expected);
  });
});

describe('quarterLabel', () => {
  it.each([
    [2025, 1, 'id', 'Triwulan I 2025'],
    [2025, 2, 'id', 'Triwulan II 2025'],
    [2025, 3, 'id', 'Triwulan III 2025'],
    [2025, 4, 'id', 'Triwulan IV 2025'],
    [2025, 1, 'en', 'Q1 2025'],
    [2024, 4, 'en', 'Q4 2024'],
  ] as const)('%s Q%s in %s -> %s', (year, quarter, locale, expected) => {
    expect(quarterLabel(year, quarter, locale)).toBe(expected);
  });

  it('refuses quarter 5', () => {
    expect(() => quarterLabel(2025, 5, 'id')).toThrow(RangeError);
  });

  it('ROMAN_QUARTERS', () => {
    expect(ROMAN_QUARTERS).toEqual(['I', 'II', 'III', 'IV']);
  });
});
