import { quarterLabel, roundForComparison } from '@kinerja/shared';
import { currentLocale, type Locale } from './i18n';

/**
 * id-ID formats (docs/dashboard.md "Formats"): decimal comma and dot for thousands in Indonesian, "Triwulan I 2025"
 * for a quarter. Pure functions of the locale, so they are unit-tested without a component.
 */
export function numberLocale(locale: Locale): string {
  return locale === 'id' ? 'id-ID' : 'en-GB';
}

export function formatNumber(value: number, locale: Locale, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(numberLocale(locale), { maximumFractionDigits }).format(value);
}

/**
 * A score to two decimals by TRUNCATING the shared 6-decimal rounded value (docs/scoring.md#comparison-rounding):
 * 89.999 shows as 89,99, never as the threshold 90,00 it does not meet, and 89.9999999 (90 after the comparison
 * rounding, which meets it) shows as 90,00. Done on the decimal string, because `x * 100` in binary floating point
 * turns 89.99 into 8998.999….
 */
export function truncateScore(value: number): number {
  const text = roundForComparison(value).toFixed(6);
  const [whole, fraction] = text.split('.');
  return Number(`${whole}.${fraction.slice(0, 2)}`);
}

export function formatScore(value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined) return '–';
  return new Intl.NumberFormat(numberLocale(locale), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    truncateScore(value),
  );
}

/** A share 0-1 as a percentage with one decimal: 0,853 → "85,3%". */
export function formatShare(value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined) return '–';
  return new Intl.NumberFormat(numberLocale(locale), {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value);
}

/** "Triwulan I 2025" in Indonesian, "Q1 2025" in English (the API's own period labels). */
export function formatPeriod(year: number, quarter: number, locale: Locale): string {
  return quarterLabel(year, quarter, locale);
}

/** The formats bound to the locale on screen, for templates: `fmt.score(x)` re-renders on a locale switch. */
export function useFormat() {
  return {
    number: (value: number, digits = 2) => formatNumber(value, currentLocale(), digits),
    score: (value: number | null | undefined) => formatScore(value, currentLocale()),
    share: (value: number | null | undefined) => formatShare(value, currentLocale()),
    period: (year: number, quarter: number) => formatPeriod(year, quarter, currentLocale()),
  };
}
