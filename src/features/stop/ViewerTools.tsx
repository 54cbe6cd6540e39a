/**
 * The view's second row of controls, in its upper right corner: full screen, share, embed, and
 * (where they apply) the idle turn's pause and looking by moving the phone. Each is a named,
 * bilingual 44 × 44 px button, and each is optional: the page leaves out what does not apply.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fullscreenAvailable } from '../../components/fullscreen';
import { useVisitStore } from '../../store/context';
import { stateToUrl } from '../../store/paths';
import { ShareDialog } from './ShareDialog';
import { useViewerFullscreen } from './useViewerFullscreen';
import './ViewerTools.css';

interface ViewerToolsProps {
  /** False while presenter mode owns the screen and the keys. */
  fullscreenKeys: boolean;
  /** The place's name in the visitor's language (the share sheet's title). */
  placeName: string;
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

export function ViewerTools({ fullscreenKeys, placeName }: ViewerToolsProps) {
  const { t } = useTranslation();
  const store = useVisitStore();
  // The link is taken when the dialog opens: the view it names is the one the visitor chose to share.
  const [sharing, setSharing] = useState<string | null>(null);
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
      {sharing && <ShareDialog url={sharing} title={placeName} onClose={() => setSharing(null)} />}
    </div>
  );
}
