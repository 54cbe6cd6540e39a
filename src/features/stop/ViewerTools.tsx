/**
 * The view's second row of controls, in its upper right corner: full screen, share, embed, and
 * (where they apply) the idle turn's pause, looking by moving the phone and entering VR. Each is a named,
 * bilingual 44 × 44 px button, and each is optional: the page leaves out what does not apply.
 */
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fullscreenAvailable } from '../../components/fullscreen';
import { useReducedMotion } from '../../components/useReducedMotion';
import type { View } from '../../content/schema';
import { useVisitStore } from '../../store/context';
import { stateToUrl } from '../../store/paths';
import { embedded } from '../../store/embed';
import { EmbedDialog } from './EmbedDialog';
import { ShareDialog } from './ShareDialog';
import { askDeviceLookPermission, deviceLookAvailable, useDeviceLook } from './useDeviceLook';
import { useIdleTurn } from './useIdleTurn';
import { useViewerFullscreen } from './useViewerFullscreen';
import './ViewerTools.css';

interface ViewerToolsProps {
  /** False while presenter mode owns the screen and the keys. */
  fullscreenKeys: boolean;
  /** The place's name in the visitor's language (the share sheet's title). */
  placeName: string;
  /** The view when the store has none yet (the stop's initial view). */
  initialView: View;
  /** The view may turn when idle: the stop allows it and nothing else (tour, live session, presenter) moves the camera. */
  idleTurn: boolean;
  /** A tour or live session moves the camera now: looking by moving the phone waits. */
  cameraDriven: boolean;
  /** VR: offered only where the browser can show an immersive VR session (useVr.ts). */
  vr?: { supported: boolean; active: boolean; failed: boolean; enter(): void; exit(): void } | undefined;
}

const IDLE_TURN_OFF_KEY = 'tour.idleTurnOff';

function readIdleTurnOff(): boolean {
  try {
    return localStorage.getItem(IDLE_TURN_OFF_KEY) === '1';
  } catch {
    return false;
  }
}

function TurnIcon({ on }: { on: boolean }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M20 12a8 8 0 1 1-2.3-5.7M20 4v4h-4" />
      {on ? <path d="M10 9.5v5M14 9.5v5" /> : <path d="M10.5 9l4 3-4 3z" />}
    </svg>
  );
}

/** The absolute deep link of what is on screen now: place, view, open hotspot, tour step. */
function currentLink(state: Parameters<typeof stateToUrl>[0]): string {
  return new URL(stateToUrl(state) ?? '/', window.location.origin).href;
}

function ShareIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <circle cx="18" cy="5" r="2.5" />
      <circle cx="6" cy="12" r="2.5" />
      <circle cx="18" cy="19" r="2.5" />
      <path d="M8.2 10.8l7.6-4.4M8.2 13.2l7.6 4.4" />
    </svg>
  );
}

/** Icons drawn here (inline SVG, currentColor) until the shared icon set lands. */
function FullscreenIcon({ leave }: { leave: boolean }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
      {leave ? <path d="M9 4v5H4M15 4v5h5M9 20v-5H4M15 20v-5h5" /> : <path d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5" />}
    </svg>
  );
}

function EmbedIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M8 7l-5 5 5 5M16 7l5 5-5 5M13.5 5l-3 14" />
    </svg>
  );
}

function PhoneIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <rect x="8" y="3" width="8" height="18" rx="1.5" />
      <path d="M3.5 9a8 8 0 0 0 0 6M20.5 9a8 8 0 0 1 0 6" />
    </svg>
  );
}

function HeadsetIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round">
      <path d="M3 8.5A1.5 1.5 0 0 1 4.5 7h15A1.5 1.5 0 0 1 21 8.5v7a1.5 1.5 0 0 1-1.5 1.5h-4l-2-2.5h-3l-2 2.5h-4A1.5 1.5 0 0 1 3 15.5z" />
      <circle cx="8" cy="11.5" r="1.5" />
      <circle cx="16" cy="11.5" r="1.5" />
    </svg>
  );
}

export function ViewerTools({ fullscreenKeys, placeName, initialView, idleTurn, cameraDriven, vr }: ViewerToolsProps) {
  const { t } = useTranslation();
  const store = useVisitStore();
  const reducedMotion = useReducedMotion();
  const [idleTurnOff, setIdleTurnOff] = useState(readIdleTurnOff);
  const readView = useCallback(() => store.getState().view ?? initialView, [store, initialView]);
  const writeView = useCallback((v: View) => store.getState().setView(v), [store]);
  const [canLookByPhone] = useState(deviceLookAvailable);
  const [lookByPhone, setLookByPhone] = useState(false);
  const [phoneStatus, setPhoneStatus] = useState('');
  useDeviceLook(lookByPhone, cameraDriven, readView, writeView);
  const toggleLookByPhone = async () => {
    if (lookByPhone) {
      setLookByPhone(false);
      setPhoneStatus('');
      return;
    }
    const granted = await askDeviceLookPermission();
    setLookByPhone(granted);
    setPhoneStatus(granted ? '' : t('viewerTools.motionRefused'));
  };
  // The phone moving the view is input: no idle turn meanwhile.
  const turnAvailable = idleTurn && !reducedMotion && !lookByPhone;
  const turning = useIdleTurn(turnAvailable && !idleTurnOff, readView, writeView);
  const toggleIdleTurn = () => {
    const off = !idleTurnOff;
    setIdleTurnOff(off);
    try {
      localStorage.setItem(IDLE_TURN_OFF_KEY, off ? '1' : '0');
    } catch {
      // Private mode: the choice holds for this page only.
    }
  };
  // The link is taken when the dialog opens: the view it names is the one the visitor chose to share.
  const [sharing, setSharing] = useState<string | null>(null);
  const [embedding, setEmbedding] = useState<string | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  const fullscreen = useViewerFullscreen(ref, fullscreenKeys);
  const [canFullscreen] = useState(fullscreenAvailable);
  const fullscreenLabel = fullscreen.active ? t('viewerTools.exitFullscreen') : t('viewerTools.fullscreen');
  return (
    <div ref={ref} className="viewer-tools" role="group" aria-label={t('viewerTools.group')}>
      {canFullscreen && (
        <button
          type="button"
          className="view-button viewer-tools__fullscreen"
          aria-label={fullscreenLabel}
          aria-keyshortcuts="F"
          title={`${fullscreenLabel} (F)`}
          onClick={fullscreen.toggle}
        >
          <FullscreenIcon leave={fullscreen.active} />
        </button>
      )}
      <button
        type="button"
        className="view-button viewer-tools__share"
        aria-label={t('viewerTools.share')}
        title={t('viewerTools.share')}
        aria-haspopup="dialog"
        onClick={() => setSharing(currentLink(store.getState()))}
      >
        <ShareIcon />
      </button>
      {turnAvailable && (
        <button
          type="button"
          className="view-button viewer-tools__turn"
          aria-label={t('viewerTools.idleTurn')}
          aria-pressed={!idleTurnOff}
          title={turning ? t('viewerTools.idleTurnPause') : t('viewerTools.idleTurn')}
          data-turning={turning ? 'true' : undefined}
          onClick={toggleIdleTurn}
        >
          <TurnIcon on={!idleTurnOff} />
        </button>
      )}
      {canLookByPhone && (
        <button
          type="button"
          className="view-button viewer-tools__phone"
          aria-label={t('viewerTools.lookByPhone')}
          aria-pressed={lookByPhone}
          title={t('viewerTools.lookByPhone')}
          onClick={() => void toggleLookByPhone()}
        >
          <PhoneIcon />
        </button>
      )}
      {canLookByPhone && (
        <p className="visually-hidden" role="status">
          {phoneStatus}
        </p>
      )}
      {vr?.supported && (
        <button
          type="button"
          className="view-button viewer-tools__vr"
          aria-label={vr.active ? t('vr.exit') : t('vr.enter')}
          title={vr.active ? t('vr.exit') : t('vr.enter')}
          onClick={vr.active ? vr.exit : vr.enter}
        >
          <HeadsetIcon />
        </button>
      )}
      {vr?.supported && (
        <p className="visually-hidden" role="status">
          {vr.failed ? t('vr.failed') : vr.active ? t('vr.inHeadset') : ''}
        </p>
      )}
      {sharing && <ShareDialog url={sharing} title={placeName} onClose={() => setSharing(null)} />}
      {/* Inside an embed, the host site already embeds: the snippet is the full tour's to give. */}
      {!embedded && (
        <button
          type="button"
          className="view-button viewer-tools__embed"
          aria-label={t('viewerTools.embed')}
          title={t('viewerTools.embed')}
          aria-haspopup="dialog"
          onClick={() => setEmbedding(currentLink(store.getState()))}
        >
          <EmbedIcon />
        </button>
      )}
      {embedding && <EmbedDialog url={embedding} title={t('viewerTools.frameTitle', { place: placeName })} onClose={() => setEmbedding(null)} />}
    </div>
  );
}
