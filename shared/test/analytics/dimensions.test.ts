import { describe, expect, it } from 'vitest';
import { periodKey, rankGroup } from '../../src/analytics/dimensions.js';

describe('rankGroup: PNS by golongan I..IV, every PPPK in one group, else UNKNOWN', () => {
  it.each([
    ['PNS', 'I/a', 'I'],
    ['PNS', 'II/d', 'II'],
    ['PNS', 'III/a', 'III'],
    ['PNS', 'IV/e', 'IV'],
    ['PPPK', 'IX', 'PPPK'], // the PPPK golongan does not matter
    ['PPPK', null, 'PPPK'],
    ['PNS', null, 'UNKNOWN'], // no rank recorded
    ['PNS', 'IX', 'UNKNOWN'], // a PPPK golongan on a PNS record
    ['PNS', 'V/a', 'UNKNOWN'],
    [null, 'III/b', 'UNKNOWN'], // no employment type
  ] as const)('%s %s -> %s', (type, rank, expected) => {
    expect(rankGroup(type, rank)).toBe(expected);
  });
});

describe('periodKey', () => {
  it('is YEAR-Qn', () => {
    expect(periodKey(2025, 1)).toBe('2025-Q1');
    expect(periodKey(2024, 4)).toBe('2024-Q4');
    expect(() => periodKey(2025, 5)).toThrow('period must be a whole year and a quarter 1-4, got 2025 and 5');
  });
});
