/**
 * A delegate's bar while in a live session: following or exploring, the connection, one control
 * to break away or follow again, and one polite live region that announces what the guide did
 * (a new place, an opened panel, a tour step — never a mere camera turn) without moving focus.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiT } from '../../components/useUiT';
import type { TFunction } from 'i18next';
import { focusWhenReady } from '../../components/focusRescue';
import { useContent } from '../../content/ContentContext';
import { findCampus, findHotspot, findStop } from '../../content/lookup';
import type { Content, Lang } from '../../content/schema';
import { useLang, useVisitStore } from '../../store/context';
import type { VisitState } from '../../store/visitStore';
import { useLive, useLiveSession } from './LiveSessionContext';
import { placeName } from './placeName';
import { useCountdown } from './useCountdown';
import { DelegateTools } from './DelegateTools';
import { PollSheet, pollAnnouncement } from './PollSheet';
import { pollWords } from './pollText';

function announcement(state: VisitState, prev: VisitState, content: Content, lang: Lang, t: TFunction): string | null {
  const p = state.place;
  if (JSON.stringify(p) !== JSON.stringify(prev.place)) {
    if (p.page !== 'stop' && p.page !== 'campus' && p.page !== 'home' && p.page !== 'about') return null;
    const name = placeName(p, content, lang, t);
    return name ? t('live.movedTo', { place: name }) : null;
  }
  if (state.openHotspotId && state.openHotspotId !== prev.openHotspotId && p.page === 'stop') {
    const campus = findCampus(content, p.campusId);
    const stop = campus && findStop(campus, p.stopId);
    const h = stop && findHotspot(stop, state.openHotspotId);
    if (h?.kind === 'info') return t('live.openedInfo', { title: h.title[lang] });
  }
  if (state.tour && state.tour.step !== prev.tour?.step) {
    const tour = content.tours.find((x) => x.id === state.tour?.id);
    if (tour) return t('live.tourStep', { step: state.tour.step + 1, count: tour.steps.length });
  }
  return null;
}

export function DelegateBar() {
  const { t } = useTranslation();
  const ut = useUiT();
  const store = useVisitStore();
  const session = useLiveSession();
  const content = useContent();
  const role = useLive((s) => s.role);
  const following = useLive((s) => s.following);
  const status = useLive((s) => s.status);
  const error = useLive((s) => s.error);
  const phase = useLive((s) => s.phase);
  const seconds = useCountdown(useLive((s) => (s.phase === 'limited' ? s.retryAt : null)));
  const lang = useLang();
  // While the delegate looks around alone, the bar says where the guide is (the relay's snapshot).
  const guideAt = useLive((s) => s.shown?.state?.place ?? null);
  const guideName = guideAt ? placeName(guideAt, content, lang, t) : null;
  const [said, setSaid] = useState('');
  const bar = useRef<HTMLDivElement>(null);
  const removed = useLive((s) => s.removed);
  const poll = useLive((s) => s.poll);
  const [sheetOpen, setSheetOpen] = useState(true);
  /** The delegate's own last hand action, so a hand the guide lowered is told apart. */
  const ownHand = useRef(false);

  // The class: a new poll or its result opens the sheet and is announced; a hand the guide lowered is said.
  useEffect(() => {
    if (role !== 'delegate') return;
    return session.subscribe((state, prev) => {
      if (state.poll && state.poll !== prev.poll) {
        const words = pollWords(state.poll.source, state.poll.options, content, store.getState().lang);
        const message = words ? pollAnnouncement(state.poll, prev.poll, words, t) : null;
        if (message) setSaid(message);
        if (state.poll.id !== prev.poll?.id || (state.poll.phase === 'revealed' && prev.poll?.phase !== 'revealed')) setSheetOpen(true);
      }
      if (prev.handRaised && !state.handRaised && !ownHand.current) setSaid(t('liveRoom.hands.announceLowered'));
      if (state.handRaised !== prev.handRaised) ownHand.current = false;
    });
  }, [role, session, content, store, t]);

  // The bar sticks to the top: the page keeps what Tab focuses below it (scroll-padding-top).
  useEffect(() => {
    const el = bar.current;
    if (role !== 'delegate' || !el) return;
    const root = document.documentElement;
    const update = () => root.style.setProperty('--delegate-bar', `${Math.ceil(el.getBoundingClientRect().height)}px`);
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--delegate-bar');
    };
  }, [role]);

  useEffect(() => {
    if (role !== 'delegate') return;
    return store.subscribe((state, prev) => {
      if (!session.getState().following) return;
      const message = announcement(state, prev, content, state.lang, t);
      if (message) setSaid(message);
    });
  }, [role, store, session, content, t]);

  if (role !== 'delegate') return null;
  // "Following" only while the relay has this delegate in the session and the line is open.
  const line =
    removed
      ? ut('liveRoom.removed')
      : status === 'ended'
      ? ut('live.ended')
      : phase === 'limited'
        ? ut(error === 'busy' ? 'live.busyRetry' : 'live.retryIn', { seconds: seconds ?? 0 })
        : phase === 'waiting'
          ? ut('live.waiting')
          : status !== 'open' || phase !== 'joined'
            ? ut(status === 'reconnecting' ? 'live.reconnecting' : 'live.connecting')
            : following
              ? ut('live.following')
              : guideName
                ? ut('live.exploringGuideAt', { place: guideName })
                : ut('live.exploring');
  const shownError = error && error !== 'rate-limited' && error !== 'busy' ? error : null;
  return (
    <>
    <div ref={bar} className="delegate-bar" role="region" aria-label={t('live.bar')}>
      {/* A status region: "The live session has ended." and "Reconnecting…" are announced (4.1.3). */}
      <p className="delegate-bar__status" role="status">
        <span className={`live-dot live-dot--${status}`} aria-hidden="true" />
        {line}
      </p>
      {shownError && <p className="delegate-bar__error">{ut(`live.errors.${shownError}`)}</p>}
      <div className="delegate-bar__actions">
        {poll && !sheetOpen && status !== 'ended' && (
          <button type="button" className="button delegate-bar__poll" onClick={() => setSheetOpen(true)}>
            {ut(poll.phase === 'revealed' ? 'liveRoom.sheet.reopenResult' : 'liveRoom.sheet.reopen')}
          </button>
        )}
        {status !== 'ended' &&
          (following ? (
            <button type="button" className="button button--quiet" onClick={() => session.getState().breakAway()}>
              {ut('live.breakAway')}
            </button>
          ) : (
            <button type="button" className="button" onClick={() => session.getState().followGuide()}>
              {ut('live.rejoin')}
            </button>
          ))}
        <button
          type="button"
          className="button button--quiet"
          onClick={() => {
            session.getState().leave();
            // The bar goes away with its buttons: focus the page the delegate stays on.
            focusWhenReady(() => document.querySelector<HTMLElement>('#main h1'));
          }}
        >
          {ut('live.leave')}
        </button>
      </div>
      {status !== 'ended' && phase === 'joined' && (
        <DelegateTools
          onHand={() => {
            ownHand.current = true;
          }}
        />
      )}
      <p className="visually-hidden" aria-live="polite">
        {said}
      </p>
    </div>
    {status !== 'ended' && <PollSheet open={sheetOpen} onHide={() => setSheetOpen(false)} />}
    </>
  );
}
