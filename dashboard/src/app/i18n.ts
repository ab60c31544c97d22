import { ref } from 'vue';
import en from '../locales/en.json';
import id from '../locales/id.json';

/** Indonesian is the master locale: every key exists in id.json, and English must have the same keys. */
export type MessageKey = keyof typeof id;
export type Locale = 'id' | 'en';

const english: Record<MessageKey, string> = en;
const messages: Record<Locale, Record<MessageKey, string>> = { id, en: english };

export const locale = ref<Locale>('id');

/** BCP 47 tag for number and date formats: id-ID writes 103,335 and 1.234. */
export function formatLocale(): string {
  return locale.value === 'id' ? 'id-ID' : 'en-GB';
}

/** The message for `key` in the current locale, with `{name}` placeholders filled. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = messages[locale.value][key];
  return template.replace(/\{(\w+)\}/g, (_match, name: string) => String(params[name] ?? `{${name}}`));
}

export function formatNumber(value: number, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(formatLocale(), { maximumFractionDigits }).format(value);
}

export function setLocale(next: Locale): void {
  locale.value = next;
  document.documentElement.lang = next;
}
