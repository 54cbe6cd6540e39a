/** Keeps `<html lang>` and the document title in the store's language (i18next follows in main.tsx). */
import { useEffect } from 'react';
import { htmlLang } from '../i18n/i18n';
import { useLang } from '../store/context';
import { useContent } from '../content/ContentContext';

export function LanguageSync() {
  const lang = useLang();
  const { college } = useContent();
  useEffect(() => {
    document.documentElement.lang = htmlLang(lang);
    document.title = `${college.programme[lang]} · ${college.name[lang]}`;
  }, [lang, college]);
  return null;
}
