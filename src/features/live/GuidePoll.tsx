/**
 * The guide's poll: ask one of the current tour step's questions (from the content) or type one;
 * then watch the answers arrive (bars per option, counts by language), close it, and show the
 * result to everyone. The guide's screen marks the correct options from the start.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiT } from '../../components/useUiT';
import { useStore } from 'zustand';
import { useContent } from '../../content/ContentContext';
import { htmlLang } from '../../i18n/i18n';
import type { PollDraft } from '../../live/protocol';
import { useLang, useVisitStore } from '../../store/context';
import { useLive, useLiveSession } from './LiveSessionContext';
import { PollComposer } from './PollComposer';
import { PollResults } from './PollResults';
import { pollWords } from './pollText';
import './GuidePoll.css';

const none = { counts: [], total: 0 };

export function GuidePoll() {
  const { t } = useTranslation();
  const ut = useUiT();
  const session = useLiveSession();
  const content = useContent();
  const lang = useLang();
  const tourAt = useStore(useVisitStore(), (s) => s.tour);
  const poll = useLive((s) => s.poll);
  const tally = useLive((s) => s.tally);
  const [launching, setLaunching] = useState(false);
  const [typing, setTyping] = useState(false);
  /** The correct options of the poll this screen launched (the relay keeps them from delegates until revealed). */
  const [launched, setLaunched] = useState<{ correct: number[] } | null>(null);

  const tour = tourAt ? content.tours.find((x) => x.id === tourAt.id) : undefined;
  const questions = tourAt ? (tour?.steps[tourAt.step]?.questions ?? []) : [];
  const launch = (draft: PollDraft) => {
    session.getState().openPoll(draft);
    setLaunched({ correct: draft.correct ?? [] });
    setLaunching(false);
    setTyping(false);
  };

  const words = poll ? pollWords(poll.source, poll.options, content, lang) : null;
  const showLauncher = !poll || launching;
  const counts = tally && poll && tally.poll === poll.id ? tally : null;
  const correct = poll?.result?.correct ?? launched?.correct;

  return (
    <section className="side-section guide-poll" aria-labelledby="guide-poll-heading">
      <h2 id="guide-poll-heading">{ut('liveRoom.poll.heading')}</h2>
      {poll && words && (
        <div className="guide-poll__current">
          <p className="guide-poll__prompt" lang={htmlLang(words.prompt.lang)}>
            {words.prompt.text}
          </p>
          <p className="guide-poll__phase" role="status">
            {ut(`liveRoom.poll.phase.${poll.phase}`)}
          </p>
          <p className="guide-poll__answered">{ut('liveRoom.poll.answered', { count: counts?.all.total ?? poll.result?.total ?? 0 })}</p>
          <PollResults
            options={words.options}
            all={counts?.all ?? (poll.result ? { counts: poll.result.counts, total: poll.result.total } : none)}
            byLang={counts ? { zh: counts.zh, en: counts.en } : undefined}
            correct={correct}
          />
          {correct?.length === 0 && <p className="guide-poll__survey">{ut('liveRoom.poll.survey')}</p>}
          <p className="button-row guide-poll__actions">
            {poll.phase === 'open' && (
              <button type="button" className="button button--quiet" onClick={() => session.getState().closePoll(poll.id)}>
                {ut('liveRoom.poll.close')}
              </button>
            )}
            {poll.phase !== 'revealed' && (
              <button type="button" className="button" onClick={() => session.getState().revealPoll(poll.id)}>
                {ut('liveRoom.poll.reveal')}
              </button>
            )}
            {!launching && (
              <button type="button" className="button button--quiet" onClick={() => setLaunching(true)}>
                {ut('liveRoom.poll.another')}
              </button>
            )}
          </p>
        </div>
      )}
      {showLauncher && (
        <div className="guide-poll__launcher">
          {poll && <p className="guide-poll__note">{ut('liveRoom.poll.replaceNote')}</p>}
          {!tourAt ? (
            <p>{ut('liveRoom.poll.noStep')}</p>
          ) : questions.length === 0 ? (
            <p>{ut('liveRoom.poll.noStepQuestions')}</p>
          ) : (
            <>
              <h3 className="guide-poll__subheading">{ut('liveRoom.poll.fromStep', { step: tourAt.step + 1 })}</h3>
              <ul className="guide-poll__questions">
                {questions.map((q) => (
                  <li key={q.id}>
                    <span lang={htmlLang(lang)}>{q.prompt[lang]}</span>
                    <button
                      type="button"
                      className="button button--small"
                      aria-label={`${t('liveRoom.poll.ask')}: ${q.prompt[lang]}`}
                      onClick={() =>
                        launch({
                          source: { kind: 'content', tourId: tourAt.id, step: tourAt.step, questionId: q.id },
                          options: q.options.length,
                          multiple: q.multiple,
                          correct: q.correct,
                        })
                      }
                    >
                      {ut('liveRoom.poll.ask')}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
          {typing ? (
            <PollComposer onLaunch={launch} onCancel={() => setTyping(false)} />
          ) : (
            <p className="button-row guide-poll__actions">
              <button type="button" className="button button--quiet" onClick={() => setTyping(true)}>
                {ut('liveRoom.poll.typeOwn')}
              </button>
              {poll && (
                <button type="button" className="button button--quiet" onClick={() => setLaunching(false)}>
                  {ut('liveRoom.poll.cancel')}
                </button>
              )}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
