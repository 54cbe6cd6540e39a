/**
 * A tour's quiz. Each question is a real radio group (fieldset, legend, radio inputs: arrows move,
 * Space chooses); the delegate chooses, then checks, so moving through the options with the arrow
 * keys never answers by accident. After each check the feedback and the explanation appear under
 * the question, and the page's one polite live region says it, focus staying on the button. The
 * explanation links to the tour step that told it. At the end the answers go to the server, which
 * scores them; its result is shown and kept in the passport.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiT } from '../../components/useUiT';
import { PlaceLink } from '../../components/PlaceLink';
import { QuizTourGate } from '../../components/QuizTourGate';
import { Text, ZhPieces } from '../../components/Text';
import { useContent } from '../../content/ContentContext';
import { findCampus, findStop } from '../../content/lookup';
import { PASS_PERCENT, scoreQuiz, type QuizAnswers } from '../../content/quiz';
import type { QuizQuestion, Tour } from '../../content/schema';
import { htmlLang } from '../../i18n/i18n';
import { useLang, useVisitStore } from '../../store/context';
import { stateToUrl } from '../../store/paths';
import { useRecord, useRecordStore } from '../../store/recordContext';
import { tourProgress } from '../../store/recordProgress';
import { submitQuiz, type QuizAttemptResult } from './quizApi';
import './QuizPage.css';

export function QuizPage({ tourId }: { tourId: string }) {
  return <QuizTourGate tourId={tourId}>{(tour, questions) => <Quiz key={tour.id} tour={tour} questions={questions} />}</QuizTourGate>;
}

type Sending = { state: 'idle' } | { state: 'sending' } | { state: 'failed'; detail: string } | { state: 'done'; result: QuizAttemptResult };

function Quiz({ tour, questions }: { tour: Tour; questions: QuizQuestion[] }) {
  const { t } = useTranslation();
  const ut = useUiT();
  const lang = useLang();
  const record = useRecordStore();
  const stamps = useRecord((s) => s.stamps);
  const quizzes = useRecord((s) => s.quizzes);
  const [chosen, setChosen] = useState<Record<string, number | boolean>>({});
  const [checked, setChecked] = useState<QuizAnswers>({});
  const [announcement, setAnnouncement] = useState('');
  const [hint, setHint] = useState<string | null>(null);
  const [sending, setSending] = useState<Sending>({ state: 'idle' });
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);

  const answerText = (q: QuizQuestion, value: number | boolean) => (q.kind === 'choice' ? (q.options[value as number]?.[lang] ?? '') : value ? t('quiz.true') : t('quiz.false'));
  const feedbackOf = (q: QuizQuestion) => {
    const given = checked[q.id];
    if (given === undefined) return null;
    const right = scoreQuiz({ quiz: { questions: [q] } }, { [q.id]: given }).correct === 1;
    return { right, text: right ? ut('quiz.right') : ut('quiz.wrong', { answer: answerText(q, q.answer) }) };
  };

  const check = (q: QuizQuestion) => {
    if (checked[q.id] !== undefined) return;
    const value = chosen[q.id];
    if (value === undefined) {
      setHint(q.id);
      setAnnouncement(t('quiz.chooseFirst'));
      return;
    }
    setHint(null);
    const next = { ...checked, [q.id]: value };
    setChecked(next);
    const right = scoreQuiz({ quiz: { questions: [q] } }, { [q.id]: value }).correct === 1;
    setAnnouncement(`${right ? t('quiz.right') : t('quiz.wrong', { answer: answerText(q, q.answer) })} ${q.explanation[lang]}`);
  };

  const unanswered = questions.filter((q) => checked[q.id] === undefined).length;
  const send = async () => {
    if (unanswered > 0) {
      setAnnouncement(t('quiz.unanswered', { count: unanswered }));
      return;
    }
    setSending({ state: 'sending' });
    setAnnouncement(t('quiz.sending'));
    try {
      const result = await submitQuiz(tour.id, checked);
      record.getState().quizResult(tour.id, { ...result, at: new Date().toISOString() });
      setSending({ state: 'done', result });
      setAnnouncement('');
      requestAnimationFrame(() => resultHeading.current?.focus());
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      setSending({ state: 'failed', detail });
      setAnnouncement(t('quiz.sendFailed', { detail }));
    }
  };
  const again = () => {
    setChosen({});
    setChecked({});
    setSending({ state: 'idle' });
    setAnnouncement('');
    requestAnimationFrame(() => titleRef.current?.focus());
  };

  const progress = tourProgress({ stamps, quizzes }, tour);
  const done = sending.state === 'done' ? sending.result : null;
  return (
    <div className="quiz">
      <h1 ref={titleRef} tabIndex={-1}>
        {ut('quiz.title', { tour: tour.title[lang] })}
      </h1>
      <p className="lead">{ut('quiz.intro', { count: questions.length, pass: PASS_PERCENT })}</p>
      <ol className="quiz__questions">
        {questions.map((q, i) => {
          const feedback = feedbackOf(q);
          const locked = checked[q.id] !== undefined || done !== null;
          const options = q.kind === 'choice' ? q.options.map((o, index) => ({ value: index as number | boolean, label: lang === 'zh' ? <ZhPieces text={o.zh} /> : o[lang] })) : [true, false].map((v) => ({ value: v as number | boolean, label: v ? ut('quiz.true') : ut('quiz.false') }));
          return (
            <li key={q.id} className="quiz__question">
              <fieldset aria-describedby={feedback ? `quiz-feedback-${q.id}` : undefined}>
                <legend>
                  <span className="quiz__number">{ut('quiz.question', { n: i + 1, count: questions.length })}</span>
                  <Text className="quiz__prompt" value={q.prompt} />
                </legend>
                <div className="quiz__options">
                  {options.map((o) => {
                    const id = `quiz-${q.id}-${String(o.value)}`;
                    const isAnswer = locked && o.value === q.answer;
                    return (
                      <div key={id} className={`quiz__option${isAnswer ? ' quiz__option--answer' : ''}`}>
                        <input
                          type="radio"
                          id={id}
                          name={`quiz-${q.id}`}
                          checked={chosen[q.id] === o.value}
                          disabled={locked && chosen[q.id] !== o.value}
                          onChange={() => {
                            if (!locked) setChosen((c) => ({ ...c, [q.id]: o.value }));
                          }}
                        />
                        <label htmlFor={id} lang={htmlLang(lang)}>
                          {o.label}
                        </label>
                      </div>
                    );
                  })}
                </div>
                <p className="quiz__check">
                  <button type="button" className="button button--quiet" aria-disabled={locked ? 'true' : undefined} onClick={() => check(q)}>
                    {locked ? ut('quiz.checked') : ut('quiz.check')}
                  </button>
                  {hint === q.id && !locked && <span className="quiz__hint">{ut('quiz.chooseFirst')}</span>}
                </p>
                {feedback && (
                  <div id={`quiz-feedback-${q.id}`} className={`quiz__feedback quiz__feedback--${feedback.right ? 'right' : 'wrong'}`}>
                    <p className="quiz__verdict">{feedback.text}</p>
                    <Text as="p" value={q.explanation} />
                    <CitedStep tour={tour} step={q.cites.step} />
                  </div>
                )}
              </fieldset>
            </li>
          );
        })}
      </ol>
      {done ? (
        <section className={`quiz__result quiz__result--${done.passed ? 'passed' : 'failed'}`} aria-labelledby="quiz-result">
          <h2 id="quiz-result" ref={resultHeading} tabIndex={-1}>
            {ut('quiz.score', { correct: done.correct, total: done.total, percent: done.percent })}
          </h2>
          <p className="quiz__verdict">{done.passed ? ut('quiz.passed') : ut('quiz.failed', { pass: PASS_PERCENT })}</p>
          <p className="quiz__server">{ut('quiz.scoredByServer')}</p>
          <p className="button-row">
            {done.passed && progress.ready && (
              <PlaceLink to={{ page: 'certificate', tourId: tour.id }} className="button">
                {ut('quiz.toCertificate')}
              </PlaceLink>
            )}
            {!done.passed && (
              <button type="button" className="button" onClick={again}>
                {ut('quiz.again')}
              </button>
            )}
            <PlaceLink to={{ page: 'passport' }} className="button button--quiet">
              {ut('quiz.toPassport')}
            </PlaceLink>
          </p>
        </section>
      ) : (
        <p className="button-row quiz__submit">
          <button type="button" className="button" aria-disabled={sending.state === 'sending' ? 'true' : undefined} onClick={() => sending.state !== 'sending' && void send()}>
            {sending.state === 'sending' ? ut('quiz.sending') : ut('quiz.submit')}
          </button>
          {unanswered > 0 && <span className="quiz__hint">{ut('quiz.unanswered', { count: unanswered })}</span>}
        </p>
      )}
      {sending.state === 'failed' && (
        <p className="quiz__error" role="alert">
          {ut('quiz.sendFailed', { detail: sending.detail })}
        </p>
      )}
      {/* The one live region of the page: feedback is said once, politely, without moving focus. */}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}

/** A link to the tour step (counting from 1) that told the fact: it opens that step of the tour. */
function CitedStep({ tour, step }: { tour: Tour; step: number }) {
  const ut = useUiT();
  const content = useContent();
  const store = useVisitStore();
  const lang = useLang();
  const s = tour.steps[step - 1];
  const campus = s && findCampus(content, s.campus);
  const stop = campus && s && findStop(campus, s.stop);
  if (!s || !stop) return null;
  const position = { id: tour.id, step: step - 1 };
  const place = { page: 'stop' as const, campusId: s.campus, stopId: s.stop };
  const href = stateToUrl({ lang, place, view: s.view, openHotspotId: s.hotspot ?? null, tour: position }) ?? '/';
  return (
    <p className="quiz__cite">
      <a
        href={href}
        onClick={(e) => {
          if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
          e.preventDefault();
          store.getState().goToStep(position, place, s.view, s.hotspot ?? null);
        }}
      >
        {ut('quiz.seeStep', { step, stop: stop.name[lang] })}
      </a>
    </p>
  );
}
