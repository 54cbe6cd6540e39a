/** i18next with the UI strings of every language; content text is localized from `{ zh, en }` instead. */
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '../content/schema';
import en from './en.json';
import zh from './zh.json';

export const uiResources = { en, zh } as const;

/** The value of a `lang` attribute for text in this language. */
export const htmlLang = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en');

export function createI18n(lang: Lang): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: lang,
    fallbackLng: false,
    resources: { en: { translation: en }, zh: { translation: zh } },
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
    returnNull: false,
  });
  return instance;
}
