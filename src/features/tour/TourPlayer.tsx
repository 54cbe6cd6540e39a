/**
 * The tour player: previous / play-pause / next, progress, every step to jump to, narration read
 * aloud at an adjustable pace, and the way into presenter mode.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiT } from '../../components/useUiT';
import { useStore } from 'zustand';
import { useContent } from '../../content/ContentContext';
import { findCampus, findStop } from '../../content/lookup';
import { Text } from '../../components/Text';
import { focusIsLost } from '../../components/focusRescue';
import { useLang, usePresenter, usePresenterStore, useVisitStore } from '../../store/context';
import { usePresenterMode } from './presenterMode';
import { pickVoice, speak, useVoices } from './speech';
import { isAtStep, stepSeconds } from './tourSteps';
import { useTour } from './useTour';

const PACES = [
  { value: 0.75, key: 'tour.paceSlow' },
  { value: 1, key: 'tour.paceNormal' },
  { value: 1.3, key: 'tour.paceFast' },
] as const;

/** Pause after the voice ends before moving on, so a step does not rush into the next. */
const AFTER_SPEECH_MS = 1200;

export function TourPlayer() {
  const { t } = useTranslation();
  const ut = useUiT();
  const lang = useLang();
  const content = useContent();
  const store = useVisitStore();
  const { tour, index, step, count, goTo, next, previous, leave } = useTour();
  const atStep = useStore(store, (s) => (step ? isAtStep(s, step) : true));
  const presenting = usePresenter((s) => s.presenting);
  const bilingual = usePresenter((s) => s.bilingual);
  const toggle = usePresenter((s) => s.toggle);
  const presenter = usePresenterMode();
  const [playing, setPlaying] = useState(false);
  const [listening, setListening] = useState(false);
  const [pace, setPace] = useState(1);
  const voices = useVoices();
  const voice = pickVoice(voices, lang);
  const reading = listening && voice !== undefined;
  const presenterStore = usePresenterStore();
  useEffect(() => {
    presenterStore.getState().setReadingAloud(reading);
    return () => presenterStore.getState().setReadingAloud(false);
  }, [presenterStore, reading]);

  // Present and Leave presenter mode remove the button that was pressed (2.4.3). Presenting, focus
  // goes to Next, where Space and Enter, like the clicker, move on (on "Leave presenter mode" a
  // Space would end the presentation); leaving, to Present. Only after a change of mode, not when
  // the player first appears.
  const presentButton = useRef<HTMLButtonElement>(null);
  const nextButton = useRef<HTMLButtonElement>(null);
  const wasPresenting = useRef(presenting);
  useEffect(() => {
    if (wasPresenting.current === presenting) return;
    wasPresenting.current = presenting;
    if (presenting) {
      if (focusIsLost()) nextButton.current?.focus();
      return;
    }
    // Leaving with Esc while on Next: on a phone the player's Next hides again, and its twin in the
    // step bar under the picture takes the focus (read now, before the browser drops it).
    const wasOnNext = document.activeElement === nextButton.current;
    const frame = requestAnimationFrame(() => {
      const next = nextButton.current;
      if (wasOnNext && next && next.checkVisibility?.() === false) document.querySelector<HTMLElement>('.step-bar__next')?.focus();
      else if (focusIsLost()) presentButton.current?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [presenting]);


  // Narration and autoplay: read the step aloud if asked, and move on when it ends (or after the
  // step's time when there is no voice). Any change of step, pace or language starts over.
  useEffect(() => {
    if (!step) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const advance = () => {
      if (index < count - 1) next();
      else setPlaying(false);
    };
    let stopSpeaking: (() => void) | undefined;
    if (listening && voice) {
      stopSpeaking = speak(step.narration[lang], voice, pace, () => {
        if (playing) timer = setTimeout(advance, AFTER_SPEECH_MS / pace);
      });
    } else if (playing) {
      timer = setTimeout(advance, (stepSeconds(step, lang) * 1000) / pace);
    }
    return () => {
      clearTimeout(timer);
      stopSpeaking?.();
    };
    // `next` changes with every step; the step index already restarts this effect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [step, index, count, playing, listening, voice, pace, lang]);

  if (!tour || !step) return null;
  const stopName = (campusId: string, stopId: string) => {
    const campus = findCampus(content, campusId);
    const s = campus && findStop(campus, stopId);
    return s ? s.name : { zh: stopId, en: stopId };
  };

  return (
    <section className="tour-player" aria-labelledby="tour-player-title">
      <div className="tour-player__head">
        <h2 id="tour-player-title" className="tour-player__title" aria-label={t('tour.playerNamed', { tour: tour.title[lang] })}>
          <Text value={tour.title} />
        </h2>
        <p className="tour-player__count" aria-hidden="true">
          {index + 1} / {count}
        </p>
      </div>
      <div
        className="progress"
        role="progressbar"
        aria-label={t('tour.progress', { step: index + 1, count })}
        aria-valuemin={1}
        aria-valuemax={count}
        aria-valuenow={index + 1}
      >
        <span className="progress__bar" style={{ width: `${((index + 1) / count) * 100}%` }} />
      </div>
      <div className="tour-player__controls">
        {/* aria-disabled, not disabled: a disabled button drops the focus of a keyboard user. */}
        <button type="button" className="button button--quiet tour-player__previous" onClick={previous} aria-disabled={index === 0}>
          <span aria-hidden="true">◀ </span>
          {ut('tour.previous')}
        </button>
        <button type="button" className="button" aria-pressed={playing} onClick={() => setPlaying((p) => !p)}>
          {playing ? ut('tour.pause') : ut('tour.play')}
        </button>
        <button ref={nextButton} type="button" className="button button--quiet tour-player__next" onClick={next}>
          {ut('tour.next')}
          <span aria-hidden="true"> ▶</span>
        </button>
        <button type="button" className="button button--quiet" aria-pressed={listening} onClick={() => setListening((l) => !l)}>
          {ut('tour.listen')}
        </button>
        <label className="tour-player__pace">
          {ut('tour.pace')}
          <select value={pace} onChange={(e) => setPace(Number(e.target.value))}>
            {PACES.map((p) => (
              <option key={p.value} value={p.value}>
                {t(p.key)}
              </option>
            ))}
          </select>
        </label>
        {presenting ? (
          <>
            <button type="button" className="button button--quiet" aria-pressed={bilingual} onClick={() => toggle('bilingual')}>
              {ut('tour.bilingual')}
            </button>
            <button type="button" className="button button--quiet" onClick={() => openNotesWindow(lang, tour.id, index)}>
              {ut('tour.notesWindow')}
            </button>
            <button type="button" className="button button--quiet" onClick={() => toggle('help')}>
              {ut('tour.keys')}
            </button>
            <button type="button" className="button button--quiet" onClick={presenter.leave}>
              {ut('tour.leavePresenter')}
            </button>
          </>
        ) : (
          <button ref={presentButton} type="button" className="button button--quiet" onClick={presenter.enter}>
            {ut('tour.present')}
          </button>
        )}
        <button
          type="button"
          className="button button--quiet"
          onClick={() => {
            leave();
            // The player goes away with this button: focus the stop's heading, where the visitor still is.
            requestAnimationFrame(() => document.getElementById('stop-title')?.focus());
          }}
        >
          {ut('tour.leave')}
        </button>
      </div>
      {listening && !voice && (
        <p className="tour-player__note" role="status">
          {ut('tour.noVoice', { language: t(`tour.voiceLang.${lang}`) })}
        </p>
      )}
      {!atStep && (
        <button type="button" className="button" onClick={() => goTo(index)}>
          {ut('tour.resume', { step: index + 1 })}
        </button>
      )}
      <details className="tour-player__steps">
        <summary>{ut('tour.allSteps')}</summary>
        <ol>
          {tour.steps.map((s, i) => (
            <li key={i}>
              <button
                type="button"
                className="list-button"
                aria-current={i === index ? 'step' : undefined}
                onClick={() => goTo(i)}
              >
                <span className="list-button__icon" aria-hidden="true">
                  {i + 1}
                </span>
                <Text value={stopName(s.campus, s.stop)} />
              </button>
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}

/** Opens the speaker-notes window, like a slide show's presenter view. */
export function openNotesWindow(lang: string, tourId: string, index: number) {
  window.open(`/${lang}/notes/${tourId}?step=${index + 1}`, 'cbdo-speaker-notes', 'popup,width=960,height=720');
}
