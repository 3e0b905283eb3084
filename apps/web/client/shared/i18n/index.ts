import { createI18n } from 'vue-i18n';
import { en } from './en';
import { zhCN, type Messages } from './zh-CN';

export const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];

const STORAGE_KEY = 'lingong.locale';

function storedLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return locales.find((locale) => locale === stored) ?? 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

/**
 * Every text a person reads goes through here: Chinese first, English on request. A face adds its
 * own messages (`extra`) under its own key, so the kiosk never carries the phone pages' texts.
 */
export function createLingongI18n<Extra extends Record<string, unknown>>(extra: { 'zh-CN': Extra; en: Extra }) {
  const locale = storedLocale();
  document.documentElement.lang = locale;
  return createI18n<[Messages & Extra], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'zh-CN',
    messages: { 'zh-CN': { ...zhCN, ...extra['zh-CN'] }, en: { ...en, ...extra.en } },
  });
}

/** Switches language (the `locale` of useI18n) for this browser, kept across visits, and tells assistive technology. */
export function switchLocale(current: { value: string }, locale: Locale): void {
  current.value = locale;
  document.documentElement.lang = locale;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode: the switch holds for this visit.
  }
}
