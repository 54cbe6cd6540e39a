/**
 * Joining a live tour: the code, the delegate's language, one button. Also a form for the welcome
 * page. A code that cannot be one (a letter the codes never use, say O for 0) is said to be wrong
 * here, before anything connects. A guide's link to lead from this device (`#lead=<token>`) takes
 * the session up instead.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiT } from '../../components/useUiT';
import { LANGS } from '../../content/limits';
import { focusWhenReady } from '../../components/focusRescue';
import { htmlLang } from '../../i18n/i18n';
import { rememberLang } from '../../i18n/language';
import { CODE_LENGTH, CREDENTIAL_PATTERN, formatCode, isCode, normalizeCode } from '../../live/protocol';
import { useLang, useVisitStore } from '../../store/context';
import type { DisplayNameError } from '../../live/displayName';
import { DisplayNameField, readDisplayName } from './DisplayNameField';
import { useLive, useLiveSession } from './LiveSessionContext';
import { useCountdown } from './useCountdown';

/** The token of a "lead from another device" link, from the URL's fragment (which never reaches a server). */
function leadToken(): string | null {
  const token = new URLSearchParams(window.location.hash.slice(1)).get('lead');
  return token && CREDENTIAL_PATTERN.test(token) ? token : null;
}

export function LiveJoinPage({ code }: { code: string }) {
  const { t } = useTranslation();
  const ut = useUiT();
  const store = useVisitStore();
  const session = useLiveSession();
  const lang = useLang();
  const status = useLive((s) => s.status);
  const role = useLive((s) => s.role);
  const error = useLive((s) => s.error);
  const phase = useLive((s) => s.phase);
  const seconds = useCountdown(useLive((s) => (s.phase === 'limited' ? s.retryAt : null)));
  const [token] = useState(leadToken);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<DisplayNameError | null>(null);
  const removed = useLive((s) => s.removed && s.code === code);
  const joining = role === 'delegate' && !error && status !== 'ended';

  if (!isCode(code)) {
    return (
      <div className="message-page live-join">
        <h1>{ut('live.joinTitle')}</h1>
        <p role="alert">{ut('live.codeInvalid', { code })}</p>
        <JoinForm heading={false} />
      </div>
    );
  }
  if (token) {
    return (
      <div className="message-page live-join">
        <h1>{ut('live.leadThis', { code: formatCode(code) })}</h1>
        <p>{ut('live.leadIntro')}</p>
        <p>
          <button
            type="button"
            className="button button--big"
            onClick={() => {
              session.getState().startGuiding({ code, token });
              // Off the fragment, so the token does not stay in this tab's history.
              window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
              // The relay's snapshot then brings this screen to where the session is.
            }}
          >
            {ut('live.leadHere')}
          </button>
        </p>
      </div>
    );
  }
  if (removed) {
    return (
      <div className="message-page live-join">
        <h1>{ut('live.joinThis', { code: formatCode(code) })}</h1>
        <p role="alert">{ut('liveRoom.removed')}</p>
      </div>
    );
  }
  const join = (e: FormEvent) => {
    e.preventDefault();
    if (joining) return;
    const checked = readDisplayName(name);
    if (!checked.ok) {
      setNameError(checked.error);
      return;
    }
    session.getState().joinAsDelegate(code, checked.name);
    // The guide's place replaces this page: focus its heading once it is there.
    focusWhenReady(() => document.querySelector<HTMLElement>('.main:not(.main--live) h1'));
  };
  return (
    <div className="message-page live-join">
      <h1>{ut('live.joinThis', { code: formatCode(code) })}</h1>
      <p>{ut('live.joinIntro')}</p>
      <p>{ut('live.chooseLang')}</p>
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
            {ut(`lang.${l}`)}
          </button>
        ))}
      </div>
      <form onSubmit={join} noValidate>
        <DisplayNameField
          id="join-name"
          value={name}
          error={nameError}
          onChange={(value) => {
            setName(value);
            setNameError(null);
          }}
        />
        <p>
          <button type="submit" className="button button--big" aria-disabled={joining}>
            {joining ? ut('live.connecting') : ut('live.join')}
          </button>
        </p>
      </form>
      {phase === 'limited' ? (
        <p role="status">{ut(error === 'busy' ? 'live.busyRetry' : 'live.retryIn', { seconds: seconds ?? 0 })}</p>
      ) : phase === 'waiting' ? (
        <p role="status">{ut('live.waiting')}</p>
      ) : (
        error && <p role="alert">{ut(`live.errors.${error}`)}</p>
      )}
    </div>
  );
}

export function JoinForm({ heading = true }: { heading?: boolean }) {
  const { t } = useTranslation();
  const ut = useUiT();
  const store = useVisitStore();
  const session = useLiveSession();
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<DisplayNameError | null>(null);
  const code = normalizeCode(value);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // A code of the wrong length says why instead of doing nothing (WCAG 3.3.1).
    if (code.length !== CODE_LENGTH) {
      setInvalid(true);
      return;
    }
    const checked = readDisplayName(name);
    if (!checked.ok) {
      setNameError(checked.error);
      return;
    }
    // One step: the visitor already chose a language on this page, so no second screen asks again.
    store.getState().goTo({ page: 'live', code });
    session.getState().joinAsDelegate(code, checked.name);
  };
  return (
    <section aria-labelledby={heading ? 'join-heading' : undefined} aria-label={heading ? undefined : t('live.joinTitle')} className="join">
      {heading && (
        <>
          <h2 id="join-heading">{ut('live.joinTitle')}</h2>
          <p>{ut('live.joinIntro')}</p>
        </>
      )}
      <form className="join__form" onSubmit={submit}>
        <label htmlFor="join-code">{ut('live.codeLabel')}</label>
        <input
          id="join-code"
          value={value}
          onChange={(e) => {
            setValue(e.target.value);
            setInvalid(false);
          }}
          aria-invalid={invalid}
          aria-describedby="join-code-error"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={9}
          placeholder="K7Q-X2M"
        />
        <DisplayNameField
          id="join-form-name"
          value={name}
          error={nameError}
          onChange={(next) => {
            setName(next);
            setNameError(null);
          }}
        />
        <button type="submit" className="button">
          {ut('live.join')}
        </button>
      </form>
      {/* Always in the page, so that screen readers announce the message when it appears. */}
      <p id="join-code-error" className="join__error" role="alert">
        {invalid ? ut('live.codeFormat', { length: CODE_LENGTH }) : ''}
      </p>
    </section>
  );
}
