import { createI18n } from 'vue-i18n';
import en from '../locales/en.json';
import id from '../locales/id.json';

/**
 * Indonesian is the master locale (docs/dashboard.md "Locales"): every key exists in id.json, English must have the
 * same keys (the assignment below fails the type check otherwise), and `t('a.key')` (below) is checked against
 * id.json.
 * The JSON files are precompiled at build time by @intlify/unplugin-vue-i18n, so no message compiler ships.
 */
export type MessageSchema = typeof id;
export type Locale = 'id' | 'en';
export const LOCALES: readonly Locale[] = ['id', 'en'];

const english: MessageSchema = en;
const STORAGE_KEY = 'kinerja.locale';

function initialLocale(): Locale {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (stored === 'en' || stored === 'id') return stored;
  } catch {
    // storage may be unavailable (private mode); Indonesian then
  }
  return 'id';
}

export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'id',
  messages: { id, en: english },
});

export function currentLocale(): Locale {
  return i18n.global.locale.value;
}

/** Switches the language of the whole app, `<html lang>` and the `Accept-Language` of every later API request. */
export function setLocale(next: Locale): void {
  i18n.global.locale.value = next;
  document.documentElement.lang = next;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, next);
  } catch {
    // not remembered; the switch still applies
  }
}

/** Every message key of id.json as a dotted path ('nav.ringkasan'). */
type Paths<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Paths<T[K], `${P}${K}.`>;
}[keyof T & string];
export type MessageKey = Paths<MessageSchema>;

/**
 * `t` for components and pure helpers: the key is checked against id.json, so a missing or misspelt key fails the
 * type check (vue-i18n's own `t` accepts any string). Reactive: it reads the global locale, so templates re-render
 * on a switch.
 */
export function t(key: MessageKey, params: Record<string, unknown> = {}): string {
  return i18n.global.t(key, params);
}

export function useT(): { t: typeof t; locale: () => Locale } {
  return { t, locale: currentLocale };
}
