import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { currentLocale, i18n, setLocale } from '../src/app/i18n';

// Read as plain JSON: the import of src/locales/*.json is precompiled by the i18n plugin.
const read = (name: string): object =>
  JSON.parse(readFileSync(join(import.meta.dirname, '..', 'src', 'locales', `${name}.json`), 'utf8'));
const id = read('id');
const en = read('en');

function keys(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('i18n (vue-i18n with precompiled messages)', () => {
  afterEach(() => setLocale('id'));

  it('speaks Indonesian first', () => {
    expect(currentLocale()).toBe('id');
    expect(i18n.global.t('agencies.title')).toBe('Perangkat Daerah');
    expect(i18n.global.t('nav.ringkasan')).toBe('Ringkasan');
  });

  it('switches to English and sets <html lang>, remembering the choice', () => {
    setLocale('en');
    expect(i18n.global.t('agencies.title')).toBe('Agencies');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('kinerja.locale')).toBe('en');
  });

  it('fills placeholders', () => {
    expect(i18n.global.t('state.error', { message: 'timeout' })).toBe('Data tidak dapat dimuat: timeout');
  });

  it('has the same keys in both locales, each a non-empty message', () => {
    expect(keys(en).sort()).toEqual(keys(id).sort());
    for (const locale of [id, en]) {
      for (const key of keys(locale)) expect(i18n.global.t(key), key).not.toBe('');
    }
  });
});
