import { afterEach, describe, expect, it } from 'vitest';
import en from '../src/locales/en.json';
import id from '../src/locales/id.json';
import { formatNumber, setLocale, t } from '../src/app/i18n';

describe('i18n', () => {
  afterEach(() => setLocale('id'));

  it('speaks Indonesian first, with id-ID numbers (decimal comma, dot for thousands)', () => {
    expect(t('agencies.title')).toBe('Perangkat Daerah');
    expect(formatNumber(103.335)).toBe('103,34');
    expect(formatNumber(1234567.5)).toBe('1.234.567,5');
  });

  it('switches to English with its own formats and sets <html lang>', () => {
    setLocale('en');
    expect(t('agencies.title')).toBe('Agencies');
    expect(formatNumber(1234567.5)).toBe('1,234,567.5');
    expect(document.documentElement.lang).toBe('en');
  });

  it('fills placeholders', () => {
    expect(t('state.error', { message: 'timeout' })).toBe('Data tidak dapat dimuat: timeout');
  });

  it('has the same keys in both locales', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
  });
});
