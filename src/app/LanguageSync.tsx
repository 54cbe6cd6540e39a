/** Keeps `<html lang>` in the store's language (i18next follows in main.tsx; the title is DocumentTitle's). */
import { useEffect } from 'react';
import { htmlLang } from '../i18n/i18n';
import { useLang } from '../store/context';

export function LanguageSync() {
  const lang = useLang();
  useEffect(() => {
    document.documentElement.lang = htmlLang(lang);
  }, [lang]);
  return null;
}
