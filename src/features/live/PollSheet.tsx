/**
 * The guide's question on a delegate's screen: a sheet over the lower part of the panorama — the
 * one thing allowed to cover it — that can be hidden and opened again. Native radio buttons or
 * checkboxes (keyboard and touch as the platform does them); "Answer received" once the relay
 * stored it; the answer can change until the poll closes; then the result and the correct answer
 * in the delegate's language. It never takes focus: its arrival is announced politely.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useUiT } from '../../components/useUiT';
import type { TFunction } from 'i18next';
import { useContent } from '../../content/ContentContext';
import { htmlLang } from '../../i18n/i18n';
import type { LivePoll } from '../../live/protocol';
import { useLang } from '../../store/context';
import { useLive, useLiveSession } from './LiveSessionContext';
import { PollResults } from './PollResults';
import { pollWords, type PollWords } from './pollText';
import './PollSheet.css';

/** What a delegate hears when a poll arrives or changes; null: nothing new. */
export function pollAnnouncement(poll: LivePoll, prev: LivePoll | null, words: PollWords, t: TFunction): string | null {
  if (poll.id !== prev?.id) return t('liveRoom.sheet.announce', { prompt: words.prompt.text });
  if (poll.phase === prev.phase) return null;
  if (poll.phase === 'revealed') {
    const right = (poll.result?.correct ?? []).map((i) => words.options[i]?.text).filter(Boolean);
    return t('liveRoom.sheet.announceResult', { answer: right.join(', ') || t('liveRoom.poll.survey') });
  }
  return poll.phase === 'closed' ? t('liveRoom.sheet.announceClosed') : null;
}

export function PollSheet({ open, onHide }: { open: boolean; onHide: () => void }) {
  const ut = useUiT();
  const session = useLiveSession();
  const content = useContent();
  const lang = useLang();
  const poll = useLive((s) => s.poll);
  const mine = useLive((s) => (s.myAnswer && s.myAnswer.poll === s.poll?.id ? s.myAnswer.choices : null));
  const notice = useLive((s) => s.notice);
  const [choices, setChoices] = useState<number[]>([]);
  const [pickFirst, setPickFirst] = useState(false);
  const [pending, setPending] = useState(false);

  // A new poll starts blank; a stored answer (say, after a reconnect) shows as chosen.
  useEffect(() => {
    setChoices(mine ?? []);
    setPending(false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [poll?.id, mine?.join(',')]);

  if (!poll || !open) return null;
  const words = pollWords(poll.source, poll.options, content, lang);
  if (!words) return null;
  const isOpen = poll.phase === 'open';
  const changed = mine === null || mine.join(',') !== [...choices].sort((a, b) => a - b).join(',');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!isOpen) return;
    if (choices.length === 0) {
      setPickFirst(true);
      return;
    }
    setPickFirst(false);
    setPending(true);
    session.getState().answer(poll.id, [...choices].sort((a, b) => a - b));
  };
  const status =
    notice?.kind === 'poll-closed'
      ? ut('liveRoom.sheet.tooLate')
      : notice?.kind === 'rate-limited' && pending
        ? ut('liveRoom.tooFast')
        : pickFirst
          ? ut('liveRoom.sheet.pick')
          : !isOpen
            ? ut('liveRoom.sheet.closed')
            : mine && !changed
              ? ut('liveRoom.sheet.received')
              : '';
  const right = poll.result?.correct ?? [];

  return (
    <section className="poll-sheet" role="dialog" aria-modal="false" aria-labelledby="poll-sheet-label">
      <div className="poll-sheet__head">
        <h2 id="poll-sheet-label" className="poll-sheet__label">
          {ut('liveRoom.sheet.label')}
        </h2>
        <button type="button" className="button button--quiet button--small" onClick={onHide}>
          {ut('liveRoom.sheet.hide')}
        </button>
      </div>
      {poll.phase === 'revealed' && poll.result ? (
        <div className="poll-sheet__result">
          <p className="poll-sheet__prompt" lang={htmlLang(words.prompt.lang)}>
            {words.prompt.text}
          </p>
          <PollResults options={words.options} all={{ counts: poll.result.counts, total: poll.result.total }} correct={right} mine={mine ?? undefined} />
          <p className="poll-sheet__answer">
            {right.length === 0
              ? ut('liveRoom.poll.survey')
              : right.length === 1
                ? ut('liveRoom.results.correct', { answer: words.options[right[0]!]?.text ?? '' })
                : ut('liveRoom.results.correctMany', { answers: right.map((i) => words.options[i]?.text ?? '').join(lang === 'zh' ? '、' : ', ') })}
          </p>
          <p className="poll-sheet__total">{ut('liveRoom.results.total', { count: poll.result.total })}</p>
        </div>
      ) : (
        <form onSubmit={submit} noValidate>
          <fieldset className="poll-sheet__fieldset" disabled={!isOpen} aria-describedby="poll-sheet-how">
            <legend className="poll-sheet__prompt" lang={htmlLang(words.prompt.lang)}>
              {words.prompt.text}
            </legend>
            <p id="poll-sheet-how" className="poll-sheet__how">
              {ut(poll.multiple ? 'liveRoom.sheet.chooseMany' : 'liveRoom.sheet.chooseOne')}
            </p>
            {words.options.map((option, i) => (
              <label key={i} className="poll-sheet__option">
                <input
                  type={poll.multiple ? 'checkbox' : 'radio'}
                  name={`poll-${poll.id}`}
                  value={i}
                  checked={choices.includes(i)}
                  onChange={(e) => {
                    setPickFirst(false);
                    setChoices((c) => (poll.multiple ? (e.target.checked ? [...c, i] : c.filter((x) => x !== i)) : [i]));
                  }}
                />
                <span lang={htmlLang(option.lang)}>{option.text}</span>
              </label>
            ))}
          </fieldset>
          <div className="poll-sheet__foot">
            {isOpen && (
              <button type="submit" className="button" aria-disabled={!changed && mine !== null}>
                {ut(mine ? 'liveRoom.sheet.change' : 'liveRoom.sheet.send')}
              </button>
            )}
            <p className="poll-sheet__status" role="status">
              {status}
            </p>
          </div>
        </form>
      )}
    </section>
  );
}
