/**
 * The guide's side of a live session: start it, show the join code, QR code and link for the
 * video call, see who follows in which language, and end it.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiT } from '../../components/useUiT';
import { focusWhenReady } from '../../components/focusRescue';
import { useQrSvg } from '../../components/useQrSvg';
import { useContent } from '../../content/ContentContext';
import { formatCode } from '../../live/protocol';
import { useLang } from '../../store/context';
import { stateToUrl } from '../../store/paths';
import { useLive, useLiveSession } from './LiveSessionContext';
import { placeName } from './placeName';
import { ReportsPanel } from './ReportsPanel';
import './LivePanel.css';

/** What the guide is told after ending a session: its code and how many screens it reached. */
export interface EndedSession {
  code: string;
  connected: number;
}

/**
 * Brings the panorama fully into view (the least scrolling that does): starting a session or
 * ending one must not leave the guide looking at a panel with the picture scrolled away.
 */
function keepPanoramaInView() {
  document.querySelector('.stage')?.scrollIntoView({ block: 'nearest' });
}

export function LivePanel({ onEnded }: { onEnded?: (ended: EndedSession) => void }) {
  const { t } = useTranslation();
  const ut = useUiT();
  const session = useLiveSession();
  const content = useContent();
  const lang = useLang();
  const role = useLive((s) => s.role);
  const code = useLive((s) => s.code);
  const status = useLive((s) => s.status);
  const stats = useLive((s) => s.stats);
  const error = useLive((s) => s.error);
  const shown = useLive((s) => s.shown);
  const sending = useLive((s) => s.sending);
  const [copied, setCopied] = useState(false);
  const [lead, setLead] = useState<string | null>(null);
  const [confirmingEnd, setConfirmingEnd] = useState(false);
  const endedCode = useLive((s) => s.endedCode);
  const [broughtBack, setBroughtBack] = useState(false);
  const link = code ? `${window.location.origin}${stateToUrl({ lang, place: { page: 'live', code }, view: null, openHotspotId: null })}` : null;
  const qr = useQrSvg(link);

  if (role === 'delegate') return null;
  if (role !== 'guide') {
    return (
      <>
      <section className="side-section live-start" aria-labelledby="live-start-heading">
        <h2 id="live-start-heading" className={endedCode ? undefined : 'visually-hidden'}>
          {ut('live.panel')}
        </h2>
        {/* After "End it now": it says so, and the report of the session stays to download. */}
        {/* Not a live region: the ended notice above (LiveEnded) announces the end once. */}
        <p className="live-start__ended">
          {endedCode ? ut('liveRoom.endedNote') : ''}
        </p>
        <button
          type="button"
          className="button button--quiet"
          onClick={() => {
            session.getState().startGuiding();
            // The button gives way to the session panel, higher up: focus follows it there, and the
            // screen shows the panorama the delegates are about to see (beside the panel on wide
            // screens), not wherever the focused heading would scroll it.
            focusWhenReady(
              () => {
                const heading = document.getElementById('live-panel-heading');
                if (heading) requestAnimationFrame(keepPanoramaInView);
                return heading;
              },
              8000,
              { preventScroll: true },
            );
          }}
        >
          {ut('live.start')}
        </button>
        <p className="live-start__hint">{ut('live.startHint')}</p>
      </section>
      {endedCode && <ReportsPanel current={endedCode} />}
      </>
    );
  }
  return (
    <section className="side-section live-panel" aria-labelledby="live-panel-heading">
      <h2 id="live-panel-heading" tabIndex={-1}>
        {ut('live.panel')} <span className={`live-dot live-dot--${status}`}>{ut(`live.${status === 'open' ? 'open' : status === 'ended' ? 'ended' : status === 'closed' ? 'connecting' : status}`)}</span>
      </h2>
      {code && (
        <>
          <p className="live-panel__code-label">{ut('live.code')}</p>
          <p className="live-panel__code" aria-label={`${t('live.code')}: ${code.split('').join(' ')}`}>
            {formatCode(code)}
          </p>
          {qr && (
            <div className="live-panel__qr" role="img" aria-label={t('live.qr', { code: formatCode(code) })} dangerouslySetInnerHTML={{ __html: qr }} />
          )}
          <p className="live-panel__link">
            <span>{ut('live.link')}: </span>
            <a href={link ?? '#'}>{link}</a>
          </p>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => {
              void navigator.clipboard?.writeText(link ?? '').then(() => setCopied(true));
            }}
          >
            {copied ? ut('live.copied') : ut('live.copy')}
          </button>
        </>
      )}
      {shown?.state && (
        <p className="live-panel__shown" aria-live="polite">
          {ut('live.shown', { place: placeName(shown.state.place, content, lang, t) ?? '' })}
          {sending && ` ${t('live.sending')}`}
        </p>
      )}
      {stats && (
        <p className="live-panel__stats" aria-live="polite">
          {ut('live.stats', { connected: stats.connected, following: stats.following, exploring: stats.exploring })}
          <br />
          {ut('live.langs', stats.langs)}
        </p>
      )}
      {status !== 'ended' && stats && stats.exploring > 0 && (
        <p className="live-panel__back">
          <span>{ut('liveRoom.bringBackHint', { count: stats.exploring })} </span>
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              session.getState().bringBack();
              setBroughtBack(true);
            }}
          >
            {ut('liveRoom.bringBack')}
          </button>
        </p>
      )}
      <p className="visually-hidden" role="status">
        {broughtBack && stats?.exploring === 0 ? ut('liveRoom.broughtBack') : ''}
      </p>
      {error && <p role="alert">{ut(`live.errors.${error}`)}</p>}
      {code && (
        <p>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => {
              const token = session.getState().guideToken();
              setLead(token ? `${link}#lead=${token}` : null);
            }}
          >
            {ut('live.otherDevice')}
          </button>
        </p>
      )}
      {lead && (
        <p className="live-panel__link">
          <span>{ut('live.otherDeviceHint')} </span>
          <a href={lead}>{lead}</a>
        </p>
      )}
      {/* Ending drops every delegate at once: it asks first, in place, and says what it does. */}
      {confirmingEnd ? (
        <div className="live-panel__confirm" role="group" aria-labelledby="live-end-question">
          <p id="live-end-question">{ut('live.endQuestion')}</p>
          <p className="button-row">
            <button
              type="button"
              className="button"
              onClick={() => {
                if (code) onEnded?.({ code, connected: stats?.connected ?? 0 });
                session.getState().leave();
                // The panel gives way to the notice that says it has ended, in the same place.
                focusWhenReady(
                  () => {
                    const notice = document.getElementById('live-ended-heading');
                    if (notice) requestAnimationFrame(keepPanoramaInView);
                    return notice;
                  },
                  8000,
                  { preventScroll: true },
                );
              }}
            >
              {ut('live.endNow')}
            </button>
            <button
              type="button"
              className="button button--quiet live-panel__keep"
              onClick={() => {
                setConfirmingEnd(false);
                focusWhenReady(() => document.querySelector<HTMLElement>('.live-panel__end'));
              }}
            >
              {ut('live.keepGoing')}
            </button>
          </p>
        </div>
      ) : (
        <button
          type="button"
          className="button live-panel__end"
          onClick={() => {
            setConfirmingEnd(true);
            // The pressed button gives way to the question: focus the safe answer, not <body>.
            focusWhenReady(() => document.querySelector<HTMLElement>('.live-panel__keep'));
          }}
        >
          {ut('live.end')}
        </button>
      )}
    </section>
  );
}
