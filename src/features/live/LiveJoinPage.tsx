/** Joining a live tour: the code, the delegate's language, one button. Also a form for the welcome page. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGS } from '../../content/limits';
import { htmlLang } from '../../i18n/i18n';
import { rememberLang } from '../../i18n/language';
import { CODE_LENGTH, formatCode, normalizeCode } from '../../live/protocolBasics';
import { useLang, useVisitStore } from '../../store/context';
import { joinAsDelegate, useLive } from './liveSession';

export function LiveJoinPage({ code }: { code: string }) {
  const { t } = useTranslation();
  const store = useVisitStore();
  const lang = useLang();
  const status = useLive((s) => s.status);
  const role = useLive((s) => s.role);
  const error = useLive((s) => s.error);
  const joining = role === 'delegate' && !error && status !== 'ended';
  return (
    <div className="message-page live-join">
      <h1>{t('live.joinThis', { code: formatCode(code) })}</h1>
      <p>{t('live.joinIntro')}</p>
      <p>{t('live.chooseLang')}</p>
      <div className="button-row" role="group" aria-label={t('lang.label')}>
        {LANGS.map((l) => (
          <button
            key={l}
            type="button"
            lang={htmlLang(l)}
            className={`button ${l === lang ? '' : 'button--quiet'}`}
            aria-pressed={l === lang}
            onClick={() => {
              rememberLang(l);
              store.getState().setLang(l);
            }}
          >
            {t(`lang.${l}`)}
          </button>
        ))}
      </div>
      <p>
        <button type="button" className="button button--big" onClick={() => joinAsDelegate(store, code)} aria-disabled={joining}>
          {joining ? t('live.connecting') : t('live.join')}
        </button>
      </p>
      {error && <p role="alert">{t(`live.errors.${error}`)}</p>}
    </div>
  );
}

export function JoinForm() {
  const { t } = useTranslation();
  const store = useVisitStore();
  const [value, setValue] = useState('');
  const code = normalizeCode(value);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (code.length !== CODE_LENGTH) return;
    // One step: the visitor already chose a language on this page, so no second screen asks again.
    store.getState().goTo({ page: 'live', code });
    joinAsDelegate(store, code);
  };
  return (
    <section aria-labelledby="join-heading" className="join">
      <h2 id="join-heading">{t('live.joinTitle')}</h2>
      <p>{t('live.joinIntro')}</p>
      <form className="join__form" onSubmit={submit}>
        <label htmlFor="join-code">{t('live.codeLabel')}</label>
        <input
          id="join-code"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={9}
          placeholder="K7Q-X2M"
        />
        <button type="submit" className="button">
          {t('live.join')}
        </button>
      </form>
    </section>
  );
}
