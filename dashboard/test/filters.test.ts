import { describe, expect, it } from 'vitest';
import { parseList, parsePeriod, parseYear, patchQuery, periodParam } from '../src/app/filters';

describe('URL filters', () => {
  it('parses and writes quarters', () => {
    expect(parsePeriod('2025-3')).toEqual({ year: 2025, quarter: 3 });
    expect(parsePeriod('2025-5')).toBeNull();
    expect(parsePeriod(['2025-1'])).toBeNull();
    expect(periodParam({ year: 2024, quarter: 4 })).toBe('2024-4');
  });

  it('parses years and lists, dropping junk and repeats', () => {
    expect(parseYear('2025')).toBe(2025);
    expect(parseYear('20x5')).toBeNull();
    expect(parseList('DISDIK,DINKES,DISDIK,<x>')).toEqual(['DISDIK', 'DINKES']);
    expect(parseList(undefined)).toEqual([]);
  });

  it('patches a query, removing emptied keys', () => {
    expect(patchQuery({ tahun: '2025', dari: '2024-1' }, { dari: '', sampai: '2025-2' })).toEqual({
      tahun: '2025',
      sampai: '2025-2',
    });
  });
});
