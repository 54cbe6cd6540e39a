/**
 * A delegate's ways to speak up, in their bar: raise or lower a hand, send a reaction (👍 👏 ❤️ ❓
 * or "slower please"), and write a question only the guide reads (at most 280 characters, the
 * count shown, a longer one refused with a clear message). The class's reactions of the last few
 * seconds show as one small aggregate — never a flood.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiT } from '../../components/useUiT';
import { checkQuestionText, type QuestionTextError } from '../../live/questionText';
import { QUESTION_MAX, REACTIONS } from '../../live/protocol';
import { characterCount } from '../../live/textChecks';
import { useLive, useLiveSession } from './LiveSessionContext';
import { REACTION_ICONS } from './reactionLabels';
import { useReactionWindow } from './useReactionWindow';
import './DelegateTools.css';

/** How long the delegate's aggregate of reactions looks back. */
const RECENT_MS = 5_000;

function AskForm({ onClose }: { onClose: () => void }) {
  const ut = useUiT();
  const session = useLiveSession();
  const notice = useLive((s) => s.notice);
  const [text, setText] = useState('');
  const [error, setError] = useState<QuestionTextError | 'offline' | null>(null);
  const [sent, setSent] = useState(false);
  const count = characterCount(text.trim());
  const over = count - QUESTION_MAX;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = checkQuestionText(text);
    if (!checked.ok) {
      setError(checked.error);
      setSent(false);
      return;
    }
    if (!session.getState().ask(checked.text)) {
      setError('offline');
      return;
    }
    setError(null);
    setSent(true);
    setText('');
  };
  const refused = notice?.kind === 'bad-question' ? 'control' : null;
  const shownError = error ?? refused;
  return (
    <form className="ask-form" onSubmit={submit} noValidate>
      <label htmlFor="ask-text" className="ask-form__label">
        {ut('liveRoom.ask.label')}
      </label>
      <textarea
        id="ask-text"
        rows={3}
        dir="auto"
        value={text}
        aria-invalid={over > 0 || shownError !== null}
        aria-describedby="ask-note ask-count ask-error"
        onChange={(e) => {
          setText(e.target.value);
          setError(null);
          setSent(false);
        }}
      />
      <p className="ask-form__meta">
        <span id="ask-note">{ut('liveRoom.ask.note')}</span>
        <span id="ask-count" className={over > 0 ? 'ask-form__count ask-form__count--over' : 'ask-form__count'}>
          {ut('liveRoom.ask.counter', { count, max: QUESTION_MAX })}
        </span>
      </p>
      <p id="ask-error" className="ask-form__error" role="alert">
        {shownError === 'offline'
          ? ut('liveRoom.ask.offline')
          : shownError
            ? ut(`liveRoom.questionError.${shownError}`, { over: Math.max(0, over), max: QUESTION_MAX })
            : over > 0
              ? ut('liveRoom.questionError.too-long', { over, max: QUESTION_MAX })
              : ''}
      </p>
      <p className="ask-form__sent" role="status">
        {sent ? ut('liveRoom.ask.sent') : ''}
      </p>
      <p className="ask-form__actions">
        <button type="submit" className="button button--small" aria-disabled={over > 0}>
          {ut('liveRoom.ask.send')}
        </button>
        <button type="button" className="button button--quiet button--small" onClick={onClose}>
          {ut('liveRoom.ask.close')}
        </button>
      </p>
    </form>
  );
}

/** `onHand`: told before the delegate's own hand action, so the bar knows who lowered it. */
export function DelegateTools({ onHand }: { onHand?: () => void }) {
  const { t } = useTranslation();
  const ut = useUiT();
  const session = useLiveSession();
  const hand = useLive((s) => s.handRaised);
  const notice = useLive((s) => s.notice);
  const recent = useReactionWindow(RECENT_MS);
  const [asking, setAsking] = useState(false);
  const any = REACTIONS.filter((r) => recent[r]);
  return (
    <div className="delegate-tools" role="group" aria-label={t('liveRoom.tools')}>
      <div className="delegate-tools__row">
        <button type="button" className="button button--small delegate-tools__hand" aria-pressed={hand} onClick={() => {
            onHand?.();
            session.getState().setHand(!hand);
          }}>
          <span aria-hidden="true">✋</span>
          <span className="delegate-tools__text">{ut(hand ? 'liveRoom.hands.lowerMine' : 'liveRoom.hands.raise')}</span>
        </button>
        <span className="delegate-tools__reactions" role="group" aria-label={t('liveRoom.reactions.group')}>
          {REACTIONS.map((r) =>
            r === 'slower' ? (
              <button key={r} type="button" className="button button--quiet button--small delegate-tools__slower" onClick={() => session.getState().react(r)}>
                {ut('liveRoom.reactions.slower')}
              </button>
            ) : (
              <button
                key={r}
                type="button"
                className="button button--quiet button--small delegate-tools__react"
                aria-label={t(`liveRoom.reactions.${r}`)}
                title={t(`liveRoom.reactions.${r}`)}
                onClick={() => session.getState().react(r)}
              >
                <span aria-hidden="true">{REACTION_ICONS[r]}</span>
              </button>
            ),
          )}
        </span>
        <button type="button" className="button button--quiet button--small" aria-expanded={asking} aria-controls="ask-form" onClick={() => setAsking(!asking)}>
          <span aria-hidden="true">✎ </span>
          {ut('liveRoom.ask.open')}
        </button>
        {/* The class's reactions just now, as one line of counts; not a live region (it would flood). */}
        {any.length > 0 && (
          <span className="delegate-tools__recent">
            <span className="visually-hidden">{t('liveRoom.reactions.recent')}: </span>
            {any.map((r) => (
              <span key={r} className="delegate-tools__tally">
                <span aria-hidden="true">{REACTION_ICONS[r]}</span>
                <span className="visually-hidden">{t(`liveRoom.reactions.${r}`)}</span> {recent[r]}
              </span>
            ))}
          </span>
        )}
      </div>
      {hand && <p className="visually-hidden">{t('liveRoom.hands.raised')}</p>}
      {notice?.kind === 'rate-limited' && <p className="delegate-tools__notice">{ut('liveRoom.tooFast')}</p>}
      <div id="ask-form">{asking && <AskForm onClose={() => setAsking(false)} />}</div>
    </div>
  );
}
