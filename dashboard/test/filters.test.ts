import { describe, expect, it } from 'vitest';
import {
  ofCriteria,
  parseCriteria,
  parseList,
  parsePeriod,
  parseYear,
  patchQuery,
  periodParam,
  toggledList,
} from '../src/app/filters';

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

  it.each([
    // [in the URL, ticked or unticked, on, options in order, URL after]
    ['', 'K2', true, ['K1', 'K2', 'K3'], 'K2'],
    ['K3', 'K1', true, ['K1', 'K2', 'K3'], 'K1,K3'],
    ['K1,K3', 'K1', false, ['K1', 'K2', 'K3'], 'K3'],
    ['K3', 'K3', false, ['K1', 'K2', 'K3'], ''],
    ['K2', 'K2', true, ['K1', 'K2'], 'K2'],
    ['OLD,K2', 'K1', true, ['K1', 'K2'], 'K1,K2,OLD'],
  ])('criteria %j: %s on=%s gives %j', (given, item, on, order, expected) => {
    expect(toggledList(parseCriteria(given), item as string, on as boolean, order as string[])).toBe(expected);
  });

  it('keeps the rows of the chosen criteria, or all rows when none is chosen', () => {
    const rows = [{ c: 'K1' }, { c: 'K2' }, { c: 'K3' }];
    expect(ofCriteria(rows, [], (r) => r.c)).toEqual(rows);
    expect(ofCriteria(rows, ['K3', 'K1'], (r) => r.c)).toEqual([{ c: 'K1' }, { c: 'K3' }]);
    expect(ofCriteria(rows, ['X'], (r) => r.c)).toEqual([]);
    expect(parseCriteria('K1,K1,<b>,K2')).toEqual(['K1', 'K2']);
  });
});
