/** Switches the language at any moment; the visitor stays where they are, with the same view. */
import { useTranslation } from 'react-i18next';
import { LANGS } from '../content/limits';
import { htmlLang } from '../i18n/i18n';
import { rememberLang } from '../i18n/language';
import { useLang, useVisitStore } from '../store/context';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const store = useVisitStore();
  const current = useLang();
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')}>
      {LANGS.map((lang) => (
        <button
          key={lang}
          type="button"
          className="lang-switch__option"
          lang={htmlLang(lang)}
          aria-pressed={lang === current}
          onClick={() => {
            rememberLang(lang);
            store.getState().setLang(lang);
          }}
        >
          {t(`lang.${lang}`)}
        </button>
      ))}
    </div>
  );
}
