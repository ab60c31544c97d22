import { describe, expect, it } from 'vitest';
import { formatNumber, formatPeriod, formatScore, formatShare, truncateScore } from '../src/app/format';

describe('scores to two decimals by truncating the 6-decimal comparison rounding', () => {
  it.each([
    // [value, truncated, id-ID, en]
    [89.999, 89.99, '89,99', '89.99'],
    [89.9999999, 90, '90,00', '90.00'], // rounds to 90.000000 for comparison: it meets 90, so it shows 90
    [89.9999994, 89.99, '89,99', '89.99'], // 89.999999 after the rounding: below 90, never shown as 90
    [0.7 * 87.3 + 0.3 * 96.3, 90, '90,00', '90.00'], // 89.99999999999999 in doubles, 90 on paper
    [89.99, 89.99, '89,99', '89.99'], // 89.99 * 100 is 8998.999… in doubles: the string cut keeps 89.99
    [110, 110, '110,00', '110.00'],
    [103.335, 103.33, '103,33', '103.33'],
    [0, 0, '0,00', '0.00'],
    [120, 120, '120,00', '120.00'],
    [1234.5678, 1234.56, '1.234,56', '1,234.56'],
  ])('%s → %s (%s / %s)', (value, truncated, idText, enText) => {
    expect(truncateScore(value)).toBe(truncated);
    expect(formatScore(value, 'id')).toBe(idText);
    expect(formatScore(value, 'en')).toBe(enText);
  });

  it('shows a missing score as a dash', () => {
    expect(formatScore(null, 'id')).toBe('–');
  });
});

describe('id-ID formats', () => {
  it('numbers: decimal comma and dot for thousands in Indonesian', () => {
    expect(formatNumber(1234567.5, 'id')).toBe('1.234.567,5');
    expect(formatNumber(1234567.5, 'en')).toBe('1,234,567.5');
  });

  it('shares as percentages with one decimal', () => {
    expect(formatShare(0.853, 'id')).toBe('85,3%');
    expect(formatShare(0.853, 'en')).toBe('85.3%');
    expect(formatShare(null, 'en')).toBe('–');
  });

  it('quarters as people name them', () => {
    expect(formatPeriod(2025, 1, 'id')).toBe('Triwulan I 2025');
    expect(formatPeriod(2024, 4, 'id')).toBe('Triwulan IV 2024');
    expect(formatPeriod(2025, 3, 'en')).toBe('Q3 2025');
  });
});
