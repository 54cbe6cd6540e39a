/**
 * What the class says back to the guide: raised hands in the order they went up (lower one or
 * all), reactions of the last minute, and the written questions — shown as text only, never as
 * markup — to mark answered or hide.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiT } from '../../components/useUiT';
import type { LiveQuestion, QuestionStatus, RosterEntry } from '../../live/protocol';
import { REACTIONS } from '../../live/protocol';
import { useLang } from '../../store/context';
import { useLive, useLiveSession } from './LiveSessionContext';
import { REACTION_ICONS } from './reactionLabels';
import { delegateLabel } from './Roster';
import { useReactionWindow } from './useReactionWindow';
import './GuideClassroom.css';

function useRosterIndex(): Map<string, RosterEntry> {
  const roster = useLive((s) => s.roster);
  return useMemo(() => new Map(roster.map((d) => [d.id, d])), [roster]);
}

function useClock() {
  const lang = useLang();
  return useMemo(() => new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { hour: '2-digit', minute: '2-digit' }), [lang]);
}

export function HandsPanel() {
  const { t } = useTranslation();
  const ut = useUiT();
  const session = useLiveSession();
  const hands = useLive((s) => s.hands);
  const people = useRosterIndex();
  const clock = useClock();
  return (
    <section className="side-section class-hands" aria-labelledby="class-hands-heading">
      <h2 id="class-hands-heading">
        <span aria-hidden="true">✋ </span>
        {ut('liveRoom.hands.heading', { count: hands.length })}
      </h2>
      {hands.length === 0 ? (
        <p className="class-empty">{ut('liveRoom.hands.none')}</p>
      ) : (
        <>
          <ol className="class-hands__list">
            {hands.slice(0, 50).map((hand) => {
              const name = delegateLabel(people.get(hand.id), t);
              return (
                <li key={hand.id}>
                  <span dir="auto" className="class-hands__name">
                    {name}
                  </span>
                  <span className="class-hands__time">{clock.format(hand.at)}</span>
                  <button
                    type="button"
                    className="button button--quiet button--small"
                    aria-label={t('liveRoom.hands.lowerLabel', { name })}
                    onClick={() => session.getState().lowerHand(hand.id)}
                  >
                    {ut('liveRoom.hands.lower')}
                  </button>
                </li>
              );
            })}
          </ol>
          <button type="button" className="button button--quiet button--small" onClick={() => session.getState().lowerHand()}>
            {ut('liveRoom.hands.lowerAll')}
          </button>
        </>
      )}
    </section>
  );
}

export function ReactionsPanel() {
  const { t } = useTranslation();
  const ut = useUiT();
  const counts = useReactionWindow(60_000);
  const any = REACTIONS.some((r) => counts[r]);
  return (
    <section className="side-section class-reactions" aria-labelledby="class-reactions-heading">
      <h2 id="class-reactions-heading">{ut('liveRoom.reactions.heading')}</h2>
      {any ? (
        <ul className="class-reactions__list">
          {REACTIONS.map((r) => (
            <li key={r} className={counts[r] ? undefined : 'class-reactions__none'}>
              <span aria-hidden="true">{REACTION_ICONS[r]}</span> {ut('liveRoom.reactions.count', { label: t(`liveRoom.reactions.${r}`), count: counts[r] ?? 0 })}
            </li>
          ))}
        </ul>
      ) : (
        <p className="class-empty">{ut('liveRoom.reactions.none')}</p>
      )}
    </section>
  );
}

function QuestionItem({ question, name, time, onMark }: { question: LiveQuestion; name: string; time: string; onMark: (status: QuestionStatus) => void }) {
  const { t } = useTranslation();
  const ut = useUiT();
  return (
    <li className={`class-questions__item class-questions__item--${question.status}`}>
      {/* Text only: React sets it as a text node, so markup a delegate typed stays letters. */}
      <p className="class-questions__text" dir="auto">
        {question.text}
      </p>
      <p className="class-questions__from">
        <span dir="auto">{t('liveRoom.questions.from', { name, time })}</span>
      </p>
      <p className="class-questions__actions">
        {question.status === 'open' ? (
          <>
            <button type="button" className="button button--small" onClick={() => onMark('answered')}>
              {ut('liveRoom.questions.answer')}
            </button>
            <button type="button" className="button button--quiet button--small" onClick={() => onMark('hidden')}>
              {ut('liveRoom.questions.hide')}
            </button>
          </>
        ) : (
          <button type="button" className="button button--quiet button--small" onClick={() => onMark('open')}>
            {ut('liveRoom.questions.reopen')}
          </button>
        )}
      </p>
    </li>
  );
}

export function QuestionQueue() {
  const { t } = useTranslation();
  const ut = useUiT();
  const session = useLiveSession();
  const questions = useLive((s) => s.questions);
  const people = useRosterIndex();
  const clock = useClock();
  const [showing, setShowing] = useState<'answered' | 'hidden' | null>(null);
  const open = questions.filter((q) => q.status === 'open');
  const answered = questions.filter((q) => q.status === 'answered');
  const hidden = questions.filter((q) => q.status === 'hidden');
  const item = (q: LiveQuestion) => (
    <QuestionItem
      key={q.id}
      question={q}
      name={delegateLabel(people.get(q.from), t)}
      time={clock.format(q.at)}
      onMark={(status) => session.getState().markQuestion(q.id, status)}
    />
  );
  return (
    <section className="side-section class-questions" aria-labelledby="class-questions-heading">
      <h2 id="class-questions-heading">{ut('liveRoom.questions.heading', { count: open.length })}</h2>
      {open.length === 0 ? <p className="class-empty">{ut('liveRoom.questions.none')}</p> : <ol className="class-questions__list">{open.map(item)}</ol>}
      {(answered.length > 0 || hidden.length > 0) && (
        <p className="button-row class-questions__filters">
          {answered.length > 0 && (
            <button
              type="button"
              className="button button--quiet button--small"
              aria-pressed={showing === 'answered'}
              onClick={() => setShowing(showing === 'answered' ? null : 'answered')}
            >
              {ut('liveRoom.questions.answeredList', { count: answered.length })}
            </button>
          )}
          {hidden.length > 0 && (
            <button
              type="button"
              className="button button--quiet button--small"
              aria-pressed={showing === 'hidden'}
              onClick={() => setShowing(showing === 'hidden' ? null : 'hidden')}
            >
              {ut('liveRoom.questions.hiddenList', { count: hidden.length })}
            </button>
          )}
        </p>
      )}
      {showing && <ol className="class-questions__list class-questions__list--done">{(showing === 'answered' ? answered : hidden).map(item)}</ol>}
    </section>
  );
}
